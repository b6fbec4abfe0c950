import type { ItemCounts } from '../../core/types';
import type { BulkLogger, Progress } from './types';

/** Adds `b` into `a`. */
export function addCounts(a: ItemCounts, b: ItemCounts): ItemCounts {
  a.scanned += b.scanned;
  a.changed += b.changed;
  a.skipped += b.skipped;
  a.failed += b.failed;
  return a;
}

export function zeroCounts(): ItemCounts {
  return { scanned: 0, changed: 0, skipped: 0, failed: 0 };
}

/**
 * Reports a pass's progress at a bounded frequency, whatever the item rate: a callback (the
 * step report), a bar on a TTY, or a log line in CI. Nothing here grows with the table.
 */
export class ProgressReporter {
  private readonly started: number;
  private lastCallback = 0;
  private lastLog: number;
  private lastBar = 0;
  /** Counts carried over from checkpoints of earlier runs; excluded from the rate. */
  private readonly baseScanned: number;

  constructor(
    private readonly pass: string,
    private readonly counts: ItemCounts,
    private readonly segments: { done: () => number; total: number },
    private readonly opts: {
      estimatedTotal?: number | undefined;
      onProgress?: ((p: Progress) => void) | undefined;
      progressIntervalMs: number;
      logIntervalMs: number;
      bar?: NodeJS.WritableStream | false | undefined;
      logger: BulkLogger;
      now: () => number;
    },
  ) {
    this.started = opts.now();
    this.lastLog = this.started;
    this.baseScanned = counts.scanned;
  }

  snapshot(): Progress {
    const elapsedMs = this.opts.now() - this.started;
    const scannedNow = this.counts.scanned - this.baseScanned;
    const itemsPerSecond = elapsedMs > 0 ? (scannedNow * 1000) / elapsedMs : 0;
    const total = this.opts.estimatedTotal;
    const left = total !== undefined ? Math.max(0, total - this.counts.scanned) : undefined;
    return {
      pass: this.pass,
      ...this.counts,
      itemsPerSecond,
      etaSeconds: left !== undefined && itemsPerSecond > 0 ? left / itemsPerSecond : undefined,
      estimatedTotal: total,
      segmentsDone: this.segments.done(),
      segmentsTotal: this.segments.total,
      elapsedMs,
    };
  }

  /** Called after every page; emits only when an interval has passed. */
  tick(final = false): void {
    const t = this.opts.now();
    const due = (last: number, interval: number): boolean => final || t - last >= interval;
    if (this.opts.onProgress && due(this.lastCallback, this.opts.progressIntervalMs)) {
      this.lastCallback = t;
      this.opts.onProgress(this.snapshot());
    }
    if (this.opts.bar) {
      if (due(this.lastBar, 200)) {
        this.lastBar = t;
        this.opts.bar.write(`\r${renderBar(this.snapshot())}${final ? '\n' : ''}`);
      }
    } else if (due(this.lastLog, this.opts.logIntervalMs) && (!final || t > this.started)) {
      this.lastLog = t;
      this.opts.logger.info(renderLine(this.snapshot()));
    }
  }
}

/** `pass-1: 12,000 scanned, 4,000 changed, 8,000 skipped, 0 failed; 3,100/s; 4/16 segments; ETA 0:32`. */
export function renderLine(p: Progress): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  return (
    `${p.pass}: ${n(p.scanned)} scanned, ${n(p.changed)} changed, ${n(p.skipped)} skipped, ${n(p.failed)} failed; ` +
    `${n(p.itemsPerSecond)}/s; ${p.segmentsDone}/${p.segmentsTotal} segments` +
    (p.etaSeconds !== undefined ? `; ETA ${duration(p.etaSeconds)}` : '')
  );
}

function renderBar(p: Progress): string {
  const fraction = p.estimatedTotal
    ? Math.min(1, p.scanned / p.estimatedTotal)
    : p.segmentsDone / Math.max(1, p.segmentsTotal);
  const width = 24;
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${renderLine(p)}   `;
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
