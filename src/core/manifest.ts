import { parseDocument } from 'yaml';
import { ManifestError } from './errors';
import { type Environment, type Manifest, manifestSchema } from './manifest-schema';

export * from './manifest-schema';

/**
 * Parses and validates manifest text. Every error names the file, the path inside it and
 * what was expected; all schema errors are reported together.
 */
export function parseManifest(text: string, file: string): Manifest {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    const at = pos ? `:${pos.line}:${pos.col}` : '';
    throw new ManifestError(
      `${file}${at}: invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}. Fix the syntax and run lint again.`,
    );
  }
  const data: unknown = doc.toJS();
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const path = i.path.length ? i.path.join('.') : '(top level)';
      let msg = i.message;
      if (i.code === 'unrecognized_keys')
        msg = `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${file}: ${path}: ${msg}`;
    });
    throw new ManifestError(
      lines.length === 1
        ? `${lines[0]}. See schema/manifest.schema.json.`
        : `${lines.length} problems in the manifest:\n  - ${lines.join('\n  - ')}\nSee schema/manifest.schema.json.`,
    );
  }
  return parsed.data;
}

/** Picks one environment: the named one, else the only one, else `dev`. */
export function selectEnvironment(manifest: Manifest, file: string, name?: string): Environment {
  const names = Object.keys(manifest.environments);
  const chosen = name ?? (names.length === 1 ? names[0] : names.includes('dev') ? 'dev' : undefined);
  if (!chosen) {
    throw new ManifestError(
      `${file}: several environments (${names.join(', ')}) and none named "dev": choose one with --env.`,
    );
  }
  const env = manifest.environments[chosen];
  if (!env) {
    throw new ManifestError(`${file}: no environment "${chosen}"; the manifest declares ${names.join(', ')}.`);
  }
  return { ...env, name: chosen };
}

/** Picks several environments by comma-separated names; empty means all of them. */
export function selectEnvironments(manifest: Manifest, file: string, names?: string): Environment[] {
  const list = (names ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!list.length) return Object.keys(manifest.environments).map((n) => selectEnvironment(manifest, file, n));
  return list.map((n) => selectEnvironment(manifest, file, n));
}
