import type { ItemCounts } from '../../core/types.js';
import type { BulkLogger, Progress } from './types.js';
/** Adds `b` into `a`. */
export declare function addCounts(a: ItemCounts, b: ItemCounts): ItemCounts;
export declare function zeroCounts(): ItemCounts;
/**
 * Reports a pass's progress at a bounded frequency, whatever the item rate: a callback (the
 * step report), a bar on a TTY, or a log line in CI. Nothing here grows with the table.
 */
export declare class ProgressReporter {
    private readonly pass;
    private readonly counts;
    private readonly segments;
    private readonly opts;
    private readonly started;
    private lastCallback;
    private lastLog;
    private lastBar;
    /** Counts carried over from checkpoints of earlier runs; excluded from the rate. */
    private readonly baseScanned;
    constructor(pass: string, counts: ItemCounts, segments: {
        done: () => number;
        total: number;
    }, opts: {
        estimatedTotal?: number | undefined;
        onProgress?: ((p: Progress) => void) | undefined;
        progressIntervalMs: number;
        logIntervalMs: number;
        bar?: NodeJS.WritableStream | false | undefined;
        logger: BulkLogger;
        now: () => number;
    });
    snapshot(): Progress;
    /** Called after every page; emits only when an interval has passed. */
    tick(final?: boolean): void;
}
/** `pass-1: 12,000 scanned, 4,000 changed, 8,000 skipped, 0 failed; 3,100/s; 4/16 segments; ETA 0:32`. */
export declare function renderLine(p: Progress): string;
