import { DescribeTableCommand, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import type { GlobalTableInfo } from '../../core/types';
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

export async function describeTableFacts(
  client: DynamoDBClient,
  table: string,
  signal?: AbortSignal,
): Promise<TableFacts> {
  const { Table: t } = await client.send(
    new DescribeTableCommand({ TableName: table }),
    signal ? { abortSignal: signal } : {},
  );
  const read = t?.ProvisionedThroughput?.ReadCapacityUnits ?? 0;
  const write = t?.ProvisionedThroughput?.WriteCapacityUnits ?? 0;
  const onDemand = t?.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' || (read === 0 && write === 0);
  return {
    itemCount: t?.ItemCount,
    sizeBytes: t?.TableSizeBytes,
    provisioned: onDemand ? undefined : { read, write },
    onDemandMax: t?.OnDemandThroughput
      ? {
          read: positive(t.OnDemandThroughput.MaxReadRequestUnits),
          write: positive(t.OnDemandThroughput.MaxWriteRequestUnits),
        }
      : undefined,
  };
}

const ARN_REGION = /^arn:aws[\w-]*:dynamodb:([a-z]{2}(?:-[a-z]+)+-\d):/;

/** The region in a table's ARN (`arn:aws:dynamodb:<region>:...`); undefined for DynamoDB Local's `ddblocal`. */
export function regionOfTableArn(arn: string | undefined): string | undefined {
  return arn ? ARN_REGION.exec(arn)?.[1] : undefined;
}

/**
 * Which replica a DescribeTable answer came from, and the table's replica set when it is a
 * global table. The region is the table ARN's (what the server says), else the client's (for
 * DynamoDB Local and proxies, whatever the client signs for). Replicas are taken from
 * `Replicas` plus the answering replica itself, so it does not matter whether the list names
 * it. A table is global when another region holds a replica, or its `GlobalTableVersion` is
 * the legacy one (whose replicas DescribeTable may not list).
 */
export function replicationOf(
  t: TableDescription | undefined,
  clientRegion: string | undefined,
): { region?: string | undefined; global?: GlobalTableInfo | undefined } {
  const region = regionOfTableArn(t?.TableArn) ?? clientRegion;
  const listed = (t?.Replicas ?? []).filter((r) => r.RegionName);
  const others = listed.filter((r) => r.RegionName !== region);
  const legacy = t?.GlobalTableVersion?.startsWith('2017') === true;
  if (!region || (!others.length && !legacy)) return { region };
  const self = listed.find((r) => r.RegionName === region);
  const replicas = [
    {
      RegionName: region,
      ReplicaStatus: self?.ReplicaStatus ?? t?.TableStatus,
      ReplicaStatusDescription: self?.ReplicaStatusDescription,
      ReplicaStatusPercentProgress: self?.ReplicaStatusPercentProgress,
    },
    ...others,
  ]
    .map((r) => ({
      region: r.RegionName!,
      status: r.ReplicaStatus,
      detail: r.ReplicaStatusDescription,
      progress: r.ReplicaStatusPercentProgress,
    }))
    .sort((a, b) => a.region.localeCompare(b.region));
  return {
    region,
    global: {
      region,
      version: t?.GlobalTableVersion,
      consistency: t?.MultiRegionConsistency === 'STRONG' ? 'STRONG' : 'EVENTUAL',
      replicas,
      witnesses: (t?.GlobalTableWitnesses ?? [])
        .filter((w) => w.RegionName)
        .map((w) => ({ region: w.RegionName!, status: w.WitnessStatus })),
    },
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
export function resolveRate(
  rate: RateLimit | undefined,
  facts: TableFacts | undefined,
): { read: number; write: number } {
  if (!rate) return { read: Infinity, write: Infinity };
  if ('percent' in rate) {
    if (!(rate.percent > 0 && rate.percent <= 100))
      throw new RangeError(`rate.percent must be in (0, 100], got ${rate.percent}`);
    const share = rate.percent / 100;
    const read = facts?.provisioned?.read ?? facts?.onDemandMax?.read ?? ON_DEMAND_ASSUMED_UNITS;
    const write = facts?.provisioned?.write ?? facts?.onDemandMax?.write ?? ON_DEMAND_ASSUMED_UNITS;
    return { read: Math.max(1, read * share), write: Math.max(1, write * share) };
  }
  return { read: rate.read ?? Infinity, write: rate.write ?? Infinity };
}
