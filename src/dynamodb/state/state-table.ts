import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { RefusedError } from '../../core/errors';
import { homeRegionProblem, type ReplicationSettings } from '../../core/global-table';
import { withRetry } from '../bulk/retry';
import { describeTable, type TableDescription, type TableKeys } from './table-description';

/**
 * The table that holds the migration state, as every part of the state store reaches it: the
 * client, the table's name, what DescribeTable said (read once), and the home-region check
 * that comes before every write.
 */
export class StateTable {
  constructor(
    readonly client: DynamoDBClient,
    readonly name: string,
    /**
     * The environment whose state this is. Given, every write first checks that this replica
     * is the home region of its migrations when the table is a global table.
     */
    private readonly environment?: ReplicationSettings | undefined,
    private described?: Promise<TableDescription> | undefined,
  ) {}

  /** The same table through another client, sharing what DescribeTable said. */
  withClient(client: DynamoDBClient): StateTable {
    return new StateTable(client, this.name, this.environment, this.described);
  }

  /** Key names and size of the table, from DescribeTable (read once). */
  describe(): Promise<TableDescription> {
    this.described ??= describeTable(this.client, this.name);
    return this.described;
  }

  async keys(): Promise<TableKeys> {
    return (await this.describe()).keys;
  }

  /**
   * Refuses (RefusedError, exit 2) when this run reaches a replica of a global table other
   * than the home region of the environment's migrations, or DescribeTable contradicts what
   * the manifest says of the table. `outcome` says what did not happen.
   */
  async assertHomeRegion(outcome = 'Nothing was written.'): Promise<void> {
    const env = this.environment;
    if (!env) return;
    const d = await this.describe();
    const problem = homeRegionProblem(env, d.region, d.global);
    if (problem) throw new RefusedError(`${problem.message} ${outcome}\nNext: ${problem.next}`);
  }

  /**
   * Sends with retries past the SDK's own: its client-wide retry quota runs dry under sustained
   * throttling or dropped connections, and losing a record or lock write then would leave the
   * table in a misleading state. Conditional failures are not retried.
   */
  retried<T>(call: () => Promise<T>): Promise<T> {
    return withRetry(call, {});
  }

  /** The items under one hash key value (read strongly consistent), oldest first unless `newestFirst`. */
  async queryHash(
    hash: string,
    opts: { newestFirst?: boolean; limit?: number } = {},
  ): Promise<Record<string, unknown>[]> {
    const k = await this.keys();
    const out: Record<string, unknown>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const res = await this.retried(() =>
        this.client.send(
          new QueryCommand({
            TableName: this.name,
            KeyConditionExpression: '#h = :h',
            ExpressionAttributeNames: { '#h': k.hash },
            ExpressionAttributeValues: marshall({ ':h': hash }),
            ConsistentRead: true,
            ScanIndexForward: !opts.newestFirst,
            ExclusiveStartKey: start,
          }),
        ),
      );
      out.push(...(res.Items ?? []).map((i) => unmarshall(i)));
      start = res.LastEvaluatedKey;
    } while (start && (!opts.limit || out.length < opts.limit));
    return opts.limit ? out.slice(0, opts.limit) : out;
  }
}

/**
 * JSON of an item as the SDK sends or returns it, object keys sorted: equal for equal items
 * whatever their attribute order. Binary values count as their base64 (core's `stableJson`
 * would spell them as objects); `unlock` names an unknown lock item by this fingerprint.
 */
export function stableItemJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableItemJson).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableItemJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v) ?? 'null';
}
