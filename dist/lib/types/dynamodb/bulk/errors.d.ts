import type { ItemCounts } from '../../core/types.js';
/**
 * A pass stopped at its deadline after saving its checkpoints. Thrown out of the migration's
 * `up`/`down` so that nothing after the pass runs; the runner reports the step `incomplete`
 * and a resumed run continues from the checkpoints.
 */
export declare class PassIncompleteError extends Error {
    readonly pass: string;
    readonly counts: ItemCounts;
    name: string;
    constructor(pass: string, counts: ItemCounts);
}
/** A pass stopped because more items failed than `maxFailures` allows. */
export declare class PassFailedError extends Error {
    readonly pass: string;
    readonly counts: ItemCounts;
    /** Keys and messages of the first failures. */
    readonly failures: readonly {
        key: Record<string, unknown>;
        error: string;
    }[];
    name: string;
    constructor(pass: string, counts: ItemCounts, 
    /** Keys and messages of the first failures. */
    failures: readonly {
        key: Record<string, unknown>;
        error: string;
    }[]);
}
/** True for the error a pass throws when more items failed than it allows (it stopped at its checkpoints). */
export declare function isPassFailed(err: unknown): err is PassFailedError;
/** True for the error a pass throws when its deadline came first. */
export declare function isPassIncomplete(err: unknown): err is PassIncompleteError;
