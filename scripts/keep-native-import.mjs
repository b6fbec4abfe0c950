import { readFileSync, writeFileSync } from 'node:fs';

/**
 * jiti (which loads migration files) imports native modules with `import(id)`; ncc turns that
 * into a lookup of its own bundled modules, which has none, so from the bundle a migration
 * importing `node:path`, `crypto` or a package such as dynamodb-onetable failed with "Cannot
 * find module". Put Node's own dynamic import back. The build fails if jiti's code changes
 * shape, rather than shipping the bug again (test/cli/bundle-loader.test.ts runs the bundle).
 */
export function keepNativeImport(file) {
  const code = readFileSync(file, 'utf8');
  const rewritten = /const nativeImport = \(id\) => __nccwpck_require__\(\d+\)\(id\);/g;
  const found = code.match(rewritten) ?? [];
  if (found.length !== 1)
    throw new Error(
      `${file}: expected jiti's nativeImport once, found ${found.length}: check how ncc bundles jiti/static`,
    );
  writeFileSync(file, code.replace(rewritten, 'const nativeImport = (id) => import(id);'));
}
