import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT, runCliInProcess } from '../support/cli';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

test('--version and -V print the release on stdout and exit 0; the program help lists it', async () => {
  for (const args of [['--version'], ['-V'], ['--manifest', 'x.yaml', '--version']]) {
    const r = await runCliInProcess(args);
    expect(r.stdout).toBe(`${version}\n`);
    expect(r.code).toBe(0);
  }
  const help = await runCliInProcess(['--help']);
  expect(help.stdout).toMatch(/-V, --version\s+print the version/);
});

test("after a command word, --version is the command's own flag (repair, schema), not the release", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-version-'));
  writeFileSync(
    join(dir, 'manifest.yaml'),
    'version: 1\nmigrations: .\nenvironments:\n  dev:\n    table: version-dev\n',
  );
  const schema = await runCliInProcess(['--manifest', join(dir, 'manifest.yaml'), 'schema', '--version', '9.9.9']);
  expect(schema.stdout).not.toContain(version);
  expect(schema.stderr).toContain('schema --version 9.9.9: no migration file for that version.');
  expect(schema.code).toBe(2);
  const repairHelp = await runCliInProcess(['repair', '--help']);
  expect(repairHelp.stdout).toMatch(/--version <version>\s+the version to mark/);
  expect(repairHelp.stdout).not.toContain('print the version');
});
