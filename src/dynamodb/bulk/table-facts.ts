import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RateLimit } from './types';

/** What DescribeTable tells the engine about sizing. */
export interface TableFacts {
  itemCount?: number | undefined;
  sizeBytes?: number | undefined;
  /** Provisioned units; undefined for on-demand. */
  provisioned?: { read: number; write: number } | undefined;
  /** On-demand maximums, when the table sets them. */
  onDemandMax?: { read?: number | undefined; write?: number | undefined } | undefined;
}

export async function describeTableFacts(client: DynamoDBClient, table: string, signal?: AbortSignal): Promise<TableFacts> {
  const { Table: t } = await client.send(new DescribeTableCommand({ TableName: table }), signal ? { abortSignal: signal } : {});
  const read = t?.ProvisionedThroughput?.ReadCapacityUnits ?? 0;
  const write = t?.ProvisionedThroughput?.WriteCapacityUnits ?? 0;
  const onDemand = t?.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' || (read === 0 && write === 0);
  return {
    itemCount: t?.ItemCount,
    sizeBytes: t?.TableSizeBytes,
    provisioned: onDemand ? undefined : { read, write },
    onDemandMax: t?.OnDemandThroughput
      ? { read: positive(t.OnDemandThroughput.MaxReadRequestUnits), write: positive(t.OnDemandThroughput.MaxWriteRequestUnits) }
      : undefined,
  };
}

function positive(n: number | undefined): number | undefined {
  return n !== undefined && n > 0 ? n : undefined;
}

const MIB = 1024 * 1024;

/**
 * Default parallel-scan segments: one per 4 MiB, at least 8 and at most 1,000. AWS's guidance
 * (one per 2 GB) aims at not hurting the live table; we bound that with the rate limit instead
 * and want every worker busy, since a segment reads 1 MB pages one after another.
 */
export function defaultSegmentCount(facts: TableFacts): number {
  const size = facts.sizeBytes ?? 0;
  return Math.max(8, Math.min(1000, Math.ceil(size / (4 * MIB))));
}

/** What on-demand tables count as for a percentage limit (the EMR connector's convention). */
export const ON_DEMAND_ASSUMED_UNITS = 40_000;

/** Turns a rate option into read/write ceilings in units per second (Infinity: unlimited). */
export function resolveRate(rate: RateLimit | undefined, facts: TableFacts | undefined): { read: number; write: number } {
  if (!rate) return { read: Infinity, write: Infinity };
  if ('percent' in rate) {
    if (!(rate.percent > 0 && rate.percent <= 100)) throw new RangeError(`rate.percent must be in (0, 100], got ${rate.percent}`);
    const share = rate.percent / 100;
    const read = facts?.provisioned?.read ?? facts?.onDemandMax?.read ?? ON_DEMAND_ASSUMED_UNITS;
    const write = facts?.provisioned?.write ?? facts?.onDemandMax?.write ?? ON_DEMAND_ASSUMED_UNITS;
    return { read: Math.max(1, read * share), write: Math.max(1, write * share) };
  }
  return { read: rate.read ?? Infinity, write: rate.write ?? Infinity };
}
