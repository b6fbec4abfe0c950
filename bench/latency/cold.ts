/**
 * Cold-process timings: each run is a new `node` process, timed from spawn to exit by the
 * parent (what a user waits for), and the median of the runs is what a row reports.
 */
import { spawnSync } from 'node:child_process';

/** The median of some numbers (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  if (!xs.length) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface ColdRun {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** One cold run of `node <args>`; throws when it exits with a code outside `okCodes`. */
export function coldRun(
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; okCodes?: readonly number[] } = {},
): ColdRun {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  if (!(opts.okCodes ?? [0]).includes(r.status ?? -1))
    throw new Error(`node ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 800)}`);
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `runs` cold runs of `node <args>` after `warmups` untimed ones; their median and every time. */
export function coldMedian(
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; okCodes?: readonly number[]; runs?: number; warmups?: number } = {},
): { medianMs: number; times: number[] } {
  for (let i = 0; i < (opts.warmups ?? 1); i++) coldRun(args, opts);
  const times = Array.from({ length: opts.runs ?? 7 }, () => coldRun(args, opts).ms);
  return { medianMs: median(times), times };
}
