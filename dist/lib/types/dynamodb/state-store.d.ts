import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type ReplicationSettings } from '../core/global-table.js';
import type { GlobalTableInfo, LockInfo, LogEntry, MigrationRecord, OneTableSchema, TableState } from '../core/types.js';
/** Hash key values of the items this tool keeps in the table. OneTable reads the first two. */
export declare const MIGRATION_HASH = "_migration";
export declare const SCHEMA_HASH = "_schema";
export declare const LOCK_HASH = "_migration_lock";
export declare const LOG_HASH = "_migration_log";
export declare const SCHEMA_SORT = "_schema:Current";
export interface TableKeys {
    hash: string;
    sort: string;
}
/** A record as written: everything but the key, which the store derives. */
export type NewRecord = Omit<MigrationRecord, 'key' | 'date'> & {
    date?: number;
};
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
export declare class StateStore {
    readonly client: DynamoDBClient;
    readonly table: string;
    private readonly options;
    private keysPromise;
    constructor(client: DynamoDBClient, table: string, options?: StateStoreOptions);
    /** The same store through another client (e.g. one of its own for the heartbeat), sharing what DescribeTable said. */
    withClient(client: DynamoDBClient): StateStore;
    /**
     * Refuses (RefusedError, exit 2) when this run reaches a replica of a global table other
     * than the home region of the environment's migrations, or DescribeTable contradicts what
     * the manifest says of the table: the lock, records, schema item and log are written only
     * in the home region. Every write of the store checks it first; call it before other
     * writes to the table (a bulk pass), and before a check that must read the home region's
     * copy (`outcome` then says what did not happen).
     */
    assertHomeRegion(outcome?: string): Promise<void>;
    /** Key names and size of the table, from DescribeTable (read once). */
    describe(): Promise<TableDescription>;
    keys(): Promise<TableKeys>;
    /** Everything the planner needs: records, lock, schema item, table size. */
    readState(): Promise<TableState>;
    /** All `_migration` records, oldest first. */
    readRecords(): Promise<MigrationRecord[]>;
    readSchema(): Promise<OneTableSchema | undefined>;
    /** The lock, if any. Throws CorruptStateError for a lock item of an unknown format (naming the unlock command). */
    readLock(): Promise<LockInfo | undefined>;
    /**
     * Takes the lock, or takes over one whose lease has expired. Throws LockHeldError naming
     * the holder when it is held.
     */
    acquireLock(opts: {
        owner: string;
        command: string;
        runUrl?: string | undefined;
        leaseMs: number;
        now?: number;
    }): Promise<LockInfo>;
    /** Extends our lease; throws LockLostError if another run has taken the lock over. */
    renewLock(lockId: string, leaseMs: number): Promise<number>;
    /** Deletes the lock if it is still ours (no error if it is already gone). */
    releaseLock(lockId: string): Promise<void>;
    /**
     * `unlock <lock-id>`: removes a lock only when the caller names it. A lock item of an unknown
     * format is named by the id its error message gives (its `lockId` when it has one as a string,
     * else `unknown-<fingerprint of the item>`).
     */
    forceUnlock(lockId: string): Promise<LockInfo>;
    private readLockItem;
    private removeUnknownLock;
    /**
     * Writes a `_migration` record. With a lock id the write is fenced: it happens only while
     * that lock is still ours, in one transaction. `replace` overwrites the record of the same
     * version and date (a step's "running" record, by its outcome).
     */
    writeRecord(rec: NewRecord, lockId?: string, opts?: {
        replace?: boolean;
    }): Promise<MigrationRecord>;
    /** Deletes every record of a version, as OneTable's down does. Fenced like writeRecord. */
    deleteVersionRecords(version: string, lockId?: string): Promise<number>;
    /** Deletes every `_migration` record (reset). */
    deleteAllRecords(lockId?: string): Promise<number>;
    /** Overwrites the `_schema:Current` item (OneTable's format), or deletes it when undefined. */
    writeSchema(schemaItem: OneTableSchema | undefined, lockId?: string): Promise<void>;
    /** Appends to the audit log, which is never deleted. */
    appendLog(entry: LogEntry): Promise<void>;
    /** The audit log, newest first. */
    readLog(limit?: number): Promise<LogEntry[]>;
    private queryHash;
    /**
     * Sends with retries past the SDK's own: its client-wide retry quota runs dry under sustained
     * throttling or dropped connections, and losing a record or lock write then would leave the
     * table in a misleading state. Conditional failures are not retried.
     */
    private retried;
    /** Whether the table holds exactly this item (read strongly consistent). */
    private holds;
    /** Runs writes in one transaction that also checks our lock is still held (fencing). */
    private fenced;
    /**
     * Fencing without transactions, for MRSC global tables, which have none. There a strongly
     * consistent read and a condition see the latest write from any region, so the lock is read
     * right before the writes, which then go one at a time, each with its own condition. Where a
     * transaction leaves no gap, this leaves one round trip between the check and a write; the
     * lease (taken over only once it has expired) and the heartbeat's fencing cover that gap.
     */
    private fencedOneByOne;
}
export declare function describeHolder(table: string, held: LockInfo | undefined): string;
export interface TableDescription {
    keys: TableKeys;
    itemCount?: number | undefined;
    sizeBytes?: number | undefined;
    capacity?: {
        read: number;
        write: number;
    } | undefined;
    /** Region of the replica the client reached. */
    region?: string | undefined;
    /** Set for a global table: its replicas, as this replica describes them. */
    global?: GlobalTableInfo | undefined;
}
