import { afterAll, describe, expect, test } from 'vitest';
import { readHistory } from '../../src/core/history';
import { StateStore } from '../../src/dynamodb/state-store';
import { runCli } from '../support/cli';
import { createTestTable, deleteTestTable, localClient, localEndpoint } from '../support/dynamodb-local';
import { seededRandom } from '../support/fault-proxy';
import { copyProject } from '../support/project';
import { dataItems, lostKeys, migrationRecords, seedLines, sleep, startCli, type Item } from './support/harness';
import { recordFigures } from './support/results';

/**
 * Crashes: `apply` killed with SIGKILL at seeded random points — inside the small first step,
 * inside each of the two bulk passes, inside the non-idempotent last step, and right after a
 * step was recorded — then recovered the way an operator would: `apply --resume`, and for the
 * non-idempotent step a repair after looking at the data. Every trial must end with every
 * order line migrated exactly once, every version applied once, and no version ever recorded
 * as applied before its work was done.
 */

const client = localClient();
const LINES = 400;
// Short enough that recovery waits little; long enough that a loaded machine keeps renewing it.
const LEASE_MS = '8000';
const SEED = 20_250_601;
const VERSIONS = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'];

/** Where a trial kills the run: after this log line (or record), plus a random delay up to `window` ms. */
interface KillPoint {
  label: string;
  weight: number;
  after: { line: RegExp } | { recorded: string };
  window: number;
}
const POINTS: KillPoint[] = [
  { label: 'in 1.0.0 (small step)', weight: 1, after: { line: /▲ 1\.0\.0/ }, window: 60 },
  { label: 'in 1.1.0 (bulk, idempotent)', weight: 3, after: { line: /▲ 1\.1\.0/ }, window: 1200 },
  { label: 'in 1.2.0 (bulk, once)', weight: 4, after: { line: /▲ 1\.2\.0/ }, window: 2500 },
  { label: 'in 1.3.0 (not idempotent)', weight: 2, after: { line: /▲ 1\.3\.0/ }, window: 300 },
  { label: 'after a step was recorded', weight: 2, after: { recorded: '1.1.0' }, window: 0 },
];
const TRIALS = 10;

const tables: string[] = [];
const interrupted: string[] = [];
let survived = 0;
let lost = 0;
afterAll(async () => {
  recordFigures('crash', { crash: { trials: TRIALS, survived, interruptedSteps: interrupted }, itemsLost: lost });
  for (const t of tables) await deleteTestTable(client, t);
});

function pick(random: () => number): KillPoint {
  const total = POINTS.reduce((n, p) => n + p.weight, 0);
  let r = random() * total;
  for (const p of POINTS) if ((r -= p.weight) < 0) return p;
  return POINTS.at(-1)!;
}

/** What a record says about the data: a success record must mean the step's work is all there. */
function checkRecordedWork(records: Item[], items: Item[]): string[] {
  const lines = items.filter((i) => i._type === 'Line');
  const settings = items.find((i) => i.pk === 'settings');
  const applied = new Set(records.filter((r) => r.status === 'success').map((r) => r.version));
  const problems: string[] = [];
  if (applied.has('1.0.0') && !settings) problems.push('1.0.0 recorded but no settings item');
  if (applied.has('1.1.0') && lines.some((l) => l.total !== (l.price as number) * (l.qty as number))) problems.push('1.1.0 recorded but lines without a total');
  if (applied.has('1.2.0') && lines.some((l) => l.rev !== 1)) problems.push('1.2.0 recorded but lines not at rev 1');
  if (applied.has('1.3.0') && settings?.migrations !== 1) problems.push(`1.3.0 recorded but settings.migrations is ${String(settings?.migrations)}`);
  return problems;
}

describe('apply killed with SIGKILL at seeded random points', () => {
  const random = seededRandom(SEED);
  const plan = Array.from({ length: TRIALS }, (_, i) => {
    const point = pick(random);
    return { trial: i + 1, point, delay: Math.floor(random() * (point.window + 1)) };
  });

  for (const { trial, point, delay } of plan) {
    test(`trial ${trial}: kill ${point.label} (+${delay} ms), then recover`, async () => {
      const table = await createTestTable(client);
      tables.push(table);
      await seedLines(client, table, LINES);
      const before = await dataItems(client, table);
      const { manifest } = copyProject('reliability', table);
      const base = ['--manifest', manifest, '--endpoint', localEndpoint()];
      const env = { DYNAMODB_MIGRATE_LEASE_MS: LEASE_MS, DYNAMODB_MIGRATE_ACTOR: `crash-trial-${trial}` };

      const run = startCli([...base, 'apply'], env);
      if ('line' in point.after) await run.waitFor(point.after.line);
      else {
        const version = point.after.recorded;
        for (;;) {
          const recs = await migrationRecords(client, table);
          if (recs.some((r) => r.version === version && r.status === 'success')) break;
          if (run.child.exitCode !== null) break;
          await sleep(20);
        }
      }
      await sleep(delay);
      run.child.kill('SIGKILL');
      const killed = await run.done;
      expect(killed.signal, `the run finished before it could be killed:\n${killed.stderr}`).toBe('SIGKILL');

      // Right after the crash: nothing recorded as applied that did not finish.
      const atCrash = await migrationRecords(client, table);
      expect(checkRecordedWork(atCrash, await dataItems(client, table))).toEqual([]);
      const dangling = atCrash.filter((r) => String(r.status).startsWith('running:'));
      expect(dangling.length).toBeLessThanOrEqual(1);
      const cut = dangling[0] ? String(dangling[0].version) : 'between steps';
      interrupted.push(cut);

      // Recovery: resume waits for the dead run's lease, takes the lock over, continues.
      const resume = await runCli([...base, '--lock-timeout', '30', 'apply', '--resume'], { env });
      const out = resume.stdout + resume.stderr;
      if (dangling[0]?.version === '1.3.0') {
        // Not idempotent: reported as interrupted, never re-run blindly; the repair path is named.
        expect(resume.code, out).toBe(1);
        expect(out).toContain('The up of 1.3.0 was interrupted');
        expect(out).toContain(`crash-trial-${trial}`);
        expect(out).toContain('repair --version 1.3.0');
        // The operator looks at the data and records what happened.
        const settings = (await dataItems(client, table)).find((i) => i.pk === 'settings');
        const ran = settings?.migrations === 1;
        const repair = await runCli([...base, 'repair', '--version', '1.3.0', '--mark', ran ? 'applied' : 'reverted', '--reason', `crash trial ${trial}: checked settings.migrations`], { env });
        expect(repair.code, repair.stderr).toBe(0);
        const apply = await runCli([...base, 'apply'], { env });
        expect(apply.code, apply.stderr).toBe(0);
      } else {
        expect(resume.code, out).toBe(0);
        const cutVersion = String(dangling[0]?.version ?? '');
        if (cutVersion) expect(out).toMatch(new RegExp(`resume\\b[^\\n]*${cutVersion.replace(/\./g, '\\.')}|${cutVersion.replace(/\./g, '\\.')}[^\\n]*resume`, 'i'));
      }

      // The end state: every version applied, all data migrated exactly once, nothing lost.
      const state = await new StateStore(client, table).readState();
      const history = readHistory(state.records);
      expect(state.lock).toBeUndefined();
      expect(history.failed).toBeUndefined();
      expect(history.currentVersion).toBe('1.3.0');
      expect(history.applied.map((a) => a.version)).toEqual(VERSIONS);
      const after = await dataItems(client, table);
      const missing = lostKeys(before, after);
      lost += missing.length;
      expect(missing).toEqual([]);
      const lines = after.filter((i) => i._type === 'Line');
      expect(lines).toHaveLength(LINES);
      expect(lines.filter((l) => l.total !== (l.price as number) * (l.qty as number))).toEqual([]);
      expect(lines.filter((l) => l.rev !== 1)).toEqual([]);
      expect(after.find((i) => i.pk === 'settings')).toMatchObject({ currency: 'EUR', migrations: 1 });
      expect(checkRecordedWork(await migrationRecords(client, table), after)).toEqual([]);
      survived++;
    });
  }
});
