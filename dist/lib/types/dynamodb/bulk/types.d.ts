import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ItemCounts } from '../../core/types.js';
/** An item as a migration sees it: plain JavaScript values (unmarshalled). */
export type Item = Record<string, unknown>;
/** A DynamoDB condition or filter expression with its own placeholders. `#_…` and `:_…` are reserved. */
export interface Expression {
    expression: string;
    names?: Record<string, string>;
    values?: Record<string, unknown>;
}
/**
 * Which items a pass reads. Everything is optional: `{}` is the whole table. Bookkeeping items
 * (hash keys starting `_migration` or `_schema`) are never selected.
 */
export interface Selection {
    /** Only items of this entity type (or any of these), by the type attribute. */
    type?: string | readonly string[];
    /** The attribute holding the entity type. Default `_type` (OneTable's). */
    typeAttribute?: string;
    /** Only this partition, read with Query instead of Scan. */
    partition?: string;
    /** With `partition`: only sort keys starting with this (`begins_with`). */
    sortPrefix?: string;
    /** A server-side FilterExpression (saves bandwidth; DynamoDB still charges for what it reads). */
    where?: Expression;
    /** A client-side predicate, for what an expression cannot say. */
    filter?: (item: Item) => boolean;
}
/** Update the item in place (UpdateItem): set attributes (undefined removes) and remove others. */
export interface UpdateAction {
    set?: Record<string, unknown>;
    remove?: readonly string[];
    /** New items written alongside (BatchWriteItem puts), e.g. when splitting an item. */
    put?: readonly Item[];
    /** Write only if this holds; a failed condition counts the item as skipped. */
    condition?: Expression;
    replace?: never;
    delete?: never;
}
/** Overwrite the item with this one (same key). Batched unless a condition or marker is needed. */
export interface ReplaceAction {
    replace: Item;
    put?: readonly Item[];
    condition?: Expression;
    set?: never;
    remove?: never;
    delete?: never;
}
/** Delete the item. Runs after the page's puts, so moving data to new items never loses it. */
export interface DeleteAction {
    delete: true;
    put?: readonly Item[];
    condition?: Expression;
    set?: never;
    remove?: never;
    replace?: never;
}
/**
 * What to do with one item: update it, replace it, delete it, add new items (`{ put: [...] }`),
 * or nothing (return `undefined`, `null` or `false`; the item counts as skipped).
 */
export type ItemAction = UpdateAction | ReplaceAction | DeleteAction | null | undefined | false | void;
/** The migration's function: called once per selected item, may be async. */
export type TransformFn = (item: Item) => ItemAction | Promise<ItemAction>;
/** Which parallel-scan segments to run: all of `total`, or only some (the Lambda fan-out runs one). */
export interface SegmentPlan {
    total: number;
    only?: readonly number[];
}
/** A throughput limit, in capacity units per second or as a share of the table's capacity. */
export type RateLimit = {
    read?: number;
    write?: number;
} | {
    percent: number;
};
/** Options of one pass; the engine's options give the defaults. */
export interface PassOptions {
    /**
     * Names the pass in its checkpoints. Default `pass-<n>`, counted per step, which is stable as
     * long as the migration runs its passes in the same order each time. No `:` allowed.
     */
    name?: string;
    /** Parallel scan segments: a count, or a plan with `only`. Default: from the table's size. */
    segments?: number | SegmentPlan;
    /** Segments read at once. Default min(segments, 16). */
    concurrency?: number;
    /**
     * Write requests in flight at once, across segments. Default 128. The client's HTTP agent
     * caps it too: the SDK's default agent opens at most 50 sockets per host, so give the
     * client a larger `maxSockets` to go beyond.
     */
    writeConcurrency?: number;
    /**
     * Throughput limit; adapts down on throttling within it. What it leaves out is, on a
     * provisioned table, the table's provisioned capacity; on an on-demand table, no limit.
     */
    rate?: RateLimit;
    /**
     * A sample: only this percentage of items (deterministic by key hash); a later pass with a
     * higher percentage takes only the rest. What `--sample` and a canary's first phase are made of.
     */
    samplePercent?: number;
    /**
     * For transforms that are not idempotent: mark each changed item (attribute `_migrated`, or
     * the one named) with this pass's id and make every write conditional on its absence, so a
     * resumed or retried write is a no-op. The marker stays on the item. The id names the step's
     * attempt (`<version>:<direction>:<pass>:<attempt>`) when the runner starts one: a resume of
     * that attempt skips what it already changed, while a later attempt (up again after a down
     * that left the markers, a repeat) changes every item again. Without a recorded attempt (an
     * engine no runner started) it is `<version>:<direction>:<pass>`.
     */
    once?: boolean | {
        attribute: string;
    };
    /** Items that may fail (transform threw, write rejected) before the pass stops. Default 0. */
    maxFailures?: number;
    /** Minimum time between checkpoint writes of one segment. Default 2,000 ms. */
    checkpointIntervalMs?: number;
    /**
     * How `set`/`remove` updates without an author's condition are written:
     * - `in-place` (default): a PartiQL UPDATE per item, 25 to a BatchExecuteStatement. Each
     *   touches only the named attributes and only an item that still exists, like UpdateItem, so
     *   an application write to the same item between our read and our write survives: safe on a
     *   live table. Each statement succeeds or fails on its own (not a transaction) and costs the
     *   same write units as UpdateItem, in 25 times fewer requests. Needs dynamodb:PartiQLUpdate;
     *   where DynamoDB refuses PartiQL, the pass warns once and uses UpdateItem.
     * - `update-item`: one UpdateItem per item, many in flight (`writeConcurrency`). Same safety,
     *   25 times the requests: more client CPU per item.
     * - `rewrite`: apply the update to the item as read and write the whole item back with
     *   BatchWriteItem, 25 at a time: the fewest server-side work per item (on DynamoDB Local,
     *   the fastest mode). For items no one else writes during the migration (maintenance
     *   window, write-once items). It LOSES any application write made to the item between our
     *   read and our write, since the batch put overwrites the item with the copy we read;
     *   BatchWriteItem takes no condition that could detect it.
     * Updates with an author's condition always go through UpdateItem; `once` works with
     * `in-place` and `update-item` (a `rewrite` pass with `once` uses UpdateItem).
     */
    updates?: 'in-place' | 'update-item' | 'rewrite';
    /** Scan/Query page size (Limit). Default: DynamoDB's 1 MB pages. */
    pageSize?: number;
    /**
     * Pages read but not yet fully written, across all segments: what bounds the pass's memory
     * (a page is at most 1 MB as stored), independently of the table's size and segment count.
     * A segment reads its next page while the writes of its earlier ones run. Default 4,
     * which keeps 128 writes busy with items of up to a few KB.
     */
    pagesInFlight?: number;
}
/** Live progress of a pass. */
export interface Progress extends ItemCounts {
    pass: string;
    /** Items per second read, since this run of the pass started. */
    itemsPerSecond: number;
    /** Seconds left, when the table's item count allows an estimate. */
    etaSeconds?: number | undefined;
    /** Approximate items the pass will read (DescribeTable's count), when known. */
    estimatedTotal?: number | undefined;
    segmentsDone: number;
    segmentsTotal: number;
    elapsedMs: number;
}
/** How a pass ended. `incomplete`: the deadline came first; resume the step to finish it. */
export interface PassResult {
    pass: string;
    status: 'complete' | 'incomplete';
    counts: ItemCounts;
    /** Counts include work done by earlier, interrupted runs of this pass (from checkpoints). */
    resumed: boolean;
    segments: SegmentPlan;
    durationMs: number;
    dryRun: boolean;
}
/** Where the engine logs; the core Logger fits. */
export interface BulkLogger {
    info(message: string): void;
    warn(message: string): void;
    debug(message: string): void;
}
/** How to build an engine for one step of a run. */
export interface DataEngineOptions {
    client: DynamoDBClient;
    table: string;
    /** Key attribute names, from DescribeTable. */
    keys: {
        hash: string;
        sort: string;
    };
    /** Count what would change; write nothing (not even checkpoints). */
    dryRun?: boolean;
    /** Sample percentage applied to every pass (`--sample`; a pass's own option wins). */
    samplePercent?: number | undefined;
    /** The run's lease: once aborted, no write starts and the pass throws the signal's reason. */
    signal?: AbortSignal | undefined;
    /** Epoch ms: passes stop at a checkpoint after it and the step must be resumed. */
    deadline?: number | undefined;
    /** Checkpoints are keyed by this (plus pass and segment); omit only for one-off scripts. */
    checkpoint?: {
        version: string;
        direction: string;
    } | undefined;
    /** Defaults for every pass (segments for the Lambda fan-out, rate, concurrency…). */
    defaults?: PassOptions | undefined;
    onProgress?: ((progress: Progress) => void) | undefined;
    /** Minimum time between progress callbacks. Default 1,000 ms. */
    progressIntervalMs?: number | undefined;
    /** Minimum time between progress log lines (CI). Default 10,000 ms. */
    logIntervalMs?: number | undefined;
    /** Draw a progress bar on this stream (a TTY) instead of logging lines. Default: stderr if it is a TTY and CI is unset. */
    progressBar?: NodeJS.WritableStream | false | undefined;
    logger?: BulkLogger | undefined;
}
