import { describe, expect, test } from 'vitest';
import {
  CorruptStateError,
  DriftError,
  EXIT,
  FailedStateError,
  InputError,
  LockHeldError,
  LockLostError,
  ManifestError,
  MigrateError,
  MigrationBlockedError,
  MigrationFailedError,
  PlanChangedError,
  RefusedError,
} from '../../src/core/errors';
import {
  blockerError,
  exitCodeOfDrift,
  exitCodeOfEnvironments,
  exitCodeOfLint,
  exitCodeOfPlan,
  exitCodeOfReport,
  exitCodeOfStop,
  exitCodeOfValidation,
  outputStatusOf,
  reviveError,
  statusOfDrift,
  statusOfError,
  statusOfPlan,
  statusOfReport,
} from '../../src/core/outcome';
import { STATUS_URGENCY, mostUrgent, type OutputStatus, type Status } from '../../src/core/status-vocabulary';
import type { BlockerKind, PlanBlocker } from '../../src/core/types';

const blocker = (kind: BlockerKind, message = `${kind} here`): PlanBlocker => ({ kind, message, next: 'do this' });

describe('plans', () => {
  test.each([
    ['drift', DriftError, EXIT.drift],
    ['failed-state', FailedStateError, EXIT.failure],
    ['refused', RefusedError, EXIT.input],
    ['out-of-order', MigrationBlockedError, EXIT.input],
    ['missing-file', MigrationBlockedError, EXIT.input],
    ['irreversible', MigrationBlockedError, EXIT.input],
  ] as const)('a %s blocker is a %s, exit %i', (kind, Type, code) => {
    const plan = { blockers: [blocker(kind)] };
    expect(blockerError(plan)).toBeInstanceOf(Type);
    expect(exitCodeOfPlan(plan)).toBe(code);
    expect(statusOfPlan(plan)).toBe('blocked');
  });

  test('the first blocker decides the kind; the message names every blocker', () => {
    const plan = { blockers: [blocker('drift', 'a.ts changed'), blocker('out-of-order', '1.0.1 never ran')] };
    const e = blockerError(plan)!;
    expect(e).toBeInstanceOf(DriftError);
    expect(e.message).toBe('a.ts changed\n1.0.1 never ran');
    expect(exitCodeOfPlan(plan)).toBe(EXIT.drift);
  });

  test('a plan without blockers is planned, exit 0', () => {
    expect(blockerError({ blockers: [] })).toBeUndefined();
    expect(exitCodeOfPlan({ blockers: [] })).toBe(EXIT.ok);
    expect(statusOfPlan({ blockers: [] })).toBe('planned');
  });
});

describe('runs', () => {
  test.each([
    ['applied', EXIT.ok],
    ['no-op', EXIT.ok],
    ['dry-run', EXIT.ok],
    ['failed', EXIT.failure],
    ['blocked', EXIT.failure],
    ['incomplete', EXIT.failure],
  ] as const)('a %s report without an exit code of its own exits %i', (status, code) => {
    expect(exitCodeOfReport({ status })).toBe(code);
  });

  test("a report's own exit code wins (a plan blocker's 2, a changed plan's 4, a lost lock's 3)", () => {
    expect(exitCodeOfReport({ status: 'blocked', exitCode: EXIT.input })).toBe(EXIT.input);
    expect(exitCodeOfReport({ status: 'blocked', exitCode: EXIT.drift })).toBe(EXIT.drift);
    expect(exitCodeOfReport({ status: 'failed', exitCode: EXIT.locked })).toBe(EXIT.locked);
  });

  test("a run refused by a step's before hook is precondition-failed, apart from a plan's blocked", () => {
    expect(statusOfReport({ status: 'blocked', blockedBy: 'precondition' })).toBe('precondition-failed');
    expect(statusOfReport({ status: 'blocked' })).toBe('blocked');
    for (const status of ['applied', 'no-op', 'dry-run', 'failed', 'incomplete'] as const) {
      expect(statusOfReport({ status })).toBe(status);
      // The marker means nothing on a run that was not blocked.
      expect(statusOfReport({ status, blockedBy: 'precondition' })).toBe(status);
    }
  });

  test('a step stopped at a checkpoint or refused by its precondition exits 1, never 2 like bad input', () => {
    expect(exitCodeOfStop('incomplete')).toBe(EXIT.failure);
    expect(exitCodeOfStop('precondition-failed')).toBe(EXIT.failure);
    expect(exitCodeOfStop('precondition-failed')).not.toBe(exitCodeOfPlan({ blockers: [blocker('out-of-order')] }));
  });

  test('several environments exit with the code of the first that did not succeed', () => {
    expect(exitCodeOfEnvironments([])).toBe(EXIT.ok);
    expect(exitCodeOfEnvironments([EXIT.ok, EXIT.ok])).toBe(EXIT.ok);
    expect(exitCodeOfEnvironments([EXIT.ok, EXIT.locked, EXIT.drift])).toBe(EXIT.locked);
  });
});

describe('drift, lint and validate', () => {
  test('a drift check: any finding is drift, exit 4', () => {
    const drifted = { drifted: true, findings: [{ message: 'version 1.0.0, target 1.1.0' }] };
    expect(exitCodeOfDrift(drifted)).toBe(EXIT.drift);
    expect(statusOfDrift(drifted)).toBe('drift');
    expect(exitCodeOfDrift({ drifted: false, findings: [] })).toBe(EXIT.ok);
    expect(statusOfDrift({ drifted: false })).toBe('no-op');
  });

  test('lint: any problem is bad input, exit 2', () => {
    expect(exitCodeOfLint([])).toBe(EXIT.ok);
    expect(exitCodeOfLint(['manifest.yaml: environments.dev.table: required'])).toBe(EXIT.input);
  });

  test('validate: an item that does not fit the schema is drift, exit 4', () => {
    expect(exitCodeOfValidation({ invalid: 0 })).toBe(EXIT.ok);
    expect(exitCodeOfValidation({ invalid: 1 })).toBe(EXIT.drift);
  });
});

describe('thrown errors', () => {
  test('an error before any environment ran: a refusal is blocked, anything else failed', () => {
    expect(statusOfError(new RefusedError('protected'))).toBe('blocked');
    expect(statusOfError(new InputError('bad flag'))).toBe('failed');
    expect(statusOfError(new Error('crash'))).toBe('failed');
  });

  test.each([
    ['MigrateError', MigrateError, EXIT.failure],
    ['InputError', InputError, EXIT.input],
    ['ManifestError', ManifestError, EXIT.input],
    ['MigrationFileError', InputError, EXIT.input],
    ['RefusedError', RefusedError, EXIT.input],
    ['MigrationBlockedError', MigrationBlockedError, EXIT.input],
    ['LockHeldError', LockHeldError, EXIT.locked],
    ['LockLostError', LockLostError, EXIT.locked],
    ['DriftError', DriftError, EXIT.drift],
    ['PlanChangedError', PlanChangedError, EXIT.drift],
    ['FailedStateError', FailedStateError, EXIT.failure],
    ['CorruptStateError', CorruptStateError, EXIT.failure],
    ['MigrationFailedError', MigrationFailedError, EXIT.failure],
  ] as const)('%s from a controller is revived with its class and exit code', (name, Type, code) => {
    const e = reviveError(name, 'remote message')!;
    expect(e).toBeInstanceOf(Type);
    expect(e.name).toBe(name);
    expect(e.message).toBe('remote message');
    expect(e.exitCode).toBe(code);
  });

  test('a name that is not ours (a crash, a timeout) is not revived', () => {
    expect(reviveError('Runtime.ExitError', 'killed')).toBeUndefined();
    expect(reviveError('', 'timeout')).toBeUndefined();
  });
});

describe('the status vocabulary', () => {
  test("a rehearsal's error blocks with its own exit code (5) and status (rehearsal-failed; the action's output: blocked)", async () => {
    const { statusOfPlan, exitCodeOfPlan, outputStatusOf } = await import('../../src/core/outcome');
    const rehearsal = { kind: 'rehearsal' as const, version: '1.1.0', message: 'DM206 error: …', next: 'Fix it' };
    const check = { kind: 'check' as const, version: '1.1.0', message: 'DM101 error: …', next: 'Fix it' };
    expect(EXIT.rehearsal).toBe(5);
    expect(exitCodeOfPlan({ blockers: [rehearsal] })).toBe(5);
    expect(statusOfPlan({ blockers: [rehearsal] })).toBe('rehearsal-failed');
    expect(blockerError({ blockers: [rehearsal] })?.name).toBe('RehearsalFailedError');
    // A static analyzer error is a plan blocked by its files: exit 2; the first blocker decides.
    expect(exitCodeOfPlan({ blockers: [check, rehearsal] })).toBe(2);
    expect(statusOfPlan({ blockers: [check, rehearsal] })).toBe('blocked');
    expect(outputStatusOf('rehearsal-failed', true)).toBe('blocked');
  });

  test('one urgency order, most urgent first', () => {
    expect(STATUS_URGENCY).toEqual([
      'failed',
      'precondition-failed',
      'rehearsal-failed',
      'blocked',
      'drift',
      'incomplete',
      'running',
      'applying',
      'planned',
      'dry-run',
      'applied',
      'no-op',
    ]);
    expect(mostUrgent<Status>([])).toBeUndefined();
    expect(mostUrgent<Status>(['no-op', 'applied', 'drift', 'planned'])).toBe('drift');
    expect(mostUrgent<Status>(['blocked', 'precondition-failed'])).toBe('precondition-failed');
    expect(mostUrgent<Status>(['incomplete', 'failed'])).toBe('failed');
  });

  test("the action's status output: only the documented values", () => {
    const documented: OutputStatus[] = ['planned', 'applied', 'no-op', 'failed', 'blocked', 'drift', 'running'];
    const cases: [Status, boolean, OutputStatus][] = [
      ['planned', true, 'planned'],
      ['planned', false, 'no-op'],
      ['dry-run', true, 'planned'],
      ['dry-run', false, 'no-op'],
      ['applying', true, 'failed'],
      ['incomplete', true, 'failed'],
      ['failed', true, 'failed'],
      ['precondition-failed', true, 'blocked'],
      ['blocked', true, 'blocked'],
      ['drift', false, 'drift'],
      ['applied', true, 'applied'],
      ['no-op', false, 'no-op'],
      ['running', true, 'running'],
    ];
    for (const [status, hasSteps, output] of cases) expect(outputStatusOf(status, hasSteps)).toBe(output);
    for (const status of STATUS_URGENCY) expect(documented).toContain(outputStatusOf(status, true));
  });

  test("the output statuses keep the vocabulary's order (the order the action documented before)", () => {
    const outputs = STATUS_URGENCY.filter((s): s is OutputStatus =>
      (['planned', 'applied', 'no-op', 'failed', 'blocked', 'drift'] as Status[]).includes(s),
    );
    expect(outputs).toEqual(['failed', 'blocked', 'drift', 'planned', 'applied', 'no-op']);
  });
});
