/**
 * A small client for the few GitHub REST endpoints the action uses. Plain fetch, so the
 * bundle stays small and the base URL (GITHUB_API_URL, for GitHub Enterprise and tests) is
 * the only thing that changes between environments.
 */

/** An HTTP error answer from the API; `status` decides whether it is a warning or a failure. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    detail: string,
  ) {
    super(`GitHub API ${method} ${path} answered ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'GitHubApiError';
  }
}

/** The calls the action makes; tests may pass any object of this shape. */
export interface GitHubApi {
  request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
  /** Every item of a paginated list, following `Link: rel="next"`. */
  paginate<T>(path: string): Promise<T[]>;
}

/** A client for `baseUrl` authenticated with `token`. */
export function createGitHubApi(baseUrl: string, token: string, fetchFn: typeof fetch = fetch): GitHubApi {
  const base = baseUrl.replace(/\/+$/, '');
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${token}`,
    'x-github-api-version': '2022-11-28',
    'user-agent': 'dynamodb-migrate-action',
  };
  async function send(method: string, url: string, body?: unknown): Promise<Response> {
    const res = await fetchFn(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      let detail = text.slice(0, 300);
      try {
        detail = (JSON.parse(text) as { message?: string }).message ?? detail;
      } catch {
        /* not JSON: keep the text */
      }
      throw new GitHubApiError(res.status, method, url.slice(base.length) || url, detail);
    }
    return res;
  }
  return {
    async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      const res = await send(method, base + path, body);
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
    async paginate<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      let url: string | undefined = `${base}${path}${path.includes('?') ? '&' : '?'}per_page=100`;
      // A runaway Link chain must not loop forever; 100 pages of 100 is far beyond any PR.
      for (let page = 0; url && page < 100; page++) {
        const res = await send('GET', url);
        items.push(...((await res.json()) as T[]));
        url = nextLink(res.headers.get('link'));
        // The token goes with every request: never follow a link to another host.
        if (url && !url.startsWith(`${base}/`)) throw new GitHubApiError(0, 'GET', path, `refusing to follow a pagination link outside ${base}: ${url}`);
      }
      return items;
    },
  };
}

/** The `rel="next"` URL of a Link header. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}
