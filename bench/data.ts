import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

/** The three entity types of the benchmark table, in turn. */
export const TYPES = ['Customer', 'Order', 'Product'] as const;
const PREFIX = { Customer: 'CUST', Order: 'ORD', Product: 'PROD' } as const;
const PAD = 'x'.repeat(880);

/**
 * The i-th item: about 1 KB (a pad keeps every write at one write unit). The three types in
 * turn, or only customers (`customersOnly`: every item is one the migration rewrites).
 */
export function benchItem(i: number, customersOnly = false): Record<string, unknown> {
  const type = customersOnly ? 'Customer' : TYPES[i % 3]!;
  const id = String(i).padStart(8, '0');
  const key = `${PREFIX[type]}#${id}`;
  return {
    pk: key,
    sk: key,
    _type: type,
    id,
    name: `Name ${i}`,
    org: `org${i % 97}`,
    region: `region${i % 5}`,
    pad: PAD,
  };
}

/**
 * The migration every variant performs: give each customer GSI keys packed from two attributes
 * and rename `name` to `fullName`. Written so that running it twice writes the same result.
 */
export function migrateCustomer(c: Record<string, unknown>): { gs1pk: string; gs1sk: string; fullName: unknown } {
  return {
    gs1pk: `${String(c.org)}#${String(c.region)}`,
    gs1sk: `CUST#${String(c.id)}`,
    fullName: c.name ?? c.fullName,
  };
}

/** The OneTable schema of the benchmark table (used by the OneTable variant). */
export const ONETABLE_SCHEMA = {
  format: 'onetable:1.1.0',
  version: '0.0.1',
  indexes: { primary: { hash: 'pk', sort: 'sk' }, gs1: { hash: 'gs1pk', sort: 'gs1sk', project: 'all' } },
  models: Object.fromEntries(
    TYPES.map((t) => [
      t,
      {
        pk: { type: String, value: `${PREFIX[t]}#\${id}` },
        sk: { type: String, value: `${PREFIX[t]}#\${id}` },
        id: { type: String, required: true },
        name: { type: String },
        fullName: { type: String },
        org: { type: String },
        region: { type: String },
        pad: { type: String },
        gs1pk: { type: String },
        gs1sk: { type: String },
      },
    ]),
  ),
  params: { isoDates: false, timestamps: false },
} as const;

export async function createBenchTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gs1pk', 'gs1sk'].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gs1',
          KeySchema: [
            { AttributeName: 'gs1pk', KeyType: 'HASH' },
            { AttributeName: 'gs1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
}

export async function dropBenchTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: name })).catch(() => undefined);
}

/** Writes items 0..n-1, generated as they are written so the seeder's memory stays flat. */
export async function seedBenchTable(
  client: DynamoDBClient,
  table: string,
  n: number,
  customersOnly = false,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const start = next;
      next = Math.min(n, next + 25);
      let requests = Array.from({ length: next - start }, (_, j) => ({
        PutRequest: { Item: marshall(benchItem(start + j, customersOnly)) },
      }));
      while (requests.length) {
        const res = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
        requests = (res.UnprocessedItems?.[table] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Counts items by a parallel scan: all of them, and customers fully migrated. */
export async function verifyBenchTable(
  client: DynamoDBClient,
  table: string,
): Promise<{ items: number; migratedCustomers: number; customers: number }> {
  const out = { items: 0, migratedCustomers: 0, customers: 0 };
  const segments = 16;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, AttributeValue> | undefined;
      do {
        const res = await client.send(
          new ScanCommand({
            TableName: table,
            Segment: segment,
            TotalSegments: segments,
            ExclusiveStartKey: start,
            ProjectionExpression: '#t, gs1pk, fullName, #n, pk',
            ExpressionAttributeNames: { '#t': '_type', '#n': 'name' },
          }),
        );
        for (const item of res.Items ?? []) {
          if (item.pk?.S?.startsWith('_')) continue;
          out.items++;
          if (item._type?.S !== 'Customer') continue;
          out.customers++;
          if (item.gs1pk?.S && item.fullName?.S && !item.name) out.migratedCustomers++;
        }
        start = res.LastEvaluatedKey;
      } while (start);
    }),
  );
  return out;
}
