import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { LockLostError } from '../../core/errors';
import { lockInfoOf, lockKey, readLockItem } from './lock';
import type { StateTable } from './state-table';

/**
 * Writes the state (records, schema item) so that they happen only while the run's lock is
 * still ours: with a lock id, in one transaction that also checks the lock item; on an MRSC
 * global table, which has no transactions, one at a time right after reading the lock. Without
 * a lock id the writes go as they are. Refused first from a replica other than the home region.
 */
export async function fencedWrite(
  t: StateTable,
  lockId: string | undefined,
  writes: TransactWriteItem[],
): Promise<void> {
  if (!writes.length) return;
  await t.assertHomeRegion();
  if ((await t.describe()).global?.consistency === 'STRONG') return oneByOne(t, lockId, writes);
  const k = await t.keys();
  const items: TransactWriteItem[] = lockId
    ? [
        {
          ConditionCheck: {
            TableName: t.name,
            Key: lockKey(k),
            ConditionExpression: 'lockId = :id',
            ExpressionAttributeValues: marshall({ ':id': lockId }),
          },
        },
        ...writes,
      ]
    : writes;
  try {
    // One token for every attempt: a retried transaction that already landed is not applied twice.
    const token = randomUUID();
    await t.retried(() =>
      t.client.send(new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: token })),
    );
  } catch (e) {
    if (lockId && isConditionFailure(e, 0)) throw lockLost(t, lockId);
    throw e;
  }
}

/**
 * Fencing without transactions, for MRSC global tables, which have none. There a strongly
 * consistent read and a condition see the latest write from any region, so the lock is read
 * right before the writes, which then go one at a time, each with its own condition. Where a
 * transaction leaves no gap, this leaves one round trip between the check and a write; the
 * lease (taken over only once it has expired) and the heartbeat's fencing cover that gap.
 */
async function oneByOne(t: StateTable, lockId: string | undefined, writes: TransactWriteItem[]): Promise<void> {
  if (lockId) {
    const item = await readLockItem(t);
    const held = item ? lockInfoOf(unmarshall(item)) : undefined;
    if (held?.lockId !== lockId) throw lockLost(t, lockId);
  }
  for (const [i, w] of writes.entries()) {
    try {
      await t.retried(() => sendSingle(t.client, w));
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) throw new WriteConditionFailed(i + (lockId ? 1 : 0), e);
      throw e;
    }
  }
}

function lockLost(t: StateTable, lockId: string): LockLostError {
  return new LockLostError(
    `${t.name}: this run's lock ${lockId} is no longer held (taken over after its lease expired); stopped before writing.`,
  );
}

/** A write sent one at a time (MRSC) failed its condition; `index` counts as in the transaction it stands for. */
export class WriteConditionFailed extends Error {
  constructor(
    readonly index: number,
    cause: unknown,
  ) {
    super(`write ${index} of a fenced group failed its condition`, { cause });
  }
}

/** One write of a TransactWriteItem, sent as a request of its own. */
function sendSingle(client: DynamoDBClient, w: TransactWriteItem): Promise<unknown> {
  if (w.Put) return client.send(new PutItemCommand(w.Put));
  if (w.Delete) return client.send(new DeleteItemCommand(w.Delete));
  if (w.Update) return client.send(new UpdateItemCommand(w.Update));
  return Promise.reject(new Error('a condition check cannot be sent on its own'));
}

/**
 * True when a fenced write failed on the condition of write `index` of the group as
 * `fencedWrite` sends it (with a lock id, the lock's check is 0 and the writes follow).
 */
export function isConditionFailure(e: unknown, index: number): boolean {
  if (e instanceof WriteConditionFailed) return e.index === index;
  if (e instanceof ConditionalCheckFailedException) return index === 0;
  if (e instanceof TransactionCanceledException)
    return e.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
  return false;
}
