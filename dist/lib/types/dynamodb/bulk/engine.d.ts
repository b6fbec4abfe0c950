import type { ItemCounts } from '../../core/types.js';
import type { DataEngineOptions, Item, PassOptions, PassResult, Selection, TransformFn } from './types.js';
/**
 * The bulk data engine as a migration sees it (`ctx.data`).
 *
 * ```ts
 * export default defineMigration({
 *   version: '1.4.0',
 *   description: 'Customers get GSI keys; name becomes fullName',
 *   async up({ data }) {
 *     await data.transform({ type: 'Customer' }, (c) => ({
 *       set: { gs1pk: `ORG#${c.orgId}`, gs1sk: `${c.region}#${c.id}`, fullName: c.name },
 *       remove: ['name'],
 *     }));
 *     // Orders of one partition, read with Query: split `lines` into items of their own.
 *     await data.transform({ partition: 'ORG#42', sortPrefix: 'ORDER#' }, (o) =>
 *       o.lines ? { put: o.lines.map(toLineItem), remove: ['lines'] } : undefined,
 *     );
 *     await data.transform({ type: 'Session', where: { expression: 'expires < :now', values: { ':now': Date.now() } } },
 *       () => ({ delete: true }), { rate: { write: 500 } });
 *   },
 * });
 * ```
 *
 * Every pass is a parallel Scan (or a Query for `partition`) with retried, rate-limited
 * writes: updates are one UpdateItem per item, many in flight, so that they are safe on a live
 * table (`updates: 'rewrite'` batches whole items instead, for items nobody else writes);
 * puts and deletes are batched. It checkpoints each segment in the table and resumes from there.
 */
export interface BulkData {
    /**
     * Calls `fn` for every selected item and carries out what it returns: an update (`set`,
     * `remove`), a replacement (`replace`), a delete (`delete: true`), new items (`put`), or
     * nothing. Resolves with the pass's counts; throws {@link PassIncompleteError} when the
     * deadline came first (the step is then resumed), or the lease's abort reason.
     */
    transform(selection: Selection, fn: TransformFn, options?: PassOptions): Promise<PassResult>;
    /** Reads every selected item (nothing is written); the items count as skipped. */
    forEach(selection: Selection, fn: (item: Item) => void | Promise<void>, options?: PassOptions): Promise<PassResult>;
    /**
     * Counts the selected items (those `predicate` accepts, when given), and keeps the keys of
     * the first few (`examples`, at most `exampleLimit`, default 5): the read helper of `before`
     * and `verify` hooks. Nothing is written.
     */
    count(selection: Selection, predicate?: (item: Item) => boolean | Promise<boolean>, options?: PassOptions & {
        exampleLimit?: number;
    }): Promise<{
        count: number;
        examples: Item[];
    }>;
}
/** The engine as the runner holds it: the migration's API plus what the step report needs. */
export interface DataEngine extends BulkData {
    /** Counts of every pass run so far in this step (undefined before the first). */
    counts(): ItemCounts | undefined;
    /** Each pass's result, in order (an interrupted pass appears with status `incomplete`). */
    passes(): readonly PassResult[];
    /** A pass stopped at the deadline: report the step incomplete, resume it later. */
    incomplete(): boolean;
    /**
     * A fresh attempt of the step starts (not a resume of an interrupted one): deletes what
     * earlier attempts of this version and direction left, so that their checkpoints never make
     * this attempt skip items, and records a new attempt id, which the marker tokens of `once`
     * passes carry, so that markers earlier attempts left on items (a down that kept them, a
     * repeat) never make this attempt skip them either. A resume does not call this: it reads the
     * id back and skips exactly the items the attempt it resumes already changed. `keepCanary`
     * keeps a canary's progress for the full run after it. Returns the new attempt id. In a dry
     * run nothing is deleted or written; the id only serves this engine's passes.
     */
    startAttempt(opts: {
        keepCanary: boolean;
    }): Promise<string>;
    /**
     * The step is recorded: deletes its checkpoints, and those of the opposite direction of the
     * same version, which describe data this step has just changed. After a canary
     * (`keepCanary`), its progress is kept for the full run that takes the rest.
     */
    complete(opts?: {
        keepCanary?: boolean;
    }): Promise<void>;
}
/** Builds the data engine for one step of a run (one migration version and direction). */
export declare function createDataEngine(options: DataEngineOptions): DataEngine;
