/**
 * `node --import jiti/register bench/probe/writes.ts [items] [strategy...]`: the bench's
 * customer update written four ways with the bare SDK on fresh DynamoDB Local tables, two
 * rounds, reporting wall time and the CPU time of this process and of the DynamoDB Local JVM
 * (items per CPU-second is what bounds a 2-core machine where both share the cores):
 * BatchWriteItem puts (whole items; not safe beside live writes), UpdateItem per item,
 * PartiQL UPDATE x25 per BatchExecuteStatement, TransactWriteItems of Updates (TX per
 * transaction, default 25). Env: U (UpdateItem concurrency), W (batch writers per segment).
 * How the default write mode was chosen; `npm run bench` is the benchmark of record.
 */
import {
  BatchExecuteStatementCommand,
  BatchWriteItemCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { createDynamoClient } from '../../src/dynamodb/client';
import { startDynamoDbLocal } from '../../src/dynamodb/local';
import { createBenchTable, dropBenchTable, migrateCustomer, seedBenchTable, verifyBenchTable } from '../data';

import { readdirSync, readFileSync } from 'node:fs';
function jvmCpuMs(port: string): number {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args[0] !== 'java' || args[args.indexOf('-port') + 1] !== port) continue;
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
    } catch {}
  }
  return NaN;
}
const N = Number(process.argv[2] ?? 30000);
const local = await startDynamoDbLocal({ timeoutMs: 120_000 });
const client = createDynamoClient({ endpoint: local.endpoint, local: true, region: 'us-east-1' });
type AV = Record<string, AttributeValue>;
type Writer = (items: AV[]) => Promise<void>;

async function scanAll(c: DynamoDBClient, table: string, segments: number, onPage: (items: AV[]) => Promise<void>) {
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: AV | undefined;
      do {
        const res = await c.send(
          new ScanCommand({
            TableName: table,
            Segment: segment,
            TotalSegments: segments,
            ExclusiveStartKey: start,
            FilterExpression: '#t = :c',
            ExpressionAttributeNames: { '#t': '_type' },
            ExpressionAttributeValues: { ':c': { S: 'Customer' } },
          }),
        );
        await onPage(res.Items ?? []);
        start = res.LastEvaluatedKey;
      } while (start);
    }),
  );
}
async function pool<T>(list: T[], n: number, f: (x: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < list.length) await f(list[i++]!);
    }),
  );
}
const chunks = <T>(a: T[], n: number) =>
  Array.from({ length: Math.ceil(a.length / n) }, (_, i) => a.slice(i * n, i * n + n));

const strategies: Record<string, (c: DynamoDBClient, table: string) => Writer> = {
  batchPut: (c, table) => async (items) => {
    await pool(chunks(items, 25), 4, async (b) => {
      let reqs = b.map((raw) => {
        const { name: _n, ...rest } = unmarshall(raw);
        return { PutRequest: { Item: marshall({ ...rest, ...migrateCustomer(unmarshall(raw)) }) } };
      });
      while (reqs.length) {
        const r = await c.send(new BatchWriteItemCommand({ RequestItems: { [table]: reqs } }));
        reqs = (r.UnprocessedItems?.[table] ?? []) as typeof reqs;
      }
    });
  },
  updateItem: (c, table) => async (items) => {
    await pool(items, Number(process.env.U ?? 8), async (raw) => {
      const m = migrateCustomer(unmarshall(raw));
      await c.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { pk: raw.pk!, sk: raw.sk! },
          ConditionExpression: 'attribute_exists(#pk)',
          UpdateExpression: 'SET #a = :a, #b = :b, #c = :c REMOVE #n',
          ExpressionAttributeNames: { '#pk': 'pk', '#a': 'gs1pk', '#b': 'gs1sk', '#c': 'fullName', '#n': 'name' },
          ExpressionAttributeValues: marshall({ ':a': m.gs1pk, ':b': m.gs1sk, ':c': m.fullName }),
        }),
      );
    });
  },
  partiql: (c, table) => async (items) => {
    await pool(chunks(items, 25), Number(process.env.W ?? 4), async (b) => {
      const res = await c.send(
        new BatchExecuteStatementCommand({
          Statements: b.map((raw) => {
            const m = migrateCustomer(unmarshall(raw));
            return {
              Statement: `UPDATE "${table}" SET "gs1pk" = ? SET "gs1sk" = ? SET "fullName" = ? REMOVE "name" WHERE "pk" = ? AND "sk" = ?`,
              Parameters: [{ S: m.gs1pk }, { S: m.gs1sk }, { S: String(m.fullName) }, raw.pk!, raw.sk!],
            };
          }),
        }),
      );
      const errs = (res.Responses ?? []).filter((r) => r.Error);
      if (errs.length) throw new Error(JSON.stringify(errs[0]));
    });
  },
  transact: (c, table) => async (items) => {
    await pool(chunks(items, Number(process.env.TX ?? 25)), Number(process.env.W ?? 4), async (b) => {
      await c.send(
        new TransactWriteItemsCommand({
          TransactItems: b.map((raw) => {
            const m = migrateCustomer(unmarshall(raw));
            return {
              Update: {
                TableName: table,
                Key: { pk: raw.pk!, sk: raw.sk! },
                ConditionExpression: 'attribute_exists(#pk)',
                UpdateExpression: 'SET #a = :a, #b = :b, #c = :c REMOVE #n',
                ExpressionAttributeNames: { '#pk': 'pk', '#a': 'gs1pk', '#b': 'gs1sk', '#c': 'fullName', '#n': 'name' },
                ExpressionAttributeValues: marshall({ ':a': m.gs1pk, ':b': m.gs1sk, ':c': m.fullName }),
              },
            };
          }),
        }),
      );
    });
  },
};
const only = process.argv.slice(3);
for (const round of [1, 2]) {
  for (const [name, make] of Object.entries(strategies)) {
    if (only.length && !only.includes(name)) continue;
    const table = `probe-${name}-${round}`;
    await createBenchTable(client, table);
    await seedBenchTable(client, table, N);
    const port = new URL(local.endpoint).port;
    const j0 = jvmCpuMs(port);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const w = make(client, table);
    await scanAll(client, table, 32, w);
    const ms = performance.now() - t0;
    const cu = process.cpuUsage(c0);
    const jvm = jvmCpuMs(port) - j0;
    const nodeMs = (cu.user + cu.system) / 1000;
    const v = await verifyBenchTable(client, table);
    console.log(
      `${round} ${name.padEnd(11)} ${(N / (ms / 1000)).toFixed(0).padStart(6)} items/s  ${(ms / 1000).toFixed(1)}s  cpu jvm ${(jvm / 1000).toFixed(1)}s node ${(nodeMs / 1000).toFixed(1)}s => ${(N / ((jvm + nodeMs) / 1000)).toFixed(0)} items/cpu-s  migrated ${v.migratedCustomers}/${v.customers}`,
    );
    await dropBenchTable(client, table);
  }
}
await local.stop();
process.exit(0);
