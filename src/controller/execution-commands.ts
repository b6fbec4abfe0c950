import { InputError, messageOf } from '../core/errors';
import { isRunningStatus } from '../core/history';
import type { ItemCounts } from '../core/types';
import { CheckpointStore, type PassProgress } from '../dynamodb/bulk';
import type { TableBackend } from '../runner/local/table-backend';
import type { StepOutcome } from '../runner/step/ledger';
import type { CommandContext } from './command-context';
import {
  DM,
  type ConcludeArgs,
  type ConcludeBody,
  type ConcludeResult,
  type ProgressArgs,
  type ProgressBody,
} from './protocol';

/**
 * The commands a fanned-out step's Step Functions execution ends with, and what its caller
 * watches it with. The execution begins the step (dm:step start), runs pass 0 and each segment
 * of each bulk pass (dm:segment) and ends here: the outcome recorded and the lock released by the
 * execution itself, so a step ends recorded and unlocked whether or not anyone still waits on it.
 */
export const executionCommands: Record<string, (c: CommandContext) => Promise<unknown>> = {
  async [DM.conclude](c): Promise<ConcludeBody> {
    const a = c.args as unknown as ConcludeArgs;
    if (c.dryRun) throw new InputError('dm:conclude records a step and cannot run dry.');
    if (!a.step || !a.lockId || !a.result || typeof a.startedAt !== 'number')
      throw new InputError('dm:conclude needs args.step, args.lockId, args.startedAt and args.result.');
    const t = c.table();
    const counts = totalOf(await progressOf(t, a.step));
    const durationMs = Math.max(0, c.now() - a.startedAt);
    // A failed segment kept its error: the Map's own says only that a child failed.
    const checkpoints = await checkpointsOf(t, a.step);
    const segmentFailure = a.result.status === 'failed' ? await checkpoints.failure() : undefined;
    const outcome = outcomeOf(
      segmentFailure ? { status: 'failed', error: segmentFailure.message } : a.result,
      counts,
      durationMs,
    );
    if (segmentFailure?.checkpointed) outcome.checkpointed = true;
    // Date 0: the execution failed before its first state began the step; nothing to record.
    const date = a.ticket ? a.ticket.date : await runningRecordDate(t, a.step.version, a.lockId);
    if (date) {
      const ledger = t.ledger({ lockId: a.lockId, runId: a.runId ?? '', planHash: a.planHash ?? '' });
      await ledger.finish(a.step, await ledger.resumeTicket(a.step, date), outcome);
    }
    // Recorded: a resume of this attempt must not report this failure again.
    if (segmentFailure) await checkpoints.clearFailure();
    // The lock goes with the step: the caller, if it still waits, takes it again for the steps after.
    await t.releaseLock(a.lockId).catch((e) => c.log.warn(`Could not release lock ${a.lockId}: ${messageOf(e)}`));
    const status = outcome.status === 'success' ? 'applied' : outcome.status;
    return {
      status,
      error: outcome.message,
      ...(outcome.checkpointed ? { checkpointed: true } : {}),
      counts,
      durationMs,
      currentVersion: await t.currentVersion(),
    };
  },

  async [DM.progress](c): Promise<ProgressBody> {
    const a = c.args as unknown as ProgressArgs;
    if (!a.step) throw new InputError('dm:progress needs args.step.');
    // A watch reads this every few seconds: eventually consistent, half the read units (docs/scale.md).
    return { passes: await progressOf(c.table(), a.step, { consistent: false }) };
  },
};

/** The date of the step's "running" record written under `lockId`, if there is one. */
async function runningRecordDate(t: TableBackend, version: string, lockId: string): Promise<number | undefined> {
  const mine = (await t.readRecords()).filter(
    (r) => r.version === version && isRunningStatus(r.status) && r.status.endsWith(` under lock ${lockId}`),
  );
  return mine.sort((x, y) => y.date - x.date)[0]?.date;
}

async function checkpointsOf(t: TableBackend, step: ConcludeArgs['step']): Promise<CheckpointStore> {
  return new CheckpointStore(t.client, t.table, await t.store.keys(), `${step.version}:${step.direction}`);
}

async function progressOf(
  t: TableBackend,
  step: ConcludeArgs['step'],
  opts: { consistent?: boolean } = {},
): Promise<PassProgress[]> {
  return (await checkpointsOf(t, step)).progress(opts);
}

function totalOf(passes: PassProgress[]): ItemCounts | undefined {
  if (!passes.length) return undefined;
  const total: ItemCounts = { scanned: 0, changed: 0, skipped: 0, failed: 0 };
  for (const p of passes) for (const k of Object.keys(total) as (keyof ItemCounts)[]) total[k] += p.counts[k];
  return total;
}

function outcomeOf(r: ConcludeResult, counts: ItemCounts | undefined, durationMs: number): StepOutcome {
  if (r.status === 'done') return { status: 'success', counts, durationMs };
  if (r.status === 'stopped') return { status: 'incomplete', counts, durationMs };
  return { status: 'failed', message: errorMessage(r.error), counts, durationMs };
}

/**
 * The message of an error as Step Functions hands it over: a function's error arrives as
 * `{Error: errorType, Cause: '{"errorMessage": ...}'}`, a state's own as `{Error, Cause: text}`.
 */
export function errorMessage(e: ConcludeResult['error']): string {
  if (!e) return 'failed';
  if (typeof e === 'string') return e;
  const cause = e.Cause ?? '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === 'string' && parsed.errorMessage) return parsed.errorMessage;
  } catch {
    /* a plain text cause */
  }
  if (e.Error === 'States.ExceedToleratedFailureThreshold')
    return `a segment failed (${cause || e.Error}): its child execution in the Map Run shows why`;
  return cause || e.Error || 'failed';
}
