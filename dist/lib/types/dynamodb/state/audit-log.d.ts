import type { LogEntry } from '../../core/types.js';
import type { StateTable } from './state-table.js';
/** Hash key value of the audit log's entries. */
export declare const LOG_HASH = "_migration_log";
/** Appends to the audit log, which is never deleted. Not fenced: a run that lost its lock still says so. */
export declare function appendLog(t: StateTable, entry: LogEntry): Promise<void>;
/** The audit log, newest first. */
export declare function readLog(t: StateTable, limit?: number): Promise<LogEntry[]>;
