import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ReplicationSettings } from '../../core/global-table';
import type { LockInfo, LogEntry, MigrationRecord, OneTableSchema, TableState } from '../../core/types';
import { appendLog, readLog } from './audit-log';
import { acquireLock, forceUnlock, readLock, releaseLock, renewLock } from './lock';
import { deleteAllRecords, deleteVersionRecords, type NewRecord, readRecords, writeRecord } from './records';
import { readSchema, writeSchema } from './schema-item';
import { StateTable } from './state-table';
import type { TableDescription, TableKeys } from './table-description';

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
export class StateStore {
  private t: StateTable;

  constructor(client: DynamoDBClient, table: string, options: StateStoreOptions = {}) {
    this.t = new StateTable(client, table, options.environment);
  }

  get client(): DynamoDBClient {
    return this.t.client;
  }

  get table(): string {
    return this.t.name;
  }

  /** The same store through another client (e.g. one of its own for the heartbeat), sharing what DescribeTable said. */
  withClient(client: DynamoDBClient): StateStore {
    const other = new StateStore(client, this.table);
    other.t = this.t.withClient(client);
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
  assertHomeRegion(outcome?: string): Promise<void> {
    return this.t.assertHomeRegion(outcome);
  }

  /** Key names and size of the table, from DescribeTable (read once). */
  describe(): Promise<TableDescription> {
    return this.t.describe();
  }

  keys(): Promise<TableKeys> {
    return this.t.keys();
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

  /** All `_migration` records, oldest first (records.ts). */
  readRecords(): Promise<MigrationRecord[]> {
    return readRecords(this.t);
  }

  /** The `_schema:Current` item without its key, if any (schema-item.ts). */
  readSchema(): Promise<OneTableSchema | undefined> {
    return readSchema(this.t);
  }

  /** The lock, if any; CorruptStateError for a lock item of an unknown format (lock.ts). */
  readLock(): Promise<LockInfo | undefined> {
    return readLock(this.t);
  }

  /** Takes the lock, or takes over one whose lease has expired; LockHeldError naming the holder (lock.ts). */
  acquireLock(opts: {
    owner: string;
    command: string;
    runUrl?: string | undefined;
    leaseMs: number;
    now?: number;
  }): Promise<LockInfo> {
    return acquireLock(this.t, opts);
  }

  /** Extends our lease; LockLostError if another run has taken the lock over (lock.ts). */
  renewLock(lockId: string, leaseMs: number): Promise<number> {
    return renewLock(this.t, lockId, leaseMs);
  }

  /** Deletes the lock if it is still ours (lock.ts). */
  releaseLock(lockId: string): Promise<void> {
    return releaseLock(this.t, lockId);
  }

  /** `unlock <lock-id>`: removes a lock only when the caller names it (lock.ts). */
  forceUnlock(lockId: string): Promise<LockInfo> {
    return forceUnlock(this.t, lockId);
  }

  /**
   * Writes a `_migration` record, fenced by `lockId` when given; `replace` overwrites the record
   * of the same version and date (records.ts).
   */
  writeRecord(rec: NewRecord, lockId?: string, opts: { replace?: boolean } = {}): Promise<MigrationRecord> {
    return writeRecord(this.t, rec, lockId, opts);
  }

  /** Deletes every record of a version (but `except`, a record's key), as OneTable's down does (records.ts). */
  deleteVersionRecords(version: string, lockId?: string, opts: { except?: string } = {}): Promise<number> {
    return deleteVersionRecords(this.t, version, lockId, opts);
  }

  /** Deletes every `_migration` record (reset; records.ts). */
  deleteAllRecords(lockId?: string): Promise<number> {
    return deleteAllRecords(this.t, lockId);
  }

  /** Overwrites the `_schema:Current` item, or deletes it when undefined; fenced (schema-item.ts). */
  writeSchema(schemaItem: OneTableSchema | undefined, lockId?: string): Promise<void> {
    return writeSchema(this.t, schemaItem, lockId);
  }

  /** Appends to the audit log, which is never deleted (audit-log.ts). */
  appendLog(entry: LogEntry): Promise<void> {
    return appendLog(this.t, entry);
  }

  /** The audit log, newest first (audit-log.ts). */
  readLog(limit?: number): Promise<LogEntry[]> {
    return readLog(this.t, limit);
  }
}
