// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
// Both run with plain `node` and need no node_modules. Type errors are `npm run typecheck`'s job,
// so the bundle does not depend on every test file compiling.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

// Start clean, so no chunk of an earlier build lingers in dist/.
rmSync('dist', { recursive: true, force: true });
const targets = [
  ['src/action/index.ts', 'dist'],
  ['src/cli/index.ts', 'dist/cli'],
];
for (const [entry, out] of targets) {
  if (!existsSync(entry)) {
    console.error(`skip ${entry} (missing)`);
    continue;
  }
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet', '--transpile-only'], { stdio: 'inherit' });
}
rmSync('dist/cli/licenses.txt', { force: true });
