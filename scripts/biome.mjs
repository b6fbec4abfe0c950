// Runs Biome, the project's linter and formatter, at the version pinned in scripts/biome/:
// `npm run lint`, `npm run format`, or `npm run biome -- check --write <files>`.
//
// Biome is not a dev dependency: its one platform binary is 96 MB, a third of a fresh
// `npm ci`, and only linting needs it (no test, build or run does). It is installed on first
// use, with `npm ci` from the committed scripts/biome/package-lock.json (so the exact version and
// the integrity of every file are pinned as the project's own lockfile pins them), into a cache
// outside the project: DYNAMODB_MIGRATE_TOOLS_DIR, else $XDG_CACHE_HOME/dynamodb-migrate-tools,
// else ~/.cache/dynamodb-migrate-tools. After that first install it runs offline; npm's own
// cache serves a reinstall. A Biome installed in the project's node_modules at the same version
// is used as it is.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'biome');
const root = dirname(dirname(here));
const pinned = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).devDependencies['@biomejs/biome'];

/** The pinned Biome's package folder in the project's node_modules, if that is where it is. */
function inProject() {
  try {
    const pkg = createRequire(join(root, 'package.json')).resolve('@biomejs/biome/package.json');
    return JSON.parse(readFileSync(pkg, 'utf8')).version === pinned ? dirname(pkg) : undefined;
  } catch {
    return undefined;
  }
}

function toolsDir() {
  const own = process.env.DYNAMODB_MIGRATE_TOOLS_DIR;
  if (own) return own;
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'dynamodb-migrate-tools');
}

/** The pinned Biome's package folder in the tools cache, installed there first if missing. */
function inCache() {
  const dir = join(toolsDir(), `biome-${pinned}`);
  const pkg = join(dir, 'node_modules', '@biomejs', 'biome');
  if (existsSync(join(dir, '.complete'))) return pkg;
  mkdirSync(toolsDir(), { recursive: true });
  // Installed beside its final place and renamed, so a concurrent run never sees half of it.
  const tmp = mkdtempSync(join(toolsDir(), `.biome-${pinned}-`));
  try {
    copyFileSync(join(here, 'package.json'), join(tmp, 'package.json'));
    copyFileSync(join(here, 'package-lock.json'), join(tmp, 'package-lock.json'));
    process.stderr.write(`Installing Biome ${pinned} (the linter; once) into ${dir}\n`);
    const npm = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: tmp,
      stdio: ['ignore', 'inherit', 'inherit'],
      shell: process.platform === 'win32',
    });
    if (npm.status !== 0) {
      throw new Error(
        `could not install Biome ${pinned} from the npm registry into ${dir} (npm ci exited ${npm.status ?? npm.signal}). ` +
          'Run it again once the registry can be reached, or install it in the project: npm install --no-save @biomejs/biome@' +
          pinned,
      );
    }
    copyFileSync(join(here, 'package.json'), join(tmp, '.complete'));
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another run finished first: use its copy.
      if (!existsSync(join(dir, '.complete'))) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return pkg;
}

let pkg;
try {
  pkg = inProject() ?? inCache();
} catch (e) {
  process.stderr.write(`scripts/biome.mjs: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const run = spawnSync(process.execPath, [join(pkg, 'bin', 'biome'), ...process.argv.slice(2)], {
  cwd: process.cwd(),
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
