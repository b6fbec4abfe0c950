import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { expect, test } from 'vitest';
import { createTestTable, localClient } from './dynamodb-local';

test('the shared DynamoDB Local answers and creates tables', async () => {
  const client = localClient();
  const name = await createTestTable(client);
  const res = await client.send(new ListTablesCommand({}));
  expect(res.TableNames).toContain(name);
});
