import { LockLostError, MigrateError, messageOf } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { RunSettings } from '../../core/run-settings';
import type { Finding, PlanStep } from '../../core/types';
import { DM, type BodyArgs, type BodyReply, type LockBody, type StepArgs } from '../../controller/protocol';
import type { PlanInput } from '../session';
import type { StepLedger } from '../step/ledger';
import type { HandOver, RunBackend, RunLease } from '../step/run-plan';
import type { BodyResult } from '../step/run-step';
import { RemoteFunctionError, unwrapRemote, type ControllerClient } from './controller-client';

/** How a big step is split across invocations. */
export interface FanOutOptions {
  /** Scan segments per bulk pass, each run by its own invocation (a child of the execution's Distributed Map). */
  segments: number;
  /** Children in flight at once. Default from the write rate (stepfunctions/definition.ts fanOutConcurrency). */
  concurrency?: number | undefined;
}

/** About what one invocation gets through in Lambda's 15 minutes. */
const BYTES_PER_SEGMENT = 1024 ** 3;

/**
 * Most segments by default: a Distributed Map runs at most 10,000 children at once, and the
 * segment list travels in the execution's input (44 KiB for 9,314 segments; docs/scale.md).
 */
export const MAX_DEFAULT_SEGMENTS = 10_000;

/**
 * Segments for a table of this size: one per GiB (about two 15-minute rounds a child), at most
 * 10,000; 1 (no fan-out) when unknown or 1 GiB or less. Small segments keep the last wave and a
 * straggler short; how many run at once is the write rate's (fanOutConcurrency). docs/scale.md
 * has the arithmetic: a cap of 64 left a 1 TB pass 25% slower than its capacity allows.
 */
export function defaultSegments(sizeBytes: number | undefined): number {
  if (!sizeBytes) return 1;
  return Math.min(MAX_DEFAULT_SEGMENTS, Math.max(1, Math.ceil(sizeBytes / BYTES_PER_SEGMENT)));
}

/** A step's ticket: the date of the running record the controller wrote. */
interface ControllerTicket {
  date: number;
}

/**
 * A controller as the backend of a run driven from here (runPlan), so the run, its lock and its
 * `onStart` are this side's, as in a local run: the lock, the plans, the step records and the
 * audit log are the controller's (dm:lock, dm:plan, dm:step, dm:audit, dm:release, each the
 * same code a local run uses), a step's `before` hook runs there (dm:before), and each step's
 * work is either
 * - whole, in one invocation (dm:body: the same step body as a local run, canary and verify
 *   included), invoked again while it stops at a checkpoint before its time runs out; or
 * - fanned out, for big steps without before/verify hooks, when the environment names a state
 *   machine: handed to a Step Functions execution (`execution`, runner/stepfunctions), which
 *   begins the step, runs its bulk passes over K segment invocations, records it and releases
 *   the lock; the run takes the lock again for the steps after it.
 * The lease is renewed through the controller while the run holds the lock.
 */
export function controllerBackend(
  controller: ControllerClient,
  settings: RunSettings,
  fan: FanOutOptions,
  c: { log: Logger; now: () => number },
  execution?: HandOver | undefined,
): RunBackend<ControllerTicket> {
  const call = async <T>(cmd: string, args: Record<string, unknown>): Promise<T> => {
    try {
      return await controller.invoke<T>(cmd, { ...args, settings });
    } catch (e) {
      // The controller's typed errors (a held lock, bad input) are handled as if thrown here.
      throw unwrapRemote(e);
    }
  };
  return {
    acquireLock: (command) => call<LockBody>(DM.lock, { command }),
    hold: (lock) => remoteLease(call, lock, settings.leaseMs, c),
    releaseLock: (lockId) => call(DM.release, { lockId }).then(() => undefined),
    plan: (input: PlanInput) => call(DM.plan, { ...input }),
    audit: (event) => call(DM.audit, { event }).then(() => undefined),
    currentVersion: () => call<string>('getCurrentVersion', {}),
    steps: ({ lockId, runId, plan, lease }) => {
      const ledger: StepLedger<ControllerTicket> = {
        begin: (step) =>
          call<ControllerTicket>(DM.step, { lockId, runId, planHash: plan.hash, step, phase: 'start' } satisfies Omit<
            StepArgs,
            'settings'
          >),
        finish: (step, ticket, outcome) =>
          call(DM.step, {
            lockId,
            runId,
            planHash: plan.hash,
            step,
            phase: 'end',
            date: ticket.date,
            outcome,
          } satisfies Omit<StepArgs, 'settings'>).then(() => undefined),
      };
      return {
        ledger,
        before: async (step) => (await call<{ findings: Finding[] }>(DM.before, { step })).findings,
        body: (step) => runWhole(call, step, lockId, settings, lease, c),
        handOver: execution && {
          takes: (step) => fansOut(step, fan),
          how: (step) => execution.how(step),
          run: (step, hand) => execution.run(step, hand),
        },
      };
    },
  };
}

/**
 * Whether a step's passes fan out over segments: only when asked for more than one, and not
 * for steps with before/verify hooks (their checks read the whole step's result) or a reset.
 */
export function fansOut(step: PlanStep, fan: FanOutOptions): boolean {
  return fan.segments > 1 && !step.checks?.length && step.kind !== 'reset';
}

type Call = <T>(cmd: string, args: Record<string, unknown>) => Promise<T>;

/** The coordinator's hold on the controller's lock: renewed every third of the lease. */
function remoteLease(call: Call, lock: LockBody, leaseMs: number, c: { log: Logger; now: () => number }): RunLease {
  const lost = new AbortController();
  let until = lock.leaseExpiresAt;
  const renew = async (): Promise<void> => {
    const r = await call<{ leaseExpiresAt: number }>(DM.renew, { lockId: lock.lockId });
    until = Math.max(until, r.leaseExpiresAt);
  };
  const timer = setInterval(
    () => {
      renew().catch((e) => {
        // A failed renewal is only a lost lock when another run holds it, or when the lease has run out meanwhile
        // (segment invocations renew it too, so one slow renewal is no reason to stop).
        if (e instanceof LockLostError || c.now() >= until)
          lost.abort(e instanceof LockLostError ? e : new LockLostError(`lock renewal failed: ${messageOf(e)}`));
        c.log.warn(`Could not renew the lock: ${messageOf(e)}`);
      });
    },
    Math.max(200, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return { signal: lost.signal, renew, stop: () => clearInterval(timer) };
}

/** A whole step in the controller: dm:body, invoked again while it stops at a checkpoint (never after a crash). */
async function runWhole(
  call: Call,
  step: PlanStep,
  lockId: string,
  settings: RunSettings,
  lease: RunLease,
  c: { log: Logger; now: () => number },
): Promise<BodyResult> {
  const r = await untilDone(() => call<BodyReply>(DM.body, { lockId, step } satisfies Omit<BodyArgs, 'settings'>), {
    maxAttempts: 1,
    settings,
    lease,
    c,
    what: `${step.version} ${step.direction}`,
  });
  const common = { counts: r.counts, checks: r.checks, canaryReverted: r.canaryReverted };
  if (r.status === 'incomplete') return { ...common, incomplete: true };
  if (r.status === 'failed') {
    const message = r.error ?? 'failed';
    return {
      ...common,
      error: r.lockLost ? new LockLostError(message) : new Error(message),
      lockLost: r.lockLost,
      checkpointed: r.checkpointed,
      incomplete: false,
    };
  }
  return { ...common, incomplete: false };
}

/**
 * The one loop that continues a controller's work across invocations: invoked again while the
 * work stops at a checkpoint before the invocation's time runs out (until the run's own
 * deadline), and again after a failed invocation up to `maxAttempts` in a row when the failure
 * is a crash, a timeout or a lost connection rather than an answer of ours.
 */
async function untilDone<R extends { status: string; error?: string | undefined; lockLost?: boolean | undefined }>(
  invoke: () => Promise<R>,
  o: {
    maxAttempts: number;
    settings: RunSettings;
    lease: RunLease;
    c: { log: Logger; now: () => number };
    what: string;
  },
): Promise<R> {
  let failures = 0;
  for (;;) {
    if (o.lease.signal.aborted)
      return { status: 'failed', error: `the lock was lost: ${messageOf(o.lease.signal.reason)}`, lockLost: true } as R;
    if (o.settings.deadline !== undefined && o.c.now() >= o.settings.deadline) return { status: 'incomplete' } as R;
    let body: R;
    try {
      body = await invoke();
    } catch (e) {
      // A crash, a timeout or a lost connection is worth another try; an answer of ours (a typed error) is not.
      const retryable = !(e instanceof MigrateError) || e instanceof RemoteFunctionError;
      failures++;
      o.c.log.warn(`${o.what}: invocation failed (${failures}/${o.maxAttempts}): ${messageOf(e)}`);
      if (!retryable || failures >= o.maxAttempts)
        return { status: 'failed', error: messageOf(e), lockLost: e instanceof LockLostError } as R;
      continue;
    }
    failures = 0;
    if (body.status !== 'incomplete') return body;
    o.c.log.debug(`${o.what} stopped at its checkpoint; invoking again`);
  }
}
