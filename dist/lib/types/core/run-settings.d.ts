import { z } from 'zod';
import type { Environment } from './manifest.js';
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
    fanOut?: {
        segments?: number | undefined;
        concurrency?: number | undefined;
    } | undefined;
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
export declare const DEFAULT_LEASE_MS = 120000;
/**
 * Resolves a run's settings: what the caller gave wins, then the environment's manifest
 * entry (`lock-timeout`, `write-rate`, `read-rate`, `canary`, `segments`, `concurrency`), then the defaults, and checks
 * them once (checkRunSettings): a value out of range is an InputError naming it by `labels`
 * (the flag or input the user typed), else by its field. Pure: the clock and the default actor
 * are parameters.
 */
export declare function resolveRunSettings(environment: Pick<Environment, 'lock-timeout' | 'write-rate' | 'read-rate' | 'canary' | 'segments' | 'concurrency'>, input: RunSettingsInput, o: {
    now: number;
    defaultActor: string;
    labels?: SettingLabels | undefined;
}): RunSettings;
/** What the user typed for each setting (a flag, an action input), for error messages. */
export type SettingLabels = Partial<Record<keyof RunSettings | 'fanOut.segments' | 'fanOut.concurrency', string>>;
/** The range of each setting a user types (a flag, an action input, the manifest): defined once, here. */
export declare const settingRanges: {
    readonly lockTimeoutSeconds: z.ZodNumber;
    readonly timeBudgetSeconds: z.ZodNumber;
    readonly writeRate: z.ZodNumber;
    readonly readRate: z.ZodNumber;
    readonly samplePercent: z.ZodNumber;
    readonly canaryPercent: z.ZodNumber;
    readonly segments: z.ZodNumber;
    readonly concurrency: z.ZodNumber;
};
/**
 * Checks one setting as the user typed it, before anything is read (a CLI flag, an action
 * input): the same range as everywhere else. Throws one InputError naming `label` and `typed`.
 */
export declare function checkSetting(setting: keyof typeof settingRanges, value: number | undefined, label: string, typed?: string | undefined): void;
/**
 * The run settings' schema: the one check of their ranges, for settings resolved here and for
 * settings received over the wire (a controller's `args.settings`). Unknown fields are dropped,
 * so an older controller accepts a newer caller's settings.
 */
export declare const runSettingsSchema: z.ZodObject<{
    actor: z.ZodString;
    runUrl: z.ZodOptional<z.ZodString>;
    gitSha: z.ZodOptional<z.ZodString>;
    dryRun: z.ZodBoolean;
    lockTimeoutMs: z.ZodNumber;
    leaseMs: z.ZodNumber;
    deadline: z.ZodOptional<z.ZodNumber>;
    writeRate: z.ZodOptional<z.ZodNumber>;
    readRate: z.ZodOptional<z.ZodNumber>;
    samplePercent: z.ZodOptional<z.ZodNumber>;
    canaryPercent: z.ZodOptional<z.ZodNumber>;
    fanOut: z.ZodOptional<z.ZodObject<{
        segments: z.ZodOptional<z.ZodNumber>;
        concurrency: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>>;
}, z.core.$strip>;
/**
 * Checks run settings against their schema: the first bad value is one InputError naming it
 * (by its label where the user typed it), the value and what was expected.
 */
export declare function checkRunSettings(value: unknown, o?: {
    source?: string;
    labels?: SettingLabels | undefined;
    values?: Record<string, unknown>;
}): RunSettings;
/** The same settings for a read-only look (plan, status, drift): never a dry-run of writes, never a wait. */
export declare function readOnlySettings(s: RunSettings): RunSettings;
