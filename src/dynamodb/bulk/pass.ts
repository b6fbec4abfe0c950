import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ItemCounts } from '../../core/types';
import { AbortFanout } from './abort-fanout';
import type { CheckpointStore, SegmentCheckpoint } from './checkpoints';
import { PassFailedError, PassIncompleteError } from './errors';
import { isReservedHashKey } from './expressions';
import { writePage, type ItemJob, type WriterContext, type WriteStats } from './page-writer';
import { PageReader, type Page } from './page-reader';
import { addCounts, ProgressReporter, zeroCounts } from './progress';
import { AdaptiveRateLimiter } from './rate-limiter';
import { inSample, sampleBucket, type SampleRange } from './sampling';
import { withRetry } from './retry';
import { Semaphore } from './semaphore';
import { defaultSegmentCount, describeTableFacts, resolveRate, type TableFacts } from './table-facts';
import type {
  BulkLogger,
  Item,
  ItemAction,
  PassOptions,
  PassResult,
  Progress,
  RateLimit,
  Selection,
  SegmentPlan,
  TransformFn,
} from './types';
import { DEFAULT_UPDATES, planWrites } from './write-plan';

type AV = Record<string, AttributeValue>;

/** Everything a pass needs from the engine that runs it. */
export interface PassEnvironment {
  client: DynamoDBClient;
  table: string;
  keys: { hash: string; sort: string };
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

const MAX_RECORDED_FAILURES = 10;

/**
 * The token a `once` pass marks items with: `<version>:<direction>:<pass>:<attempt>`. A resume
 * of the attempt builds the same token and skips what it already changed; another attempt
 * builds another. Without an attempt (no runner, or an attempt begun before attempts were
 * recorded) the token is `<version>:<direction>:<pass>`, as it always was.
 */
export function markerToken(scope: string, pass: string, attempt: string | undefined): string {
  return attempt ? `${scope}:${pass}:${attempt}` : `${scope}:${pass}`;
}

/** Default page budget of a pass: enough to keep the writes busy while the next pages are read. */
export const DEFAULT_PAGES_IN_FLIGHT = 4;
/** Default write requests in flight (see PassOptions.writeConcurrency). */
export const DEFAULT_WRITE_CONCURRENCY = 128;

const HALTED = Symbol('halted');

/**
 * The read and write ceilings of a pass, in units per second. What the rate names wins; what it
 * leaves out is, on a provisioned table, the table's own capacity: above it DynamoDB only
 * throttles (once any saved burst is spent), so a pass that starts there uses what the table
 * has without a throttle storm, and the plan's estimate (made at that capacity) holds. The
 * limiter still backs off when the application's traffic takes part of it. On-demand tables
 * have no such figure: the pass is open until DynamoDB throttles it.
 */
export function passCeilings(
  rate: RateLimit | undefined,
  facts: TableFacts | undefined,
): { read: number; write: number } {
  if (rate && 'percent' in rate) return resolveRate(rate, facts);
  return {
    read: rate?.read ?? facts?.provisioned?.read ?? Infinity,
    write: rate?.write ?? facts?.provisioned?.write ?? Infinity,
  };
}

/**
 * Runs one pass: reads the selection segment by segment (a bounded number at once), transforms
 * and writes each page's items while the next pages are read, and saves each segment's
 * position once its pages up to there are written. Memory is bounded by the page budget
 * (`pagesInFlight`) and the write slots, whatever the size of the table or the segment count.
 */
export async function runPass(
  env: PassEnvironment,
  name: string,
  selection: Selection,
  fn: TransformFn,
  opts: PassOptions,
): Promise<PassResult> {
  if (name.includes(':')) throw new RangeError(`pass name '${name}' must not contain ':'`);
  const started = env.now();
  const { signal } = env;
  signal?.throwIfAborted();
  const facts = await withRetry(() => describeTableFacts(env.client, env.table, signal), { signal });
  const ceilings = passCeilings(opts.rate, facts);
  const readLimiter = new AdaptiveRateLimiter(ceilings.read, env.now);
  const writeLimiter = new AdaptiveRateLimiter(ceilings.write, env.now);

  const target = opts.samplePercent ?? 100;
  if (!(target > 0 && target <= 100)) throw new RangeError(`samplePercent must be in (0, 100], got ${target}`);
  const sampledUpTo = env.store ? await env.store.sampledUpTo(name) : 0;
  const range: SampleRange = { from: Math.min(sampledUpTo, target), to: target };
  const rangeLabel = `${range.from}-${range.to}`;
  const sampling = range.from > 0 || range.to < 100;

  const stats: WriteStats = { requests: 0, retries: 0, throttles: 0, unprocessed: 0 };
  // Every read, write and wait of the pass hears the run's signal through this one listener.
  const aborts = new AbortFanout(signal);
  const reader = new PageReader(
    env.client,
    env.table,
    env.keys,
    selection,
    readLimiter,
    aborts,
    opts.pageSize,
    () => stats.retries++,
  );
  const saved = env.store ? await env.store.list(name, rangeLabel) : [];
  const plan = segmentPlan(opts.segments, reader.query, saved, facts);
  const queue = [...(plan.only ?? Array.from({ length: plan.total }, (_, i) => i))];
  for (const s of queue)
    if (!(Number.isInteger(s) && s >= 0 && s < plan.total))
      throw new RangeError(`segment ${s} is not in 0..${plan.total - 1}`);

  const checkpoints = new Map<number, SegmentCheckpoint>();
  for (const cp of saved) if (cp.total === plan.total) checkpoints.set(cp.segment, cp);
  const counts = zeroCounts();
  let segmentsDone = 0;
  for (const s of queue) {
    const cp = checkpoints.get(s);
    if (!cp) continue;
    addCounts(counts, cp.counts);
    if (cp.done) segmentsDone++;
  }
  const resumed = checkpoints.size > 0;
  if (resumed)
    env.logger.info(
      `${name}: resuming from checkpoints (${segmentsDone}/${queue.length} segments done, ${counts.scanned} items before)`,
    );

  const marker = opts.once
    ? {
        attribute: opts.once === true ? '_migrated' : opts.once.attribute,
        token: markerToken(env.scope, name, await env.attempt?.()),
      }
    : undefined;
  const writer: WriterContext = {
    client: env.client,
    table: env.table,
    keys: env.keys,
    signal,
    aborts,
    limiter: writeLimiter,
    slots: new Semaphore(opts.writeConcurrency ?? DEFAULT_WRITE_CONCURRENCY),
    stats,
    // The limiter needs what requests really consumed only when it enforces a ceiling; open, it
    // learns the rate from estimates (item sizes), and the server is spared the accounting.
    returnCapacity: Number.isFinite(ceilings.write),
    statements: {
      enabled: true,
      onRefused: (why) =>
        env.logger.warn(
          `${name}: DynamoDB refused batched PartiQL updates (${why}); writing one UpdateItem per item instead, which is slower. Allow dynamodb:PartiQLUpdate on the table to batch them.`,
        ),
    },
  };
  const estimatedTotal =
    reader.query || facts.itemCount === undefined
      ? undefined
      : Math.round((facts.itemCount * queue.length) / plan.total);
  const progress = new ProgressReporter(
    name,
    counts,
    { done: () => segmentsDone, total: queue.length },
    {
      estimatedTotal: selection.type === undefined && !selection.where ? estimatedTotal : undefined,
      onProgress: env.onProgress,
      progressIntervalMs: env.progressIntervalMs,
      logIntervalMs: env.logIntervalMs,
      bar: env.progressBar,
      logger: env.logger,
      now: env.now,
    },
  );

  const failures: { key: Record<string, unknown>; error: string }[] = [];
  const maxFailures = opts.maxFailures ?? 0;
  let stop: 'deadline' | 'failed' | 'error' | undefined;
  const shouldStop = (): boolean => {
    if (stop) return true;
    if (env.deadline !== undefined && env.now() >= env.deadline) stop = 'deadline';
    return stop !== undefined;
  };
  const interval = opts.checkpointIntervalMs ?? 2000;
  const save = async (cp: SegmentCheckpoint): Promise<void> => {
    if (!env.store || env.dryRun) return;
    signal?.throwIfAborted();
    await env.store.save(name, rangeLabel, cp);
  };

  const processPage = async (page: Page): Promise<ItemCounts> => {
    const pageCounts = zeroCounts();
    const jobs: ItemJob[] = [];
    const fail = (key: AV, err: unknown): void => {
      pageCounts.failed++;
      if (failures.length < MAX_RECORDED_FAILURES) {
        const entry = { key: safeUnmarshall(key), error: err instanceof Error ? err.message : String(err) };
        failures.push(entry);
        env.logger.warn(`${name}: item ${JSON.stringify(entry.key)} failed: ${entry.error}`);
      }
    };
    for (const raw of page.items) {
      if (isReservedHashKey(raw[env.keys.hash]?.S)) continue;
      pageCounts.scanned++;
      if (sampling && !inSample(sampleBucket(raw, env.keys), range)) {
        pageCounts.skipped++;
        continue;
      }
      if (marker && raw[marker.attribute]?.S === marker.token) {
        pageCounts.skipped++;
        continue;
      }
      const key: AV = { [env.keys.hash]: raw[env.keys.hash]!, [env.keys.sort]: raw[env.keys.sort]! };
      let plan;
      try {
        const item = unmarshall(raw) as Item;
        if (selection.filter && !selection.filter(item)) {
          pageCounts.skipped++;
          continue;
        }
        const result = fn(item);
        const action: ItemAction = isThenable(result) ? await result : result;
        plan = planWrites(raw, action, env.keys, marker, opts.updates ?? DEFAULT_UPDATES);
      } catch (err) {
        fail(key, err);
        continue;
      }
      if (!plan) pageCounts.skipped++;
      else if (env.dryRun) pageCounts.changed++;
      else jobs.push({ plan, key, pending: 0, outcome: 'changed' });
    }
    if (jobs.length) await writePage(writer, jobs);
    for (const job of jobs) {
      if (job.outcome === 'failed') fail(job.key, job.error);
      else pageCounts[job.outcome]++;
    }
    return pageCounts;
  };

  // Pages read and not yet written, across all segments: the bound on memory, whatever the
  // table's size or segment count (a page is at most 1 MB, or `pageSize` items).
  const pageSlots = new Semaphore(opts.pagesInFlight ?? DEFAULT_PAGES_IN_FLIGHT);

  /**
   * Reads a segment's pages one after another without waiting for their writes: each page's
   * writes run while the next pages are read and transformed, within the shared page budget.
   * Pages are checkpointed strictly in order, each once it and every page before it is written.
   */
  const runSegment = async (segment: number): Promise<void> => {
    const cp: SegmentCheckpoint = checkpoints.get(segment) ?? {
      segment,
      total: plan.total,
      done: false,
      counts: zeroCounts(),
    };
    if (cp.done) return;
    let lastSave = env.now();
    // Set once the pass failed past maxFailures or a commit threw: read nothing more, commit nothing more.
    let halted = false;
    const inFlight = new Set<Promise<ItemCounts>>();
    // Takes the page's next key only: a page's items are freed as soon as its writes are done,
    // even while an earlier page of the segment is still being written.
    const commit = async (lastKey: AV | undefined, work: Promise<ItemCounts>): Promise<void> => {
      const pageCounts = await work;
      if (halted) return;
      addCounts(counts, pageCounts);
      if (counts.failed > maxFailures) {
        // This page and those after it are not checkpointed: a resumed run retries them.
        stop = 'failed';
        halted = true;
        return;
      }
      addCounts(cp.counts, pageCounts);
      cp.lastKey = lastKey;
      cp.done = !lastKey;
      if (cp.done) segmentsDone++;
      if (cp.done || shouldStop() || env.now() - lastSave >= interval) {
        await save(cp);
        lastSave = env.now();
      }
      progress.tick();
    };
    let committed: Promise<void> = Promise.resolve();
    let readError: { error: unknown } | undefined;
    try {
      let start = cp.lastKey;
      do {
        if (halted || shouldStop()) break;
        const wait = pageSlots.acquire();
        if (wait) await wait;
        let page: Page;
        try {
          if (halted) throw HALTED;
          page = await reader.read(segment, plan.total, start);
        } catch (err) {
          pageSlots.release();
          throw err;
        }
        const work = processPage(page).finally(() => pageSlots.release());
        inFlight.add(work);
        void work.then(
          () => inFlight.delete(work),
          () => inFlight.delete(work),
        );
        const lastKey = page.lastKey;
        committed = committed.then(() => commit(lastKey, work));
        committed.catch(() => (halted = true));
        start = lastKey;
      } while (start);
    } catch (err) {
      // A failed read ends the segment; the pages read before it are still committed.
      if (err !== HALTED) readError = { error: err };
    }
    try {
      await committed;
    } finally {
      // Nothing of this segment outlives it, even when a commit failed.
      await Promise.allSettled([...inFlight]);
    }
    if (readError) throw readError.error;
  };

  const workers = Array.from({ length: Math.min(queue.length, opts.concurrency ?? 16) }, async () => {
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      if (shouldStop()) return;
      try {
        await runSegment(s);
      } catch (err) {
        // The other segments stop at their next page boundary, with a checkpoint.
        stop ??= 'error';
        throw err;
      }
    }
  });
  const settled = await Promise.allSettled(workers);
  if (signal?.aborted) throw signal.reason;
  const rejected = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  progress.tick(true);
  env.logger.debug(
    `${name}: ${stats.requests} write requests, ${stats.retries} retries, ${stats.throttles} throttled, ${stats.unprocessed} unprocessed`,
  );
  if (stop === 'failed') throw new PassFailedError(name, counts, failures);
  if (stop === 'deadline') throw new PassIncompleteError(name, counts);
  if (env.store && !env.dryRun) {
    if (range.to < 100) await env.store.recordSampled(name, range.to);
    // The full run after a canary is done with this pass: the canary's progress now serves a
    // resume of this attempt only (its checkpoints are under this range), not a later attempt.
    else if (range.from > 0) await env.store.recordSampled(name, range.from, { finished: true });
  }
  return {
    pass: name,
    status: 'complete',
    counts,
    resumed,
    segments: plan,
    durationMs: env.now() - started,
    dryRun: env.dryRun,
  };
}

function segmentPlan(
  option: PassOptions['segments'],
  query: boolean,
  saved: SegmentCheckpoint[],
  facts: { sizeBytes?: number | undefined },
): SegmentPlan {
  if (query) return { total: 1 };
  const asked: SegmentPlan | undefined = typeof option === 'number' ? { total: option } : option;
  const savedTotal = saved[0]?.total;
  if (asked && savedTotal !== undefined && asked.total !== savedTotal)
    throw new RangeError(
      `this pass was started with ${savedTotal} segments and is now asked for ${asked.total}; checkpoints are only valid for the same count, so run it with ${savedTotal}`,
    );
  const plan = asked ?? { total: savedTotal ?? defaultSegmentCount(facts) };
  if (!(Number.isInteger(plan.total) && plan.total >= 1 && plan.total <= 1_000_000))
    throw new RangeError(`segments must be 1..1000000, got ${plan.total}`);
  return plan;
}

function isThenable<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | null | undefined)?.then === 'function';
}

function safeUnmarshall(key: AV): Record<string, unknown> {
  try {
    return unmarshall(key);
  } catch {
    return {};
  }
}
