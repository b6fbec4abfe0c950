import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ReplicationSettings } from '../../core/global-table.js';
import type { LockInfo, LogEntry, MigrationRecord, OneTableSchema, TableState } from '../../core/types.js';
import { type NewRecord } from './records.js';
import type { TableDescription, TableKeys } from './table-description.js';
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
 * One object over the parts in this folder, which share one `StateTable` (the client, and
 * DescribeTable read once).
 */
export declare class StateStore {
    private t;
    constructor(client: DynamoDBClient, table: string, options?: StateStoreOptions);
    get client(): DynamoDBClient;
    get table(): string;
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
    /** All `_migration` records, oldest first (records.ts). */
    readRecords(): Promise<MigrationRecord[]>;
    /** The `_schema:Current` item without its key, if any (schema-item.ts). */
    readSchema(): Promise<OneTableSchema | undefined>;
    /** The lock, if any; CorruptStateError for a lock item of an unknown format (lock.ts). */
    readLock(): Promise<LockInfo | undefined>;
    /** Takes the lock, or takes over one whose lease has expired; LockHeldError naming the holder (lock.ts). */
    acquireLock(opts: {
        owner: string;
        command: string;
        runUrl?: string | undefined;
        leaseMs: number;
        now?: number;
    }): Promise<LockInfo>;
    /** Extends our lease; LockLostError if another run has taken the lock over (lock.ts). */
    renewLock(lockId: string, leaseMs: number): Promise<number>;
    /** Deletes the lock if it is still ours (lock.ts). */
    releaseLock(lockId: string): Promise<void>;
    /** `unlock <lock-id>`: removes a lock only when the caller names it (lock.ts). */
    forceUnlock(lockId: string): Promise<LockInfo>;
    /**
     * Writes a `_migration` record, fenced by `lockId` when given; `replace` overwrites the record
     * of the same version and date (records.ts).
     */
    writeRecord(rec: NewRecord, lockId?: string, opts?: {
        replace?: boolean;
    }): Promise<MigrationRecord>;
    /** Deletes every record of a version (but `except`, a record's key), as OneTable's down does (records.ts). */
    deleteVersionRecords(version: string, lockId?: string, opts?: {
        except?: string;
    }): Promise<number>;
    /** Deletes every `_migration` record (reset; records.ts). */
    deleteAllRecords(lockId?: string): Promise<number>;
    /** Overwrites the `_schema:Current` item, or deletes it when undefined; fenced (schema-item.ts). */
    writeSchema(schemaItem: OneTableSchema | undefined, lockId?: string): Promise<void>;
    /** Appends to the audit log, which is never deleted (audit-log.ts). */
    appendLog(entry: LogEntry): Promise<void>;
    /** The audit log, newest first (audit-log.ts). */
    readLog(limit?: number): Promise<LogEntry[]>;
}
