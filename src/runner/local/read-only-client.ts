import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { deriveDynamoClient } from '../../dynamodb/client';
import { Semaphore } from '../../dynamodb/bulk/semaphore';

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
 * A client like `client` (same credentials, region and endpoint) whose write commands throw
 * instead of reaching DynamoDB: a dry run, a plan or a check hook is guaranteed to write
 * nothing, whatever the migration's own code does. Writes are recognised by the SDK's own
 * command name in the middleware context, which survives bundlers that rename classes.
 */
export function readOnlyClient(client: DynamoDBClient): DynamoDBClient {
  const readOnly = deriveDynamoClient(client);
  readOnly.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      if (WRITE_COMMANDS.has(name))
        throw new DryRunWriteError(`dry run: ${name} was not sent (dry runs write nothing)`);
      return next(args);
    },
    { step: 'initialize', priority: 'high', name: 'readOnly' },
  );
  return readOnly;
}

/** Requests a fenced client has in flight at once: the socket limit of the SDK's default HTTP agent. */
const FENCED_IN_FLIGHT = 50;

/**
 * A client of its own for a run's writes, refusing every write once `stopped()` gives a reason
 * (the run's lease may have run out): a run frozen past its lease (GC pause, suspended VM) and
 * taken over meanwhile must not write another item when it wakes, before its heartbeat has
 * even had the chance to find out.
 *
 * The check is made right before each attempt is handed to a socket (SDK retries included),
 * not when the command is sent: requests wait for one of a bounded number of slots in front
 * of the check, and the HTTP agent behind it has no socket limit, so a request that passed the
 * check waits nowhere. With the SDK's default agent, the requests beyond its 50 sockets wait
 * inside it, after any check, and go out whenever the server answers the ones before them.
 * Destroy the client when the run ends.
 */
export function leaseFencedClient(
  base: DynamoDBClient,
  stopped: () => Error | undefined,
  opts: { inFlight?: number } = {},
): DynamoDBClient {
  const unlimited = { keepAlive: true, maxSockets: Infinity };
  const client = deriveDynamoClient(base, { requestHandler: { httpAgent: unlimited, httpsAgent: unlimited } });
  const slots = new Semaphore(opts.inFlight ?? FENCED_IN_FLIGHT);
  const refuse = (context: { commandName?: string }): void => {
    if (!WRITE_COMMANDS.has(context.commandName ?? '')) return;
    const reason = stopped();
    if (reason) throw reason;
  };
  // Refused at once when already stopped, before waiting for anything.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      refuse(context);
      return next(args);
    },
    { step: 'initialize', priority: 'high', name: 'leaseFenceEarly' },
  );
  // The last step before the request handler, once per attempt: wait for a slot, then check.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const wait = slots.acquire();
      if (wait) await wait;
      try {
        refuse(context);
        return await next(args);
      } finally {
        slots.release();
      }
    },
    { step: 'deserialize', priority: 'low', name: 'leaseFence' },
  );
  return client;
}
