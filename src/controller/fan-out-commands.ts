import { InputError, messageOf } from '../core/errors';
import type { ItemCounts } from '../core/types';
import {
  CheckpointStore,
  isPassFailed,
  isPassIncomplete,
  type DataEngine,
  type PassResult,
  type Selection,
} from '../dynamodb/bulk';
import type { Lease } from '../runner/local/lease';
import type { TableBackend } from '../runner/local/table-backend';
import { createStepData } from '../runner/step/step-data';
import type { CommandContext } from './command-context';
import {
  DM,
  type AuditArgs,
  type BeforeArgs,
  type BodyArgs,
  type BodyReply,
  type LockArgs,
  type LockBody,
  type SegmentArgs,
  type SegmentBody,
  type StepArgs,
} from './protocol';

/**
 * The controller's side of a run driven by its caller (the action or the CLI), which runs the
 * plan with runPlan and this controller as its backend: the lock (dm:lock, dm:renew,
 * dm:release), the audit log (dm:audit), each step's `before` hook (dm:before) and ledger
 * (dm:step: the same TableLedger a local run writes with), and each step's work: whole in one
 * invocation (dm:body, the same step body as a local run, invoked again while it stops at a
 * checkpoint), or its bulk passes as many dm:segment invocations, one scan
 * segment each. Every write here is fenced by the coordinator's lock id.
 */
export const fanOutCommands: Record<string, (c: CommandContext) => Promise<unknown>> = {
  async [DM.lock](c): Promise<LockBody> {
    const a = c.args as unknown as LockArgs;
    if (c.dryRun) throw new InputError('dm:lock takes the lock and cannot run dry: use dm:apply with dry: true.');
    const lock = await c.table().acquireLock(a.command ?? 'apply');
    return { lockId: lock.lockId, leaseExpiresAt: lock.leaseExpiresAt };
  },

  async [DM.renew](c) {
    return { leaseExpiresAt: await c.table().renewLock(lockIdOf(c, DM.renew)) };
  },

  async [DM.release](c) {
    const lockId = lockIdOf(c, DM.release);
    await c.table().releaseLock(lockId);
    return { released: lockId };
  },

  async [DM.audit](c) {
    const a = c.args as unknown as AuditArgs;
    if (!a.event || typeof a.event.event !== 'string')
      throw new InputError('dm:audit needs args.event {runId, event, outcome}.');
    await c.table().audit(a.event);
    return { logged: a.event.event };
  },

  async [DM.step](c) {
    const a = c.args as unknown as StepArgs;
    if (!a.step || !a.lockId) throw new InputError('dm:step needs args.step and args.lockId.');
    const t = c.table();
    await t.renewLock(a.lockId);
    const ledger = t.ledger({ lockId: a.lockId, runId: a.runId, planHash: a.planHash });
    if (a.phase === 'start') return { date: (await ledger.begin(a.step)).date };
    if (a.phase !== 'end' || !a.outcome || typeof a.date !== 'number') {
      throw new InputError(
        'dm:step needs phase "start", or phase "end" with the outcome and the date the start phase returned.',
      );
    }
    await ledger.finish(a.step, await ledger.resumeTicket(a.step, a.date), a.outcome);
    return { recorded: a.outcome.status, currentVersion: await t.currentVersion() };
  },

  async [DM.before](c) {
    const a = c.args as unknown as BeforeArgs;
    if (!a.step) throw new InputError('dm:before needs args.step.');
    return { findings: await c.table().body.before(a.step) };
  },

  async [DM.body](c): Promise<BodyReply> {
    const a = c.args as unknown as BodyArgs;
    if (c.dryRun) throw new InputError('dm:body cannot run dry: dry runs use dm:apply with dry: true.');
    if (!a.step || !a.lockId) throw new InputError('dm:body needs args.step and args.lockId.');
    const t = c.table();
    return underLease(t, a.lockId, async (lease) => {
      // The caller's dm:step started the attempt; this invocation (and any after it) only continues it.
      const ledger = t.ledger({
        lockId: a.lockId,
        runId: '',
        planHash: '',
        dataClient: lease.client,
        signal: lease.signal,
      });
      const ticket = await ledger.resumeTicket(a.step, 0);
      const r = await t.body.run(
        a.step,
        { data: ticket.data, signal: lease.signal, client: lease.client },
        { verify: true, sample: (s, percent) => ledger.stepData(s, { samplePercent: percent }) },
      );
      const common = { counts: r.counts, checks: r.checks, canaryReverted: r.canaryReverted };
      if (r.incomplete && (r.error === undefined || isPassIncomplete(r.error)))
        return { status: 'incomplete', ...common };
      if (r.error !== undefined)
        return {
          status: 'failed',
          error: messageOf(r.error) || 'failed',
          lockLost: r.lockLost === true,
          ...(isPassFailed(r.error) ? { checkpointed: true } : {}),
          ...common,
        };
      return { status: 'done', ...common };
    });
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
    const t = c.table();
    return underLease(t, a.lockId, (lease) => runSegment(t, a, lease));
  },
};

function lockIdOf(c: CommandContext, cmd: string): string {
  const { lockId } = c.args as { lockId?: unknown };
  if (typeof lockId !== 'string' || !lockId) throw new InputError(`${cmd} needs args.lockId.`);
  return lockId;
}

/**
 * Fencing: an invocation works only while the caller's lock is live, and keeps it so (heartbeat
 * on a client of its own; its writes refused once the lease may have run out).
 */
async function underLease<T>(t: TableBackend, lockId: string, work: (lease: Lease) => Promise<T>): Promise<T> {
  const leaseExpiresAt = await t.renewLock(lockId);
  const lease = t.hold({ lockId, leaseExpiresAt });
  try {
    return await work(lease);
  } finally {
    lease.stop();
  }
}

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
async function runSegment(t: TableBackend, a: SegmentArgs, lease: Lease): Promise<SegmentBody> {
  const { signal, client } = lease;
  const step = a.step;
  // The caller's dm:step starts the attempt and deletes the checkpoints; a segment only uses them.
  const data = createStepData({ client, table: t.table, keys: await t.store.keys(), log: t.log }, step, t.settings, {
    signal,
    progressBar: false,
  });
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
  try {
    await t.body.invoke(step, { data, signal, client }, { data: gated });
  } catch (e) {
    if (e instanceof StopAtPass) {
      return e.reason === 'fan-out'
        ? { status: 'fan-out' }
        : { status: 'done', counts: target?.counts, nextPass: true };
    }
    if (isPassIncomplete(e)) return { status: 'incomplete', counts: e.counts };
    if (signal.aborted) throw signal.reason;
    const error = messageOf(e) || 'failed';
    // Kept for the step's outcome: a Distributed Map tells only that one of its children failed.
    // Failed items of the pass stopped it at its checkpoints: a resume continues from them.
    await new CheckpointStore(client, t.table, await t.store.keys(), `${step.version}:${step.direction}`, signal)
      .recordFailure(error, { checkpointed: isPassFailed(e) })
      .catch((x) => t.log.warn(`Could not keep the failure of segment ${a.segment}: ${messageOf(x)}`));
    return { status: 'failed', error, counts: target?.counts };
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
