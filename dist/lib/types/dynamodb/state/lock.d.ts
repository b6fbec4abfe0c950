import { type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { LockInfo } from '../../core/types.js';
import { type StateTable } from './state-table.js';
import { type TableKeys } from './table-description.js';
/** Hash and sort key value of the one lock item. */
export declare const LOCK_HASH = "_migration_lock";
/** The lock item's key, marshalled. */
export declare function lockKey(k: TableKeys): Record<string, AttributeValue>;
/** The lock item as stored, if any (read strongly consistent). */
export declare function readLockItem(t: StateTable): Promise<Record<string, AttributeValue> | undefined>;
/** The lock an item holds, or undefined when it is not a lock item as this tool writes them. */
export declare function lockInfoOf(raw: Record<string, unknown>): LockInfo | undefined;
/** The lock, if any. Throws CorruptStateError for a lock item of an unknown format (naming the unlock command). */
export declare function readLock(t: StateTable): Promise<LockInfo | undefined>;
/**
 * Takes the lock, or takes over one whose lease has expired. Throws LockHeldError naming
 * the holder when it is held.
 */
export declare function acquireLock(t: StateTable, opts: {
    owner: string;
    command: string;
    runUrl?: string | undefined;
    leaseMs: number;
    now?: number;
}): Promise<LockInfo>;
/** Extends our lease; throws LockLostError if another run has taken the lock over. */
export declare function renewLock(t: StateTable, lockId: string, leaseMs: number): Promise<number>;
/** Deletes the lock if it is still ours (no error if it is already gone). */
export declare function releaseLock(t: StateTable, lockId: string): Promise<void>;
/**
 * `unlock <lock-id>`: removes a lock only when the caller names it. A lock item of an unknown
 * format is named by the id its error message gives (its `lockId` when it has one as a string,
 * else `unknown-<fingerprint of the item>`).
 */
export declare function forceUnlock(t: StateTable, lockId: string): Promise<LockInfo>;
/** Who holds the lock, since when, until when, and what to do: the message of LockHeldError. */
export declare function describeHolder(table: string, held: LockInfo | undefined): string;
