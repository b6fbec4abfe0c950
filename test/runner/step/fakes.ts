import { LockHeldError } from '../../../src/core/errors';
import type { Logger } from '../../../src/core/logger';
import type { RunSettings } from '../../../src/core/run-settings';
import type { Finding, LockInfo, Plan, PlanStep } from '../../../src/core/types';
import type { PlanInput } from '../../../src/runner/session';
import type { AuditEvent } from '../../../src/runner/step/audit';
import type { StepLedger, StepOutcome } from '../../../src/runner/step/ledger';
import type { RunBackend, RunLease } from '../../../src/runner/step/run-plan';
import type { BodyResult, StepBody } from '../../../src/runner/step/run-step';

/**
 * In-memory stand-ins for the step runner's seams (ledger, body, backend, lease, clock, log).
 * Every fake writes what happens to one shared event list, so a test reads the order of a
 * run's calls from one place: `['acquire', 'plan apply', 'renew', 'begin 1.0.0', ...]`.
 */

/** A step as the planner would make it; override what the test is about. */
export function aStep(version: string, over: Partial<PlanStep> = {}): PlanStep {
  return {
    version,
    direction: 'up',
    description: `step ${version}`,
    file: `${version}-step.ts`,
    checksum: `sha-${version}`,
    reversible: true,
    idempotent: false,
    kind: 'migrate',
    ...over,
  };
}

/** A plan of `steps` for the `apply` command; override what the test is about. */
export function aPlan(steps: PlanStep[], over: Partial<Plan> = {}): Plan {
  return {
    command: 'apply',
    environment: 'dev',
    table: 'orders-dev',
    currentVersion: '0.0.0',
    targetVersion: steps.at(-1)?.version ?? '0.0.0',
    direction: steps.length ? (steps[0]!.direction ?? 'up') : 'none',
    steps,
    warnings: [],
    blockers: [],
    drift: [],
    stateRevision: 'rev-1',
    hash: 'hash-1',
    ...over,
  };
}

/** A clock that moves only when told to. */
export class FakeClock {
  constructor(public t = 1_000_000) {}
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

/** A logger that keeps every line, prefixed by its level. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  info(m: string): void {
    this.lines.push(`info: ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`warn: ${m}`);
  }
  error(m: string): void {
    this.lines.push(`error: ${m}`);
  }
  debug(m: string): void {
    this.lines.push(`debug: ${m}`);
  }
}

/** A ledger that records its calls; its ticket names the step and the attempt. */
export class RecordingLedger implements StepLedger<string> {
  readonly finished: { version: string; ticket: string; outcome: StepOutcome }[] = [];
  private attempts = 0;
  constructor(private readonly events: string[] = []) {}
  async begin(step: PlanStep): Promise<string> {
    this.events.push(`begin ${step.version}`);
    return `ticket-${step.version}-${++this.attempts}`;
  }
  async finish(step: PlanStep, ticket: string, outcome: StepOutcome): Promise<void> {
    this.events.push(`finish ${step.version} ${outcome.status}`);
    this.finished.push({ version: step.version, ticket, outcome });
  }
}

/** What a scripted body does for one step: a result to return, or an error to throw; after `takesMs` on the clock. */
export type BodyScript =
  | (BodyResult & { takesMs?: number })
  | { throws: unknown; takesMs?: number }
  | ((step: PlanStep) => BodyResult | Promise<BodyResult>);

/** A step body that does what its script says for each version (success with no counts when the script is silent). */
export function scriptedBody(
  script: Record<string, BodyScript>,
  events: string[] = [],
  clock?: FakeClock,
): StepBody<string> & { tickets: string[] } {
  const tickets: string[] = [];
  const body = async (step: PlanStep, ticket: string): Promise<BodyResult> => {
    events.push(`body ${step.version}`);
    tickets.push(ticket);
    const s = script[step.version] ?? { incomplete: false };
    if (typeof s === 'function') return s(step);
    if (s.takesMs) clock?.advance(s.takesMs);
    if ('throws' in s) throw s.throws;
    const { takesMs: _takesMs, ...result } = s;
    return result;
  };
  return Object.assign(body, { tickets });
}

/** A `before` hook that finds what its script says for each version (nothing when silent), or throws. */
export function scriptedBefore(
  script: Record<string, Finding[] | { throws: unknown }>,
  events: string[] = [],
): (step: PlanStep) => Promise<Finding[]> {
  return async (step) => {
    events.push(`before ${step.version}`);
    const s = script[step.version] ?? [];
    if ('throws' in s) throw s.throws;
    return s;
  };
}

/** A lease whose renewals are counted, and which a test can lose (abort) at any point. */
export class FakeLease implements RunLease {
  private readonly controller = new AbortController();
  renewals = 0;
  stopped = false;
  /** When set, the next renewal throws this (another run took the lock). */
  renewFails: Error | undefined;
  constructor(private readonly events: string[]) {}
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  async renew(): Promise<void> {
    this.events.push('renew');
    this.renewals++;
    if (this.renewFails) throw this.renewFails;
  }
  stop(): void {
    this.events.push('stop lease');
    this.stopped = true;
  }
  lose(reason: Error): void {
    this.controller.abort(reason);
  }
}

export interface FakeBackendOptions {
  /** Who holds the lock when the run starts (another run's lock id). */
  heldBy?: string | undefined;
  /** The other run releases its lock after this many refused attempts. */
  releasedAfterAttempts?: number | undefined;
  /** What planning again under the lock returns: a plan, or a function of the input. */
  replan: Plan | ((input: PlanInput) => Plan);
  /** What each step's body does (success when silent). */
  script?: Record<string, BodyScript> | undefined;
  /** What each step's `before` finds; no `before` at all when absent. */
  before?: Record<string, Finding[] | { throws: unknown }> | undefined;
  /** The clock a step's `takesMs` moves. */
  clock?: FakeClock | undefined;
  how?: string | undefined;
  /** The version `currentVersion` reads back, or an error it throws. */
  version?: string | Error | undefined;
  /** releaseLock throws this. */
  releaseFails?: Error | undefined;
}

/** A run backend with the lock, the plans, the audit log and the records in memory. */
export class FakeBackend implements RunBackend<string> {
  readonly events: string[] = [];
  readonly ledger = new RecordingLedger(this.events);
  readonly audits: { event: AuditEvent; lockId: string }[] = [];
  readonly planInputs: PlanInput[] = [];
  readonly leases: FakeLease[] = [];
  readonly body: StepBody<string> & { tickets: string[] };
  stepsCalls: { lockId: string; runId: string; plan: Plan; lease: RunLease }[] = [];
  acquireAttempts = 0;
  /** Lock id of the holder, if any. */
  holder: string | undefined;
  released: string[] = [];
  private nextLock = 0;

  constructor(private readonly o: FakeBackendOptions) {
    this.holder = o.heldBy;
    this.body = scriptedBody(o.script ?? {}, this.events, o.clock);
  }

  async acquireLock(command: string): Promise<Pick<LockInfo, 'lockId' | 'leaseExpiresAt'>> {
    this.events.push(`acquire ${command}`);
    this.acquireAttempts++;
    if (this.holder !== undefined && this.o.releasedAfterAttempts !== undefined) {
      if (this.acquireAttempts > this.o.releasedAfterAttempts) this.holder = undefined;
    }
    if (this.holder !== undefined) throw new LockHeldError(`The lock is held by run ${this.holder}.`);
    this.holder = `lock-${++this.nextLock}`;
    return { lockId: this.holder, leaseExpiresAt: 0 };
  }

  hold(lock: Pick<LockInfo, 'lockId' | 'leaseExpiresAt'>): FakeLease {
    this.events.push(`hold ${lock.lockId}`);
    const lease = new FakeLease(this.events);
    this.leases.push(lease);
    return lease;
  }

  async releaseLock(lockId: string): Promise<void> {
    this.events.push(`release ${lockId}`);
    if (this.o.releaseFails) throw this.o.releaseFails;
    if (this.holder === lockId) this.holder = undefined;
    this.released.push(lockId);
  }

  async plan(input: PlanInput): Promise<Plan> {
    this.events.push(`plan ${input.command}`);
    this.planInputs.push(input);
    return typeof this.o.replan === 'function' ? this.o.replan(input) : this.o.replan;
  }

  async audit(event: AuditEvent, lockId: string): Promise<void> {
    this.events.push(`audit ${event.event} ${event.outcome}`);
    this.audits.push({ event, lockId });
  }

  steps(run: { lockId: string; runId: string; plan: Plan; lease: RunLease }): ReturnType<RunBackend<string>['steps']> {
    this.events.push('steps');
    this.stepsCalls.push(run);
    return {
      ledger: this.ledger,
      body: this.body,
      how: this.o.how === undefined ? undefined : () => this.o.how,
      before: this.o.before ? scriptedBefore(this.o.before, this.events) : undefined,
    };
  }

  async currentVersion(): Promise<string> {
    this.events.push('current version');
    const v = this.o.version ?? '0.0.0';
    if (v instanceof Error) throw v;
    return v;
  }

  /** The lease of the run (the last one taken). */
  get lease(): FakeLease {
    const l = this.leases.at(-1);
    if (!l) throw new Error('no lease was taken');
    return l;
  }
}

/** Run settings with only what the step runner reads mattering. */
export function runSettings(over: Partial<RunSettings> = {}): RunSettings {
  return { actor: 'test', dryRun: false, lockTimeoutMs: 0, leaseMs: 120_000, ...over };
}
