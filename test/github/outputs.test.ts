import { expect, test } from 'vitest';
import { Outputs } from '../../src/github/constants';
import { outputsOf, overallStatus } from '../../src/github/outputs';
import { applied, plan, step } from '../core/render/fixtures';

test('one environment: scalar outputs are its values', () => {
  const p = plan();
  const out = outputsOf([{ plan: p, phase: 'applied', report: applied(p) }], {
    commentUrl: 'https://github.com/acme/shop/pull/7#issuecomment-1',
  });
  expect(out).toMatchObject({
    // No version read back (as from a runner that could not): the version it was found at.
    [Outputs.CurrentVersion]: '1.0.0',
    [Outputs.PreviousVersion]: '1.0.0',
    [Outputs.TargetVersion]: '1.2.0',
    [Outputs.Direction]: 'up',
    [Outputs.PlanHash]: 'a1b2c3d4e5f60718',
    [Outputs.Changed]: 'true',
    [Outputs.Status]: 'applied',
    [Outputs.LockId]: 'lock-7f3a',
    [Outputs.CommentUrl]: 'https://github.com/acme/shop/pull/7#issuecomment-1',
  });
  expect(JSON.parse(out[Outputs.Applied]!)).toEqual([
    {
      environment: 'dev',
      version: '1.1.0',
      direction: 'up',
      durationMs: 1500,
      counts: { scanned: 1200, changed: 800, skipped: 400, failed: 0 },
    },
    {
      environment: 'dev',
      version: '1.2.0',
      direction: 'up',
      durationMs: 2500,
      counts: { scanned: 1200, changed: 700, skipped: 500, failed: 0 },
    },
  ]);
});

test('several environments: env=value pairs, JSON entries name their environment, the most urgent status wins', () => {
  const dev = plan();
  const prod = plan({
    environment: 'production',
    table: 'orders-prod',
    currentVersion: '1.2.0',
    steps: [],
    direction: 'none',
    hash: 'ffee001122334455',
  });
  const out = outputsOf([
    { plan: dev, phase: 'planned' },
    { plan: prod, phase: 'planned' },
  ]);
  expect(out[Outputs.CurrentVersion]).toBe('dev=1.0.0,production=1.2.0');
  expect(out[Outputs.PlanHash]).toBe('dev=a1b2c3d4e5f60718,production=ffee001122334455');
  expect(out[Outputs.Status]).toBe('planned');
  expect(
    JSON.parse(out[Outputs.Steps]!).map(
      (s: { environment: string; version: string }) => `${s.environment}:${s.version}`,
    ),
  ).toEqual(['dev:1.1.0', 'dev:1.2.0']);
  expect(overallStatus([{ plan: prod, phase: 'planned' }])).toBe('no-op');
  expect(
    overallStatus([
      { plan: dev, phase: 'planned' },
      { plan: prod, phase: 'failed' },
    ]),
  ).toBe('failed');
  expect(overallStatus([{ plan: dev, phase: 'applying' }])).toBe('failed');
});

test('a fork plan has no plan hash and nothing changed is false', () => {
  const p = plan({ stateUnknown: true, steps: [step('1.0.0')] });
  expect(outputsOf([{ plan: p, phase: 'planned' }])[Outputs.PlanHash]).toBe('');
  expect(outputsOf([{ plan: plan({ steps: [], direction: 'none' }), phase: 'planned' }])[Outputs.Changed]).toBe(
    'false',
  );
});

test('current-version is where the run left the table, previous-version where it found it', () => {
  const p = plan({ currentVersion: '0.0.0', targetVersion: '1.2.0' });
  expect(outputsOf([{ plan: p, phase: 'applied', report: applied(p, { finalVersion: '1.2.0' }) }])).toMatchObject({
    [Outputs.CurrentVersion]: '1.2.0',
    [Outputs.PreviousVersion]: '0.0.0',
  });
  // A step failed at 1.1.0: the table is at 1.1.0 (a failed step's version counts, as in OneTable).
  const failed = applied(p, { status: 'failed', finalVersion: '1.1.0' });
  expect(outputsOf([{ plan: p, phase: 'failed', report: failed }])[Outputs.CurrentVersion]).toBe('1.1.0');
  // No run (a plan, a blocked merge): both are the plan's current version.
  expect(outputsOf([{ plan: p, phase: 'blocked' }])).toMatchObject({
    [Outputs.CurrentVersion]: '0.0.0',
    [Outputs.PreviousVersion]: '0.0.0',
  });
  const prod = plan({ environment: 'production', currentVersion: '1.0.0' });
  const out = outputsOf([
    { plan: p, phase: 'applied', report: applied(p, { finalVersion: '1.2.0' }) },
    { plan: prod, phase: 'applied', report: applied(prod, { finalVersion: '1.2.0' }) },
  ]);
  expect(out[Outputs.CurrentVersion]).toBe('dev=1.2.0,production=1.2.0');
  expect(out[Outputs.PreviousVersion]).toBe('dev=0.0.0,production=1.0.0');
});
