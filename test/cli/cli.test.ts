import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, runCliInProcess } from '../support/cli';
import { createTestTable, localClient, localEndpoint, scanAll } from '../support/dynamodb-local';
import { copyProject } from '../support/project';

async function setup() {
  const client = localClient();
  const table = await createTestTable(client);
  const { dir, manifest } = copyProject('basic', table);
  const flags = ['--manifest', manifest, '--endpoint', localEndpoint()];
  // In this process (no TypeScript loading per call); the bin itself is covered by the test below.
  const cli = (...args: string[]) => runCliInProcess([...flags, ...args]);
  return { client, table, dir, manifest, flags, cli };
}

describe('dynamodb-migrate CLI', () => {
  test("the bin (src/cli/index.ts in a child process) exits with the command's code and prints what runCli prints", async () => {
    const { flags, cli } = await setup();
    const [plan, bad] = await Promise.all([runCli([...flags, 'plan', '--json']), runCli(['frobnicate'])]);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ currentVersion: '0.0.0', targetVersion: '1.2.0', direction: 'up' });
    expect(plan.stdout).toBe((await cli('plan', '--json')).stdout);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("unknown command 'frobnicate'");
  });

  test('plan --json, apply, status --json', async () => {
    const { cli } = await setup();
    const plan = await cli('plan', '--json');
    expect(plan.code).toBe(0);
    const p = JSON.parse(plan.stdout);
    expect(p).toMatchObject({ currentVersion: '0.0.0', targetVersion: '1.2.0', direction: 'up' });
    expect(p.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(p.steps[0]).toMatchObject({ version: '1.0.0', direction: 'up', description: 'Create the status record' });
    expect(p.steps[0].checksum).toMatch(/^sha256:/);
    expect(Array.isArray(p.warnings)).toBe(true);

    const apply = await cli('apply', '--json');
    expect(apply.code).toBe(0);
    expect(JSON.parse(apply.stdout).status).toBe('applied');
    expect(apply.stderr).toContain('1.0.0');

    const status = await cli('status', '--json');
    const s = JSON.parse(status.stdout);
    expect(s).toMatchObject({
      currentVersion: '1.2.0',
      targetVersion: '1.2.0',
      outstanding: [],
      lock: null,
      failed: null,
    });
    expect(s.applied.map((a: { version: string }) => a.version)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
  });

  test('a held lock exits 3 naming the holder; unlock needs its id', async () => {
    const { StateStore } = await import('../../src/dynamodb/state/state-store');
    const env = await setup();
    const store = new StateStore(env.client, env.table);
    const lock = await store.acquireLock({
      owner: 'ci-run-42',
      command: 'apply',
      runUrl: 'https://github.com/o/r/actions/runs/42',
      leaseMs: 600_000,
    });
    const r = await env.cli('apply');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ci-run-42');
    expect(r.stderr).toContain(lock.lockId);
    expect((await env.cli('unlock', 'not-the-id')).code).toBe(2);
    expect((await env.cli('unlock', lock.lockId)).code).toBe(0);
    expect((await env.cli('apply')).code).toBe(0);
  });

  test('a changed applied file stops plan and apply with exit 4 and both checksums', async () => {
    const { cli, dir } = await setup();
    expect((await cli('apply')).code).toBe(0);
    appendFileSync(join(dir, '1.1.0-counter.js'), '\n// changed\n');
    const plan = await cli('plan');
    expect(plan.code).toBe(4);
    expect(plan.stdout).toMatch(
      /1\.1\.0-counter\.js changed after version 1\.1\.0 was applied \(recorded sha256:[0-9a-f]{64}, file now sha256:[0-9a-f]{64}\)/,
    );
    expect((await cli('apply')).code).toBe(4);
    expect((await cli('repair', '--version', '1.1.0', '--mark', 'applied', '--reason', 'comment only')).code).toBe(0);
    expect((await cli('plan')).code).toBe(0);
    const log = await cli('log', '--json');
    expect(JSON.parse(log.stdout)[0]).toMatchObject({ event: 'repair', reason: 'comment only' });
  });

  test('bad migration files: every problem at once, exit 2, nothing written', async () => {
    const { cli, dir, client, table } = await setup();
    const before = await scanAll(client, table);
    writeFileSync(join(dir, '1.3.0-bad.ts'), "export default { version: '1.3.1', description: 'x', up() {} }\n");
    writeFileSync(join(dir, '1.4.0-syntax.ts'), 'export default {{{\n');
    writeFileSync(join(dir, '1.5.0-noup.ts'), "export default { version: '1.5.0', down() {} }\n");
    for (const command of [['lint'], ['apply'], ['plan']]) {
      const r = await cli(...command);
      expect(r.code).toBe(2);
      const out = r.stdout + r.stderr;
      expect(out).toContain('1.3.0-bad.ts');
      expect(out).toContain('file name says 1.3.0 but the migration says version "1.3.1"');
      expect(out).toContain('has no down');
      expect(out).toContain('1.4.0-syntax.ts: cannot be loaded');
      expect(out).toContain('1.5.0-noup.ts: has no up');
    }
    expect(await scanAll(client, table)).toEqual(before);
  });

  test('lint reports manifest and migration-file problems together', async () => {
    const { cli, dir, manifest } = await setup();
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('target: 1.1.0', 'target: 7.0.0'));
    writeFileSync(join(dir, '1.3.0-dup.ts'), "export default { version: '1.2.0', up() {}, down() {} }\n");
    writeFileSync(join(dir, '1.4.0-noexport.ts'), 'export const x = 1;\n');
    const r = await cli('lint', '--json');
    expect(r.code).toBe(2);
    const { problems } = JSON.parse(r.stdout) as { problems: string[] };
    expect(problems.some((p) => p.includes('environments.production.target') && p.includes('7.0.0'))).toBe(true);
    expect(problems.some((p) => p.includes('1.3.0-dup.ts') && p.includes('also declared by'))).toBe(true);
    expect(problems.some((p) => p.includes('1.4.0-noexport.ts') && p.includes('no default export'))).toBe(true);
    writeFileSync(manifest, 'version: 1\nenvironments:\n  dev: { table: x, colour: red }\n');
    const both = await cli('lint');
    expect(both.code).toBe(2);
    expect(both.stdout).toContain('unknown key "colour"');
    expect(both.stdout).toContain('1.3.0-dup.ts');
  });

  test('bad flags and manifests exit 2 with one clear message', async () => {
    const { cli, manifest } = await setup();
    expect((await runCliInProcess(['frobnicate'])).code).toBe(2);
    const to = await cli('to');
    expect(to.code).toBe(2);
    expect(to.stderr).toContain("missing required argument 'version'");
    const bogus = await cli('to', '9.9.9');
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('no migration file for version 9.9.9');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('target: latest', 'target: banana\n    colour: red'),
    );
    const m = await cli('plan');
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('environments.dev.target');
    expect(m.stderr).toContain('unknown key "colour"');
    const missing = await runCliInProcess(['--manifest', '/nonexistent/manifest.yaml', 'plan']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/manifest.yaml: manifest not found');
  });

  test('protected environment: reset refused, down needs --confirm <table>', async () => {
    const { cli, manifest } = await setup();
    const reset = await cli('--env', 'production', 'reset', '--yes');
    expect(reset.code).toBe(2);
    expect(reset.stderr).toContain('protected');
    const down = await cli('--env', 'production', 'down', '--yes');
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('--confirm basic-prod');
    void manifest;
  });

  test('generate writes a stub with the next version', async () => {
    const { cli, dir } = await setup();
    const r = await cli('generate', 'add-gsi-keys', '--bump', 'patch');
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toContain('1.2.1-add-gsi-keys.ts');
    expect((await cli('lint')).code).toBe(0);
  });

  test('dry run reports the steps and writes nothing', async () => {
    const { cli, client, table } = await setup();
    const before = await scanAll(client, table);
    const r = await cli('apply', '--dry-run', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).steps).toHaveLength(3);
    expect(await scanAll(client, table)).toEqual(before);
  });
});

describe('CLI conventions', () => {
  test('--help, help <command> and <command> --help print on stdout and exit 0', async () => {
    const global = await runCliInProcess(['--help']);
    expect(global.code).toBe(0);
    expect(global.stderr).toBe('');
    expect(global.stdout).toContain('Usage: dynamodb-migrate [options] [command]');
    expect(global.stdout).toMatch(/^ {2}validate \[options\]/m);
    for (const args of [
      ['plan', '--help'],
      ['help', 'plan'],
      ['--env', 'nosuch', 'plan', '-h'],
    ]) {
      const r = await runCliInProcess(args);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(r.stdout).toContain('Usage: dynamodb-migrate plan [options]');
    }
  });

  test('an unknown command is an error on stderr naming it, exit 2, also with --help; a near miss is named', async () => {
    for (const args of [
      ['nosuch'],
      ['nosuch', '--help'],
      ['--help', 'nosuch'],
      ['help', 'nosuch'],
      ['--manifest', 'm.yaml', 'nosuch', '-h'],
    ]) {
      const r = await runCliInProcess(args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^error: unknown command 'nosuch'\n/);
      expect(r.stderr).not.toContain('Usage:');
    }
    const typo = await runCliInProcess(['stauts', '--help']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("error: unknown command 'stauts'\n(Did you mean status?)");
  });

  test('the bin: --help on stdout with exit 0, so `dynamodb-migrate --help | less` shows it; nosuch --help exits 2', async () => {
    const [help, bad] = await Promise.all([runCli(['--help']), runCli(['nosuch', '--help'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dynamodb-migrate [options] [command]');
    expect(help.stderr).not.toContain('Usage:');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("error: unknown command 'nosuch'");
  });
});
