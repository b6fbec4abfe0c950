import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../core/logger';
import type { RunSettings } from '../../core/run-settings';
import type { ItemCounts, PlanStep } from '../../core/types';
import { createDataEngine, type DataEngine } from '../../dynamodb/bulk';

/** The per-step wiring of the bulk data engine: what the step exposes as ctx.data, and its counts. */
export interface StepData {
  engine: DataEngine;
  counts(): ItemCounts | undefined;
  /** A pass stopped at its deadline: the step must be resumed. */
  incomplete(): boolean;
  /**
   * Before the step runs: unless it resumes an interrupted attempt, starts a new attempt:
   * deletes the checkpoints earlier attempts left (a repeat keeps a canary's progress, to take
   * the rest after it) and records the attempt's id, which `once` markers carry. A resume reads
   * the id of the attempt it resumes back from the table.
   */
  start(): Promise<void>;
  /** The step was recorded: its checkpoints can go (a canary's progress stays for the full run). */
  complete(): Promise<void>;
}

/** Where a step's data engine works. */
export interface StepDataTarget {
  client: DynamoDBClient;
  table: string;
  keys: { hash: string; sort: string };
  log: Logger;
}

/**
 * Builds `ctx.data` for one step from the run's settings (write rate, canary, deadline, dry
 * run): checkpoints keyed by the step's version and direction, so a resumed run continues where
 * it stopped, and only a resumed run. Every path that runs a step (a local run, a dry run, a
 * controller's fan-out segment and its bookkeeping) builds it here.
 */
export function createStepData(
  target: StepDataTarget,
  step: Pick<PlanStep, 'version' | 'direction' | 'kind'>,
  settings: Pick<RunSettings, 'dryRun' | 'samplePercent' | 'deadline' | 'writeRate'>,
  opts: { signal?: AbortSignal | undefined; progressBar?: boolean | undefined } = {},
): StepData {
  const engine = createDataEngine({
    client: target.client,
    table: target.table,
    keys: target.keys,
    dryRun: settings.dryRun,
    samplePercent: settings.samplePercent,
    signal: opts.signal,
    deadline: settings.deadline,
    checkpoint: { version: step.version, direction: step.direction },
    defaults: settings.writeRate ? { rate: { write: settings.writeRate } } : undefined,
    logger: target.log,
    onProgress: target.log.progress ? (p) => target.log.progress?.(p) : undefined,
    ...(opts.progressBar === false ? { progressBar: false } : {}),
  });
  return {
    engine,
    counts: () => engine.counts(),
    incomplete: () => engine.incomplete(),
    start: async () => {
      if (step.kind !== 'resume') await engine.startAttempt({ keepCanary: continuesCanary(step) });
    },
    complete: () => engine.complete({ keepCanary: settings.samplePercent !== undefined }),
  };
}

/** A repeat of an up is how the full run (or a bigger canary) follows a canary of that version. */
export function continuesCanary(step: Pick<PlanStep, 'kind' | 'direction'>): boolean {
  return step.kind === 'repeat' && step.direction === 'up';
}
