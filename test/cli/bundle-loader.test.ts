import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../support/cli';

// The bundled CLI (dist/cli/index.js, what the action and users run) loads migrations that
// import Node's built-ins, with or without the node: prefix, and our own module: a bundler
// once turned jiti's native import into a lookup of its own modules, which failed for them.
test('the bundled CLI loads migrations that import node built-ins', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bundle-loader-'));
  writeFileSync(
    join(dir, 'manifest.yaml'),
    'version: 1\nmigrations: .\nenvironments:\n  dev:\n    table: loader-dev\n',
  );
  writeFileSync(
    join(dir, '1.0.0-builtins.ts'),
    [
      "import { join } from 'node:path';",
      "import { createHash } from 'crypto';",
      "import { defineMigration } from 'dynamodb-migrate';",
      "export default defineMigration({ version: '1.0.0', description: join('a', createHash('sha1').update('x').digest('hex').slice(0, 6)), async up() {}, async down() {} });",
    ].join('\n'),
  );
  const r = await runCli(['--manifest', join(dir, 'manifest.yaml'), '--json', 'lint'], { bundle: true });
  expect(r.stderr).not.toMatch(/Cannot find module/);
  expect(JSON.parse(r.stdout)).toEqual({ ok: true, problems: [], findings: [] });
  expect(r.code).toBe(0);
});
