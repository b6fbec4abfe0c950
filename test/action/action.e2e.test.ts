import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestTable, localClient, localEndpoint, scanAll } from '../support/dynamodb-local';
import { startBackupStub, type BackupStub } from '../support/dynamodb-backup-stub';
import { startGitHubStub, type GitHubStub } from '../support/github-api-stub';
import { addMigrations, buildDist, makeWorkspace, prPayload, pushPayload, runAction } from './harness';
import { deployController } from '../support/controller-fixture';
import { startLambdaStub, type LambdaStub } from '../support/lambda-stub';
import { startSfnStandIn, type SfnStandIn } from '../support/sfn-standin';
import { deployWithStateMachine, seedItems } from '../runner/stepfunctions/support';
import { appendFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The bundled action end to end: dist/index.js run as GitHub runs it, against DynamoDB
 * Local and a GitHub REST stand-in on loopback. Only what the bundle can show is here (the
 * real engine, tables, HTTP, masking, the Lambda controller); the action's decisions (gates,
 * exit codes, comment refusals, drift, outputs) are tested in-process in modes.test.ts.
 */

let gh: GitHubStub;
const MARKER = '<!-- dynamodb-migrate -->';

beforeAll(async () => {
  await buildDist();
  gh = await startGitHubStub({ pageSize: 3 });
}, 180_000);
afterAll(() => gh?.close());

const client = () => localClient();
const ours = (issue: number) => (gh.comments.get(issue) ?? []).filter((c) => c.body.startsWith(MARKER));
const items = async (table: string) => (await scanAll(client(), table)).map((i) => unmarshall(i));
const versions = async (table: string) =>
  (await items(table))
    .filter((i) => i.pk === '_migration')
    .map((i) => `${i.version}:${i.status}`)
    .sort();
const orders = async (table: string) => (await items(table)).filter((i) => i.pk === 'order#1');

function approve(pr: number, sha: string, login = 'maintainer') {
  gh.pullsByCommit.set(sha, [
    { number: pr, merged_at: '2025-06-01T00:00:00Z', merge_commit_sha: sha, user: { login: 'author' } },
  ]);
  gh.permissions.set(login, 'write');
  gh.reviews.set(pr, [{ user: { login }, state: 'APPROVED' }]);
}

describe('pull request -> merge -> rollback', () => {
  let table: string;
  let ws: string;

  beforeAll(async () => {
    table = await createTestTable(client());
    ws = makeWorkspace({ table, migrations: ['1.0.0-seed.ts'] });
    for (let i = 0; i < 4; i++) gh.addComment(7, `unrelated comment ${i}`);
  });

  test('the first push of a pull request creates one comment and writes nothing', async () => {
    const before = await scanAll(client(), table);
    const r = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: localEndpoint(),
      event: 'pull_request',
      payload: prPayload(7),
    });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      status: 'planned',
      'current-version': '0.0.0',
      'previous-version': '0.0.0',
      'target-version': '1.0.0',
      direction: 'up',
      changed: 'true',
    });
    expect(JSON.parse(r.outputs.steps!)).toEqual([
      expect.objectContaining({
        environment: 'dev',
        version: '1.0.0',
        direction: 'up',
        idempotent: true,
        reversible: true,
      }),
    ]);
    expect(ours(7)).toHaveLength(1);
    const body = ours(7)[0]!.body;
    expect(body).toContain('📋 planned · dev');
    expect(body).toContain('Seed the first order');
    expect(body).toContain(r.outputs['plan-hash']);
    expect(r.outputs['comment-url']).toBe(ours(7)[0]!.html_url);
    // The job summary has the same rendering.
    expect(r.summary).toContain('📋 planned · dev');
    expect(await scanAll(client(), table)).toEqual(before);
  });

  test('a second push updates that same comment', async () => {
    addMigrations(ws, ['1.1.0-status.ts']);
    const id = ours(7)[0]!.id;
    const r = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: localEndpoint(),
      event: 'pull_request',
      payload: prPayload(7, { headSha: 'b'.repeat(40) }),
    });
    expect(r.code).toBe(0);
    expect(ours(7)).toHaveLength(1);
    expect(ours(7)[0]!.id).toBe(id);
    expect(ours(7)[0]!.body).toContain('Add a status to orders');
    expect(gh.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
    expect(gh.requests.some((q) => q.method === 'PATCH' && q.path === `/repos/acme/shop/issues/comments/${id}`)).toBe(
      true,
    );
    expect(r.outputs['target-version']).toBe('1.1.0');
  });

  test('the merge applies the reviewed plan and the comment says applied', async () => {
    const sha = '1'.repeat(40);
    approve(7, sha);
    const r = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: localEndpoint(),
      event: 'push',
      payload: pushPayload(),
      sha,
      inputs: { 'require-approval': 'true' },
    });
    expect(r.code, r.stdout).toBe(0);
    // current-version is read back from the table at the end; previous-version is where the run found it.
    expect(r.outputs).toMatchObject({
      status: 'applied',
      'current-version': '1.1.0',
      'previous-version': '0.0.0',
      'target-version': '1.1.0',
      changed: 'true',
    });
    expect(JSON.parse(r.outputs.applied!).map((a: { version: string }) => a.version)).toEqual(['1.0.0', '1.1.0']);
    expect(await versions(table)).toEqual(['1.0.0:success', '1.1.0:success']);
    expect(await orders(table)).toEqual([expect.objectContaining({ status: 'new', total: 10 })]);
    expect(ours(7)).toHaveLength(1);
    expect(ours(7)[0]!.body).toContain('✅ applied · dev');
    expect(ours(7)[0]!.body).toMatch(/Applied 2 steps in/);
    // On its way there the same comment said "applying".
    const edits = gh.requests.filter(
      (q) => q.method === 'PATCH' && q.path === `/repos/acme/shop/issues/comments/${ours(7)[0]!.id}`,
    );
    const phases = edits
      .map((q) =>
        String((q.body as { body: string }).body)
          .split('\n')
          .find((l) => l.startsWith('## ')),
      )
      .slice(-2);
    expect(phases).toEqual([
      '## dynamodb-migrate: ⏳ applying · `migrations/manifest.yaml`',
      '## dynamodb-migrate: ✅ applied · `migrations/manifest.yaml`',
    ]);
    expect(r.stdout).toContain('approved by maintainer');
  });

  test('a dispatch down rolls back one version', async () => {
    const r = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: localEndpoint(),
      event: 'workflow_dispatch',
      payload: { inputs: {} },
      inputs: { command: 'down', environment: 'dev', reason: 'status broke the dashboard' },
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({
      status: 'applied',
      direction: 'down',
      'current-version': '1.0.0',
      'previous-version': '1.1.0',
      'target-version': '1.0.0',
    });
    expect(await versions(table)).toEqual(['1.0.0:success']);
    expect((await orders(table))[0]).not.toHaveProperty('status');
    expect(r.summary).toContain('▼ down');
  });
});

test('a fork pull request neither reads nor writes the table', async () => {
  const table = await createTestTable(client());
  const recorder = await startBackupStub(localEndpoint());
  try {
    const ws = makeWorkspace({ table, migrations: ['1.0.0-seed.ts'] });
    const r = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: recorder.endpoint,
      event: 'pull_request',
      payload: prPayload(21, { fork: true }),
    });
    expect(r.code, r.stdout).toBe(0);
    expect(recorder.operations).toEqual([]);
    expect(await scanAll(client(), table)).toEqual([]);
    expect(r.outputs.status).toBe('planned');
    expect(r.outputs['plan-hash']).toBe('');
    expect(ours(21)[0]!.body).toContain('comes from a fork');
  } finally {
    await recorder.close();
  }
});

test('a bad token: the stand-in answers 401 and the run warns but still summarises', async () => {
  const table = await createTestTable(client());
  const ws = makeWorkspace({ table, migrations: ['1.0.0-seed.ts'] });
  const r = await runAction({
    workspace: ws,
    github: gh,
    dynamodb: localEndpoint(),
    event: 'pull_request',
    payload: prPayload(51),
    token: 'ghs_wrong',
  });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('answered 401: Bad credentials');
  // The token is masked in the log.
  expect(r.stdout).toContain('::add-mask::ghs_wrong');
  expect(r.stdout.replace('::add-mask::ghs_wrong', '')).not.toContain('ghs_wrong');
  expect(r.summary).toContain('📋 planned · dev');
});

test('a failing step leaves the comment and outputs saying failed and what to do', async () => {
  const table = await createTestTable(client());
  const ws = makeWorkspace({ table, migrations: ['1.0.0-seed.ts', '1.1.0-status.ts', '1.2.0-broken.ts'] });
  await runAction({
    workspace: ws,
    github: gh,
    dynamodb: localEndpoint(),
    event: 'pull_request',
    payload: prPayload(60),
  });
  const sha = '6'.repeat(40);
  gh.pullsByCommit.set(sha, [{ number: 60, merged_at: '2025-06-01T00:00:00Z', merge_commit_sha: sha }]);
  const r = await runAction({
    workspace: ws,
    github: gh,
    dynamodb: localEndpoint(),
    event: 'push',
    payload: pushPayload(),
    sha,
  });
  expect(r.code).toBe(1);
  expect(r.outputs).toMatchObject({ status: 'failed', 'previous-version': '0.0.0' });
  expect(JSON.parse(r.outputs.applied!).map((a: { version: string }) => a.version)).toEqual(['1.0.0', '1.1.0']);
  expect(r.stdout).toContain('::error::');
  const body = ours(60)[0]!.body;
  expect(body).toContain('❌ failed · dev');
  expect(body).toContain('cannot backfill order#1');
  expect(body).toContain('**Next:**');
  expect(body).toContain('repair --version 1.2.0');
  // Text from the migration is escaped: no markup and no mention, except verbatim inside the error's code fence.
  const outsideFences = body.replace(/^(`{3,})\n[\s\S]*?\n\1$/gm, '');
  expect(body).toContain('````\nup 1.2.0');
  expect(outsideFences).not.toContain('<b>');
  expect(outsideFences).not.toContain('<img');
  expect(outsideFences).not.toContain('@acme');
  // The run's own lock, released by now, is not reported as held.
  expect(body).not.toContain('The table is locked by');
  expect(await versions(table)).toEqual([
    '1.0.0:success',
    '1.1.0:success',
    expect.stringMatching(/^1\.2\.0:cannot backfill/),
  ]);
});

describe('protected environment', () => {
  let stub: BackupStub;
  let table: string;
  let ws: string;
  beforeAll(async () => {
    stub = await startBackupStub(localEndpoint());
    table = await createTestTable(client());
    ws = makeWorkspace({
      table,
      migrations: ['1.0.0-seed.ts', '1.1.0-status.ts'],
      envExtra: '    protected: true\n    recovery-point: pitr-or-backup\n',
    });
  });
  afterAll(() => stub.close());

  test('apply takes a recovery point first and records it in the audit log', async () => {
    const r = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: stub.endpoint,
      event: 'workflow_dispatch',
      payload: {},
      inputs: { command: 'apply', environment: 'dev' },
    });
    expect(r.code, r.stdout).toBe(0);
    expect(stub.backups).toEqual([{ table, name: expect.stringContaining(`dynamodb-migrate-${table}`) }]);
    const log = (await items(table)).filter((i) => i.pk === '_migration_log' && i.event === 'apply-start');
    expect(log[0]?.message).toContain('recovery point: on-demand backup');
    expect(r.summary).toContain('Recovery point: on-demand backup');
  });

  test('a rollback needs confirm equal to the table name; reset is refused', async () => {
    const refused = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: stub.endpoint,
      event: 'workflow_dispatch',
      payload: {},
      inputs: { command: 'to', version: '1.0.0', environment: 'dev', confirm: 'yes' },
    });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(`needs input "confirm" ${table}`);
    const reset = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: stub.endpoint,
      event: 'workflow_dispatch',
      payload: {},
      inputs: { command: 'reset', environment: 'dev' },
    });
    expect(reset.code).toBe(2);
    expect(await versions(table)).toEqual(['1.0.0:success', '1.1.0:success']);
    stub.pitr.add(table);
    const ok = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: stub.endpoint,
      event: 'workflow_dispatch',
      payload: {},
      inputs: { command: 'to', version: '1.0.0', environment: 'dev', confirm: table },
    });
    expect(ok.code, ok.stdout).toBe(0);
    expect(await versions(table)).toEqual(['1.0.0:success']);
    expect(ok.summary).toContain('Recovery point: point-in-time recovery is on');
  });
});

describe('runner: lambda', () => {
  test('a pull request plans and a merge applies through the controller, with the same comment and outputs', async () => {
    const lambda = await startLambdaStub();
    try {
      const d = await deployController(lambda);
      const ws = dirname(d.manifest);
      const env = { AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint };
      // A manifest at a non-default path gets a comment of its own.
      const lambdaComments = () =>
        (gh.comments.get(31) ?? []).filter((c) => c.body.startsWith('<!-- dynamodb-migrate: manifest.yaml -->'));
      const pr = await runAction({
        workspace: ws,
        github: gh,
        dynamodb: localEndpoint(),
        event: 'pull_request',
        payload: prPayload(31),
        inputs: { manifest: 'manifest.yaml' },
        env,
      });
      expect(pr.code).toBe(0);
      expect(pr.outputs).toMatchObject({
        status: 'planned',
        'current-version': '0.0.0',
        'target-version': '1.2.0',
        direction: 'up',
      });
      expect(lambdaComments()).toHaveLength(1);
      expect(lambdaComments()[0]!.body).toContain(pr.outputs['plan-hash']);
      expect(await versions(d.table)).toEqual([]);
      const sha = 'c'.repeat(40);
      gh.pullsByCommit.set(sha, [
        { number: 31, merged_at: '2025-06-01T00:00:00Z', merge_commit_sha: sha, user: { login: 'author' } },
      ]);
      const merge = await runAction({
        workspace: ws,
        github: gh,
        dynamodb: localEndpoint(),
        event: 'push',
        payload: pushPayload(),
        sha,
        inputs: { manifest: 'manifest.yaml' },
        env,
      });
      expect(merge.code).toBe(0);
      expect(merge.outputs).toMatchObject({
        status: 'applied',
        'current-version': '1.2.0',
        'previous-version': '0.0.0',
      });
      expect(await versions(d.table)).toEqual(['1.0.0:success', '1.1.0:success', '1.2.0:success']);
      expect(lambdaComments()).toHaveLength(1);
      expect(lambdaComments()[0]!.body).toContain('applied');
    } finally {
      await lambda.stop();
    }
  }, 240_000);
});

describe('runner: lambda with a state machine', () => {
  let lambda: LambdaStub;
  let sfn: SfnStandIn;
  beforeAll(async () => {
    lambda = await startLambdaStub();
    sfn = await startSfnStandIn({ lambdaEndpoint: lambda.endpoint, retryDelayMs: 0 });
  });
  afterAll(async () => {
    await sfn?.stop();
    await lambda?.stop();
  });

  const ITEMS = 400;
  /** A step that takes a few seconds over 4 segments: long enough to be watched, stopped and resumed. */
  async function deployed() {
    const d = await deployWithStateMachine(lambda, sfn, { env: { DM_ITEM_DELAY_MS: '40' } });
    appendFileSync(d.manifest, '    segments: 4\n');
    await seedItems(d, ITEMS);
    return d;
  }
  const stepEnv = () => ({
    AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint,
    AWS_ENDPOINT_URL_SFN: sfn.endpoint,
    DYNAMODB_MIGRATE_POLL_MS: '200',
    DYNAMODB_MIGRATE_COMMENT_EVERY_MS: '300',
    DYNAMODB_MIGRATE_LEASE_MS: '3000',
  });
  const counted = async (table: string) =>
    (await items(table)).filter((i) => i._type === 'Item').filter((i) => i.n !== 1 || i.second !== 1);

  test('a merge: each step one execution; the comment links it and follows its progress, then says applied', async () => {
    const d = await deployed();
    const ws = dirname(d.manifest);
    const inputs = { manifest: 'manifest.yaml' };
    const pr = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: localEndpoint(),
      event: 'pull_request',
      payload: prPayload(41),
      inputs,
      env: stepEnv(),
    });
    expect(pr.code, pr.stderr).toBe(0);
    const sha = 'e'.repeat(40);
    approve(41, sha);
    const before = gh.requests.length;
    const merge = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: localEndpoint(),
      event: 'push',
      payload: pushPayload(),
      sha,
      inputs,
      env: stepEnv(),
    });
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.outputs.status).toBe('applied');
    expect(merge.stdout).toMatch(
      /1\.2\.0: started execution dm-[\w-]+: https:\/\/us-east-1\.console\.aws\.amazon\.com\/states\//,
    );
    // Every write of the comment during the merge, in order.
    const bodies = gh.requests
      .slice(before)
      .filter((q) => q.method === 'PATCH')
      .map((q) => String((q.body as { body?: string }).body));
    const linked = bodies.filter((b) => b.includes('runs in its Step Functions execution ['));
    expect(linked.length, bodies.join('\n-----\n')).toBeGreaterThanOrEqual(2);
    expect(linked.some((b) => /▲ up `1\.2\.0`\*\* runs in its Step Functions execution \[dm-/.test(b))).toBe(true);
    expect(linked.some((b) => /pass 1: \d\/4 segments, [\d,]+ items scanned/.test(b))).toBe(true);
    const last = bodies.at(-1)!;
    expect(last).toContain('✅ applied');
    expect(last).not.toContain('runs in its Step Functions execution [');
    expect(last).toMatch(/\*\*Step Functions:\*\* .*\[up 1\.2\.0\]\(https:\/\/us-east-1\.console\.aws\.amazon\.com/);
    expect(await counted(d.table)).toEqual([]);
    expect(
      sfn.executions().filter((e) => e.stateMachineArn === d.stateMachineArn && e.status === 'SUCCEEDED'),
    ).toHaveLength(3);
  }, 300_000);

  test('wait: false returns running; command stop records it incomplete and frees the lock; resume: true finishes it', async () => {
    const d = await deployed();
    const ws = dirname(d.manifest);
    const dispatch = (inputs: Record<string, string>) =>
      runAction({
        workspace: ws,
        github: gh,
        dynamodb: localEndpoint(),
        event: 'workflow_dispatch',
        payload: {},
        inputs: { manifest: 'manifest.yaml', environment: 'dev', ...inputs },
        env: stepEnv(),
      });
    const first = await dispatch({ command: 'to', version: '1.1.0' });
    expect(first.code, first.stderr).toBe(0);

    const detached = await dispatch({ command: 'apply', wait: 'false' });
    expect(detached.code, detached.stderr).toBe(0);
    expect(detached.outputs.status).toBe('running');
    expect(detached.summary).toContain('Running in its Step Functions execution');
    expect(detached.summary).toMatch(/\[up 1\.2\.0\]\(https:\/\/us-east-1\.console\.aws\.amazon\.com\/states\//);
    const running = sfn.executions().find((e) => e.stateMachineArn === d.stateMachineArn && e.status === 'RUNNING');
    expect(running?.name).toMatch(/-1-2-0-up-/);
    await sfn.invocationStarted((i) => i.stateName === 'Segment' && i.functionName.endsWith(`:${d.functionName}`));

    const stopped = await dispatch({ command: 'stop', reason: 'on-call: paging' });
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.summary).toMatch(/execution dm-[\w-]+ stopped; the step is recorded incomplete/);
    expect((await sfn.finished(running!.arn)).status).toBe('ABORTED');
    const partly = await versions(d.table);
    expect(partly.find((v) => v.startsWith('1.2.0:'))).toMatch(/^1\.2\.0:incomplete/);
    expect((await items(d.table)).filter((i) => i.pk === '_migration_lock')).toEqual([]);

    // Without resume the failed state blocks (exit 1) and writes nothing; with it the step goes on from its checkpoints.
    const blocked = await dispatch({ command: 'apply' });
    expect(blocked.code).toBe(1);
    expect(blocked.summary).toContain('apply --resume');
    const resumed = await dispatch({ command: 'apply', resume: 'true' });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.outputs.status).toBe('applied');
    expect(await counted(d.table)).toEqual([]);
    expect(await versions(d.table)).toContain('1.2.0:success');
    expect((await items(d.table)).filter((i) => i.pk === '_migration_lock')).toEqual([]);
  }, 300_000);
});
