/**
 * One row of the bench's latency section: a cold-process timing (median of several runs) with
 * the target it is held to and an anchor to read it against.
 */
export interface LatencyRow {
  /** What was timed, e.g. `plan (200 migrations)` or `controller import`. */
  name: string;
  /** Median wall time of the cold runs, in milliseconds. */
  medianMs: number;
  /** The target for this row, when it has one. */
  targetMs?: number | undefined;
  /** The figure to read it beside: plain `node -e 0`, or the same command at 20 migrations. */
  anchorMs?: number | undefined;
  /** What the anchor is, how many runs, anything a reader needs. */
  note?: string | undefined;
}
