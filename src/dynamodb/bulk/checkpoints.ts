import {
  BatchWriteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { ItemCounts } from '../../core/types';
import { AbortFanout } from './abort-fanout';
import { withRetry } from './retry';

/** Hash key of checkpoint items; starts with `_migration`, so no pass ever selects them. */
export const CHECKPOINT_HASH = '_migration_checkpoint';

/**
 * Sort key suffix of a step's attempt record. Pass checkpoints always have more parts after the
 * pass name (`<pass>:<range>:<segment>/<total>`, `<pass>:sampled`), so no pass name collides.
 */
const ATTEMPT = 'attempt';

/** Where one segment of one pass got to. */
export interface SegmentCheckpoint {
  segment: number;
  total: number;
  /** The LastEvaluatedKey after the last fully written page; absent before the first. */
  lastKey?: Record<string, AttributeValue> | undefined;
  done: boolean;
  counts: ItemCounts;
}

/** The checkpoints of one pass of a step, summed over its segments. */
export interface PassProgress {
  /** `<pass>:<range>` */
  pass: string;
  /** Segments of the pass. */
  total: number;
  /** Segments with a checkpoint, and those finished. */
  started: number;
  done: number;
  counts: ItemCounts;
  /** The newest checkpoint's time (epoch ms). */
  updatedAt: number;
}

/**
 * Checkpoints of one step, stored in the migrated table as
 * `_migration_checkpoint` / `<version>:<direction>:<pass>:<range>:<segment>/<total>`, one item
 * per segment so that segments run by different processes never contend. `<range>` is the
 * slice of the sample space the run takes (`0-100` for a full run), so a canary's checkpoints
 * never mix with the full run's.
 *
 * Checkpoints belong to one attempt of the step: the runner discards what earlier attempts
 * left ({@link discardEarlierAttempts}) whenever it starts the step afresh rather than
 * resuming it, so checkpoints that outlived their step's record (a run that died between
 * recording the step and deleting them) can never make a later run skip items. A canary's
 * progress (`<version>:<direction>:<pass>:sampled`) is the one thing a later attempt may
 * continue: the full run after a canary takes only the rest of the sample space.
 *
 * The attempt itself is recorded as `<version>:<direction>:attempt` (attribute `attempt`, an id
 * the runner draws when it starts the step afresh): `once` passes put it in their marker
 * tokens, so a resume of the attempt (which reads it back) skips the items the attempt already
 * changed, and a later attempt, with an id of its own, changes them again.
 */
export class CheckpointStore {
  /** Segments save at once: each request hears the run's signal through one shared listener. */
  private readonly aborts: AbortFanout;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly table: string,
    private readonly keys: { hash: string; sort: string },
    /** `<version>:<direction>`. */
    private readonly scope: string,
    signal?: AbortSignal,
  ) {
    this.aborts = new AbortFanout(signal);
  }

  /** Every checkpoint saved for this pass and range. */
  async list(pass: string, range: string): Promise<SegmentCheckpoint[]> {
    const prefix = `${this.scope}:${pass}:${range}:`;
    const out: SegmentCheckpoint[] = [];
    for (const item of await this.query(prefix)) {
      const cp = item.checkpoint?.M;
      const sortValue = item[this.keys.sort]?.S ?? '';
      const m = /:(\d+)\/(\d+)$/.exec(sortValue);
      if (!cp || !m) continue;
      out.push({
        segment: Number(m[1]),
        total: Number(m[2]),
        lastKey: cp.lastKey?.M,
        done: cp.done?.BOOL === true,
        counts: {
          scanned: num(cp.scanned),
          changed: num(cp.changed),
          skipped: num(cp.skipped),
          failed: num(cp.failed),
        },
      });
    }
    return out;
  }

  async save(pass: string, range: string, cp: SegmentCheckpoint): Promise<void> {
    const state: Record<string, AttributeValue> = {
      done: { BOOL: cp.done },
      scanned: { N: String(cp.counts.scanned) },
      changed: { N: String(cp.counts.changed) },
      skipped: { N: String(cp.counts.skipped) },
      failed: { N: String(cp.counts.failed) },
    };
    if (cp.lastKey) state.lastKey = { M: cp.lastKey };
    const item: Record<string, AttributeValue> = {
      [this.keys.hash]: { S: CHECKPOINT_HASH },
      [this.keys.sort]: { S: `${this.scope}:${pass}:${range}:${cp.segment}/${cp.total}` },
      checkpoint: { M: state },
      updatedAt: { N: String(Date.now()) },
      _type: { S: '_MigrationCheckpoint' },
    };
    await this.retry((opts) => this.client.send(new PutItemCommand({ TableName: this.table, Item: item }), opts));
  }

  /** How much of the sample space earlier canary runs of this pass finished (0 when none). */
  async sampledUpTo(pass: string): Promise<number> {
    const res = await this.retry((opts) =>
      this.client.send(
        new GetItemCommand({
          TableName: this.table,
          Key: this.key(`${this.scope}:${pass}:sampled`),
          ConsistentRead: true,
        }),
        opts,
      ),
    );
    return num(res.Item?.percent);
  }

  /**
   * Records how much of the sample space a canary run of this pass covered, or, with
   * `finished`, that the full run after the canaries has covered the rest: that progress then
   * serves only a resume of the same attempt, never a later attempt.
   */
  async recordSampled(pass: string, percent: number, opts: { finished?: boolean } = {}): Promise<void> {
    const item: Record<string, AttributeValue> = {
      ...this.key(`${this.scope}:${pass}:sampled`),
      percent: { N: String(percent) },
      updatedAt: { N: String(Date.now()) },
    };
    if (opts.finished) item.finished = { BOOL: true };
    await this.retry((opts) => this.client.send(new PutItemCommand({ TableName: this.table, Item: item }), opts));
  }

  /**
   * Keeps the first failure of a segment of this attempt (`<version>:<direction>:failure`): a
   * Distributed Map only reports that a child failed, so the step's outcome reads it here.
   * `checkpointed`: the segment stopped at its checkpoints (its pass's items failed), so a resume
   * continues from them.
   */
  async recordFailure(message: string, opts: { checkpointed?: boolean } = {}): Promise<void> {
    const item: Record<string, AttributeValue> = {
      ...this.key(`${this.scope}:failure`),
      message: { S: message },
      checkpointed: { BOOL: opts.checkpointed === true },
      updatedAt: { N: String(Date.now()) },
      _type: { S: '_MigrationCheckpoint' },
    };
    await this.retry((opts) =>
      this.client
        .send(
          new PutItemCommand({
            TableName: this.table,
            Item: item,
            ConditionExpression: 'attribute_not_exists(message)',
          }),
          opts,
        )
        .catch((e: unknown) => {
          // Another segment's failure came first: that one is the step's.
          if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
        }),
    );
  }

  /** Forgets a segment's failure once the step's outcome carries it (a resume keeps the checkpoints, not the failure). */
  async clearFailure(): Promise<void> {
    await this.deleteItems([this.key(`${this.scope}:failure`)]);
  }

  /** The failure a segment of this attempt recorded, if any. */
  async failure(): Promise<{ message: string; checkpointed: boolean } | undefined> {
    const res = await this.retry((opts) =>
      this.client.send(
        new GetItemCommand({ TableName: this.table, Key: this.key(`${this.scope}:failure`), ConsistentRead: true }),
        opts,
      ),
    );
    const message = res.Item?.message?.S;
    return message ? { message, checkpointed: res.Item?.checkpointed?.BOOL === true } : undefined;
  }

  /** The id of the attempt these checkpoints belong to; undefined when none was recorded. */
  async attempt(): Promise<string | undefined> {
    const res = await this.retry((opts) =>
      this.client.send(
        new GetItemCommand({ TableName: this.table, Key: this.key(`${this.scope}:${ATTEMPT}`), ConsistentRead: true }),
        opts,
      ),
    );
    return res.Item?.attempt?.S || undefined;
  }

  /** Records the id of a fresh attempt of the step (after {@link discardEarlierAttempts}). */
  async recordAttempt(id: string): Promise<void> {
    const item: Record<string, AttributeValue> = {
      ...this.key(`${this.scope}:${ATTEMPT}`),
      attempt: { S: id },
      updatedAt: { N: String(Date.now()) },
      _type: { S: '_MigrationCheckpoint' },
    };
    await this.retry((opts) => this.client.send(new PutItemCommand({ TableName: this.table, Item: item }), opts));
  }

  /**
   * Every segment checkpoint of this step, by pass (`<pass>:<range>`), in the order the passes
   * were first saved: what a caller watching a fanned-out step reads for its items, rate and ETA.
   * `consistent: false` for a watch, which reads every checkpoint every few seconds: half the
   * read units, and a second-old figure is as good; the step's final counts read consistently.
   */
  async progress(opts: { consistent?: boolean } = {}): Promise<PassProgress[]> {
    const passes = new Map<string, PassProgress>();
    for (const item of await this.query(`${this.scope}:`, opts.consistent ?? true)) {
      const cp = item.checkpoint?.M;
      const m = /^(.*):(\d+)\/(\d+)$/.exec((item[this.keys.sort]?.S ?? '').slice(this.scope.length + 1));
      if (!cp || !m) continue;
      const name = m[1]!;
      const p = passes.get(name) ?? {
        pass: name,
        total: Number(m[3]),
        done: 0,
        started: 0,
        counts: { scanned: 0, changed: 0, skipped: 0, failed: 0 },
        updatedAt: 0,
      };
      p.started++;
      if (cp.done?.BOOL === true) p.done++;
      p.counts.scanned += num(cp.scanned);
      p.counts.changed += num(cp.changed);
      p.counts.skipped += num(cp.skipped);
      p.counts.failed += num(cp.failed);
      p.updatedAt = Math.max(p.updatedAt, num(item.updatedAt));
      passes.set(name, p);
    }
    return [...passes.values()];
  }

  /** Deletes every checkpoint and sample record of this step (after it is recorded). */
  async clear(): Promise<number> {
    return this.deleteItems(await this.query(`${this.scope}:`));
  }

  /**
   * Before a fresh (not resumed) attempt of the step: deletes every checkpoint earlier attempts
   * left. With `keepCanary`, a canary's progress that no full run has finished yet is kept, so
   * that this attempt processes only the rest of the sample space.
   */
  async discardEarlierAttempts(opts: { keepCanary: boolean }): Promise<number> {
    const items = await this.query(`${this.scope}:`);
    const canaryProgress = (item: Record<string, AttributeValue>): boolean =>
      (item[this.keys.sort]?.S ?? '').endsWith(':sampled') && item.finished?.BOOL !== true && num(item.percent) < 100;
    return this.deleteItems(opts.keepCanary ? items.filter((i) => !canaryProgress(i)) : items);
  }

  private async deleteItems(items: Record<string, AttributeValue>[]): Promise<number> {
    for (let i = 0; i < items.length; i += 25) {
      let requests = items.slice(i, i + 25).map((item) => ({
        DeleteRequest: { Key: { [this.keys.hash]: item[this.keys.hash]!, [this.keys.sort]: item[this.keys.sort]! } },
      }));
      while (requests.length) {
        const res = await this.retry((opts) =>
          this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.table]: requests } }), opts),
        );
        requests = (res.UnprocessedItems?.[this.table] ?? []) as typeof requests;
      }
    }
    return items.length;
  }

  private async query(prefix: string, consistent = true): Promise<Record<string, AttributeValue>[]> {
    const out: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const res = await this.retry((opts) =>
        this.client.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: '#h = :h AND begins_with(#s, :p)',
            ExpressionAttributeNames: { '#h': this.keys.hash, '#s': this.keys.sort },
            ExpressionAttributeValues: { ':h': { S: CHECKPOINT_HASH }, ':p': { S: prefix } },
            ConsistentRead: consistent,
            ExclusiveStartKey: start,
          }),
          opts,
        ),
      );
      out.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  private key(sort: string): Record<string, AttributeValue> {
    return { [this.keys.hash]: { S: CHECKPOINT_HASH }, [this.keys.sort]: { S: sort } };
  }

  /** Sends with retries; `call` gets the send options carrying this request's own abort signal. */
  private retry<T>(call: (opts: { abortSignal?: AbortSignal }) => Promise<T>): Promise<T> {
    return this.aborts.run((signal) => withRetry(() => call(signal ? { abortSignal: signal } : {}), { signal }));
  }
}

function num(v: AttributeValue | undefined): number {
  return v?.N ? Number(v.N) : 0;
}
