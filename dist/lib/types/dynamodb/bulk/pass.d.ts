import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CheckpointStore } from './checkpoints.js';
import { type TableFacts } from './table-facts.js';
import type { BulkLogger, PassOptions, PassResult, Progress, RateLimit, Selection, TransformFn } from './types.js';
/** Everything a pass needs from the engine that runs it. */
export interface PassEnvironment {
    client: DynamoDBClient;
    table: string;
    keys: {
        hash: string;
        sort: string;
    };
    dryRun: boolean;
    signal?: AbortSignal | undefined;
    deadline?: number | undefined;
    /** Absent for one-off use without checkpoints. */
    store?: CheckpointStore | undefined;
    /** `<version>:<direction>`, the prefix of marker tokens. */
    scope: string;
    /**
     * The id of the step's attempt, which marker tokens end with, so that markers an earlier
     * attempt left never make a later one skip items; undefined: tokens carry no attempt.
     */
    attempt?: (() => Promise<string | undefined>) | undefined;
    logger: BulkLogger;
    onProgress?: ((p: Progress) => void) | undefined;
    progressIntervalMs: number;
    logIntervalMs: number;
    progressBar?: NodeJS.WritableStream | false | undefined;
    now: () => number;
}
/**
 * The token a `once` pass marks items with: `<version>:<direction>:<pass>:<attempt>`. A resume
 * of the attempt builds the same token and skips what it already changed; another attempt
 * builds another. Without an attempt (no runner, or an attempt begun before attempts were
 * recorded) the token is `<version>:<direction>:<pass>`, as it always was.
 */
export declare function markerToken(scope: string, pass: string, attempt: string | undefined): string;
/** Default page budget of a pass: enough to keep the writes busy while the next pages are read. */
export declare const DEFAULT_PAGES_IN_FLIGHT = 4;
/** Default write requests in flight (see PassOptions.writeConcurrency). */
export declare const DEFAULT_WRITE_CONCURRENCY = 128;
/**
 * The read and write ceilings of a pass, in units per second. What the rate names wins; what it
 * leaves out is, on a provisioned table, the table's own capacity: above it DynamoDB only
 * throttles (once any saved burst is spent), so a pass that starts there uses what the table
 * has without a throttle storm, and the plan's estimate (made at that capacity) holds. The
 * limiter still backs off when the application's traffic takes part of it. On-demand tables
 * have no such figure: the pass is open until DynamoDB throttles it.
 */
export declare function passCeilings(rate: RateLimit | undefined, facts: TableFacts | undefined): {
    read: number;
    write: number;
};
/**
 * Runs one pass: reads the selection segment by segment (a bounded number at once), transforms
 * and writes each page's items while the next pages are read, and saves each segment's
 * position once its pages up to there are written. Memory is bounded by the page budget
 * (`pagesInFlight`) and the write slots, whatever the size of the table or the segment count.
 */
export declare function runPass(env: PassEnvironment, name: string, selection: Selection, fn: TransformFn, opts: PassOptions): Promise<PassResult>;
