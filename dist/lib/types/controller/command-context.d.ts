import type { Logger } from '../core/logger.js';
import type { RunSettings } from '../core/run-settings.js';
import type { LocalSession } from '../runner/local/local-session.js';
import type { ControllerEvent } from './protocol.js';
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
