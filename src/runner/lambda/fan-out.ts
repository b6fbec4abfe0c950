import { LockLostError, MigrateError, messageOf } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { RunSettings } from '../../core/run-settings';
import type { Finding, ItemCounts, PlanStep } from '../../core/types';
import {
  DM,
  type BodyArgs,
  type BodyReply,
  type LockBody,
  type SegmentArgs,
  type SegmentBody,
  type StepArgs,
} from '../../controller/protocol';
import type { PlanInput } from '../session';
import type { StepLedger } from '../step/ledger';
import type { RunBackend, RunLease } from '../step/run-plan';
import type { BodyResult } from '../step/run-step';
import { RemoteFunctionError, unwrapRemote, type ControllerClient } from './controller-client';

/** How a big step is split across invocations. */
export interface FanOutOptions {
  /** Scan segments per bulk pass, each run by its own invocation. */
  segments: number;
  /** Invocations in flight at once. Default min(segments, 8). */
  concurrency?: number | undefined;
  /** Failed or lost invocations of one segment in a row before the step fails. Default 3. */
  maxAttempts?: number | undefined;
}

/** About what one invocation gets through in Lambda's 15 minutes. */
const BYTES_PER_SEGMENT = 1024 ** 3;

/** Segments for a table of this size: one per GiB, at most 64; 1 (no fan-out) when unknown or small. */
export function defaultSegments(sizeBytes: number | undefined): number {
  if (!sizeBytes) return 1;
  return Math.min(64, Math.max(1, Math.ceil(sizeBytes / BYTES_PER_SEGMENT)));
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
 * - fanned out, for big steps without before/verify hooks: its bulk passes, every pass run as K
 *   segment invocations with bounded concurrency, a segment invoked again when it stops at its
 *   checkpoint and retried (from the checkpoint) when an invocation fails or is lost.
 * The lease is renewed through the controller while the run lasts.
 */
export function controllerBackend(
  controller: ControllerClient,
  settings: RunSettings,
  fan: FanOutOptions,
  c: { log: Logger; now: () => number },
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
        body: (step) =>
          fansOut(step, fan)
            ? runSegments(call, step, lockId, fan, settings, lease, c)
            : runWhole(call, step, lockId, settings, lease, c),
        how: (step) => (fansOut(step, fan) ? `fanned out over ${fan.segments} segments` : undefined),
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

/** One step's work through the controller: pass 0 up to its first bulk pass, then each pass over K segments. */
async function runSegments(
  call: Call,
  step: PlanStep,
  lockId: string,
  fan: FanOutOptions,
  settings: RunSettings,
  lease: RunLease,
  c: { log: Logger; now: () => number },
): Promise<BodyResult> {
  const K = fan.segments;
  const common = { lockId, step, totalSegments: K };
  const segment = (pass: number, i: number) =>
    invokeSegment(call, { ...common, pass, segment: i }, fan, settings, lease, c);
  // Pass 0 runs the step up to its first bulk pass: a step with none is done right there.
  const probe = await segment(0, 0);
  if (probe.status === 'failed')
    return { error: new Error(probe.error ?? 'failed'), lockLost: probe.lockLost, incomplete: false };
  if (probe.status === 'incomplete') return { incomplete: true };
  if (probe.status === 'done') return { counts: probe.counts, incomplete: false };
  const total: ItemCounts = { scanned: 0, changed: 0, skipped: 0, failed: 0 };
  for (let pass = 1; ; pass++) {
    const results = await pool(K, Math.max(1, Math.min(fan.concurrency ?? 8, K)), (i) => segment(pass, i));
    for (const r of results)
      if (r.counts) for (const k of Object.keys(total) as (keyof ItemCounts)[]) total[k] += r.counts[k];
    const failed = results.find((r) => r.status === 'failed');
    if (failed)
      return {
        error: failed.lockLost
          ? new LockLostError(failed.error ?? 'the lock was lost')
          : new Error(failed.error ?? 'failed'),
        lockLost: failed.lockLost,
        counts: total,
        incomplete: false,
      };
    if (results.some((r) => r.status === 'incomplete')) return { counts: total, incomplete: true };
    c.log.info(
      `${step.version}: pass ${pass} done in all ${K} segments (${total.scanned} scanned, ${total.changed} changed so far)`,
    );
    if (!results.some((r) => r.nextPass)) return { counts: total, incomplete: false };
  }
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
      incomplete: false,
    };
  }
  return { ...common, incomplete: false };
}

type SegmentOutcome = SegmentBody & { lockLost?: boolean | undefined };

/** Runs one segment of one pass to its end, retried from its checkpoint when an invocation crashes, times out or is lost. */
function invokeSegment(
  call: Call,
  args: Omit<SegmentArgs, 'settings'>,
  fan: FanOutOptions,
  settings: RunSettings,
  lease: RunLease,
  c: { log: Logger; now: () => number },
): Promise<SegmentOutcome> {
  return untilDone(() => call<SegmentBody>(DM.segment, { ...args }), {
    maxAttempts: fan.maxAttempts ?? 3,
    settings,
    lease,
    c,
    what: `segment ${args.segment} of pass ${args.pass}`,
  });
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

/** Runs `n` tasks with at most `concurrency` at once; results in task order. */
async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      for (let i = next++; i < n; i = next++) results[i] = await task(i);
    }),
  );
  return results;
}
