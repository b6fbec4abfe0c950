import { BatchWriteItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Logger } from '../../../src/core/logger';
import { CHECKPOINT_HASH } from '../../../src/dynamodb/bulk';
import { openLambdaSession as openRemoteSession } from '../../support/session';
import { deployController } from '../../support/controller-fixture';
import { scanAll } from '../../support/dynamodb-local';
import { startLambdaStub, type LambdaStub } from '../../support/lambda-stub';

let stub: LambdaStub;
beforeAll(async () => {
  stub = await startLambdaStub();
});
afterAll(async () => {
  await stub?.stop();
});

const ITEMS = 200;

describe('fan-out over scan segments', () => {
  test('8 segments, one invocation killed mid-way, time limits hit: every item processed exactly once', async () => {
    // Each invocation may run 30 s and stops 15 s before that; a segment's 25 items take at least
    // 17.5 s in the first pass (700 ms each), so every segment needs more than one invocation.
    // (Generous limits: the invocations share a small machine with DynamoDB Local.)
    const d = await deployController(stub, {
      timeoutMs: 30_000,
      env: { DM_SAFETY_MARGIN_MS: '15000', DM_ITEM_DELAY_MS: '700', DM_KILL_AT: 'item-137' },
    });
    for (let i = 0; i < ITEMS; i += 25) {
      const batch = Array.from({ length: Math.min(25, ITEMS - i) }, (_, j) => ({
        PutRequest: { Item: marshall({ pk: `ITEM#${i + j}`, sk: 'ITEM', _type: 'Item', id: `item-${i + j}` }) },
      }));
      await d.dynamo.send(new BatchWriteItemCommand({ RequestItems: { [d.table]: batch } }));
    }
    // The invocation of the first pass's segment that reaches item-137 dies where it stands.
    stub.killOnce((e) => e.cmd === 'dm:segment' && (e.args as { pass?: number }).pass === 1, 'KILL-POINT');
    const lines: string[] = [];
    const log: Logger = {
      info: (m) => lines.push(m),
      warn: (m) => lines.push(`warn: ${m}`),
      error: (m) => lines.push(`error: ${m}`),
      debug: () => undefined,
    };
    const s = openRemoteSession(d.project, 'dev', {
      client: d.lambda,
      log,
      actor: 'ci@example',
      leaseMs: 20_000,
      fanOut: { segments: 8, concurrency: 4, maxAttempts: 5 },
    });

    const plan = await s.plan({ command: 'apply' });
    const report = await s.apply(plan, { expectedHash: plan.hash });
    expect(report.status, `${report.error}\n${lines.join('\n')}`).toBe('applied');
    expect(report.steps.map((x) => `${x.version} ${x.status}`)).toEqual([
      '1.0.0 applied',
      '1.1.0 applied',
      '1.2.0 applied',
    ]);

    const items = (await scanAll(d.dynamo, d.table)).map((i) => unmarshall(i)).filter((i) => i._type === 'Item');
    expect(items).toHaveLength(ITEMS);
    expect(items.filter((i) => i.n !== 1).map((i) => [i.id, i.n])).toEqual([]);
    expect(items.filter((i) => i.second !== 1).map((i) => [i.id, i.second])).toEqual([]);

    // Counts aggregated over segments and passes: every item scanned once per pass.
    const bulk = report.steps.find((x) => x.version === '1.2.0')!;
    expect(bulk.counts?.scanned).toBe(2 * ITEMS);
    expect(bulk.counts!.changed + bulk.counts!.skipped).toBe(2 * ITEMS);

    const segmentCalls = stub.invocations.filter(
      (i) => i.functionName === d.functionName && i.event.cmd === 'dm:segment',
    );
    const pass1 = segmentCalls.filter((i) => (i.event.args as { pass: number }).pass === 1);
    expect(new Set(pass1.map((i) => (i.event.args as { segment: number }).segment)).size).toBe(8);
    // One was killed and retried from its checkpoint; others stopped before their time limit and were invoked again.
    expect(pass1.filter((i) => i.outcome === 'killed')).toHaveLength(1);
    expect(
      pass1.filter(
        (i) => i.outcome === 'ok' && (i.payload as { body: { status: string } }).body.status === 'incomplete',
      ).length,
    ).toBeGreaterThan(0);
    expect(segmentCalls.every((i) => i.outcome !== 'timeout')).toBe(true);

    // The step is recorded once, the lock is released, the checkpoints are gone.
    const state = await s.readState();
    expect(state.records.map((r) => [r.version, r.status])).toEqual([
      ['1.0.0', 'success'],
      ['1.1.0', 'success'],
      ['1.2.0', 'success'],
    ]);
    expect(state.records.find((r) => r.version === '1.2.0')!.counts?.scanned).toBe(2 * ITEMS);
    expect(state.lock).toBeUndefined();
    const checkpoints = await d.dynamo.send(
      new QueryCommand({
        TableName: d.table,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': { S: CHECKPOINT_HASH } },
      }),
    );
    expect(checkpoints.Items ?? []).toEqual([]);
    const log2 = await s.readLog();
    expect(log2.filter((e) => e.event === 'step' && e.outcome === 'applied').map((e) => e.versions)).toHaveLength(3);
    expect(log2.some((e) => e.event === 'apply-end' && e.outcome === 'applied')).toBe(true);
  }, 900_000);

  test('a step that throws fails the fanned-out run with its message; the failure is recorded and the lock released', async () => {
    const d = await deployController(stub, { env: { FAIL_110: '1' } });
    const quiet: Logger = { info() {}, warn() {}, error() {}, debug() {} };
    const s = openRemoteSession(d.project, 'dev', { client: d.lambda, log: quiet, fanOut: { segments: 4 } });
    const report = await s.apply(await s.plan({ command: 'apply' }));
    expect(report.status).toBe('failed');
    expect(report.steps.map((x) => `${x.version} ${x.status}`)).toEqual(['1.0.0 applied', '1.1.0 failed']);
    expect(report.error).toContain('boom in 1.1.0');
    expect(report.exitCode).toBe(1);
    const state = await s.readState();
    expect(state.lock).toBeUndefined();
    expect(state.records.at(-1)).toMatchObject({ version: '1.1.0', status: 'boom in 1.1.0' });
  }, 300_000);
});
