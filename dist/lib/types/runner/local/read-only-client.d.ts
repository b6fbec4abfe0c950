import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
/** The commands that change a table or its items. */
export declare const WRITE_COMMANDS: ReadonlySet<string>;
/** Thrown when a dry run's migration tries to write through ctx.client. */
export declare class DryRunWriteError extends Error {
    name: string;
}
/**
 * A client like `client` (same credentials, region and endpoint) whose write commands throw
 * instead of reaching DynamoDB: a dry run, a plan or a check hook is guaranteed to write
 * nothing, whatever the migration's own code does. Writes are recognised by the SDK's own
 * command name in the middleware context, which survives bundlers that rename classes.
 */
export declare function readOnlyClient(client: DynamoDBClient): DynamoDBClient;
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
export declare function leaseFencedClient(base: DynamoDBClient, stopped: () => Error | undefined, opts?: {
    inFlight?: number;
}): DynamoDBClient;
