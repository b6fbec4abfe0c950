import { DescribeTableCommand, type DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { InputError } from '../../core/errors';
import type { GlobalTableInfo } from '../../core/types';
import { replicationOf } from '../bulk/table-facts';

/** Names of the table's hash and sort key attributes. */
export interface TableKeys {
  hash: string;
  sort: string;
}

/** What DescribeTable says of the table that holds the state. */
export interface TableDescription {
  keys: TableKeys;
  itemCount?: number | undefined;
  sizeBytes?: number | undefined;
  capacity?: { read: number; write: number } | undefined;
  /** Region of the replica the client reached. */
  region?: string | undefined;
  /** Set for a global table: its replicas, as this replica describes them. */
  global?: GlobalTableInfo | undefined;
}

/**
 * DescribeTable, checked for what the state needs: a hash and a sort key, both strings (the
 * OneTable format). A missing table or a wrong key schema is bad input (exit 2) naming the table.
 */
export async function describeTable(client: DynamoDBClient, table: string): Promise<TableDescription> {
  let res;
  try {
    res = await client.send(new DescribeTableCommand({ TableName: table }));
  } catch (e) {
    if (e instanceof ResourceNotFoundException) {
      const region = await client.config.region().catch(() => 'unknown');
      throw new InputError(
        `Table ${table} was not found (region ${region}). Check the environment's table and region in the manifest, and the endpoint; with --local the table is created for you.`,
      );
    }
    throw e;
  }
  const schema = res.Table?.KeySchema ?? [];
  const hash = schema.find((s) => s.KeyType === 'HASH')?.AttributeName;
  const sort = schema.find((s) => s.KeyType === 'RANGE')?.AttributeName;
  if (!hash || !sort) {
    throw new InputError(
      `Table ${table} has no sort key: migration state (OneTable format) needs a table with a hash and a sort key.`,
    );
  }
  const defs = res.Table?.AttributeDefinitions ?? [];
  for (const name of [hash, sort]) {
    const type = defs.find((d) => d.AttributeName === name)?.AttributeType;
    if (type && type !== 'S')
      throw new InputError(
        `Table ${table}: key attribute ${name} is of type ${type}; migration state needs string keys.`,
      );
  }
  const pt = res.Table?.ProvisionedThroughput;
  const provisioned = res.Table?.BillingModeSummary?.BillingMode !== 'PAY_PER_REQUEST' && pt?.ReadCapacityUnits;
  const { region, global } = replicationOf(res.Table, await client.config.region().catch(() => undefined));
  return {
    keys: { hash, sort },
    itemCount: res.Table?.ItemCount,
    sizeBytes: res.Table?.TableSizeBytes,
    capacity: provisioned ? { read: pt!.ReadCapacityUnits ?? 0, write: pt!.WriteCapacityUnits ?? 0 } : undefined,
    region,
    global,
  };
}

/** An item's attributes other than its key (for messages that quote an item). */
export function withoutKeys(i: Record<string, unknown>, k: TableKeys): Record<string, unknown> {
  const rest = { ...i };
  delete rest[k.hash];
  delete rest[k.sort];
  return rest;
}
