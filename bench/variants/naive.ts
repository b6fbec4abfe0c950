import { ScanCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { migrateCustomer } from '../data';

/**
 * Variant (d): one sequential Scan and one awaited UpdateItem per customer, the hand-written
 * loop. Stops after `limit` items read (a prefix of the table) so that it ends in reasonable
 * time; its rate is extrapolated from the prefix.
 */
export async function runNaive(
  client: DynamoDBClient,
  table: string,
  limit: number,
): Promise<{ ms: number; scanned: number }> {
  let scanned = 0;
  const started = performance.now();
  let start: Record<string, AttributeValue> | undefined;
  do {
    const res = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, Limit: Math.min(1000, limit - scanned) }),
    );
    for (const raw of res.Items ?? []) {
      scanned++;
      const item = unmarshall(raw);
      if (item._type !== 'Customer') continue;
      const m = migrateCustomer(item);
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { pk: raw.pk!, sk: raw.sk! },
          UpdateExpression: 'SET gs1pk = :p, gs1sk = :s, fullName = :f REMOVE #n',
          ExpressionAttributeNames: { '#n': 'name' },
          ExpressionAttributeValues: { ':p': { S: m.gs1pk }, ':s': { S: m.gs1sk }, ':f': { S: String(m.fullName) } },
        }),
      );
    }
    start = res.LastEvaluatedKey;
  } while (start && scanned < limit);
  return { ms: performance.now() - started, scanned };
}
