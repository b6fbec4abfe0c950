import { InputError, MigrateError, messageOf } from '../core/errors';
import { readHistory } from '../core/history';
import type { ItemCounts } from '../core/types';
import { isPassIncomplete, type DataEngine, type PassResult, type Selection } from '../dynamodb/bulk';
import { keepLease, type Lease } from '../runner/local/lease';
import type { LocalSession } from '../runner/local/local-session';
import { migrationOf } from '../runner/step/ledger';
import { migrationContext } from '../runner/step/migration-context';
import { createStepData } from '../runner/step/step-data';
import type { CommandContext } from './command-context';
import {
  DM,
  type AuditArgs,
  type LockArgs,
  type LockBody,
  type SegmentArgs,
  type SegmentBody,
  type StepArgs,
} from './protocol';

/**
 * The controller's side of the fan-out: a coordinator (the action or the CLI) runs the plan
 * with runPlan and this controller as its backend: the lock (dm:lock, dm:renew, dm:release),
 * the audit log (dm:audit) and each step's ledger (dm:step: the same TableLedger a local run
 * writes with), while each step's bulk passes run as many dm:segment invocations, one scan
 * segment each. Every write here is fenced by the coordinator's lock id.
 */
export const fanOutCommands: Record<string, (c: CommandContext) => Promise<unknown>> = {
  async [DM.lock](c): Promise<LockBody> {
    const a = c.args as unknown as LockArgs;
    if (c.dryRun) throw new InputError('dm:lock takes the lock and cannot run dry: use dm:apply with dry: true.');
    const s = c.session();
    const lock = await s.store.acquireLock({
      owner: s.settings.actor,
      command: a.command ?? 'apply',
      runUrl: s.settings.runUrl,
      leaseMs: s.settings.leaseMs,
      now: c.now(),
    });
    return { lockId: lock.lockId, leaseExpiresAt: lock.leaseExpiresAt };
  },

  async [DM.renew](c) {
    const a = c.args as { lockId?: string };
    if (!a.lockId) throw new InputError('dm:renew needs args.lockId.');
    return { leaseExpiresAt: await c.session().store.renewLock(a.lockId, c.settings.leaseMs) };
  },

  async [DM.release](c) {
    const a = c.args as { lockId?: string };
    if (!a.lockId) throw new InputError('dm:release needs args.lockId.');
    await c.session().store.releaseLock(a.lockId);
    return { released: a.lockId };
  },

  async [DM.audit](c) {
    const a = c.args as unknown as AuditArgs;
    if (!a.event || typeof a.event.event !== 'string')
      throw new InputError('dm:audit needs args.event {runId, event, outcome}.');
    await c.session().audit(a.event);
    return { logged: a.event.event };
  },

  async [DM.step](c) {
    const a = c.args as unknown as StepArgs;
    if (!a.step || !a.lockId) throw new InputError('dm:step needs args.step and args.lockId.');
    const s = c.session();
    await s.store.renewLock(a.lockId, c.settings.leaseMs);
    const ledger = s.ledger({ lockId: a.lockId, runId: a.runId, planHash: a.planHash });
    if (a.phase === 'start') return { date: (await ledger.begin(a.step)).date };
    if (a.phase !== 'end' || !a.outcome || typeof a.date !== 'number') {
      throw new InputError(
        'dm:step needs phase "start", or phase "end" with the outcome and the date the start phase returned.',
      );
    }
    await ledger.finish(a.step, await ledger.resumeTicket(a.step, a.date), a.outcome);
    return { recorded: a.outcome.status, currentVersion: readHistory(await s.store.readRecords()).currentVersion };
  },

  async [DM.segment](c): Promise<SegmentBody> {
    const a = c.args as unknown as SegmentArgs;
    if (c.dryRun) throw new InputError('dm:segment cannot run dry: dry runs use dm:apply with dry: true.');
    if (!a.step) throw new InputError('dm:segment needs args.step.');
    if (!Number.isInteger(a.pass) || a.pass < 0)
      throw new InputError(`dm:segment: pass must be 0 or more, got ${a.pass}.`);
    if (!Number.isInteger(a.totalSegments) || a.totalSegments < 1)
      throw new InputError(`dm:segment: totalSegments must be 1 or more, got ${a.totalSegments}.`);
    if (!Number.isInteger(a.segment) || a.segment < 0 || a.segment >= a.totalSegments) {
      throw new InputError(`dm:segment: segment must be in 0..${a.totalSegments - 1}, got ${a.segment}.`);
    }
    const s = c.session();
    // Fencing: this invocation works only while the coordinator's lock is live, and keeps it so
    // (heartbeat on a client of its own; the segment's writes refused once the lease may have run out).
    const leaseExpiresAt = await s.store.renewLock(a.lockId, c.settings.leaseMs);
    const lease = keepLease({
      store: s.store,
      lockId: a.lockId,
      leaseMs: c.settings.leaseMs,
      leaseExpiresAt,
      log: c.log,
    });
    try {
      return await runSegment(s, a, lease);
    } finally {
      lease.stop();
    }
  },
};

/** Thrown into the migration to stop it where this invocation's share of the step ends. */
class StopAtPass extends Error {
  constructor(readonly reason: 'fan-out' | 'next-pass') {
    super(`stopped at the next bulk pass (${reason})`);
  }
}

/**
 * One segment of one pass of a step: the migration runs as in a local run (same ctx, same
 * data engine settings), but every bulk pass before this one is skipped, this one runs only
 * this scan segment, and the migration is stopped at the next.
 */
async function runSegment(s: LocalSession, a: SegmentArgs, lease: Lease): Promise<SegmentBody> {
  const { signal, client } = lease;
  const step = a.step;
  const m = migrationOf(s.project, step);
  // The coordinator's dm:step starts the attempt and deletes the checkpoints; a segment only uses them.
  const data = createStepData(
    { client, table: s.environment.table, keys: await s.store.keys(), log: s.log },
    step,
    s.settings,
    { signal, progressBar: false },
  );
  const engine = data.engine;
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
      const skipped: PassResult = {
        pass: name,
        status: 'complete',
        counts: zero(),
        resumed: false,
        segments,
        durationMs: 0,
        dryRun: false,
      };
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
  const fn = step.direction === 'up' ? m.up : m.down;
  if (!fn) throw new MigrateError(`${m.file} has no ${step.direction} function.`);
  try {
    const parts = await s.contextParts(step, data, signal, client);
    await fn(migrationContext(step, { ...parts, data: gated }) as never);
  } catch (e) {
    if (e instanceof StopAtPass) {
      return e.reason === 'fan-out'
        ? { status: 'fan-out' }
        : { status: 'done', counts: target?.counts, nextPass: true };
    }
    if (isPassIncomplete(e)) return { status: 'incomplete', counts: e.counts };
    if (signal.aborted) throw signal.reason;
    return { status: 'failed', error: messageOf(e) || 'failed', counts: target?.counts };
  }
  // The migration returned: pass 0 means the step had no bulk pass and is done; pass n was its last.
  if (a.pass === 0) return { status: 'done', stepDone: true, counts: engine.counts() };
  return { status: 'done', counts: target?.counts ?? zero(), nextPass: false };
}

function isQuery(selection: Selection): boolean {
  return selection.partition !== undefined;
}

function zero(): ItemCounts {
  return { scanned: 0, changed: 0, skipped: 0, failed: 0 };
}
