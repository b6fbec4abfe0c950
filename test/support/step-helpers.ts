import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { expect } from 'vitest';
import { CHECKPOINT_HASH } from '../../src/dynamodb/bulk';
import type { LocalSession as Session } from '../../src/runner/local/local-session';
import { scanAll } from './dynamodb-local';

/** Plans `command` and applies it, expecting it to apply. */
export async function applyCommand(session: Session, command: 'apply' | 'down' | 'repeat'): Promise<void> {
  const report = await session.apply(await session.plan({ command }));
  expect(report.status, report.error).toBe('applied');
}

/** The seeded data items (`ORG#…`), bookkeeping left out. */
export async function orgItems(client: DynamoDBClient, table: string): Promise<Record<string, any>[]> {
  return (await scanAll(client, table)).map((i) => unmarshall(i)).filter((i) => String(i.pk).startsWith('ORG#'));
}

/** Sort keys of the checkpoint items under `prefix` (`<version>:<direction>:…`). */
export async function checkpointKeys(client: DynamoDBClient, table: string, prefix: string): Promise<string[]> {
  const res = await client.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :h AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':h': { S: CHECKPOINT_HASH }, ':p': { S: prefix } },
      ConsistentRead: true,
    }),
  );
  return (res.Items ?? []).map((i) => i.sk!.S!);
}
