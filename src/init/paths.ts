import { relative, sep } from 'node:path';

/** A path as init shows it: relative to the current directory, with forward slashes. */
export function displayPath(abs: string): string {
  return relative(process.cwd(), abs).split(sep).join('/') || '.';
}
