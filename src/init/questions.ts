import { defaultProtected, type InitRequest } from './settings';

/** Asks one question; the answer, or `fallback` when the answer is empty (the terminal's, or a test's). */
export type Ask = (question: string, fallback: string) => Promise<string>;

/** What the questions offer as defaults. */
export interface PromptDefaults {
  /** The repository folder's name: tables default to `<name>-<env>`. */
  project: string;
  region?: string | undefined;
  /** Environments already known (adopted from a OneTable config), with their tables if known. */
  known: readonly { name: string; table?: string | undefined; region?: string | undefined }[];
}

/**
 * Asks for what the flags left out, in the order a person decides it: environments and their
 * tables, region, migrations folder, runner (and controller), protected environments. Flags given
 * are never asked again.
 */
export async function askMissing(
  req: InitRequest,
  ask: Ask,
  d: PromptDefaults,
  given: { migrations: boolean },
): Promise<InitRequest> {
  const tables = [...req.tables];
  const out: InitRequest = { ...req, tables };
  const tableFor = (env: string) => `${slug(d.project)}-${env}`;
  if (!tables.length) {
    if (d.known.length) {
      for (const k of d.known.filter((e) => !e.table))
        tables.push(`${k.name}=${await ask(`Table for ${k.name}`, tableFor(k.name))}`);
    } else {
      const envs = (await ask('Environments, in the order merges apply to them (comma-separated)', 'dev,production'))
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const env of envs) tables.push(`${env}=${await ask(`Table for ${env}`, tableFor(env))}`);
    }
  }
  const regionKnown = d.known.length > 0 && d.known.every((k) => k.region);
  if (out.region === undefined && !regionKnown) out.region = await ask('AWS region', d.region ?? 'us-east-1');
  if (!given.migrations && out.migrations === undefined)
    out.migrations = await ask('Migrations folder (relative to the repository)', 'migrations');
  if (out.runner === undefined) {
    out.runner = await ask('Runner: local (in the CI job) or lambda (through a Lambda controller)', 'local');
    if (out.runner === 'lambda' && out.function === undefined)
      out.function = await ask('Controller function (name or ARN)', 'migrate-controller');
  }
  if (out.protected === undefined) {
    const names = [
      ...new Set([
        ...d.known.map((k) => k.name),
        ...tables.map((t) => (t.includes('=') ? t.slice(0, t.indexOf('=')) : 'dev')),
      ]),
    ];
    out.protected = await ask(
      'Protected environments (comma-separated, or none)',
      defaultProtected(names).join(',') || 'none',
    );
  }
  return out;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'app'
  );
}
