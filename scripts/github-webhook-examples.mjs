// Regenerates test/fixtures/github/webhook-examples.json, the part of GitHub's example webhook
// payloads (@octokit/webhooks-examples, api.github.com/index.json) that the event tests read
// (test/github/event.test.ts): every example of the events the action acts on (pull_request,
// push, workflow_dispatch), taken whole and unchanged, plus the names of every event the package
// has examples of (so a test can still say, for instance, that `schedule` has none). The package
// is 10 MB installed for these 0.8 MB, so it is not a dependency: fetch it for the run, as the
// file's header says:
//
//   npx -y -p @octokit/webhooks-examples@<version> node scripts/github-webhook-examples.mjs
//
// or pass the index itself: node scripts/github-webhook-examples.mjs path/to/api.github.com/index.json
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@octokit/webhooks-examples';
const FILE = 'api.github.com/index.json';
/** The events whose examples the tests read: the triggers the action decides on. */
const EVENTS = ['pull_request', 'push', 'workflow_dispatch'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test/fixtures/github/webhook-examples.json');

/** The package's directory: installed in the project, or where `npx -p` put it (on PATH only). */
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
    `${PACKAGE} is not installed: run npx -y -p ${PACKAGE}@<version> node scripts/github-webhook-examples.mjs`,
  );
}

const arg = process.argv[2];
const file = arg ? resolve(arg) : join(packageDir(), FILE);
const version = arg ? undefined : JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')).version;
const text = readFileSync(file, 'utf8');
/** @type {{ name: string, examples: unknown[] }[]} */
const index = JSON.parse(text);

const examples = {};
for (const name of EVENTS) {
  const entry = index.find((e) => e.name === name);
  if (!entry) throw new Error(`${file} has no examples of ${name}`);
  examples[name] = entry.examples;
}

const subset = {
  'x-subset': {
    about:
      "A generated subset of GitHub's example webhook payloads: every example of the events listed, unchanged, and the names of every event the package has examples of. Do not edit by hand: regenerate with the command below.",
    package: version ? `${PACKAGE}@${version}` : undefined,
    file: version ? FILE : file,
    sha256: createHash('sha256').update(text).digest('hex'),
    command: `npx -y -p ${PACKAGE}@${version ?? '<version>'} node scripts/github-webhook-examples.mjs`,
    names: index.map((e) => e.name).sort(),
  },
  examples,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(subset, null, 2)}\n`);
const kb = (readFileSync(out).length / 1024).toFixed(0);
console.log(
  `${out}: ${EVENTS.map((n) => `${examples[n].length} ${n}`).join(', ')}; ${subset['x-subset'].names.length} events named; ${kb} KB`,
);
