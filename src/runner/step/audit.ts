import type { LogEntry, Plan } from '../../core/types';

/** One event of a run, for the audit log (`_migration_log`). */
export interface AuditEvent {
  runId: string;
  event: string;
  outcome: string;
  plan?: Plan | undefined;
  versions?: string[] | undefined;
  message?: string | undefined;
  reason?: string | undefined;
  recoveryPoint?: string | undefined;
  /** When there is no plan at hand (a controller's step commands carry only its hash). */
  planHash?: string | undefined;
}

/** Who writes the entry: the run's identity and the environment. */
export interface AuditSource {
  actor: string;
  environment: string;
  runUrl?: string | undefined;
  gitSha?: string | undefined;
}

/** The audit log entry for an event; every writer of the log goes through this. */
export function auditEntry(e: AuditEvent, source: AuditSource, at: number): LogEntry {
  return {
    at,
    runId: e.runId,
    actor: source.actor,
    command: e.plan?.command ?? e.event,
    environment: source.environment,
    event: e.event,
    outcome: e.outcome,
    versions: e.versions ?? e.plan?.steps.map((s) => `${s.direction} ${s.version}`),
    message:
      [e.message, e.recoveryPoint ? `recovery point: ${e.recoveryPoint}` : undefined].filter(Boolean).join('; ') ||
      undefined,
    reason: e.reason,
    runUrl: source.runUrl,
    gitSha: source.gitSha,
    planHash: e.plan?.hash ?? e.planHash,
  };
}
