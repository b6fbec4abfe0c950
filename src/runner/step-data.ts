import type { ItemCounts, PlanStep } from '../core/types';
import type { Session } from './engine';

/** The per-step wiring of the bulk data engine: what the step exposes as ctx.data, and its counts. */
export interface StepData {
  engine: unknown;
  counts(): ItemCounts | undefined;
  /** A pass stopped at its deadline: the step must be resumed. */
  incomplete(): boolean;
  /** The step was recorded: its checkpoints can go. */
  complete(): Promise<void>;
}

/** Until the bulk engine is wired in, ctx.data is absent. */
export function createStepData(
  _session: Session,
  _step: PlanStep,
  _opts: { signal: AbortSignal; lockId?: string; deadline?: number | undefined; dryRun?: boolean },
): StepData {
  return { engine: undefined, counts: () => undefined, incomplete: () => false, complete: async () => {} };
}
