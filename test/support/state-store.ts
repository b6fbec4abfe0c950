import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { StateStore } from '../../src/dynamodb/state/state-store';
import { createTestTable } from './dynamodb-local';

/**
 * A fresh table with a state store on it, and `put` to write raw items into it (state as
 * another tool, or a damaged one, left it). The table's name is pushed on `tables` for cleanup.
 */
export async function storeOnFreshTable(
  client: DynamoDBClient,
  tables: string[],
): Promise<{ name: string; store: StateStore; put: (item: Record<string, unknown>) => Promise<void> }> {
  const name = await createTestTable(client);
  tables.push(name);
  return {
    name,
    store: new StateStore(client, name),
    put: async (item) => void (await client.send(new PutItemCommand({ TableName: name, Item: marshall(item) }))),
  };
}

/** The error a promise rejects with; a promise that resolves fails the test. */
export async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
}
