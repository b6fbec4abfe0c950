import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../core/logger.js';
import type { StateStore } from '../../dynamodb/state/state-store.js';
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
export declare function keepLease(o: {
    store: StateStore;
    lockId: string;
    leaseMs: number;
    leaseExpiresAt: number;
    log: Logger;
}): Lease;
