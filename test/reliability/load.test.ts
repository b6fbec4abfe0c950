import { afterAll, describe, expect, test } from 'vitest';
import { createTestTable, deleteTestTable, localClient, localEndpoint } from '../support/dynamodb-local';
import { copyProject } from '../support/project';
import { auditLog, dataItems, lostKeys, migrationRecords, seedLines, startCli } from './support/harness';
import { recordFigures } from './support/results';

/**
 * Load: eight `apply` processes started at once on the same table and environment. Each step
 * must run exactly once: the runs that wait for the lock then find nothing to do; the runs that
 * do not wait exit 3 naming the holder; the audit log shows one apply per step.
 */

const client = localClient();
const PROCESSES = 8;
const LINES = 300;
const VERSIONS = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'];
const tables: string[] = [];
let rounds = 0;
let heldRounds = 0;
let lost = 0;
afterAll(async () => {
  recordFigures('load', {
    load: { processes: PROCESSES, runs: rounds, held: rounds > 0 && heldRounds === rounds },
    itemsLost: lost,
  });
  for (const t of tables) await deleteTestTable(client, t);
});

async function race(lockTimeout: string | undefined) {
  rounds++;
  const table = await createTestTable(client);
  tables.push(table);
  await seedLines(client, table, LINES);
  const before = await dataItems(client, table);
  const { manifest } = copyProject('reliability', table);
  const runs = Array.from({ length: PROCESSES }, (_, i) =>
    startCli(
      [
        '--manifest',
        manifest,
        '--endpoint',
        localEndpoint(),
        ...(lockTimeout ? ['--lock-timeout', lockTimeout] : []),
        'apply',
        '--json',
      ],
      {
        DYNAMODB_MIGRATE_ACTOR: `runner-${i}`,
      },
    ),
  );
  const results = await Promise.all(runs.map((r) => r.done));
  const reports = results.map((r, i) => ({
    i,
    code: r.code,
    stderr: r.stderr,
    report: r.code === 0 || r.code === 1 ? safeJson(r.stdout) : undefined,
  }));

  // Exactly one run applied the steps, each once; the data shows each step ran once.
  const applied = reports.filter((r) => r.report?.status === 'applied');
  expect(applied, JSON.stringify(reports.map((r) => [r.code, r.report?.status, r.stderr.slice(-300)]))).toHaveLength(1);
  expect(applied[0]!.report!.steps.map((s: { version: string }) => s.version)).toEqual(VERSIONS);
  const records = await migrationRecords(client, table);
  expect(records.map((r) => `${r.version}:${r.status}`)).toEqual(VERSIONS.map((v) => `${v}:success`));
  const log = await auditLog(client, table);
  expect(log.filter((e) => e.event === 'apply-start')).toHaveLength(1);
  const stepsApplied = log
    .filter((e) => e.event === 'step' && e.outcome === 'applied')
    .flatMap((e) => e.versions as string[]);
  expect(stepsApplied.sort()).toEqual(VERSIONS.map((v) => `up ${v}`));
  const after = await dataItems(client, table);
  const missing = lostKeys(before, after);
  lost += missing.length;
  expect(missing).toEqual([]);
  expect(
    after.filter((i) => i._type === 'Line' && (i.rev !== 1 || i.total !== (i.price as number) * (i.qty as number))),
  ).toEqual([]);
  expect(after.find((i) => i.pk === 'settings')?.migrations).toBe(1);
  heldRounds++;
  return { reports, holder: `runner-${applied[0]!.i}` };
}

function safeJson(s: string): any {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

describe(`${PROCESSES} apply processes at once`, () => {
  test('with --lock-timeout: one applies, the others wait for the lock and find nothing to do', async () => {
    const { reports } = await race('120');
    for (const r of reports) expect(r.code, r.stderr).toBe(0);
    expect(reports.filter((r) => r.report?.status === 'no-op')).toHaveLength(PROCESSES - 1);
  });

  test('without a lock timeout: one applies, every other exits 3 naming the holder (or, once it is done, finds nothing to do)', async () => {
    const { reports, holder } = await race(undefined);
    for (const r of reports.filter((x) => x.report?.status !== 'applied')) {
      if (r.code === 0) expect(r.report?.status).toBe('no-op');
      else {
        expect(r.code, r.stderr).toBe(3);
        expect(r.stderr).toContain(`is locked by ${holder}`);
      }
    }
    expect(reports.filter((r) => r.code === 3).length).toBeGreaterThan(0);
  });
});
