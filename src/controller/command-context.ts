import type { Logger } from '../core/logger';
import type { RunSettings } from '../core/run-settings';
import type { LocalSession } from '../runner/local/local-session';
import type { ControllerEvent } from './protocol';

/** What a command handler gets. */
export interface CommandContext {
  event: ControllerEvent;
  args: Record<string, unknown>;
  dryRun: boolean;
  /** Epoch ms by which bulk passes must stop (the invocation's time less the margin, or the caller's deadline). */
  deadline: number | undefined;
  /** The run's settings: the caller's (args.settings), bounded by this invocation's time. */
  settings: RunSettings;
  /** The table's session, run in this process with these settings. */
  session: () => LocalSession;
  log: Logger;
  now: () => number;
}
