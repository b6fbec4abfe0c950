import { describe, expect, test } from 'vitest';
import { applySuppressions, checksReport, suppressionProblems } from '../../../src/core/analyzers/findings';
import { ANALYZER_RULES, RULE_CODES, ruleAnchor } from '../../../src/core/analyzers/rules';
import { staticFindings } from '../../../src/core/analyzers/static-rules';

const meta = { version: '1.2.0', file: 'migrations/1.2.0-x.ts', irreversible: false, hasDown: true };
const codes = (code: string, extra: Partial<typeof meta> = {}) =>
  staticFindings({ ...meta, ...extra, code }).map((f) => f.code);

describe('static analyzer rules', () => {
  test('DM101: a raw Scan or Query without a pagination loop; a loop on LastEvaluatedKey, a Limit or the bulk engine do not trigger', () => {
    const single = `
      import { ScanCommand } from '@aws-sdk/client-dynamodb';
      export default { version: '1.2.0', async up(ctx) {
        const res = await ctx.client.send(new ScanCommand({ TableName: ctx.table }));
        for (const item of res.Items) console.log(item);
      }, async down() {} };`;
    const found = staticFindings({ ...meta, code: single });
    expect(found.map((f) => f.code)).toEqual(['DM101']);
    expect(found[0]).toMatchObject({ severity: 'error', line: 4, file: meta.file, version: '1.2.0' });
    expect(found[0]?.message).toContain('ScanCommand sent without a pagination loop');
    // jiti's compiled form: the command through the module's namespace object.
    expect(
      codes(
        'async function up(ctx) { await ctx.client.send(new _clientDynamodb.QueryCommand({ TableName: ctx.table })); }',
      ),
    ).toEqual(['DM101']);

    const paged = `
      async function up(ctx) {
        let start;
        do {
          const res = await ctx.client.send(new ScanCommand({ TableName: ctx.table, ExclusiveStartKey: start }));
          start = res.LastEvaluatedKey;
        } while (start);
      }`;
    expect(codes(paged)).toEqual([]);
    expect(
      codes('async function up(ctx) { await ctx.client.send(new QueryCommand({ TableName: ctx.table, Limit: 1 })); }'),
    ).toEqual([]);
    expect(codes('async function up(ctx) { await ctx.data.forEach({ type: "Order" }, () => {}); }')).toEqual([]);
  });

  test('DM102: raw-client writes (SDK and document client); reads and ctx.data writes do not trigger', () => {
    expect(
      codes(
        'async function up(ctx) { await ctx.client.send(new PutItemCommand({ TableName: ctx.table, Item: {} })); }',
      ),
    ).toEqual(['DM102']);
    expect(codes('async function up(ctx) { await doc.send(new libDynamodb.UpdateCommand({})); }')).toEqual(['DM102']);
    expect(
      codes('async function up(ctx) { await ctx.client.send(new GetItemCommand({ TableName: ctx.table, Key: {} })); }'),
    ).toEqual([]);
    expect(
      codes('async function up(ctx) { await ctx.data.transform({}, (i) => ({ put: [{ ...i, sk: "copy" }] })); }'),
    ).toEqual([]);
  });

  test('DM103: a clock or random value inside a transform; the same outside a transform, or a value derived from the item, does not trigger', () => {
    expect(
      codes('async function up(ctx) { await ctx.data.transform({}, (i) => ({ set: { updated: Date.now() } })); }'),
    ).toEqual(['DM103']);
    expect(
      codes('async function up(ctx) { await ctx.data.transform({}, (i) => ({ set: { id: crypto.randomUUID() } })); }'),
    ).toEqual(['DM103']);
    expect(
      codes(
        'async function up({ data }) { await data.transform({}, function (i) { return { set: { at: new Date().toISOString(), r: Math.random() } }; }); }',
      ),
    ).toEqual(['DM103', 'DM103']);
    expect(
      codes('async function up(ctx) { await ctx.data.transform({}, (i) => ({ set: { id: (0, _uuid.v4)() } })); }'),
    ).toEqual(['DM103']);
    // A value fixed once before the pass, a where clause's clock, or one from the item: deterministic per run.
    expect(
      codes(`async function up(ctx) {
        const at = Date.now();
        await ctx.data.transform({ where: { expression: 'e < :n', values: { ':n': Date.now() } } }, (i) => ({ set: { at, copied: new Date(i.created).toISOString() } }));
      }`),
    ).toEqual([]);
  });

  test('DM104: a step that is not irreversible without a down; irreversible or with a down does not trigger; reset is exempt', () => {
    expect(codes('async function up() {}', { hasDown: false })).toEqual(['DM104']);
    expect(codes('async function up() {}', { hasDown: false, irreversible: true })).toEqual([]);
    expect(codes('async function up() {}', { hasDown: true })).toEqual([]);
    expect(codes('async function up() {}', { hasDown: false, version: 'reset' })).toEqual([]);
  });

  test('a file that does not parse gets no static finding (lint reports its load error)', () => {
    expect(codes('export default {{{')).toEqual([]);
  });

  test('suppression: per migration and rule, with a required reason; shown, never blocking', () => {
    expect(suppressionProblems({ DM102: 'writes the one config item' })).toEqual([]);
    expect(suppressionProblems({ DM102: '' })).toEqual([
      'suppress: DM102 needs a reason (a non-empty string saying why the finding is fine)',
    ]);
    expect(suppressionProblems({ DM999: 'x' })[0]).toContain('"DM999" is not a rule code');
    expect(suppressionProblems(['DM102'])[0]).toContain('"suppress" must map rule codes to the reason');
    const found = staticFindings({
      ...meta,
      code: 'async function up(ctx) { await ctx.client.send(new ScanCommand({})); await ctx.client.send(new PutItemCommand({})); }',
    });
    const report = checksReport(
      applySuppressions(found, (v) => (v === '1.2.0' ? { DM101: 'the table holds 3 items' } : undefined)),
    );
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(1);
    expect(report.counts).toEqual([
      { code: 'DM101', severity: 'error', findings: 1, suppressed: 1 },
      { code: 'DM102', severity: 'warning', findings: 1, suppressed: 0 },
    ]);
    expect(report.findings.find((f) => f.code === 'DM101')?.suppressed).toBe('the table holds 3 items');
  });

  test('every rule has a documented page in docs/analyzers.md', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/analyzers.md'), 'utf8');
    for (const code of RULE_CODES) {
      const anchor = ruleAnchor(code).split('#')[1];
      expect(doc, `heading for ${code}`).toContain(`## ${code} ${ANALYZER_RULES[code].name}`);
      expect(anchor).toBe(`${code.toLowerCase()}-${ANALYZER_RULES[code].name}`);
    }
  });
});
