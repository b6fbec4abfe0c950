import { z } from 'zod';
import { InputError } from './errors';
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
  fanOut?: { segments?: number | undefined; concurrency?: number | undefined } | undefined;
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
 * entry (`lock-timeout`, `write-rate`, `read-rate`, `canary`, `segments`, `concurrency`), then the defaults, and checks
 * them once (checkRunSettings): a value out of range is an InputError naming it by `labels`
 * (the flag or input the user typed), else by its field. Pure: the clock and the default actor
 * are parameters.
 */
export function resolveRunSettings(
  environment: Pick<Environment, 'lock-timeout' | 'write-rate' | 'read-rate' | 'canary' | 'segments' | 'concurrency'>,
  input: RunSettingsInput,
  o: { now: number; defaultActor: string; labels?: SettingLabels | undefined },
): RunSettings {
  const lockTimeoutSeconds = input.lockTimeoutSeconds ?? environment['lock-timeout'] ?? 0;
  // A budget is checked as typed: the deadline it becomes is a time, not a range.
  checkSetting('timeBudgetSeconds', input.timeBudgetSeconds, o.labels?.deadline ?? 'timeBudgetSeconds');
  const given = {
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
    fanOut: fanOutOf(input.fanOut, environment),
  };
  return checkRunSettings(given, { labels: o.labels, values: input as Record<string, unknown> });
}

/** How a big step fans out: what the caller gave (a flag) wins over the manifest's `segments` and `concurrency`. */
function fanOutOf(
  given: RunSettings['fanOut'],
  environment: Pick<Environment, 'segments' | 'concurrency'>,
): RunSettings['fanOut'] {
  const segments = given?.segments ?? environment.segments;
  const concurrency = given?.concurrency ?? environment.concurrency;
  return segments === undefined && concurrency === undefined ? undefined : { segments, concurrency };
}

/** What the user typed for each setting (a flag, an action input), for error messages. */
export type SettingLabels = Partial<Record<keyof RunSettings | 'fanOut.segments' | 'fanOut.concurrency', string>>;

const positive = (what: string) => z.number({ error: `expected ${what}` }).gt(0, `expected ${what}`);
const whole = z
  .number({ error: 'expected a whole number of 1 or more' })
  .int('expected a whole number of 1 or more')
  .min(1, 'expected a whole number of 1 or more');

/** The range of each setting a user types (a flag, an action input, the manifest): defined once, here. */
export const settingRanges = {
  lockTimeoutSeconds: z
    .number({ error: 'expected a number of seconds of 0 or more' })
    .min(0, 'expected a number of seconds of 0 or more'),
  timeBudgetSeconds: positive('a number of seconds above 0'),
  writeRate: positive('write units per second above 0'),
  readRate: positive('read units per second above 0'),
  samplePercent: positive('a percentage between 0 and 100').max(100, 'expected a percentage between 0 and 100'),
  canaryPercent: positive('a percentage above 0 and at most 50').max(
    50,
    'expected a percentage above 0 and at most 50',
  ),
  segments: whole,
  concurrency: whole,
} as const;

/**
 * Checks one setting as the user typed it, before anything is read (a CLI flag, an action
 * input): the same range as everywhere else. Throws one InputError naming `label` and `typed`.
 */
export function checkSetting(
  setting: keyof typeof settingRanges,
  value: number | undefined,
  label: string,
  typed: string | undefined = value === undefined ? undefined : String(value),
): void {
  if (value === undefined) return;
  const r = settingRanges[setting].safeParse(value);
  if (!r.success) throw new InputError(`${label} ${typed}: ${r.error.issues[0]!.message}.`);
}

/**
 * The run settings' schema: the one check of their ranges, for settings resolved here and for
 * settings received over the wire (a controller's `args.settings`). Unknown fields are dropped,
 * so an older controller accepts a newer caller's settings.
 */
export const runSettingsSchema = z.object({
  actor: z.string().min(1, 'expected who runs this'),
  runUrl: z.string().optional(),
  gitSha: z.string().optional(),
  dryRun: z.boolean(),
  lockTimeoutMs: z.number().min(0, 'expected a number of seconds of 0 or more'),
  leaseMs: positive('a lease in milliseconds'),
  deadline: z.number().optional(),
  writeRate: settingRanges.writeRate.optional(),
  readRate: settingRanges.readRate.optional(),
  samplePercent: settingRanges.samplePercent.optional(),
  canaryPercent: settingRanges.canaryPercent.optional(),
  fanOut: z.object({ segments: whole.optional(), concurrency: whole.optional() }).optional(),
});

/**
 * Checks run settings against their schema: the first bad value is one InputError naming it
 * (by its label where the user typed it), the value and what was expected.
 */
export function checkRunSettings(
  value: unknown,
  o: { source?: string; labels?: SettingLabels | undefined; values?: Record<string, unknown> } = {},
): RunSettings {
  const r = runSettingsSchema.safeParse(value);
  if (r.success) return r.data as RunSettings;
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const label = o.labels?.[path as keyof SettingLabels];
  const got = path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as never)[k] : undefined), value);
  const shown = label
    ? `${label} ${String(shownValue(path, got, o.values))}`
    : `${o.source ?? 'settings'}.${path} ${JSON.stringify(got)}`;
  throw new InputError(`${shown}: ${issue.message}.`);
}

/** The value as the user typed it: seconds where they typed seconds. */
function shownValue(path: string, got: unknown, values: Record<string, unknown> | undefined): unknown {
  if (path === 'lockTimeoutMs') return values?.lockTimeoutSeconds ?? (typeof got === 'number' ? got / 1000 : got);
  return got;
}

/** The same settings for a read-only look (plan, status, drift): never a dry-run of writes, never a wait. */
export function readOnlySettings(s: RunSettings): RunSettings {
  return { ...s, dryRun: false };
}
