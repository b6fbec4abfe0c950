import type { Command } from 'commander';
import type { ExitCode } from '../core/errors';
import type { Project } from '../loader/load-project';
import type { MigrationSession } from '../runner/session';
import type { GlobalFlags } from './flags';
import type { CommandSettings } from './open-from-flags';

/** What the program gives each command: its flags, a session on the environment they name, its exit code. */
export interface CommandContext {
  /** The global flags, wherever on the line they were given. */
  flags(cmd: Command): GlobalFlags;
  /**
   * Opens the session the flags name (an embedded DynamoDB Local it starts is stopped when the
   * command ends). `loaded`: the project, when the command has loaded it already; `own`: what
   * the command's own flags add to the run's settings.
   */
  openSession(f: GlobalFlags, loaded?: Project, own?: CommandSettings): Promise<MigrationSession>;
  /** The code the CLI exits with when the command returns (0 unless set; a thrown error has its own). */
  setExitCode(code: ExitCode): void;
}
