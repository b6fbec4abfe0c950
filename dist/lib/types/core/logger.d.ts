/** Where progress and diagnostics go: stderr in the CLI, @actions/core in the action. */
export interface Logger {
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
    debug(message: string): void;
}
/** A logger that drops everything (library use, tests). */
export declare const silentLogger: Logger;
