/**
 * The GitHub REST API as the action uses it: Octokit from @actions/github (its proxy support,
 * GITHUB_API_URL as the base so GitHub Enterprise Server works), its pagination, and Octokit's
 * retry and throttling plugins, with one bounded budget of waiting per request.
 */
import type { getOctokit } from '@actions/github';
import type { Octokit } from '@octokit/core';

/** Why GitHub refused a request for its rate limit, and how long it asked us to wait. */
export interface RateLimit {
  /** primary: the hourly quota is spent (x-ratelimit-remaining: 0); secondary: too fast (retry-after). */
  kind: 'primary' | 'secondary';
  /** What GitHub asked for, in seconds. */
  retryAfterSeconds: number;
}

/** An HTTP error answer from the API (status 0: no answer at all); `status` decides whether it is a warning or a failure. */
export class GitHubApiError extends Error {
  /** Set when the last answer was a rate limit that the budget could not wait out. */
  readonly rateLimit: RateLimit | undefined;
  /** How many times the request was sent. */
  readonly attempts: number;

  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    detail: string,
    o: { attempts?: number; waitedMs?: number; rateLimit?: RateLimit | undefined } = {},
  ) {
    const what = status === 0 ? 'failed' : `answered ${status}`;
    const attempts = o.attempts ?? 1;
    const tried = attempts > 1 ? ` (gave up after ${attempts} attempts, ${seconds(o.waitedMs ?? 0)} of waiting)` : '';
    const limit =
      o.rateLimit && attempts <= 1
        ? ` (GitHub asks to wait ${o.rateLimit.retryAfterSeconds} s, longer than this run waits)`
        : '';
    super(`GitHub API ${method} ${path} ${what}${detail ? `: ${detail}` : ''}${tried}${limit}`);
    this.name = 'GitHubApiError';
    this.rateLimit = o.rateLimit;
    this.attempts = attempts;
  }

  /** A server error or no answer: the request may or may not have been carried out. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

/** The calls the action makes; tests may pass any object of this shape. */
export interface GitHubApi {
  /**
   * One request; `path` is relative to the API's base URL. GET and PATCH are retried after a
   * server error; a POST is not (it may have been carried out: the caller decides), but any
   * request is retried after a rate limit, which GitHub answers before doing anything.
   */
  request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
  /** Every item of a paginated list, following GitHub's `Link: rel="next"`. */
  paginate<T>(path: string): Promise<T[]>;
}

/** How patient the client is. The defaults are for production; tests shrink them. */
export interface GitHubApiOptions {
  /** Where retries and rate-limit waits are told (the action's log). */
  log?: ((message: string) => void) | undefined;
  /** The most one request waits in all, across its retries, before it is given up (60 s). */
  maxRetryWaitMs?: number | undefined;
  /** Retries of one request after server errors, and again after rate limits (3 each). */
  retries?: number | undefined;
  /** Backoff after a server error: 1, 4, 9 times this (1 s). */
  retryBaseMs?: number | undefined;
  /** One attempt's time limit (20 s; GitHub itself ends a REST request after 10 s). */
  attemptTimeoutMs?: number | undefined;
  /** Spacing of writes, as GitHub asks of integrations (1 s; 3 s for writes that notify people). */
  writeIntervalMs?: number | undefined;
}

const API_VERSION = '2022-11-28';
/** A runaway Link chain must not loop forever; 100 pages of 100 is far beyond any pull request. */
const MAX_PAGES = 100;
/**
 * Client errors that another try cannot fix. A rate limit (403 or 429 as GitHub marks them) is
 * the throttling plugin's to wait out; a 429 without those marks gets the server-error backoff.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 451];

/** One request's account of its attempts and waiting, across the retry and throttling plugins. */
interface Budget {
  attempts: number;
  waitedMs: number;
  serverRetries: number;
  rateLimitRetries: number;
  /** The last rate limit that was not waited out. */
  refused: RateLimit | undefined;
}

/** The shape of an Octokit RequestError that this file reads. */
interface OctokitError extends Error {
  status: number;
  request: { method: string; url: string };
  response?: { status: number; headers: Record<string, string | undefined>; data?: unknown };
}

const BUDGET = Symbol('dynamodb-migrate.budget');

/** Octokit with the REST and pagination plugins, as @actions/github makes it. */
type GitHubOctokit = ReturnType<typeof getOctokit>;

/** A client for `baseUrl` authenticated with `token`. */
export function createGitHubApi(baseUrl: string, token: string, o: GitHubApiOptions = {}): GitHubApi {
  const base = baseUrl.replace(/\/+$/, '');
  const cfg = {
    log: o.log ?? (() => {}),
    maxRetryWaitMs: o.maxRetryWaitMs ?? 60_000,
    retries: o.retries ?? 3,
    retryBaseMs: o.retryBaseMs ?? 1_000,
    attemptTimeoutMs: o.attemptTimeoutMs ?? 20_000,
    writeIntervalMs: o.writeIntervalMs ?? 1_000,
  };
  const budgets = new WeakMap<object, Budget>();
  /** Keyed by the request's options object, which every hook and both plugins see, across all its attempts. */
  const budgetOf = (options: object): Budget => {
    let b = budgets.get(options);
    if (!b)
      budgets.set(
        options,
        (b = { attempts: 0, waitedMs: 0, serverRetries: 0, rateLimitRetries: 0, refused: undefined }),
      );
    return b;
  };
  const relative = (url: string) => (url.startsWith(base) ? url.slice(base.length) || '/' : url);

  /**
   * Registered before the plugins, so it is the innermost hook but for Octokit's token hook: it
   * sees every attempt, after the retry and throttling plugins decided to make it. It keeps the token on this host, bounds each attempt
   * in time, and tells the retry plugin whether the budget allows another try.
   */
  const attempts = (octokit: Octokit) => {
    octokit.hook.wrap('request', async (request, options) => {
      const url = octokit.request.endpoint.parse(options).url;
      // The token goes with every request: never to another host, whatever a Link header says.
      if (!url.startsWith(`${base}/`) && url !== base) {
        throw new GitHubApiError(0, options.method, relative(url), `refusing to send the token outside ${base}`);
      }
      options.headers['x-github-api-version'] = API_VERSION;
      const budget = budgetOf(options);
      budget.attempts++;
      // Set on the request's own options, not passed on in a copy: the token hook below this one
      // merges from the options object it was bound to, and would drop a copy's signal.
      (options.request as { signal?: AbortSignal }).signal = AbortSignal.timeout(cfg.attemptTimeoutMs);
      try {
        return await request(options);
      } catch (e) {
        if (!isOctokitError(e)) throw e;
        Object.assign(e, { [BUDGET]: budget });
        const r = options.request as { retries?: number; retryCount?: number };
        const status = e.status;
        const retryable = !DO_NOT_RETRY.includes(status) && status >= 400 && !rateLimitOf(e);
        // A POST that failed may have been carried out (a 502 after the comment was made): the caller looks before posting again.
        const wait = ((r.retryCount ?? 0) + 1) ** 2 * cfg.retryBaseMs;
        if (
          retryable &&
          options.method !== 'POST' &&
          budget.serverRetries < cfg.retries &&
          budget.waitedMs + wait <= cfg.maxRetryWaitMs
        ) {
          budget.serverRetries++;
          budget.waitedMs += wait;
          r.retries = cfg.retries;
          cfg.log(
            `GitHub API ${options.method} ${relative(url)} ${outcomeOf(e)}; retry ${budget.serverRetries} of ${cfg.retries} in ${seconds(wait)}.`,
          );
        } else {
          r.retries = 0;
        }
        throw e;
      }
    });
    return {};
  };

  /** The throttling plugin's question: wait `retryAfter` seconds as GitHub asks, or give up now? */
  const onLimit =
    (kind: RateLimit['kind']) =>
    (retryAfter: number, options: { method: string; url: string }): boolean => {
      const budget = budgetOf(options);
      const waitMs = retryAfter * 1000;
      const path = relative(options.url);
      if (budget.rateLimitRetries < cfg.retries && budget.waitedMs + waitMs <= cfg.maxRetryWaitMs) {
        budget.rateLimitRetries++;
        budget.waitedMs += waitMs;
        budget.refused = undefined;
        cfg.log(
          `GitHub API ${options.method} ${path} hit the ${kind} rate limit; waiting ${retryAfter} s as GitHub asks.`,
        );
        return true;
      }
      budget.refused = { kind, retryAfterSeconds: retryAfter };
      return false;
    };

  /**
   * Octokit, its plugins and Bottleneck are loaded at the first request, not with the action: a
   * run reads its migrations and the table before it has anything to say to GitHub.
   */
  const makeOctokit = async (): Promise<GitHubOctokit> => {
    const [{ getOctokit }, { retry }, { throttling }, { default: Bottleneck }] = await Promise.all([
      import('@actions/github'),
      import('@octokit/plugin-retry'),
      import('@octokit/plugin-throttling'),
      import('bottleneck'),
    ]);
    const octokit = getOctokit(
      token,
      {
        baseUrl: base,
        userAgent: 'dynamodb-migrate-action',
        log: { debug: () => {}, info: () => {}, warn: (m: string) => cfg.log(m), error: (m: string) => cfg.log(m) },
        retry: { retries: cfg.retries, retryAfterBaseValue: cfg.retryBaseMs, doNotRetry: DO_NOT_RETRY },
        throttle: {
          onRateLimit: onLimit('primary'),
          onSecondaryRateLimit: onLimit('secondary'),
          // Per client (one per run) rather than Octokit's process-wide groups, so the spacing is ours to set.
          write: new Bottleneck.Group({ maxConcurrent: 1, minTime: cfg.writeIntervalMs }),
          notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: cfg.writeIntervalMs * 3 }),
        },
      },
      attempts,
      retry,
      throttling,
    );

    // Octokit hands every request the same `request` options object unless the call brings its own
    // (pages after the first never do), and the retry plugin counts retries on it. Every hook sees
    // the one options object of its request (before-after-hook binds it), so a fresh copy put
    // there by the outermost hook keeps each request's count its own.
    octokit.hook.wrap('request', (request, options) => {
      options.request = { ...options.request };
      return request(options);
    });
    return octokit;
  };
  let loaded: Promise<GitHubOctokit> | undefined;
  const client = (): Promise<GitHubOctokit> => {
    if (!loaded) {
      loaded = makeOctokit();
      // A failed load is not kept: the next request tries again and reports its own failure.
      loaded.catch(() => {
        loaded = undefined;
      });
    }
    return loaded;
  };

  /** The error a caller sees: the endpoint, GitHub's message, what was tried; never the token. */
  const failure = (e: unknown, method: string, path: string): unknown => {
    if (e instanceof GitHubApiError || !isOctokitError(e)) return e;
    const budget = (e as { [BUDGET]?: Budget })[BUDGET];
    const status = e.response ? e.status : 0;
    const where = e.request?.url ? relative(e.request.url) : path;
    return new GitHubApiError(status, method, where, detailOf(e), {
      attempts: budget?.attempts ?? 1,
      waitedMs: budget?.waitedMs ?? 0,
      rateLimit: budget?.refused ?? rateLimitOf(e),
    });
  };

  return {
    async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      try {
        const octokit = await client();
        const res = await octokit.request(`${method} ${path}`, body === undefined ? {} : { data: body });
        return (res.status === 204 ? undefined : res.data) as T;
      } catch (e) {
        throw failure(e, method, path);
      }
    },
    async paginate<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      let pages = 0;
      try {
        const octokit = await client();
        for await (const page of octokit.paginate.iterator(`GET ${path}`, { per_page: 100 })) {
          items.push(...(page.data as T[]));
          if (++pages >= MAX_PAGES) break;
        }
      } catch (e) {
        throw failure(e, 'GET', path);
      }
      return items;
    },
  };
}

function isOctokitError(e: unknown): e is OctokitError {
  return e instanceof Error && typeof (e as { status?: unknown }).status === 'number' && 'request' in e;
}

/** GitHub's own words: the `message` of its JSON error, else the transport's. */
function detailOf(e: OctokitError): string {
  const data = e.response?.data as { message?: unknown } | string | undefined;
  if (data && typeof data === 'object' && typeof data.message === 'string') return data.message;
  if (typeof data === 'string' && data.trim()) return data.trim().slice(0, 300);
  return e.message;
}

/**
 * A rate-limit answer as GitHub marks it, and as the throttling plugin recognises it: 403 or 429
 * saying "secondary rate limit" (retry-after, else a minute), or with an exhausted quota.
 */
function rateLimitOf(e: OctokitError): RateLimit | undefined {
  if (e.status !== 403 && e.status !== 429) return undefined;
  const headers = e.response?.headers ?? {};
  if (/\bsecondary rate\b/i.test(e.message)) {
    return { kind: 'secondary', retryAfterSeconds: Number(headers['retry-after']) || 60 };
  }
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return {
      kind: 'primary',
      retryAfterSeconds: Number.isFinite(reset) ? Math.max(0, Math.ceil(reset - Date.now() / 1000)) : 60,
    };
  }
  return undefined;
}

function outcomeOf(e: OctokitError): string {
  return e.response ? `answered ${e.status}` : `failed (${e.message})`;
}

function seconds(ms: number): string {
  return ms >= 1000 || ms === 0 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
