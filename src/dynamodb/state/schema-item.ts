import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { SCHEMA_HASH_VALUE, SCHEMA_SORT_VALUE } from '../../core/schema';
import type { OneTableSchema } from '../../core/types';
import { fencedWrite } from './fenced-write';
import type { StateTable } from './state-table';

/** The `_schema:Current` item (OneTable's format) without its key, if any. */
export async function readSchema(t: StateTable): Promise<OneTableSchema | undefined> {
  const k = await t.keys();
  const res = await t.retried(() =>
    t.client.send(
      new GetItemCommand({
        TableName: t.name,
        Key: marshall({ [k.hash]: SCHEMA_HASH_VALUE, [k.sort]: SCHEMA_SORT_VALUE }),
        ConsistentRead: true,
      }),
    ),
  );
  if (!res.Item) return undefined;
  const item = unmarshall(res.Item);
  delete item[k.hash];
  delete item[k.sort];
  return item;
}

/** Overwrites the `_schema:Current` item, or deletes it when undefined. Fenced like a record. */
export async function writeSchema(
  t: StateTable,
  schemaItem: OneTableSchema | undefined,
  lockId?: string,
): Promise<void> {
  const k = await t.keys();
  const Key = { [k.hash]: SCHEMA_HASH_VALUE, [k.sort]: SCHEMA_SORT_VALUE };
  if (!schemaItem) {
    await fencedWrite(t, lockId, [{ Delete: { TableName: t.name, Key: marshall(Key) } }]);
    return;
  }
  const item = marshall({ ...schemaItem, ...Key }, { removeUndefinedValues: true, convertClassInstanceToMap: true });
  await fencedWrite(t, lockId, [{ Put: { TableName: t.name, Item: item } }]);
}
