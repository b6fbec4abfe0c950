import { spawn, type ChildProcess } from 'node:child_process';
import { BatchWriteItemCommand, QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { join } from 'node:path';
import { ROOT, type CliResult } from '../../support/cli';
import { scanAll } from '../../support/dynamodb-local';

export type Item = Record<string, unknown>;

/** The i-th order line of the reliability fixture. */
export function lineItem(i: number): Item {
  return {
    pk: `ORDER#${i % 40}`,
    sk: `LINE#${String(i).padStart(6, '0')}`,
    _type: 'Line',
    price: (i % 17) + 1,
    qty: (i % 5) + 1,
    rev: 0,
  };
}

/** Seeds order lines 0..n-1 with BatchWriteItem. */
export async function seedLines(client: DynamoDBClient, table: string, n: number): Promise<void> {
  const batches: Item[][] = [];
  for (let i = 0; i < n; i += 25) batches.push(Array.from({ length: Math.min(25, n - i) }, (_, k) => lineItem(i + k)));
  const worker = async (): Promise<void> => {
    for (let b = batches.shift(); b; b = batches.shift()) {
      let requests = b.map((item) => ({ PutRequest: { Item: marshall(item) } }));
      while (requests.length) {
        const res = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
        requests = (res.UnprocessedItems?.[table] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

/** Every item, unmarshalled. */
export async function allItems(client: DynamoDBClient, table: string): Promise<Item[]> {
  return (await scanAll(client, table)).map((i) => unmarshall(i));
}

/** The application's items: everything but the tool's bookkeeping (hash keys starting `_`). */
export async function dataItems(client: DynamoDBClient, table: string): Promise<Item[]> {
  return (await allItems(client, table)).filter((i) => !String(i.pk).startsWith('_'));
}

/** Keys present in `before` and missing in `after`. */
export function lostKeys(before: Item[], after: Item[]): string[] {
  const have = new Set(after.map((i) => `${i.pk}|${i.sk}`));
  return before.map((i) => `${i.pk}|${i.sk}`).filter((k) => !have.has(k));
}

/** The `_migration` records, oldest first. */
export async function migrationRecords(client: DynamoDBClient, table: string): Promise<Item[]> {
  return queryHash(client, table, '_migration');
}

/** The audit log, oldest first. */
export async function auditLog(client: DynamoDBClient, table: string): Promise<Item[]> {
  return queryHash(client, table, '_migration_log');
}

export async function queryHash(client: DynamoDBClient, table: string, hash: string): Promise<Item[]> {
  const out: Item[] = [];
  let start: Record<string, never> | undefined;
  do {
    const res = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :h',
        ExpressionAttributeValues: { ':h': { S: hash } },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(res.Items ?? []).map((i) => unmarshall(i)));
    start = res.LastEvaluatedKey as typeof start;
  } while (start);
  return out;
}

/** A CLI process started from source, as `runCli` does, but left running so a test can kill it. */
export interface CliProcess {
  child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  /** Resolves when a line matching `pattern` has been printed (rejects if the process exits first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

export function startCli(args: string[], env: Record<string, string | undefined> = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'jiti/register', join(ROOT, 'src/cli/index.ts'), ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'us-east-1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (d) => {
    stdout += d;
    for (const l of listeners) l();
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
    for (const l of listeners) l();
  });
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const l of listeners) l();
      resolve({ code, signal, stdout, stderr });
    });
  });
  const output = () => stdout + stderr;
  return {
    child,
    output,
    done,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`timed out waiting for ${pattern}: ${output()}`)), timeoutMs);
        const finish = (err?: Error) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (err) reject(err);
          else resolve();
        };
        const check = () => {
          if (pattern.test(output())) finish();
          else if (child.exitCode !== null || child.signalCode !== null)
            finish(new Error(`process ended before ${pattern}: ${output()}`));
        };
        listeners.add(check);
        check();
      }),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
