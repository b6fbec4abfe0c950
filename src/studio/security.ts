import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The studio's name for its session cookie. */
export const SESSION_COOKIE = 'dm_studio';
/** The header a state-changing request carries its CSRF token in (a custom header: no form can send it). */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The secrets of one studio process: the token printed in its URL (exchanged once for the
 * cookie), the cookie's value, and the CSRF token the page sends with every POST. All random,
 * none derived from another, none ever written to the page's URL after the exchange.
 */
export interface StudioSecrets {
  urlToken: string;
  session: string;
  csrf: string;
}

export function newSecrets(): StudioSecrets {
  const r = () => randomBytes(24).toString('base64url');
  return { urlToken: r(), session: r(), csrf: r() };
}

/** Constant-time comparison of a presented secret with the expected one. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Host headers the studio answers: its own address only, so a rebound DNS name gets nothing. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** The origins whose pages may post to the studio or read its event stream: its own. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([...allowedHosts(port)].map((h) => `http://${h}`));
}

/** Why a request is refused before it reaches a route, or undefined when it may go on. */
export interface Refusal {
  status: 400 | 401 | 403;
  message: string;
}

/** What the checks read of a request. */
export interface RequestFacts {
  method: string;
  path: string;
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
  csrf: string | undefined;
  /** `?token=` on the page's address, when present. */
  urlToken: string | undefined;
}

/**
 * The studio's checks, in order: the Host (DNS rebinding), the Origin on writes and on the event
 * stream (a page elsewhere posting here; `Origin: null` included), then the session: the cookie,
 * or on the page itself the URL token about to be exchanged for it; then the CSRF token on writes.
 */
export function refusalOf(r: RequestFacts, port: number, secrets: StudioSecrets): Refusal | undefined {
  if (!r.host || !allowedHosts(port).has(r.host.toLowerCase())) {
    return { status: 403, message: `Host "${r.host ?? ''}" refused: open the studio at http://127.0.0.1:${port}/.` };
  }
  const writes = r.method !== 'GET' && r.method !== 'HEAD';
  const stream = r.path === '/api/events';
  if (writes && r.origin === undefined)
    return { status: 403, message: 'A request that changes state needs an Origin header.' };
  if ((writes || stream) && r.origin !== undefined && !allowedOrigins(port).has(r.origin)) {
    return { status: 403, message: `Origin "${r.origin}" refused: only the studio's own page may do this.` };
  }
  const exchanging = r.method === 'GET' && r.path === '/' && r.urlToken !== undefined;
  if (exchanging) {
    return sameSecret(r.urlToken, secrets.urlToken)
      ? undefined
      : { status: 401, message: 'Wrong token: open the address dynamodb-migrate studio printed.' };
  }
  if (!sameSecret(cookieValue(r.cookie, SESSION_COOKIE), secrets.session)) {
    return {
      status: 401,
      message: 'Not signed in: open the address dynamodb-migrate studio printed (it holds a token).',
    };
  }
  if (writes && !sameSecret(r.csrf, secrets.csrf)) {
    return { status: 403, message: `Missing or wrong ${CSRF_HEADER} header: reload the studio's page.` };
  }
  return undefined;
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** The cookie the URL token is exchanged for: unreadable by scripts, never sent by another site. */
export function sessionCookie(secrets: StudioSecrets): string {
  return `${SESSION_COOKIE}=${secrets.session}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Headers on every answer: no framing, no sniffing, nothing cached, nothing but this origin's files. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
