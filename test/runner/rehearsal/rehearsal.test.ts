import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, test } from 'vitest';
import type { AnalyzerFinding } from '../../../src/core/analyzers/findings';
import { runCliInProcess } from '../../support/cli';
import { createTestTable, localClient, localEndpoint, scanAll } from '../../support/dynamodb-local';

/**
 * `plan --rehearse` on DynamoDB Local: each up step runs in memory on a sample, nothing is
 * written. Planted faults are caught with the right code and count, and the table is
 * byte-for-byte what it was (a full scan before and after).
 */

const ORDERS = 6;

async function seed(client: DynamoDBClient, table: string): Promise<void> {
  const items = [
    ...Array.from({ length: ORDERS }, (_, i) => ({
      pk: `ORG#1`,
      sk: `ORDER#${i}`,
      _type: 'Order',
      id: `o${i}`,
      total: 10 + i,
    })),
    { pk: 'CUST#1', sk: 'CUST#1', _type: 'Customer', id: 'c1', name: 'Ada' },
    { pk: 'CUST#2', sk: 'CUST#2', _type: 'Customer', id: 'c2', name: 'Grace' },
  ];
  await client.send(
    new BatchWriteItemCommand({ RequestItems: { [table]: items.map((i) => ({ PutRequest: { Item: marshall(i) } })) } }),
  );
}

function project(table: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dm-rehearse-'));
  writeFileSync(
    join(dir, 'manifest.yaml'),
    `version: 1\nmigrations: .\nenvironments:\n  dev:\n    table: ${table}\n    target: latest\n`,
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return join(dir, 'manifest.yaml');
}

const migration = (version: string, body: string) =>
  `export default {\n  version: '${version}',\n  description: 'rehearsal fixture ${version}',\n${body}\n};\n`;

async function rehearse(manifest: string, ...extra: string[]) {
  const r = await runCliInProcess([
    '--manifest',
    manifest,
    '--endpoint',
    localEndpoint(),
    ...extra,
    'plan',
    '--rehearse',
    '--json',
  ]);
  return { ...r, plan: JSON.parse(r.stdout) };
}

const of = (findings: AnalyzerFinding[], version: string, code: string) =>
  findings.filter((f) => f.version === version && f.code === code);

describe('plan --rehearse', () => {
  test('three planted faults (a down that loses an attribute, an increment declared idempotent, output missing a required attribute): each caught with its code and count, exit 5, the table unchanged', async () => {
    const client = localClient();
    const table = await createTestTable(client);
    await seed(client, table);
    const manifest = project(table, {
      '1.1.0-cents.ts': migration(
        '1.1.0',
        `  async up({ data }: any) {
    await data.transform({ type: 'Order' }, (o: any) => ({ set: { totalCents: o.total * 100 }, remove: ['total'] }));
  },
  // The fault: down drops totalCents without giving total back.
  async down({ data }: any) {
    await data.transform({ type: 'Order' }, () => ({ remove: ['totalCents'] }));
  },`,
      ),
      '1.2.0-views.ts': migration(
        '1.2.0',
        `  idempotent: true,
  // The fault: an increment, declared idempotent.
  async up({ data }: any) {
    await data.transform({ type: 'Order' }, (o: any) => ({ set: { views: (o.views ?? 0) + 1 } }));
  },
  async down({ data }: any) {
    await data.transform({ type: 'Order' }, (o: any) => (o.views === 1 ? { remove: ['views'] } : { set: { views: o.views - 1 } }));
  },`,
      ),
      '1.3.0-state.ts': migration(
        '1.3.0',
        `  schema: {
    version: '1.3.0',
    indexes: { primary: { hash: 'pk', sort: 'sk' } },
    models: {
      Order: { pk: { type: String }, sk: { type: String }, id: { type: String, required: true }, state: { type: String, required: true }, currency: { type: String, required: true } },
      Customer: { pk: { type: String }, sk: { type: String }, id: { type: String, required: true }, name: { type: String } },
    },
  },
  // The fault: currency is required by the schema, and up never writes it.
  async up({ data }: any) {
    await data.transform({ type: 'Order' }, () => ({ set: { state: 'open' } }));
  },
  async down({ data }: any) {
    await data.transform({ type: 'Order' }, () => ({ remove: ['state'] }));
  },`,
      ),
    });
    const before = await scanAll(client, table);
    const r = await rehearse(manifest, '--sample', '100');
    const after = await scanAll(client, table);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));

    expect(r.code).toBe(5);
    const findings: AnalyzerFinding[] = r.plan.checks.findings;
    expect(of(findings, '1.1.0', 'DM206')).toEqual([
      expect.objectContaining({ severity: 'error', count: ORDERS, file: expect.stringContaining('1.1.0-cents.ts') }),
    ]);
    expect(of(findings, '1.1.0', 'DM206')[0]?.message).toContain('total (6)');
    expect(of(findings, '1.1.0', 'DM206')[0]?.examples?.[0]).toEqual({ pk: 'ORG#1', sk: 'ORDER#0' });
    // Its down does not restore total: the loss is also a destructive step (a warning).
    expect(of(findings, '1.1.0', 'DM203')).toEqual([expect.objectContaining({ severity: 'warning', count: ORDERS })]);
    expect(of(findings, '1.1.0', 'DM203')[0]?.message).toContain('removes total from 6 item(s)');
    expect(of(findings, '1.2.0', 'DM205')).toEqual([expect.objectContaining({ severity: 'error', count: ORDERS })]);
    expect(of(findings, '1.2.0', 'DM205')[0]?.message).toContain('views (6)');
    expect(of(findings, '1.2.0', 'DM206')).toEqual([]);
    expect(of(findings, '1.3.0', 'DM207')).toEqual([expect.objectContaining({ severity: 'error', count: ORDERS })]);
    expect(of(findings, '1.3.0', 'DM207')[0]?.message).toContain('currency missing (6)');
    expect(of(findings, '1.3.0', 'DM206')).toEqual([]);
    expect(r.plan.checks.counts).toEqual(
      expect.arrayContaining([
        { code: 'DM205', severity: 'error', findings: 1, suppressed: 0 },
        { code: 'DM206', severity: 'error', findings: 1, suppressed: 0 },
        { code: 'DM207', severity: 'error', findings: 1, suppressed: 0 },
      ]),
    );
    expect(r.plan.checks.rehearsal).toMatchObject({ samplePercent: 100 });
    expect(
      r.plan.checks.rehearsal.steps.map((s: { version: string; sampled: number }) => [s.version, s.sampled]),
    ).toEqual([
      ['1.1.0', ORDERS],
      ['1.2.0', ORDERS],
      ['1.3.0', ORDERS],
    ]);
    expect(r.plan.blockers.filter((b: { kind: string }) => b.kind === 'rehearsal')).toHaveLength(3);

    // The text plan: the blockers and the checks block; a plain plan (no rehearsal) is not blocked.
    const text = await runCliInProcess([
      '--manifest',
      manifest,
      '--endpoint',
      localEndpoint(),
      '--sample',
      '100',
      'plan',
      '--rehearse',
    ]);
    expect(text.code).toBe(5);
    expect(text.stdout).toContain('DM206 error:');
    expect(text.stdout).toContain('checks: 3 errors, 1 warning (rehearsed on 100% of the table)');
    const plain = await runCliInProcess(['--manifest', manifest, '--endpoint', localEndpoint(), 'plan']);
    expect(plain.code).toBe(0);
    expect(JSON.stringify(await scanAll(client, table))).toBe(JSON.stringify(before));
  });

  test('the dynamic rules: a primary key set, a GSI key set, deletes, an item past 400 KB, raw-client writes; a clean step and an irreversible delete find nothing', async () => {
    const client = localClient();
    const table = await createTestTable(client, { gsi: true });
    await seed(client, table);
    const manifest = project(table, {
      '1.1.0-clean.ts': migration(
        '1.1.0',
        `  idempotent: true,
  async up({ data }: any) { await data.transform({ type: 'Order' }, () => ({ set: { channel: 'web' } })); },
  async down({ data }: any) { await data.transform({ type: 'Order' }, () => ({ remove: ['channel'] })); },`,
      ),
      '1.2.0-rekey.ts': migration(
        '1.2.0',
        `  irreversible: true,
  async up({ data }: any) { await data.transform({ type: 'Customer' }, (c: any) => ({ set: { sk: 'PROFILE#' + c.id } })); },`,
      ),
      '1.3.0-index.ts': migration(
        '1.3.0',
        `  async up({ data }: any) { await data.transform({ type: 'Order' }, (o: any) => ({ set: { gs1pk: 'ORDERS', gs1sk: o.sk } })); },
  async down({ data }: any) { await data.transform({ type: 'Order' }, () => ({ remove: ['gs1pk', 'gs1sk'] })); },`,
      ),
      '1.4.0-purge.ts': migration(
        '1.4.0',
        `  async up({ data }: any) { await data.transform({ type: 'Customer', filter: (c: any) => c.id === 'c2' }, () => ({ delete: true })); },
  async down() {},`,
      ),
      '1.5.0-purge-for-good.ts': migration(
        '1.5.0',
        `  irreversible: true,
  async up({ data }: any) { await data.transform({ type: 'Customer' }, () => ({ delete: true })); },`,
      ),
      '1.6.0-blob.ts': migration(
        '1.6.0',
        `  async up({ data }: any) { await data.transform({ type: 'Order', filter: (o: any) => o.id === 'o1' }, () => ({ set: { blob: 'x'.repeat(410 * 1024) } })); },
  async down({ data }: any) { await data.transform({ type: 'Order' }, () => ({ remove: ['blob'] })); },`,
      ),
      '1.7.0-raw.ts': `import { PutItemCommand, DeleteItemCommand } from '@aws-sdk/client-dynamodb';
${migration(
  '1.7.0',
  `  async up(ctx: any) { await ctx.client.send(new PutItemCommand({ TableName: ctx.table, Item: { pk: { S: 'FLAG' }, sk: { S: 'FLAG' } } })); },
  async down(ctx: any) { await ctx.client.send(new DeleteItemCommand({ TableName: ctx.table, Key: { pk: { S: 'FLAG' }, sk: { S: 'FLAG' } } })); },`,
)}`,
    });
    const before = await scanAll(client, table);
    const r = await rehearse(manifest, '--sample', '100');
    expect(JSON.stringify(await scanAll(client, table))).toBe(JSON.stringify(before));
    const findings: AnalyzerFinding[] = r.plan.checks.findings;
    const codesOf = (v: string) =>
      findings
        .filter((f) => f.version === v)
        .map((f) => f.code)
        .sort();

    expect(codesOf('1.1.0')).toEqual([]);
    expect(of(findings, '1.2.0', 'DM201')).toEqual([expect.objectContaining({ severity: 'error', count: 2 })]);
    expect(of(findings, '1.3.0', 'DM202')).toEqual([expect.objectContaining({ severity: 'warning', count: ORDERS })]);
    expect(of(findings, '1.3.0', 'DM202')[0]?.message).toContain('gs1pk, gs1sk, key of index gs1');
    expect(codesOf('1.3.0')).toEqual(['DM202']);
    expect(of(findings, '1.4.0', 'DM203')).toEqual([expect.objectContaining({ severity: 'warning', count: 1 })]);
    expect(of(findings, '1.4.0', 'DM203')[0]?.examples).toEqual([{ pk: 'CUST#2', sk: 'CUST#2' }]);
    expect(codesOf('1.5.0')).toEqual([]);
    expect(of(findings, '1.6.0', 'DM204')).toEqual([expect.objectContaining({ severity: 'error', count: 1 })]);
    // One write in up, one in down (the round trip ran it): neither sent.
    expect(of(findings, '1.7.0', 'DM208')).toEqual([expect.objectContaining({ severity: 'warning', count: 2 })]);
    expect(of(findings, '1.7.0', 'DM208')[0]?.message).toContain('(PutItemCommand, DeleteItemCommand) were not sent');
    // The static rule on the same file: a raw write in up (line 5 of the TypeScript) and in down (line 6).
    expect(of(findings, '1.7.0', 'DM102')).toEqual([
      expect.objectContaining({ severity: 'warning', line: 5 }),
      expect.objectContaining({ severity: 'warning', line: 6 }),
    ]);
    expect(r.code).toBe(5);
  });

  test('suppression with a reason: shown in the plan and never blocking; a suppress without a reason is a lint error naming the file', async () => {
    const client = localClient();
    const table = await createTestTable(client);
    await seed(client, table);
    const fault = `  idempotent: true,
  async up({ data }: any) { await data.transform({ type: 'Order' }, (o: any) => ({ set: { views: (o.views ?? 0) + 1 } })); },
  async down({ data }: any) { await data.transform({ type: 'Order' }, () => ({ remove: ['views'] })); },`;
    const ok = project(table, {
      '1.1.0-views.ts': migration('1.1.0', `  suppress: { DM205: 'resumes are not used on this table' },\n${fault}`),
    });
    const r = await rehearse(ok, '--sample', '100');
    expect(r.code).toBe(0);
    expect(r.plan.checks.findings).toEqual([
      expect.objectContaining({ code: 'DM205', suppressed: 'resumes are not used on this table' }),
    ]);
    const text = await runCliInProcess([
      '--manifest',
      ok,
      '--endpoint',
      localEndpoint(),
      '--sample',
      '100',
      'plan',
      '--rehearse',
    ]);
    expect(text.stdout).toContain('[suppressed: resumes are not used on this table]');

    const bad = project(table, { '1.1.0-views.ts': migration('1.1.0', `  suppress: { DM205: '' },\n${fault}`) });
    const lint = await runCliInProcess(['--manifest', bad, 'lint']);
    expect(lint.code).toBe(2);
    expect(lint.stdout).toContain('1.1.0-views.ts: suppress: DM205 needs a reason');
  });
});
