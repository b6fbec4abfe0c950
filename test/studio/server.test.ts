import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStudio } from '../../src/studio/server';
import { openStudio } from '../../src/studio/open-studio';
import { InputError } from '../../src/core/errors';
import { StateStore } from '../../src/dynamodb/state/state-store';
import { localClient, localEndpoint } from '../support/dynamodb-local';
import {
  exampleStudioProject,
  migrationRecords,
  openEvents,
  seedCustomers,
  send,
  type Answer,
} from '../support/studio';

process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

// The studio in this process on the example project: dev (read-write) and production
// (protected, so read-only in the studio), each on a fresh table in DynamoDB Local.
let studio: RunningStudio;
let tables: { dev: string; production: string };
let manifestPath: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const p = await exampleStudioProject();
  tables = p;
  manifestPath = p.manifest;
  await seedCustomers(p.dev, 30);
  studio = await openStudio({ manifest: p.manifest, endpoint: localEndpoint() }, { port: 0 }, cleanups);
  cleanups.unshift(() => studio.close());
});
afterAll(async () => {
  for (const c of cleanups) await c();
});

const host = () => `127.0.0.1:${studio.port}`;
const origin = () => `http://${host()}`;
const cookie = () => `dm_studio=${studio.secrets.session}`;

/** A request as the studio's own page makes it: its Host, Origin, cookie and CSRF token. */
function page(
  path: string,
  o: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { host: host(), cookie: cookie(), ...o.headers };
  if (o.method === 'POST') {
    headers.origin ??= origin();
    headers['x-csrf-token'] ??= studio.secrets.csrf;
    headers['content-type'] ??= 'application/json';
  }
  return send(studio.port, {
    method: o.method ?? 'GET',
    path,
    headers,
    body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
  });
}

describe('studio: who may talk to it', () => {
  it('listens on 127.0.0.1 and prints an address with its token', () => {
    expect(studio.url).toBe(`http://127.0.0.1:${studio.port}/?token=${studio.secrets.urlToken}`);
  });

  it('a port in use is bad input naming the port and what to do', async () => {
    const taken: (() => Promise<void>)[] = [];
    const err = await openStudio(
      { manifest: manifestPath, endpoint: localEndpoint() },
      { port: studio.port },
      taken,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect(String(err)).toMatch(
      new RegExp(`--port ${studio.port}: 127.0.0.1:${studio.port} is in use; pass another --port, or --port 0`),
    );
    expect(
      await openStudio({ manifest: manifestPath, endpoint: localEndpoint() }, { port: 70_000 }, taken).catch((e) =>
        String(e),
      ),
    ).toMatch(/--port 70000: expected a port number from 0/);
  });

  it('exchanges the URL token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const r = await send(studio.port, { path: `/?token=${studio.secrets.urlToken}`, headers: { host: host() } });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const set = String(r.headers['set-cookie']);
    expect(set).toContain(`dm_studio=${studio.secrets.session}`);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    const html = await page('/');
    expect(html.status).toBe(200);
    expect(html.headers['content-security-policy']).toContain("default-src 'self'");
    expect(html.text).toContain(studio.secrets.csrf);
    expect(html.text).not.toContain(studio.secrets.urlToken);
  });

  it('refuses a request without the token or cookie (401)', async () => {
    expect((await send(studio.port, { path: '/', headers: { host: host() } })).status).toBe(401);
    expect((await send(studio.port, { path: '/?token=wrong', headers: { host: host() } })).status).toBe(401);
    const api = await send(studio.port, { path: '/api/board', headers: { host: host() } });
    expect(api.status).toBe(401);
    expect(api.json().error).toMatch(/open the address dynamodb-migrate studio printed/);
    expect(
      (await send(studio.port, { path: '/api/board', headers: { host: host(), cookie: 'dm_studio=guess' } })).status,
    ).toBe(401);
  });

  it('refuses a foreign Host even with the cookie (403: DNS rebinding)', async () => {
    const r = await page('/api/board', { headers: { host: `evil.example:${studio.port}` } });
    expect(r.status).toBe(403);
    expect(r.json().error).toMatch(/Host "evil.example/);
    const token = await send(studio.port, {
      path: `/?token=${studio.secrets.urlToken}`,
      headers: { host: 'evil.example' },
    });
    expect(token.status).toBe(403);
    expect(token.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a POST from a foreign Origin, with Origin null, without Origin, or without the CSRF token (403)', async () => {
    const body = { command: 'up' };
    const before = await migrationRecords(tables.dev);
    for (const headers of [{ origin: 'http://evil.example' }, { origin: 'null' }]) {
      const r = await page('/api/envs/dev/plan', { method: 'POST', body, headers });
      expect(r.status).toBe(403);
      expect(r.json().error).toMatch(/Origin/);
    }
    const noOrigin = await send(studio.port, {
      method: 'POST',
      path: '/api/envs/dev/plan',
      headers: {
        host: host(),
        cookie: cookie(),
        'x-csrf-token': studio.secrets.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    expect(noOrigin.status).toBe(403);
    const noCsrf = await page('/api/envs/dev/plan', { method: 'POST', body, headers: { 'x-csrf-token': 'nope' } });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.json().error).toMatch(/x-csrf-token/);
    expect(await migrationRecords(tables.dev)).toEqual(before);
  });

  it('refuses the event stream to a foreign Origin (403); answers no CORS headers', async () => {
    const r = await page('/api/events', { headers: { origin: 'http://evil.example' } });
    expect(r.status).toBe(403);
    const board = await page('/api/board', { headers: { origin: 'http://evil.example' } });
    expect(board.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('studio: bad input gets one clear error and changes nothing', () => {
  const cases: [string, string, unknown, number, RegExp][] = [
    ['unknown command', '/api/envs/dev/plan', { command: 'sideways' }, 400, /command/],
    ['to without a version', '/api/envs/dev/plan', { command: 'to' }, 400, /to needs a version/],
    ['not a semver', '/api/envs/dev/run', { command: 'to', version: 'v2', hash: 'x' }, 400, /semver/],
    ['unknown field', '/api/envs/dev/run', { command: 'up', hash: 'x', force: true }, 400, /force/],
    ['no hash', '/api/envs/dev/run', { command: 'up' }, 400, /hash/],
    ['a plan that was never shown', '/api/envs/dev/run', { command: 'up', hash: 'sha256:0' }, 409, /plan changed/],
    [
      'unknown environment',
      '/api/envs/staging/plan',
      { command: 'up' },
      404,
      /No environment "staging".*dev, production/,
    ],
    [
      'repair without a reason',
      '/api/envs/dev/repair',
      { version: '1.0.0', mark: 'applied', reason: ' ' },
      400,
      /reason/,
    ],
    ['unlock of no lock', '/api/envs/dev/unlock', { lockId: 'nope', reason: 'test' }, 400, /.+/],
    ['not JSON', '/api/envs/dev/plan', '{command', 400, /not valid JSON/],
  ];
  for (const [what, path, body, status, message] of cases) {
    it(what, async () => {
      const before = await migrationRecords(tables.dev);
      const r = await page(path, { method: 'POST', body });
      expect(r.status).toBe(status);
      expect(r.json().error).toMatch(message);
      expect(await migrationRecords(tables.dev)).toEqual(before);
    });
  }

  it('a body that is not JSON by its content type', async () => {
    const r = await page('/api/envs/dev/plan', {
      method: 'POST',
      body: 'command=up',
      headers: { 'content-type': 'text/plain' },
    });
    expect(r.status).toBe(400);
    expect(r.json().error).toMatch(/application\/json/);
  });

  it('a schema version that does not exist', async () => {
    const r = await page('/api/envs/dev/schema?version=9.9.9');
    expect(r.status).toBe(400);
    expect(r.json().error).toMatch(/no migration 9.9.9/);
  });
});

describe('studio: the board, an environment and its buttons', () => {
  it('shows both environments side by side', async () => {
    const r = await page('/api/board');
    expect(r.status).toBe(200);
    const envs = r.json().environments as Record<string, unknown>[];
    expect(envs.map((e) => [e.name, e.table, e.currentVersion, e.targetVersion, e.sync, e.access])).toEqual([
      ['dev', tables.dev, '0.0.0', '1.4.0', 'behind', 'read-write'],
      ['production', tables.production, '0.0.0', '1.3.0', 'behind', 'read-only'],
    ]);
  });

  it("refuses a protected environment's run on the server (read-only) and writes nothing", async () => {
    const plan = (await page('/api/envs/production/plan', { method: 'POST', body: { command: 'up' } })).json();
    expect(plan.refusal).toMatch(/production is read-only in the studio/);
    expect(plan.cli).toBe('dynamodb-migrate --env production up');
    const hash = (plan.plan as { hash: string }).hash;
    const r = await page('/api/envs/production/run', { method: 'POST', body: { command: 'up', hash } });
    expect(r.status).toBe(403);
    expect(r.json().error).toMatch(/read-only/);
    const reset = await page('/api/envs/production/run', { method: 'POST', body: { command: 'reset', hash } });
    expect(reset.status).toBe(403);
    expect(await migrationRecords(tables.production)).toEqual([]);
  });

  it('runs the plan it showed; the event stream carries the run, its lines and its pass figures', async () => {
    const events = openEvents(studio.port, cookie());
    await events.ready;
    const body = { command: 'to', version: '1.1.0' };
    const plan = (await page('/api/envs/dev/plan', { method: 'POST', body })).json();
    expect(plan.refusal).toBeNull();
    const shown = plan.plan as { hash: string; steps: { version: string }[] };
    expect(shown.steps.map((s) => s.version)).toEqual(['1.0.0', '1.1.0']);
    const r = await page('/api/envs/dev/run', { method: 'POST', body: { ...body, hash: shown.hash } });
    expect(r.status).toBe(202);
    const done = await events.until((e) => e.type === 'run' && e.run.state !== 'running');
    expect(done.run).toMatchObject({ command: 'to', state: 'done', status: 'applied', finalVersion: '1.1.0' });
    expect(events.seen.some((e) => e.type === 'log' && /1\.1\.0 up/.test(e.message))).toBe(true);
    expect(events.seen.some((e) => e.type === 'log' && /verify on every item: passed/.test(e.message))).toBe(true);
    expect(events.seen.some((e) => e.type === 'progress' && e.env === 'dev')).toBe(true);
    events.close();
    const records = await migrationRecords(tables.dev);
    expect(records.map((x) => [x.version, x.status])).toEqual([
      ['1.0.0', 'success'],
      ['1.1.0', 'success'],
    ]);
    const view = (await page('/api/envs/dev')).json();
    expect(view.currentVersion).toBe('1.1.0');
    expect((view.log as { command: string }[]).some((e) => e.command === 'to')).toBe(true);
  });

  it('shows the schema at a version and the diff between two', async () => {
    const s = (await page('/api/envs/dev/schema?version=1.2.0&compare=1.1.0')).json();
    expect((s.models as { name: string }[]).map((m) => m.name)).toContain('Customer');
    expect(s.diffText).toMatch(/firstName|lastName/);
    const stored = (await page('/api/envs/dev/schema')).json();
    expect(stored.schemaVersion).toBe('1.1.0');
  });

  it('filters the audit log by environment, actor and outcome', async () => {
    const all = (await page('/api/log')).json().entries as { environment: string; outcome: string }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e) => e.environment === 'dev')).toBe(true);
    expect((await page('/api/log?env=production')).json().entries).toEqual([]);
    expect((await page('/api/log?actor=nobody-at-all')).json().entries).toEqual([]);
    const outcome = all[0]!.outcome;
    const filtered = (await page(`/api/log?outcome=${outcome}`)).json().entries as { outcome: string }[];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((e) => e.outcome === outcome)).toBe(true);
    expect((await page('/api/log?limit=0')).status).toBe(400);
  });

  it('groups the items by model with validate', async () => {
    const d = (await page('/api/envs/dev/data')).json();
    expect(d.readRate).toBe(100);
    expect((d.report as { version: string }).version).toBe('1.1.0');
  });

  it("pages through a model's items, read-only", async () => {
    const seen: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/api/envs/dev/items?model=Customer&size=10${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await page(q);
      expect(r.status).toBe(200);
      const p = r.json() as { items: Record<string, unknown>[]; cursor: string | null; scanned: number };
      expect(p.scanned).toBeLessThanOrEqual(10);
      seen.push(...p.items);
      cursor = p.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(3);
    expect(seen).toHaveLength(30);
    expect(seen.every((i) => i._type === 'Customer' && typeof i.gs1pk === 'string')).toBe(true);
    expect((await page('/api/envs/dev/items?model=Nope')).json().error).toMatch(
      /expected one of Customer, Order, Product/,
    );
    expect((await page('/api/envs/dev/items?model=Customer&cursor=abc')).status).toBe(400);
    expect((await page('/api/envs/dev/items?model=Customer&size=0')).status).toBe(400);
    expect((await page('/api/envs/production/items?model=Customer')).json().error).toMatch(/stores no schema yet/);
  });

  it('shows a held lock, refuses a run while it is held, unlocks it with a reason, and repairs', async () => {
    const store = new StateStore(localClient(), tables.dev);
    const lock = await store.acquireLock({ owner: 'ci@runner', command: 'apply', leaseMs: 60_000 });
    const card = ((await page('/api/board')).json().environments as Record<string, unknown>[])[0]!;
    expect(card.lock).toMatchObject({ lockId: lock.lockId, owner: 'ci@runner', command: 'apply', expired: false });
    const plan = (await page('/api/envs/dev/plan', { method: 'POST', body: { command: 'up' } })).json();
    const events = openEvents(studio.port, cookie());
    await events.ready;
    await page('/api/envs/dev/run', {
      method: 'POST',
      body: { command: 'up', hash: (plan.plan as { hash: string }).hash },
    });
    const refused = await events.until((e) => e.type === 'run' && e.run.state !== 'running');
    events.close();
    expect(refused.run).toMatchObject({ state: 'error', error: expect.stringMatching(/ci@runner/) });
    const before = await migrationRecords(tables.dev);
    const unlocked = await page('/api/envs/dev/unlock', {
      method: 'POST',
      body: { lockId: lock.lockId, reason: 'the CI job died' },
    });
    expect(unlocked.status).toBe(200);
    expect((await page('/api/envs/dev')).json().lock).toBeNull();
    const log = (await page('/api/log?env=dev')).json().entries as { event: string; reason?: string }[];
    expect(log[0]).toMatchObject({ event: 'unlock', reason: 'the CI job died' });
    expect(await migrationRecords(tables.dev)).toEqual(before);

    const repaired = await page('/api/envs/dev/repair', {
      method: 'POST',
      body: { version: '1.2.0', mark: 'applied', reason: 'applied by hand in the console' },
    });
    expect(repaired.status).toBe(200);
    expect(repaired.json().message).toBe('marked 1.2.0 applied');
    expect((await page('/api/envs/dev')).json().currentVersion).toBe('1.2.0');
  });
});

describe('studio: a protected environment made read-write keeps the CLI rules', () => {
  let rw: RunningStudio;
  let table: string;
  const closing: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const p = await exampleStudioProject();
    table = p.production;
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(
      p.manifest,
      readFileSync(p.manifest, 'utf8').replace('protected: true', 'protected: true\n    studio: read-write'),
    );
    rw = await openStudio({ manifest: p.manifest, endpoint: localEndpoint() }, { port: 0 }, closing);
    closing.unshift(() => rw.close());
  });
  afterAll(async () => {
    for (const c of closing) await c();
  });

  const post = (path: string, body: unknown) =>
    send(rw.port, {
      method: 'POST',
      path,
      headers: {
        host: `127.0.0.1:${rw.port}`,
        origin: `http://127.0.0.1:${rw.port}`,
        cookie: `dm_studio=${rw.secrets.session}`,
        'x-csrf-token': rw.secrets.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  it('refuses reset, and a down or to without the table name typed; writes nothing', async () => {
    const plan = await post('/api/envs/production/plan', { command: 'reset' });
    expect(plan.status).toBe(403);
    expect(plan.json().error).toMatch(/reset is refused on production: the environment is protected/);
    const run = await post('/api/envs/production/run', { command: 'reset', hash: 'any' });
    expect(run.status).toBe(403);
    expect(run.json().error).toMatch(/reset is refused on production/);
    const to = (await post('/api/envs/production/plan', { command: 'to', version: '0.0.0' })).json();
    expect(to.needsConfirm).toBe(true);
    const refused = await post('/api/envs/production/run', {
      command: 'to',
      version: '0.0.0',
      hash: (to.plan as { hash: string }).hash,
      confirm: 'store-prod-typo',
    });
    expect(refused.status).toBe(403);
    expect(refused.json().error).toMatch(/needs the table name .* to confirm the rollback; got "store-prod-typo"/);
    expect(await migrationRecords(table)).toEqual([]);
  });

  it('runs an up it showed', async () => {
    const plan = (await post('/api/envs/production/plan', { command: 'up' })).json();
    expect(plan.refusal).toBeNull();
    const events = openEvents(rw.port, `dm_studio=${rw.secrets.session}`);
    await events.ready;
    const r = await post('/api/envs/production/run', { command: 'up', hash: (plan.plan as { hash: string }).hash });
    expect(r.status).toBe(202);
    // The run goes on after the answer; the event stream says when it ended.
    const done = await events.until((e) => e.type === 'run' && e.run.state !== 'running');
    events.close();
    expect(done.run).toMatchObject({ state: 'done', status: 'applied' });
    expect((await migrationRecords(table)).map((x) => [x.version, x.status])).toEqual([['1.0.0', 'success']]);
  });
});
