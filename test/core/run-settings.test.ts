import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors';
import { checkRunSettings, DEFAULT_LEASE_MS, resolveRunSettings } from '../../src/core/run-settings';

const env = { 'lock-timeout': 30, 'write-rate': 200, 'read-rate': 50, canary: 10 };
const resolve = (input: Parameters<typeof resolveRunSettings>[1], labels?: Record<string, string>) =>
  resolveRunSettings(env, input, { now: 1_000, defaultActor: 'me', labels });

describe('resolveRunSettings', () => {
  test('what the caller gave wins, then the manifest, then the defaults', () => {
    expect(resolve({})).toEqual({
      actor: 'me',
      dryRun: false,
      lockTimeoutMs: 30_000,
      leaseMs: DEFAULT_LEASE_MS,
      writeRate: 200,
      readRate: 50,
      canaryPercent: 10,
    });
    expect(resolve({ lockTimeoutSeconds: 0, readRate: 5, canaryPercent: 20, timeBudgetSeconds: 60 })).toMatchObject({
      lockTimeoutMs: 0,
      readRate: 5,
      canaryPercent: 20,
      deadline: 61_000,
    });
  });

  test("fan-out: a flag wins over the manifest's segments and concurrency, each on its own", () => {
    const fanned = { ...env, segments: 64, concurrency: 16 };
    const of = (input: Parameters<typeof resolveRunSettings>[1]) =>
      resolveRunSettings(fanned, input, { now: 1_000, defaultActor: 'me' }).fanOut;
    expect(of({})).toEqual({ segments: 64, concurrency: 16 });
    expect(of({ fanOut: { segments: 8 } })).toEqual({ segments: 8, concurrency: 16 });
    expect(of({ fanOut: { concurrency: 2 } })).toEqual({ segments: 64, concurrency: 2 });
    expect(resolve({}).fanOut).toBeUndefined();
  });

  test('every range is checked once, naming what the user typed', () => {
    const labels = {
      samplePercent: '--sample',
      canaryPercent: '--canary',
      lockTimeoutMs: '--lock-timeout',
      deadline: '--time-budget',
    };
    expect(() => resolve({ samplePercent: 0 }, labels)).toThrow('--sample 0: expected a percentage between 0 and 100.');
    expect(() => resolve({ samplePercent: 101 }, labels)).toThrow(
      '--sample 101: expected a percentage between 0 and 100.',
    );
    expect(() => resolve({ canaryPercent: 60 }, labels)).toThrow(
      '--canary 60: expected a percentage above 0 and at most 50.',
    );
    expect(() => resolve({ lockTimeoutSeconds: -1 }, labels)).toThrow(
      '--lock-timeout -1: expected a number of seconds of 0 or more.',
    );
    expect(() => resolve({ timeBudgetSeconds: 0 }, labels)).toThrow(
      '--time-budget 0: expected a number of seconds above 0.',
    );
    expect(() => resolve({ readRate: 0 })).toThrow('settings.readRate 0: expected read units per second above 0.');
    expect(() => resolve({ fanOut: { segments: 1.5 } })).toThrow(InputError);
  });
});

describe('checkRunSettings (what a controller receives)', () => {
  const good = resolve({});
  test('accepts resolved settings as they travel (JSON), and drops fields it does not know', () => {
    expect(checkRunSettings(JSON.parse(JSON.stringify({ ...good, future: 1 })))).toEqual(good);
  });
  test('a bad value is one InputError naming the field and the value', () => {
    expect(() => checkRunSettings({ ...good, writeRate: -5 }, { source: 'dm:apply: args.settings' })).toThrow(
      'dm:apply: args.settings.writeRate -5: expected write units per second above 0.',
    );
    expect(() => checkRunSettings({ ...good, dryRun: 'yes' }, { source: 'dm:plan: args.settings' })).toThrow(
      /dm:plan: args.settings.dryRun "yes"/,
    );
    expect(() => checkRunSettings('nonsense')).toThrow(InputError);
  });
});
