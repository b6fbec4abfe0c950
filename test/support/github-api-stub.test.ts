import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkApproval, findMergedPullRequest } from '../../src/github/approval';
import { findComment, upsertComment } from '../../src/github/comment';
import { createGitHubApi, type GitHubApi } from '../../src/github/rest';
import {
  GITHUB_STUB_ROUTES,
  notAccessible,
  primaryRateLimit,
  secondaryRateLimit,
  serverError,
  startGitHubStub,
  type GitHubStub,
  type RecordedRequest,
} from './github-api-stub';
import { loadGitHubDescription, type GitHubDescription } from './github-openapi';

/**
 * The GitHub stand-in is only as good as its likeness to GitHub: every route it serves must be
 * one of GitHub's documented operations, and every body it answers (and every body the client
 * sends it) must validate against the schema GitHub's OpenAPI description gives for it.
 */

let spec: GitHubDescription;
let gh: GitHubStub;
let api: GitHubApi;
const MARKER = '<!-- dynamodb-migrate -->';
/**
 * Statuses GitHub's description leaves to its prose, which any operation may answer: bad
 * credentials, a resource that is not there or not visible (issues/update-comment documents no
 * 404, yet GitHub answers one for a deleted comment), rate limits, outages.
 */
const GENERIC = new Set([401, 403, 404, 429, 500, 502, 503, 504]);

beforeAll(async () => {
  spec = loadGitHubDescription(GITHUB_STUB_ROUTES);
  gh = await startGitHubStub({ pageSize: 2 });
  api = createGitHubApi(gh.url, gh.token, { retryBaseMs: 1, writeIntervalMs: 0, maxRetryWaitMs: 0 });
  await traffic();
}, 60_000);
afterAll(() => gh?.close());

/** Every route, its success and its failures, as the action drives them. */
async function traffic(): Promise<void> {
  const target = { owner: gh.owner, repo: gh.repo, issue: 7 };
  for (let i = 0; i < 3; i++) gh.addComment(7, `noise ${i}`);
  await api.request('GET', `/repos/${gh.owner}/${gh.repo}`);
  await upsertComment(api, target, MARKER, `${MARKER}\nv1`);
  await upsertComment(api, target, MARKER, `${MARKER}\nv2`);
  await findComment(api, target, MARKER);
  gh.pullsByCommit.set('abc', [
    { number: 7, merged_at: '2025-06-01T00:00:00Z', merge_commit_sha: 'abc', user: { login: 'author' } },
    { number: 8, merged_at: null, merge_commit_sha: null },
  ]);
  const pr = await findMergedPullRequest(api, gh.owner, gh.repo, 'abc');
  gh.reviews.set(7, [
    { user: { login: 'maint' }, state: 'COMMENTED' },
    { user: { login: 'maint' }, state: 'APPROVED' },
    { user: { login: 'reader' }, state: 'APPROVED' },
    { user: { login: 'pending' }, state: 'PENDING' },
  ]);
  for (const [login, role] of [
    ['maint', 'maintain'],
    ['reader', 'triage'],
  ] as const)
    gh.permissions.set(login, role);
  await checkApproval(api, gh.owner, gh.repo, pr!);
  gh.permissions.set('admin', 'admin');
  await api.request('GET', `/repos/${gh.owner}/${gh.repo}/collaborators/admin/permission`);
  // The failures.
  await upsertComment(api, target, MARKER, `${MARKER}\n${'x'.repeat(70_000)}`).catch(() => {});
  await api.request('POST', `/repos/${gh.owner}/${gh.repo}/issues/7/comments`, { text: 'no body' }).catch(() => {});
  await api.request('PATCH', `/repos/${gh.owner}/${gh.repo}/issues/comments/1`, { body: 'x' }).catch(() => {});
  await api.request('GET', `/repos/${gh.owner}/elsewhere`).catch(() => {});
  await createGitHubApi(gh.url, 'wrong')
    .request('GET', `/repos/${gh.owner}/${gh.repo}`)
    .catch(() => {});
  gh.fail('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', notAccessible());
  await api.request('POST', `/repos/${gh.owner}/${gh.repo}/issues/8/comments`, { body: 'x' }).catch(() => {});
  gh.fail('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', secondaryRateLimit(1));
  gh.fail('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', secondaryRateLimit(1, 429));
  gh.fail('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', primaryRateLimit(600));
  gh.fail('GET /repos/{owner}/{repo}', serverError(502));
  await findComment(api, target, MARKER).catch(() => {});
  await api.paginate(`/repos/${gh.owner}/${gh.repo}/pulls/7/reviews`).catch(() => {});
  await api.paginate(`/repos/${gh.owner}/${gh.repo}/commits/abc/pulls`).catch(() => {});
  await createGitHubApi(gh.url, gh.token, { retries: 0 })
    .request('GET', `/repos/${gh.owner}/${gh.repo}`)
    .catch(() => {});
}

describe("the GitHub stand-in against GitHub's OpenAPI description", () => {
  test('every route it serves is a documented operation with that method', () => {
    const missing = GITHUB_STUB_ROUTES.filter((r) => !spec.documented(r) || !spec.operations.has(r));
    expect(missing, `not documented, or not in the subset (regenerate it: ${spec.source.command})`).toEqual([]);
    expect([...spec.operations.values()].map((o) => o.operationId)).toEqual([
      'repos/get',
      'issues/list-comments',
      'issues/create-comment',
      'issues/update-comment',
      'repos/list-pull-requests-associated-with-commit',
      'pulls/list-reviews',
      'repos/get-collaborator-permission-level',
    ]);
  });

  test('the traffic reached every route, with successes and failures', () => {
    for (const route of GITHUB_STUB_ROUTES) {
      const answers = gh.requests.filter((r) => r.route === route);
      expect(
        answers.some((r) => r.status < 300),
        `${route} succeeded`,
      ).toBe(true);
    }
    expect(new Set(gh.requests.map((r) => r.status))).toEqual(new Set([200, 201, 401, 403, 404, 422, 429, 502]));
  });

  test('every body it answered validates against the schema GitHub documents for that status', () => {
    const problems = gh.requests.flatMap((r) => problemsOf(r));
    expect(problems).toEqual([]);
  });

  test('every request body the client sent is the one GitHub documents, with documented query parameters', () => {
    const problems = gh.requests.flatMap((r) => {
      const op = r.route && spec.operations.get(r.route);
      if (!op) return [];
      const out: string[] = [];
      for (const name of new URL(r.path, gh.url).searchParams.keys())
        if (!op.query.has(name)) out.push(`${r.method} ${r.path}: query parameter ${name} is not documented`);
      // The deliberate { text } above is the one body GitHub must refuse, and the stand-in does (422).
      if (op.requestBody && !(r.body as { text?: string } | undefined)?.text && !op.requestBody(r.body))
        out.push(`${r.method} ${r.path}: request body ${errors(op.requestBody)}`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  test('the checks can fail: a route GitHub lacks, a method it lacks, a body missing a documented field', () => {
    expect(spec.documented('GET /repos/{owner}/{repo}/pull/{pull_number}/reviews')).toBe(false);
    expect(spec.documented('DELETE /repos/{owner}/{repo}/issues/{issue_number}/comments')).toBe(false);
    expect(spec.documented('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}')).toBe(true);
    const sample = gh.requests.find(
      (r) => r.route === 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' && r.status === 201,
    )!;
    const { node_id: _, ...withoutNodeId } = sample.response as Record<string, unknown>;
    expect(problemsOf({ ...sample, response: withoutNodeId })).toEqual([
      expect.stringContaining("must have required property 'node_id'"),
    ]);
    expect(problemsOf({ ...sample, status: 418 })).toEqual([expect.stringContaining('418 is not documented')]);
  });
});

describe('the subset of the description that the test reads', () => {
  test('is the one generated for the routes the stand-in serves', () => {
    expect(spec.source.package).toMatch(/^@octokit\/openapi@\d+\.\d+\.\d+$/);
    expect(spec.source.routes, `regenerate it: ${spec.source.command}`).toEqual([...GITHUB_STUB_ROUTES]);
  });

  test('holds every route the action calls, and the stand-in serves each', () => {
    const { calls, unreadable } = apiCallsIn(actionSources());
    expect(unreadable).toEqual([]);
    expect(coverageProblems(calls)).toEqual([]);
    // The scan sees the calls: each route the stand-in serves is one the action's code calls.
    expect(new Set(calls.map((c) => spec.routeOf(c.method, c.path)))).toEqual(new Set(GITHUB_STUB_ROUTES));
  });

  test('the coverage check can fail: a route left out of the subset, one GitHub lacks, a path it cannot read', () => {
    const source = [
      'const base = `/repos/${enc(o)}/${enc(r)}/issues`;',
      "await api.request<unknown>('DELETE', `${base}/comments/${id}`);",
      'await api.paginate<Review>(`/repos/${o}/${r}/pull/${n}/reviews`);',
    ].join('\n');
    const { calls, unreadable } = apiCallsIn([{ file: 'src/github/new.ts', text: source }]);
    expect(unreadable).toEqual([]);
    expect(coverageProblems(calls)).toEqual([
      expect.stringMatching(/^src\/github\/new.ts:2: DELETE .*comment_id} is not in the subset/),
      expect.stringMatching(/^src\/github\/new.ts:2: the stand-in does not serve DELETE /),
      expect.stringMatching(
        /^src\/github\/new.ts:3: GET \/repos\/{}\/{}\/pull\/{}\/reviews is not an operation GitHub/,
      ),
    ]);
    const notWritten = [
      'await api.request(method, path);',
      "await octokit.request('GET /repos/{owner}/{repo}/teams', { owner, repo });",
      'await github.paginate(`/repos/${o}/${r}/teams`);',
    ];
    expect(apiCallsIn([{ file: 'x.ts', text: notWritten.join('\n') }]).unreadable).toEqual([
      expect.stringContaining('x.ts:1'),
      expect.stringContaining('x.ts:2'),
      expect.stringContaining('x.ts:3'),
    ]);
  });
});

/** One call on the GitHub API client in the action's code, its path's `${...}` segments as `{}`. */
interface ApiCall {
  where: string;
  method: string;
  path: string;
}

/** The GitHub API client (src/github/rest.ts), the one place that calls Octokit. */
const CLIENT = 'src/github/rest.ts';

/** The action's sources (all of src/, the CLI's and the library's included: none may call GitHub unchecked). */
function actionSources(): { file: string; text: string }[] {
  const src = new URL('../../src/', import.meta.url);
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `src/${f}`, text: readFileSync(new URL(f, src), 'utf8') }));
}

/**
 * Every `api.request(...)` and `api.paginate(...)` in the sources, with its method and path as
 * written; a path built on a template `const` of the same file is read through it. A call whose
 * method or path is not written out is `unreadable`: the check could not tell its route.
 */
function apiCallsIn(files: { file: string; text: string }[]): { calls: ApiCall[]; unreadable: string[] } {
  const calls: ApiCall[] = [];
  const unreadable: string[] = [];
  for (const { file, text } of files) {
    const consts = new Map([...text.matchAll(/\bconst (\w+) = `([^`]*)`/g)].map((m) => [m[1]!, m[2]!]));
    const expand = (path: string, depth = 0): string =>
      depth > 5
        ? path
        : path.replace(/\$\{(\w+)\}/g, (all, name: string) =>
            consts.has(name) ? expand(consts.get(name)!, depth + 1) : all,
          );
    for (const m of text.matchAll(
      /\b(\w+)\.(request|paginate)\s*(?:<[^()]*?>)?\s*\(\s*(?:'([A-Z]+)'\s*,\s*)?(`[^`]*`)?/g,
    )) {
      const where = `${file}:${text.slice(0, m.index).split('\n').length}`;
      // The client's own request, which forwards its caller's method and path.
      if (file === CLIENT && m[1] === 'octokit') continue;
      const method = m[2] === 'paginate' ? 'GET' : m[3];
      const path = m[4] && expand(m[4].slice(1, -1)).split('?', 1)[0]!;
      if (m[1] !== 'api' || !method || !path?.startsWith('/')) {
        unreadable.push(
          `${where}: ${m[0]}: call GitHub as api.request('METHOD', \`/path\`) or api.paginate(\`/path\`), so this check can tell the route`,
        );
        continue;
      }
      const segments = path.split('/').map((s) => (s.includes('${') ? '{}' : s));
      calls.push({ where, method, path: segments.join('/') });
    }
  }
  return { calls, unreadable };
}

/** Why a call is not covered: GitHub does not document it, the subset lacks it, or the stand-in does not serve it. */
function coverageProblems(calls: ApiCall[]): string[] {
  return calls.flatMap((c) => {
    const route = spec.routeOf(c.method, c.path);
    if (!route) return [`${c.where}: ${c.method} ${c.path} is not an operation GitHub documents`];
    const out: string[] = [];
    if (!spec.source.routes.includes(route))
      out.push(
        `${c.where}: ${route} is not in the subset of ${spec.source.package}: add it to GITHUB_STUB_ROUTES and regenerate (${spec.source.command})`,
      );
    if (!(GITHUB_STUB_ROUTES as readonly string[]).includes(route))
      out.push(`${c.where}: the stand-in does not serve ${route}`);
    return out;
  });
}

/** What is wrong with one recorded answer, in GitHub's description's terms. */
function problemsOf(r: RecordedRequest): string[] {
  const where = `${r.method} ${r.path} -> ${r.status}`;
  if (!r.route) return r.status === 404 ? check(where, spec.basicError, r.response) : [`${where}: not a route`];
  const op = spec.operations.get(r.route);
  if (!op) return [`${where}: ${r.route} is not in GitHub's description (or the subset of it that the test reads)`];
  const documented = op.responses.get(r.status);
  if (documented) return check(where, documented, r.response);
  if (GENERIC.has(r.status)) return check(where, spec.basicError, r.response);
  return [`${where}: status ${r.status} is not documented for ${op.operationId}`];
}

function check(where: string, validate: GitHubDescription['basicError'], body: unknown): string[] {
  return validate(body) ? [] : [`${where}: ${errors(validate)}`];
}

function errors(validate: GitHubDescription['basicError']): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}
