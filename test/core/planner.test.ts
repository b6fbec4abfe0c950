import { describe, expect, test } from 'vitest';
import { planMigrations, type PlanInput } from '../../src/core/planner';
import type { MigrationRecord, MigrationSource, TableState } from '../../src/core/types';

const mig = (version: string, extra: Partial<MigrationSource> = {}): MigrationSource => ({
  version,
  description: `m ${version}`,
  file: `migrations/${version}.ts`,
  checksum: `sha256:${version.replace(/\./g, '')}`,
  idempotent: false,
  irreversible: false,
  hasUp: true,
  hasDown: true,
  ...extra,
});
const rec = (version: string, date: number, extra: Partial<MigrationRecord> = {}): MigrationRecord => ({
  version,
  date,
  key: `_migration:${version}:${date}`,
  path: `/x/${version}.ts`,
  description: '',
  status: 'success',
  checksum: `sha256:${version.replace(/\./g, '')}`,
  ...extra,
});
const state = (records: MigrationRecord[], extra: Partial<TableState> = {}): TableState => ({
  table: 't',
  keys: { hash: 'pk', sort: 'sk' },
  records,
  ...extra,
});
const env = { name: 'dev', table: 't', target: 'latest', protected: false, 'allow-reset': true };
const all = [mig('1.0.0'), mig('1.1.0'), mig('1.2.0')];
const plan = (over: Partial<PlanInput>) =>
  planMigrations({ command: 'apply', environment: env, migrations: all, state: state([]), now: 1_000, ...over });
const steps = (p: ReturnType<typeof plan>) => p.steps.map((s) => `${s.direction} ${s.version}`);

describe('planMigrations', () => {
  test('apply plans every outstanding version in semver order up to the target', () => {
    const p = plan({ migrations: [all[2]!, all[0]!, all[1]!] });
    expect(steps(p)).toEqual(['up 1.0.0', 'up 1.1.0', 'up 1.2.0']);
    expect(p).toMatchObject({ currentVersion: '0.0.0', targetVersion: '1.2.0', direction: 'up', blockers: [] });
    expect(p.rollback).toEqual({ command: 'to', version: '0.0.0' });
  });

  test('a semver target stops there; a target above current with none left is a no-op', () => {
    expect(steps(plan({ environment: { ...env, target: '1.1.0' } }))).toEqual(['up 1.0.0', 'up 1.1.0']);
    const done = plan({ state: state([rec('1.0.0', 1), rec('1.1.0', 2), rec('1.2.0', 3)]) });
    expect(done.direction).toBe('none');
    expect(done.steps).toEqual([]);
  });

  test('down to a target runs the down of every version above it, not its own', () => {
    const s = state([rec('1.0.0', 1), rec('1.1.0', 2), rec('1.2.0', 3)]);
    expect(steps(plan({ command: 'to', version: '1.0.0', state: s }))).toEqual(['down 1.2.0', 'down 1.1.0']);
    expect(steps(plan({ command: 'down', state: s }))).toEqual(['down 1.2.0']);
    expect(steps(plan({ command: 'to', version: '0.0.0', state: s }))).toEqual([
      'down 1.2.0',
      'down 1.1.0',
      'down 1.0.0',
    ]);
  });

  test('up runs one version; repeat re-runs the current up', () => {
    const s = state([rec('1.0.0', 1)]);
    expect(steps(plan({ command: 'up', state: s }))).toEqual(['up 1.1.0']);
    const r = plan({ command: 'repeat', state: s });
    expect(r.steps).toMatchObject([{ version: '1.0.0', kind: 'repeat', direction: 'up' }]);
  });

  test('an irreversible version blocks a rollback past it', () => {
    const ms = [mig('1.0.0'), mig('1.1.0', { irreversible: true, hasDown: false })];
    const p = plan({
      migrations: ms,
      command: 'to',
      version: '1.0.0',
      state: state([rec('1.0.0', 1), rec('1.1.0', 2)]),
    });
    expect(p.blockers).toMatchObject([{ kind: 'irreversible', version: '1.1.0' }]);
    const up = plan({ migrations: ms });
    expect(up.warnings.map((w) => w.code)).toContain('irreversible');
    expect(up.rollback).toBeUndefined();
  });

  test('a changed applied file is drift with both checksums; a record without checksum is not', () => {
    const p = plan({
      state: state([rec('1.0.0', 1, { checksum: 'sha256:old' }), rec('1.1.0', 2, { checksum: undefined })]),
    });
    expect(p.drift).toEqual([
      { version: '1.0.0', file: 'migrations/1.0.0.ts', recorded: 'sha256:old', current: 'sha256:100' },
    ]);
    expect(p.blockers.map((b) => b.kind)).toEqual(['drift']);
    const otherAlgo = plan({ state: state([rec('1.0.0', 1, { checksum: 'md5:zzz' })]) });
    expect(otherAlgo.drift).toEqual([]);
  });

  test('a version below the current one that never ran is out of order', () => {
    const p = plan({ state: state([rec('1.0.0', 1), rec('1.2.0', 2)]) });
    expect(p.blockers).toMatchObject([{ kind: 'out-of-order', version: '1.1.0' }]);
  });

  test('a failed newest record blocks; resume re-runs it first when idempotent', () => {
    const ms = [mig('1.0.0'), mig('1.1.0', { idempotent: true }), mig('1.2.0')];
    const s = state([rec('1.0.0', 1), rec('1.1.0', 2, { status: 'boom', direction: 'up' })]);
    const blocked = plan({ migrations: ms, state: s });
    expect(blocked.currentVersion).toBe('1.1.0');
    expect(blocked.failed).toMatchObject({ version: '1.1.0', status: 'boom' });
    expect(blocked.blockers[0]).toMatchObject({ kind: 'failed-state' });
    expect(blocked.blockers[0]!.next).toContain('--resume');
    const resumed = plan({ migrations: ms, state: s, resume: true });
    expect(resumed.blockers).toEqual([]);
    expect(resumed.steps.map((x) => `${x.kind} ${x.version}`)).toEqual(['resume 1.1.0', 'migrate 1.2.0']);
    const notIdem = plan({ state: s, resume: true });
    expect(notIdem.blockers[0]!.next).toContain('not idempotent');
  });

  test('a step that failed at its checkpoints (a bulk pass whose items failed) resumes from them, idempotent or not', () => {
    const failedAt = rec('1.1.0', 2, { status: "Pass 'pass-1' stopped: 1 item(s) failed", direction: 'up' });
    const s = state([rec('1.0.0', 1), { ...failedAt, checkpointed: true }]);
    const blocked = plan({ state: s });
    expect(blocked.blockers).toMatchObject([{ kind: 'failed-state', version: '1.1.0' }]);
    expect(blocked.blockers[0]!.next).toContain('apply --resume (it continues from its checkpoints)');
    const resumed = plan({ state: s, resume: true });
    expect(resumed.blockers).toEqual([]);
    expect(resumed.steps.map((x) => `${x.kind} ${x.version}`)).toEqual(['resume 1.1.0', 'migrate 1.2.0']);
    // The same failure without the mark (a step that threw elsewhere) is not re-run.
    const unmarked = plan({ state: state([rec('1.0.0', 1), failedAt]), resume: true });
    expect(unmarked.blockers[0]!.next).toContain('not idempotent');
  });

  test('reset is refused on a protected environment or without allow-reset', () => {
    const reset = mig('reset', { file: 'migrations/reset.ts' });
    expect(() => plan({ command: 'reset', reset, environment: { ...env, protected: true } })).toThrow(/protected/);
    expect(() => plan({ command: 'reset', reset, environment: { ...env, 'allow-reset': false } })).toThrow(
      /allow-reset/,
    );
    expect(plan({ command: 'reset', reset }).steps).toMatchObject([{ kind: 'reset' }]);
  });

  test('a protected environment is not rolled back by apply', () => {
    const p = plan({
      environment: { ...env, protected: true, target: '1.0.0' },
      state: state([rec('1.0.0', 1), rec('1.1.0', 2)]),
    });
    expect(p.blockers.map((b) => b.kind)).toEqual(['refused']);
  });

  test('the hash is stable for the same input and changes with state or files', () => {
    const a = plan({});
    expect(plan({}).hash).toBe(a.hash);
    expect(plan({ state: state([rec('1.0.0', 1)]) }).hash).not.toBe(a.hash);
    expect(plan({ migrations: [mig('1.0.0', { checksum: 'sha256:x' }), all[1]!, all[2]!] }).hash).not.toBe(a.hash);
  });

  test('lock and estimates appear in the plan', () => {
    const lock = { lockId: 'L1', owner: 'ci', command: 'apply', acquiredAt: 0, leaseExpiresAt: 5_000, heartbeatAt: 0 };
    const p = plan({
      state: state([], { lock, itemCount: 1000, sizeBytes: 2_048_000 }),
      writeRate: 100,
    });
    expect(p.warnings.find((w) => w.code === 'lock-held')?.message).toContain('L1');
    expect(p.estimate).toMatchObject({ items: 1000, writeUnits: 2000, secondsAtRate: 20 });
    expect(plan({ state: state([], { lock }), now: 10_000 }).warnings.map((w) => w.code)).toContain('stale-lock');
  });

  test('to a version with no file is bad input', () => {
    expect(() => plan({ command: 'to', version: '9.9.9' })).toThrow(/no migration file for version 9.9.9/);
    expect(() => plan({ command: 'to' })).toThrow(/needs a version/);
  });
});
