import { afterAll, describe, expect, test } from 'vitest';
import { readHistory } from '../../src/core/history';
import { StateStore } from '../../src/dynamodb/state/state-store';
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

/**
 * Where a trial kills the run. The fixture's migrations park at `REL_HOLD=<version>@<point>`
 * (before/after a small step's write, at the start of a step, or after the n-th item of a bulk
 * pass, n seeded) and print `hold …`; the test kills the run a seeded few milliseconds after
 * that line. A parked item holds its page, so the pass cannot finish first, however fast the
 * machine: every trial dies where it was meant to, with the other segments' writes and
 * checkpoints wherever they had got to.
 */
interface KillPoint {
  label: string;
  /** The REL_HOLD value; `#` is replaced by a seeded item number in 1..LINES-1. */
  hold: string;
}
const SCHEDULE: KillPoint[] = [
  { label: 'in 1.1.0 (bulk, idempotent)', hold: '1.1.0@#' },
  { label: 'in 1.2.0 (bulk, once)', hold: '1.2.0@#' },
  { label: 'in 1.3.0 before its write (not idempotent)', hold: '1.3.0@before' },
  { label: 'between steps (1.1.0 recorded, 1.2.0 not begun)', hold: '1.2.0@start' },
  { label: 'in 1.2.0 (bulk, once)', hold: '1.2.0@#' },
  { label: 'in 1.0.0 (small step)', hold: '1.0.0@after' },
  { label: 'in 1.3.0 after its write (not idempotent)', hold: '1.3.0@after' },
  { label: 'in 1.1.0 (bulk, idempotent)', hold: '1.1.0@#' },
  { label: 'in 1.2.0 (bulk, once)', hold: '1.2.0@#' },
  { label: 'in 1.0.0 (small step)', hold: '1.0.0@before' },
  { label: 'in 1.1.0 (bulk, idempotent)', hold: '1.1.0@#' },
  { label: 'in 1.2.0 (bulk, once)', hold: '1.2.0@#' },
];
const TRIALS = SCHEDULE.length;
/** After the hold line, the kill waits up to this long (seeded), so other segments' work is cut at varied points. */
const MAX_DELAY_MS = 250;

const tables: string[] = [];
const interrupted: string[] = [];
let survived = 0;
let lost = 0;
afterAll(async () => {
  recordFigures('crash', { crash: { trials: TRIALS, survived, interruptedSteps: interrupted }, itemsLost: lost });
  for (const t of tables) await deleteTestTable(client, t);
});

/** What a record says about the data: a success record must mean the step's work is all there. */
function checkRecordedWork(records: Item[], items: Item[]): string[] {
  const lines = items.filter((i) => i._type === 'Line');
  const settings = items.find((i) => i.pk === 'settings');
  const applied = new Set(records.filter((r) => r.status === 'success').map((r) => r.version));
  const problems: string[] = [];
  if (applied.has('1.0.0') && !settings) problems.push('1.0.0 recorded but no settings item');
  if (applied.has('1.1.0') && lines.some((l) => l.total !== (l.price as number) * (l.qty as number)))
    problems.push('1.1.0 recorded but lines without a total');
  if (applied.has('1.2.0') && lines.some((l) => l.rev !== 1)) problems.push('1.2.0 recorded but lines not at rev 1');
  if (applied.has('1.3.0') && settings?.migrations !== 1)
    problems.push(`1.3.0 recorded but settings.migrations is ${String(settings?.migrations)}`);
  return problems;
}

describe('apply killed with SIGKILL at seeded random points', () => {
  const random = seededRandom(SEED);
  const plan = SCHEDULE.map((point, i) => {
    const hold = point.hold.replace('#', String(1 + Math.floor(random() * (LINES - 1))));
    return { trial: i + 1, point, hold, delay: Math.floor(random() * (MAX_DELAY_MS + 1)) };
  });

  for (const { trial, point, hold, delay } of plan) {
    test(`trial ${trial}: kill ${point.label} (${hold}, +${delay} ms), then recover`, async () => {
      const table = await createTestTable(client);
      tables.push(table);
      await seedLines(client, table, LINES);
      const before = await dataItems(client, table);
      const { manifest } = copyProject('reliability', table);
      const base = ['--manifest', manifest, '--endpoint', localEndpoint()];
      const env = { DYNAMODB_MIGRATE_LEASE_MS: LEASE_MS, DYNAMODB_MIGRATE_ACTOR: `crash-trial-${trial}` };

      const run = startCli([...base, 'apply'], { ...env, REL_HOLD: hold });
      await run.waitFor(new RegExp(`^hold ${hold.replace(/\./g, '\\.')}$`, 'm'));
      await sleep(delay);
      run.child.kill('SIGKILL');
      const killed = await run.done;
      expect(killed.signal, `the run ended before it was killed:\n${killed.stderr}`).toBe('SIGKILL');

      // Right after the crash: nothing recorded as applied that did not finish.
      const atCrash = await migrationRecords(client, table);
      expect(checkRecordedWork(atCrash, await dataItems(client, table))).toEqual([]);
      const dangling = atCrash.filter((r) => String(r.status).startsWith('running:'));
      // The run died inside the step it was parked in: that step, and only it, is left running.
      expect(dangling.map((r) => r.version)).toEqual([hold.split('@')[0]]);
      interrupted.push(hold.endsWith('@start') ? 'between steps' : String(dangling[0]!.version));

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
        const repair = await runCli(
          [
            ...base,
            'repair',
            '--version',
            '1.3.0',
            '--mark',
            ran ? 'applied' : 'reverted',
            '--reason',
            `crash trial ${trial}: checked settings.migrations`,
          ],
          { env },
        );
        expect(repair.code, repair.stderr).toBe(0);
        const apply = await runCli([...base, 'apply'], { env });
        expect(apply.code, apply.stderr).toBe(0);
      } else {
        expect(resume.code, out).toBe(0);
        const cutVersion = String(dangling[0]?.version ?? '');
        if (cutVersion)
          expect(out).toMatch(
            new RegExp(
              `resume\\b[^\\n]*${cutVersion.replace(/\./g, '\\.')}|${cutVersion.replace(/\./g, '\\.')}[^\\n]*resume`,
              'i',
            ),
          );
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
