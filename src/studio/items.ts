import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { InputError } from '../core/errors';

/** One page of a model's items, as the data view shows it. */
export interface ItemsPage {
  model: string;
  items: Record<string, unknown>[];
  /** Items the scan read for this page (of every model); the filter keeps this model's. */
  scanned: number;
  /** Read units the page cost. */
  readUnits: number;
  /** Where the next page starts; null at the end of the table. */
  cursor: string | null;
}

/**
 * Pages through one model's items with a read-only scan: at most `pageSize` items read per page
 * (the filter on the type attribute keeps the model's), and pages spaced so the reads stay under
 * `readRate` units per second, however fast the page asks.
 */
export class ItemBrowser {
  private nextReadAt = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly o: {
      client: DynamoDBClient;
      table: string;
      readRate: number;
      now?: () => number;
      sleep?: (ms: number) => Promise<void>;
    },
  ) {}

  page(q: { model: string; typeField: string; cursor?: string | undefined; pageSize: number }): Promise<ItemsPage> {
    const run = this.queue.then(() => this.read(q));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(q: { model: string; typeField: string; cursor?: string | undefined; pageSize: number }) {
    const now = this.o.now ?? Date.now;
    const wait = this.nextReadAt - now();
    if (wait > 0) await (this.o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(wait);
    const out = await this.o.client.send(
      new ScanCommand({
        TableName: this.o.table,
        Limit: q.pageSize,
        FilterExpression: '#t = :m',
        ExpressionAttributeNames: { '#t': q.typeField },
        ExpressionAttributeValues: { ':m': { S: q.model } },
        ExclusiveStartKey: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    // A page costs at least half a unit (one eventually consistent read), whatever is reported.
    const readUnits = Math.max(0.5, out.ConsumedCapacity?.CapacityUnits ?? 0);
    this.nextReadAt = now() + (readUnits / this.o.readRate) * 1000;
    return {
      model: q.model,
      items: (out.Items ?? []).map((i) => unmarshall(i)),
      scanned: out.ScannedCount ?? 0,
      readUnits,
      cursor: out.LastEvaluatedKey ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString('base64url') : null,
    };
  }
}

function decodeCursor(cursor: string): Record<string, AttributeValue> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const isKeyValue = (v: unknown): boolean =>
      !!v && typeof v === 'object' && Object.keys(v).length === 1 && ['S', 'N', 'B'].includes(Object.keys(v)[0]!);
    if (key && typeof key === 'object' && !Array.isArray(key) && Object.values(key).every(isKeyValue))
      return key as Record<string, AttributeValue>;
  } catch {
    // reported below
  }
  throw new InputError('cursor: not a cursor this studio gave; start again from the first page.');
}
