import { type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import type { GlobalTableInfo } from '../../core/types.js';
import type { RateLimit } from './types.js';
/** What DescribeTable tells the engine about sizing. */
export interface TableFacts {
    itemCount?: number | undefined;
    sizeBytes?: number | undefined;
    /** Provisioned units; undefined for on-demand. */
    provisioned?: {
        read: number;
        write: number;
    } | undefined;
    /** On-demand maximums, when the table sets them. */
    onDemandMax?: {
        read?: number | undefined;
        write?: number | undefined;
    } | undefined;
}
export declare function describeTableFacts(client: DynamoDBClient, table: string, signal?: AbortSignal): Promise<TableFacts>;
/** The region in a table's ARN (`arn:aws:dynamodb:<region>:...`); undefined for DynamoDB Local's `ddblocal`. */
export declare function regionOfTableArn(arn: string | undefined): string | undefined;
/**
 * Which replica a DescribeTable answer came from, and the table's replica set when it is a
 * global table. The region is the table ARN's (what the server says), else the client's (for
 * DynamoDB Local and proxies, whatever the client signs for). Replicas are taken from
 * `Replicas` plus the answering replica itself, so it does not matter whether the list names
 * it. A table is global when another region holds a replica, or its `GlobalTableVersion` is
 * the legacy one (whose replicas DescribeTable may not list).
 */
export declare function replicationOf(t: TableDescription | undefined, clientRegion: string | undefined): {
    region?: string | undefined;
    global?: GlobalTableInfo | undefined;
};
/**
 * Default parallel-scan segments: one per 4 MiB, at least 8 and at most 1,000. AWS's guidance
 * (one per 2 GB) aims at not hurting the live table; we bound that with the rate limit instead
 * and want every worker busy, since a segment reads 1 MB pages one after another.
 */
export declare function defaultSegmentCount(facts: TableFacts): number;
/** What on-demand tables count as for a percentage limit (the EMR connector's convention). */
export declare const ON_DEMAND_ASSUMED_UNITS = 40000;
/** Turns a rate option into read/write ceilings in units per second (Infinity: unlimited). */
export declare function resolveRate(rate: RateLimit | undefined, facts: TableFacts | undefined): {
    read: number;
    write: number;
};
