import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A comment as stored by the stand-in (the API answers with GitHub's whole issue-comment object). */
export interface StubComment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
  created_at?: string;
  updated_at?: string;
}

export interface StubPull {
  number: number;
  merged_at: string | null;
  merge_commit_sha: string | null;
  html_url?: string;
  user?: { login: string };
}

export interface StubReview {
  user: { login: string };
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The route of GITHUB_STUB_ROUTES it matched; undefined: answered 404 as an unknown route. */
  route: StubRoute | undefined;
  authorized: boolean;
  body?: unknown;
  /** The request's headers, less the Authorization one. */
  headers: IncomingHttpHeaders;
  /** Date.now() when it arrived: how long a client waited between two requests. */
  at: number;
  /** What the stand-in answered. */
  status: number;
  response: unknown;
}

/**
 * Every route the stand-in serves, named as GitHub's OpenAPI description names them (the
 * fidelity test checks each against it, and the bodies against its schemas).
 */
export const GITHUB_STUB_ROUTES = [
  'GET /repos/{owner}/{repo}',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
  'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
] as const;
export type StubRoute = (typeof GITHUB_STUB_ROUTES)[number];

/** An answer the stand-in gives instead of the real one, as GitHub does when things go wrong. */
export interface StubFault {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  /** The request is carried out, then this is answered (the answer is lost, not the request). */
  afterEffect?: boolean;
}

/** A 5xx, as GitHub's front end answers when the service behind it is unwell. */
export function serverError(status = 502, o: { afterEffect?: boolean } = {}): StubFault {
  return { status, body: { message: 'Server Error' }, ...o };
}

/** GitHub's secondary rate limit (too many requests too fast): 403 with retry-after. */
export function secondaryRateLimit(retryAfterSeconds: number, status: 403 | 429 = 403): StubFault {
  return {
    status,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
      documentation_url:
        'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: String(status),
    },
  };
}

/** GitHub's primary rate limit: the token's hourly quota is spent until `x-ratelimit-reset`. */
export function primaryRateLimit(resetInSeconds: number): StubFault {
  return {
    status: 403,
    headers: {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds),
    },
    body: {
      message: 'API rate limit exceeded for installation ID 4242.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      status: '403',
    },
  };
}

/** A token without the permission: GITHUB_TOKEN without `pull-requests: write`. */
export function notAccessible(status = 403): StubFault {
  return {
    status,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: String(status),
    },
  };
}

/**
 * A loopback stand-in for the GitHub REST endpoints the action uses. It checks the token
 * (`Authorization: token|Bearer <token>`, 401 "Bad credentials" otherwise), answers with the
 * objects GitHub documents (checked against its OpenAPI description by a test), paginates lists
 * with `Link` headers as GitHub does, sends the x-ratelimit-* headers, rejects comment bodies
 * over 65,536 characters with 422, and records every request. `fail()` queues faults (5xx,
 * rate limits, refusals); `commentWriteStatus` makes every comment write fail.
 */
export interface GitHubStub {
  url: string;
  token: string;
  owner: string;
  repo: string;
  defaultBranch: string;
  /** Issue number -> comments, oldest first. */
  comments: Map<number, StubComment[]>;
  /** Commit sha -> pull requests associated with it. */
  pullsByCommit: Map<string, StubPull[]>;
  /** Pull request number -> reviews, oldest first. */
  reviews: Map<number, StubReview[]>;
  /** Login -> permission (admin, maintain, write, triage, read); others read. */
  permissions: Map<string, string>;
  /** When set, POST/PATCH of comments answer this status ("Resource not accessible by integration"). */
  commentWriteStatus?: number | undefined;
  /** Items per page, whatever per_page asks (small values exercise pagination). */
  pageSize: number;
  /** Where `Link` headers point (default: this stand-in); another origin tests that the token stays home. */
  linkOrigin: string | undefined;
  requests: RecordedRequest[];
  /** Adds a comment by another user (noise the action must skip). */
  addComment(issue: number, body: string, login?: string): StubComment;
  /** The next `times` requests of `route` get `fault` instead of the real answer. */
  fail(route: StubRoute, fault: StubFault, times?: number): void;
  close(): Promise<void>;
}

export async function startGitHubStub(
  opts: { token?: string; owner?: string; repo?: string; defaultBranch?: string; pageSize?: number } = {},
): Promise<GitHubStub> {
  let nextId = 1000;
  const faults = new Map<StubRoute, StubFault[]>();
  let remaining = 5000;
  const resetAt = Math.ceil(Date.now() / 1000) + 3600;
  const stub = {
    token: opts.token ?? 'ghs_stubtoken0123456789',
    owner: opts.owner ?? 'acme',
    repo: opts.repo ?? 'shop',
    defaultBranch: opts.defaultBranch ?? 'main',
    comments: new Map<number, StubComment[]>(),
    pullsByCommit: new Map<string, StubPull[]>(),
    reviews: new Map<number, StubReview[]>(),
    permissions: new Map<string, string>(),
    commentWriteStatus: undefined as number | undefined,
    pageSize: opts.pageSize ?? 30,
    linkOrigin: undefined as string | undefined,
    requests: [] as RecordedRequest[],
    url: '',
  };
  const html = (issue: number, id: number) =>
    `https://github.com/${stub.owner}/${stub.repo}/pull/${issue}#issuecomment-${id}`;
  const addComment = (issue: number, body: string, login = 'someone'): StubComment => {
    const now = new Date().toISOString();
    const c = { id: nextId++, body, user: { login }, html_url: html(issue, 0), created_at: now, updated_at: now };
    c.html_url = html(issue, c.id);
    stub.comments.set(issue, [...(stub.comments.get(issue) ?? []), c]);
    return c;
  };
  const fail = (route: StubRoute, fault: StubFault, times = 1) => {
    faults.set(route, [...(faults.get(route) ?? []), ...Array.from({ length: times }, () => fault)]);
  };
  const objects = () => githubObjects(stub.url, stub.owner, stub.repo, stub.defaultBranch);
  const commentWriteRefusal = (): Answer | undefined =>
    stub.commentWriteStatus ? fromFault(notAccessible(stub.commentWriteStatus)) : undefined;

  /** The real answer of each route; `p` holds the template's parameters. */
  const handlers: Record<
    StubRoute,
    (p: Record<string, string>, url: URL, body: Record<string, unknown> | undefined) => Answer
  > = {
    'GET /repos/{owner}/{repo}': () => ({ status: 200, json: objects().repository(true) }),
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (p, url) => {
      const issue = Number(p.issue_number);
      return page(url, stub.comments.get(issue) ?? [], stub.pageSize, stub.linkOrigin ?? stub.url, (c) =>
        objects().comment(issue, c),
      );
    },
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (p, _url, body) => {
      const refused = commentWriteRefusal() ?? invalidBody(body);
      if (refused) return refused;
      const issue = Number(p.issue_number);
      return {
        status: 201,
        json: objects().comment(issue, addComment(issue, String(body?.body), 'github-actions[bot]')),
      };
    },
    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (p, _url, body) => {
      const refused = commentWriteRefusal() ?? invalidBody(body);
      if (refused) return refused;
      const id = Number(p.comment_id);
      for (const [issue, list] of stub.comments) {
        const c = list.find((x) => x.id === id);
        if (!c) continue;
        c.body = String(body?.body);
        c.updated_at = new Date().toISOString();
        return { status: 200, json: objects().comment(issue, c) };
      }
      return notFound();
    },
    'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': (p, url) =>
      page(url, stub.pullsByCommit.get(p.commit_sha ?? '') ?? [], stub.pageSize, stub.linkOrigin ?? stub.url, (pr) =>
        objects().pull(pr),
      ),
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews': (p, url) => {
      const pr = Number(p.pull_number);
      return page(url, stub.reviews.get(pr) ?? [], stub.pageSize, stub.linkOrigin ?? stub.url, (r, i) =>
        objects().review(pr, r, i),
      );
    },
    'GET /repos/{owner}/{repo}/collaborators/{username}/permission': (p) => {
      const login = p.username ?? '';
      return { status: 200, json: objects().permission(login, stub.permissions.get(login) ?? 'read') };
    },
  };
  const routes = GITHUB_STUB_ROUTES.map((route) => {
    const [method, template] = route.split(' ') as [string, string];
    const names: string[] = [];
    const re = new RegExp(
      `^${template.replace(/\{([^}]+)\}/g, (_, n: string) => {
        names.push(n);
        return '([^/]+)';
      })}$`,
    );
    return { route, method, re, names };
  });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const raw = await readBody(req);
    let body: Record<string, unknown> | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    const auth = String(req.headers.authorization ?? '');
    const authorized = auth === `token ${stub.token}` || auth === `Bearer ${stub.token}`;
    const { authorization: _, ...headers } = req.headers;
    const match = routes
      .map((r) => ({ r, m: req.method === r.method ? r.re.exec(url.pathname) : null }))
      .find((x) => x.m);
    let answer: Answer;
    if (!authorized) answer = { status: 401, json: basicError('Bad credentials', 401) };
    else if (!match) answer = notFound();
    else {
      const params = Object.fromEntries(match.r.names.map((n, i) => [n, decodeURIComponent(match.m![i + 1]!)]));
      const fault = faults.get(match.r.route)?.shift();
      if (params.owner !== stub.owner || params.repo !== stub.repo) answer = notFound();
      else if (fault && !fault.afterEffect) answer = fromFault(fault);
      else {
        answer = handlers[match.r.route](params, url, body);
        if (fault) answer = fromFault(fault);
      }
    }
    remaining = Math.max(0, remaining - 1);
    stub.requests.push({
      method: req.method ?? '',
      path: url.pathname + url.search,
      route: match?.r.route,
      authorized,
      ...(body ? { body } : {}),
      headers,
      at: Date.now(),
      status: answer.status,
      response: answer.json,
    });
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-used': String(5000 - remaining),
      'x-ratelimit-resource': 'core',
      ...answer.headers,
    });
    res.end(JSON.stringify(answer.json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  stub.url = `http://127.0.0.1:${port}`;
  return Object.assign(stub, {
    addComment,
    fail,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

interface Answer {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
}

function fromFault(f: StubFault): Answer {
  return { status: f.status, json: f.body, ...(f.headers ? { headers: f.headers } : {}) };
}

function basicError(message: string, status: number, doc = 'https://docs.github.com/rest') {
  return { message, documentation_url: doc, status: String(status) };
}

function notFound(): Answer {
  return { status: 404, json: basicError('Not Found', 404) };
}

/** GitHub's 422 for a comment body that is missing or too long. */
function invalidBody(body: Record<string, unknown> | undefined): Answer | undefined {
  const doc = 'https://docs.github.com/rest/issues/comments#create-an-issue-comment';
  if (typeof body?.body !== 'string') {
    return {
      status: 422,
      json: { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: doc, status: '422' },
    };
  }
  if (body.body.length <= 65_536) return undefined;
  return {
    status: 422,
    json: {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
      documentation_url: doc,
      status: '422',
    },
  };
}

/** GitHub-style pages: `page`/`per_page` query, capped by `pageSize`, with a Link header. */
function page<T>(
  url: URL,
  items: readonly T[],
  pageSize: number,
  origin: string,
  render: (item: T, index: number) => unknown,
): Answer {
  const per = Math.min(pageSize, Number(url.searchParams.get('per_page') ?? 30) || 30);
  const n = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / per));
  const link = (p: number, rel: string) => {
    const u = new URL(url.pathname + url.search, origin);
    u.searchParams.set('page', String(p));
    u.searchParams.set('per_page', String(per));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (n < last) links.push(link(n + 1, 'next'), link(last, 'last'));
  if (n > 1) links.push(link(1, 'first'), link(n - 1, 'prev'));
  const start = (n - 1) * per;
  return {
    status: 200,
    json: items.slice(start, start + per).map((item, i) => render(item, start + i)),
    ...(links.length ? { headers: { link: links.join(', ') } } : {}),
  };
}

/** GitHub's objects as its API returns them, every documented required field filled. */
function githubObjects(api: string, owner: string, repo: string, defaultBranch: string) {
  const fullName = `${owner}/${repo}`;
  const web = 'https://github.com';
  const time = '2025-06-01T00:00:00Z';
  const idOf = (s: string) => Number.parseInt(createHash('sha256').update(s).digest('hex').slice(0, 8), 16);
  const user = (login: string) => {
    const u = `${api}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id: idOf(login),
      node_id: `U_${idOf(login).toString(36)}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${idOf(login)}?v=4`,
      gravatar_id: '',
      url: u,
      html_url: `${web}/${encodeURIComponent(login)}`,
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      user_view_type: 'public',
      site_admin: false,
    };
  };
  const repoUrl = `${api}/repos/${fullName}`;
  const repository = (full = false) => ({
    id: idOf(fullName),
    node_id: `R_${idOf(fullName).toString(36)}`,
    name: repo,
    full_name: fullName,
    owner: user(owner),
    private: true,
    html_url: `${web}/${fullName}`,
    description: null,
    fork: false,
    url: repoUrl,
    ...Object.fromEntries(
      [
        ['archive_url', '/{archive_format}{/ref}'],
        ['assignees_url', '/assignees{/user}'],
        ['blobs_url', '/git/blobs{/sha}'],
        ['branches_url', '/branches{/branch}'],
        ['collaborators_url', '/collaborators{/collaborator}'],
        ['comments_url', '/comments{/number}'],
        ['commits_url', '/commits{/sha}'],
        ['compare_url', '/compare/{base}...{head}'],
        ['contents_url', '/contents/{+path}'],
        ['contributors_url', '/contributors'],
        ['deployments_url', '/deployments'],
        ['downloads_url', '/downloads'],
        ['events_url', '/events'],
        ['forks_url', '/forks'],
        ['git_commits_url', '/git/commits{/sha}'],
        ['git_refs_url', '/git/refs{/sha}'],
        ['git_tags_url', '/git/tags{/sha}'],
        ['hooks_url', '/hooks'],
        ['issue_comment_url', '/issues/comments{/number}'],
        ['issue_events_url', '/issues/events{/number}'],
        ['issues_url', '/issues{/number}'],
        ['keys_url', '/keys{/key_id}'],
        ['labels_url', '/labels{/name}'],
        ['languages_url', '/languages'],
        ['merges_url', '/merges'],
        ['milestones_url', '/milestones{/number}'],
        ['notifications_url', '/notifications{?since,all,participating}'],
        ['pulls_url', '/pulls{/number}'],
        ['releases_url', '/releases{/id}'],
        ['stargazers_url', '/stargazers'],
        ['statuses_url', '/statuses/{sha}'],
        ['subscribers_url', '/subscribers'],
        ['subscription_url', '/subscription'],
        ['tags_url', '/tags'],
        ['teams_url', '/teams'],
        ['trees_url', '/git/trees{/sha}'],
      ].map(([k, suffix]) => [k, `${repoUrl}${suffix}`]),
    ),
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    clone_url: `${web}/${fullName}.git`,
    svn_url: `${web}/${fullName}`,
    mirror_url: null,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 128,
    default_branch: defaultBranch,
    open_issues_count: 1,
    open_issues: 1,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: 'private',
    pushed_at: time,
    created_at: time,
    updated_at: time,
    license: null,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_forking: true,
    web_commit_signoff_required: false,
    ...(full ? { network_count: 0, subscribers_count: 1, temp_clone_token: null } : {}),
  });
  const link = (href: string) => ({ href });
  return {
    user,
    repository,
    comment(issue: number, c: StubComment) {
      const bot = c.user.login.endsWith('[bot]');
      const url = `${repoUrl}/issues/comments/${c.id}`;
      return {
        id: c.id,
        node_id: `IC_${c.id.toString(36)}`,
        url,
        html_url: c.html_url,
        body: c.body,
        user: user(c.user.login),
        created_at: c.created_at ?? time,
        updated_at: c.updated_at ?? c.created_at ?? time,
        issue_url: `${repoUrl}/issues/${issue}`,
        author_association: bot ? 'NONE' : 'CONTRIBUTOR',
        reactions: {
          url: `${url}/reactions`,
          total_count: 0,
          '+1': 0,
          '-1': 0,
          laugh: 0,
          hooray: 0,
          confused: 0,
          heart: 0,
          rocket: 0,
          eyes: 0,
        },
        performed_via_github_app: bot
          ? {
              id: 15368,
              slug: 'github-actions',
              node_id: 'MDM6QXBwMTUzNjg=',
              owner: user('github'),
              name: 'GitHub Actions',
              description: 'Automate your workflow from idea to production',
              external_url: 'https://help.github.com/en/actions',
              html_url: 'https://github.com/apps/github-actions',
              created_at: '2018-07-30T09:30:17Z',
              updated_at: '2024-04-10T20:33:16Z',
              permissions: { issues: 'write', pull_requests: 'write' },
              events: [],
            }
          : null,
      };
    },
    pull(p: StubPull) {
      const url = `${repoUrl}/pulls/${p.number}`;
      const author = user(p.user?.login ?? 'octocat');
      const side = (ref: string, sha: string) => ({
        label: `${owner}:${ref}`,
        ref,
        sha,
        user: user(owner),
        repo: repository(),
      });
      return {
        url,
        id: idOf(`pull ${p.number}`),
        node_id: `PR_${p.number.toString(36)}`,
        html_url: p.html_url ?? `${web}/${fullName}/pull/${p.number}`,
        diff_url: `${web}/${fullName}/pull/${p.number}.diff`,
        patch_url: `${web}/${fullName}/pull/${p.number}.patch`,
        issue_url: `${repoUrl}/issues/${p.number}`,
        commits_url: `${url}/commits`,
        review_comments_url: `${url}/comments`,
        review_comment_url: `${repoUrl}/pulls/comments{/number}`,
        comments_url: `${repoUrl}/issues/${p.number}/comments`,
        statuses_url: `${repoUrl}/statuses/${p.merge_commit_sha ?? '0'.repeat(40)}`,
        number: p.number,
        state: p.merged_at ? 'closed' : 'open',
        locked: false,
        title: `Pull request #${p.number}`,
        user: author,
        body: null,
        labels: [],
        milestone: null,
        active_lock_reason: null,
        created_at: time,
        updated_at: p.merged_at ?? time,
        closed_at: p.merged_at,
        merged_at: p.merged_at,
        merge_commit_sha: p.merge_commit_sha,
        assignee: null,
        assignees: [],
        requested_reviewers: [],
        requested_teams: [],
        head: side(`feature-${p.number}`, 'a'.repeat(40)),
        base: side(defaultBranch, 'b'.repeat(40)),
        _links: {
          self: link(url),
          html: link(`${web}/${fullName}/pull/${p.number}`),
          issue: link(`${repoUrl}/issues/${p.number}`),
          comments: link(`${repoUrl}/issues/${p.number}/comments`),
          review_comments: link(`${url}/comments`),
          review_comment: link(`${repoUrl}/pulls/comments{/number}`),
          commits: link(`${url}/commits`),
          statuses: link(`${repoUrl}/statuses/${'a'.repeat(40)}`),
        },
        author_association: 'CONTRIBUTOR',
        auto_merge: null,
        draft: false,
      };
    },
    review(pr: number, r: StubReview, index: number) {
      const id = idOf(`review ${pr} ${index}`);
      const html = `${web}/${fullName}/pull/${pr}#pullrequestreview-${id}`;
      return {
        id,
        node_id: `PRR_${id.toString(36)}`,
        user: user(r.user.login),
        body: '',
        state: r.state,
        html_url: html,
        pull_request_url: `${repoUrl}/pulls/${pr}`,
        _links: { html: link(html), pull_request: link(`${repoUrl}/pulls/${pr}`) },
        ...(r.state === 'PENDING' ? {} : { submitted_at: time }),
        commit_id: 'a'.repeat(40),
        author_association: 'COLLABORATOR',
      };
    },
    /** `permission` is the legacy name (maintain reads as write, triage as read); `role_name` the role. */
    permission(login: string, role: string) {
      const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
      const rights = {
        admin: role === 'admin',
        maintain: role === 'admin' || role === 'maintain',
        push: ['admin', 'maintain', 'write'].includes(role),
        triage: role !== 'read' && role !== 'none',
        pull: role !== 'none',
      };
      return { permission, role_name: role, user: { ...user(login), permissions: rights, role_name: role } };
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
}
