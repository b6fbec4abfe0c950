import type { Plan, PlanStep, RunReport } from '../../../src/core/types';

const sha = (c: string) => `sha256:${c.repeat(64).slice(0, 64)}`;

/** A plan step with readable defaults. */
export function step(version: string, over: Partial<PlanStep> = {}): PlanStep {
  return {
    version,
    direction: 'up',
    description: `Migration ${version}`,
    file: `migrations/${version}.ts`,
    checksum: sha(version.replace(/\D/g, '') || 'a'),
    reversible: true,
    idempotent: true,
    kind: 'migrate',
    ...over,
  };
}

/** A plan for `dev`/`orders-dev` from 1.0.0 to 1.2.0 unless overridden. */
export function plan(over: Partial<Plan> = {}): Plan {
  return {
    command: 'apply',
    environment: 'dev',
    table: 'orders-dev',
    currentVersion: '1.0.0',
    targetVersion: '1.2.0',
    direction: 'up',
    steps: [
      step('1.1.0', { description: 'Add status to orders' }),
      step('1.2.0', { description: 'Split name into first and last', idempotent: false }),
    ],
    warnings: [],
    blockers: [],
    drift: [],
    rollback: { command: 'to', version: '1.0.0' },
    stateRevision: '0123456789abcdef',
    hash: 'a1b2c3d4e5f60718',
    ...over,
  };
}

/** A run report of `p`, every step applied. */
export function applied(p: Plan, over: Partial<RunReport> = {}): RunReport {
  return {
    plan: p,
    status: 'applied',
    steps: p.steps.map((s, i) => ({
      version: s.version,
      direction: s.direction,
      kind: s.kind,
      status: 'applied' as const,
      durationMs: 1500 + i * 1000,
      counts: { scanned: 1200, changed: 800 - i * 100, skipped: 400 + i * 100, failed: 0 },
    })),
    startedAt: 1_750_000_000_000,
    durationMs: 4200,
    lockId: 'lock-7f3a',
    ...over,
  };
}
