import type { ServerResponse } from 'node:http';
import type { Logger, PassProgress } from '../core/logger';

/** What the page hears about: a run's log line, a bulk pass's figures, a run starting or ending. */
export type StudioEvent =
  | { type: 'log'; env: string; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'progress'; env: string; progress: PassProgress }
  | { type: 'run'; env: string; run: RunState };

/** A run started from the studio, as the page shows it. */
export interface RunState {
  id: string;
  command: string;
  version?: string | undefined;
  planHash: string;
  state: 'running' | 'done' | 'error';
  startedAt: number;
  /** When done: the report's status and the terminal's rendering of it. */
  status?: string | undefined;
  text?: string | undefined;
  finalVersion?: string | undefined;
  error?: string | undefined;
}

/**
 * Server-Sent Events to every open page: each event numbered, the last few hundred kept so a page
 * that reconnects with `Last-Event-ID` misses nothing, a comment line now and then so proxies
 * and the browser keep the stream open.
 */
export class EventHub {
  private next = 1;
  private readonly recent: { id: number; event: StudioEvent }[] = [];
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly keep = 500) {
    this.heartbeat = setInterval(() => {
      for (const c of this.clients) c.write(': keep-alive\n\n');
    }, 15_000);
    this.heartbeat.unref();
  }

  publish(event: StudioEvent): void {
    const entry = { id: this.next++, event };
    this.recent.push(entry);
    if (this.recent.length > this.keep) this.recent.shift();
    for (const c of this.clients) c.write(frame(entry));
  }

  /** Opens a stream on an answer; replays what came after `lastEventId`. */
  attach(res: ServerResponse, lastEventId: string | undefined, headers: Record<string, string>): void {
    res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    const after = Number(lastEventId);
    if (Number.isInteger(after)) for (const e of this.recent) if (e.id > after) res.write(frame(e));
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  /** Ends every stream (the studio is stopping). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const c of this.clients) c.end();
    this.clients.clear();
  }

  /**
   * A session's logger that also tells the page: the terminal still gets every line (`inner`),
   * and the page gets the same lines and the bulk passes' figures, tagged with the environment.
   */
  loggerFor(env: string, inner: Logger): Logger {
    return {
      info: (m) => {
        inner.info(m);
        this.publish({ type: 'log', env, level: 'info', message: m });
      },
      warn: (m) => {
        inner.warn(m);
        this.publish({ type: 'log', env, level: 'warn', message: m });
      },
      error: (m) => {
        inner.error(m);
        this.publish({ type: 'log', env, level: 'error', message: m });
      },
      debug: (m) => inner.debug(m),
      progress: (p) => {
        inner.progress?.(p);
        this.publish({ type: 'progress', env, progress: { ...p } });
      },
    };
  }
}

function frame(e: { id: number; event: StudioEvent }): string {
  return `id: ${e.id}\nevent: ${e.event.type}\ndata: ${JSON.stringify(e.event)}\n\n`;
}
