import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

const ROOT = join(import.meta.dirname, '..', 'golden');

/**
 * Compares rendered output with test/golden/<name>. `UPDATE_GOLDEN=1 npx vitest run` rewrites
 * the files; a missing golden fails (so a test never passes by writing its own expectation).
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(ROOT, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(`No golden file ${file}: run with UPDATE_GOLDEN=1 to create it, then review it.`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
