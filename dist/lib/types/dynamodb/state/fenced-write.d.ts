import { type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { StateTable } from './state-table.js';
/**
 * Writes the state (records, schema item) so that they happen only while the run's lock is
 * still ours: with a lock id, in one transaction that also checks the lock item; on an MRSC
 * global table, which has no transactions, one at a time right after reading the lock. Without
 * a lock id the writes go as they are. Refused first from a replica other than the home region.
 */
export declare function fencedWrite(t: StateTable, lockId: string | undefined, writes: TransactWriteItem[]): Promise<void>;
/** A write sent one at a time (MRSC) failed its condition; `index` counts as in the transaction it stands for. */
export declare class WriteConditionFailed extends Error {
    readonly index: number;
    constructor(index: number, cause: unknown);
}
/**
 * True when a fenced write failed on the condition of write `index` of the group as
 * `fencedWrite` sends it (with a lock id, the lock's check is 0 and the writes follow).
 */
export declare function isConditionFailure(e: unknown, index: number): boolean;
