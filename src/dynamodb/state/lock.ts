import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { createHash, randomUUID } from 'node:crypto';
import { CorruptStateError, InputError, LockHeldError, LockLostError } from '../../core/errors';
import type { LockInfo } from '../../core/types';
import { type StateTable, stableItemJson } from './state-table';
import { type TableKeys, withoutKeys } from './table-description';

/** Hash and sort key value of the one lock item. */
export const LOCK_HASH = '_migration_lock';

/** The lock item's key, marshalled. */
export function lockKey(k: TableKeys): Record<string, AttributeValue> {
  return marshall({ [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH });
}

/** The lock item as stored, if any (read strongly consistent). */
export async function readLockItem(t: StateTable): Promise<Record<string, AttributeValue> | undefined> {
  const k = await t.keys();
  const res = await t.retried(() =>
    t.client.send(new GetItemCommand({ TableName: t.name, Key: lockKey(k), ConsistentRead: true })),
  );
  return res.Item;
}

/** The lock an item holds, or undefined when it is not a lock item as this tool writes them. */
export function lockInfoOf(raw: Record<string, unknown>): LockInfo | undefined {
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

/** The lock, if any. Throws CorruptStateError for a lock item of an unknown format (naming the unlock command). */
export async function readLock(t: StateTable): Promise<LockInfo | undefined> {
  const item = await readLockItem(t);
  if (!item) return undefined;
  const raw = unmarshall(item);
  const lock = lockInfoOf(raw);
  if (!lock) {
    const k = await t.keys();
    throw new CorruptStateError(
      `${t.name}: the lock item ${k.hash}=${LOCK_HASH}, ${k.sort}=${LOCK_HASH} has an unknown format (${JSON.stringify(withoutKeys(raw, k)).slice(0, 200)}): ` +
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
export async function acquireLock(
  t: StateTable,
  opts: { owner: string; command: string; runUrl?: string | undefined; leaseMs: number; now?: number },
): Promise<LockInfo> {
  await t.assertHomeRegion();
  const k = await t.keys();
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
    await t.retried(() =>
      t.client.send(
        new PutItemCommand({
          TableName: t.name,
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
      const held = await readLock(t).catch((err: unknown) => {
        if (err instanceof CorruptStateError) throw err;
        return undefined;
      });
      // A retried request whose first attempt took the lock (the answer was lost on the way).
      if (held?.lockId === lock.lockId) return lock;
      throw new LockHeldError(describeHolder(t.name, held));
    }
    throw e;
  }
}

/** Extends our lease; throws LockLostError if another run has taken the lock over. */
export async function renewLock(t: StateTable, lockId: string, leaseMs: number): Promise<number> {
  const k = await t.keys();
  const now = Date.now();
  try {
    await t.retried(() =>
      t.client.send(
        new UpdateItemCommand({
          TableName: t.name,
          Key: lockKey(k),
          UpdateExpression: 'SET leaseExpiresAt = :exp, heartbeatAt = :now',
          ConditionExpression: 'lockId = :id',
          ExpressionAttributeValues: marshall({ ':exp': now + leaseMs, ':now': now, ':id': lockId }),
        }),
      ),
    );
    return now + leaseMs;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) {
      const held = await readLock(t).catch(() => undefined);
      throw new LockLostError(
        `${t.name}: this run's lock ${lockId} was taken over${held ? ` by ${held.owner} (lock id ${held.lockId})` : ''}; stopped before writing again.`,
      );
    }
    throw e;
  }
}

/** Deletes the lock if it is still ours (no error if it is already gone). */
export async function releaseLock(t: StateTable, lockId: string): Promise<void> {
  const k = await t.keys();
  try {
    await t.retried(() =>
      t.client.send(
        new DeleteItemCommand({
          TableName: t.name,
          Key: lockKey(k),
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
export async function forceUnlock(t: StateTable, lockId: string): Promise<LockInfo> {
  await t.assertHomeRegion();
  const item = await readLockItem(t);
  if (!item) throw new InputError(`${t.name} is not locked: nothing to unlock.`);
  const raw = unmarshall(item);
  const held = lockInfoOf(raw);
  if (!held) return removeUnknownLock(t, lockId, item, raw);
  if (held.lockId !== lockId) {
    throw new InputError(
      `unlock ${lockId}: the lock on ${t.name} has id ${held.lockId} (held by ${held.owner}); pass that id to unlock it.`,
    );
  }
  await releaseLock(t, lockId);
  return held;
}

async function removeUnknownLock(
  t: StateTable,
  lockId: string,
  item: Record<string, AttributeValue>,
  raw: Record<string, unknown>,
): Promise<LockInfo> {
  const id = unknownLockId(item, raw);
  if (lockId !== id)
    throw new InputError(
      `unlock ${lockId}: the lock item on ${t.name} has an unknown format; its id is ${id}: pass ${id} to remove it.`,
    );
  const k = await t.keys();
  const ownId = typeof raw.lockId === 'string' ? raw.lockId : undefined;
  try {
    await t.retried(() =>
      t.client.send(
        new DeleteItemCommand({
          TableName: t.name,
          Key: lockKey(k),
          // Never a lock a run of ours has written meanwhile (it has a lockId of its own).
          ...(ownId
            ? { ConditionExpression: 'lockId = :id', ExpressionAttributeValues: marshall({ ':id': ownId }) }
            : { ConditionExpression: 'attribute_not_exists(lockId)' }),
        }),
      ),
    );
  } catch (e) {
    if (!(e instanceof ConditionalCheckFailedException)) throw e;
    throw new LockHeldError(describeHolder(t.name, await readLock(t).catch(() => undefined)));
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

/** How `unlock` names a lock item of an unknown format: its lockId if it has one, else a fingerprint of the item. */
function unknownLockId(item: Record<string, AttributeValue>, raw: Record<string, unknown>): string {
  if (typeof raw.lockId === 'string' && raw.lockId) return raw.lockId;
  return `unknown-${createHash('sha256').update(stableItemJson(item)).digest('hex').slice(0, 12)}`;
}

/** Who holds the lock, since when, until when, and what to do: the message of LockHeldError. */
export function describeHolder(table: string, held: LockInfo | undefined): string {
  if (!held) return `${table} is locked by another run (the lock was released while checking; retry).`;
  return (
    `${table} is locked by ${held.owner} (lock id ${held.lockId}, ${held.command}${held.runUrl ? `, ${held.runUrl}` : ''}) ` +
    `since ${new Date(held.acquiredAt).toISOString()}, lease until ${new Date(held.leaseExpiresAt).toISOString()}. ` +
    `Wait for it to finish; if that run is dead, the lock is taken over once its lease expires, or remove it with unlock ${held.lockId}.`
  );
}
