import type { CommandContext } from './command-context.js';
/**
 * The controller's side of a run driven by its caller (the action or the CLI), which runs the
 * plan with runPlan and this controller as its backend: the lock (dm:lock, dm:renew,
 * dm:release), the audit log (dm:audit), each step's `before` hook (dm:before) and ledger
 * (dm:step: the same TableLedger a local run writes with), and each step's work: whole in one
 * invocation (dm:body, the same step body as a local run, invoked again while it stops at a
 * checkpoint), or its bulk passes as many dm:segment invocations, one scan
 * segment each. Every write here is fenced by the coordinator's lock id.
 */
export declare const fanOutCommands: Record<string, (c: CommandContext) => Promise<unknown>>;
