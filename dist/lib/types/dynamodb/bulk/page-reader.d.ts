import { type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AbortFanout } from './abort-fanout.js';
import type { AdaptiveRateLimiter } from './rate-limiter.js';
import type { Selection } from './types.js';
type AV = Record<string, AttributeValue>;
/** One page of a segment. */
export interface Page {
    items: AV[];
    /** Where the next page starts; absent on the segment's last page. */
    lastKey?: AV | undefined;
}
/** Reads pages of one selection: parallel Scan segments, or Query for a partition. */
export declare class PageReader {
    private readonly client;
    private readonly limiter;
    /** Each read takes a signal of its own: up to one read per segment is in flight at once. */
    private readonly aborts;
    private readonly onRetry;
    /** Read units of the last page, the estimate for the next one. */
    private lastUnits;
    private readonly base;
    readonly query: boolean;
    constructor(client: DynamoDBClient, table: string, keys: {
        hash: string;
        sort: string;
    }, selection: Selection, limiter: AdaptiveRateLimiter, 
    /** Each read takes a signal of its own: up to one read per segment is in flight at once. */
    aborts: AbortFanout, pageSize: number | undefined, onRetry: (err: unknown) => void);
    /** Reads the page of `segment` of `total` that starts after `start`. */
    read(segment: number, total: number, start: AV | undefined): Promise<Page>;
}
export {};
