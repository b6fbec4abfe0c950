import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError, messageOf } from '../core/errors';
import { ApiError, httpStatusOf, type StudioApi } from './api';
import type { EventHub } from './events';
import { PAGE_CSS, PAGE_JS, pageHtml } from './page';
import { CSRF_HEADER, newSecrets, refusalOf, SECURITY_HEADERS, sessionCookie, type StudioSecrets } from './security';

/** The only address the studio listens on: this machine, never the network. */
export const STUDIO_HOST = '127.0.0.1';
/** Largest request body read (the API's bodies are a few hundred bytes). */
const MAX_BODY = 64 * 1024;

export interface RunningStudio {
  /** The address to open, with the token made at start. */
  url: string;
  port: number;
  secrets: StudioSecrets;
  close(): Promise<void>;
}

/**
 * Serves the studio on 127.0.0.1 (`port` 0 takes a free one): the page and its two files, the
 * JSON API and the event stream, every request checked first (security.ts).
 */
export async function startStudioServer(o: {
  api: StudioApi;
  hub: EventHub;
  port: number;
  secrets?: StudioSecrets | undefined;
}): Promise<RunningStudio> {
  const secrets = o.secrets ?? newSecrets();
  let port = o.port;
  const server: Server = createServer((req, res) => {
    handle(req, res, { ...o, secrets, port }).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { error: messageOf(e) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' || e.code === 'EACCES'
          ? new InputError(
              `--port ${o.port}: ${STUDIO_HOST}:${o.port} ${e.code === 'EADDRINUSE' ? 'is in use' : 'may not be opened by this user'}; pass another --port, or --port 0 for any free one.`,
            )
          : e,
      ),
    );
    server.listen(o.port, STUDIO_HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${STUDIO_HOST}:${port}/?token=${secrets.urlToken}`,
    port,
    secrets,
    close: () =>
      new Promise<void>((resolve) => {
        o.hub.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  o: { api: StudioApi; hub: EventHub; port: number; secrets: StudioSecrets },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://studio.invalid');
  const method = req.method ?? 'GET';
  const header = (name: string): string | undefined => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const refusal = refusalOf(
    {
      method,
      path: url.pathname,
      host: header('host'),
      origin: header('origin'),
      cookie: header('cookie'),
      csrf: header(CSRF_HEADER),
      urlToken: url.searchParams.get('token') ?? undefined,
    },
    o.port,
    o.secrets,
  );
  if (refusal) {
    req.resume();
    if (url.pathname.startsWith('/api/')) return send(res, refusal.status, { error: refusal.message });
    return sendText(res, refusal.status, 'text/plain; charset=utf-8', `${refusal.message}\n`);
  }
  if (method === 'GET' && url.pathname === '/') {
    if (url.searchParams.has('token')) {
      // The token's one use: it becomes the cookie, and the address bar forgets it.
      res.writeHead(303, { ...SECURITY_HEADERS, 'set-cookie': sessionCookie(o.secrets), location: '/' });
      return void res.end();
    }
    return sendText(res, 200, 'text/html; charset=utf-8', pageHtml(o.secrets.csrf));
  }
  if (method === 'GET' && url.pathname === '/studio.css')
    return sendText(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
  if (method === 'GET' && url.pathname === '/studio.js')
    return sendText(res, 200, 'text/javascript; charset=utf-8', PAGE_JS);
  if (method === 'GET' && url.pathname === '/favicon.ico') {
    res.writeHead(204, SECURITY_HEADERS);
    return void res.end();
  }
  if (method === 'GET' && url.pathname === '/api/events') {
    return o.hub.attach(res, header('last-event-id'), SECURITY_HEADERS);
  }
  if (!url.pathname.startsWith('/api/')) return sendText(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
  if (method !== 'GET' && method !== 'POST') return send(res, 405, { error: `${method} is not allowed here.` });
  let body: unknown;
  if (method === 'POST') {
    try {
      body = await readJson(req);
    } catch (e) {
      return send(res, 400, { error: messageOf(e) });
    }
  }
  try {
    const answer = await o.api.handle(method, url.pathname, url.searchParams, body);
    send(res, answer.status, answer.body);
  } catch (e) {
    send(res, httpStatusOf(e), { error: messageOf(e), ...(e instanceof ApiError ? e.extra : {}) });
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    req.resume();
    throw new Error(`Expected a JSON body (content-type: application/json), got "${type}".`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error(`Request body over ${MAX_BODY} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    throw new Error('The request body is not valid JSON.');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
