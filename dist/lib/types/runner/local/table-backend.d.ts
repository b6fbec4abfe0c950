import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../core/logger.js';
import type { Environment } from '../../core/manifest.js';
import type { RunSettings } from '../../core/run-settings.js';
import type { LockInfo, MigrationRecord } from '../../core/types.js';
import { StateStore } from '../../dynamodb/state/state-store.js';
import type { Project } from '../../loader/load-project.js';
import { type AuditEvent } from '../step/audit.js';
import { TableLedger } from '../step/ledger.js';
import { MigrationBody } from '../step/migration-body.js';
import { type Lease } from './lease.js';
/**
 * One environment's table as a run's backend, in this process: the lock, the step ledger, the
 * audit log and the step body, over the table's state store. What the local session runs on,
 * and all the controller's lower-level commands (the lock, a step's records, a segment, a
 * whole step) need: they never reach into a session.
 */
export declare class TableBackend {
    readonly project: Project;
    readonly environment: Environment;
    readonly client: DynamoDBClient;
    readonly settings: RunSettings;
    readonly log: Logger;
    readonly now: () => number;
    readonly store: StateStore;
    readonly body: MigrationBody;
    private readOnlyCache;
    constructor(project: Project, environment: Environment, client: DynamoDBClient, settings: RunSettings, log: Logger, now: () => number);
    get table(): string;
    /** The table's client refusing writes, made once: dry runs and check hooks of every step share it. */
    readOnlyClient(): DynamoDBClient;
    /** Takes the lock for this run's actor; throws LockHeldError while another run holds it. */
    acquireLock(command: string): Promise<LockInfo>;
    /** Renews a held lock for the run's lease; throws LockLostError when another run holds it. */
    renewLock(lockId: string): Promise<number>;
    releaseLock(lockId: string): Promise<void>;
    /** Keeps a held lock's lease while work goes on here (heartbeat, fenced client). */
    hold(lock: Pick<LockInfo, 'lockId' | 'leaseExpiresAt'>): Lease;
    /** The step bookkeeping of a run holding `lockId`. */
    ledger(o: {
        lockId: string;
        runId: string;
        planHash: string;
        dataClient?: DynamoDBClient | undefined;
        signal?: AbortSignal | undefined;
    }): TableLedger;
    /** Appends one entry to the audit log. */
    audit(e: AuditEvent): Promise<void>;
    readRecords(): Promise<MigrationRecord[]>;
    currentVersion(): Promise<string>;
}
