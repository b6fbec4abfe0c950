import {
  BatchExecuteStatementCommand,
  BatchWriteItemCommand,
  DynamoDBClient,
  ScanCommand,
  type AttributeValue,
  type BatchStatementRequest,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { migrateCustomer } from '../data';

type AV = Record<string, AttributeValue>;

/**
 * The client the bare-SDK bounds (c) and (c') send through: one of the SDK's own making, with the
 * settings of createDynamoClient (region, endpoint, dummy credentials, 6 attempts) and nothing
 * else, so the SDK's default middleware stack (its logger middleware included), where our client
 * leaves out what it does not need. A bound is what a script with the bare SDK gets.
 */
export const bareClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 6,
  });
const jitter = (attempt: number): Promise<void> =>
  new Promise((r) => setTimeout(r, Math.random() * Math.min(2000, 2 ** attempt * 10)));
const THROTTLES = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException']);

/**
 * Sends until DynamoDB takes the request: what a script needs once the SDK's own retries give
 * up on throttling (on a provisioned table they do, within seconds). DynamoDB Local never
 * throttles, so there this is one plain `send`.
 */
async function untilAccepted<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (!THROTTLES.has((err as Error).name)) throw err;
      await jitter(attempt);
    }
  }
}

/** `segments` parallel Scans of the customers, each page handed to `write` before the next is read. */
async function scanCustomers(
  client: DynamoDBClient,
  table: string,
  segments: number,
  write: (items: AV[]) => Promise<void>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: AV | undefined;
      do {
        const res = await untilAccepted(() =>
          client.send(
            new ScanCommand({
              TableName: table,
              Segment: segment,
              TotalSegments: segments,
              ExclusiveStartKey: start,
              FilterExpression: '#t = :c',
              ExpressionAttributeNames: { '#t': '_type' },
              ExpressionAttributeValues: { ':c': { S: 'Customer' } },
            }),
          ),
        );
        await write(res.Items ?? []);
        start = res.LastEvaluatedKey;
      } while (start);
    }),
  );
}

/** Runs `writers` workers over the page's batches of 25. */
async function inBatches<T>(items: T[], writers: number, send: (batch: T[]) => Promise<void>): Promise<void> {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let b = batches.shift(); b; b = batches.shift()) await send(b);
    }),
  );
}

/**
 * Variant (c), the upper bound: `segments` parallel Scans, each keeping `writers` BatchWriteItem
 * calls of 25 in flight, unprocessed items retried with full jitter; no checkpoints, no
 * counts, no rate limit. Whole items are written back: an application write made between the
 * read and the write is lost.
 */
export async function runBareSdk(
  client: DynamoDBClient,
  table: string,
  segments: number,
  writers: number,
): Promise<{ ms: number; written: number }> {
  let written = 0;
  const started = performance.now();
  await scanCustomers(client, table, segments, async (page) => {
    const requests: WriteRequest[] = page.map((raw) => {
      const { name: _name, ...rest } = unmarshall(raw);
      return { PutRequest: { Item: marshall({ ...rest, ...migrateCustomer(unmarshall(raw)) }) } };
    });
    written += page.length;
    await inBatches(requests, writers, async (batch) => {
      let pending = batch;
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt) await jitter(attempt);
        const res = await untilAccepted(() =>
          client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } })),
        );
        pending = res.UnprocessedItems?.[table] ?? [];
      }
    });
  });
  return { ms: performance.now() - started, written };
}

/** Per-statement errors of BatchExecuteStatement that pass if sent again. */
const STATEMENT_RETRY = new Set([
  'ProvisionedThroughputExceeded',
  'ThrottlingError',
  'RequestLimitExceeded',
  'InternalServerError',
  'TransactionConflict',
]);

/**
 * Variant (c'), the bound with the default's safety: the same parallel Scan, and each customer
 * updated in place by a PartiQL UPDATE (only the attributes the migration sets or removes, and
 * only if the item still exists), 25 to a BatchExecuteStatement, `writers` in flight per
 * segment; throttled statements sent again with jitter. No checkpoints, counts or rate limit.
 */
export async function runSafeBareSdk(
  client: DynamoDBClient,
  table: string,
  segments: number,
  writers: number,
): Promise<{ ms: number; written: number }> {
  let written = 0;
  const started = performance.now();
  const statement = `UPDATE "${table}" SET "gs1pk" = ? SET "gs1sk" = ? SET "fullName" = ? REMOVE "name" WHERE "pk" = ? AND "sk" = ?`;
  await scanCustomers(client, table, segments, async (page) => {
    const statements: BatchStatementRequest[] = page.map((raw) => {
      const m = migrateCustomer(unmarshall(raw));
      return {
        Statement: statement,
        Parameters: [{ S: m.gs1pk }, { S: m.gs1sk }, { S: String(m.fullName) }, raw.pk!, raw.sk!],
      };
    });
    await inBatches(statements, writers, async (batch) => {
      let pending = batch;
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt) await jitter(attempt);
        const sent = pending;
        const res = await untilAccepted(() => client.send(new BatchExecuteStatementCommand({ Statements: sent })));
        pending = sent.filter((_, i) => STATEMENT_RETRY.has(res.Responses?.[i]?.Error?.Code ?? ''));
        written += sent.length - pending.length;
      }
    });
  });
  return { ms: performance.now() - started, written };
}
