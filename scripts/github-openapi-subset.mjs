// Regenerates test/fixtures/github/openapi-subset.json, the part of GitHub's OpenAPI
// description of its REST API that the GitHub stand-in's fidelity test reads
// (test/support/github-api-stub.test.ts): the operations the stand-in serves (its
// GITHUB_STUB_ROUTES, which are the routes the action calls), every component they reach
// (followed through `$ref`s until none is left over, so the file stands alone), and the list of
// every operation the whole description documents. The package it comes from, @octokit/openapi,
// is 400 MB installed, so it is not a dependency: fetch it for the run, as the file's header says:
//
//   npx -y -p @octokit/openapi@<version> node scripts/github-openapi-subset.mjs
//
// or pass the description itself: node scripts/github-openapi-subset.mjs path/to/api.github.com.json
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const PACKAGE = '@octokit/openapi';
const FILE = 'generated/api.github.com.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test/fixtures/github/openapi-subset.json');

/**
 * The package's directory: installed in the project, or where `npx -p` put it (npx adds its
 * node_modules/.bin to PATH but not to node's resolution).
 */
function packageDir() {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve(`${PACKAGE}/package.json`));
  } catch {
    for (const bin of (process.env.PATH ?? '').split(delimiter)) {
      if (!bin.endsWith(`${sep}node_modules${sep}.bin`)) continue;
      const dir = join(dirname(bin), PACKAGE);
      if (existsSync(join(dir, FILE))) return dir;
    }
  }
  throw new Error(
    `${PACKAGE} is not installed: run npx -y -p ${PACKAGE}@<version> node scripts/github-openapi-subset.mjs`,
  );
}

const arg = process.argv[2];
const file = arg ? resolve(arg) : join(packageDir(), FILE);
const version = arg
  ? undefined
  : JSON.parse(readFileSync(join(dirname(dirname(file)), 'package.json'), 'utf8')).version;
const text = readFileSync(file, 'utf8');
const doc = JSON.parse(text);

const jiti = createJiti(import.meta.url);
const { GITHUB_STUB_ROUTES } = await jiti.import(join(root, 'test/support/github-api-stub.ts'));

const paths = {};
for (const route of GITHUB_STUB_ROUTES) {
  const [method, path] = route.split(' ');
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`GitHub's description (${file}) has no ${route}`);
  paths[path] ??= doc.paths[path].parameters ? { parameters: doc.paths[path].parameters } : {};
  paths[path][method.toLowerCase()] = op;
}

// Every component the chosen operations reach, and every component those reach in turn.
const components = {};
const pending = [paths];
while (pending.length) {
  const node = pending.pop();
  if (Array.isArray(node)) pending.push(...node);
  else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string') {
      const [, kind, name] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(node.$ref) ?? [];
      const target = kind && name ? doc.components[kind]?.[name] : undefined;
      if (!target) throw new Error(`GitHub's description has no ${node.$ref}`);
      components[kind] ??= {};
      if (!(name in components[kind])) {
        components[kind][name] = target;
        pending.push(target);
      }
    }
    pending.push(...Object.values(node));
  }
}
const sorted = Object.fromEntries(
  Object.keys(components)
    .sort()
    .map((kind) => [
      kind,
      Object.fromEntries(
        Object.keys(components[kind])
          .sort()
          .map((name) => [name, components[kind][name]]),
      ),
    ]),
);

const documented = [];
for (const [path, item] of Object.entries(doc.paths))
  for (const method of METHODS) if (item[method]) documented.push(`${method.toUpperCase()} ${path}`);

const subset = {
  'x-subset': {
    about:
      "A generated subset of GitHub's OpenAPI description of its REST API: the operations the GitHub stand-in serves (test/support/github-api-stub.ts), the components they reach, and every operation the whole description documents. Do not edit by hand: regenerate with the command below.",
    package: version ? `${PACKAGE}@${version}` : undefined,
    file: version ? FILE : file,
    sha256: createHash('sha256').update(text).digest('hex'),
    command: `npx -y -p ${PACKAGE}@${version ?? '<version>'} node scripts/github-openapi-subset.mjs`,
    routes: [...GITHUB_STUB_ROUTES],
    documented,
  },
  openapi: doc.openapi,
  info: doc.info,
  servers: doc.servers,
  paths,
  components: sorted,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(subset, null, 2)}\n`);
const kb = (readFileSync(out).length / 1024).toFixed(0);
const counts = Object.entries(sorted)
  .map(([kind, names]) => `${Object.keys(names).length} ${kind}`)
  .join(', ');
console.log(`${out}: ${GITHUB_STUB_ROUTES.length} operations, ${counts}; ${documented.length} documented; ${kb} KB`);
