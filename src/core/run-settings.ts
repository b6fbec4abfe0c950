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
  /**
   * Read limit (RCU/s) of the scans that only check the data: `validate` and the drift check's
   * validation (`--rate`, else the manifest's `read-rate`; undefined: no limit).
   */
  readRate?: number | undefined;
  /**
   * A partial bulk pass (`--sample`): each pass processes only this percentage of the items and
   * the step is still recorded applied; `repeat` takes the rest. Not a canary: nothing is verified.
   */
  samplePercent?: number | undefined;
  /**
   * The verify-gated canary (`--canary`, the manifest's `canary`): a step with a verify hook runs
   * on this percentage first, verifies it, and only if it passed takes the rest of the table.
   */
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
  /** Read units per second of validate and the drift check's validation (`--rate`). */
  readRate?: number | undefined;
  samplePercent?: number | undefined;
  canaryPercent?: number | undefined;
  fanOut?: RunSettings['fanOut'];
}

export const DEFAULT_LEASE_MS = 120_000;

/**
 * Resolves a run's settings: what the caller gave wins, then the environment's manifest
 * entry (`lock-timeout`, `write-rate`, `read-rate`, `canary`), then the defaults. Pure: the
 * clock and the default actor are parameters.
 */
export function resolveRunSettings(
  environment: Pick<Environment, 'lock-timeout' | 'write-rate' | 'read-rate' | 'canary'>,
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
    readRate: input.readRate ?? environment['read-rate'],
    samplePercent: input.samplePercent,
    canaryPercent: input.canaryPercent ?? environment.canary,
    fanOut: input.fanOut,
  };
}

/** The same settings for a read-only look (plan, status, drift): never a dry-run of writes, never a wait. */
export function readOnlySettings(s: RunSettings): RunSettings {
  return { ...s, dryRun: false };
}
