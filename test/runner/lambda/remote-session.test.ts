import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../../src/core/logger';
import { runCli } from '../../../src/cli/program';
import { openLocalSession as openSession } from '../../support/session';
import { openLambdaSession as openRemoteSession } from '../../support/session';
import { deployController, statusItem, type DeployedController } from '../../support/controller-fixture';
import { scanAll } from '../../support/dynamodb-local';
import { StateStore } from '../../../src/dynamodb/state/state-store';
import { startLambdaStub, type LambdaStub } from '../../support/lambda-stub';

let stub: LambdaStub;
beforeAll(async () => {
  stub = await startLambdaStub();
});
afterAll(async () => {
  await stub?.stop();
});

const remote = (
  d: DeployedController,
  opts: { dryRun?: boolean; lockTimeoutMs?: number; fanOut?: { segments: number } | undefined } = {},
) => openRemoteSession(d.project, 'dev', { client: d.lambda, log: silentLogger, actor: 'ci@example', ...opts });

describe('runner: lambda (our protocol)', () => {
  test('a held lock is waited for up to the lock timeout, and exits 3 without one', async () => {
    const d = await deployController(stub);
    const store = new StateStore(d.dynamo, d.table);
    const held = await store.acquireLock({ owner: 'someone-else', command: 'apply', leaseMs: 60_000 });
    const plan = await remote(d).plan({ command: 'apply' });

    // As a local run: the held lock is thrown (LockHeldError, exit 3), naming the holder.
    const refused = await remote(d)
      .apply(plan)
      .then(
        () => undefined,
        (e: unknown) => e as Error & { exitCode?: number },
      );
    expect(refused?.name).toBe('LockHeldError');
    expect(refused?.exitCode).toBe(3);
    expect(refused?.message).toContain('someone-else');
    expect((await store.readState()).records).toEqual([]);

    // The other run lets go a moment after this one starts waiting.
    const waiting = remote(d, { lockTimeoutMs: 30_000 }).apply(plan);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await store.readState()).records).toEqual([]);
    await store.releaseLock(held.lockId);
    const report = await waiting;
    expect(report.status).toBe('applied');
    expect(report.finalVersion).toBe('1.2.0');
    expect((await store.readState()).records.map((r) => r.version)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
  });

  test("--segments without a state machine is bad input (fan-out is the state machine's), nothing written", async () => {
    const d = await deployController(stub);
    const s = remote(d, { fanOut: { segments: 4 } });
    const refused = await s.apply(await s.plan({ command: 'apply' })).then(
      () => undefined,
      (e: unknown) => e as Error & { exitCode?: number },
    );
    expect(refused?.exitCode).toBe(2);
    expect(refused?.message).toContain('needs state-machine: <ARN>');
    expect((await new StateStore(d.dynamo, d.table).readState()).records).toEqual([]);
  });

  test('plans and applies through the function with the same plan and report as a local run', async () => {
    const d = await deployController(stub);
    const s = remote(d);
    const plan = await s.plan({ command: 'apply' });
    // The same files, the same state: the same plan hash as the local engine computes.
    const local = await openSession(d.project, 'dev', { client: d.dynamo, log: silentLogger }).plan({
      command: 'apply',
    });
    expect(plan.hash).toBe(local.hash);
    expect(plan.steps.map((x) => `${x.direction} ${x.version}`)).toEqual(['up 1.0.0', 'up 1.1.0', 'up 1.2.0']);
    expect(plan.warnings.filter((w) => w.code === 'controller-differs')).toEqual([]);
    const report = await s.apply(plan, { expectedHash: plan.hash });
    expect(report.status).toBe('applied');
    expect(report.steps.map((x) => x.status)).toEqual(['applied', 'applied', 'applied']);
    expect(report.exitCode ?? 0).toBe(0);
    const state = await s.readState();
    expect(state.records.map((r) => [r.version, r.status, r.actor])).toEqual([
      ['1.0.0', 'success', 'ci@example'],
      ['1.1.0', 'success', 'ci@example'],
      ['1.2.0', 'success', 'ci@example'],
    ]);
    expect((await s.status()).currentVersion).toBe('1.2.0');
    expect((await s.readLog()).some((e) => e.event === 'apply-end' && e.outcome === 'applied')).toBe(true);
  });

  test('a function error is a failed report with the remote message, never a success', async () => {
    const d = await deployController(stub, { env: { FAIL_110: '1' } });
    const s = remote(d);
    const report = await s.apply(await s.plan({ command: 'apply' }));
    expect(report.status).toBe('failed');
    expect(report.error).toContain('boom in 1.1.0');
    expect(report.exitCode).toBe(1);

    // The function crashes outright (here: its time limit): the Lambda error payload, not a body.
    const fresh = await deployController(stub);
    const slow = await deployController(stub, { timeoutMs: 1, table: fresh.table });
    const crashed = await remote(slow).apply(await remote(fresh).plan({ command: 'apply' }));
    expect(crashed.status).toBe('failed');
    expect(crashed.error).toMatch(/Task timed out/);
    await expect(remote(slow).plan({ command: 'apply' })).rejects.toThrow(/Task timed out/);
  });

  test('a dry run reaches the function and writes nothing', async () => {
    const d = await deployController(stub);
    const before = await scanAll(d.dynamo, d.table);
    const s = remote(d, { dryRun: true });
    const report = await s.apply(await s.plan({ command: 'apply' }));
    expect(report.status).toBe('dry-run');
    expect(report.steps).toHaveLength(3);
    expect(
      stub.invocations
        .filter((i) => i.functionName === d.functionName && i.event.cmd === 'dm:apply')
        .map((i) => i.event.dry),
    ).toEqual([true]);
    expect(await scanAll(d.dynamo, d.table)).toEqual(before);
  });

  test('the CLI plans and applies through the function when the environment says runner: lambda', async () => {
    const d = await deployController(stub);
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_LAMBDA: stub.endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'us-east-1',
    });
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await runCli(['--manifest', d.manifest, '--json', 'plan'])).toBe(0);
      const plan = JSON.parse(out.join(''));
      out.length = 0;
      expect(plan.steps).toHaveLength(3);
      expect(await runCli(['--manifest', d.manifest, '--json', '--yes', 'apply', '--plan', plan.hash])).toBe(0);
      expect(JSON.parse(out.join('')).status).toBe('applied');
      out.length = 0;
      expect(await runCli(['--manifest', d.manifest, '--json', '--yes', 'down'])).toBe(0);
      expect(JSON.parse(out.join('')).status).toBe('applied');
    } finally {
      process.stdout.write = write;
      process.env = saved;
    }
    // The run is driven from here, as a local run: the lock first, then each step's record, work
    // and outcome in the controller (dm:step, dm:body, dm:step), the release, the version read back.
    const step = ['dm:renew', 'dm:step', 'dm:body', 'dm:step'];
    const run = (steps: number) => [
      'dm:lock',
      'dm:plan',
      'dm:audit',
      ...Array.from({ length: steps }, () => step).flat(),
      'dm:release',
      'dm:audit',
      'getCurrentVersion',
    ];
    expect(stub.invocations.filter((i) => i.functionName === d.functionName).map((i) => i.event.cmd)).toEqual([
      'dm:plan',
      'dm:plan',
      ...run(3),
      'dm:plan',
      ...run(1),
    ]);
    expect((await statusItem(d)).ups110).toBe(1);
  });
});

describe('runner: lambda, protocol: onetable', () => {
  test('plans from getPastMigrations/getCurrentVersion/getOutstandingVersions and applies one version per call', async () => {
    const d = await deployController(stub, { protocol: 'onetable' });
    const s = remote(d);
    const plan = await s.plan({ command: 'to', version: '1.1.0' });
    expect(plan.steps.map((x) => `${x.direction} ${x.version}`)).toEqual(['up 1.0.0', 'up 1.1.0']);
    const report = await s.apply(plan);
    expect(report.status).toBe('applied');
    const calls = stub.invocations
      .filter((i) => i.functionName === d.functionName && i.event.cmd === 'apply')
      .map((i) => i.event.args);
    expect(calls).toEqual([
      { action: 'up', version: '1.0.0', params: { dry: false } },
      { action: 'up', version: '1.1.0', params: { dry: false } },
    ]);
    const down = await s.plan({ command: 'down' });
    expect(down.steps.map((x) => `${x.direction} ${x.version}`)).toEqual(['down 1.1.0']);
    expect((await s.apply(down)).status).toBe('applied');
    expect((await s.readState()).records.map((r) => r.version)).toEqual(['1.0.0']);
    expect((await statusItem(d)).ups110).toBeUndefined();
  });

  test('a failing OneTable apply is reported failed with the remote message', async () => {
    const d = await deployController(stub, { protocol: 'onetable', env: { FAIL_110: '1' } });
    const s = remote(d);
    const report = await s.apply(await s.plan({ command: 'to', version: '1.1.0' }));
    expect(report.status).toBe('failed');
    expect(report.steps.map((x) => x.status)).toEqual(['applied', 'failed']);
    expect(report.error).toContain('boom in 1.1.0');
    expect(report.exitCode).toBe(1);
  });
});
