import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The figures one area of the reliability suite reports; the summary table adds them up. */
export interface Figures {
  /** Load: concurrent applies, and whether every step ran exactly once. */
  load?: { processes: number; runs: number; held: boolean };
  /** Crashes: SIGKILL trials and how many ended with correct data and records. */
  crash?: { trials: number; survived: number; interruptedSteps: string[] };
  /** Leases: scenarios checked (takeover after expiry, heartbeat, fencing). */
  leases?: { scenarios: number; held: number };
  /** Faults: the highest total fault rate runs completed under, and the persistent-fault check. */
  faults?: {
    maxRate: number;
    runs: number;
    survived: number;
    requests: number;
    injected: number;
    persistentRecorded: boolean;
  };
  /** Bad input: cases tried, and how many gave their expected exit code with the table unchanged. */
  badInput?: { tried: number; passed: number };
  /** Security: checks passed out of those tried. */
  security?: { tried: number; passed: number };
  /** Data items that were there before a run and missing after it. Must be 0. */
  itemsLost?: number;
}

function dir(): string {
  const d = process.env.DM_RELIABILITY_RESULTS;
  if (!d) throw new Error('DM_RELIABILITY_RESULTS is not set: run the suite with npm run test:reliability');
  mkdirSync(d, { recursive: true });
  return d;
}

/** Records the figures of one area (a file per area, so parallel test files never collide). */
export function recordFigures(area: string, figures: Figures): void {
  writeFileSync(join(dir(), `${area}.json`), JSON.stringify(figures, null, 2));
}

/** Every area's figures, merged. */
export function readAllFigures(from = dir()): Figures & { areas: string[] } {
  const merged: Figures & { areas: string[] } = { areas: [], itemsLost: 0 };
  for (const f of readdirSync(from)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const fig = JSON.parse(readFileSync(join(from, f), 'utf8')) as Figures;
    merged.areas.push(f.replace(/\.json$/, ''));
    merged.itemsLost = (merged.itemsLost ?? 0) + (fig.itemsLost ?? 0);
    for (const key of ['load', 'crash', 'leases', 'faults', 'badInput', 'security'] as const) {
      if (fig[key]) (merged as unknown as Record<string, unknown>)[key] = fig[key];
    }
  }
  return merged;
}
