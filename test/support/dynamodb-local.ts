import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteTableCommand,
  type DynamoDBClient,
  ScanCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createDynamoClient } from '../../src/dynamodb/client';

/** Endpoint of the DynamoDB Local started once per test run (test/support/global-setup.ts). */
export function localEndpoint(): string {
  return inject('dynamodbEndpoint');
}

/** A client for the shared DynamoDB Local. */
export function localClient(endpoint = localEndpoint()): DynamoDBClient {
  return createDynamoClient({ endpoint, local: true, region: 'us-east-1' });
}

/** Creates a fresh table with the given key names (pk/sk by default) and returns its name. */
export async function createTestTable(
  client: DynamoDBClient,
  opts: { name?: string; hash?: string; sort?: string | null; gsi?: boolean } = {},
): Promise<string> {
  const name = opts.name ?? `t-${randomUUID().slice(0, 8)}`;
  const hash = opts.hash ?? 'pk';
  const sort = opts.sort === undefined ? 'sk' : opts.sort;
  const attrs = [{ AttributeName: hash, AttributeType: 'S' as const }];
  const keys = [{ AttributeName: hash, KeyType: 'HASH' as const }];
  if (sort) {
    attrs.push({ AttributeName: sort, AttributeType: 'S' });
    keys.push({ AttributeName: sort, KeyType: 'RANGE' as unknown as 'HASH' });
  }
  const gsis = opts.gsi
    ? [
        {
          IndexName: 'gs1',
          KeySchema: [
            { AttributeName: 'gs1pk', KeyType: 'HASH' as const },
            { AttributeName: 'gs1sk', KeyType: 'RANGE' as const },
          ],
          Projection: { ProjectionType: 'ALL' as const },
        },
      ]
    : undefined;
  if (gsis) attrs.push({ AttributeName: 'gs1pk', AttributeType: 'S' }, { AttributeName: 'gs1sk', AttributeType: 'S' });
  await client.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: attrs,
      KeySchema: keys,
      BillingMode: 'PAY_PER_REQUEST',
      ...(gsis ? { GlobalSecondaryIndexes: gsis } : {}),
    }),
  );
  return name;
}

export async function deleteTestTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: name })).catch(() => undefined);
}

/** Every item of a table, for before/after comparisons. */
export async function scanAll(client: DynamoDBClient, table: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const res = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return items;
}
