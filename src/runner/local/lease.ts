import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LockLostError, messageOf } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { deriveDynamoClient } from '../../dynamodb/client';
import type { StateStore } from '../../dynamodb/state/state-store';
import { leaseFencedClient } from './read-only-client';

/** A run's hold on the lock while it works. */
export interface Lease {
  /** Aborted when the lease is lost: taken over, a renewal failed, or it ran out before it could be renewed. */
  readonly signal: AbortSignal;
  /** The client for the run's migrations and bulk passes: its writes are refused once the lease may have run out. */
  readonly client: DynamoDBClient;
  /** Renews the lease now (fencing before a step); throws LockLostError when another run holds the lock. */
  renew(): Promise<void>;
  /** The run is over: stops the heartbeat and closes the lease's clients. */
  stop(): void;
}

/**
 * Keeps a lock's lease for as long as a run works: a heartbeat renews it every third of the
 * lease, and the run's writes are fenced: past the lease last secured (less a margin for
 * requests in flight) they are refused right before they are sent, whatever the heartbeat has
 * seen, so that a run frozen past its lease and taken over writes nothing more when it wakes.
 *
 * The heartbeat has a DynamoDB client of its own: the run's requests, however many are queued
 * or held up on the run's client, never delay a renewal.
 */
export function keepLease(o: {
  store: StateStore;
  lockId: string;
  leaseMs: number;
  leaseExpiresAt: number;
  log: Logger;
}): Lease {
  const lost = new AbortController();
  let until = o.leaseExpiresAt;
  const margin = Math.min(Math.floor(o.leaseMs / 5), 5000);
  const client = leaseFencedClient(o.store.client, () => {
    if (lost.signal.aborted) return lost.signal.reason as Error;
    if (Date.now() < until - margin) return undefined;
    lost.abort(
      new LockLostError(
        `${o.store.table}: this run's lease on lock ${o.lockId} ran out before it could be renewed (the process was paused or cut off); stopped before writing again.`,
      ),
    );
    return lost.signal.reason as Error;
  });
  const heartbeatClient = deriveDynamoClient(o.store.client);
  const heartbeat = o.store.withClient(heartbeatClient);
  const renew = async (): Promise<void> => {
    until = Math.max(until, await heartbeat.renewLock(o.lockId, o.leaseMs));
  };
  const timer = setInterval(
    () => {
      renew().catch((e) => {
        o.log.error(messageOf(e));
        lost.abort(e instanceof LockLostError ? e : new LockLostError(`lock renewal failed: ${messageOf(e)}`));
      });
    },
    Math.max(200, Math.floor(o.leaseMs / 3)),
  );
  timer.unref();
  return {
    signal: lost.signal,
    client,
    renew,
    stop: () => {
      clearInterval(timer);
      client.destroy();
      heartbeatClient.destroy();
    },
  };
}
