import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readHistory } from '../../core/history';
import type { Logger } from '../../core/logger';
import type { Environment } from '../../core/manifest';
import type { RunSettings } from '../../core/run-settings';
import type { LockInfo, MigrationRecord } from '../../core/types';
import { StateStore } from '../../dynamodb/state/state-store';
import type { Project } from '../../loader/load-project';
import { auditEntry, type AuditEvent } from '../step/audit';
import { TableLedger } from '../step/ledger';
import { MigrationBody } from '../step/migration-body';
import { keepLease, type Lease } from './lease';
import { readOnlyClient } from './read-only-client';

/**
 * One environment's table as a run's backend, in this process: the lock, the step ledger, the
 * audit log and the step body, over the table's state store. What the local session runs on,
 * and all the controller's lower-level commands (the lock, a step's records, a segment, a
 * whole step) need: they never reach into a session.
 */
export class TableBackend {
  readonly store: StateStore;
  readonly body: MigrationBody;
  private readOnlyCache: DynamoDBClient | undefined;

  constructor(
    readonly project: Project,
    readonly environment: Environment,
    readonly client: DynamoDBClient,
    readonly settings: RunSettings,
    readonly log: Logger,
    readonly now: () => number,
  ) {
    this.store = new StateStore(client, environment.table, { environment });
    const store = this.store;
    this.body = new MigrationBody({
      project,
      table: environment.table,
      keys: () => store.keys(),
      settings,
      log,
      readOnlyClient: () => this.readOnlyClient(),
    });
  }

  get table(): string {
    return this.environment.table;
  }

  /** The table's client refusing writes, made once: dry runs and check hooks of every step share it. */
  readOnlyClient(): DynamoDBClient {
    this.readOnlyCache ??= readOnlyClient(this.client);
    return this.readOnlyCache;
  }

  /** Takes the lock for this run's actor; throws LockHeldError while another run holds it. */
  acquireLock(command: string): Promise<LockInfo> {
    return this.store.acquireLock({
      owner: this.settings.actor,
      command,
      runUrl: this.settings.runUrl,
      leaseMs: this.settings.leaseMs,
      now: this.now(),
    });
  }

  /** Renews a held lock for the run's lease; throws LockLostError when another run holds it. */
  renewLock(lockId: string): Promise<number> {
    return this.store.renewLock(lockId, this.settings.leaseMs);
  }

  releaseLock(lockId: string): Promise<void> {
    return this.store.releaseLock(lockId);
  }

  /** Keeps a held lock's lease while work goes on here (heartbeat, fenced client). */
  hold(lock: Pick<LockInfo, 'lockId' | 'leaseExpiresAt'>): Lease {
    return keepLease({
      store: this.store,
      lockId: lock.lockId,
      leaseMs: this.settings.leaseMs,
      leaseExpiresAt: lock.leaseExpiresAt,
      log: this.log,
    });
  }

  /** The step bookkeeping of a run holding `lockId`. */
  ledger(o: {
    lockId: string;
    runId: string;
    planHash: string;
    dataClient?: DynamoDBClient | undefined;
    signal?: AbortSignal | undefined;
  }): TableLedger {
    return new TableLedger({
      store: this.store,
      project: this.project,
      environment: this.environment.name,
      settings: this.settings,
      lockId: o.lockId,
      runId: o.runId,
      planHash: o.planHash,
      log: this.log,
      now: this.now,
      dataClient: o.dataClient ?? this.client,
      signal: o.signal,
    });
  }

  /** Appends one entry to the audit log. */
  audit(e: AuditEvent): Promise<void> {
    return this.store.appendLog(auditEntry(e, { ...this.settings, environment: this.environment.name }, this.now()));
  }

  readRecords(): Promise<MigrationRecord[]> {
    return this.store.readRecords();
  }

  async currentVersion(): Promise<string> {
    return readHistory(await this.store.readRecords()).currentVersion;
  }
}
