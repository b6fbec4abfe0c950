// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc; both run with
// plain `node` and need no node_modules. Builds the library (dist/lib/index.js, ESM) with its
// runtime dependencies left as imports, since they are installed with the package, and its type
// declarations (dist/lib/types). Type errors are `npm run typecheck`'s job, so the bundles do not
// depend on every test file compiling.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { keepNativeImport } from './keep-native-import.mjs';

// Start clean, so no chunk of an earlier build lingers in dist/.
rmSync('dist', { recursive: true, force: true });
const ncc = (entry, out, extra) =>
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--quiet', '--transpile-only', ...extra], {
    stdio: 'inherit',
  });
const targets = [
  ['src/action/index.ts', 'dist'],
  ['src/cli/index.ts', 'dist/cli'],
];
for (const [entry, out] of targets) {
  if (!existsSync(entry)) {
    console.error(`skip ${entry} (missing)`);
    continue;
  }
  ncc(entry, out, ['--license', 'licenses.txt']);
  keepNativeImport(join(out, 'index.js'));
}
rmSync('dist/cli/licenses.txt', { force: true });

const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
ncc(
  'src/index.ts',
  'dist/lib',
  Object.keys(dependencies).flatMap((d) => ['-e', d]),
);
// The library must stay one file: webpack loads a chunk by a computed import() path, which a
// bundler of the library (build-controller's ncc) turns into a context of every file in dist/lib,
// declarations included. A lazy import() in code the library reaches needs webpackMode "eager".
const libChunks = readdirSync('dist/lib').filter((f) => f.endsWith('.js') && f !== 'index.js');
if (libChunks.length) {
  console.error(
    `dist/lib has chunks (${libChunks.join(', ')}): mark the library's lazy import() /* webpackMode: "eager" */.`,
  );
  process.exit(1);
}
execFileSync('npx', ['tsc', '-p', 'tsconfig.lib.json'], { stdio: 'inherit' });
addExtensions('dist/lib/types');

/**
 * tsc keeps the source's extensionless relative imports (`./core/types`), which TypeScript
 * projects with `moduleResolution: node16/nodenext` cannot follow in an ESM package: name the
 * `.js` file (or the folder's `index.js`) whose declarations sit beside it.
 */
function addExtensions(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      addExtensions(path);
      continue;
    }
    if (!entry.name.endsWith('.d.ts')) continue;
    const text = readFileSync(path, 'utf8').replace(
      /(from |import\()(['"])(\.\.?\/[^'"]*)\2/g,
      (_, lead, quote, spec) => {
        if (spec.endsWith('.js')) return `${lead}${quote}${spec}${quote}`;
        const base = join(dirname(path), spec);
        if (existsSync(`${base}.d.ts`)) return `${lead}${quote}${spec}.js${quote}`;
        if (existsSync(join(base, 'index.d.ts'))) return `${lead}${quote}${spec}/index.js${quote}`;
        throw new Error(`${path}: no declarations for ${spec}`);
      },
    );
    writeFileSync(path, text);
  }
}
