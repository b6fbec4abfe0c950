import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
  'ExecuteStatementCommand',
  'BatchExecuteStatementCommand',
  'ExecuteTransactionCommand',
  'CreateTableCommand',
  'DeleteTableCommand',
  'UpdateTableCommand',
]);

/** Thrown when a dry run's migration tries to write through ctx.client. */
export class DryRunWriteError extends Error {
  override name = 'DryRunWriteError';
}

/**
 * Wraps a client so that write commands throw instead of reaching DynamoDB: a dry run is
 * guaranteed to write nothing, whatever the migration's own code does.
 */
export function readOnlyClient(client: DynamoDBClient): DynamoDBClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'send') {
        return (command: { constructor: { name: string } }, ...rest: unknown[]) => {
          const name = command?.constructor?.name ?? 'unknown';
          if (WRITE_COMMANDS.has(name)) {
            return Promise.reject(new DryRunWriteError(`dry run: ${name} was not sent (dry runs write nothing)`));
          }
          return (target.send as (...a: unknown[]) => unknown).call(target, command, ...rest);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}
