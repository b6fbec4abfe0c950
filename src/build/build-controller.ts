import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { InputError, messageOf } from '../core/errors';
import type { Logger } from '../core/logger';
import { loadProject } from '../loader/load-project';
import { stateMachineDefinition } from '../runner/stepfunctions/definition';
import { deployTemplate, FUNCTION_ARN_PLACEHOLDER } from './deploy-template';
import { migrationChecksums } from '../loader/local-imports';

export interface BuildControllerOptions {
  manifest: string;
  /**
   * Folder to write: `index.js` (exports `handler`; Lambda's `index.handler`), the bundle it
   * loads (`controller.js`), its assets, and beside it `<out>.zip`.
   */
  out: string;
  /**
   * The module that provides createController and projectFromModules. Default: the
   * `dynamodb-migrate` package installed beside the manifest or the working directory, else the
   * package this CLI belongs to, else this repository's source.
   */
  library?: string | undefined;
  zip?: boolean | undefined;
  log?: Logger | undefined;
}

export interface BuildControllerResult {
  dir: string;
  entry: string;
  zip?: string | undefined;
  /** `<out>.asl.json`: the state machine of fanned-out steps (Amazon States Language). */
  stateMachine: string;
  /** `<out>.template.json`: a SAM template deploying the function, the state machine and their roles. */
  template: string;
  migrations: { file: string; version: string; checksum: string }[];
  tables: string[];
}

/**
 * Bundles the Lambda controller with a project's migrations into a deployable folder: a static
 * entry imports every migration file and the controller, so nothing is read from disk at run
 * time, and each migration carries the checksum of its file's bytes computed here (what the CLI
 * records). The handler serves every table named in the manifest's environments.
 */
export async function buildController(opts: BuildControllerOptions): Promise<BuildControllerResult> {
  const project = await loadProject(opts.manifest);
  const manifestDir = dirname(resolve(opts.manifest));
  const out = resolve(opts.out);
  const ncc = requireNcc(manifestDir);
  const library = opts.library ?? resolveLibrary(manifestDir);
  const all = [...project.migrations, ...(project.reset ? [project.reset] : [])];
  const migrations = all.map((m) => ({
    file: relative(manifestDir, m.path).split('\\').join('/'),
    version: m.version,
    // Checksummed again from the bytes on disk (the file and its local imports): the loader's is
    // the same, but this is what the bundle promises.
    ...migrationChecksums(m.path),
    path: m.path,
  }));
  const staging = join(out, '.build');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const entry = join(staging, 'entry.cjs');
  writeFileSync(entry, entrySource(library, project.manifest, migrations));
  let built: { code: string; assets?: Record<string, { source: string | Buffer }> };
  try {
    built = await ncc(entry, {
      cache: false,
      quiet: true,
      transpileOnly: true,
      minify: false,
      target: 'es2022',
      filterAssetBase: manifestDir,
    });
  } catch (e) {
    const message = messageOf(e);
    // ncc compiles .ts migrations with the project's own TypeScript; its message for a missing one names a file of ncc.
    if (message.includes('Could not load TypeScript compiler')) {
      throw new InputError(
        'build-controller: bundling TypeScript migrations needs typescript in this project: npm install --save-dev typescript, then run it again.',
      );
    }
    throw new InputError(`build-controller: bundling failed: ${message}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  writeFileSync(join(out, BUNDLE), built.code);
  writeFileSync(join(out, 'index.js'), HANDLER_SOURCE);
  // Lambda runs index.js as CommonJS whatever the user's package.json says.
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'commonjs', main: 'index.js' }, null, 2)}\n`);
  const files: { name: string; data: Buffer }[] = [
    { name: 'index.js', data: Buffer.from(HANDLER_SOURCE) },
    { name: BUNDLE, data: Buffer.from(built.code) },
    { name: 'package.json', data: readFileSync(join(out, 'package.json')) },
  ];
  for (const [name, asset] of Object.entries(built.assets ?? {})) {
    const path = join(out, name);
    mkdirSync(dirname(path), { recursive: true });
    const data = typeof asset.source === 'string' ? Buffer.from(asset.source) : asset.source;
    writeFileSync(path, data);
    files.push({ name, data });
  }
  let zip: string | undefined;
  if (opts.zip !== false) {
    zip = `${out}.zip`;
    writeFileSync(zip, zipOf(files));
  }
  // Beside the bundle, not in it: what deploys it.
  const stateMachine = `${out}.asl.json`;
  writeFileSync(
    stateMachine,
    `${JSON.stringify(stateMachineDefinition({ functionArn: FUNCTION_ARN_PLACEHOLDER }), null, 2)}\n`,
  );
  const template = `${out}.template.json`;
  const tables = Object.values(project.manifest.environments).map((e) => ({ table: e.table, region: e.region }));
  writeFileSync(
    template,
    `${JSON.stringify(
      deployTemplate({
        tables: [...new Map(tables.map((t) => [`${t.region}/${t.table}`, t])).values()],
        codeUri: basename(zip ?? out),
        definitionUri: basename(stateMachine),
      }),
      null,
      2,
    )}\n`,
  );
  opts.log?.info(
    `built ${relative(process.cwd(), join(out, 'index.js'))} (${migrations.length} migrations)${zip ? ` and ${relative(process.cwd(), zip)}` : ''}, the state machine ${relative(process.cwd(), stateMachine)} and the SAM template ${relative(process.cwd(), template)}`,
  );
  return {
    dir: out,
    entry: join(out, 'index.js'),
    zip,
    stateMachine,
    template,
    migrations: migrations.map(({ file, version, checksum }) => ({ file, version, checksum })),
    tables: Object.values(project.manifest.environments).map((e) => e.table),
  };
}

/** The bundle: the controller and every migration. */
const BUNDLE = 'controller.js';

/**
 * The handler file Lambda is pointed at (`index.handler`). It names the bundle's handler and
 * nothing else: a loader that imports CommonJS as ESM (`import()`, as the Lambda stand-in of the
 * tests does) scans the file it imports for its exports, which on the whole bundle (megabytes)
 * cost more than compiling it. `require()`, how Lambda's runtime loads it, is not slowed either way.
 */
const HANDLER_SOURCE = [
  '// Generated by dynamodb-migrate build-controller: the handler is in controller.js.',
  `exports.handler = require('./${BUNDLE}').handler;`,
  '',
].join('\n');

function entrySource(
  library: string,
  manifest: unknown,
  migrations: {
    file: string;
    checksum: string;
    path: string;
    fileChecksum: string;
    sources?: Record<string, string> | undefined;
  }[],
): string {
  const lines = [
    '// Generated by dynamodb-migrate build-controller: every migration imported statically.',
    `const { createController, projectFromModules } = require(${JSON.stringify(library)});`,
    `const manifest = ${JSON.stringify(manifest)};`,
    'const modules = [',
    ...migrations.map(
      (m) =>
        `  { file: ${JSON.stringify(m.file)}, checksum: ${JSON.stringify(m.checksum)}, ${m.sources ? `fileChecksum: ${JSON.stringify(m.fileChecksum)}, sources: ${JSON.stringify(m.sources)}, ` : ''}module: require(${JSON.stringify(m.path)}) },`,
    ),
    '];',
    'let project;',
    "exports.handler = createController({ project: () => (project ??= projectFromModules(manifest, modules, { manifestPath: 'manifest.yaml' })) });",
    '',
  ];
  return lines.join('\n');
}

type Ncc = (
  entry: string,
  opts: Record<string, unknown>,
) => Promise<{ code: string; assets?: Record<string, { source: string | Buffer }> }>;

/** @vercel/ncc from the user's project (the bundled CLI cannot carry it), else ours. */
function requireNcc(manifestDir: string): Ncc {
  for (const from of [...projectManifests(manifestDir), import.meta.url]) {
    try {
      return createRequire(from)('@vercel/ncc') as Ncc;
    } catch {
      /* try the next place */
    }
  }
  throw new InputError('build-controller needs @vercel/ncc: npm install --save-dev @vercel/ncc, then run it again.');
}

/**
 * The library the controller is built from, first found of: the `dynamodb-migrate` package
 * installed beside the manifest or the working directory; the package this code belongs to
 * (the installed CLI, dist/cli/index.js, bundles dist/lib/index.js of the same package); this
 * repository's source (development and tests run src/ directly).
 */
function resolveLibrary(manifestDir: string): string {
  for (const from of projectManifests(manifestDir)) {
    // In this repository `dynamodb-migrate` resolves to itself (its own package.json): that is
    // not an installed copy, and its source is what development means to bundle.
    if (packageNameAt(dirname(from)) === 'dynamodb-migrate') continue;
    try {
      return createRequire(from).resolve('dynamodb-migrate');
    } catch {
      /* not installed there */
    }
  }
  const own = ownLibrary(fileURLToPath(import.meta.url));
  if (own) return own;
  throw new InputError(
    'build-controller: cannot find the dynamodb-migrate library: install the package in the project beside the manifest (npm install --save-dev <git tag or tarball>), then run it again.',
  );
}

/**
 * `package.json` paths (they need not exist) that createRequire resolves from: the manifest's
 * folder, then the working directory. A function of its arguments, so that ncc cannot evaluate
 * the paths when bundling the CLI: it copies any file a static path expression names into the
 * bundle (it did: the repository's package.json, which then stood in for the user's cwd).
 */
function projectManifests(...dirs: string[]): string[] {
  return [...dirs, process.cwd()].map((dir) => join(dir, 'package.json'));
}

/**
 * Where this package's library lies from the folder of a module of it: from source
 * (src/build/build-controller.ts) its entry; from the CLI or action bundle (dist/cli/index.js,
 * dist/index.js) the built library. Data rather than path expressions: ncc evaluates those at
 * build time, even partly unknown ones, and copies whatever they match into the bundle.
 */
const OWN_LIBRARY = {
  source: [['..', 'index.ts']],
  bundle: [
    ['..', 'lib', 'index.js'],
    ['lib', 'index.js'],
  ],
} as const;

/** The library of the package that `self` (this module's file) belongs to, if it is there. */
function ownLibrary(self: string): string | undefined {
  const places = OWN_LIBRARY[self.endsWith('.ts') ? 'source' : 'bundle'];
  return places.map((parts) => resolve(dirname(self), ...parts)).find((path) => existsSync(path));
}

/** The `name` of the package.json that governs `dir` (Node's package scope), if any. */
function packageNameAt(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (basename(d) === 'node_modules') return undefined;
    const file = join(d, 'package.json');
    if (existsSync(file)) {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name;
      } catch {
        return undefined;
      }
    }
    if (dirname(d) === d) return undefined;
  }
}

/** A zip archive (deflate) of the given files; enough for a Lambda deployment package. */
export function zipOf(files: readonly { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name.split('\\').join('/'));
    const deflated = deflateRawSync(f.data);
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01: reproducible archives
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += local.length + name.length + deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
