import { MigrationFileError } from '../core/errors';
import { lintMigrations, lintTargets, type MigrationFileInfo } from '../core/lint';
import { manifestSchema, type Manifest } from '../core/manifest-schema';
import type { MigrationSource } from '../core/types';
import type { LoadedMigration, Project } from './load-project';

/** One migration file as a bundle carries it: imported statically, checksummed at build time. */
export interface StaticMigrationModule {
  /** Path relative to the manifest's folder, e.g. `migrations/1.2.0-pack-email.ts`. */
  file: string;
  /**
   * `sha256:<hex>` of the original file's bytes, computed when the bundle was built: the
   * bundled code is not the file, and records must carry the checksum the CLI would write.
   */
  checksum: string;
  /** `sha256:<hex>` of the file alone, when `checksum` also covers its local imports. */
  fileChecksum?: string | undefined;
  /** Per-file checksums of the file and its local imports, when it has any. */
  sources?: Record<string, string> | undefined;
  /** The module namespace (`import * as m`) or its default export. */
  module: unknown;
}

/**
 * Builds a Project from migrations that were imported statically (the Lambda controller's
 * bundle) instead of read from a folder at run time. Runs the same lint as `loadProject`,
 * so a bundle with a bad migration fails at its first invocation with the same message.
 */
export function projectFromModules(
  manifest: unknown,
  modules: readonly StaticMigrationModule[],
  opts: { manifestPath?: string; dir?: string } = {},
): Project {
  const manifestPath = opts.manifestPath ?? 'manifest.yaml';
  const parsed: Manifest = manifestSchema.parse(manifest);
  const files: (MigrationFileInfo & { mod: Record<string, unknown> })[] = modules.map((m) => {
    const exported = defaultExport(m.module);
    return {
      file: m.file,
      checksum: m.checksum,
      ...(m.sources ? { fileChecksum: m.fileChecksum, sources: m.sources } : {}),
      exported,
      mod: (exported ?? {}) as Record<string, unknown>,
    };
  });
  const result = lintMigrations(files);
  const problems = [...result.problems, ...lintTargets(parsed, manifestPath, result.migrations)];
  if (problems.length) throw new MigrationFileError(problems);
  const dir = opts.dir ?? '.';
  const attach = (s: MigrationSource): LoadedMigration => {
    const f = files.find((i) => i.file === s.file)!;
    return {
      ...s,
      path: s.file,
      up: f.mod.up as LoadedMigration['up'],
      down: f.mod.down as LoadedMigration['down'],
      before: f.mod.before as LoadedMigration['before'],
      verify: f.mod.verify as LoadedMigration['verify'],
    };
  };
  return {
    manifestPath,
    manifest: parsed,
    dir,
    migrations: result.migrations.map(attach),
    reset: result.reset ? attach(result.reset) : undefined,
  };
}

/** A module namespace's default export; a bare object (already the default) as is. */
function defaultExport(mod: unknown): unknown {
  if (mod && typeof mod === 'object' && 'default' in mod) {
    const d = (mod as { default: unknown }).default;
    // CommonJS interop in bundles can nest the default one level deeper.
    if (d && typeof d === 'object' && 'default' in d && !('version' in d)) return (d as { default: unknown }).default;
    return d;
  }
  return mod;
}
