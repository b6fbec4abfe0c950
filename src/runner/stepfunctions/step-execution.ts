import { messageOf } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { RunSettings } from '../../core/run-settings';
import { describeStepProgress } from '../../core/render/text';
import type { LiveExecution, PlanStep, StepProgress } from '../../core/types';
import type { HandOver } from '../step/run-plan';
import type { HandedOverOutcome } from '../step/run-step';
import { type ExecutionInput, fanOutConcurrency, segmentOrder } from './definition';
import { consoleUrl, type ExecutionInfo, executionName, type StepFunctionsApi, startOrAttach } from './execution';
import { type PassFigures, stepProgress } from './progress';

/** What a fanned-out step's execution needs of the run that starts it. */
export interface StepExecutionOptions {
  api: StepFunctionsApi;
  stateMachineArn: string;
  table: string;
  settings: RunSettings;
  segments: number;
  concurrency?: number | undefined;
  /** The table's estimated item count (the plan's), for the ETA. */
  items?: number | undefined;
  /** The step's checkpoints by pass (the controller's dm:progress). */
  progress: (step: PlanStep) => Promise<PassFigures[]>;
  /**
   * Whether the step's newest record says it failed at its checkpoints (MigrationRecord.checkpointed):
   * read after a FAILED execution, whose output AWS does not keep, to say whether apply --resume continues it.
   */
  failedAtCheckpoints?: ((step: PlanStep) => Promise<boolean>) | undefined;
  /** Between two looks at the execution. Default 5 s. */
  pollMs?: number | undefined;
  /** false: the step ends `running` as soon as its execution started (--detach). */
  wait?: boolean | undefined;
  /** The execution started (or was found running), then each time its progress moved: ApplyOptions.onExecution. */
  onExecution?: ((live: LiveExecution) => void) | undefined;
  log: Logger;
  now: () => number;
}

/**
 * A fanned-out step handed to its Step Functions execution (runPlan's HandOver): started (or
 * found, when a start of the same step under the same lock already runs), then watched until it
 * ends, its progress logged from the segments' checkpoints. The execution records the step and
 * releases the lock; this only reports what it recorded.
 */
export function stepExecution(o: StepExecutionOptions): HandOver {
  const { maxConcurrency, childWriteRate } = fanOutConcurrency({
    segments: o.segments,
    concurrency: o.concurrency,
    writeRate: o.settings.writeRate,
  });
  return {
    takes: () => true,
    how: () =>
      `fanned out over ${o.segments} segments, at most ${maxConcurrency} at once, by a Step Functions execution`,
    async run(step, hand): Promise<HandedOverOutcome> {
      // The execution outlives this process: no deadline of this job bounds it, and each child writes its share of the rate.
      const { deadline: _deadline, ...settings } = o.settings;
      const input: ExecutionInput = {
        config: { name: o.table },
        lockId: hand.lockId,
        runId: hand.runId,
        planHash: hand.plan.hash,
        step,
        settings: { ...settings, writeRate: childWriteRate },
        totalSegments: o.segments,
        segments: segmentOrder(o.segments),
        maxConcurrency,
        startedAt: hand.startedAt,
        ticket: { date: 0 },
      };
      const name = executionName(o.table, step, hand.lockId);
      // Throws before anything started (the lock is still the run's); from here on, every end is an outcome.
      const started = await startOrAttach(o.api, {
        stateMachineArn: o.stateMachineArn,
        name,
        input: JSON.stringify(input),
      });
      const where = consoleUrl(started.executionArn);
      o.log.info(`${step.version}: ${started.attached ? 'attached to' : 'started'} execution ${name}: ${where}`);
      const live: LiveExecution = {
        version: step.version,
        direction: step.direction,
        name,
        url: where,
        attached: started.attached,
        at: o.now(),
      };
      tell(o, live);
      if (o.wait === false) return { status: 'running', durationMs: o.now() - hand.startedAt, where };
      const info = await watchExecution(
        {
          ...o,
          onProgress: (progress) => tell(o, { ...live, progress, at: o.now() }),
        },
        step,
        started.executionArn,
        hand.startedAt,
      );
      const outcome = outcomeOf(info, o.now() - hand.startedAt, where);
      if (info.status === 'FAILED' && o.failedAtCheckpoints)
        outcome.checkpointed = await o.failedAtCheckpoints(step).catch(() => false);
      return outcome;
    },
  };
}

/** Tells the caller's hook; a hook that throws is the caller's problem, never the execution's. */
function tell(o: Pick<StepExecutionOptions, 'onExecution' | 'log'>, live: LiveExecution): void {
  try {
    o.onExecution?.(live);
  } catch (e) {
    o.log.warn(`Could not show the progress of ${live.version}: ${messageOf(e)}`);
  }
}

/** What watching an execution needs. */
export type WatchOptions = Pick<StepExecutionOptions, 'api' | 'progress' | 'pollMs' | 'items' | 'log' | 'now'> & {
  /** The step's segments: how often its checkpoints are read (progressEveryMs). */
  segments?: number | undefined;
  /** Each time the step's progress moved. */
  onProgress?: ((p: StepProgress) => void) | undefined;
};

/** Milliseconds of watch per segment between two reads of the step's checkpoints. */
export const PROGRESS_MS_PER_SEGMENT = 5;

/**
 * Between two reads of the step's checkpoints: each read takes every checkpoint of the pass
 * (about 0.375 read units a segment, eventually consistent), so past 1,000 segments the reads
 * space out to 5 ms a segment and cost at most about 75 read units a second, whatever the
 * segments; below, every poll (docs/scale.md has the figures).
 */
export function progressEveryMs(pollMs: number, segments: number | undefined): number {
  return Math.max(pollMs, (segments ?? 0) * PROGRESS_MS_PER_SEGMENT);
}

/** Polls the execution until it ends, logging the step's progress when it moved. Never throws: 10 failed looks in a row end the watch (status RUNNING, error `Unwatched`). */
export async function watchExecution(
  o: WatchOptions,
  step: PlanStep,
  arn: string,
  startedAt: number,
): Promise<ExecutionInfo> {
  let failures = 0;
  let last = '';
  let readAt = Number.NEGATIVE_INFINITY;
  const every = progressEveryMs(o.pollMs ?? 5000, o.segments);
  for (;;) {
    let info: ExecutionInfo;
    try {
      info = await o.api.describeExecution(arn);
      failures = 0;
    } catch (e) {
      // The execution goes on whatever happens here: keep looking for a while before giving up on it.
      failures++;
      o.log.warn(`Could not read execution ${arn} (${failures}/10): ${messageOf(e)}`);
      if (failures >= 10) return { executionArn: arn, status: 'RUNNING', error: 'Unwatched', cause: messageOf(e) };
      await sleep(o.pollMs ?? 5000);
      continue;
    }
    if (info.status !== 'RUNNING') return info;
    if (o.now() - readAt < every) {
      await sleep(o.pollMs ?? 5000);
      continue;
    }
    readAt = o.now();
    const passes = await o.progress(step).catch(() => undefined);
    const p = passes && stepProgress(passes, { startedAt, now: o.now(), items: o.items });
    if (p) {
      const line = `${step.version}: ${describeStepProgress(p)}`;
      if (line !== last) {
        o.log.info(line);
        o.log.progress?.({
          pass: `${step.version} pass ${p.pass}`,
          scanned: p.scanned,
          changed: p.changed,
          skipped: p.skipped,
          failed: p.failed,
          itemsPerSecond: p.rate,
          etaSeconds: p.etaSeconds,
          estimatedTotal: o.items,
          segmentsDone: p.segmentsDone,
          segmentsTotal: p.segments,
          elapsedMs: o.now() - startedAt,
        });
        o.onProgress?.(p);
      }
      last = line;
    }
    await sleep(o.pollMs ?? 5000);
  }
}

/** What the execution recorded, from how it ended. */
export function outcomeOf(info: ExecutionInfo, durationMs: number, where: string): HandedOverOutcome {
  if (info.status === 'SUCCEEDED') {
    const out = parse(info.output) as { status?: string; error?: string; counts?: HandedOverOutcome['counts'] };
    const status = out.status === 'applied' || out.status === 'incomplete' ? out.status : 'failed';
    return { status, error: out.error, counts: out.counts, durationMs, where };
  }
  if (info.status === 'ABORTED')
    return { status: 'incomplete', durationMs, where, error: info.cause ?? 'the execution was stopped' };
  if (info.status === 'RUNNING')
    return {
      status: 'failed',
      durationMs,
      where,
      error: `lost sight of the execution (${info.cause}); it goes on and records the step itself: watch it in the console`,
    };
  // FAILED or TIMED_OUT: the step was recorded failed by the execution's RecordFailed (StepFailed),
  // or could not be (NotRecorded: the cause says why; the lock's lease then runs out).
  const cause = info.cause ?? '';
  return { status: 'failed', error: cause || info.error || info.status, durationMs, where };
}

function parse(text: string | undefined): Record<string, unknown> {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
