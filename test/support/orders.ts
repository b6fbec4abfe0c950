import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { scanAll } from './dynamodb-local';

/**
 * The orders of the `checks` fixture project (test/fixtures/projects/checks): `n` Orders over 10
 * organisations, each with an amount and a customerId, plus any `extra` items (an Order without
 * a customerId trips the migration's `before`).
 */
export async function seedOrders(
  client: DynamoDBClient,
  table: string,
  n: number,
  extra: Record<string, unknown>[] = [],
): Promise<void> {
  const items = [
    ...Array.from({ length: n }, (_, i) => ({
      pk: `ORG#${i % 10}`,
      sk: `Order#${String(i).padStart(6, '0')}`,
      _type: 'Order',
      amount: i % 97,
      customerId: `c${i % 50}`,
    })),
    ...extra,
  ];
  for (let i = 0; i < items.length; i += 25) {
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: marshall(it) } })) },
      }),
    );
  }
}

/** The orders only, raw (every attribute as stored), sorted by key. */
export async function orderItems(client: DynamoDBClient, table: string) {
  return (await scanAll(client, table))
    .filter((i) => i.pk?.S?.startsWith('ORG#'))
    .sort((a, b) => (a.sk!.S! < b.sk!.S! ? -1 : 1));
}
