/** One operation's share of a {@link AbortFanout}: its signal, and how to give it back. */
export interface AbortLink {
  /** Aborted with the parent's reason when the parent aborts; undefined when there is no parent. */
  signal: AbortSignal | undefined;
  /** The operation has settled: its signal no longer needs to hear the parent. */
  release(): void;
}

const NO_LINK: AbortLink = { signal: undefined, release: () => undefined };

/**
 * Gives each of many concurrent operations (requests, rate-limit waits, retry backoffs) its own
 * AbortSignal tied to one parent signal, with a single 'abort' listener on the parent while any
 * is in flight and none when idle. Passing the parent itself to every request would add one
 * listener per request in flight (the SDK and every sleep add their own), which Node reports
 * as a MaxListenersExceededWarning once a pass has more than ten requests out.
 */
export class AbortFanout {
  private readonly live = new Set<AbortController>();
  private listening = false;

  constructor(private readonly parent: AbortSignal | undefined) {}

  /** A signal for one operation; call `release` once the operation has settled. */
  link(): AbortLink {
    const parent = this.parent;
    if (!parent) return NO_LINK;
    if (parent.aborted) return { signal: AbortSignal.abort(parent.reason), release: NO_LINK.release };
    const controller = new AbortController();
    this.live.add(controller);
    if (!this.listening) {
      parent.addEventListener('abort', this.onAbort, { once: true });
      this.listening = true;
    }
    return {
      signal: controller.signal,
      release: () => {
        if (!this.live.delete(controller) || this.live.size > 0 || !this.listening) return;
        parent.removeEventListener('abort', this.onAbort);
        this.listening = false;
      },
    };
  }

  /** Runs `task` with a signal of its own, released when the task settles. */
  async run<T>(task: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    const link = this.link();
    try {
      return await task(link.signal);
    } finally {
      link.release();
    }
  }

  private readonly onAbort = (): void => {
    this.listening = false;
    const reason: unknown = this.parent?.reason;
    const live = [...this.live];
    this.live.clear();
    for (const c of live) c.abort(reason);
  };
}
