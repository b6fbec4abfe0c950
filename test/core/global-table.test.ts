import { ReplicatedWriteConflictException } from '@aws-sdk/client-dynamodb';
import { describe, expect, test } from 'vitest';
import { EXIT, ManifestError } from '../../src/core/errors';
import { homeRegionProblem } from '../../src/core/global-table';
import { lintTargets } from '../../src/core/lint';
import { parseManifest } from '../../src/core/manifest';
import { exitCodeOfPlan } from '../../src/core/outcome';
import { planMigrations, type PlanInput } from '../../src/core/planner';
import { renderMarkdown } from '../../src/core/render/markdown';
import { renderPlanText, renderStatusText } from '../../src/core/render/text';
import { buildStatus } from '../../src/core/status';
import type { GlobalTableInfo, MigrationSource, TableState } from '../../src/core/types';
import { isRetryable, isThrottle, withRetry } from '../../src/dynamodb/bulk/retry';
import { replicationOf } from '../../src/dynamodb/bulk/table-facts';

/**
 * The pure half of global-table support: what the manifest may say (lint), what a plan says
 * and refuses given DescribeTable's answer, the replicated estimate, how DescribeTable is
 * read, and the retry of ReplicatedWriteConflictException. The same behaviour against a
 * table, through a stand-in for a real global table, is in test/dynamodb/global-table.test.ts.
 */

const mig = (version: string): MigrationSource => ({
  version,
  description: `m ${version}`,
  file: `${version}.ts`,
  checksum: `sha256:${version}`,
  idempotent: false,
  irreversible: false,
  hasUp: true,
  hasDown: true,
});
const global = (region: string, extra: Partial<GlobalTableInfo> = {}): GlobalTableInfo => ({
  region,
  version: '2019.11.21',
  consistency: 'EVENTUAL',
  replicas: [
    { region: 'ap-southeast-2', status: 'ACTIVE' },
    { region: 'eu-west-1', status: 'ACTIVE' },
    { region: 'us-east-1', status: 'ACTIVE' },
  ],
  witnesses: [],
  ...extra,
});
const tableState = (region: string, g: GlobalTableInfo | undefined, extra: Partial<TableState> = {}): TableState => ({
  table: 'orders',
  keys: { hash: 'pk', sort: 'sk' },
  records: [],
  region,
  global: g,
  ...extra,
});
const env = {
  name: 'prod',
  table: 'orders',
  target: 'latest',
  protected: false,
  'allow-reset': false,
  region: 'us-east-1',
};
const plan = (over: Partial<PlanInput>) =>
  planMigrations({
    command: 'apply',
    environment: env,
    migrations: [mig('1.0.0')],
    state: undefined,
    now: 1_000,
    ...over,
  });

function manifestOf(environments: string): ReturnType<typeof parseManifest> {
  return parseManifest(`version: 1\nenvironments:\n${environments}`, 'm.yaml');
}

describe('lint: environments on replicas of one global table', () => {
  test('two environments naming the same table in two regions, each its own home, are refused, naming both and the fix', () => {
    const m = manifestOf(
      '  prod-us: { table: orders, region: us-east-1 }\n  prod-eu: { table: orders, region: eu-west-1 }\n',
    );
    const problems = lintTargets(m, 'm.yaml', [mig('1.0.0')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'replica-homes', where: 'm.yaml: environments.prod-eu' });
    expect(problems[0]!.message).toMatch(
      /prod-us and prod-eu both name table orders but with different home regions \(us-east-1 and eu-west-1/,
    );
    expect(problems[0]!.message).toMatch(/home-region: us-east-1 on prod-eu/);
    expect(problems[0]!.message).toMatch(/global-table: false/);
  });

  test('one marked as the home of the other, separate regional tables, other tables: accepted', () => {
    const ok = [
      '  prod-us: { table: orders, region: us-east-1 }\n  prod-eu: { table: orders, region: eu-west-1, home-region: us-east-1 }\n',
      '  prod-us: { table: orders, region: us-east-1 }\n  prod-eu: { table: orders, region: eu-west-1, global-table: false }\n',
      '  prod-us: { table: orders-us, region: us-east-1 }\n  prod-eu: { table: orders-eu, region: eu-west-1 }\n',
      // No region and no home: not compared (on a global table, its plans are refused until it names a home).
      '  prod-us: { table: orders, region: us-east-1 }\n  ci: { table: orders }\n',
    ];
    for (const text of ok) expect(lintTargets(manifestOf(text), 'm.yaml', [mig('1.0.0')])).toEqual([]);
  });

  test('homes that differ without any region (each run in its own AWS region) are refused too; three replicas give one problem each', () => {
    expect(
      lintTargets(
        manifestOf('  a: { table: orders, home-region: us-east-1 }\n  b: { table: orders, home-region: eu-west-1 }\n'),
        'm.yaml',
        [],
      ),
    ).toHaveLength(1);
    const three = manifestOf(
      '  us: { table: orders, region: us-east-1 }\n  eu: { table: orders, region: eu-west-1 }\n  ap: { table: orders, region: ap-southeast-2 }\n',
    );
    expect(lintTargets(three, 'm.yaml', []).map((p) => p.where)).toEqual([
      'm.yaml: environments.eu',
      'm.yaml: environments.ap',
    ]);
  });

  test('the manifest takes home-region and global-table, and refuses a home elsewhere for a regional table', () => {
    expect(
      manifestOf('  prod: { table: orders, region: eu-west-1, home-region: us-east-1, global-table: true }\n')
        .environments.prod,
    ).toMatchObject({ 'home-region': 'us-east-1', 'global-table': true });
    expect(() => manifestOf('  prod: { table: orders, home-region: useast1 }\n')).toThrow(
      /environments\.prod\.home-region: expected an AWS region/,
    );
    expect(() =>
      manifestOf('  prod: { table: orders, region: eu-west-1, home-region: us-east-1, global-table: false }\n'),
    ).toThrow(ManifestError);
  });
});

describe('plan: the home region', () => {
  test('a run reaching another replica is refused first, exit 2, naming the home region and how to reach it', () => {
    const p = plan({ state: tableState('eu-west-1', global('eu-west-1')) });
    expect(p.blockers[0]).toMatchObject({ kind: 'refused' });
    expect(p.blockers[0]!.message).toMatch(
      /orders is a global table \(replicas in ap-southeast-2, eu-west-1, us-east-1\); this run reaches its replica in eu-west-1, but the home region of its migrations is us-east-1/,
    );
    expect(p.blockers[0]!.next).toMatch(/--region us-east-1/);
    expect(exitCodeOfPlan(p)).toBe(EXIT.input);
    expect(p.global).toMatchObject({ home: 'us-east-1', region: 'eu-west-1' });
  });

  test('from the home region nothing is refused, and the plan still says it is a global table', () => {
    const p = plan({ state: tableState('us-east-1', global('us-east-1')) });
    expect(p.blockers).toEqual([]);
    expect(p.global).toMatchObject({ home: 'us-east-1', region: 'us-east-1', consistency: 'EVENTUAL' });
    expect(renderPlanText(p)).toContain(
      'global table (eventual consistency, last writer wins, version 2019.11.21): replicas ap-southeast-2, eu-west-1, us-east-1; home region us-east-1 (this run)',
    );
    expect(renderMarkdown({ sections: [{ plan: p, phase: 'planned' }] })).toContain('🌐 global table');
  });

  test('home-region overrides region; without either a global table is refused; a home without a replica is refused', () => {
    const marked = { ...env, region: 'eu-west-1', 'home-region': 'us-east-1' };
    expect(plan({ environment: marked, state: tableState('us-east-1', global('us-east-1')) }).blockers).toEqual([]);
    expect(
      plan({ environment: marked, state: tableState('eu-west-1', global('eu-west-1')) }).blockers[0]!.message,
    ).toMatch(/home region of its migrations is us-east-1 \(environments\.prod\.home-region\)/);

    const { region: _r, ...noRegion } = env;
    expect(
      plan({ environment: noRegion, state: tableState('eu-west-1', global('eu-west-1')) }).blockers[0]!.message,
    ).toMatch(/names neither a region nor a home-region.*this one: eu-west-1/);

    const elsewhere = { ...env, 'home-region': 'sa-east-1' };
    expect(
      plan({ environment: elsewhere, state: tableState('us-east-1', global('us-east-1')) }).blockers[0]!.message,
    ).toMatch(/home-region is sa-east-1, but orders has no replica there/);
    const witness = global('us-east-1', { consistency: 'STRONG', witnesses: [{ region: 'us-west-2' }] });
    expect(
      plan({ environment: { ...env, 'home-region': 'us-west-2' }, state: tableState('us-east-1', witness) })
        .blockers[0]!.message,
    ).toMatch(/us-west-2 is its MRSC witness/);
  });

  test('global-table in the manifest is checked against DescribeTable both ways; a home elsewhere for a regional table is refused', () => {
    expect(
      plan({ environment: { ...env, 'global-table': false }, state: tableState('us-east-1', global('us-east-1')) })
        .blockers[0]!.message,
    ).toMatch(/says global-table: false, but orders is a global table/);
    expect(
      plan({ environment: { ...env, 'global-table': true }, state: tableState('us-east-1', undefined) }).blockers[0]!
        .message,
    ).toMatch(/says global-table: true, but orders in us-east-1 is not a global table/);
    expect(
      plan({ environment: { ...env, 'home-region': 'eu-west-1' }, state: tableState('us-east-1', undefined) })
        .blockers[0]!.message,
    ).toMatch(/is not a global table: it has no replica in eu-west-1/);
    // A regional table planned as always: no blocker, no global section.
    const regional = plan({ state: tableState('us-east-1', undefined) });
    expect(regional.blockers).toEqual([]);
    expect(regional.global).toBeUndefined();
  });

  test('a plan from the files alone (fork pull request) checks nothing', () => {
    expect(plan({ state: undefined }).blockers).toEqual([]);
  });

  test('replicas not ACTIVE, MRSC and legacy tables get a warning each; UPDATING replicas do not', () => {
    const g = global('us-east-1', {
      replicas: [
        { region: 'ap-southeast-2', status: 'REGION_DISABLED', detail: 'the Region is disabled' },
        { region: 'eu-west-1', status: 'UPDATING' },
        { region: 'us-east-1', status: 'ACTIVE' },
      ],
    });
    const warnings = plan({ state: tableState('us-east-1', g) }).warnings.map((w) => w.code);
    expect(warnings).toEqual(['replica-not-active']);
    expect(
      plan({ state: tableState('us-east-1', global('us-east-1', { consistency: 'STRONG' })) }).warnings.map(
        (w) => w.code,
      ),
    ).toEqual(['mrsc']);
    const legacy = global('us-east-1', { version: '2017.11.29', replicas: [{ region: 'us-east-1' }] });
    expect(plan({ state: tableState('us-east-1', legacy) }).warnings.map((w) => w.code)).toEqual([
      'legacy-global-table',
    ]);
  });

  test('the store and the plan decide alike: one function, no problem from home', () => {
    expect(homeRegionProblem(env, 'us-east-1', global('us-east-1'))).toBeUndefined();
    expect(homeRegionProblem(env, 'eu-west-1', global('eu-west-1'))?.message).toMatch(
      /home region of its migrations is us-east-1/,
    );
  });
});

describe('estimate: replicated writes', () => {
  const stats = { itemCount: 10_000, sizeBytes: 10_000 * 2048 };

  test("a rewrite costs N x replicas write units; the rate and the time are the home region's", () => {
    const p = plan({
      writeRate: 500,
      state: tableState('us-east-1', global('us-east-1'), stats),
    });
    expect(p.estimate).toMatchObject({
      items: 10_000,
      writeUnits: 20_000,
      replicas: 3,
      totalWriteUnits: 60_000,
      rate: 500,
      secondsAtRate: 40,
    });
    const text = renderPlanText(p);
    expect(text).toContain('20,000 WCU to rewrite, ~40.0 s at 500 WCU/s');
    expect(text).toContain(
      "replicated: each write is applied by all 3 replicas: ~60,000 write units over all regions (20,000 in each); the rate (500 WCU/s) and the time are the home region's",
    );
    expect(renderMarkdown({ sections: [{ plan: p, phase: 'planned' }] })).toMatch(
      /Global table: each write is applied by all 3 replicas: \\?~60,000 write units over all regions/,
    );
  });

  test("a regional table's estimate has no replicated part", () => {
    const p = plan({ state: tableState('us-east-1', undefined, stats) });
    expect(p.estimate).toEqual({ items: 10_000, sizeBytes: 20_480_000, readUnits: 2_500, writeUnits: 20_000 });
    expect(renderPlanText(p)).not.toContain('replicated');
  });
});

describe('status: the replication state', () => {
  test('each replica with its status and role, and the witness', () => {
    const g = global('eu-west-1', {
      consistency: 'STRONG',
      replicas: [
        { region: 'eu-west-1', status: 'ACTIVE' },
        { region: 'us-east-1', status: 'CREATING', progress: '40' },
      ],
      witnesses: [{ region: 'us-west-2', status: 'ACTIVE' }],
    });
    const s = tableState('eu-west-1', g);
    const p = plan({ state: s });
    const text = renderStatusText(buildStatus(s, [mig('1.0.0')], p, 1_000));
    expect(text).toContain(
      'replication: global table (multi-Region strong consistency, version 2019.11.21): replicas eu-west-1, us-east-1 + witness us-west-2; home region us-east-1; this run is in eu-west-1, so it may plan and read but not apply',
    );
    expect(text).toContain('  eu-west-1        ACTIVE  [this run]');
    expect(text).toContain('  us-east-1        CREATING 40%  [home]');
    expect(text).toContain('  us-west-2        ACTIVE  [witness]');
    expect(
      buildStatus(tableState('us-east-1', undefined), [], plan({ state: tableState('us-east-1', undefined) }), 1_000),
    ).not.toHaveProperty('global');
  });
});

describe('DescribeTable, read', () => {
  test('the region comes from the table ARN, else the client; the replica set is the listed ones and this one', () => {
    const described = {
      TableArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders',
      GlobalTableVersion: '2019.11.21',
      Replicas: [{ RegionName: 'us-east-1', ReplicaStatus: 'ACTIVE' as const }],
    };
    expect(replicationOf(described, 'us-east-1')).toMatchObject({
      region: 'eu-west-1',
      global: {
        region: 'eu-west-1',
        consistency: 'EVENTUAL',
        replicas: [{ region: 'eu-west-1' }, { region: 'us-east-1', status: 'ACTIVE' }],
      },
    });
    // A list that names the answering replica too gives the same set.
    const listsSelf = {
      ...described,
      Replicas: [...described.Replicas, { RegionName: 'eu-west-1', ReplicaStatus: 'ACTIVE' as const }],
    };
    expect(replicationOf(listsSelf, undefined).global?.replicas.map((r) => r.region)).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
    // DynamoDB Local's ARN names no region: the client's counts.
    expect(replicationOf({ TableArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/orders' }, 'us-east-1')).toEqual({
      region: 'us-east-1',
    });
    // A table whose replicas were all removed is regional again, whatever its version says.
    expect(replicationOf({ ...described, Replicas: [{ RegionName: 'eu-west-1' }] }, undefined).global).toBeUndefined();
    expect(
      replicationOf(
        {
          ...described,
          MultiRegionConsistency: 'STRONG',
          GlobalTableWitnesses: [{ RegionName: 'us-west-2', WitnessStatus: 'ACTIVE' }],
        },
        undefined,
      ).global,
    ).toMatchObject({
      consistency: 'STRONG',
      witnesses: [{ region: 'us-west-2', status: 'ACTIVE' }],
    });
  });
});

describe('retry: ReplicatedWriteConflictException', () => {
  const conflict = () =>
    new ReplicatedWriteConflictException({
      message: 'being modified in another Region',
      $metadata: { httpStatusCode: 400 },
    });

  test('is retried like a throttle (the rate limiter backs off too)', async () => {
    expect(isRetryable(conflict())).toBe(true);
    expect(isThrottle(conflict())).toBe(true);
    let calls = 0;
    const heard: unknown[] = [];
    const out = await withRetry(
      async () => {
        if (++calls < 4) throw conflict();
        return 'written';
      },
      { policy: { maxAttempts: 5, baseMs: 1, maxDelayMs: 2 }, onRetry: (e) => heard.push(e) },
    );
    expect(out).toBe('written');
    expect(heard).toHaveLength(3);
  });
});
