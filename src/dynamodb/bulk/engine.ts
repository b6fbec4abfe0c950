import { randomBytes } from 'node:crypto';
import type { ItemCounts } from '../../core/types';
import { CheckpointStore } from './checkpoints';
import { PassIncompleteError } from './errors';
import { runPass, type PassEnvironment } from './pass';
import { addCounts, zeroCounts } from './progress';
import type { DataEngineOptions, Item, PassOptions, PassResult, Selection, TransformFn } from './types';

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
  count(
    selection: Selection,
    predicate?: (item: Item) => boolean | Promise<boolean>,
    options?: PassOptions & { exampleLimit?: number },
  ): Promise<{ count: number; examples: Item[] }>;
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
  startAttempt(opts: { keepCanary: boolean }): Promise<string>;
  /**
   * The step is recorded: deletes its checkpoints, and those of the opposite direction of the
   * same version, which describe data this step has just changed. After a canary
   * (`keepCanary`), its progress is kept for the full run that takes the rest.
   */
  complete(opts?: { keepCanary?: boolean }): Promise<void>;
}

const silent = { info() {}, warn() {}, debug() {} };

/** An attempt id: the start time and some randomness, short because every marked item carries it. */
function newAttemptId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Builds the data engine for one step of a run (one migration version and direction). */
export function createDataEngine(options: DataEngineOptions): DataEngine {
  const scope = options.checkpoint ? `${options.checkpoint.version}:${options.checkpoint.direction}` : 'adhoc';
  const store = options.checkpoint
    ? new CheckpointStore(options.client, options.table, options.keys, scope, options.signal)
    : undefined;
  const oppositeDirection = { up: 'down', down: 'up' }[options.checkpoint?.direction ?? ''];
  const opposite =
    options.checkpoint && oppositeDirection
      ? new CheckpointStore(
          options.client,
          options.table,
          options.keys,
          `${options.checkpoint.version}:${oppositeDirection}`,
          options.signal,
        )
      : undefined;
  const env: PassEnvironment = {
    client: options.client,
    table: options.table,
    keys: options.keys,
    dryRun: options.dryRun ?? false,
    signal: options.signal,
    deadline: options.deadline,
    store,
    scope,
    logger: options.logger ?? silent,
    onProgress: options.onProgress,
    progressIntervalMs: options.progressIntervalMs ?? 1000,
    logIntervalMs: options.logIntervalMs ?? 10_000,
    progressBar: options.progressBar ?? (process.stderr.isTTY && !process.env.CI ? process.stderr : false),
    now: Date.now,
  };
  // The step's attempt, which `once` markers name: set by startAttempt, or else read back from
  // the checkpoints (a resume; absent for a library user who never starts one, and for an
  // attempt begun before attempts were recorded: markers then carry no attempt id, as then).
  let attempt: Promise<string | undefined> | undefined;
  env.attempt = () => {
    if (!attempt) {
      const read = store ? store.attempt() : Promise.resolve(undefined);
      // A failed read is not cached: the next pass reads again.
      read.catch(() => {
        if (attempt === read) attempt = undefined;
      });
      attempt = read;
    }
    return attempt;
  };
  const results: PassResult[] = [];
  let passNumber = 0;
  let stoppedAtDeadline = false;

  const transform = async (
    selection: Selection,
    fn: TransformFn,
    passOptions: PassOptions = {},
  ): Promise<PassResult> => {
    passNumber++;
    const merged: PassOptions = { ...options.defaults, ...passOptions };
    if (merged.samplePercent === undefined && options.samplePercent !== undefined)
      merged.samplePercent = options.samplePercent;
    const name = merged.name ?? `pass-${passNumber}`;
    const started = Date.now();
    try {
      const result = await runPass(env, name, selection, fn, merged);
      results.push(result);
      return result;
    } catch (err) {
      if (err instanceof PassIncompleteError) {
        stoppedAtDeadline = true;
        results.push({
          pass: name,
          status: 'incomplete',
          counts: err.counts,
          resumed: false,
          segments: typeof merged.segments === 'object' ? merged.segments : { total: merged.segments ?? 0 },
          durationMs: Date.now() - started,
          dryRun: env.dryRun,
        });
      }
      throw err;
    }
  };

  return {
    transform,
    forEach: (selection, fn, passOptions) =>
      transform(
        selection,
        async (item) => {
          await fn(item);
          return undefined;
        },
        passOptions,
      ),
    count: async (selection, predicate, passOptions = {}) => {
      const { exampleLimit = 5, ...rest } = passOptions;
      let count = 0;
      const examples: Item[] = [];
      await transform(
        selection,
        async (item) => {
          if (predicate && !(await predicate(item))) return undefined;
          count++;
          if (examples.length < exampleLimit)
            examples.push({ [env.keys.hash]: item[env.keys.hash], [env.keys.sort]: item[env.keys.sort] });
          return undefined;
        },
        rest,
      );
      return { count, examples };
    },
    counts: () => (results.length ? results.reduce((sum, r) => addCounts(sum, r.counts), zeroCounts()) : undefined),
    passes: () => results,
    incomplete: () => stoppedAtDeadline,
    startAttempt: async ({ keepCanary }) => {
      const id = newAttemptId();
      if (store && !env.dryRun) {
        await store.discardEarlierAttempts({ keepCanary });
        await store.recordAttempt(id);
      }
      attempt = Promise.resolve(id);
      return id;
    },
    complete: async ({ keepCanary = false } = {}) => {
      if (!store || env.dryRun) return;
      if (keepCanary) await store.discardEarlierAttempts({ keepCanary: true });
      else await store.clear();
      await opposite?.clear();
    },
  };
}
