import type { TransformOptions, TransformResult } from 'jiti';
/**
 * A transform for jiti much lighter than its babel: Node's own type stripping
 * (`module.stripTypeScriptTypes`, Node 22.13+ and 23.2+, where the action runs on GitHub: node24)
 * and a rewrite of the module's `import`/`export` statements into what jiti's wrapper runs
 * (`await jitiImport(...)`, `exports`), on acorn's parse. Babel costs ~0.1–0.2 s to load and
 * warm up on every cold process with an empty transpile cache (every GitHub-hosted job); this
 * path costs a fraction of that.
 *
 * It declines (returns undefined) whatever it does not handle exactly, and the caller then uses
 * babel: TypeScript that is more than types (enum, namespace, parameter properties, `import =`),
 * a Node without type stripping, `import.meta` other than `.url`, import attributes, a hashbang,
 * JSX, jiti's synchronous require path, a file that does not parse (babel's message is the one
 * users see), and a file with no import or export at all.
 *
 * Semantics kept from babel's output as jiti configures it: imports are loaded first, in order,
 * before the module's body; a default import is the module's `default`, a namespace import the
 * module itself; in TypeScript, an import none of whose bindings is used is dropped (its elision
 * of imports used only as types, which type stripping keeps); exports are live getters on
 * `exports`, plus `__esModule`. Imported bindings are the values at load time, not live (they
 * differ only in an import cycle that reassigns an export). Type stripping replaces types with
 * blanks and the rewrite keeps every line break, so line numbers in stack traces are the file's.
 */
/** Node's type stripper, or undefined on a Node that has none (Node 20). */
export type TypeStripper = (code: string) => string;
type StripOptions = {
    mode: 'strip' | 'transform';
};
type ModuleWithStrip = {
    stripTypeScriptTypes?: (code: string, options?: StripOptions) => string;
};
/** Node's `stripTypeScriptTypes` in strip-only mode, quietened; undefined where Node has none. */
export declare function nodeTypeStripper(mod?: ModuleWithStrip): TypeStripper | undefined;
/** Which transforms this module can make for `opts`: false means babel is needed. */
export declare function canStrip(opts: Pick<TransformOptions, 'ts' | 'jsx' | 'async'>, strip: TypeStripper | undefined): boolean;
/** jiti's transform by type stripping and an import/export rewrite; undefined: use babel. */
export declare function stripTransform(opts: TransformOptions, strip: TypeStripper | undefined): TransformResult | undefined;
/**
 * The module's code as the body of jiti's async CommonJS wrapper, or undefined when it holds
 * something this rewrite does not handle (see above).
 */
export declare function moduleToCommonJs(js: string, filename: string | undefined, o?: {
    elideUnusedImports: boolean;
}): string | undefined;
export {};
