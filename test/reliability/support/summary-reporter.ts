import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { readAllFigures, type Figures } from './results';

const LATEST = join(import.meta.dirname, '..', 'results', 'latest.md');

/** Renders the figures as the markdown table that goes into the README. */
export function renderSummary(f: Figures, meta: { passed: boolean; date: string; node: string }): string {
  const dash = 'not run';
  const rows: [string, string][] = [
    [
      'Load held',
      f.load
        ? `${f.load.held ? 'yes' : 'NO'}: ${f.load.processes} \`apply\` processes at once, ${f.load.runs} rounds; each step applied once`
        : dash,
    ],
    [
      'Crash trials survived',
      f.crash
        ? `${f.crash.survived}/${f.crash.trials} (SIGKILL at seeded random points; interrupted: ${summarizeSteps(f.crash.interruptedSteps)})`
        : dash,
    ],
    [
      'Lease scenarios held',
      f.leases ? `${f.leases.held}/${f.leases.scenarios} (takeover only after expiry, heartbeat, fencing)` : dash,
    ],
    [
      'Fault rate survived',
      f.faults
        ? `${Math.round(f.faults.maxRate * 100)}% of requests (throttles, 500s, dropped connections, latency): ${f.faults.survived}/${f.faults.runs} runs correct; ${f.faults.injected} faults in ${f.faults.requests} requests; persistent fault recorded as failed: ${f.faults.persistentRecorded ? 'yes' : 'NO'}`
        : dash,
    ],
    [
      'Bad inputs tried',
      f.badInput
        ? `${f.badInput.tried} (${f.badInput.passed} with the expected exit code and the table unchanged)`
        : dash,
    ],
    ['Security checks', f.security ? `${f.security.passed}/${f.security.tried}` : dash],
    ['Items lost', String(f.itemsLost ?? 0)],
  ];
  return [
    `Reliability suite (\`npm run test:reliability\`), ${meta.date}, Node ${meta.node}, DynamoDB Local: ${meta.passed ? 'all tests passed' : 'SOME TESTS FAILED'}`,
    '',
    '| Check | Result |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ].join('\n');
}

function summarizeSteps(steps: string[]): string {
  const counts = new Map<string, number>();
  for (const s of steps) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s} ×${n}`).join(', ') || 'none';
}

/** Prints the summary table after the run and keeps it in test/reliability/results/latest.md. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const dir = process.env.DM_RELIABILITY_RESULTS;
    if (!dir) return;
    const passed = modules.length > 0 && modules.every((m) => m.ok());
    const table = renderSummary(readAllFigures(dir), {
      passed,
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
    });
    process.stdout.write(`\n${table}\n`);
    // Only a complete, green run replaces the published table.
    const all = modules.length >= 6;
    if (passed && all) {
      mkdirSync(join(LATEST, '..'), { recursive: true });
      writeFileSync(LATEST, table);
    }
  }
}
