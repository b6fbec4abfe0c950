import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * jiti (which loads migration files) imports native modules with `import(id)`; ncc turns that
 * into a lookup of its own bundled modules, which has none, so from the bundle a migration
 * importing `node:path`, `crypto` or a package such as dynamodb-onetable failed with "Cannot
 * find module". Put Node's own dynamic import back, in the entry `file` and in the chunks ncc
 * wrote beside it (`<id>.index.js`: what is imported on demand, where jiti lives once the CLI
 * loads a command's code when it runs). The build fails if jiti's code changes shape, rather
 * than shipping the bug again (test/cli/bundle-loader.test.ts runs the bundle).
 */
export function keepNativeImport(file) {
  const dir = dirname(file);
  const chunk = new RegExp(`^\\d+\\.${basename(file).replace('.', '\\.')}$`);
  const files = [
    file,
    ...readdirSync(dir)
      .filter((n) => chunk.test(n))
      .map((n) => join(dir, n)),
  ];
  // In the entry the bundle's require is __nccwpck_require__; inside a chunk's modules, __webpack_require__.
  const rewritten = /const nativeImport = \(id\) => __(?:nccwpck|webpack)_require__\(\d+\)\(id\);/g;
  let found = 0;
  for (const f of files) {
    const code = readFileSync(f, 'utf8');
    const all = code.match(/const nativeImport = /g) ?? [];
    const ours = code.match(rewritten) ?? [];
    if (all.length !== ours.length)
      throw new Error(`${f}: jiti's nativeImport in a shape not known here: check how ncc bundles jiti`);
    if (!ours.length) continue;
    found += ours.length;
    writeFileSync(f, code.replace(rewritten, 'const nativeImport = (id) => import(id);'));
  }
  if (!found)
    throw new Error(`${file}: jiti's nativeImport not found in the bundle or its chunks: check how ncc bundles jiti`);
}
