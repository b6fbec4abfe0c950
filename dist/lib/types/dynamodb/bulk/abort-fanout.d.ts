/** One operation's share of a {@link AbortFanout}: its signal, and how to give it back. */
export interface AbortLink {
    /** Aborted with the parent's reason when the parent aborts; undefined when there is no parent. */
    signal: AbortSignal | undefined;
    /** The operation has settled: its signal no longer needs to hear the parent. */
    release(): void;
}
/**
 * Gives each of many concurrent operations (requests, rate-limit waits, retry backoffs) its own
 * AbortSignal tied to one parent signal, with a single 'abort' listener on the parent while any
 * is in flight and none when idle. Passing the parent itself to every request would add one
 * listener per request in flight (the SDK and every sleep add their own), which Node reports
 * as a MaxListenersExceededWarning once a pass has more than ten requests out.
 */
export declare class AbortFanout {
    private readonly parent;
    private readonly live;
    private listening;
    constructor(parent: AbortSignal | undefined);
    /** A signal for one operation; call `release` once the operation has settled. */
    link(): AbortLink;
    /** Runs `task` with a signal of its own, released when the task settles. */
    run<T>(task: (signal: AbortSignal | undefined) => Promise<T>): Promise<T>;
    private readonly onAbort;
}
