import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, test } from 'vitest';
import { runCliInProcess } from '../support/cli';
import { createTestTable, localClient, localEndpoint, scanAll } from '../support/dynamodb-local';

/**
 * The recorded checksum covers the migration and the local modules it imports: a project whose
 * migration imports its schema from schema/store-1.1.0.ts, which imports a helper.
 */
async function setup() {
  const client = localClient();
  const table = await createTestTable(client);
  const dir = mkdtempSync(join(tmpdir(), 'dm-imports-'));
  mkdirSync(join(dir, 'schema'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(
    join(dir, 'manifest.yaml'),
    `version: 1\nmigrations: .\nenvironments:\n  dev:\n    table: ${table}\n    target: latest\n`,
  );
  writeFileSync(join(dir, 'lib', 'fields.ts'), 'export const idField = { type: String, required: true };\n');
  writeFileSync(
    join(dir, 'schema', 'store-1.1.0.ts'),
    [
      "import { idField } from '../lib/fields';",
      'export const schema = {',
      "  version: '1.1.0',",
      "  indexes: { primary: { hash: 'pk', sort: 'sk' } },",
      "  models: { Order: { pk: { type: String, value: 'order#${id}' }, sk: { type: String, value: 'order' }, id: idField } },",
      '};',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, '1.1.0-store.ts'),
    [
      "import { schema } from './schema/store-1.1.0';",
      'export default {',
      "  version: '1.1.0',",
      "  description: 'Order schema from a module',",
      '  schema,',
      '  async up() {},',
      '  async down() {},',
      '};',
      '',
    ].join('\n'),
  );
  const cli = (...args: string[]) =>
    runCliInProcess(['--manifest', join(dir, 'manifest.yaml'), '--endpoint', localEndpoint(), ...args]);
  return { client, table, dir, cli };
}

describe('the checksum of a migration and its local imports', () => {
  test('the recorded checksum covers the imports; editing an imported schema file is drift (exit 4) naming that file', async () => {
    const { client, table, dir, cli } = await setup();
    expect((await cli('apply')).code).toBe(0);
    const record = (await scanAll(client, table)).find((i) => i.sk?.S?.startsWith('_migration:1.1.0:'));
    expect(record?.checksum?.S).toMatch(/^sha256-tree:[0-9a-f]{64}$/);
    expect(Object.keys(record?.sources?.M ?? {}).sort()).toEqual([
      '1.1.0-store.ts',
      'lib/fields.ts',
      'schema/store-1.1.0.ts',
    ]);
    expect((await cli('plan')).code).toBe(0);

    appendFileSync(join(dir, 'schema', 'store-1.1.0.ts'), '// edited after apply\n');
    const plan = await cli('plan');
    expect(plan.code).toBe(4);
    expect(plan.stdout).toContain('schema/store-1.1.0.ts changed after version 1.1.0 was applied');
    expect(plan.stdout).not.toContain('lib/fields.ts changed');
    expect((await cli('apply')).code).toBe(4);
    const status = JSON.parse((await cli('status', '--json')).stdout);
    expect(status.applied[0]).toMatchObject({ version: '1.1.0', drifted: true });

    // A module imported two levels down counts too.
    appendFileSync(join(dir, 'lib', 'fields.ts'), '// edited too\n');
    expect((await cli('plan')).stdout).toContain('lib/fields.ts, schema/store-1.1.0.ts changed after version 1.1.0');

    // repair records the files as they are now.
    expect((await cli('repair', '--version', '1.1.0', '--mark', 'applied', '--reason', 'comment only')).code).toBe(0);
    expect((await cli('plan')).code).toBe(0);
  });

  test("an earlier release's file-only record stays valid, compared with the file alone; repair moves it to the new form; OneTable's record (no checksum) is unaffected", async () => {
    const { client, table, dir, cli } = await setup();
    const plan = JSON.parse((await cli('plan', '--json')).stdout);
    const { checksumOf } = await import('../../src/core/checksum');
    const { readFileSync } = await import('node:fs');
    const fileOnly = checksumOf(readFileSync(join(dir, '1.1.0-store.ts')));
    expect(plan.steps[0].checksum).not.toBe(fileOnly);
    // The record an earlier release wrote: the checksum of the file alone, no sources.
    const date = Date.now();
    await client.send(
      new PutItemCommand({
        TableName: table,
        Item: marshall({
          pk: '_migration',
          sk: `_migration:1.1.0:${date}`,
          version: '1.1.0',
          date,
          path: join(dir, '1.1.0-store.ts'),
          description: 'Order schema from a module',
          status: 'success',
          _type: '_Migration',
          checksum: fileOnly,
          direction: 'up',
        }),
      }),
    );
    const before = await cli('plan');
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('recorded by an earlier release with the checksum of');
    appendFileSync(join(dir, 'schema', 'store-1.1.0.ts'), '// edited: not seen by a file-only record\n');
    expect((await cli('plan')).code).toBe(0);
    appendFileSync(join(dir, '1.1.0-store.ts'), '// the file itself edited\n');
    const drift = await cli('plan');
    expect(drift.code).toBe(4);
    expect(drift.stdout).toContain('1.1.0-store.ts changed after version 1.1.0 was applied');

    expect((await cli('repair', '--version', '1.1.0', '--mark', 'applied', '--reason', 'record imports')).code).toBe(0);
    const after = await cli('plan');
    expect(after.code).toBe(0);
    expect(after.stdout).not.toContain('recorded by an earlier release');
    appendFileSync(join(dir, 'schema', 'store-1.1.0.ts'), '// now an edit is seen\n');
    const seen = await cli('plan');
    expect(seen.code).toBe(4);
    expect(seen.stdout).toContain('schema/store-1.1.0.ts changed after version 1.1.0 was applied');
  });

  test("OneTable's record without a checksum is not drift, imports or not", async () => {
    const { client, table, dir, cli } = await setup();
    await client.send(
      new PutItemCommand({
        TableName: table,
        Item: marshall({
          pk: '_migration',
          sk: '_migration:1.1.0:1700000000000',
          version: '1.1.0',
          date: '2023-11-14T22:13:20.000Z',
          path: '1.1.0-store.ts',
          description: 'OneTable applied it',
          _type: '_Migration',
        }),
      }),
    );
    appendFileSync(join(dir, 'schema', 'store-1.1.0.ts'), '// edited\n');
    const plan = await cli('plan');
    expect(plan.code).toBe(0);
    expect(plan.stdout).not.toContain('changed after');
  });
});
