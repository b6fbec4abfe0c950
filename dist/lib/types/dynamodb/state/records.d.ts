import type { MigrationRecord } from '../../core/types.js';
import { type StateTable } from './state-table.js';
/** A record as written: everything but the key, which the store derives. */
export type NewRecord = Omit<MigrationRecord, 'key' | 'date'> & {
    date?: number;
};
/** All `_migration` records, oldest first. Throws CorruptStateError at an item that is not a record. */
export declare function readRecords(t: StateTable): Promise<MigrationRecord[]>;
/**
 * Writes a `_migration` record. With a lock id the write is fenced: it happens only while
 * that lock is still ours, in one transaction. `replace` overwrites the record of the same
 * version and date (a step's "running" record, by its outcome).
 */
export declare function writeRecord(t: StateTable, rec: NewRecord, lockId?: string, opts?: {
    replace?: boolean;
}): Promise<MigrationRecord>;
/** Deletes every record of a version (but `except`, a record's key), as OneTable's down does. Fenced like writeRecord. */
export declare function deleteVersionRecords(t: StateTable, version: string, lockId?: string, opts?: {
    except?: string;
}): Promise<number>;
/** Deletes every `_migration` record (reset). */
export declare function deleteAllRecords(t: StateTable, lockId?: string): Promise<number>;
