import type { OneTableSchema } from '../../core/types.js';
import type { StateTable } from './state-table.js';
/** The `_schema:Current` item (OneTable's format) without its key, if any. */
export declare function readSchema(t: StateTable): Promise<OneTableSchema | undefined>;
/** Overwrites the `_schema:Current` item, or deletes it when undefined. Fenced like a record. */
export declare function writeSchema(t: StateTable, schemaItem: OneTableSchema | undefined, lockId?: string): Promise<void>;
