/**
 * `node --import jiti/register bench/sweep.ts --items N [--rounds R] [--prof DIR] '<label>=<options-json>' ...`:
 * runs the engine child with each set of pass options on a fresh table of N items, the
 * variants interleaved round by round so that a noisy machine hits them alike. For tuning
 * defaults; `npm run bench` is the benchmark of record. `--prof DIR` writes a V8 CPU profile
 * of each child there.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createDynamoClient } from '../src/dynamodb/client';
import { startDynamoDbLocal } from '../src/dynamodb/local';
import { createBenchTable, dropBenchTable, seedBenchTable, verifyBenchTable } from './data';

const run = promisify(execFile);
const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const [, v] = argv.splice(i, 2);
  return v;
};
const N = Number(flag('items') ?? 30_000);
const rounds = Number(flag('rounds') ?? 1);
const prof = flag('prof');
// `<label>=<options-json>`; a label ending in `@<n>` runs the child with a client of n sockets.
const variants = argv.map((a) => {
  const i = a.indexOf('=');
  const label = a.slice(0, i);
  return { label, options: a.slice(i + 1), sockets: /@(\d+)$/.exec(label)?.[1] };
});
if (!variants.length) variants.push({ label: 'defaults', options: '{}', sockets: undefined });

const local = await startDynamoDbLocal({ timeoutMs: 120_000 });
const client = createDynamoClient({ endpoint: local.endpoint, local: true, region: 'us-east-1' });
/** CPU time (ms) used so far by the DynamoDB Local JVM listening on `port` (Linux /proc). */
function jvmCpuMs(port: number): number {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args[0] !== 'java' || args[args.indexOf('-port') + 1] !== String(port)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      // gone or not ours
    }
  }
  return NaN;
}
const script = fileURLToPath(new URL('./variants/engine-child.ts', import.meta.url));
let n = 0;
try {
  for (let r = 0; r < rounds; r++) {
    for (const v of variants) {
      const table = `sweep-${++n}`;
      await createBenchTable(client, table);
      await seedBenchTable(client, table, N);
      const args = [
        ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`, `--cpu-prof-name=${v.label}-${r}.cpuprofile`] : []),
        '--import',
        'jiti/register',
        script,
        local.endpoint,
        table,
        v.options,
      ];
      const jvmBefore = jvmCpuMs(local.port);
      const { stdout } = await run(process.execPath, args, {
        maxBuffer: 1 << 20,
        env: { ...process.env, ...(v.sockets ? { BENCH_MAX_SOCKETS: v.sockets } : {}) },
      });
      const out = JSON.parse(stdout.trim().split('\n').pop()!) as {
        ms: number;
        cpuMs: number;
        maxRssBytes: number;
        segments: number;
      };
      const jvmMs = jvmCpuMs(local.port) - jvmBefore;
      const check = await verifyBenchTable(client, table);
      await dropBenchTable(client, table);
      const ok = check.items === N && check.migratedCustomers === Math.ceil(N / 3);
      process.stdout.write(
        `${v.label.padEnd(24)} ${String(Math.round((N * 1000) / out.ms)).padStart(6)} items/s  ${(out.ms / 1000).toFixed(1).padStart(6)} s  cpu node ${(out.cpuMs / 1000).toFixed(1)} s + jvm ${(jvmMs / 1000).toFixed(1)} s = ${(((out.cpuMs + jvmMs) * 1000) / N).toFixed(0)} us/item  rss ${(out.maxRssBytes / 2 ** 20).toFixed(0)} MiB  ${out.segments} seg${ok ? '' : `  WRONG ${JSON.stringify(check)}`}\n`,
      );
    }
  }
} finally {
  await local.stop();
}
