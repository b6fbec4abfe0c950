import type { CommandContext } from '../controller.js';
/**
 * The controller's side of the fan-out: a coordinator (the action or the CLI) takes the lock
 * through the controller, then has each step's bulk pass run by many invocations, one scan
 * segment each, renewing the lease between them, and records the step when every segment is
 * done. Every write here is fenced by the coordinator's lock id.
 */
export declare const fanOutCommands: Record<string, (c: CommandContext) => Promise<unknown>>;
