import { createInterface } from 'node:readline/promises';
import type { Logger } from '../core/logger';
import type { Ask } from '../init/questions';

/** Logs go to stderr so stdout holds only the result (and, with --json, one JSON document). */
export function stderrLogger(verbose: boolean): Logger {
  const w = (m: string) => process.stderr.write(`${m}\n`);
  return {
    info: w,
    warn: (m) => w(`warning: ${m}`),
    error: (m) => w(`error: ${m}`),
    debug: (m) => (verbose ? w(m) : undefined),
  };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printText(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Whether there is someone to ask: stdin and stderr (where questions go) are a terminal. */
export function canAsk(): boolean {
  return !!process.stdin.isTTY && !!process.stderr.isTTY;
}

/** Asks on a TTY; elsewhere (CI, pipes) there is nobody to ask, so it answers yes. */
export async function confirmOnTty(question: string): Promise<boolean> {
  if (!canAsk()) return true;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Questions on stderr (stdout keeps the result), answered on stdin; an empty answer takes the default. */
export function terminalAsk(): { ask: Ask; close: () => void } {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  return {
    ask: async (question, fallback) => (await rl.question(`${question} [${fallback}]: `)).trim() || fallback,
    close: () => rl.close(),
  };
}
