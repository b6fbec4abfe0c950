import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The AWS settings both runners give the CLI (DynamoDB Local accepts any credentials). */
const AWS_DUMMY_ENV = { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: 'us-east-1' };

/** Runs the CLI from source in a child process, as a user would run the bin. */
export function runCli(
  args: string[],
  opts: { env?: Record<string, string | undefined>; cwd?: string; bundle?: boolean } = {},
): Promise<CliResult> {
  const entry = opts.bundle
    ? [join(ROOT, 'dist/cli/index.js')]
    : ['--import', 'jiti/register', join(ROOT, 'src/cli/index.ts')];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ...AWS_DUMMY_ENV, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type Write = typeof process.stdout.write;

/** Calls of runCliInProcess, one after another: they swap process-wide state (env, stdout/stderr). */
let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI in this process through src/cli/program.ts runCli (no TypeScript loading per call).
 * Same result shape as runCli. For the duration of the call it captures process.stdout/stderr
 * writes, reports both streams as non-TTY (as the child's pipes are) and applies the AWS dummy
 * credentials and opts.env to process.env (undefined deletes a key), restoring all of it after.
 * There is no cwd: pass absolute paths (relative paths the CLI prints are relative to the test
 * process's cwd, the repository root under vitest, which is the child runner's default cwd too).
 * Calls are serialised. Use runCli for anything that needs a real process: exit, kill, TTY, cwd, bundle.
 */
export function runCliInProcess(
  args: string[],
  opts: { env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  const run = inProcessQueue.then(() => runOnce(args, opts.env ?? {}));
  inProcessQueue = run.catch(() => undefined);
  return run;
}

async function runOnce(args: string[], extraEnv: Record<string, string | undefined>): Promise<CliResult> {
  const { runCli: run } = await import('../../src/cli/program');
  const env: Record<string, string | undefined> = { ...AWS_DUMMY_ENV, ...extraEnv };
  const savedEnv = Object.keys(env).map((k) => [k, Object.hasOwn(process.env, k), process.env[k]] as const);
  const streams = [process.stdout, process.stderr] as const;
  const savedWrite = streams.map((s) => (Object.hasOwn(s, 'write') ? s.write : undefined));
  const savedTty = streams.map((s) => Object.getOwnPropertyDescriptor(s, 'isTTY'));
  const captured = ['', ''];
  try {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    streams.forEach((s, i) => {
      s.write = ((
        chunk: string | Uint8Array,
        encOrCb?: BufferEncoding | ((e?: Error | null) => void),
        cb?: (e?: Error | null) => void,
      ) => {
        captured[i] +=
          typeof chunk === 'string'
            ? chunk
            : Buffer.from(chunk).toString(typeof encOrCb === 'string' ? encOrCb : 'utf8');
        const done = typeof encOrCb === 'function' ? encOrCb : cb;
        if (done) queueMicrotask(() => done(null));
        return true;
      }) as Write;
      Object.defineProperty(s, 'isTTY', { value: false, configurable: true, writable: true });
    });
    const code = await run(args);
    return { code, stdout: captured[0]!, stderr: captured[1]! };
  } finally {
    streams.forEach((s, i) => {
      const w = savedWrite[i];
      if (w) s.write = w;
      else delete (s as { write?: Write }).write;
      const d = savedTty[i];
      if (d) Object.defineProperty(s, 'isTTY', d);
      else delete (s as { isTTY?: boolean }).isTTY;
    });
    for (const [k, had, v] of savedEnv) {
      if (had) process.env[k] = v;
      else delete process.env[k];
    }
  }
}
