import { type AttributeValue, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { MigrationRecord } from '../../core/types';
import { fencedWrite, isConditionFailure, WriteConditionFailed } from './fenced-write';
import { MIGRATION_HASH, recordFromItem, recordKey, recordToItem } from './record-codec';
import { type StateTable, stableItemJson } from './state-table';

/** A record as written: everything but the key, which the store derives. */
export type NewRecord = Omit<MigrationRecord, 'key' | 'date'> & { date?: number };

/** All `_migration` records, oldest first. Throws CorruptStateError at an item that is not a record. */
export async function readRecords(t: StateTable): Promise<MigrationRecord[]> {
  const items = await t.queryHash(MIGRATION_HASH);
  const k = await t.keys();
  return items.map((i) => recordFromItem(i, k, t.name)).sort((a, b) => a.date - b.date || a.key.localeCompare(b.key));
}

/**
 * Writes a `_migration` record. With a lock id the write is fenced: it happens only while
 * that lock is still ours, in one transaction. `replace` overwrites the record of the same
 * version and date (a step's "running" record, by its outcome).
 */
export async function writeRecord(
  t: StateTable,
  rec: NewRecord,
  lockId?: string,
  opts: { replace?: boolean } = {},
): Promise<MigrationRecord> {
  const k = await t.keys();
  let date = rec.date ?? Date.now();
  for (let attempt = 0; ; attempt++) {
    const full: MigrationRecord = { ...rec, date, key: recordKey(rec.version, date) };
    const item = marshall(recordToItem(full, k), { removeUndefinedValues: true });
    try {
      await fencedWrite(t, lockId, [
        opts.replace
          ? { Put: { TableName: t.name, Item: item } }
          : {
              Put: {
                TableName: t.name,
                Item: item,
                ConditionExpression: 'attribute_not_exists(#h)',
                ExpressionAttributeNames: { '#h': k.hash },
              },
            },
      ]);
      return full;
    } catch (e) {
      // Two records of one version in the same millisecond: move to the next one.
      if (isConditionFailure(e, lockId ? 1 : 0) && attempt < 5) {
        // Written one at a time (MRSC), a retried put whose first attempt landed fails its own condition.
        if (e instanceof WriteConditionFailed && (await holds(t, item))) return full;
        date += 1;
        continue;
      }
      throw e;
    }
  }
}

/** Deletes every record of a version (but `except`, a record's key), as OneTable's down does. Fenced like writeRecord. */
export async function deleteVersionRecords(
  t: StateTable,
  version: string,
  lockId?: string,
  opts: { except?: string } = {},
): Promise<number> {
  await t.assertHomeRegion();
  const k = await t.keys();
  const records = (await readRecords(t)).filter((r) => r.version === version && r.key !== opts.except);
  for (let i = 0; i < records.length; i += 90) {
    const chunk = records.slice(i, i + 90);
    await fencedWrite(
      t,
      lockId,
      chunk.map((r) => ({
        Delete: { TableName: t.name, Key: marshall({ [k.hash]: MIGRATION_HASH, [k.sort]: r.key }) },
      })),
    );
  }
  return records.length;
}

/** Deletes every `_migration` record (reset). */
export async function deleteAllRecords(t: StateTable, lockId?: string): Promise<number> {
  const versions = new Set((await readRecords(t)).map((r) => r.version));
  let n = 0;
  for (const v of versions) n += await deleteVersionRecords(t, v, lockId);
  return n;
}

/** Whether the table holds exactly this item (read strongly consistent). */
async function holds(t: StateTable, item: Record<string, AttributeValue>): Promise<boolean> {
  const k = await t.keys();
  const key = { [k.hash]: item[k.hash]!, [k.sort]: item[k.sort]! };
  const res = await t.retried(() =>
    t.client.send(new GetItemCommand({ TableName: t.name, Key: key, ConsistentRead: true })),
  );
  return !!res.Item && stableItemJson(res.Item) === stableItemJson(item);
}
