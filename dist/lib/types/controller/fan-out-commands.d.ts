import type { CommandContext } from './command-context.js';
/**
 * The controller's side of the fan-out: a coordinator (the action or the CLI) runs the plan
 * with runPlan and this controller as its backend: the lock (dm:lock, dm:renew, dm:release),
 * the audit log (dm:audit) and each step's ledger (dm:step: the same TableLedger a local run
 * writes with), while each step's bulk passes run as many dm:segment invocations, one scan
 * segment each. Every write here is fenced by the coordinator's lock id.
 */
export declare const fanOutCommands: Record<string, (c: CommandContext) => Promise<unknown>>;
