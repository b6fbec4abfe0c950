import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCliInProcess } from '../support/cli';
import { createTestTable, localClient, localEndpoint, scanAll } from '../support/dynamodb-local';

const scanMigration = (suppress: string) => `import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { defineMigration } from 'dynamodb-migrate';

export default defineMigration({
  version: '1.1.0',
  description: 'Reads the orders with one Scan',${suppress}
  async up(ctx: any) {
    const res = await ctx.client.send(new ScanCommand({ TableName: ctx.table }));
    ctx.log.info(String(res.Count));
  },
  async down() {},
});
`;

const writeMigration = `import { PutItemCommand } from '@aws-sdk/client-dynamodb';

export default {
  version: '1.0.0',
  async up(ctx: any) {
    await ctx.client.send(new PutItemCommand({ TableName: ctx.table, Item: { pk: { S: 'FLAG' }, sk: { S: 'FLAG' } } }));
  },
  async down() {},
};
`;

async function setup(suppress = '') {
  return (await setupWithTable(suppress)).cli;
}

async function setupWithTable(suppress = '') {
  const client = localClient();
  const table = await createTestTable(client);
  const dir = mkdtempSync(join(tmpdir(), 'dm-analyzers-'));
  writeFileSync(
    join(dir, 'manifest.yaml'),
    `version: 1\nmigrations: .\nenvironments:\n  dev:\n    table: ${table}\n    target: latest\n`,
  );
  writeFileSync(join(dir, '1.0.0-flag.ts'), writeMigration);
  writeFileSync(join(dir, '1.1.0-scan.ts'), scanMigration(suppress));
  const manifest = join(dir, 'manifest.yaml');
  const cli = (...args: string[]) => runCliInProcess(['--manifest', manifest, '--endpoint', localEndpoint(), ...args]);
  return { client, table, cli };
}

describe('the static analyzers in lint and plan (TypeScript migrations, as the loader compiled them)', () => {
  test('lint: an error (DM101) is a problem naming file and line, exit 2; a warning (DM102) is listed, not a problem', async () => {
    const cli = await setup();
    const lint = await cli('lint');
    expect(lint.code).toBe(2);
    expect(lint.stdout).toMatch(
      /1 problem\(s\):\n {2}- DM101 error: .*1\.1\.0-scan\.ts:8 \(1\.1\.0\): ScanCommand sent without a pagination loop/,
    );
    expect(lint.stdout).toMatch(
      /- DM102 warning: .*1\.0\.0-flag\.ts:6 \(1\.0\.0\): PutItemCommand writes with the raw client/,
    );
    const json = JSON.parse((await cli('lint', '--json')).stdout);
    expect(json.findings.map((f: { code: string }) => f.code).sort()).toEqual(['DM101', 'DM102']);
  });

  test('plan: the error blocks (exit 2, next step named), the checks block lists the counts; a suppression with its reason unblocks and stays shown', async () => {
    const cli = await setup();
    const plan = await cli('plan');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('✖ DM101 error:');
    expect(plan.stdout).toContain("suppress: { DM101: '<why this is fine>' }");
    expect(plan.stdout).toContain('checks: 1 error, 1 warning');
    expect(plan.stdout).toMatch(/DM102 raw-write +warning 1/);

    const ok = await setup(`\n  suppress: { DM101: 'the table holds three items' },`);
    const accepted = await ok('plan');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('checks: 0 errors, 1 warning, 1 suppressed');
    expect(accepted.stdout).toContain('[suppressed: the table holds three items]');
    expect((await ok('lint')).code).toBe(0);
  });

  test('apply: a static error blocks it before the lock (exit 2, nothing written); suppressed, it applies', async () => {
    const { client, table, cli } = await setupWithTable();
    const blocked = await cli('apply', '--yes');
    expect(blocked.code).toBe(2);
    expect(blocked.stderr + blocked.stdout).toContain('DM101 error:');
    expect(await scanAll(client, table)).toEqual([]);
    const ok = await setupWithTable(`\n  suppress: { DM101: 'the table holds three items' },`);
    expect((await ok.cli('apply', '--yes')).code).toBe(0);
    expect((await scanAll(ok.client, ok.table)).some((i) => i.sk?.S?.startsWith('_migration:1.1.0:'))).toBe(true);
  });
});
