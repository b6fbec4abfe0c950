import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ActionDeps } from '../../src/action/context';
import { run } from '../../src/action/main';
import type { Environment } from '../../src/core/manifest';
import { checkApproval, findMergedPullRequest } from '../../src/github/approval';
import { findComment, upsertComment } from '../../src/github/comment';
import { inputEnv } from '../../src/github/inputs';
import { createGitHubApi, type GitHubApi, GitHubApiError, type GitHubApiOptions } from '../../src/github/rest';
import { FakeSession, fakeProject, prPayload, RecordingIo } from '../action/fakes';
import {
  notAccessible,
  primaryRateLimit,
  secondaryRateLimit,
  serverError,
  startGitHubStub,
  type GitHubStub,
  type RecordedRequest,
} from '../support/github-api-stub';

/**
 * The GitHub API client (Octokit with its retry and throttling plugins) and the comment and
 * approval calls on it, against the loopback stand-in of GitHub's REST API.
 */

let gh: GitHubStub;
let log: string[];
beforeEach(async () => {
  gh = await startGitHubStub({ pageSize: 2 });
  log = [];
});
afterEach(() => gh.close());

/** Fast backoff and no write spacing, so a test of three retries takes milliseconds, not seconds. */
const FAST: GitHubApiOptions = { retryBaseMs: 5, writeIntervalMs: 0 };
const api = (o: GitHubApiOptions = {}) => createGitHubApi(gh.url, gh.token, { ...FAST, log: (m) => log.push(m), ...o });
const target = () => ({ owner: gh.owner, repo: gh.repo, issue: 7 });
const MARKER = '<!-- dynamodb-migrate -->';
const COMMENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments' as const;
const POST = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' as const;
const PATCH = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}' as const;
const sent = (route: string) => gh.requests.filter((r) => r.route === route);
const ours = () => (gh.comments.get(7) ?? []).filter((c) => c.body.startsWith(MARKER));

describe('sticky comment', () => {
  test('created once, then found across pages and updated in place', async () => {
    for (let i = 0; i < 5; i++) gh.addComment(7, `noise ${i}`);
    gh.addComment(7, `quoted: ${MARKER} is not at the start`);
    const first = await upsertComment(api(), target(), MARKER, `${MARKER}\nv1`);
    expect(first).toMatchObject({ ok: true, action: 'created' });
    const second = await upsertComment(api(), target(), MARKER, `${MARKER}\nv2`);
    expect(second).toMatchObject({ ok: true, action: 'updated', id: (first as { id: number }).id });
    expect(ours().map((c) => c.body)).toEqual([`${MARKER}\nv2`]);
    // The comment sat on page 4 of 2-item pages: the Link header was followed.
    expect(sent(COMMENTS).length).toBeGreaterThanOrEqual(4);
  });

  test('pagination across three pages finds the sticky comment on the last page', async () => {
    for (let i = 0; i < 4; i++) gh.addComment(7, `noise ${i}`);
    const mine = gh.addComment(7, `${MARKER}\nplanned`, 'github-actions[bot]');
    expect(await findComment(api(), target(), MARKER)).toEqual({ id: mine.id, url: mine.html_url, body: mine.body });
    expect(sent(COMMENTS).map((r) => new URL(r.path, gh.url).searchParams.get('page') ?? '1')).toEqual(['1', '2', '3']);
  });

  test("another manifest's marker is not ours", async () => {
    gh.addComment(7, '<!-- dynamodb-migrate: other/manifest.yaml -->\nx');
    expect(await findComment(api(), target(), MARKER)).toBeUndefined();
  });

  test('a persistent 403 "Resource not accessible by integration" is a warning, asked once, not retried', async () => {
    gh.commentWriteStatus = 403;
    const r = await upsertComment(api(), target(), MARKER, `${MARKER}\nv1`);
    expect(r.ok).toBe(false);
    const { warning } = r as { warning: string };
    expect(warning).toContain(
      'GitHub API POST /repos/acme/shop/issues/7/comments answered 403: Resource not accessible by integration',
    );
    expect(warning).toContain('pull-requests: write');
    expect(sent(POST)).toHaveLength(1);
    // Updating and reading are refused the same way, once each.
    const mine = gh.addComment(7, `${MARKER}\nv1`, 'github-actions[bot]');
    expect(await upsertComment(api(), target(), MARKER, `${MARKER}\nv2`)).toMatchObject({ ok: false });
    expect(sent(PATCH)).toHaveLength(1);
    expect(mine.body).toBe(`${MARKER}\nv1`);
    gh.fail(COMMENTS, notAccessible(), 5);
    const before = sent(COMMENTS).length;
    expect(await findComment(api(), target(), MARKER).catch((e: GitHubApiError) => e.status)).toBe(403);
    expect(sent(COMMENTS).length - before).toBe(1);
    expect(log).toEqual([]);
  });

  test('a bad token is rejected by the stand-in, reported with the status and not retried', async () => {
    const err = await createGitHubApi(gh.url, 'wrong', FAST)
      .request('GET', `/repos/${gh.owner}/${gh.repo}`)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBe(401);
    expect((err as GitHubApiError).message).toBe('GitHub API GET /repos/acme/shop answered 401: Bad credentials');
    expect(gh.requests).toHaveLength(1);
  });
});

describe('retries', () => {
  test('a 502 on creating the comment, then success: one comment', async () => {
    gh.fail(POST, serverError(502));
    const r = await upsertComment(api(), target(), MARKER, `${MARKER}\nv1`);
    expect(r).toMatchObject({ ok: true, action: 'created' });
    expect(ours()).toHaveLength(1);
    expect(sent(POST).map((q) => q.status)).toEqual([502, 201]);
    // It looked for the comment before posting again.
    expect(gh.requests.map((q) => `${q.method} ${q.status}`)).toEqual(['GET 200', 'POST 502', 'GET 200', 'POST 201']);
  });

  test('a 502 that GitHub answered after making the comment: still one comment, not posted twice', async () => {
    gh.fail(POST, serverError(502, { afterEffect: true }));
    const r = await upsertComment(api(), target(), MARKER, `${MARKER}\nv1`);
    expect(ours()).toHaveLength(1);
    expect(r).toEqual({ ok: true, action: 'created', id: ours()[0]!.id, url: ours()[0]!.html_url });
    expect(sent(POST)).toHaveLength(1);
  });

  test('GET and PATCH are retried after 5xx with a growing backoff, and the log says so', async () => {
    const mine = gh.addComment(7, `${MARKER}\nv1`, 'github-actions[bot]');
    gh.fail(COMMENTS, serverError(502), 2);
    gh.fail(PATCH, serverError(503));
    const r = await upsertComment(api({ retryBaseMs: 50 }), target(), MARKER, `${MARKER}\nv2`);
    expect(r).toMatchObject({ ok: true, action: 'updated', id: mine.id });
    expect(sent(COMMENTS).map((q) => q.status)).toEqual([502, 502, 200]);
    expect(sent(PATCH).map((q) => q.status)).toEqual([503, 200]);
    const [a, b, c] = sent(COMMENTS).map((q) => q.at) as [number, number, number];
    expect(b - a).toBeGreaterThanOrEqual(40);
    expect(c - b).toBeGreaterThanOrEqual(180); // 4 × 50 ms
    expect(log).toEqual([
      'GitHub API GET /repos/acme/shop/issues/7/comments?per_page=100 answered 502; retry 1 of 3 in 50 ms.',
      'GitHub API GET /repos/acme/shop/issues/7/comments?per_page=100 answered 502; retry 2 of 3 in 200 ms.',
      `GitHub API PATCH /repos/acme/shop/issues/comments/${mine.id} answered 503; retry 1 of 3 in 50 ms.`,
    ]);
  });

  test('a server error that persists is given up after the retries, naming the endpoint and what was tried', async () => {
    gh.fail(COMMENTS, serverError(502), 10);
    const err = await upsertComment(api(), target(), MARKER, `${MARKER}\nv1`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).message).toBe(
      'GitHub API GET /repos/acme/shop/issues/7/comments?per_page=100 answered 502: Server Error (gave up after 4 attempts, 70 ms of waiting)',
    );
    expect(sent(COMMENTS)).toHaveLength(4);
    expect(String(err)).not.toContain(gh.token);
  });

  test('the total wait of one request is bounded: no retry that would pass the budget', async () => {
    gh.fail(COMMENTS, serverError(500), 10);
    const err = await findComment(api({ retryBaseMs: 40, maxRetryWaitMs: 100 }), target(), MARKER).catch(
      (e: unknown) => e,
    );
    // 40 ms, then 160 ms would pass 100 ms: two attempts.
    expect((err as GitHubApiError).attempts).toBe(2);
    expect(sent(COMMENTS)).toHaveLength(2);
  });

  test('a POST that keeps failing on the server is tried three times in all, looking each time', async () => {
    gh.fail(POST, serverError(500), 5);
    const err = await upsertComment(api(), target(), MARKER, `${MARKER}\nv1`).catch((e: unknown) => e);
    expect((err as GitHubApiError).status).toBe(500);
    expect(sent(POST)).toHaveLength(3);
    expect(sent(COMMENTS)).toHaveLength(3);
    expect(ours()).toHaveLength(0);
  });
});

describe('rate limits', () => {
  test('a secondary rate limit (403, retry-after: 1) waits the second GitHub asks, then succeeds', async () => {
    gh.fail(POST, secondaryRateLimit(1));
    const r = await upsertComment(api(), target(), MARKER, `${MARKER}\nv1`);
    expect(r).toMatchObject({ ok: true, action: 'created' });
    expect(ours()).toHaveLength(1);
    const [refused, accepted] = sent(POST) as [RecordedRequest, RecordedRequest];
    expect([refused.status, accepted.status]).toEqual([403, 201]);
    expect(accepted.at - refused.at).toBeGreaterThanOrEqual(950);
    expect(log).toEqual([
      'GitHub API POST /repos/acme/shop/issues/7/comments hit the secondary rate limit; waiting 1 s as GitHub asks.',
    ]);
  });

  test('a 429 secondary rate limit is waited out the same way', async () => {
    gh.fail(COMMENTS, secondaryRateLimit(1, 429));
    expect(await findComment(api(), target(), MARKER)).toBeUndefined();
    expect(sent(COMMENTS).map((q) => q.status)).toEqual([429, 200]);
  });

  test('a rate limit that outlasts the budget is a warning at once, naming the endpoint, not a failure', async () => {
    gh.fail(POST, primaryRateLimit(3600));
    const started = Date.now();
    const r = await upsertComment(api(), target(), MARKER, `${MARKER}\nv1`);
    expect(Date.now() - started).toBeLessThan(900);
    expect(r.ok).toBe(false);
    const { warning } = r as { warning: string };
    expect(warning).toMatch(
      /^Could not write the pull request comment: GitHub API POST \/repos\/acme\/shop\/issues\/7\/comments answered 403: API rate limit exceeded for installation ID 4242\. \(GitHub asks to wait 360\d s, longer than this run waits\)\. GitHub's primary rate limit stopped it/,
    );
    expect(warning).not.toContain('pull-requests: write');
    expect(sent(POST)).toHaveLength(1);
  });

  test('repeated secondary limits stop once the wait would pass the budget', async () => {
    gh.fail(POST, secondaryRateLimit(1), 5);
    const r = await upsertComment(api({ maxRetryWaitMs: 1500 }), target(), MARKER, `${MARKER}\nv1`);
    expect(r).toMatchObject({
      ok: false,
      warning: expect.stringContaining('(gave up after 2 attempts, 1 s of waiting)'),
    });
    expect(sent(POST)).toHaveLength(2);
  });
});

describe('the client', () => {
  test('sends the API version, a user agent and the token as GitHub asks', async () => {
    await api().request('GET', `/repos/${gh.owner}/${gh.repo}`);
    const [q] = gh.requests;
    expect(q).toMatchObject({ authorized: true, route: 'GET /repos/{owner}/{repo}', status: 200 });
    expect(q!.headers['x-github-api-version']).toBe('2022-11-28');
    expect(q!.headers['user-agent']).toMatch(/^dynamodb-migrate-action /);
  });

  test('an answer that never comes is timed out, retried, and reported as no answer', async () => {
    let arrived = 0;
    const silent = await listen(() => {
      arrived++;
    });
    try {
      const client = createGitHubApi(silent.url, gh.token, {
        ...FAST,
        attemptTimeoutMs: 100,
        retries: 1,
        log: (m) => log.push(m),
      });
      const err = await client.request('GET', '/repos/acme/shop').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GitHubApiError);
      expect((err as GitHubApiError).status).toBe(0);
      expect((err as GitHubApiError).transient).toBe(true);
      expect((err as GitHubApiError).message).toMatch(
        /^GitHub API GET \/repos\/acme\/shop failed: .*timeout.* \(gave up after 2 attempts/,
      );
      expect(arrived).toBe(2);
      expect(log).toEqual([
        expect.stringMatching(/^GitHub API GET \/repos\/acme\/shop failed \(.*timeout.*\); retry 1 of 1 in 5 ms\.$/),
      ]);
    } finally {
      await silent.close();
    }
  });

  test('writes are spaced as GitHub asks of integrations (a second apart), or as configured', async () => {
    const mine = gh.addComment(7, `${MARKER}\nv1`, 'github-actions[bot]');
    const known = { id: mine.id, url: mine.html_url, body: mine.body };
    const gaps = async (client: GitHubApi) => {
      const before = sent(PATCH).length;
      await upsertComment(client, target(), MARKER, `${MARKER}\nv2`, known);
      await upsertComment(client, target(), MARKER, `${MARKER}\nv3`, known);
      const [a, b] = sent(PATCH)
        .slice(before)
        .map((q) => q.at) as [number, number];
      return b - a;
    };
    // Bottleneck spaces the starts; arrivals can be a little closer than that.
    expect(await gaps(createGitHubApi(gh.url, gh.token))).toBeGreaterThanOrEqual(850);
    const configured = await gaps(api({ writeIntervalMs: 100 }));
    expect(configured).toBeGreaterThanOrEqual(80);
    expect(configured).toBeLessThan(600);
  });

  test('a base URL with a path (GitHub Enterprise Server: /api/v3) is kept for every page', async () => {
    const ghes = await startProxy(gh.url, '/api/v3');
    try {
      for (let i = 0; i < 5; i++) gh.addComment(7, `noise ${i}`);
      const found = await findComment(createGitHubApi(`${ghes.url}/api/v3/`, gh.token, FAST), target(), MARKER);
      expect(found).toBeUndefined();
      expect(ghes.paths).toEqual([
        '/api/v3/repos/acme/shop/issues/7/comments?per_page=100',
        '/api/v3/repos/acme/shop/issues/7/comments?per_page=2&page=2',
        '/api/v3/repos/acme/shop/issues/7/comments?per_page=2&page=3',
      ]);
    } finally {
      await ghes.close();
    }
  });
});

describe('the token stays with the API host', () => {
  test('a Link header to another host is not followed', async () => {
    const other = await startRecorder();
    try {
      for (let i = 0; i < 3; i++) gh.addComment(7, `noise ${i}`);
      gh.linkOrigin = other.url;
      const err = await findComment(api(), target(), MARKER).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GitHubApiError);
      expect((err as GitHubApiError).message).toContain(`refusing to send the token outside ${gh.url}`);
      expect(other.requests).toHaveLength(0);
      expect(String(err)).not.toContain(gh.token);
    } finally {
      await other.close();
    }
  });

  test('a redirect to another host does not carry the token', async () => {
    const other = await startRecorder();
    const redirector = await listen((req, res) => {
      res.writeHead(307, { location: `${other.url}${req.url}` });
      res.end();
    });
    try {
      await createGitHubApi(redirector.url, gh.token, FAST).request('GET', '/repos/acme/shop');
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0]!.authorization).toBeUndefined();
    } finally {
      await other.close();
      await redirector.close();
    }
  });
});

describe('the action, when GitHub keeps failing', () => {
  test('the comment given up on is a warning naming the endpoint, and the plan still reaches the job summary', async () => {
    gh.fail(POST, serverError(502), 10);
    const r = await runAction(gh, prPayload(7));
    expect(r.code).toBe(0);
    expect(r.log).toMatch(
      /::warning::Could not write the pull request comment: GitHub API POST \/repos\/acme\/shop\/issues\/7\/comments answered 502: Server Error\. The plan is in the job summary\./,
    );
    expect(r.summary).toContain('📋 planned · dev');
    expect(r.summary).toContain('POST /repos/acme/shop/issues/7/comments answered 502');
    expect(r.log).not.toContain(gh.token);
  });

  test('a rate-limited run says so in the summary, not that a permission is missing', async () => {
    gh.fail(POST, primaryRateLimit(3600));
    const r = await runAction(gh, prPayload(7));
    expect(r.code).toBe(0);
    expect(r.summary).toContain('📋 planned · dev');
    expect(r.summary).toContain("GitHub's primary rate limit stopped it");
    expect(r.summary).not.toContain('pull-requests: write');
  });

  test('a 403 without the permission keeps its own warning', async () => {
    gh.fail(POST, notAccessible(), 10);
    const r = await runAction(gh, prPayload(7));
    expect(r.summary).toContain('answered 403: Resource not accessible by integration');
    expect(r.summary).toContain('pull-requests: write');
  });
});

describe('approval', () => {
  const merged = {
    number: 7,
    merged_at: '2025-01-01T00:00:00Z',
    merge_commit_sha: 'abc',
    user: { login: 'author' },
  };

  test('finds the merged pull request of a commit', async () => {
    gh.pullsByCommit.set('abc', [{ number: 3, merged_at: null, merge_commit_sha: null }, merged]);
    expect(await findMergedPullRequest(api(), gh.owner, gh.repo, 'abc')).toEqual({
      number: 7,
      url: 'https://github.com/acme/shop/pull/7',
      author: 'author',
    });
    expect(await findMergedPullRequest(api(), gh.owner, gh.repo, 'def')).toBeUndefined();
  });

  test('an approval from a user with write access passes', async () => {
    gh.reviews.set(7, [
      { user: { login: 'reader' }, state: 'APPROVED' },
      { user: { login: 'maint' }, state: 'COMMENTED' },
      { user: { login: 'maint' }, state: 'APPROVED' },
    ]);
    gh.permissions.set('maint', 'maintain');
    expect(await checkApproval(api(), gh.owner, gh.repo, { number: 7, author: 'author' })).toEqual({
      approved: true,
      by: ['maint'],
    });
  });

  test('no approval, a read-only approver, or a withdrawn approval does not pass', async () => {
    expect(await checkApproval(api(), gh.owner, gh.repo, { number: 7 })).toMatchObject({
      approved: false,
      reason: 'Pull request #7 has no approving review (require-approval is true).',
    });
    gh.reviews.set(7, [{ user: { login: 'reader' }, state: 'APPROVED' }]);
    expect(await checkApproval(api(), gh.owner, gh.repo, { number: 7 })).toMatchObject({
      approved: false,
      reason: expect.stringContaining('none of them has write access'),
    });
    gh.permissions.set('w', 'write');
    gh.reviews.set(7, [
      { user: { login: 'w' }, state: 'APPROVED' },
      { user: { login: 'w' }, state: 'CHANGES_REQUESTED' },
    ]);
    expect(await checkApproval(api(), gh.owner, gh.repo, { number: 7 })).toMatchObject({ approved: false });
  });
});

/** The whole action in this process, with the real client against the stand-in and a fake table. */
async function runAction(stub: GitHubStub, payload: object) {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const eventPath = join(mkdtempSync(join(tmpdir(), 'dm-gh-')), 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const io = new RecordingIo();
  const deps: ActionDeps = {
    env: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${stub.owner}/${stub.repo}`,
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_ACTOR: 'octocat',
      GITHUB_RUN_ID: '4242',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: stub.url,
      ...inputEnv({ 'github-token': stub.token }),
    },
    io,
    createGitHubApi: (baseUrl, token, o) => createGitHubApi(baseUrl, token, { ...o, ...FAST }),
    openMigrationSession: (project, env, settings, connection) =>
      new FakeSession(project, env as Environment, settings, connection, {}),
    loadProject: async () => fakeProject(),
    now: () => 1_750_000_000_000,
  };
  const code = await run(deps);
  return { code, log: io.log, summary: io.summary };
}

interface Listening {
  url: string;
  close(): Promise<void>;
}

function listen(handler: Parameters<typeof createServer>[1]): Promise<Listening> {
  const server: Server = createServer(handler);
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

/** Another host: records what reaches it and answers an empty list. */
async function startRecorder(): Promise<Listening & { requests: IncomingHttpHeaders[] }> {
  const requests: IncomingHttpHeaders[] = [];
  const l = await listen((req, res) => {
    requests.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('[]');
  });
  return { ...l, requests };
}

/**
 * GitHub Enterprise Server's layout: the API under /api/v3. Forwards to the stand-in without
 * the prefix and puts the prefix back into Link headers, as GHES writes them.
 */
async function startProxy(upstream: string, prefix: string): Promise<Listening & { paths: string[] }> {
  const paths: string[] = [];
  const l = await listen(async (req, res) => {
    paths.push(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length'),
    ) as Record<string, string>;
    const up = await fetch(`${upstream}${(req.url ?? '').slice(prefix.length)}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const link = up.headers.get('link');
    const self = `http://${req.headers.host}`;
    res.writeHead(up.status, {
      'content-type': up.headers.get('content-type') ?? 'application/json',
      ...(link ? { link: link.replaceAll(upstream, `${self}${prefix}`) } : {}),
    });
    res.end(Buffer.from(await up.arrayBuffer()));
  });
  return { ...l, paths };
}
