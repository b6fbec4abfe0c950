import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checksumOf, treeChecksumOf } from '../core/checksum';

/**
 * The files a migration runs: its own file and every local module it imports (relative
 * specifiers, followed recursively; packages are not local and are left out), each checksummed
 * from its bytes. Specifiers are found by a scan of the text rather than a parser, so that every
 * command can afford it: a commented-out import of a file that exists is counted too, which can
 * only make drift stricter, never miss it.
 */

/** `import … from './x'`, `export … from './x'`, `import './x'`, `import('./x')`, `require('./x')`. */
const SPECIFIER = /(?:\bfrom|\bimport|\bimport\s*\(|\brequire\s*\()\s*(['"`])(\.{1,2}\/[^'"`\n]*)\1/g;

const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'];

/** The checksums of a migration file and of what it imports. */
export interface MigrationChecksums {
  /** Tree checksum, or the file's own when it imports no local file. */
  checksum: string;
  /** `sha256:<hex>` of the migration file alone. */
  fileChecksum: string;
  /** Per-file checksums (the migration by its name), set only when it imports local files. */
  sources?: Record<string, string> | undefined;
}

/** The relative specifiers in a module's text. */
export function localSpecifiers(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(SPECIFIER)) if (m[2]) out.add(m[2]);
  return [...out];
}

/** The file a relative specifier names, as TypeScript and jiti resolve it; undefined when none. */
export function resolveLocal(fromFile: string, spec: string): string | undefined {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    // TypeScript's ESM style: `./x.js` written for `./x.ts`.
    ...(/\.[mc]?js$/.test(base) ? ['.ts', '.mts', '.cts'].map((e) => base.replace(/\.[mc]?js$/, e)) : []),
    ...EXTENSIONS.map((e) => join(base, `index${e}`)),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile() && !c.split(sep).includes('node_modules'));
}

/** Every local file reachable from a migration file by relative imports, the file itself first. */
export function localModulesOf(path: string, read: (p: string) => string = (p) => readFileSync(p, 'utf8')): string[] {
  const seen = new Set<string>([path]);
  const queue = [path];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (file.endsWith('.json')) continue;
    for (const spec of localSpecifiers(read(file))) {
      const found = resolveLocal(file, spec);
      if (found && !seen.has(found)) {
        seen.add(found);
        queue.push(found);
      }
    }
  }
  return [...seen];
}

/** The checksums recorded for a migration file: the file alone, and the file with its imports. */
export function migrationChecksums(path: string, bytes: Buffer = readFileSync(path)): MigrationChecksums {
  const fileChecksum = checksumOf(bytes);
  const files = localModulesOf(path, (p) => (p === path ? bytes.toString('utf8') : readFileSync(p, 'utf8')));
  if (files.length === 1) return { checksum: fileChecksum, fileChecksum };
  const dir = dirname(path);
  const sources: Record<string, string> = {};
  for (const f of files)
    sources[relative(dir, f).split(sep).join('/')] = f === path ? fileChecksum : checksumOf(readFileSync(f));
  return { checksum: treeChecksumOf(fileChecksum, sources), fileChecksum, sources };
}
