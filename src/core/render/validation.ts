import type { ValidationReport } from '../validate';
import { formatCount } from './text';

/** `validate` in the terminal: a table per model, the most common problems, a few example keys. */
export function renderValidationText(r: ValidationReport, table: string): string {
  const out: string[] = [];
  const sample = r.samplePercent !== undefined ? ` (a ${r.samplePercent}% sample)` : '';
  out.push(
    `${table}: ${formatCount(r.scanned)} items read${sample}, checked against schema ${r.version}: ${r.invalid ? `${formatCount(r.invalid)} do not fit` : 'every item of a known model fits'}`,
  );
  const names = Object.keys(r.models);
  if (names.length) {
    const width = Math.max(5, ...names.map((n) => n.length));
    out.push(`  ${'model'.padEnd(width)}  ${'scanned'.padStart(10)}  ${'invalid'.padStart(10)}`);
    for (const name of names) {
      const m = r.models[name]!;
      out.push(
        `  ${name.padEnd(width)}  ${formatCount(m.scanned).padStart(10)}  ${formatCount(m.invalid).padStart(10)}`,
      );
      for (const p of m.problems.slice(0, 5))
        out.push(`    ${p.kind.padEnd(8)} ${p.attribute}: ${formatCount(p.count)}`);
      if (m.examples.length) out.push(`    e.g. ${m.examples.map((k) => Object.values(k).join(' / ')).join(', ')}`);
    }
  }
  out.push(`  unknown type: ${formatCount(r.unknownType)} items (no ${r.typeField}, or one that names no model)`);
  return out.join('\n');
}
