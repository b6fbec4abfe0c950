/**
 * The one status vocabulary: every status a run or an environment can be in or end in, and one
 * urgency order over them. The terminal, the PR comment (its headings and its overall heading)
 * and the action's `status` output all speak it. Which outcome gets which status, and which exit
 * code, is decided in core/outcome.ts. This module imports nothing, so that core/types.ts can
 * build its `RunStatus` from it.
 */
/** Every status, from the most to the least urgent: the overall status of several is the first of them here. */
export declare const STATUS_URGENCY: readonly ["failed", "precondition-failed", "rehearsal-failed", "blocked", "drift", "incomplete", "running", "applying", "planned", "dry-run", "applied", "no-op"];
/** A status of the one vocabulary. */
export type Status = (typeof STATUS_URGENCY)[number];
/**
 * The values of the action's `status` output, as action.yml and docs/action.md document them: a
 * coarser view of the vocabulary (core/outcome.ts `outputStatusOf` maps onto it).
 */
export type OutputStatus = Extract<Status, 'planned' | 'applied' | 'no-op' | 'failed' | 'blocked' | 'drift' | 'running'>;
/** The most urgent of `statuses` (by `STATUS_URGENCY`), or undefined when there is none. */
export declare function mostUrgent<S extends Status>(statuses: Iterable<S>): S | undefined;
