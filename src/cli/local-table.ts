import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { OneTableSchema } from '../core/types';

/**
 * Creates the environment's table in DynamoDB Local when it is missing (only with --local):
 * key and GSI names come from the newest migration's OneTable schema, else pk/sk.
 */
export async function ensureLocalTable(
  client: DynamoDBClient,
  table: string,
  schema: OneTableSchema | undefined,
): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: table }));
    return false;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  const indexes = (schema?.indexes ?? { primary: { hash: 'pk', sort: 'sk' } }) as Record<
    string,
    { hash?: string; sort?: string }
  >;
  const primary = indexes.primary ?? { hash: 'pk', sort: 'sk' };
  const attrs = new Set<string>();
  const keySchema = (i: { hash?: string; sort?: string }) => {
    const ks: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[] = [];
    if (i.hash) {
      ks.push({ AttributeName: i.hash, KeyType: 'HASH' });
      attrs.add(i.hash);
    }
    if (i.sort) {
      ks.push({ AttributeName: i.sort, KeyType: 'RANGE' });
      attrs.add(i.sort);
    }
    return ks;
  };
  const KeySchema = keySchema({ hash: primary.hash ?? 'pk', sort: primary.sort ?? 'sk' });
  const gsis = Object.entries(indexes)
    .filter(([name, i]) => name !== 'primary' && i.hash)
    .map(([name, i]) => ({ IndexName: name, KeySchema: keySchema(i), Projection: { ProjectionType: 'ALL' as const } }));
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema,
      AttributeDefinitions: [...attrs].map((a) => ({ AttributeName: a, AttributeType: 'S' as const })),
      ...(gsis.length ? { GlobalSecondaryIndexes: gsis } : {}),
    }),
  );
  return true;
}
