import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A comment as stored by the stand-in. */
export interface StubComment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
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
  authorized: boolean;
  body?: unknown;
}

/**
 * A loopback stand-in for the GitHub REST endpoints the action uses. It checks the token
 * (`Authorization: token|Bearer <token>`, 401 "Bad credentials" otherwise), paginates lists
 * with `Link` headers as GitHub does, rejects comment bodies over 65,536 characters with 422,
 * and records every request. Set `commentWriteStatus` to make comment writes fail (403).
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
  /** When set, POST/PATCH of comments answer this status. */
  commentWriteStatus?: number | undefined;
  /** Items per page, whatever per_page asks (small values exercise pagination). */
  pageSize: number;
  requests: RecordedRequest[];
  /** Adds a comment by another user (noise the action must skip). */
  addComment(issue: number, body: string, login?: string): StubComment;
  close(): Promise<void>;
}

export async function startGitHubStub(opts: { token?: string; owner?: string; repo?: string; defaultBranch?: string; pageSize?: number } = {}): Promise<GitHubStub> {
  let nextId = 1000;
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
    requests: [] as RecordedRequest[],
  };
  const html = (issue: number, id: number) => `https://github.com/${stub.owner}/${stub.repo}/pull/${issue}#issuecomment-${id}`;
  const addComment = (issue: number, body: string, login = 'someone'): StubComment => {
    const c = { id: nextId++, body, user: { login }, html_url: html(issue, 0) };
    c.html_url = html(issue, c.id);
    stub.comments.set(issue, [...(stub.comments.get(issue) ?? []), c]);
    return c;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const raw = await readBody(req);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    const auth = String(req.headers.authorization ?? '');
    const authorized = auth === `token ${stub.token}` || auth === `Bearer ${stub.token}`;
    stub.requests.push({ method: req.method ?? '', path: url.pathname + url.search, authorized, ...(body ? { body } : {}) });
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(json));
    };
    if (!authorized) return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    const repoPrefix = `/repos/${stub.owner}/${stub.repo}`;
    if (!url.pathname.startsWith(repoPrefix)) return send(404, { message: 'Not Found' });
    const path = url.pathname.slice(repoPrefix.length);
    let m: RegExpExecArray | null;

    if (req.method === 'GET' && path === '') return send(200, { full_name: `${stub.owner}/${stub.repo}`, default_branch: stub.defaultBranch });
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const issue = Number(m[1]);
      if (req.method === 'GET') return paginate(res, url, stub.comments.get(issue) ?? [], stub.pageSize);
      if (req.method === 'POST') {
        if (stub.commentWriteStatus) return send(stub.commentWriteStatus, { message: 'Resource not accessible by integration' });
        const text = String(body?.body ?? '');
        if (text.length > 65_536) return send(422, { message: 'Validation Failed', errors: [{ message: 'body is too long (maximum is 65536 characters)' }] });
        return send(201, addComment(issue, text, 'github-actions[bot]'));
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(path)) && req.method === 'PATCH') {
      if (stub.commentWriteStatus) return send(stub.commentWriteStatus, { message: 'Resource not accessible by integration' });
      const id = Number(m[1]);
      const c = [...stub.comments.values()].flat().find((x) => x.id === id);
      if (!c) return send(404, { message: 'Not Found' });
      const text = String(body?.body ?? '');
      if (text.length > 65_536) return send(422, { message: 'Validation Failed', errors: [{ message: 'body is too long (maximum is 65536 characters)' }] });
      c.body = text;
      return send(200, c);
    }
    if ((m = /^\/commits\/([0-9a-f]+)\/pulls$/.exec(path)) && req.method === 'GET') {
      return paginate(res, url, stub.pullsByCommit.get(m[1]!) ?? [], stub.pageSize);
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(path)) && req.method === 'GET') {
      return paginate(res, url, stub.reviews.get(Number(m[1])) ?? [], stub.pageSize);
    }
    if ((m = /^\/collaborators\/([^/]+)\/permission$/.exec(path)) && req.method === 'GET') {
      const login = decodeURIComponent(m[1]!);
      const permission = stub.permissions.get(login) ?? 'read';
      return send(200, { permission: permission === 'maintain' || permission === 'triage' ? (permission === 'maintain' ? 'write' : 'read') : permission, role_name: permission, user: { login } });
    }
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}`,
    addComment,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** GitHub-style pages: `page`/`per_page` query, capped by `pageSize`, with a Link header. */
function paginate(res: ServerResponse, url: URL, items: readonly unknown[], pageSize: number): void {
  const per = Math.min(pageSize, Number(url.searchParams.get('per_page') ?? 30) || 30);
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / per));
  const link = (p: number, rel: string) => {
    const u = new URL(url.toString());
    u.searchParams.set('page', String(p));
    u.searchParams.set('per_page', String(per));
    return `<http://${res.req.headers.host}${u.pathname}${u.search}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...(links.length ? { link: links.join(', ') } : {}) });
  res.end(JSON.stringify(items.slice((page - 1) * per, page * per)));
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
