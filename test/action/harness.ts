import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { inputEnv } from '../../src/github/inputs';
import type { GitHubStub } from '../support/github-api-stub';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'index.js');

/**
 * Builds dist/index.js the way `npm run package` does for the action, so the tests run the
 * bundle that gets committed (check-dist then catches a bundle that was not committed).
 */
export function buildDist(): Promise<void> {
  // The chunks of an earlier build (ncc writes what is loaded on demand as <id>.index.js) must not linger.
  for (const name of readdirSync(dirname(DIST))) if (/^\d+\.index\.js$/.test(name)) rmSync(join(dirname(DIST), name));
  return new Promise((ok, fail) => {
    execFile(
      'npx',
      ['ncc', 'build', 'src/action/index.ts', '-o', 'dist', '--license', 'licenses.txt', '--quiet', '--transpile-only'],
      { cwd: ROOT },
      (err, _o, stderr) => {
        if (err) return fail(new Error(`ncc build failed: ${stderr}`));
        // The same post-build step as npm run package, so the bundle tested is the one committed.
        import('../../scripts/keep-native-import.mjs').then((m) => m.keepNativeImport(DIST)).then(ok, fail);
      },
    );
  });
}

/** A repository checkout: the manifest and the chosen fixture migrations. */
export function makeWorkspace(opts: {
  table: string;
  migrations: string[];
  envExtra?: string;
  environments?: Record<string, string>;
}): string {
  const dir = mkdtempSync(join(tmpdir(), 'dm-action-'));
  mkdirSync(join(dir, 'migrations'));
  // Migration files import the AWS SDK as a user's would, from the repository's node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  addMigrations(dir, opts.migrations);
  const envs = opts.environments ?? { dev: `    table: ${opts.table}\n    region: us-east-1\n${opts.envExtra ?? ''}` };
  writeFileSync(
    join(dir, 'migrations', 'manifest.yaml'),
    `version: 1\nmigrations: .\nenvironments:\n${Object.entries(envs)
      .map(([n, body]) => `  ${n}:\n${body}`)
      .join('')}`,
  );
  return dir;
}

/** Copies more fixture migrations into a workspace (a new commit on the branch). */
export function addMigrations(dir: string, files: string[]): void {
  for (const f of files) cpSync(join(import.meta.dirname, 'fixtures', 'migrations', f), join(dir, 'migrations', f));
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs `node dist/index.js` as the runner does: inputs as INPUT_* variables, the event
 * payload in a file at GITHUB_EVENT_PATH, outputs and summary to files. Only the variables
 * GitHub would set are passed, not this process's environment.
 */
export function runAction(opts: {
  workspace: string;
  github: GitHubStub;
  dynamodb: string;
  event: string;
  payload: object;
  inputs?: Parameters<typeof inputEnv>[0];
  sha?: string;
  ref?: string;
  token?: string;
  /** More variables a step would have (e.g. AWS_ENDPOINT_URL_LAMBDA). */
  env?: Record<string, string>;
}): Promise<ActionRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'dm-runner-'));
  const files = { event: join(tmp, 'event.json'), output: join(tmp, 'output'), summary: join(tmp, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(opts.payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tmp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: `${opts.github.owner}/${opts.github.repo}`,
    GITHUB_SHA: opts.sha ?? 'f'.repeat(40),
    GITHUB_REF: opts.ref ?? 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: opts.github.url,
    GITHUB_WORKSPACE: opts.workspace,
    RUNNER_TEMP: tmp,
    AWS_ENDPOINT_URL_DYNAMODB: opts.dynamodb,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    ...inputEnv({ 'github-token': opts.token ?? opts.github.token, ...opts.inputs }),
    ...opts.env,
  };
  return new Promise((ok) => {
    execFile(process.execPath, [DIST], { cwd: opts.workspace, env, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      ok({
        code,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(files.output, 'utf8')),
        summary: existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '',
      });
    });
  });
}

/** Parses GITHUB_OUTPUT as @actions/core writes it: `name<<DELIM\nvalue\nDELIM`. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/** A pull_request event payload as GitHub sends it (the fields the action reads). */
export function prPayload(
  number: number,
  opts: { fork?: boolean; headSha?: string; owner?: string; repo?: string } = {},
): object {
  const full = `${opts.owner ?? 'acme'}/${opts.repo ?? 'shop'}`;
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { sha: opts.headSha ?? 'a'.repeat(40), repo: { full_name: opts.fork ? 'mallory/shop' : full } },
      base: { ref: 'main', repo: { full_name: full } },
    },
    repository: { full_name: full, default_branch: 'main' },
  };
}

export function pushPayload(): object {
  return { ref: 'refs/heads/main', repository: { full_name: 'acme/shop', default_branch: 'main' } };
}
