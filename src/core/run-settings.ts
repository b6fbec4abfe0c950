import type { Environment } from './manifest';

/**
 * How one run behaves, resolved once at the entry point (flag, action input or manifest, in
 * that order) and passed unchanged to wherever it is used: the local session, the step runner,
 * the bulk engine, and over the wire to a Lambda controller (it is plain JSON).
 */
export interface RunSettings {
  /** Who runs this: recorded in records, the lock and the audit log. */
  actor: string;
  runUrl?: string | undefined;
  gitSha?: string | undefined;
  /** Write nothing: read-only client, counting data engine, no lock. */
  dryRun: boolean;
  /** How long to wait for a held lock before giving up (exit 3). */
  lockTimeoutMs: number;
  /** The lock's lease; renewed at a third of it while the run lasts. */
  leaseMs: number;
  /** Epoch ms by which bulk passes stop at a checkpoint (CI job budget, Lambda time limit). */
  deadline?: number | undefined;
  /** Default write limit of bulk passes (WCU/s); also the plan's time estimate. */
  writeRate?: number | undefined;
  /** Canary: bulk passes process only this percentage of items. */
  samplePercent?: number | undefined;
  /** Canary gate: steps with a verify hook run on this percentage, verify it, then take the rest. */
  canaryPercent?: number | undefined;
  /** runner: lambda: how a big step is split over invocations. */
  fanOut?:
    | { segments?: number | undefined; concurrency?: number | undefined; maxAttempts?: number | undefined }
    | undefined;
}

/** What an entry point knows before resolving: every field optional, seconds where users type seconds. */
export interface RunSettingsInput {
  actor?: string | undefined;
  runUrl?: string | undefined;
  gitSha?: string | undefined;
  dryRun?: boolean | undefined;
  lockTimeoutSeconds?: number | undefined;
  leaseMs?: number | undefined;
  timeBudgetSeconds?: number | undefined;
  samplePercent?: number | undefined;
  canaryPercent?: number | undefined;
  fanOut?: RunSettings['fanOut'];
}

export const DEFAULT_LEASE_MS = 120_000;

/**
 * Resolves a run's settings: what the caller gave wins, then the environment's manifest
 * entry (`lock-timeout`, `write-rate`), then the defaults. Pure: the clock and the default
 * actor are parameters.
 */
export function resolveRunSettings(
  environment: Pick<Environment, 'lock-timeout' | 'write-rate' | 'canary'>,
  input: RunSettingsInput,
  o: { now: number; defaultActor: string },
): RunSettings {
  const lockTimeoutSeconds = input.lockTimeoutSeconds ?? environment['lock-timeout'] ?? 0;
  return {
    actor: input.actor || o.defaultActor,
    runUrl: input.runUrl || undefined,
    gitSha: input.gitSha || undefined,
    dryRun: input.dryRun ?? false,
    lockTimeoutMs: lockTimeoutSeconds * 1000,
    leaseMs: input.leaseMs && input.leaseMs > 0 ? input.leaseMs : DEFAULT_LEASE_MS,
    deadline: input.timeBudgetSeconds === undefined ? undefined : o.now + input.timeBudgetSeconds * 1000,
    writeRate: environment['write-rate'],
    samplePercent: input.samplePercent,
    canaryPercent: input.canaryPercent ?? environment.canary,
    fanOut: input.fanOut,
  };
}

/** The same settings for a read-only look (plan, status, drift): never a dry-run of writes, never a wait. */
export function readOnlySettings(s: RunSettings): RunSettings {
  return { ...s, dryRun: false };
}
