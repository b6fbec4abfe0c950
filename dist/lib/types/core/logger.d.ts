import type { ItemCounts } from './types.js';
/** Where progress and diagnostics go: stderr in the CLI, @actions/core in the action. */
export interface Logger {
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
    debug(message: string): void;
    /**
     * A bulk pass's progress as data, about once a second (the studio pushes it to its page); the
     * terminal gets the same figures as its bar or log lines. Optional: most loggers take text only.
     */
    progress?(p: PassProgress): void;
}
/** A bulk pass's live figures (the data engine's progress, as a logger receives it). */
export interface PassProgress extends ItemCounts {
    pass: string;
    itemsPerSecond: number;
    etaSeconds?: number | undefined;
    estimatedTotal?: number | undefined;
    segmentsDone: number;
    segmentsTotal: number;
    elapsedMs: number;
}
/** A logger that drops everything (library use, tests). */
export declare const silentLogger: Logger;
