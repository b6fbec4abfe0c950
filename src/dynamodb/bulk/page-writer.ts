import {
  BatchExecuteStatementCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type BatchStatementRequest,
  type ConsumedCapacity,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { AbortFanout } from './abort-fanout';
import { itemSize, writeUnits } from './item-size';
import type { AdaptiveRateLimiter } from './rate-limiter';
import { updateStatementRequest } from './partiql';
import { backoffDelay, DEFAULT_RETRY, isRetryable, isThrottle, sleep, withRetry } from './retry';
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
  /**
   * Whether in-place updates go 25 to a BatchExecuteStatement (PartiQL UPDATE) instead of one
   * UpdateItem each. Switched off for the rest of the pass when DynamoDB refuses PartiQL (an IAM
   * policy without dynamodb:PartiQLUpdate, an endpoint without it); `onRefused` hears why, once.
   */
  statements?: { enabled: boolean; onRefused?: ((reason: string) => void) | undefined } | undefined;
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

interface StatementEntry {
  request: BatchStatementRequest;
  job: ItemJob;
  write: ConditionalWrite;
  units: number;
  /** A request carrying this statement was sent again after no answer: it may have applied. */
  resent: boolean;
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
  const statements: StatementEntry[] = [];
  for (const job of jobs) {
    const own = job.plan.own;
    job.pending = job.plan.puts.length + (own ? 1 : 0);
    for (const item of job.plan.puts)
      puts.push({ request: { PutRequest: { Item: item } }, job, units: writeUnits(itemSize(item)) });
    if (!own) continue;
    if ('single' in own) {
      const w = own.single;
      const request =
        w.statement && ctx.statements?.enabled
          ? updateStatementRequest(ctx.table, ctx.keys, w.key, w.statement)
          : undefined;
      if (w.kind === 'delete') laterSingles.push(job);
      else if (request)
        statements.push({ request, job, write: w, units: writeUnits(itemSize(w.source ?? w.key)), resent: false });
      else first.push(single(ctx, job, w));
    } else if ('put' in own.batch) {
      puts.push({ request: { PutRequest: { Item: own.batch.put } }, job, units: writeUnits(itemSize(own.batch.put)) });
    } else {
      deletes.push({ request: { DeleteRequest: { Key: own.batch.delete } }, job, units: 1 });
    }
  }
  for (let i = 0; i < statements.length; i += BATCH_SIZE)
    first.push(statementBatch(ctx, statements.slice(i, i + BATCH_SIZE)));
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
  for (let i = 0; i < liveDeletes.length; i += BATCH_SIZE)
    second.push(batch(ctx, liveDeletes.slice(i, i + BATCH_SIZE)));
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

/**
 * The table's own units of a response (asked with INDEXES): the rate is the table's, as its
 * provisioned capacity and the plan's estimate are; a global secondary index has capacity of its
 * own, and one short of it makes DynamoDB throttle the table's writes, which the limiter hears.
 */
function consumed(c: ConsumedCapacity | ConsumedCapacity[] | undefined): number | undefined {
  if (!c) return undefined;
  const list = Array.isArray(c) ? c : [c];
  return list.reduce((n, x) => n + (x.Table?.CapacityUnits ?? x.CapacityUnits ?? 0), 0);
}

/** `maybeApplied`: an earlier request with this write got no answer, so it may have landed. */
async function single(ctx: WriterContext, job: ItemJob, w: ConditionalWrite, maybeApplied = false): Promise<void> {
  let attempts = 0;
  try {
    await ctx.slots.run(async () => {
      // Built once a slot is free: a page's waiting writes hold only their plans.
      w.expand?.();
      const sized = w.item ?? w.source;
      const estimate = sized ? writeUnits(itemSize(sized)) : 1;
      const common = {
        TableName: ctx.table,
        ...(w.conditionExpression ? { ConditionExpression: w.conditionExpression } : {}),
        ...(w.names && hasKeys(w.names) ? { ExpressionAttributeNames: w.names } : {}),
        ...(w.values && hasKeys(w.values) ? { ExpressionAttributeValues: w.values } : {}),
        ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'INDEXES' as const } : {}),
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
      settle(job, w.marked && (maybeApplied || attempts > 1 || sdkAttempts > 1) ? 'changed' : 'skipped');
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
    await ctx.slots.run(() =>
      ctx.aborts.run(async (signal) => {
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
                  ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'INDEXES' as const } : {}),
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
          if (round >= DEFAULT_RETRY.maxAttempts)
            throw new Error(`${left.size} items stayed unprocessed after ${round} BatchWriteItem rounds`);
          const leftKeys = new Set([...left].map((r) => requestKey(r, ctx.keys)));
          pending = pending.filter((e) => leftKeys.has(requestKey(e.request, ctx.keys)));
          await sleep(backoffDelay(round, DEFAULT_RETRY), signal);
        }
      }),
    );
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

/** Per-statement errors of BatchExecuteStatement worth another round; the first three are throttling. */
const STATEMENT_THROTTLES = new Set(['ProvisionedThroughputExceeded', 'ThrottlingError', 'RequestLimitExceeded']);
const STATEMENT_TRANSIENT = new Set([...STATEMENT_THROTTLES, 'InternalServerError', 'TransactionConflict']);

/** DynamoDB will not run PartiQL for us at all: no permission, or an endpoint without it. */
function refusesPartiql(err: unknown): boolean {
  const name = (err as { name?: string }).name ?? '';
  return /AccessDenied|UnknownOperation|UnrecognizedClient|NotImplemented/.test(name);
}

function refuse(ctx: WriterContext, reason: string): void {
  if (!ctx.statements?.enabled) return;
  ctx.statements.enabled = false;
  ctx.statements.onRefused?.(reason);
}

/**
 * Up to 25 in-place updates as one BatchExecuteStatement. Each statement succeeds or fails on
 * its own (it is not a transaction): throttled and transient ones go again in the next round
 * with backoff, a failed condition counts as skipped (or as changed, for a marked pass whose
 * earlier request got no answer and so may have landed), and what DynamoDB will not take as
 * PartiQL is written with UpdateItem instead, which also gives the precise error if any.
 */
async function statementBatch(ctx: WriterContext, entries: StatementEntry[]): Promise<void> {
  let pending = entries;
  const viaUpdateItem: StatementEntry[] = [];
  try {
    await ctx.slots.run(() =>
      ctx.aborts.run(async (signal) => {
        for (let round = 1; pending.length; round++) {
          if (!ctx.statements?.enabled) {
            viaUpdateItem.push(...pending);
            pending = [];
            break;
          }
          const estimate = pending.reduce((n, e) => n + e.units, 0);
          const sent = pending;
          let attempts = 0;
          let res;
          try {
            res = await withRetry(
              async (attempt) => {
                attempts = attempt;
                if (attempt > 1) for (const e of sent) e.resent = true;
                await ctx.limiter.acquire(estimate, signal);
                ctx.signal?.throwIfAborted();
                ctx.stats.requests++;
                return ctx.client.send(
                  new BatchExecuteStatementCommand({
                    Statements: sent.map((e) => e.request),
                    ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'INDEXES' as const } : {}),
                  }),
                  signal ? { abortSignal: signal } : {},
                );
              },
              { signal, onRetry: (err) => onRetry(ctx, err) },
            );
          } catch (err) {
            if (ctx.signal?.aborted || signal?.aborted || isRetryable(err)) throw err;
            // Refused as a whole: UpdateItem for these, and for the rest of the pass if PartiQL is off limits.
            if (refusesPartiql(err)) refuse(ctx, `${(err as Error).name}: ${(err as Error).message}`);
            viaUpdateItem.push(...sent);
            pending = [];
            break;
          }
          if (attempts > 1 || (res.$metadata.attempts ?? 1) > 1) for (const e of sent) e.resent = true;
          ctx.limiter.settle(estimate, consumed(res.ConsumedCapacity) ?? estimate);
          const again: StatementEntry[] = [];
          let throttled = false;
          sent.forEach((e, i) => {
            const answer = res.Responses?.[i];
            const code = answer ? answer.Error?.Code : 'InternalServerError';
            if (!code) settle(e.job, 'changed');
            else if (code === 'ConditionalCheckFailed')
              settle(e.job, e.write.marked && e.resent ? 'changed' : 'skipped');
            else if (STATEMENT_TRANSIENT.has(code)) {
              again.push(e);
              throttled ||= STATEMENT_THROTTLES.has(code);
            } else {
              if (code === 'AccessDenied') refuse(ctx, `AccessDenied: ${answer?.Error?.Message ?? ''}`);
              viaUpdateItem.push(e);
            }
          });
          pending = again;
          if (!pending.length) break;
          ctx.stats.retries++;
          if (throttled) {
            ctx.stats.throttles++;
            ctx.limiter.throttled();
          }
          if (round >= DEFAULT_RETRY.maxAttempts)
            throw new Error(
              `${pending.length} update statements were still throttled or failing after ${round} BatchExecuteStatement rounds`,
            );
          await sleep(backoffDelay(round, DEFAULT_RETRY), signal);
        }
      }),
    );
  } catch (err) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    for (const e of pending) settle(e.job, 'failed', err);
  }
  await Promise.all(viaUpdateItem.map((e) => single(ctx, e.job, e.write, e.resent)));
}
