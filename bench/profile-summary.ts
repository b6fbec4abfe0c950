/**
 * `node --import jiti/register bench/profile-summary.ts <file.cpuprofile> [function ...]`: what a
 * V8 CPU profile of the engine child (`bench/sweep.ts --prof DIR`) spent its busy time on: self
 * time by package (ours by file under src/), the top functions, and the inclusive time of the
 * functions named (e.g. `planWrites writePage schemaLogFilter`). Idle time is left out of the
 * shares: on DynamoDB Local the client waits most of the run.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

const [file, ...named] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [function ...]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const total = profile.nodes.reduce((n, x) => n + x.hitCount, 0);
const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((a, n) => a + n.hitCount, 0);
const busy = Math.max(1, total - idle);
const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, total);

function owner(url: string): string {
  if (!url) return '(native, GC)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes('/src/')) return `ours: src/${url.split('/src/')[1]}`;
  return url.startsWith('node:') ? url : url.split('/').slice(-2).join('/');
}

const selfBy = new Map<string, number>();
const fnBy = new Map<string, number>();
for (const n of profile.nodes) {
  if (n.callFrame.functionName === '(idle)') continue;
  const o = owner(n.callFrame.url);
  selfBy.set(o, (selfBy.get(o) ?? 0) + n.hitCount);
  const f = `${n.callFrame.functionName || '(anonymous)'} (${o}:${n.callFrame.lineNumber + 1})`;
  fnBy.set(f, (fnBy.get(f) ?? 0) + n.hitCount);
}
const inclusive = (n: ProfileNode): number =>
  n.hitCount + (n.children ?? []).reduce((a, c) => a + inclusive(byId.get(c)!), 0);
const namedBy = new Map<string, number>();
const walk = (n: ProfileNode, inside: ReadonlySet<string>): void => {
  const name = n.callFrame.functionName;
  let within = inside;
  // A recursive function counts once, at its outermost frame.
  if (named.includes(name) && !inside.has(name)) {
    namedBy.set(name, (namedBy.get(name) ?? 0) + inclusive(n));
    within = new Set([...inside, name]);
  }
  for (const c of n.children ?? []) walk(byId.get(c)!, within);
};
if (profile.nodes[0]) walk(profile.nodes[0], new Set());

const pct = (x: number): string => `${((100 * x) / busy).toFixed(1).padStart(5)}%`;
const out: string[] = [
  `busy ${(busy * msPerSample).toFixed(0)} ms of ${(total * msPerSample).toFixed(0)} ms profiled`,
  '',
  'self time by owner:',
];
for (const [k, v] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, 20)) out.push(`${pct(v)}  ${k}`);
const ours = [...selfBy].filter(([k]) => k.startsWith('ours:')).reduce((a, [, v]) => a + v, 0);
out.push(`${pct(ours)}  (all of ours)`, '', 'top functions, self time:');
for (const [k, v] of [...fnBy].sort((a, b) => b[1] - a[1]).slice(0, 25)) out.push(`${pct(v)}  ${k}`);
if (named.length) {
  out.push('', 'inclusive time:');
  for (const name of named) out.push(`${pct(namedBy.get(name) ?? 0)}  ${name}`);
}
process.stdout.write(`${out.join('\n')}\n`);
