/** Bounds how many async tasks run at once; waiters are served in order. */
export declare class Semaphore {
    private readonly limit;
    private active;
    private readonly waiting;
    constructor(limit: number);
    /** Takes a slot, waiting in line for one if none is free; give it back with {@link release}. */
    acquire(): Promise<void> | undefined;
    /** Gives a slot back; it passes straight to the next waiter, so `active` never dips and rises again. */
    release(): void;
    /** Runs `task` once a slot is free. */
    run<T>(task: () => Promise<T>): Promise<T>;
}
