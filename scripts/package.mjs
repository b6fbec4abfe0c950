// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
// Both run with plain `node` and need no node_modules.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const targets = [
  ['src/action/index.ts', 'dist'],
  ['src/cli/index.ts', 'dist/cli'],
];
for (const [entry, out] of targets) {
  if (!existsSync(entry)) {
    console.error(`skip ${entry} (missing)`);
    continue;
  }
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });
}
rmSync('dist/cli/licenses.txt', { force: true });
