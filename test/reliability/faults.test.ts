import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/cli';
import { createTestTable, deleteTestTable, localClient, localEndpoint } from '../support/dynamodb-local';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { copyProject } from '../support/project';
import { dataItems, lostKeys, migrationRecords, seedLines } from './support/harness';
import { recordFigures } from './support/results';

/**
 * Faults: `apply` through a loopback proxy that throttles, answers 500, drops connections
 * (before and after DynamoDB applied the request) and adds latency, at total rates up to 30%
 * of all requests — lock, records, audit log and bulk writes alike. Every run must end with
 * correct data. A fault that persists past the retry budget must end in a recorded failed
 * state with a clear message, from which a resume finishes the job.
 */

const client = localClient();
const LINES = 400;
const RATES = [0.1, 0.2, 0.3];
const VERSIONS = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'];
const tables: string[] = [];
const proxies: FaultProxy[] = [];
let runs = 0;
let survived = 0;
let maxRate = 0;
let requests = 0;
let injected = 0;
let persistentRecorded = false;
let lost = 0;
afterAll(async () => {
  recordFigures('faults', {
    faults: { maxRate, runs, survived, requests, injected, persistentRecorded },
    itemsLost: lost,
  });
  for (const p of proxies) await p.stop();
  for (const t of tables) await deleteTestTable(client, t);
});

async function setup() {
  const table = await createTestTable(client);
  tables.push(table);
  await seedLines(client, table, LINES);
  const { manifest } = copyProject('reliability', table);
  return { table, manifest, before: await dataItems(client, table) };
}

async function expectMigrated(table: string, before: Record<string, unknown>[]) {
  const after = await dataItems(client, table);
  const missing = lostKeys(before, after);
  lost += missing.length;
  expect(missing).toEqual([]);
  const lines = after.filter((i) => i._type === 'Line');
  expect(lines).toHaveLength(LINES);
  expect(lines.filter((l) => l.total !== (l.price as number) * (l.qty as number) || l.rev !== 1)).toEqual([]);
  expect(after.find((i) => i.pk === 'settings')?.migrations).toBe(1);
  const records = await migrationRecords(client, table);
  const latest = new Map(records.map((r) => [r.version as string, r.status]));
  expect([...latest].filter(([, s]) => s === 'success').map(([v]) => v)).toEqual(VERSIONS);
}

describe('apply through injected faults', () => {
  test.each(RATES)(
    '%s of requests fail (throttles, 500s, dropped connections) plus latency: correct data',
    async (rate) => {
      runs++;
      const { table, manifest, before } = await setup();
      const proxy = await startFaultProxy({
        target: localEndpoint(),
        seed: Math.round(rate * 1000),
        rates: { throttle: rate * 0.4, serverError: rate * 0.3, drop: rate * 0.3, latencyMs: 3 },
      });
      proxies.push(proxy);
      const r = await runCli(['--manifest', manifest, '--endpoint', proxy.endpoint, 'apply'], {
        env: { DYNAMODB_MIGRATE_ACTOR: `faults-${rate}` },
      });
      proxy.setRates({});
      requests += proxy.stats.requests;
      injected += proxy.stats.throttle + proxy.stats.serverError + proxy.stats.dropBefore + proxy.stats.dropAfter;
      expect(r.code, r.stdout + r.stderr).toBe(0);
      // The faults did happen, to the tool's own bookkeeping as well as to the bulk writes.
      const faulted = new Set(proxy.requests.filter((q) => q.fault !== 'none').map((q) => q.operation));
      expect(
        proxy.stats.throttle + proxy.stats.serverError + proxy.stats.dropBefore + proxy.stats.dropAfter,
      ).toBeGreaterThan(rate * proxy.stats.requests * 0.5);
      expect(faulted.has('BatchExecuteStatement') || faulted.has('UpdateItem') || faulted.has('BatchWriteItem')).toBe(
        true,
      );
      await expectMigrated(table, before);
      maxRate = Math.max(maxRate, rate);
      survived++;
    },
  );

  test('a fault that outlasts the retry budget ends in a recorded failed state with a clear message; resume finishes', async () => {
    const { table, manifest, before } = await setup();
    // Every bulk write fails (the table's partition is "down"); the lock, records and log still work.
    const proxy = await startFaultProxy({
      target: localEndpoint(),
      seed: 7,
      operations: ['BatchWriteItem', 'BatchExecuteStatement'],
      rates: { serverError: 1 },
    });
    proxies.push(proxy);
    const r = await runCli(['--manifest', manifest, '--endpoint', proxy.endpoint, 'apply'], {
      env: { DYNAMODB_MIGRATE_ACTOR: 'persistent-fault' },
    });
    const out = r.stdout + r.stderr;
    expect(r.code, out).toBe(1);
    expect(out).toContain('up 1.1.0');
    expect(out).toMatch(/internal server error/i);
    expect(out).toContain('apply --resume');
    const records = await migrationRecords(client, table);
    const failed = records.filter((x) => x.version === '1.1.0');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.status).not.toBe('success');
    expect(String(failed[0]!.status)).toMatch(/internal server error/i);
    expect(records.filter((x) => x.status === 'success').map((x) => x.version)).toEqual(['1.0.0']);
    persistentRecorded = true;

    // The fault clears: the recorded state says what to do, and resume finishes.
    proxy.setRates({});
    const plan = await runCli(['--manifest', manifest, '--endpoint', proxy.endpoint, 'plan']);
    expect(plan.code).toBe(1);
    expect(plan.stdout + plan.stderr).toContain('The up of 1.1.0 failed');
    const resume = await runCli(['--manifest', manifest, '--endpoint', proxy.endpoint, 'apply', '--resume']);
    expect(resume.code, resume.stdout + resume.stderr).toBe(0);
    await expectMigrated(table, before);
  });
});
