import type { ItemCounts } from '../../core/types';

/**
 * A pass stopped at its deadline after saving its checkpoints. Thrown out of the migration's
 * `up`/`down` so that nothing after the pass runs; the runner reports the step `incomplete`
 * and a resumed run continues from the checkpoints.
 */
export class PassIncompleteError extends Error {
  override name = 'PassIncompleteError';
  constructor(
    readonly pass: string,
    readonly counts: ItemCounts,
  ) {
    super(
      `Pass '${pass}' reached its deadline and stopped at a checkpoint after ${counts.scanned} items; resume the step to finish it.`,
    );
  }
}

/** A pass stopped because more items failed than `maxFailures` allows. */
export class PassFailedError extends Error {
  override name = 'PassFailedError';
  constructor(
    readonly pass: string,
    readonly counts: ItemCounts,
    /** Keys and messages of the first failures. */
    readonly failures: readonly { key: Record<string, unknown>; error: string }[],
  ) {
    super(
      `Pass '${pass}' stopped: ${counts.failed} item(s) failed (first: ${failures
        .slice(0, 3)
        .map((f) => `${JSON.stringify(f.key)}: ${f.error}`)
        .join('; ')}). Fix the transform or raise maxFailures, then resume the step; finished pages are not redone.`,
    );
  }
}

/** True for the error a pass throws when more items failed than it allows (it stopped at its checkpoints). */
export function isPassFailed(err: unknown): err is PassFailedError {
  return err instanceof PassFailedError;
}

/** True for the error a pass throws when its deadline came first. */
export function isPassIncomplete(err: unknown): err is PassIncompleteError {
  return err instanceof PassIncompleteError;
}
