/**
 * The one status vocabulary: every status a run or an environment can be in or end in, and one
 * urgency order over them. The terminal, the PR comment (its headings and its overall heading)
 * and the action's `status` output all speak it. Which outcome gets which status, and which exit
 * code, is decided in core/outcome.ts. This module imports nothing, so that core/types.ts can
 * build its `RunStatus` from it.
 */

/** Every status, from the most to the least urgent: the overall status of several is the first of them here. */
export const STATUS_URGENCY = [
  // A step threw, its `verify` found problems, or the run could not finish. Exit 1 (3 when the lock was lost).
  'failed',
  // A step's `before` hook (its precondition) found a problem in the data, or threw: the step was
  // not run and nothing was written. Exit 1: the data (or the hook) must change, not the input.
  'precondition-failed',
  // A rehearsal of the plan (`plan --rehearse`) found an error in what a step would do to the
  // sampled data (analyzer codes DM2xx): nothing was written. Exit 5.
  'rehearsal-failed',
  // The plan cannot run as it stands: its blockers (exit 2; 4 for drift, 1 for a failed state), a
  // plan changed since review (exit 4), a gate or a refused command (exit 2).
  'blocked',
  // The scheduled check found the table away from the manifest. Exit 4.
  'drift',
  // A step stopped at a checkpoint before its time budget ran out; `apply --resume` continues. Exit 1.
  'incomplete',
  // A fanned-out step runs on in its Step Functions execution, which records it and releases the
  // lock itself; nobody waits on it (--detach, the action's wait: false). Exit 0.
  'running',
  // Steps are running (a pull request comment while the merge applies).
  'applying',
  // A plan was made and shown; nothing ran.
  'planned',
  // Every step ran without writing.
  'dry-run',
  // Every step of the plan was applied.
  'applied',
  // Nothing to do: the table is at the target.
  'no-op',
] as const;

/** A status of the one vocabulary. */
export type Status = (typeof STATUS_URGENCY)[number];

/**
 * The values of the action's `status` output, as action.yml and docs/action.md document them: a
 * coarser view of the vocabulary (core/outcome.ts `outputStatusOf` maps onto it).
 */
export type OutputStatus = Extract<
  Status,
  'planned' | 'applied' | 'no-op' | 'failed' | 'blocked' | 'drift' | 'running'
>;

/** The most urgent of `statuses` (by `STATUS_URGENCY`), or undefined when there is none. */
export function mostUrgent<S extends Status>(statuses: Iterable<S>): S | undefined {
  let best: S | undefined;
  for (const s of statuses) if (best === undefined || rank(s) < rank(best)) best = s;
  return best;
}

function rank(s: Status): number {
  return STATUS_URGENCY.indexOf(s);
}
