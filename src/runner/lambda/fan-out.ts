import { LockLostError, MigrateError, messageOf } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { RunSettings } from '../../core/run-settings';
import type { ItemCounts, PlanStep } from '../../core/types';
import { DM, type LockBody, type SegmentArgs, type SegmentBody, type StepArgs } from '../../controller/protocol';
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

/** A fan-out step's ticket: the date of the running record the controller wrote. */
interface FanOutTicket {
  date: number;
}

/**
 * A controller as the backend of a run driven from here (runPlan): the lock, the plans, the
 * step records and the audit log are the controller's (dm:lock, dm:plan, dm:step, dm:audit,
 * dm:release, each the same code a local run uses), and each step's work is its bulk passes,
 * every pass run as K segment invocations with bounded concurrency. A segment is invoked again
 * when it stops at its checkpoint before its time runs out, and retried from the checkpoint
 * when an invocation fails or is lost. The lease is renewed through the controller while the
 * run lasts.
 */
export function fanOutBackend(
  controller: ControllerClient,
  settings: RunSettings,
  fan: FanOutOptions,
  c: { log: Logger; now: () => number },
): RunBackend<FanOutTicket> {
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
      const ledger: StepLedger<FanOutTicket> = {
        begin: (step) =>
          call<FanOutTicket>(DM.step, { lockId, runId, planHash: plan.hash, step, phase: 'start' } satisfies Omit<
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
        body: (step) => runSegments(call, step, lockId, fan, settings, lease, c),
        how: `fanned out over ${fan.segments} segments`,
      };
    },
  };
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

type SegmentOutcome = SegmentBody & { lockLost?: boolean | undefined };

/**
 * Runs one segment of one pass to its end: invoked again while it stops at a checkpoint, retried
 * (from the checkpoint) when an invocation crashes, times out or is lost.
 */
async function invokeSegment(
  call: Call,
  args: Omit<SegmentArgs, 'settings'>,
  fan: FanOutOptions,
  settings: RunSettings,
  lease: RunLease,
  c: { log: Logger; now: () => number },
): Promise<SegmentOutcome> {
  const maxAttempts = fan.maxAttempts ?? 3;
  let failures = 0;
  for (;;) {
    if (lease.signal.aborted)
      return { status: 'failed', error: `the lock was lost: ${messageOf(lease.signal.reason)}`, lockLost: true };
    if (settings.deadline !== undefined && c.now() >= settings.deadline) return { status: 'incomplete' };
    let body: SegmentBody;
    try {
      body = await call<SegmentBody>(DM.segment, { ...args });
    } catch (e) {
      // A crash, a timeout or a lost connection is worth another try; an answer of ours (a typed error) is not.
      const retryable = !(e instanceof MigrateError) || e instanceof RemoteFunctionError;
      failures++;
      c.log.warn(
        `segment ${args.segment} of pass ${args.pass}: invocation failed (${failures}/${maxAttempts}): ${messageOf(e)}`,
      );
      if (!retryable || failures >= maxAttempts)
        return { status: 'failed', error: messageOf(e), lockLost: e instanceof LockLostError };
      continue;
    }
    failures = 0;
    if (body.status !== 'incomplete') return body;
    c.log.debug(`segment ${args.segment} of pass ${args.pass} stopped at its checkpoint; invoking again`);
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
