import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceNotFoundException,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  UpdateItemCommand,
  type AttributeValue,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { createHash, randomUUID } from 'node:crypto';
import { CorruptStateError, InputError, LockHeldError, LockLostError, RefusedError } from '../core/errors';
import { homeRegionProblem, type ReplicationSettings } from '../core/global-table';
import { SUCCESS } from '../core/history';
import { LEGACY_RESET, RESET, isVersion } from '../core/version';
import { withRetry } from './bulk/retry';
import { replicationOf } from './bulk/table-facts';
import type { GlobalTableInfo, LockInfo, LogEntry, MigrationRecord, OneTableSchema, TableState } from '../core/types';

/** Hash key values of the items this tool keeps in the table. OneTable reads the first two. */
export const MIGRATION_HASH = '_migration';
export const SCHEMA_HASH = '_schema';
export const LOCK_HASH = '_migration_lock';
export const LOG_HASH = '_migration_log';
export const SCHEMA_SORT = '_schema:Current';

export interface TableKeys {
  hash: string;
  sort: string;
}

/** A record as written: everything but the key, which the store derives. */
export type NewRecord = Omit<MigrationRecord, 'key' | 'date'> & { date?: number };

export interface StateStoreOptions {
  /**
   * The environment whose state this is. Given, every write first checks that this replica
   * is the home region of its migrations when the table is a global table (and refuses,
   * exit 2, before anything is written when it is not).
   */
  environment?: ReplicationSettings | undefined;
}

/**
 * Reads and writes the migration state kept in the table itself, in OneTable Migrate's
 * format: `_migration` records, the `_schema:Current` item, and our own lock and audit log.
 */
export class StateStore {
  private keysPromise: Promise<TableDescription> | undefined;

  constructor(
    readonly client: DynamoDBClient,
    readonly table: string,
    private readonly options: StateStoreOptions = {},
  ) {}

  /** The same store through another client (e.g. one of its own for the heartbeat), sharing what DescribeTable said. */
  withClient(client: DynamoDBClient): StateStore {
    const other = new StateStore(client, this.table, this.options);
    other.keysPromise = this.keysPromise;
    return other;
  }

  /**
   * Refuses (RefusedError, exit 2) when this run reaches a replica of a global table other
   * than the home region of the environment's migrations, or DescribeTable contradicts what
   * the manifest says of the table: the lock, records, schema item and log are written only
   * in the home region. Every write of the store checks it first; call it before other
   * writes to the table (a bulk pass), and before a check that must read the home region's
   * copy (`outcome` then says what did not happen).
   */
  async assertHomeRegion(outcome = 'Nothing was written.'): Promise<void> {
    const env = this.options.environment;
    if (!env) return;
    const d = await this.describe();
    const problem = homeRegionProblem(env, d.region, d.global);
    if (problem) throw new RefusedError(`${problem.message} ${outcome}\nNext: ${problem.next}`);
  }

  /** Key names and size of the table, from DescribeTable (read once). */
  describe(): Promise<TableDescription> {
    this.keysPromise ??= describeTable(this.client, this.table);
    return this.keysPromise;
  }

  async keys(): Promise<TableKeys> {
    return (await this.describe()).keys;
  }

  /** Everything the planner needs: records, lock, schema item, table size. */
  async readState(): Promise<TableState> {
    const d = await this.describe();
    const [records, lock, schema] = await Promise.all([this.readRecords(), this.readLock(), this.readSchema()]);
    return {
      table: this.table,
      keys: d.keys,
      records,
      lock,
      schema,
      itemCount: d.itemCount,
      sizeBytes: d.sizeBytes,
      capacity: d.capacity,
      region: d.region,
      global: d.global,
    };
  }

  /** All `_migration` records, oldest first. */
  async readRecords(): Promise<MigrationRecord[]> {
    const items = await this.queryHash(MIGRATION_HASH);
    const { hash, sort } = await this.keys();
    return items
      .map((i) => checkedRecord(i, hash, sort, this.table))
      .sort((a, b) => a.date - b.date || a.key.localeCompare(b.key));
  }

  async readSchema(): Promise<OneTableSchema | undefined> {
    const k = await this.keys();
    const res = await this.retried(() =>
      this.client.send(
        new GetItemCommand({
          TableName: this.table,
          Key: marshall({ [k.hash]: SCHEMA_HASH, [k.sort]: SCHEMA_SORT }),
          ConsistentRead: true,
        }),
      ),
    );
    if (!res.Item) return undefined;
    const item = unmarshall(res.Item);
    delete item[k.hash];
    delete item[k.sort];
    return item;
  }

  /** The lock, if any. Throws CorruptStateError for a lock item of an unknown format (naming the unlock command). */
  async readLock(): Promise<LockInfo | undefined> {
    const item = await this.readLockItem();
    if (!item) return undefined;
    const raw = unmarshall(item);
    const lock = lockInfoOf(raw);
    if (!lock) {
      const k = await this.keys();
      throw new CorruptStateError(
        `${this.table}: the lock item ${k.hash}=${LOCK_HASH}, ${k.sort}=${LOCK_HASH} has an unknown format (${JSON.stringify(withoutKeys(raw, k)).slice(0, 200)}): ` +
          `it was not written by this version of dynamodb-migrate, so whether a run holds it cannot be told. Nothing was run. ` +
          `If no run is active, remove it with: dynamodb-migrate unlock ${unknownLockId(item, raw)}`,
      );
    }
    return lock;
  }

  /**
   * Takes the lock, or takes over one whose lease has expired. Throws LockHeldError naming
   * the holder when it is held.
   */
  async acquireLock(opts: {
    owner: string;
    command: string;
    runUrl?: string | undefined;
    leaseMs: number;
    now?: number;
  }): Promise<LockInfo> {
    await this.assertHomeRegion();
    const k = await this.keys();
    const now = opts.now ?? Date.now();
    const lock: LockInfo = {
      lockId: randomUUID(),
      owner: opts.owner,
      command: opts.command,
      runUrl: opts.runUrl,
      acquiredAt: now,
      leaseExpiresAt: now + opts.leaseMs,
      heartbeatAt: now,
    };
    try {
      await this.retried(() =>
        this.client.send(
          new PutItemCommand({
            TableName: this.table,
            Item: marshall(
              { [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH, _type: '_MigrationLock', ...lock },
              { removeUndefinedValues: true },
            ),
            ConditionExpression: 'attribute_not_exists(#h) OR leaseExpiresAt < :now',
            ExpressionAttributeNames: { '#h': k.hash },
            ExpressionAttributeValues: marshall({ ':now': now }),
          }),
        ),
      );
      return lock;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) {
        // A lock item of an unknown format fails the condition too: say that, not "locked".
        const held = await this.readLock().catch((err: unknown) => {
          if (err instanceof CorruptStateError) throw err;
          return undefined;
        });
        // A retried request whose first attempt took the lock (the answer was lost on the way).
        if (held?.lockId === lock.lockId) return lock;
        throw new LockHeldError(describeHolder(this.table, held));
      }
      throw e;
    }
  }

  /** Extends our lease; throws LockLostError if another run has taken the lock over. */
  async renewLock(lockId: string, leaseMs: number): Promise<number> {
    const k = await this.keys();
    const now = Date.now();
    try {
      await this.retried(() =>
        this.client.send(
          new UpdateItemCommand({
            TableName: this.table,
            Key: marshall({ [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH }),
            UpdateExpression: 'SET leaseExpiresAt = :exp, heartbeatAt = :now',
            ConditionExpression: 'lockId = :id',
            ExpressionAttributeValues: marshall({ ':exp': now + leaseMs, ':now': now, ':id': lockId }),
          }),
        ),
      );
      return now + leaseMs;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) {
        const held = await this.readLock().catch(() => undefined);
        throw new LockLostError(
          `${this.table}: this run's lock ${lockId} was taken over${held ? ` by ${held.owner} (lock id ${held.lockId})` : ''}; stopped before writing again.`,
        );
      }
      throw e;
    }
  }

  /** Deletes the lock if it is still ours (no error if it is already gone). */
  async releaseLock(lockId: string): Promise<void> {
    const k = await this.keys();
    try {
      await this.retried(() =>
        this.client.send(
          new DeleteItemCommand({
            TableName: this.table,
            Key: marshall({ [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH }),
            ConditionExpression: 'lockId = :id',
            ExpressionAttributeValues: marshall({ ':id': lockId }),
          }),
        ),
      );
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
    }
  }

  /**
   * `unlock <lock-id>`: removes a lock only when the caller names it. A lock item of an unknown
   * format is named by the id its error message gives (its `lockId` when it has one as a string,
   * else `unknown-<fingerprint of the item>`).
   */
  async forceUnlock(lockId: string): Promise<LockInfo> {
    await this.assertHomeRegion();
    const item = await this.readLockItem();
    if (!item) throw new InputError(`${this.table} is not locked: nothing to unlock.`);
    const raw = unmarshall(item);
    const held = lockInfoOf(raw);
    if (!held) return this.removeUnknownLock(lockId, item, raw);
    if (held.lockId !== lockId) {
      throw new InputError(
        `unlock ${lockId}: the lock on ${this.table} has id ${held.lockId} (held by ${held.owner}); pass that id to unlock it.`,
      );
    }
    await this.releaseLock(lockId);
    return held;
  }

  private async readLockItem(): Promise<Record<string, AttributeValue> | undefined> {
    const k = await this.keys();
    const res = await this.retried(() =>
      this.client.send(
        new GetItemCommand({
          TableName: this.table,
          Key: marshall({ [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH }),
          ConsistentRead: true,
        }),
      ),
    );
    return res.Item;
  }

  private async removeUnknownLock(
    lockId: string,
    item: Record<string, AttributeValue>,
    raw: Record<string, unknown>,
  ): Promise<LockInfo> {
    const id = unknownLockId(item, raw);
    if (lockId !== id)
      throw new InputError(
        `unlock ${lockId}: the lock item on ${this.table} has an unknown format; its id is ${id}: pass ${id} to remove it.`,
      );
    const k = await this.keys();
    const ownId = typeof raw.lockId === 'string' ? raw.lockId : undefined;
    try {
      await this.retried(() =>
        this.client.send(
          new DeleteItemCommand({
            TableName: this.table,
            Key: marshall({ [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH }),
            // Never a lock a run of ours has written meanwhile (it has a lockId of its own).
            ...(ownId
              ? { ConditionExpression: 'lockId = :id', ExpressionAttributeValues: marshall({ ':id': ownId }) }
              : { ConditionExpression: 'attribute_not_exists(lockId)' }),
          }),
        ),
      );
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      throw new LockHeldError(describeHolder(this.table, await this.readLock().catch(() => undefined)));
    }
    return {
      lockId: id,
      owner: String(raw.owner ?? 'unknown'),
      command: 'a lock item of an unknown format',
      acquiredAt: 0,
      leaseExpiresAt: 0,
      heartbeatAt: 0,
    };
  }

  /**
   * Writes a `_migration` record. With a lock id the write is fenced: it happens only while
   * that lock is still ours, in one transaction. `replace` overwrites the record of the same
   * version and date (a step's "running" record, by its outcome).
   */
  async writeRecord(rec: NewRecord, lockId?: string, opts: { replace?: boolean } = {}): Promise<MigrationRecord> {
    const k = await this.keys();
    let date = rec.date ?? Date.now();
    for (let attempt = 0; ; attempt++) {
      const key = `${MIGRATION_HASH}:${rec.version}:${date}`;
      const full: MigrationRecord = { ...rec, date, key };
      const item = marshall(
        {
          [k.hash]: MIGRATION_HASH,
          [k.sort]: key,
          version: rec.version,
          date,
          path: rec.path,
          description: rec.description,
          status: rec.status,
          _type: '_Migration',
          checksum: rec.checksum,
          direction: rec.direction,
          actor: rec.actor,
          runUrl: rec.runUrl,
          gitSha: rec.gitSha,
          durationMs: rec.durationMs,
          counts: rec.counts,
          repairedReason: rec.repairedReason,
        },
        { removeUndefinedValues: true },
      );
      try {
        await this.fenced(lockId, [
          opts.replace
            ? { Put: { TableName: this.table, Item: item } }
            : {
                Put: {
                  TableName: this.table,
                  Item: item,
                  ConditionExpression: 'attribute_not_exists(#h)',
                  ExpressionAttributeNames: { '#h': k.hash },
                },
              },
        ]);
        return full;
      } catch (e) {
        // Two records of one version in the same millisecond: move to the next one.
        if (isConditionFailure(e, lockId ? 1 : 0) && attempt < 5) {
          // Written one at a time (MRSC), a retried put whose first attempt landed fails its own condition.
          if (e instanceof WriteConditionFailed && (await this.holds(item))) return full;
          date += 1;
          continue;
        }
        throw e;
      }
    }
  }

  /** Deletes every record of a version (but `except`, a record's key), as OneTable's down does. Fenced like writeRecord. */
  async deleteVersionRecords(version: string, lockId?: string, opts: { except?: string } = {}): Promise<number> {
    await this.assertHomeRegion();
    const k = await this.keys();
    const records = (await this.readRecords()).filter((r) => r.version === version && r.key !== opts.except);
    for (let i = 0; i < records.length; i += 90) {
      const chunk = records.slice(i, i + 90);
      await this.fenced(
        lockId,
        chunk.map((r) => ({
          Delete: { TableName: this.table, Key: marshall({ [k.hash]: MIGRATION_HASH, [k.sort]: r.key }) },
        })),
      );
    }
    return records.length;
  }

  /** Deletes every `_migration` record (reset). */
  async deleteAllRecords(lockId?: string): Promise<number> {
    const versions = new Set((await this.readRecords()).map((r) => r.version));
    let n = 0;
    for (const v of versions) n += await this.deleteVersionRecords(v, lockId);
    return n;
  }

  /** Overwrites the `_schema:Current` item (OneTable's format), or deletes it when undefined. */
  async writeSchema(schemaItem: OneTableSchema | undefined, lockId?: string): Promise<void> {
    const k = await this.keys();
    const Key = { [k.hash]: SCHEMA_HASH, [k.sort]: SCHEMA_SORT };
    if (!schemaItem) {
      await this.fenced(lockId, [{ Delete: { TableName: this.table, Key: marshall(Key) } }]);
      return;
    }
    const item = marshall({ ...schemaItem, ...Key }, { removeUndefinedValues: true, convertClassInstanceToMap: true });
    await this.fenced(lockId, [{ Put: { TableName: this.table, Item: item } }]);
  }

  /** Appends to the audit log, which is never deleted. */
  async appendLog(entry: LogEntry): Promise<void> {
    await this.assertHomeRegion();
    const k = await this.keys();
    const sortKey = `${new Date(entry.at).toISOString()}#${entry.runId}#${randomUUID().slice(0, 8)}`;
    await this.retried(() =>
      this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: marshall(
            { [k.hash]: LOG_HASH, [k.sort]: sortKey, _type: '_MigrationLog', ...entry },
            { removeUndefinedValues: true },
          ),
        }),
      ),
    );
  }

  /** The audit log, newest first. */
  async readLog(limit = 100): Promise<LogEntry[]> {
    const items = await this.queryHash(LOG_HASH, { newestFirst: true, limit });
    const k = await this.keys();
    return items.map((i) => {
      const e = { ...i };
      delete e[k.hash];
      delete e[k.sort];
      delete e._type;
      return e as unknown as LogEntry;
    });
  }

  private async queryHash(
    hash: string,
    opts: { newestFirst?: boolean; limit?: number } = {},
  ): Promise<Record<string, unknown>[]> {
    const k = await this.keys();
    const out: Record<string, unknown>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const res = await this.retried(() =>
        this.client.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: '#h = :h',
            ExpressionAttributeNames: { '#h': k.hash },
            ExpressionAttributeValues: marshall({ ':h': hash }),
            ConsistentRead: true,
            ScanIndexForward: !opts.newestFirst,
            ExclusiveStartKey: start,
          }),
        ),
      );
      out.push(...(res.Items ?? []).map((i) => unmarshall(i)));
      start = res.LastEvaluatedKey;
    } while (start && (!opts.limit || out.length < opts.limit));
    return opts.limit ? out.slice(0, opts.limit) : out;
  }

  /**
   * Sends with retries past the SDK's own: its client-wide retry quota runs dry under sustained
   * throttling or dropped connections, and losing a record or lock write then would leave the
   * table in a misleading state. Conditional failures are not retried.
   */
  private retried<T>(call: () => Promise<T>): Promise<T> {
    return withRetry(call, {});
  }

  /** Whether the table holds exactly this item (read strongly consistent). */
  private async holds(item: Record<string, AttributeValue>): Promise<boolean> {
    const k = await this.keys();
    const key = { [k.hash]: item[k.hash]!, [k.sort]: item[k.sort]! };
    const res = await this.retried(() =>
      this.client.send(new GetItemCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
    );
    return !!res.Item && stableJson(res.Item) === stableJson(item);
  }

  /** Runs writes in one transaction that also checks our lock is still held (fencing). */
  private async fenced(lockId: string | undefined, writes: TransactWriteItem[]): Promise<void> {
    if (!writes.length) return;
    await this.assertHomeRegion();
    if ((await this.describe()).global?.consistency === 'STRONG') return this.fencedOneByOne(lockId, writes);
    const k = await this.keys();
    const items: TransactWriteItem[] = lockId
      ? [
          {
            ConditionCheck: {
              TableName: this.table,
              Key: marshall({ [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH }),
              ConditionExpression: 'lockId = :id',
              ExpressionAttributeValues: marshall({ ':id': lockId }),
            },
          },
          ...writes,
        ]
      : writes;
    try {
      // One token for every attempt: a retried transaction that already landed is not applied twice.
      const token = randomUUID();
      await this.retried(() =>
        this.client.send(new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: token })),
      );
    } catch (e) {
      if (lockId && isConditionFailure(e, 0)) {
        throw new LockLostError(
          `${this.table}: this run's lock ${lockId} is no longer held (taken over after its lease expired); stopped before writing.`,
        );
      }
      throw e;
    }
  }

  /**
   * Fencing without transactions, for MRSC global tables, which have none. There a strongly
   * consistent read and a condition see the latest write from any region, so the lock is read
   * right before the writes, which then go one at a time, each with its own condition. Where a
   * transaction leaves no gap, this leaves one round trip between the check and a write; the
   * lease (taken over only once it has expired) and the heartbeat's fencing cover that gap.
   */
  private async fencedOneByOne(lockId: string | undefined, writes: TransactWriteItem[]): Promise<void> {
    if (lockId) {
      const item = await this.readLockItem();
      const held = item ? lockInfoOf(unmarshall(item)) : undefined;
      if (held?.lockId !== lockId) {
        throw new LockLostError(
          `${this.table}: this run's lock ${lockId} is no longer held (taken over after its lease expired); stopped before writing.`,
        );
      }
    }
    for (const [i, w] of writes.entries()) {
      try {
        await this.retried(() => sendSingle(this.client, w));
      } catch (e) {
        if (e instanceof ConditionalCheckFailedException) throw new WriteConditionFailed(i + (lockId ? 1 : 0), e);
        throw e;
      }
    }
  }
}

/** A write of `fencedOneByOne` failed its condition; `index` counts as in the transaction it stands for. */
class WriteConditionFailed extends Error {
  constructor(
    readonly index: number,
    cause: unknown,
  ) {
    super(`write ${index} of a fenced group failed its condition`, { cause });
  }
}

/** One write of a TransactWriteItem, sent as a request of its own. */
function sendSingle(client: DynamoDBClient, w: TransactWriteItem): Promise<unknown> {
  if (w.Put) return client.send(new PutItemCommand(w.Put));
  if (w.Delete) return client.send(new DeleteItemCommand(w.Delete));
  if (w.Update) return client.send(new UpdateItemCommand(w.Update));
  return Promise.reject(new Error('a condition check cannot be sent on its own'));
}

/** True when a transaction (or single write) failed on the condition of item `index`. */
function isConditionFailure(e: unknown, index: number): boolean {
  if (e instanceof WriteConditionFailed) return e.index === index;
  if (e instanceof ConditionalCheckFailedException) return index === 0;
  if (e instanceof TransactionCanceledException)
    return e.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
  return false;
}

export function describeHolder(table: string, held: LockInfo | undefined): string {
  if (!held) return `${table} is locked by another run (the lock was released while checking; retry).`;
  return (
    `${table} is locked by ${held.owner} (lock id ${held.lockId}, ${held.command}${held.runUrl ? `, ${held.runUrl}` : ''}) ` +
    `since ${new Date(held.acquiredAt).toISOString()}, lease until ${new Date(held.leaseExpiresAt).toISOString()}. ` +
    `Wait for it to finish; if that run is dead, the lock is taken over once its lease expires, or remove it with unlock ${held.lockId}.`
  );
}

export interface TableDescription {
  keys: TableKeys;
  itemCount?: number | undefined;
  sizeBytes?: number | undefined;
  capacity?: { read: number; write: number } | undefined;
  /** Region of the replica the client reached. */
  region?: string | undefined;
  /** Set for a global table: its replicas, as this replica describes them. */
  global?: GlobalTableInfo | undefined;
}

async function describeTable(client: DynamoDBClient, table: string): Promise<TableDescription> {
  let res;
  try {
    res = await client.send(new DescribeTableCommand({ TableName: table }));
  } catch (e) {
    if (e instanceof ResourceNotFoundException) {
      const region = await client.config.region().catch(() => 'unknown');
      throw new InputError(
        `Table ${table} was not found (region ${region}). Check the environment's table and region in the manifest, and the endpoint; with --local the table is created for you.`,
      );
    }
    throw e;
  }
  const schema = res.Table?.KeySchema ?? [];
  const hash = schema.find((s) => s.KeyType === 'HASH')?.AttributeName;
  const sort = schema.find((s) => s.KeyType === 'RANGE')?.AttributeName;
  if (!hash || !sort) {
    throw new InputError(
      `Table ${table} has no sort key: migration state (OneTable format) needs a table with a hash and a sort key.`,
    );
  }
  const defs = res.Table?.AttributeDefinitions ?? [];
  for (const name of [hash, sort]) {
    const type = defs.find((d) => d.AttributeName === name)?.AttributeType;
    if (type && type !== 'S')
      throw new InputError(
        `Table ${table}: key attribute ${name} is of type ${type}; migration state needs string keys.`,
      );
  }
  const pt = res.Table?.ProvisionedThroughput;
  const provisioned = res.Table?.BillingModeSummary?.BillingMode !== 'PAY_PER_REQUEST' && pt?.ReadCapacityUnits;
  const { region, global } = replicationOf(res.Table, await client.config.region().catch(() => undefined));
  return {
    keys: { hash, sort },
    itemCount: res.Table?.ItemCount,
    sizeBytes: res.Table?.TableSizeBytes,
    capacity: provisioned ? { read: pt!.ReadCapacityUnits ?? 0, write: pt!.WriteCapacityUnits ?? 0 } : undefined,
    region,
    global,
  };
}

/**
 * A `_migration` item as a record, or a clear error when it cannot be one: planning on a
 * history that was read wrong would run or skip the wrong steps.
 */
function checkedRecord(i: Record<string, unknown>, hashName: string, sortName: string, table: string): MigrationRecord {
  const r = toRecord(i, sortName);
  const problem = !r.key.startsWith(`${MIGRATION_HASH}:`)
    ? `its sort key is not ${MIGRATION_HASH}:<version>:<date>`
    : i.version !== undefined && typeof i.version !== 'string'
      ? `"version" is a ${typeof i.version}, not a string`
      : !isVersion(r.version) && r.version !== RESET && r.version !== LEGACY_RESET
        ? `version "${r.version}" is not a semver version`
        : i.status !== undefined && typeof i.status !== 'string'
          ? `"status" is a ${typeof i.status}, not a string`
          : !Number.isFinite(r.date)
            ? '"date" is not a time'
            : undefined;
  if (!problem) return r;
  const key = JSON.stringify({ [hashName]: { S: MIGRATION_HASH }, [sortName]: { S: r.key } });
  throw new CorruptStateError(
    `${table}: the migration record ${hashName}=${MIGRATION_HASH}, ${sortName}=${r.key} is corrupt (${problem}): ${JSON.stringify(withoutKeys(i, { hash: hashName, sort: sortName })).slice(0, 200)}. ` +
      `Nothing was run: the history cannot be read past it. Fix that item, or delete it ` +
      `(aws dynamodb delete-item --table-name ${table} --key '${key}'), then check the history with dynamodb-migrate status; ` +
      `if that record stood for an applied version, record it again with dynamodb-migrate repair --version <version> --mark applied --reason "...".`,
  );
}

/** The lock an item holds, or undefined when it is not a lock item as this tool writes them. */
function lockInfoOf(raw: Record<string, unknown>): LockInfo | undefined {
  if (typeof raw.lockId !== 'string' || typeof raw.leaseExpiresAt !== 'number') return undefined;
  return {
    lockId: raw.lockId,
    owner: String(raw.owner ?? 'unknown'),
    command: String(raw.command ?? 'unknown'),
    runUrl: raw.runUrl as string | undefined,
    acquiredAt: Number(raw.acquiredAt ?? 0),
    leaseExpiresAt: raw.leaseExpiresAt,
    heartbeatAt: Number(raw.heartbeatAt ?? 0),
  };
}

/** How `unlock` names a lock item of an unknown format: its lockId if it has one, else a fingerprint of the item. */
function unknownLockId(item: Record<string, AttributeValue>, raw: Record<string, unknown>): string {
  if (typeof raw.lockId === 'string' && raw.lockId) return raw.lockId;
  return `unknown-${createHash('sha256').update(stableJson(item)).digest('hex').slice(0, 12)}`;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v) ?? 'null';
}

function withoutKeys(i: Record<string, unknown>, k: TableKeys): Record<string, unknown> {
  const rest = { ...i };
  delete rest[k.hash];
  delete rest[k.sort];
  return rest;
}

function toRecord(i: Record<string, unknown>, sortName: string): MigrationRecord {
  const key = String(i[sortName] ?? '');
  const version = typeof i.version === 'string' ? i.version : (key.split(':')[1] ?? '');
  const date =
    typeof i.date === 'number'
      ? i.date
      : typeof i.date === 'string'
        ? Date.parse(i.date) || 0
        : Number(key.split(':')[2] ?? 0);
  return {
    version,
    date,
    key,
    path: String(i.path ?? ''),
    description: String(i.description ?? ''),
    // OneTable before 2023-09 wrote no status: those records are successes.
    status: typeof i.status === 'string' ? i.status : SUCCESS,
    checksum: i.checksum as string | undefined,
    direction: i.direction as MigrationRecord['direction'],
    actor: i.actor as string | undefined,
    runUrl: i.runUrl as string | undefined,
    gitSha: i.gitSha as string | undefined,
    durationMs: i.durationMs as number | undefined,
    counts: i.counts as MigrationRecord['counts'],
    repairedReason: i.repairedReason as string | undefined,
  };
}
