import { randomUUID } from 'node:crypto';
import { EXIT, InputError, MigrateError, PlanChangedError, messageOf } from '../../core/errors';
import { readHistory, runningStatus, SUCCESS } from '../../core/history';
import { toSchemaItem } from '../../core/schema';
import type { ItemCounts, PlanStep, RunReport } from '../../core/types';
import { ZERO } from '../../core/version';
import { createDataEngine, isPassIncomplete, type DataEngine, type PassResult, type Selection } from '../../dynamodb/bulk';
import type { LoadedMigration } from '../../loader/load-project';
import type { CommandContext } from '../controller';
import type { Session } from '../engine';
import { keepLease, type Lease } from '../lease';
import { continuesCanary } from '../step-data';
import { DM, type BeginArgs, type BeginBody, type EndArgs, type SegmentArgs, type SegmentBody, type StepArgs } from './protocol';

/**
 * The controller's side of the fan-out: a coordinator (the action or the CLI) takes the lock
 * through the controller, then has each step's bulk pass run by many invocations, one scan
 * segment each, renewing the lease between them, and records the step when every segment is
 * done. Every write here is fenced by the coordinator's lock id.
 */
export const fanOutCommands: Record<string, (c: CommandContext) => Promise<unknown>> = {
  async [DM.begin](c): Promise<BeginBody> {
    const a = c.args as unknown as BeginArgs;
    if (c.dryRun) throw new InputError('dm:begin takes the lock and cannot run dry: use dm:apply with dry: true.');
    const s = c.session({ actor: a.actor, runUrl: a.runUrl, gitSha: a.gitSha });
    const startedAt = c.now();
    const input = { command: a.command ?? 'apply', version: a.version, resume: a.resume };
    const lock = await s.store.acquireLock({ owner: s.actor, command: input.command, runUrl: a.runUrl, leaseMs: c.leaseMs, now: startedAt });
    let keep = false;
    try {
      const plan = await s.plan(input);
      const report = (r: Omit<RunReport, 'plan' | 'steps' | 'startedAt' | 'durationMs' | 'lockId'>): BeginBody => ({
        report: { plan, steps: [], startedAt, durationMs: c.now() - startedAt, lockId: lock.lockId, ...r },
      });
      if (a.planHash && plan.hash !== a.planHash) {
        const relative = input.command === 'up' || input.command === 'down' || input.command === 'repeat' || input.command === 'reset';
        if (relative || (a.onPlanChange ?? 'fail') === 'fail') {
          return report({
            status: 'blocked',
            error: new PlanChangedError(`The plan changed since it was reviewed (reviewed ${a.planHash}, now ${plan.hash}).`).message,
            next: 'Review the new plan below, then re-run (or use on-plan-change: replan to apply the current plan).',
            exitCode: EXIT.drift,
          });
        }
      }
      if (plan.blockers.length) {
        const first = plan.blockers[0]!;
        return report({
          status: 'blocked',
          error: plan.blockers.map((b) => b.message).join('\n'),
          next: plan.blockers.map((b) => b.next).join('\n'),
          exitCode: first.kind === 'drift' ? EXIT.drift : first.kind === 'failed-state' ? EXIT.failure : EXIT.input,
        });
      }
      if (!plan.steps.length) return report({ status: 'no-op' });
      const runId = randomUUID();
      await s.audit({ runId, event: 'apply-start', outcome: 'started', plan, reason: a.reason });
      keep = true;
      return { lockId: lock.lockId, runId, plan, leaseExpiresAt: lock.leaseExpiresAt };
    } finally {
      if (!keep) await s.store.releaseLock(lock.lockId).catch((e) => c.log.warn(`Could not release lock ${lock.lockId}: ${messageOf(e)}`));
    }
  },

  async [DM.renew](c) {
    const a = c.args as { lockId?: string };
    if (!a.lockId) throw new InputError('dm:renew needs args.lockId.');
    return { leaseExpiresAt: await c.session().store.renewLock(a.lockId, c.leaseMs) };
  },

  async [DM.step](c) {
    const a = c.args as unknown as StepArgs;
    const s = c.session({ actor: a.actor, runUrl: a.runUrl, gitSha: a.gitSha });
    const m = migrationOf(s, a.version);
    await s.store.renewLock(a.lockId, c.leaseMs);
    const common = { path: m.path, description: m.description, checksum: m.checksum, direction: a.direction, actor: s.actor, runUrl: a.runUrl, gitSha: a.gitSha };
    if (a.phase === 'start') {
      // As in a local run: only a resume continues from checkpoints; a fresh attempt first
      // deletes what earlier attempts of this version and direction left behind and records a
      // new attempt id, which every segment's `once` passes read back for their marker tokens.
      if (a.kind === 'migrate' || a.kind === 'repeat') {
        await (await stepCheckpoints(s, a)).startAttempt({ keepCanary: continuesCanary({ kind: a.kind, direction: a.direction }) });
      }
      // As in a local run: a coordinator that dies mid-step leaves this record, so the step shows as interrupted.
      const rec = await s.store.writeRecord({ ...common, version: a.version, status: runningStatus(s.actor, c.now(), a.lockId) }, a.lockId);
      return { date: rec.date };
    }
    if (a.phase !== 'end' || typeof a.status !== 'string' || typeof a.date !== 'number') {
      throw new InputError('dm:step needs phase "start", or phase "end" with status and the date the start phase returned.');
    }
    const outcome = { ...common, version: a.version, date: a.date, durationMs: a.durationMs, counts: a.counts };
    if (a.status !== SUCCESS) {
      await s.store.writeRecord({ ...outcome, status: a.status }, a.lockId, { replace: true });
      if (!a.status.startsWith('incomplete')) {
        await s.audit({ runId: a.runId, event: 'step', outcome: 'failed', versions: [`${a.direction} ${a.version}`], message: a.status, planHash: a.planHash });
      }
      return { recorded: a.status };
    }
    if (a.direction === 'up') {
      await s.store.writeRecord({ ...outcome, status: SUCCESS }, a.lockId, { replace: true });
      if (m.schema) await s.store.writeSchema(toSchemaItem(m.schema, { now: c.now() }), a.lockId);
    } else {
      // A successful down removes the version's records and restores the new current version's schema.
      await s.store.deleteVersionRecords(a.version, a.lockId);
      const now = readHistory(await s.store.readRecords()).currentVersion;
      const schema = now === ZERO ? undefined : s.project.migrations.find((x) => x.version === now)?.schema;
      await s.store.writeSchema(schema ? toSchemaItem(schema, { now: c.now() }) : undefined, a.lockId);
    }
    // The step is recorded: its segments' checkpoints can go (and the opposite direction's).
    await (await stepCheckpoints(s, a)).complete();
    await s.audit({ runId: a.runId, event: 'step', outcome: 'applied', versions: [`${a.direction} ${a.version}`], planHash: a.planHash });
    return { recorded: SUCCESS };
  },

  async [DM.segment](c): Promise<SegmentBody> {
    const a = c.args as unknown as SegmentArgs;
    if (c.dryRun) throw new InputError('dm:segment cannot run dry: dry runs use dm:apply with dry: true.');
    if (!Number.isInteger(a.pass) || a.pass < 0) throw new InputError(`dm:segment: pass must be 0 or more, got ${a.pass}.`);
    if (!Number.isInteger(a.totalSegments) || a.totalSegments < 1) throw new InputError(`dm:segment: totalSegments must be 1 or more, got ${a.totalSegments}.`);
    if (!Number.isInteger(a.segment) || a.segment < 0 || a.segment >= a.totalSegments) {
      throw new InputError(`dm:segment: segment must be in 0..${a.totalSegments - 1}, got ${a.segment}.`);
    }
    const s = c.session();
    const m = migrationOf(s, a.version);
    // Fencing: this invocation works only while the coordinator's lock is live, and keeps it so
    // (heartbeat on a client of its own; the segment's writes refused once the lease may have run out).
    const leaseExpiresAt = await s.store.renewLock(a.lockId, c.leaseMs);
    const lease = keepLease({ store: s.store, lockId: a.lockId, leaseMs: c.leaseMs, leaseExpiresAt, log: c.log });
    try {
      return await runSegment(s, c, m, a, lease);
    } finally {
      lease.stop();
    }
  },

  async [DM.end](c) {
    const a = c.args as unknown as EndArgs;
    const s = c.session({ actor: a.actor, runUrl: a.runUrl, gitSha: a.gitSha });
    await s.store.releaseLock(a.lockId);
    await s.audit({ runId: a.runId, event: 'apply-end', outcome: a.outcome, versions: a.versions, message: a.message, planHash: a.planHash });
    return { released: a.lockId };
  },
};

/** Thrown into the migration to stop it where this invocation's share of the step ends. */
class StopAtPass extends Error {
  constructor(readonly reason: 'fan-out' | 'next-pass') {
    super(`stopped at the next bulk pass (${reason})`);
  }
}

async function runSegment(s: Session, c: CommandContext, m: LoadedMigration, a: SegmentArgs, lease: Lease): Promise<SegmentBody> {
  const { signal, client } = lease;
  const step: PlanStep = {
    version: m.version,
    direction: a.direction,
    description: m.description,
    file: m.file,
    checksum: m.checksum,
    reversible: m.hasDown && !m.irreversible,
    idempotent: m.idempotent,
    kind: a.kind ?? 'migrate',
  };
  const writeRate = s.environment['write-rate'];
  const engine = createDataEngine({
    client,
    table: s.environment.table,
    keys: await s.store.keys(),
    signal,
    deadline: c.deadline,
    checkpoint: { version: step.version, direction: step.direction },
    defaults: writeRate ? { rate: { write: writeRate } } : undefined,
    logger: c.log,
    progressBar: false,
  });
  let passNo = 0;
  let target: PassResult | undefined;
  const segments = { total: a.totalSegments, only: [a.segment] };
  const transform: DataEngine['transform'] = async (selection, fn, options = {}) => {
    passNo++;
    if (a.pass === 0) throw new StopAtPass('fan-out');
    if (passNo > a.pass) throw new StopAtPass('next-pass');
    // Names are fixed by position, so every invocation of every segment agrees on each pass's checkpoints.
    const name = options.name ?? `pass-${passNo}`;
    if (isQuery(selection) && a.segment !== 0) {
      // A Query of one partition is not split into scan segments: segment 0 runs it alone.
      const skipped: PassResult = { pass: name, status: 'complete', counts: zero(), resumed: false, segments, durationMs: 0, dryRun: false };
      if (passNo === a.pass) target = skipped;
      return skipped;
    }
    const result = await engine.transform(selection, fn, { ...options, name, segments });
    if (passNo === a.pass) target = result;
    return result;
  };
  const gated: DataEngine = {
    ...engine,
    transform,
    forEach: (selection, fn, options) =>
      transform(
        selection,
        async (item) => {
          await fn(item);
          return undefined;
        },
        options,
      ),
  };
  // The coordinator's dm:step discards and deletes checkpoints; a segment only uses them.
  const data = { engine: gated, counts: () => engine.counts(), incomplete: () => engine.incomplete(), start: () => Promise.resolve(), complete: () => engine.complete() };
  const fn = step.direction === 'up' ? m.up : m.down;
  if (!fn) throw new MigrateError(`${m.file} has no ${step.direction} function.`);
  try {
    await fn((await s.contextFor(step, data, signal, false, client)) as never);
  } catch (e) {
    if (e instanceof StopAtPass) {
      return e.reason === 'fan-out' ? { status: 'fan-out' } : { status: 'done', counts: target?.counts, nextPass: true };
    }
    if (isPassIncomplete(e)) return { status: 'incomplete', counts: e.counts };
    if (signal.aborted) throw signal.reason;
    return { status: 'failed', error: messageOf(e) || 'failed', counts: target?.counts };
  }
  // The migration returned: pass 0 means the step had no bulk pass and is done; pass n was its last.
  if (a.pass === 0) return { status: 'done', stepDone: true, counts: engine.counts() };
  return { status: 'done', counts: target?.counts ?? zero(), nextPass: false };
}

/** The data engine of a step, for its checkpoints only. */
async function stepCheckpoints(s: Session, a: { version: string; direction: 'up' | 'down' }): Promise<DataEngine> {
  return createDataEngine({ client: s.client, table: s.environment.table, keys: await s.store.keys(), checkpoint: { version: a.version, direction: a.direction } });
}

function isQuery(selection: Selection): boolean {
  return selection.partition !== undefined;
}

function zero(): ItemCounts {
  return { scanned: 0, changed: 0, skipped: 0, failed: 0 };
}

function migrationOf(s: Session, version: string): LoadedMigration {
  const m = s.project.migrations.find((x) => x.version === version);
  if (!m) throw new InputError(`No migration file for ${version} in the controller's bundle.`);
  return m;
}
