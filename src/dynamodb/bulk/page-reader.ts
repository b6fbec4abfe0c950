import { QueryCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { and, ExpressionBuilder, isReservedHashKey, selectionFilter } from './expressions';
import type { AbortFanout } from './abort-fanout';
import type { AdaptiveRateLimiter } from './rate-limiter';
import { isThrottle, withRetry } from './retry';
import type { Selection } from './types';

type AV = Record<string, AttributeValue>;

/** One page of a segment. */
export interface Page {
  items: AV[];
  /** Where the next page starts; absent on the segment's last page. */
  lastKey?: AV | undefined;
}

/** Reads pages of one selection: parallel Scan segments, or Query for a partition. */
export class PageReader {
  /** Read units of the last page, the estimate for the next one. */
  private lastUnits = 16;
  private readonly base: Record<string, unknown>;
  readonly query: boolean;

  constructor(
    private readonly client: DynamoDBClient,
    table: string,
    keys: { hash: string; sort: string },
    selection: Selection,
    private readonly limiter: AdaptiveRateLimiter,
    /** Each read takes a signal of its own: up to one read per segment is in flight at once. */
    private readonly aborts: AbortFanout,
    pageSize: number | undefined,
    private readonly onRetry: (err: unknown) => void,
  ) {
    this.query = selection.partition !== undefined;
    const b = new ExpressionBuilder();
    let keyCondition: string | undefined;
    if (selection.partition !== undefined) {
      if (isReservedHashKey(selection.partition))
        throw new RangeError(`partition '${selection.partition}' holds the tool's bookkeeping and cannot be selected`);
      keyCondition = and([
        `${b.name(keys.hash)} = ${b.value(selection.partition)}`,
        selection.sortPrefix !== undefined
          ? `begins_with(${b.name(keys.sort)}, ${b.value(selection.sortPrefix)})`
          : undefined,
      ]);
    } else if (selection.sortPrefix !== undefined) {
      throw new RangeError('sortPrefix needs partition: a key prefix is served by Query within one partition');
    }
    const filter = selectionFilter(b, selection);
    this.base = {
      TableName: table,
      ...(keyCondition ? { KeyConditionExpression: keyCondition } : {}),
      ...(filter ? { FilterExpression: filter } : {}),
      ...b.params(),
      ...(pageSize ? { Limit: pageSize } : {}),
      // Only a limiter with a ceiling needs the real units (see the writer).
      ...(Number.isFinite(limiter.ceiling) ? { ReturnConsumedCapacity: 'TOTAL' } : {}),
    };
  }

  /** Reads the page of `segment` of `total` that starts after `start`. */
  async read(segment: number, total: number, start: AV | undefined): Promise<Page> {
    const input = {
      ...this.base,
      ...(start ? { ExclusiveStartKey: start } : {}),
      ...(this.query ? {} : { Segment: segment, TotalSegments: total }),
    };
    const estimate = this.lastUnits;
    const res = await this.aborts.run((signal) =>
      withRetry(
        async () => {
          await this.limiter.acquire(estimate, signal);
          const command = this.query ? new QueryCommand(input as never) : new ScanCommand(input as never);
          return this.client.send(command as ScanCommand, signal ? { abortSignal: signal } : {});
        },
        {
          signal,
          onRetry: (err) => {
            if (isThrottle(err)) this.limiter.throttled();
            this.onRetry(err);
          },
        },
      ),
    );
    const units = res.ConsumedCapacity?.CapacityUnits ?? estimate;
    this.lastUnits = Math.max(1, units);
    this.limiter.settle(estimate, units);
    return { items: res.Items ?? [], lastKey: res.LastEvaluatedKey };
  }
}
