import type { ItemCounts, StepProgress } from '../../core/types';

/** One pass's checkpoints summed over its segments (dm:progress; dynamodb/bulk's PassProgress). */
export interface PassFigures {
  pass: string;
  total: number;
  done: number;
  counts: ItemCounts;
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
  const sum = (k: keyof ItemCounts) => passes.reduce((n, p) => n + p.counts[k], 0);
  const scanned = sum('scanned');
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
    changed: sum('changed'),
    skipped: sum('skipped'),
    failed: sum('failed'),
    rate,
    etaSeconds,
  };
}
