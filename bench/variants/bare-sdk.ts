import { BatchWriteItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { migrateCustomer } from '../data';

/**
 * Variant (c), the upper bound: `segments` parallel Scans, each keeping `writers` BatchWriteItem
 * calls of 25 in flight, unprocessed items retried with full jitter; no checkpoints, no
 * counts, no rate limit.
 */
export async function runBareSdk(client: DynamoDBClient, table: string, segments: number, writers: number): Promise<{ ms: number; written: number }> {
  let written = 0;
  const started = performance.now();
  const write = async (requests: WriteRequest[]): Promise<void> => {
    for (let attempt = 0; requests.length; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, Math.random() * 2 ** attempt * 10));
      const res = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
      requests = res.UnprocessedItems?.[table] ?? [];
    }
  };
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
            FilterExpression: '#t = :c',
            ExpressionAttributeNames: { '#t': '_type' },
            ExpressionAttributeValues: { ':c': { S: 'Customer' } },
          }),
        );
        const batches: WriteRequest[][] = [];
        let batch: WriteRequest[] = [];
        for (const raw of res.Items ?? []) {
          const { name: _name, ...rest } = unmarshall(raw);
          batch.push({ PutRequest: { Item: marshall({ ...rest, ...migrateCustomer(unmarshall(raw)) }) } });
          if (batch.length === 25) batches.push(batch), (batch = []);
        }
        if (batch.length) batches.push(batch);
        written += res.Items?.length ?? 0;
        await Promise.all(Array.from({ length: writers }, async () => {
          for (let b = batches.shift(); b; b = batches.shift()) await write(b);
        }));
        start = res.LastEvaluatedKey;
      } while (start);
    }),
  );
  return { ms: performance.now() - started, written };
}
