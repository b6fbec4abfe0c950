/**
 * Undoes ncc's rewrite of jiti's native `import(id)` in a bundle (`file`) and the chunks beside
 * it; throws when it is nowhere, or is there in a shape it does not know.
 */
export function keepNativeImport(file: string): void;
