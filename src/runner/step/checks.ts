import { MigrateError, messageOf } from '../../core/errors';
import type { Finding } from '../../core/types';
import type { LoadedMigration } from '../../loader/load-project';

/** A `before` or `verify` hook broke its contract (threw, or returned something that is not a list of findings). */
export class HookError extends MigrateError {}

/**
 * Runs a migration's `before` or `verify` hook and returns its findings, checked: a list of
 * `{ message, count?, examples? }` (an empty list passes). A hook that throws, or returns
 * anything else, is one error naming the file and the hook.
 */
export async function runHook(m: LoadedMigration, hook: 'before' | 'verify', ctx: unknown): Promise<Finding[]> {
  const fn = m[hook];
  if (!fn) return [];
  let result: unknown;
  try {
    result = await fn(ctx as never);
  } catch (e) {
    throw new HookError(`${m.file}: ${hook}() threw: ${messageOf(e)}`);
  }
  if (result === undefined) return [];
  if (!Array.isArray(result)) {
    throw new HookError(
      `${m.file}: ${hook}() must return a list of findings ([{ message, count?, examples? }], empty when all is well), got ${describe(result)}.`,
    );
  }
  return result.map((f, i) => {
    if (typeof f === 'string') return { message: f };
    if (!f || typeof f !== 'object' || typeof (f as Finding).message !== 'string') {
      throw new HookError(
        `${m.file}: ${hook}() returned a finding without a message at [${i}] (${describe(f)}): each finding is { message, count?, examples? }.`,
      );
    }
    const { message, count, examples } = f as Finding;
    return {
      message,
      ...(typeof count === 'number' ? { count } : {}),
      ...(Array.isArray(examples) ? { examples: examples.slice(0, 10) } : {}),
    };
  });
}

/** One line for a list of findings: what a failed step's record and the report say. */
export function summarizeFindings(hook: 'before' | 'verify', scope: string, findings: readonly Finding[]): string {
  const parts = findings
    .slice(0, 5)
    .map((f) => (f.count !== undefined ? `${f.message} (${f.count.toLocaleString('en-US')})` : f.message));
  const more = findings.length > 5 ? `; and ${findings.length - 5} more` : '';
  return `${hook} found ${findings.length} problem${findings.length === 1 ? '' : 's'} on ${scope}: ${parts.join('; ')}${more}`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an object (${JSON.stringify(v).slice(0, 80)})`;
  return `${typeof v} ${JSON.stringify(v)?.slice(0, 80)}`;
}
