import { MigrateError } from '../../core/errors.js';
import type { Finding } from '../../core/types.js';
import type { LoadedMigration } from '../../loader/load-project.js';
/** A `before` or `verify` hook broke its contract (threw, or returned something that is not a list of findings). */
export declare class HookError extends MigrateError {
}
/**
 * Runs a migration's `before` or `verify` hook and returns its findings, checked: a list of
 * `{ message, count?, examples? }` (an empty list passes). A hook that throws, or returns
 * anything else, is one error naming the file and the hook.
 */
export declare function runHook(m: LoadedMigration, hook: 'before' | 'verify', ctx: unknown): Promise<Finding[]>;
/** One line for a list of findings: what a failed step's record and the report say. */
export declare function summarizeFindings(hook: 'before' | 'verify', scope: string, findings: readonly Finding[]): string;
