import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type ConsumedCapacity,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { AbortFanout } from './abort-fanout';
import { itemSize, writeUnits } from './item-size';
import type { AdaptiveRateLimiter } from './rate-limiter';
import { backoffDelay, DEFAULT_RETRY, isThrottle, sleep, withRetry } from './retry';
import type { Semaphore } from './semaphore';
import type { ConditionalWrite, WritePlan } from './write-plan';

type AV = Record<string, AttributeValue>;

/** What the writer shares across every page of a pass. */
export interface WriterContext {
  client: DynamoDBClient;
  table: string;
  keys: { hash: string; sort: string };
  /** The run's signal, for checks; requests and waits take a signal of their own from `aborts`. */
  signal?: AbortSignal | undefined;
  aborts: AbortFanout;
  limiter: AdaptiveRateLimiter;
  slots: Semaphore;
  stats: WriteStats;
  /** Ask for ReturnConsumedCapacity (the limiter enforces a ceiling and settles in real units). */
  returnCapacity?: boolean | undefined;
}

/** Request-level counters, for the benchmark and debug logs. */
export interface WriteStats {
  requests: number;
  retries: number;
  throttles: number;
  unprocessed: number;
}

/** How one source item's writes ended. */
export type ItemOutcome = 'changed' | 'skipped' | 'failed';

/** One item of a page with its planned writes; `errors` collects why it failed. */
export interface ItemJob {
  plan: WritePlan;
  key: AV;
  pending: number;
  outcome: ItemOutcome;
  error?: unknown;
}

interface BatchEntry {
  request: WriteRequest;
  job: ItemJob;
  units: number;
}

/** BatchWriteItem's limits: 25 requests; 16 MB cannot be reached by 25 items of at most 400 KB. */
const BATCH_SIZE = 25;

/**
 * Writes one page's items: updates, conditional writes and batched puts first, then deletes,
 * so that an action that moves data into new items and deletes the source can never lose it
 * if the process dies in between. Resolves once every write of the page has settled.
 */
export async function writePage(ctx: WriterContext, jobs: readonly ItemJob[]): Promise<void> {
  const first: Promise<void>[] = [];
  const puts: BatchEntry[] = [];
  const deletes: BatchEntry[] = [];
  const laterSingles: ItemJob[] = [];
  for (const job of jobs) {
    const own = job.plan.own;
    job.pending = job.plan.puts.length + (own ? 1 : 0);
    for (const item of job.plan.puts) puts.push({ request: { PutRequest: { Item: item } }, job, units: writeUnits(itemSize(item)) });
    if (!own) continue;
    if ('single' in own) {
      if (own.single.kind === 'delete') laterSingles.push(job);
      else first.push(single(ctx, job, own.single));
    } else if ('put' in own.batch) {
      puts.push({ request: { PutRequest: { Item: own.batch.put } }, job, units: writeUnits(itemSize(own.batch.put)) });
    } else {
      deletes.push({ request: { DeleteRequest: { Key: own.batch.delete } }, job, units: 1 });
    }
  }
  for (let i = 0; i < puts.length; i += BATCH_SIZE) first.push(batch(ctx, puts.slice(i, i + BATCH_SIZE)));
  await Promise.all(first);
  ctx.signal?.throwIfAborted();
  const second: Promise<void>[] = [];
  for (const job of laterSingles) {
    const own = job.plan.own;
    // A delete must not outlive a failed put of the data it was moving.
    if (own && 'single' in own && job.outcome !== 'failed') second.push(single(ctx, job, own.single));
    else settle(job, 'skipped');
  }
  const liveDeletes: BatchEntry[] = [];
  for (const d of deletes) {
    if (d.job.outcome === 'failed') settle(d.job, 'skipped');
    else liveDeletes.push(d);
  }
  for (let i = 0; i < liveDeletes.length; i += BATCH_SIZE) second.push(batch(ctx, liveDeletes.slice(i, i + BATCH_SIZE)));
  await Promise.all(second);
}

function settle(job: ItemJob, result: ItemOutcome, error?: unknown): void {
  job.pending--;
  // Failure wins over everything; a skipped own write (condition) wins over changed puts.
  if (result === 'failed') {
    job.outcome = 'failed';
    job.error ??= error;
  } else if (result === 'skipped' && job.outcome !== 'failed') job.outcome = 'skipped';
}

function consumed(c: ConsumedCapacity | ConsumedCapacity[] | undefined): number | undefined {
  if (!c) return undefined;
  const list = Array.isArray(c) ? c : [c];
  return list.reduce((n, x) => n + (x.CapacityUnits ?? 0), 0);
}

async function single(ctx: WriterContext, job: ItemJob, w: ConditionalWrite): Promise<void> {
  let attempts = 0;
  try {
    await ctx.slots.run(async () => {
      // Built once a slot is free: a page's waiting writes hold only their plans.
      const sized = w.item ?? w.source;
      const estimate = sized ? writeUnits(itemSize(sized)) : 1;
      const common = {
        TableName: ctx.table,
        ...(w.conditionExpression ? { ConditionExpression: w.conditionExpression } : {}),
        ...(w.names && hasKeys(w.names) ? { ExpressionAttributeNames: w.names } : {}),
        ...(w.values && hasKeys(w.values) ? { ExpressionAttributeValues: w.values } : {}),
        ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'TOTAL' as const } : {}),
      };
      const command =
        w.kind === 'update'
          ? new UpdateItemCommand({ ...common, Key: w.key, UpdateExpression: w.updateExpression })
          : w.kind === 'put'
            ? new PutItemCommand({ ...common, Item: w.item })
            : new DeleteItemCommand({ ...common, Key: w.key });
      const res = await ctx.aborts.run((signal) =>
        withRetry(
          async (attempt) => {
            attempts = attempt;
            await ctx.limiter.acquire(estimate, signal);
            ctx.signal?.throwIfAborted();
            ctx.stats.requests++;
            return ctx.client.send(command as UpdateItemCommand, signal ? { abortSignal: signal } : {});
          },
          { signal, onRetry: (err) => onRetry(ctx, err) },
        ),
      );
      ctx.limiter.settle(estimate, consumed(res.ConsumedCapacity) ?? estimate);
    });
    settle(job, 'changed');
  } catch (err) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') {
      // The SDK's own retries count too: a marker condition failing after a lost response
      // means our earlier attempt applied the write.
      const sdkAttempts = (err as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
      settle(job, w.marked && (attempts > 1 || sdkAttempts > 1) ? 'changed' : 'skipped');
    } else settle(job, 'failed', err);
  }
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

function onRetry(ctx: WriterContext, err: unknown): void {
  ctx.stats.retries++;
  if (isThrottle(err)) {
    ctx.stats.throttles++;
    ctx.limiter.throttled();
  }
}

/** One BatchWriteItem, retrying what DynamoDB leaves unprocessed with backoff and jitter. */
async function batch(ctx: WriterContext, entries: BatchEntry[]): Promise<void> {
  let pending = entries;
  try {
    await ctx.slots.run(() => ctx.aborts.run(async (signal) => {
      for (let round = 1; pending.length; round++) {
        const estimate = pending.reduce((n, e) => n + e.units, 0);
        const requests = pending.map((e) => e.request);
        const res = await withRetry(
          async () => {
            await ctx.limiter.acquire(estimate, signal);
            ctx.signal?.throwIfAborted();
            ctx.stats.requests++;
            return ctx.client.send(
              new BatchWriteItemCommand({
                RequestItems: { [ctx.table]: requests },
                ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'TOTAL' as const } : {}),
              }),
              signal ? { abortSignal: signal } : {},
            );
          },
          { signal, onRetry: (err) => onRetry(ctx, err) },
        );
        ctx.limiter.settle(estimate, consumed(res.ConsumedCapacity) ?? estimate);
        const left = new Set(res.UnprocessedItems?.[ctx.table] ?? []);
        if (left.size === 0) break;
        // Unprocessed items are DynamoDB's way of throttling a batch.
        ctx.stats.unprocessed += left.size;
        ctx.limiter.throttled();
        if (round >= DEFAULT_RETRY.maxAttempts) throw new Error(`${left.size} items stayed unprocessed after ${round} BatchWriteItem rounds`);
        const leftKeys = new Set([...left].map((r) => requestKey(r, ctx.keys)));
        pending = pending.filter((e) => leftKeys.has(requestKey(e.request, ctx.keys)));
        await sleep(backoffDelay(round, DEFAULT_RETRY), signal);
      }
    }));
    for (const e of entries) settle(e.job, 'changed');
  } catch (err) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    const done = new Set(entries.filter((e) => !pending.includes(e)));
    for (const e of entries) settle(e.job, done.has(e) ? 'changed' : 'failed', err);
  }
}

/** Identifies a request in UnprocessedItems, which come back as fresh objects. */
function requestKey(r: WriteRequest, keys: { hash: string; sort: string }): string {
  const k = r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {};
  return `${r.PutRequest ? 'p' : 'd'}${JSON.stringify(k[keys.hash] ?? null)}\u0000${JSON.stringify(k[keys.sort] ?? null)}`;
}
