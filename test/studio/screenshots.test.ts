import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openStudio } from '../../src/studio/open-studio';
import { ROOT, runCliInProcess } from '../support/cli';
import { localClient, localEndpoint } from '../support/dynamodb-local';
import { exampleStudioProject } from '../support/studio';

// The README's screenshots of the studio (docs/studio-*.png), made from the example project
// when asked: STUDIO_SCREENSHOTS=1 npx vitest run test/studio/screenshots.test.ts

const asked = !!process.env.STUDIO_SCREENSHOTS;

describe.skipIf(!asked)('studio screenshots', () => {
  it('writes the board, an environment and the data view to docs/', async () => {
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
    const p = await exampleStudioProject();
    await seedStore(p.dev, 120);
    await seedStore(p.production, 60);
    const cli = (...args: string[]) =>
      runCliInProcess(['--manifest', p.manifest, '--endpoint', localEndpoint(), ...args]);
    expect((await cli('--env', 'dev', 'to', '1.2.0', '--yes')).code).toBe(0);
    expect((await cli('--env', 'production', 'up', '--yes')).code).toBe(0);
    // Two customers written by an old release after the split: the data view shows them as not fitting.
    await put(p.dev, [
      {
        pk: 'customer#legacy1',
        sk: 'customer#',
        _type: 'Customer',
        id: 'legacy1',
        name: 'Old Writer',
        status: 'active',
      },
      { pk: 'customer#legacy2', sk: 'customer#', _type: 'Customer', id: 'legacy2', status: 'gone' },
    ]);

    const cleanups: (() => Promise<void>)[] = [];
    const studio = await openStudio({ manifest: p.manifest, endpoint: localEndpoint() }, { port: 0 }, cleanups);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      await page.goto(studio.url);
      await page.locator('[data-env=production] [data-test=current-version]').waitFor();
      const shot = (name: string) =>
        page.screenshot({ path: join(ROOT, 'docs', `studio-${name}.png`), fullPage: false });
      await shot('board');

      await page.click('[data-env=dev] h2 a');
      await page.locator('.panel [data-test=current-version]', { hasText: '1.2.0' }).waitFor();
      await page.click('[data-action=up]');
      await page.locator('[data-test=plan]').waitFor();
      await page.setViewportSize({ width: 1280, height: 1500 });
      await shot('environment');
      await page.setViewportSize({ width: 1280, height: 860 });

      await page.click('nav.tabs a:has-text("data")');
      await page.click('[data-test=scan]');
      await page.locator('[data-test=validate-summary]').waitFor();
      await page.click('[data-model=Customer] [data-test=browse]');
      await page.locator('[data-model=Customer] [data-test=items]').waitFor();
      await shot('data');
    } finally {
      await browser.close();
      await studio.close();
      for (const c of cleanups) await c();
    }
    for (const n of ['board', 'environment', 'data']) {
      expect(statSync(join(ROOT, 'docs', `studio-${n}.png`)).size).toBeGreaterThan(10_000);
    }
  });
});

async function put(table: string, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    const batch = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item: marshall(Item) } }));
    await localClient().send(new BatchWriteItemCommand({ RequestItems: { [table]: batch } }));
  }
}

/** An online store in its pre-migration shape, as `npm start` seeds it (smaller). */
async function seedStore(table: string, customers: number): Promise<void> {
  const first = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Ken', 'Margaret', 'Donald'];
  const last = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Thompson', 'Hamilton', 'Knuth'];
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < customers; i++) {
    const id = `c${String(i).padStart(5, '0')}`;
    items.push({
      pk: `customer#${id}`,
      sk: 'customer#',
      _type: 'Customer',
      id,
      name: `${first[i % 8]} ${last[(i * 3) % 8]}`,
      email: `${id}@example.com`,
      status: i % 10 ? 'active' : 'suspended',
    });
    for (let o = 0; o < 2; o++) {
      const customerId = i % 40 === 0 ? `gone${i}` : id;
      items.push({
        pk: `customer#${customerId}`,
        sk: `order#${id}-${o}`,
        _type: 'Order',
        id: `${id}-${o}`,
        customerId,
        total: (i % 97) + o,
        status: 'paid',
      });
    }
  }
  for (let n = 0; n < 20; n++)
    items.push({
      pk: `product#sku-${n}`,
      sk: 'product#',
      _type: 'Product',
      sku: `sku-${n}`,
      title: `Product ${n}`,
      price: 5 + n,
    });
  await put(table, items);
}
