import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalTable } from '../../src/cli/local-table';
import { ROOT } from '../support/cli';
import { localClient, localEndpoint } from '../support/dynamodb-local';
import { copyProject } from '../support/project';
import { exampleStudioProject, migrationRecords } from '../support/studio';

// End to end: `dynamodb-migrate studio` run as a user runs it (a child process of the CLI), its
// page driven in Debian's chromium (headless), against DynamoDB Local.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // evil.test reaches the studio as a rebound DNS name would.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--host-resolver-rules=MAP evil.test 127.0.0.1',
    ],
  });
});
afterAll(async () => {
  expect(pageErrors).toEqual([]);
  await browser?.close();
  for (const c of children) c.kill('SIGTERM');
});

/** Starts the CLI's studio on a free port; resolves with the address it prints. */
function startStudio(manifest: string, env: Record<string, string> = {}): Promise<{ url: string; port: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'jiti/register',
      join(ROOT, 'src/cli/index.ts'),
      '--manifest',
      manifest,
      '--endpoint',
      localEndpoint(),
      'studio',
      '--port',
      '0',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_REGION: 'us-east-1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /open (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, port: Number(m[2]) });
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`studio exited ${code}: ${err}`)));
  });
}

const pageErrors: string[] = [];

/** A page whose script errors are collected: every test ends with none. */
async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

/** Shows a button's plan, then runs it; waits until the page says the run ended. */
async function press(page: Page, action: string, opts: { version?: string } = {}): Promise<void> {
  if (opts.version) await page.selectOption('[data-test=to-version]', opts.version);
  await page.click(`[data-action=${action}]`);
  await page.locator('[data-test=plan] [data-test=run]:not([disabled])').waitFor();
  await page.click('[data-test=plan] [data-test=run]');
  const id = await page.locator('[data-test=run-result] [data-run-id]').getAttribute('data-run-id');
  await page.locator(`[data-test=live][data-run-id="${id}"]:not([data-run-state=running])`).waitFor();
}

async function shownVersion(page: Page, version: string): Promise<void> {
  await page
    .locator('.panel [data-test=current-version]', { hasText: new RegExp(`^${version.replace(/\./g, '\\.')}$`) })
    .waitFor();
}

describe('studio in a browser: the example migrations, two environments', () => {
  let studio: { url: string; port: number };
  let tables: { dev: string; production: string };

  beforeAll(async () => {
    const p = await exampleStudioProject();
    tables = p;
    studio = await startStudio(p.manifest);
  });

  it('shows both environments on the board', async () => {
    const page = await newPage();
    await page.goto(studio.url);
    expect(new URL(page.url()).search).toBe('');
    const cards = page.locator('[data-test=env-card]');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    const dev = page.locator('[data-env=dev]');
    const production = page.locator('[data-env=production]');
    await expect(dev.locator('[data-test=target-version]').textContent()).resolves.toBe('1.4.0');
    await expect(production.locator('[data-test=target-version]').textContent()).resolves.toBe('1.3.0');
    await expect(production.locator('[data-test=read-only]').count()).resolves.toBe(1);
    await expect(dev.textContent()).resolves.toContain(tables.dev);
    await page.close();
  });

  it('Up, Repeat, Down and Reset change the table and the page shows the new version', async () => {
    const page = await newPage();
    await page.goto(studio.url);
    await page.click('[data-env=dev] h2 a');
    await shownVersion(page, '0.0.0');

    await press(page, 'up');
    await shownVersion(page, '1.0.0');
    await press(page, 'up');
    await shownVersion(page, '1.1.0');
    const beforeRepeat = await migrationRecords(tables.dev);
    expect(beforeRepeat.map((r) => r.version)).toEqual(['1.0.0', '1.1.0']);

    await press(page, 'repeat');
    await expect(page.locator('[data-test=run-state]').textContent()).resolves.toContain('repeat: applied');
    await shownVersion(page, '1.1.0');
    // The repeat recorded 1.1.0 again: a record newer than the one before.
    const afterRepeat = await migrationRecords(tables.dev);
    expect(afterRepeat.map((r) => r.version)).toEqual(['1.0.0', '1.1.0']);
    expect(Number(afterRepeat[1]!.date)).toBeGreaterThan(Number(beforeRepeat[1]!.date));

    await press(page, 'down');
    await shownVersion(page, '1.0.0');
    expect((await migrationRecords(tables.dev)).map((r) => r.version)).toEqual(['1.0.0']);

    await press(page, 'reset');
    await shownVersion(page, '1.4.0');
    const after = await migrationRecords(tables.dev);
    expect(after.map((r) => r.version).sort()).toEqual(['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0']);

    // The progress of those runs reached the page as they happened.
    await expect(page.locator('[data-test=live-lines]').textContent()).resolves.toMatch(/reset/);
    await page.close();
  });

  it('shows the schema at a version and a diff, the data by model, and the audit log filtered', async () => {
    const page = await newPage();
    await page.goto(studio.url);
    const origin = new URL(studio.url).origin;
    await page.goto(`${origin}/#/env/dev/schema`);
    await page.locator('[data-test=models] [data-model=Customer]').waitFor();
    await page.selectOption('[data-test=schema-version]', '1.2.0');
    await page.locator('[data-test=schema-version]').waitFor();
    await page.selectOption('[data-test=schema-compare]', '1.1.0');
    await expect(page.locator('[data-test=schema-diff]').textContent()).resolves.toMatch(/firstName/);

    await page.goto(`${origin}/#/env/dev/data`);
    await page.click('[data-model=Customer] [data-test=browse]');
    await page.locator('[data-model=Customer]', { hasText: /No Customer items|items read for this page/ }).waitFor();
    await page.click('[data-test=scan]');
    await page.locator('[data-test=validate-summary]').waitFor();

    await page.goto(`${origin}/#/log`);
    await page.locator('[data-test=log] tr:nth-child(2)').waitFor();
    const rows = await page.locator('[data-test=log] tr').count();
    await page.fill('[data-test=log-actor]', 'nobody-at-all');
    await page.click('button:has-text("Filter")');
    await page.locator('[data-test=log-actor][value=nobody-at-all]').waitFor();
    expect(rows).toBeGreaterThan(2);
    await expect(page.locator('[data-test=log] tr').count()).resolves.toBe(1);
    await page.close();
  });

  it("refuses a protected environment's buttons: disabled on the page, refused by the server", async () => {
    const page = await newPage();
    await page.goto(studio.url);
    await page.goto(`${new URL(studio.url).origin}/#/env/production`);
    await shownVersion(page, '0.0.0');
    await expect(page.locator('[data-action=reset]').count()).resolves.toBe(0);
    await page.click('[data-action=up]');
    await page.locator('[data-test=plan] [data-test=refusal]').waitFor();
    await expect(page.locator('[data-test=plan] [data-test=run]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-test=instead]').textContent()).resolves.toContain(
      'gh workflow run migrate-dispatch.yml -f environment=production -f command=up',
    );
    // The page's own request, as a user could forge it from the console: refused all the same.
    const answer = await page.evaluate(async () => {
      // The page's document (this function runs in the browser).
      const doc = (
        globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string } } }
      ).document;
      const csrf = doc.querySelector('meta[name="csrf-token"]').getAttribute('content');
      const plan = await fetch('/api/envs/production/plan', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ command: 'up' }),
      }).then((r) => r.json() as Promise<{ plan: { hash: string } }>);
      const r = await fetch('/api/envs/production/run', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ command: 'up', hash: plan.plan.hash }),
      });
      return { status: r.status, body: (await r.json()) as { error: string } };
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatch(/production is read-only in the studio/);
    expect(await migrationRecords(tables.production)).toEqual([]);
    await page.close();
  });

  it('refuses a page opened without the token, and one reached through a foreign host name', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const origin = new URL(studio.url).origin;
    const bare = await page.goto(`${origin}/`);
    expect(bare?.status()).toBe(401);
    const api = await page.goto(`${origin}/api/board`);
    expect(api?.status()).toBe(401);
    const rebound = await page.goto(studio.url.replace('127.0.0.1', 'evil.test'));
    expect(rebound?.status()).toBe(403);
    await expect(page.textContent('body')).resolves.toMatch(/Host "evil.test:\d+" refused/);
    await context.close();
  });
});

describe('studio in a browser: live progress', () => {
  it('shows a running step and its pass figures while it runs', async () => {
    const table = `gate-${randomUUID().slice(0, 8)}`;
    const { manifest } = copyProject('studio-gate');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('table: gate-dev', `table: ${table}`));
    const client = localClient();
    await ensureLocalTable(client, table, undefined);
    const things = Array.from({ length: 25 }, (_, i) => ({ pk: `thing#${i}`, sk: 'thing', _type: 'Thing', n: i }));
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: { [table]: things.map((t) => ({ PutRequest: { Item: marshall(t) } })) },
      }),
    );
    const gate = join(mkdtempSync(join(tmpdir(), 'dm-gate-')), 'open');
    const studio = await startStudio(manifest, { STUDIO_GATE: gate });
    const page = await newPage();
    await page.goto(studio.url);
    await page.click('[data-env=dev] h2 a');
    await page.click('[data-action=up]');
    await page.locator('[data-test=plan] [data-test=run]:not([disabled])').waitFor();
    await page.click('[data-test=plan] [data-test=run]');

    // The step is parked at its gate: the page already shows it running, its pass and its figures.
    await page.locator('[data-test=run-state]', { hasText: 'up running' }).waitFor();
    await page.locator('[data-test=progress]', { hasText: '25 scanned, 25 changed' }).waitFor();
    await expect(page.locator('[data-test=live-lines]').textContent()).resolves.toContain(
      '1.0.0 up: Mark every item, then wait for the gate',
    );
    const running = await migrationRecords(table);
    expect(running.map((r) => String(r.status).split(':')[0])).toEqual(['running']);

    writeFileSync(gate, '');
    await page.locator('[data-test=run-state]', { hasText: 'up: applied' }).waitFor();
    await shownVersion(page, '1.0.0');
    expect((await migrationRecords(table)).map((r) => r.status)).toEqual(['success']);
    await page.close();
  });
});
