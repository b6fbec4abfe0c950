import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source in a child process, as a user would run the bin. */
export function runCli(args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string; bundle?: boolean } = {}): Promise<CliResult> {
  const entry = opts.bundle ? [join(ROOT, 'dist/cli/index.js')] : ['--import', 'jiti/register', join(ROOT, 'src/cli/index.ts')];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: 'us-east-1', ...opts.env },
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
