/**
 * Typed errors. Each carries the exit code the CLI maps it to, and a message that names the
 * file, version, flag or input involved and what to do next.
 */
export type ExitCode = 0 | 1 | 2 | 3 | 4 | 5;

export const EXIT = { ok: 0, failure: 1, input: 2, locked: 3, drift: 4, rehearsal: 5 } as const;

export class MigrateError extends Error {
  readonly exitCode: ExitCode = EXIT.failure;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Invalid input: manifest, migration files, flags, action inputs. Exit 2; nothing is written. */
export class InputError extends MigrateError {
  override readonly exitCode: ExitCode = EXIT.input;
}

/** The manifest is missing, unreadable, or does not match its schema. */
export class ManifestError extends InputError {}

/** One or more migration files are invalid; `problems` lists every one found. */
export class MigrationFileError extends InputError {
  constructor(readonly problems: readonly Problem[]) {
    super(
      problems.length === 1
        ? formatProblem(problems[0]!)
        : `${problems.length} problems in the migrations:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
  }
}

/** A problem found by lint: where, and what to do about it. */
export interface Problem {
  /** File path (relative where possible) or `manifest.yaml:environments.dev.target`. */
  where: string;
  message: string;
  code: string;
}

export function formatProblem(p: Problem): string {
  return `${p.where}: ${p.message}`;
}

/** The lock is held by another run. Exit 3. */
export class LockHeldError extends MigrateError {
  override readonly exitCode: ExitCode = EXIT.locked;
}

/** Our lease was taken over by another run: stop before writing again. */
export class LockLostError extends MigrateError {
  override readonly exitCode: ExitCode = EXIT.locked;
}

/**
 * A rehearsal of the plan (`plan --rehearse`) found an error: a step's transforms, run in memory
 * on a sample, break the round trip, idempotence, the schema or an item limit. Exit 5; nothing
 * was written.
 */
export class RehearsalFailedError extends MigrateError {
  override readonly exitCode: ExitCode = EXIT.rehearsal;
}

/** An applied migration's file changed, or the plan changed since it was shown. Exit 4. */
export class DriftError extends MigrateError {
  override readonly exitCode: ExitCode = EXIT.drift;
}

/** The reviewed plan hash no longer matches the plan computed now. Exit 4. */
export class PlanChangedError extends DriftError {}

/** A migration step threw; the failure has been recorded in the table. Exit 1. */
export class MigrationFailedError extends MigrateError {
  constructor(
    message: string,
    readonly version: string,
    readonly direction: 'up' | 'down',
  ) {
    super(message);
  }
}

/** The table is in a failed state left by an earlier run; names the way out. Exit 1. */
export class FailedStateError extends MigrateError {}

/**
 * The plan cannot run as it stands (a version below the table's never ran, a migration file
 * is missing, a rollback past an irreversible version): a person must act first. Exit 2.
 */
export class MigrationBlockedError extends InputError {}

/**
 * The migration state in the table cannot be read: a corrupt `_migration` record, or a lock
 * item of an unknown format. Exit 1, like a failed state: it is not bad input (the files and
 * flags are fine) and not a lock held by a known run. Nothing runs until the item is fixed;
 * the message names it and the way out.
 */
export class CorruptStateError extends MigrateError {}

/** A command refused by a safety rule (protected environment, missing confirmation). Exit 2. */
export class RefusedError extends InputError {}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
