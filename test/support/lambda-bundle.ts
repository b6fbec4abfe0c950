import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..');
// Inside the repository, so what the bundle leaves external resolves from its node_modules.
const CACHE = join(ROOT, 'node_modules', '.cache', 'dm-lambda-stub');
const JS = new Set(['.js', '.mjs', '.cjs']);
// jiti loads its transformer relative to its own files: it must stay a package of node_modules.
const EXTERNAL = ['jiti'];

/** What a cache entry records: the bundle, and every input it was built from with a hash of its bytes. */
interface Entry {
  bundle: string;
  inputs: Record<string, string>;
  dirs: Record<string, string>;
}

const built = new Map<string, Promise<string>>();

/**
 * The file a Lambda stand-in runs with plain `node` for `module`: a module that is already
 * JavaScript as it is, TypeScript as one ESM bundle (npm packages included) built by esbuild
 * once per process and kept under node_modules/.cache/dm-lambda-stub, keyed by the content of
 * everything it was built from, so later runs reuse it while nothing changed.
 */
export function handlerBundle(module: string): Promise<string> {
  if (JS.has(extname(module))) return Promise.resolve(module);
  let p = built.get(module);
  if (!p) {
    p = cachedOrBuild(module);
    built.set(module, p);
    // A failed build (a source being edited, say) is tried again at the next invocation.
    p.catch(() => built.delete(module));
  }
  return p.then((bundle) => {
    // Marks the bundle as in use, so that another process's pruning leaves it alone.
    try {
      utimesSync(bundle, new Date(), new Date());
    } catch {
      // Gone (pruned regardless): build it again.
      built.delete(module);
      return handlerBundle(module);
    }
    return bundle;
  });
}

async function cachedOrBuild(module: string): Promise<string> {
  const entryFile = join(CACHE, `${basename(module, extname(module))}-${hash(module).slice(0, 12)}.json`);
  const cached = readEntry(entryFile);
  if (cached && current(cached)) return join(CACHE, cached.bundle);
  const t0 = Date.now();
  const result = await build({
    entryPoints: [module],
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Bundling renames clashing classes (PutItemCommand4): keep `.name`, which the runner reads (a dry run's read-only client).
    keepNames: true,
    // Bundled CommonJS packages require node builtins.
    banner: {
      js: "import { createRequire as __stubCreateRequire } from 'node:module'; const require = __stubCreateRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    outfile: join(CACHE, 'bundle.mjs'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.mjs'))!.text;
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'))!.text;
  const name = `${basename(module, extname(module))}-${hash(js).slice(0, 16)}.mjs`;
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(join(CACHE, name))) {
    writeAtomic(join(CACHE, `${name}.map`), map);
    writeAtomic(
      join(CACHE, name),
      js.replace(/\/\/# sourceMappingURL=bundle\.mjs\.map\s*$/, `//# sourceMappingURL=${name}.map\n`),
    );
  }
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = isAbsolute(input) ? input : join(ROOT, input);
    inputs[path] = hashFile(path) ?? '';
  }
  writeAtomic(entryFile, JSON.stringify({ bundle: name, inputs, dirs: listings(Object.keys(inputs)) } satisfies Entry));
  prune();
  if (process.env.LAMBDA_STUB_DEBUG)
    process.stderr.write(`[lambda-stub] bundled ${module} -> ${join(CACHE, name)} in ${Date.now() - t0} ms\n`);
  return join(CACHE, name);
}

/** Removes bundles no entry names any more and no process has started for an hour. */
function prune(): void {
  try {
    const files = readdirSync(CACHE);
    const kept = new Set(files.filter((f) => f.endsWith('.json')).map((f) => readEntry(join(CACHE, f))?.bundle));
    for (const f of files) {
      const bundle = f.replace(/\.map$/, '');
      if (!bundle.endsWith('.mjs') || kept.has(bundle)) continue;
      // A map goes with its bundle, whose time is touched at each use.
      const path = join(CACHE, f);
      const used = existsSync(join(CACHE, bundle)) ? join(CACHE, bundle) : path;
      if (Date.now() - statSync(used).mtimeMs > 60 * 60_000) rmSync(path, { force: true });
    }
  } catch {
    // Another process pruning at the same time.
  }
}

function readEntry(file: string): Entry | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch {
    return undefined;
  }
}

/** Every input has the bytes it was built from, and no folder of ours gained or lost a file (which could change what an import resolves to). */
function current(entry: Entry): boolean {
  if (!existsSync(join(CACHE, entry.bundle))) return false;
  for (const [path, h] of Object.entries(entry.inputs)) if (hashFile(path) !== h) return false;
  const dirs = listings(Object.keys(entry.inputs));
  return (
    Object.keys(dirs).length === Object.keys(entry.dirs).length &&
    Object.entries(dirs).every(([d, h]) => entry.dirs[d] === h)
  );
}

/** A hash of the names in each folder holding an input outside node_modules. */
function listings(inputs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of new Set(inputs.filter((p) => !/[\\/]node_modules[\\/]/.test(p)).map((p) => dirname(p)))) {
    try {
      out[dir] = hash(readdirSync(dir).sort().join('\n'));
    } catch {
      out[dir] = '';
    }
  }
  return out;
}

function hashFile(path: string): string | undefined {
  try {
    return hash(readFileSync(path));
  } catch {
    return undefined;
  }
}

function hash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Concurrent test files may build the same bundle: each writes its own file and renames it into place. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
