import { type Environment, type Manifest } from './manifest-schema.js';
export * from './manifest-schema.js';
/**
 * Parses and validates manifest text. Every error names the file, the path inside it and
 * what was expected; all schema errors are reported together.
 */
export declare function parseManifest(text: string, file: string): Manifest;
/** Picks one environment: the named one, else the only one, else `dev`. */
export declare function selectEnvironment(manifest: Manifest, file: string, name?: string): Environment;
/** Picks several environments by comma-separated names; empty means all of them. */
export declare function selectEnvironments(manifest: Manifest, file: string, names?: string): Environment[];
