/**
 * Typed errors. Each carries the exit code the CLI maps it to, and a message that names the
 * file, version, flag or input involved and what to do next.
 */
export type ExitCode = 0 | 1 | 2 | 3 | 4 | 5;
export declare const EXIT: {
    readonly ok: 0;
    readonly failure: 1;
    readonly input: 2;
    readonly locked: 3;
    readonly drift: 4;
    readonly rehearsal: 5;
};
export declare class MigrateError extends Error {
    readonly exitCode: ExitCode;
    constructor(message: string);
}
/** Invalid input: manifest, migration files, flags, action inputs. Exit 2; nothing is written. */
export declare class InputError extends MigrateError {
    readonly exitCode: ExitCode;
}
/** The manifest is missing, unreadable, or does not match its schema. */
export declare class ManifestError extends InputError {
}
/** One or more migration files are invalid; `problems` lists every one found. */
export declare class MigrationFileError extends InputError {
    readonly problems: readonly Problem[];
    constructor(problems: readonly Problem[]);
}
/** A problem found by lint: where, and what to do about it. */
export interface Problem {
    /** File path (relative where possible) or `manifest.yaml:environments.dev.target`. */
    where: string;
    message: string;
    code: string;
}
export declare function formatProblem(p: Problem): string;
/** The lock is held by another run. Exit 3. */
export declare class LockHeldError extends MigrateError {
    readonly exitCode: ExitCode;
}
/** Our lease was taken over by another run: stop before writing again. */
export declare class LockLostError extends MigrateError {
    readonly exitCode: ExitCode;
}
/**
 * A rehearsal of the plan (`plan --rehearse`) found an error: a step's transforms, run in memory
 * on a sample, break the round trip, idempotence, the schema or an item limit. Exit 5; nothing
 * was written.
 */
export declare class RehearsalFailedError extends MigrateError {
    readonly exitCode: ExitCode;
}
/** An applied migration's file changed, or the plan changed since it was shown. Exit 4. */
export declare class DriftError extends MigrateError {
    readonly exitCode: ExitCode;
}
/** The reviewed plan hash no longer matches the plan computed now. Exit 4. */
export declare class PlanChangedError extends DriftError {
}
/** A migration step threw; the failure has been recorded in the table. Exit 1. */
export declare class MigrationFailedError extends MigrateError {
    readonly version: string;
    readonly direction: 'up' | 'down';
    constructor(message: string, version: string, direction: 'up' | 'down');
}
/** The table is in a failed state left by an earlier run; names the way out. Exit 1. */
export declare class FailedStateError extends MigrateError {
}
/**
 * The plan cannot run as it stands (a version below the table's never ran, a migration file
 * is missing, a rollback past an irreversible version): a person must act first. Exit 2.
 */
export declare class MigrationBlockedError extends InputError {
}
/**
 * The migration state in the table cannot be read: a corrupt `_migration` record, or a lock
 * item of an unknown format. Exit 1, like a failed state: it is not bad input (the files and
 * flags are fine) and not a lock held by a known run. Nothing runs until the item is fixed;
 * the message names it and the way out.
 */
export declare class CorruptStateError extends MigrateError {
}
/** A command refused by a safety rule (protected environment, missing confirmation). Exit 2. */
export declare class RefusedError extends InputError {
}
export declare function messageOf(err: unknown): string;
