/** Undoes ncc's rewrite of jiti's native `import(id)` in a bundle; throws when it is not there exactly once. */
export function keepNativeImport(file: string): void;
