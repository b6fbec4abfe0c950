import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterEach, expect, test } from 'vitest';
import { scanAll } from '../../support/dynamodb-local';
import { freshSession } from '../../support/session';
import { checkpointsLeft, seedItems } from '../stepfunctions/support';

/**
 * A bulk pass whose items fail stops at its checkpoints: the step is recorded failed and as
 * stopped there, so `apply --resume` continues it from them once the cause is fixed, idempotent
 * or not, as after a stop. A local run (no fan-out) here; test/runner/stepfunctions/failures
 * does the same through a Step Functions execution.
 */

afterEach(() => {
  delete process.env.DM_THROW_AT;
});

test('a pass that failed on an item: recorded as stopped at its checkpoints; apply refuses, apply --resume finishes it', async () => {
  const { session, table, client, log } = await freshSession('lambda');
  await seedItems({ dynamo: client, table }, 120);
  // The fixture's 1.2.0 throws on this item (read in this process: the local runner loads it here).
  process.env.DM_THROW_AT = 'item-37';
  const failed = await session.apply(await session.plan({ command: 'apply' }));
  expect(failed.status, log.join('\n')).toBe('failed');
  expect(failed.error).toContain('bad item item-37');
  expect(failed.next).toContain('apply --resume: 1.2.0 continues from its checkpoints');
  const record = (await session.readState()).records.at(-1)!;
  expect(record).toMatchObject({ version: '1.2.0', checkpointed: true });
  expect(await checkpointsLeft({ dynamo: client, table })).toBeGreaterThan(0);

  // The cause fixed: a plain apply is still refused by the failed state, and names the resume.
  delete process.env.DM_THROW_AT;
  const plain = await session.plan({ command: 'apply' });
  expect(plain.blockers).toMatchObject([{ kind: 'failed-state', version: '1.2.0' }]);
  expect(plain.blockers[0]!.next).toContain('apply --resume (it continues from its checkpoints)');
  const refused = await session.apply(plain);
  expect(refused.exitCode).toBe(1);

  const resumed = await session.apply(await session.plan({ command: 'apply', resume: true }));
  expect(resumed.status, resumed.error).toBe('applied');
  expect(resumed.steps.map((s) => `${s.kind} ${s.version} ${s.status}`)).toEqual(['resume 1.2.0 applied']);
  const items = (await scanAll(client, table)).map((i) => unmarshall(i)).filter((i) => i._type === 'Item');
  expect(items).toHaveLength(120);
  expect(items.filter((i) => i.n !== 1 || i.second !== 1).map((i) => [i.id, i.n, i.second])).toEqual([]);
  const state = await session.readState();
  expect(state.records.map((r) => `${r.version} ${r.status}`)).toEqual([
    '1.0.0 success',
    '1.1.0 success',
    '1.2.0 success',
  ]);
  expect(state.lock).toBeUndefined();
  expect(await checkpointsLeft({ dynamo: client, table })).toBe(0);
});

test('a step that threw outside a bulk pass is not recorded as checkpointed: a non-idempotent one still needs repair', async () => {
  const { session, table, client } = await freshSession('lambda');
  await seedItems({ dynamo: client, table }, 10);
  const first = await session.apply(await session.plan({ command: 'to', version: '1.1.0' }));
  expect(first.status).toBe('applied');
  // Not a pass's failed items: the migration itself throws.
  const m = session.project.migrations.find((x) => x.version === '1.2.0')!;
  const up = m.up;
  m.up = async () => {
    throw new Error('boom outside a pass');
  };
  try {
    const r = await session.apply(await session.plan({ command: 'apply' }));
    expect(r.status).toBe('failed');
    expect((await session.readState()).records.at(-1)).not.toHaveProperty('checkpointed');
    const p = await session.plan({ command: 'apply', resume: true });
    expect(p.blockers[0]!.next).toContain('not idempotent');
  } finally {
    m.up = up;
  }
});
