import { BatchWriteItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalTable } from '../../src/cli/local-table';
import { loadProject } from '../../src/loader/load-project';
import { localClient } from './dynamodb-local';
import { ROOT } from './cli';

/** The example project (migrations/) copied to a temp folder, its two environments on fresh tables in DynamoDB Local. */
export async function exampleStudioProject(): Promise<{ manifest: string; dev: string; production: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dm-studio-'));
  cpSync(join(ROOT, 'migrations'), join(dir, 'migrations'), { recursive: true });
  const manifest = join(dir, 'migrations', 'manifest.yaml');
  const id = randomUUID().slice(0, 8);
  const dev = `store-dev-${id}`;
  const production = `store-prod-${id}`;
  writeFileSync(
    manifest,
    readFileSync(manifest, 'utf8')
      .replace('table: store-dev', `table: ${dev}`)
      .replace('table: store-prod', `table: ${production}`),
  );
  const project = await loadProject(manifest);
  const client = localClient();
  for (const t of [dev, production]) await ensureLocalTable(client, t, project.migrations.at(-1)?.schema);
  return { manifest, dev, production };
}

/** Customers in the example's pre-migration shape (as `npm start` seeds them). */
export async function seedCustomers(table: string, n: number): Promise<void> {
  const items = Array.from({ length: n }, (_, i) => {
    const id = `c${String(i).padStart(4, '0')}`;
    return {
      pk: `customer#${id}`,
      sk: 'customer#',
      _type: 'Customer',
      id,
      name: `Ada Lovelace ${i}`,
      email: `${id}@example.com`,
      status: 'active',
    };
  });
  for (let i = 0; i < items.length; i += 25) {
    const batch = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item: marshall(Item) } }));
    await localClient().send(new BatchWriteItemCommand({ RequestItems: { [table]: batch } }));
  }
}

/** The `_migration` records of a table, newest last: what the tests check a button changed. */
export async function migrationRecords(table: string): Promise<Record<string, unknown>[]> {
  const out = await localClient().send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': { S: '_migration' } },
    }),
  );
  return (out.Items ?? []).map((i) => unmarshall(i)).sort((a, b) => Number(a.date) - Number(b.date));
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): Record<string, unknown>;
}

/** One HTTP request with every header as given (fetch would not let a test set Host). */
export function send(
  port: number,
  o: { method?: string; path: string; headers?: Record<string, string> | undefined; body?: string | undefined },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: o.method ?? 'GET',
        path: o.path,
        headers: o.headers,
        setHost: !o.headers?.host,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

/** What the studio's event stream carries, as the tests read it. */
export interface StudioTestEvent {
  type: string;
  env: string;
  message: string;
  run: Record<string, unknown>;
}

/** The studio's event stream as its page reads it: every event seen, and a wait for the first that matches. */
export function openEvents(port: number, cookie: string) {
  const seen: StudioTestEvent[] = [];
  const waiters: { test: (e: StudioTestEvent) => boolean; resolve: (e: StudioTestEvent) => void }[] = [];
  let buffer = '';
  let connected: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const req = httpRequest({ host: '127.0.0.1', port, path: '/api/events', headers: { cookie } }, (res) => {
    connected();
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const frame = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (!data) continue;
        const e = JSON.parse(data.slice(6)) as StudioTestEvent;
        seen.push(e);
        for (const w of [...waiters]) {
          if (!w.test(e)) continue;
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(e);
        }
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return {
    seen,
    /** Resolves once the stream is open: events published after it are seen. */
    ready,
    until: (test: (e: StudioTestEvent) => boolean) =>
      new Promise<StudioTestEvent>((resolve) => {
        const hit = seen.find(test);
        if (hit) resolve(hit);
        else waiters.push({ test, resolve });
      }),
    close: () => req.destroy(),
  };
}
