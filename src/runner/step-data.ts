import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDataEngine, type DataEngine } from '../dynamodb/bulk';
import type { ItemCounts, PlanStep } from '../core/types';
import type { Session } from './engine';

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
  /** The step was recorded: its checkpoints can go. */
  complete(): Promise<void>;
}

/**
 * Builds `ctx.data` for one step: checkpoints keyed by the step's version and direction (so a
 * resumed run continues where it stopped, and only a resumed run), the run's abort signal
 * (lease lost) and deadline.
 */
export async function createStepData(
  session: Session,
  step: PlanStep,
  opts: { signal: AbortSignal; deadline?: number | undefined; dryRun?: boolean; client?: DynamoDBClient | undefined },
): Promise<StepData> {
  const engine = createDataEngine({
    client: opts.client ?? session.client,
    table: session.environment.table,
    keys: await session.store.keys(),
    dryRun: opts.dryRun ?? false,
    samplePercent: session.opts.samplePercent,
    signal: opts.signal,
    deadline: opts.deadline,
    checkpoint: { version: step.version, direction: step.direction },
    defaults: session.environment['write-rate'] ? { rate: { write: session.environment['write-rate'] } } : undefined,
    logger: session.log,
  });
  return {
    engine,
    counts: () => engine.counts(),
    incomplete: () => engine.incomplete(),
    start: async () => {
      if (step.kind !== 'resume') await engine.startAttempt({ keepCanary: continuesCanary(step) });
    },
    // A canary run leaves its progress so that the full run finishes the rest.
    complete: () => engine.complete({ keepCanary: session.opts.samplePercent !== undefined }),
  };
}

/** A repeat of an up is how the full run (or a bigger canary) follows a canary of that version. */
export function continuesCanary(step: Pick<PlanStep, 'kind' | 'direction'>): boolean {
  return step.kind === 'repeat' && step.direction === 'up';
}
