import { formatCount } from '../../core/render/text';
import type { ItemCounts } from '../../core/types';

/** One pass's checkpoints summed over its segments (dm:progress; dynamodb/bulk's PassProgress). */
export interface PassFigures {
  pass: string;
  total: number;
  done: number;
  counts: ItemCounts;
}

/** What the caller shows of a running step: items so far, their rate, and the time left of the current pass. */
export interface StepProgress {
  pass: number;
  segmentsDone: number;
  segments: number;
  scanned: number;
  changed: number;
  /** Items per second over the step so far. */
  rate: number;
  /** Seconds left in the current pass, when it can be told (the table's item count, or finished segments). */
  etaSeconds?: number | undefined;
}

/**
 * The progress of a fanned-out step from its segments' checkpoints. Pure: the clock and the
 * table's estimated item count come in. The ETA is the current pass's items left at the rate so
 * far when the table's item count is known, else its segments left at the pace of those done.
 */
export function stepProgress(
  passes: readonly PassFigures[],
  o: { startedAt: number; now: number; items?: number | undefined },
): StepProgress | undefined {
  const current = passes.at(-1);
  if (!current) return undefined;
  const elapsed = Math.max(0.001, (o.now - o.startedAt) / 1000);
  const scanned = passes.reduce((n, p) => n + p.counts.scanned, 0);
  const changed = passes.reduce((n, p) => n + p.counts.changed, 0);
  const rate = scanned / elapsed;
  let etaSeconds: number | undefined;
  if (o.items && rate > 0) etaSeconds = Math.max(0, o.items - current.counts.scanned) / rate;
  else if (current.done > 0 && current.done < current.total) {
    const before = passes.slice(0, -1).reduce((n, p) => n + p.counts.scanned, 0);
    const inPass = elapsed * (scanned > 0 ? (scanned - before) / scanned : 1);
    etaSeconds = (inPass / current.done) * (current.total - current.done);
  } else if (current.done === current.total) etaSeconds = 0;
  return {
    pass: passes.length,
    segmentsDone: current.done,
    segments: current.total,
    scanned,
    changed,
    rate,
    etaSeconds,
  };
}

/** One log line: `pass 2: 5/8 segments, 12,345 items scanned (3,456 changed), 1,234/s, about 2 min left`. */
export function progressLine(p: StepProgress): string {
  const eta =
    p.etaSeconds === undefined ? '' : `, ${p.etaSeconds < 1 ? 'finishing' : `about ${duration(p.etaSeconds)} left`}`;
  return `pass ${p.pass}: ${p.segmentsDone}/${p.segments} segments, ${formatCount(p.scanned)} items scanned (${formatCount(p.changed)} changed), ${formatCount(Math.round(p.rate))}/s${eta}`;
}

function duration(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
