import type { MigrationRecord } from '../../core/types.js';
import { type TableKeys } from './table-description.js';
/**
 * The one codec of a `_migration` record, in OneTable Migrate's format: to the item this tool
 * writes, from an item in the table, and from OneTable's `getPastMigrations` answer (over
 * JSON). OneTable reads these items too, so their shape is a contract.
 */
/** Hash key value of the records (OneTable's). */
export declare const MIGRATION_HASH = "_migration";
/** A record's sort key value: `_migration:<version>:<date in ms>`. */
export declare function recordKey(version: string, date: number): string;
/**
 * The item of a record (unmarshalled; an undefined attribute is not written). The sort key is
 * the record's key; `_type` is OneTable's model name.
 */
export declare function recordToItem(rec: MigrationRecord, k: TableKeys): Record<string, unknown>;
/**
 * The record of a `_migration` item (unmarshalled), or CorruptStateError naming the item and
 * what to do when it cannot be one: planning on a history that was read wrong would run or
 * skip the wrong steps. OneTable's own items are read too (date as an ISO string, no status).
 */
export declare function recordFromItem(i: Record<string, unknown>, k: TableKeys, table: string): MigrationRecord;
/**
 * A record as OneTable's `getPastMigrations` answers it through a Lambda (JSON: the date an ISO
 * string, no key, no status before OneTable 2023-09). The key is made from version and date.
 */
export declare function recordFromOneTableAnswer(r: Record<string, unknown>): MigrationRecord;
