import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
