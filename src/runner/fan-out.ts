import { EXIT, messageOf } from '../core/errors';
import { SUCCESS } from '../core/history';
import type { Logger } from '../core/logger';
import type { ItemCounts, Plan, PlanStep, RunReport, StepReport } from '../core/types';
import { DM, type BeginBody, type SegmentBody } from './controller/protocol';
import type { ApplyOptions } from './engine';
import type { ControllerClient } from './lambda-runner';

/** How a big step is split across invocations. */
export interface FanOutOptions {
  /** Scan segments per bulk pass, each run by its own invocation. Default: from the table's size. */
  segments?: number | undefined;
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

interface Coordinator {
  log: Logger;
  actor?: string | undefined;
  runUrl?: string | undefined;
  gitSha?: string | undefined;
  deadline?: number | undefined;
  leaseMs?: number | undefined;
  now: () => number;
}

/**
 * Runs a plan through a controller with each step's bulk passes split into scan segments:
 * takes the lock through the controller (renewing its lease for the whole run), writes each
 * step's running record, runs the step until its first bulk pass, then runs every pass as K
 * segment invocations with bounded concurrency, invoking a segment again when it stops at its
 * checkpoint before its time runs out and retrying it from the checkpoint when an invocation
 * fails or is lost. The step is recorded applied only when every segment of every pass is done.
 */
export async function applyWithFanOut(
  controller: ControllerClient,
  plan: Plan,
  options: ApplyOptions,
  fan: FanOutOptions & { segments: number },
  c: Coordinator,
): Promise<RunReport> {
  const startedAt = c.now();
  const identity = { actor: c.actor, runUrl: c.runUrl, gitSha: c.gitSha };
  const begin = await controller.invoke<BeginBody>(DM.begin, {
    command: plan.command,
    version: plan.command === 'to' ? plan.targetVersion : undefined,
    resume: plan.steps[0]?.kind === 'resume' ? true : undefined,
    planHash: options.expectedHash ?? plan.hash,
    onPlanChange: options.expectedHash ? (options.onPlanChange ?? 'fail') : 'replan',
    reason: options.reason,
    leaseMs: c.leaseMs,
    ...identity,
  });
  if ('report' in begin) return begin.report;
  const { lockId, runId } = begin;
  const running = begin.plan;
  const leaseMs = c.leaseMs ?? 120_000;
  let lost: unknown;
  let leaseUntil = begin.leaseExpiresAt;
  const renewing = setInterval(() => {
    controller.invoke<{ leaseExpiresAt: number }>(DM.renew, { lockId, leaseMs }).then(
      (r) => void (leaseUntil = r.leaseExpiresAt),
      (e) => {
        // A failed renewal is only a lost lock when another run holds it, or when the lease has run out meanwhile
        // (segment invocations renew it too, so one slow renewal is no reason to stop).
        if ((e as { errorType?: string }).errorType === 'LockLostError' || c.now() >= leaseUntil) lost ??= e;
        c.log.warn(`Could not renew the lock: ${messageOf(e)}`);
      },
    );
  }, Math.max(200, Math.floor(leaseMs / 3)));
  renewing.unref();
  const steps: StepReport[] = [];
  let report: RunReport | undefined;
  try {
    for (const step of running.steps) {
      const t0 = c.now();
      const kind = step.kind === 'reset' ? 'migrate' : step.kind;
      const { date } = await controller.invoke<{ date: number }>(DM.step, { lockId, runId, version: step.version, direction: step.direction, kind, phase: 'start', ...identity });
      c.log.info(`${step.direction === 'up' ? '▲' : '▼'} ${step.version} ${step.direction}: ${step.description} (fanned out over ${fan.segments} segments)`);
      const outcome = await runStep(controller, step, lockId, fan, c, () => lost);
      const durationMs = c.now() - t0;
      const status = outcome.status === 'done' ? SUCCESS : outcome.status === 'incomplete' ? 'incomplete: stopped at checkpoints before the time budget ran out; resume to continue' : outcome.error;
      await controller.invoke(DM.step, { lockId, runId, version: step.version, direction: step.direction, kind, phase: 'end', status, date, counts: outcome.counts, durationMs, planHash: running.hash, ...identity });
      if (outcome.status === 'done') {
        steps.push({ version: step.version, direction: step.direction, kind: step.kind, status: 'applied', durationMs, counts: outcome.counts });
        continue;
      }
      if (outcome.status === 'incomplete') {
        steps.push({ version: step.version, direction: step.direction, kind: step.kind, status: 'incomplete', durationMs, counts: outcome.counts });
        report = {
          plan: running, steps, status: 'incomplete', startedAt, durationMs: c.now() - startedAt, lockId,
          error: `${step.version} stopped at its checkpoints before the time budget ran out.`,
          next: `Run apply --resume to continue ${step.version} from its checkpoints.`,
          exitCode: EXIT.failure,
        };
        return report;
      }
      steps.push({ version: step.version, direction: step.direction, kind: step.kind, status: 'failed', durationMs, counts: outcome.counts, error: outcome.error });
      report = {
        plan: running, steps, status: 'failed', startedAt, durationMs: c.now() - startedAt, lockId,
        error: `${step.direction} ${step.version} (${step.file}) failed: ${outcome.error}`,
        next: step.idempotent
          ? `Fix the cause, then apply --resume (${step.version} is idempotent; finished segments are not redone), or repair --version ${step.version} --mark applied|reverted --reason "...".`
          : `Check the data ${step.version} touched, then apply --resume (it continues from its checkpoints) or repair --version ${step.version} --mark applied|reverted --reason "...".`,
        exitCode: outcome.lockLost ? EXIT.locked : EXIT.failure,
      };
      return report;
    }
    report = { plan: running, steps, status: 'applied', startedAt, durationMs: c.now() - startedAt, lockId };
    return report;
  } finally {
    clearInterval(renewing);
    await controller
      .invoke(DM.end, {
        lockId,
        runId,
        outcome: report?.status ?? 'failed',
        message: report?.error,
        versions: steps.filter((s) => s.status === 'applied').map((s) => `${s.direction} ${s.version}`),
        planHash: running.hash,
        ...identity,
      })
      .catch((e) => c.log.warn(`Could not release lock ${lockId}: ${messageOf(e)}`));
  }
}

type StepOutcome =
  | { status: 'done'; counts?: ItemCounts | undefined }
  | { status: 'incomplete'; counts?: ItemCounts | undefined }
  | { status: 'failed'; error: string; counts?: ItemCounts | undefined; lockLost?: boolean | undefined };

async function runStep(
  controller: ControllerClient,
  step: PlanStep,
  lockId: string,
  fan: FanOutOptions & { segments: number },
  c: Coordinator,
  lost: () => unknown,
): Promise<StepOutcome> {
  const K = fan.segments;
  const common = { lockId, version: step.version, direction: step.direction, kind: step.kind === 'reset' ? 'migrate' : step.kind, totalSegments: K, deadline: c.deadline, leaseMs: c.leaseMs };
  // Pass 0 runs the step up to its first bulk pass: a step with none is done right there.
  const probe = await invokeSegment(controller, { ...common, pass: 0, segment: 0 }, fan, c, lost);
  if (probe.status === 'failed') return { status: 'failed', error: probe.error ?? 'failed', lockLost: probe.lockLost };
  if (probe.status === 'incomplete') return { status: 'incomplete' };
  if (probe.status === 'done') return { status: 'done', counts: probe.counts };
  const total: ItemCounts = { scanned: 0, changed: 0, skipped: 0, failed: 0 };
  for (let pass = 1; ; pass++) {
    const results = await pool(K, Math.max(1, Math.min(fan.concurrency ?? 8, K)), (segment) =>
      invokeSegment(controller, { ...common, pass, segment }, fan, c, lost),
    );
    for (const r of results) if (r.counts) for (const k of Object.keys(total) as (keyof ItemCounts)[]) total[k] += r.counts[k];
    const failed = results.find((r) => r.status === 'failed');
    if (failed) return { status: 'failed', error: failed.error ?? 'failed', counts: total, lockLost: failed.lockLost };
    if (results.some((r) => r.status === 'incomplete')) return { status: 'incomplete', counts: total };
    c.log.info(`${step.version}: pass ${pass} done in all ${K} segments (${total.scanned} scanned, ${total.changed} changed so far)`);
    if (!results.some((r) => r.nextPass)) return { status: 'done', counts: total };
  }
}

type SegmentOutcome = SegmentBody & { lockLost?: boolean | undefined };

/**
 * Runs one segment of one pass to its end: invoked again while it stops at a checkpoint, retried
 * (from the checkpoint) when an invocation crashes, times out or is lost.
 */
async function invokeSegment(
  controller: ControllerClient,
  args: Record<string, unknown> & { pass: number; segment: number },
  fan: FanOutOptions,
  c: Coordinator,
  lost: () => unknown,
): Promise<SegmentOutcome> {
  const maxAttempts = fan.maxAttempts ?? 3;
  let failures = 0;
  for (;;) {
    if (lost()) return { status: 'failed', error: `the lock was lost: ${messageOf(lost())}`, lockLost: true };
    if (c.deadline !== undefined && c.now() >= c.deadline) return { status: 'incomplete' };
    let body: SegmentBody;
    try {
      body = await controller.invoke<SegmentBody>(DM.segment, args);
    } catch (e) {
      const retryable = (e as { retryable?: boolean }).retryable !== false;
      failures++;
      c.log.warn(`segment ${args.segment} of pass ${args.pass}: invocation failed (${failures}/${maxAttempts}): ${messageOf(e)}`);
      if (!retryable || failures >= maxAttempts) {
        const name = (e as { errorType?: string }).errorType;
        return { status: 'failed', error: messageOf(e), lockLost: name === 'LockLostError' };
      }
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
