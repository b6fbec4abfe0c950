import type { CommandContext } from './command-context.js';
import { type ConcludeResult } from './protocol.js';
/**
 * The commands a fanned-out step's Step Functions execution ends with, and what its caller
 * watches it with. The execution begins the step (dm:step start), runs pass 0 and each segment
 * of each bulk pass (dm:segment) and ends here: the outcome recorded and the lock released by the
 * execution itself, so a step ends recorded and unlocked whether or not anyone still waits on it.
 */
export declare const executionCommands: Record<string, (c: CommandContext) => Promise<unknown>>;
/**
 * The message of an error as Step Functions hands it over: a function's error arrives as
 * `{Error: errorType, Cause: '{"errorMessage": ...}'}`, a state's own as `{Error, Cause: text}`.
 */
export declare function errorMessage(e: ConcludeResult['error']): string;
