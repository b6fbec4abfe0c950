import type { Logger } from '../core/logger.js';
import type { RunSettings } from '../core/run-settings.js';
import type { TableBackend } from '../runner/local/table-backend.js';
import type { MigrationSession } from '../runner/session.js';
import type { ControllerEvent } from './protocol.js';
/** What a command handler gets. */
export interface CommandContext {
    event: ControllerEvent;
    args: Record<string, unknown>;
    dryRun: boolean;
    /** Epoch ms by which bulk passes must stop (the invocation's time less the margin, or the caller's deadline). */
    deadline: number | undefined;
    /** The run's settings: the caller's (args.settings, validated), bounded by this invocation's time. */
    settings: RunSettings;
    /** The table's session run in this process with these settings: plans, whole runs, status, repair, drift. */
    session: () => MigrationSession;
    /** The table as a run's backend (lock, ledger, audit log, step body): what the lower-level commands use. */
    table: () => TableBackend;
    log: Logger;
    now: () => number;
}
