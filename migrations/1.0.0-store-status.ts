import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { defineMigration } from 'dynamodb-migrate';
import schema from './schema/store-1.0.0';

const key = { pk: 'status#store', sk: 'status#' };

/** The classic first migration: a status record the application reads at start-up. */
export default defineMigration({
  version: '1.0.0',
  description: 'Create the store status record',
  schema,
  idempotent: true,
  async up({ client, table }) {
    await client.send(new PutItemCommand({ TableName: table, Item: marshall({ ...key, _type: 'Status', state: 'open', since: new Date(0).toISOString() }) }));
  },
  async down({ client, table }) {
    await client.send(new DeleteItemCommand({ TableName: table, Key: marshall(key) }));
  },
});
