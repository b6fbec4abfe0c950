import { checkSetting } from '../core/run-settings';
import { InputError } from '../core/errors';

/** Flags every command takes (the program's global options), as commander gives them: strings. */
export interface GlobalFlags {
  manifest: string;
  env?: string;
  endpoint?: string;
  region?: string;
  local?: boolean;
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
  confirm?: string;
  lockTimeout?: string;
  sample?: string;
  canary?: string;
  timeBudget?: string;
  segments?: string;
  concurrency?: string;
  verbose?: boolean;
}

/** The flags that shape a run, as numbers, each checked. */
export interface RunFlags {
  lockTimeoutSeconds: number | undefined;
  samplePercent: number | undefined;
  canaryPercent: number | undefined;
  timeBudgetSeconds: number | undefined;
  segments: number | undefined;
  concurrency: number | undefined;
  /** --endpoint, else AWS_ENDPOINT_URL_DYNAMODB from `env`. */
  endpoint: string | undefined;
}

/**
 * Parses and checks the flags that shape a run, in the order they are listed in the help: the
 * first bad one is an InputError (exit 2) naming the flag, the value and what was expected.
 */
export function parseRunFlags(f: GlobalFlags, env: Record<string, string | undefined>): RunFlags {
  // The ranges are the run settings' (core/run-settings.ts), checked here first so a bad flag is
  // reported before any file is read.
  const lockTimeoutSeconds = numberOf(f.lockTimeout);
  checkSetting('lockTimeoutSeconds', lockTimeoutSeconds, '--lock-timeout', f.lockTimeout);
  const samplePercent = numberOf(f.sample);
  checkSetting('samplePercent', samplePercent, '--sample', f.sample);
  const canaryPercent = numberOf(f.canary);
  checkSetting('canaryPercent', canaryPercent, '--canary', f.canary);
  const timeBudgetSeconds = numberOf(f.timeBudget);
  checkSetting('timeBudgetSeconds', timeBudgetSeconds, '--time-budget', f.timeBudget);
  const segments = numberOf(f.segments);
  checkSetting('segments', segments, '--segments', f.segments);
  const concurrency = numberOf(f.concurrency);
  checkSetting('concurrency', concurrency, '--concurrency', f.concurrency);
  const endpoint = f.endpoint ?? env.AWS_ENDPOINT_URL_DYNAMODB;
  if (endpoint) checkEndpoint(endpoint, f.endpoint ? '--endpoint' : 'AWS_ENDPOINT_URL_DYNAMODB');
  if (f.local && f.endpoint)
    throw new InputError('--local and --endpoint conflict: --local starts its own DynamoDB Local.');
  return { lockTimeoutSeconds, samplePercent, canaryPercent, timeBudgetSeconds, segments, concurrency, endpoint };
}

/** `validate --rate`: read units per second, above 0. */
export function parseReadRate(value: string | undefined): number | undefined {
  const rate = numberOf(value);
  checkSetting('readRate', rate, '--rate', value);
  return rate;
}

function numberOf(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function checkEndpoint(url: string, source: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InputError(`${source} ${url}: not a URL (expected e.g. http://localhost:8000).`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new InputError(`${source} ${url}: expected an http:// or https:// URL.`);
}
