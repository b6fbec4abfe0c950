import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, expect, test } from 'vitest';
import { CHECKPOINT_HASH, createDataEngine } from '../../../src/dynamodb/bulk';
import { createTestTable, deleteTestTable, localClient, localEndpoint, scanAll } from '../../support/dynamodb-local';
import { KILL_PASS } from './fixtures/kill-pass';
import { seed } from './seed';

const client = localClient();
const N = 1200;
let table = '';

afterAll(async () => {
  if (table) await deleteTestTable(client, table);
});

async function checkpointedChanges(): Promise<number> {
  const res = await client.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :h',
      ExpressionAttributeValues: { ':h': { S: CHECKPOINT_HASH } },
      ConsistentRead: true,
    }),
  );
  return (res.Items ?? []).reduce((n, i) => n + Number(i.checkpoint?.M?.changed?.N ?? 0), 0);
}

test('a process killed in the middle of a pass resumes from its checkpoints: nothing missed, nothing doubled', async () => {
  table = await createTestTable(client);
  await seed(client, table, N);
  const script = fileURLToPath(new URL('./fixtures/slow-pass.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'jiti/register', script, localEndpoint(), table], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  // Kill it once some pages are checkpointed: the rate limit keeps the whole pass near 8 s.
  const deadline = Date.now() + 40_000;
  while ((await checkpointedChanges()) < 100) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`child did not make progress: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  await exited;
  expect(output).not.toContain('finished');

  const before = (await scanAll(client, table))
    .map((i) => unmarshall(i))
    .filter((i) => String(i.pk).startsWith('ORG#'));
  const done = before.filter((i) => i.n === 1).length;
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(N);
  expect(before.every((i) => i.n === 0 || i.n === 1)).toBe(true);

  const data = createDataEngine({ client, table, keys: { hash: 'pk', sort: 'sk' }, checkpoint: KILL_PASS.checkpoint });
  const result = await data.transform({}, KILL_PASS.transform, KILL_PASS.options);
  expect(result.resumed).toBe(true);
  expect(result.counts.scanned).toBe(N);
  expect(result.counts.failed).toBe(0);

  const after = (await scanAll(client, table)).map((i) => unmarshall(i)).filter((i) => String(i.pk).startsWith('ORG#'));
  expect(after).toHaveLength(N);
  expect(after.filter((i) => i.n !== 1)).toEqual([]);
}, 90_000);
