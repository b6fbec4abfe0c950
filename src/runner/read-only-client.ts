import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The commands that change a table or its items. */
export const WRITE_COMMANDS: ReadonlySet<string> = new Set([
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

/**
 * Wraps a client so that write commands are refused once `stopped()` gives a reason (the
 * run's lease may have run out): a run frozen past its lease (GC pause, suspended VM) and
 * taken over meanwhile must not write another item when it wakes, before its heartbeat has
 * even had the chance to find out.
 */
export function leaseFencedClient(client: DynamoDBClient, stopped: () => Error | undefined): DynamoDBClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'send') {
        return (command: FencedCommand, ...rest: unknown[]) => {
          if (WRITE_COMMANDS.has(command?.constructor?.name ?? '')) {
            const reason = stopped();
            if (reason) return Promise.reject(reason);
            // Checked again just before each attempt goes on the wire (after signing, SDK
            // retries included): the process may have been frozen since send() was called.
            command.middlewareStack?.add(
              (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
                const late = stopped();
                if (late) throw late;
                return next(args);
              },
              { step: 'deserialize', priority: 'low', name: 'leaseFence', override: true },
            );
          }
          return (target.send as (...a: unknown[]) => unknown).call(target, command, ...rest);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

interface FencedCommand {
  constructor: { name: string };
  middlewareStack?: { add(mw: unknown, opts: { step: 'deserialize'; priority: 'low'; name: string; override: boolean }): void };
}
