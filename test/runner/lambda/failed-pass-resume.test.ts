import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { silentLogger } from '../../../src/core/logger';
import { deployController, redeployController } from '../../support/controller-fixture';
import { scanAll } from '../../support/dynamodb-local';
import { type LambdaStub, startLambdaStub } from '../../support/lambda-stub';
import { openLambdaSession } from '../../support/session';
import { checkpointsLeft, seedItems } from '../stepfunctions/support';

/**
 * Through a controller without a state machine (each step whole in dm:body): a bulk pass whose
 * items failed stopped at its checkpoints, which dm:body says beside its error message, so the
 * step is recorded checkpointed and apply --resume continues it once the controller is fixed.
 */

let stub: LambdaStub;
beforeAll(async () => {
  stub = await startLambdaStub();
});
afterAll(async () => {
  await stub?.stop();
});

test('dm:body: failed on an item, recorded checkpointed; fixed and redeployed, apply --resume finishes it', async () => {
  const d = await deployController(stub, { env: { DM_THROW_AT: 'item-37' } });
  await seedItems(d, 120);
  const s = openLambdaSession(d.project, 'dev', { client: d.lambda, log: silentLogger, actor: 'ci@example' });
  const failed = await s.apply(await s.plan({ command: 'apply' }));
  expect(failed.status).toBe('failed');
  expect(failed.error).toContain('bad item item-37');
  expect(failed.next).toContain('apply --resume: 1.2.0 continues from its checkpoints');
  expect((await s.readState()).records.at(-1)).toMatchObject({ version: '1.2.0', checkpointed: true });

  redeployController(stub, d);
  const resumed = await s.apply(await s.plan({ command: 'apply', resume: true }));
  expect(resumed.status, resumed.error).toBe('applied');
  expect(resumed.steps.map((x) => `${x.kind} ${x.version} ${x.status}`)).toEqual(['resume 1.2.0 applied']);
  const items = (await scanAll(d.dynamo, d.table)).map((i) => unmarshall(i)).filter((i) => i._type === 'Item');
  expect(items).toHaveLength(120);
  expect(items.filter((i) => i.n !== 1 || i.second !== 1).map((i) => [i.id, i.n, i.second])).toEqual([]);
  expect((await s.readState()).lock).toBeUndefined();
  expect(await checkpointsLeft(d)).toBe(0);
});
