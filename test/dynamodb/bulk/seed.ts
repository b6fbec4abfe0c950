import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

export const TYPES = ['Customer', 'Order', 'Product'] as const;

/** The i-th test item: ten partitions, three entity types in turn. */
export function testItem(i: number): Record<string, unknown> {
  const type = TYPES[i % 3]!;
  return {
    pk: `ORG#${i % 10}`,
    sk: `${type}#${String(i).padStart(6, '0')}`,
    _type: type,
    id: i,
    name: `name-${i}`,
    region: `r${i % 4}`,
    n: 0,
  };
}

/** Writes items 0..n-1 with BatchWriteItem, a few batches at a time. */
export async function seed(
  client: DynamoDBClient,
  table: string,
  n: number,
  extra: Record<string, unknown>[] = [],
): Promise<void> {
  const all = [...Array.from({ length: n }, (_, i) => testItem(i)), ...extra];
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < all.length; i += 25) batches.push(all.slice(i, i + 25));
  const worker = async (): Promise<void> => {
    for (let b = batches.shift(); b; b = batches.shift()) {
      let requests = b.map((item) => ({ PutRequest: { Item: marshall(item) } }));
      while (requests.length) {
        const res = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
        requests = (res.UnprocessedItems?.[table] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Bookkeeping items a pass must never touch, dressed up to match every selection. */
export const BOOKKEEPING = [
  { pk: '_migration', sk: '_migration:1.0.0:1', _type: 'Customer', n: 0, version: '1.0.0' },
  { pk: '_schema', sk: '_schema:Current', _type: 'Customer', n: 0 },
  { pk: '_migration_lock', sk: '_migration_lock', _type: 'Customer', n: 0 },
];
