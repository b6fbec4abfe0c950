import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject, type Project } from '../../src/loader/load-project';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'projects');

/** Copies a fixture project to a temp folder (so a test may edit its files) and points it at a table. */
export function copyProject(name: string, table?: string): { dir: string; manifest: string } {
  const dir = mkdtempSync(join(tmpdir(), `dm-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  const manifest = join(dir, 'manifest.yaml');
  if (table) writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/table: \S+-dev/, `table: ${table}`));
  return { dir, manifest };
}

export function loadCopy(name: string, table?: string): Promise<Project & { copyDir: string }> {
  const { dir, manifest } = copyProject(name, table);
  return loadProject(manifest).then((p) => ({ ...p, copyDir: dir }));
}
