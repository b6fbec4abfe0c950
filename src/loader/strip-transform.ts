import * as nodeModule from 'node:module';
import { pathToFileURL } from 'node:url';
import { type AnyNode, type Node, parse, type Pattern, type Program } from 'acorn';
import { full } from 'acorn-walk';
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

type StripOptions = { mode: 'strip' | 'transform' };
type ModuleWithStrip = { stripTypeScriptTypes?: (code: string, options?: StripOptions) => string };

/** Node's `stripTypeScriptTypes` in strip-only mode, quietened; undefined where Node has none. */
export function nodeTypeStripper(mod: ModuleWithStrip = nodeModule as ModuleWithStrip): TypeStripper | undefined {
  const strip = mod.stripTypeScriptTypes;
  if (typeof strip !== 'function') return undefined;
  return (code) => {
    // Node warns once that the function is experimental: our choice of transform, not the
    // user's concern, so that one warning is not printed in their job's log.
    const emit = process.emitWarning;
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
      const text = typeof warning === 'string' ? warning : warning.message;
      if (/stripTypeScriptTypes/.test(text)) return;
      (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
    }) as typeof process.emitWarning;
    try {
      return strip(code, { mode: 'strip' });
    } finally {
      process.emitWarning = emit;
    }
  };
}

/** Which transforms this module can make for `opts`: false means babel is needed. */
export function canStrip(
  opts: Pick<TransformOptions, 'ts' | 'jsx' | 'async'>,
  strip: TypeStripper | undefined,
): boolean {
  return opts.async === true && !opts.jsx && (!opts.ts || strip !== undefined);
}

/** jiti's transform by type stripping and an import/export rewrite; undefined: use babel. */
export function stripTransform(opts: TransformOptions, strip: TypeStripper | undefined): TransformResult | undefined {
  if (!canStrip(opts, strip)) return undefined;
  let js: string;
  try {
    js = opts.ts ? strip!(opts.source) : opts.source;
  } catch {
    // TypeScript beyond types (ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX) or a syntax error: babel's turn.
    return undefined;
  }
  const code = moduleToCommonJs(js, opts.filename, { elideUnusedImports: opts.ts === true });
  return code === undefined ? undefined : { code };
}

type Specifier = {
  type: string;
  local: { name?: string; value?: unknown };
  exported?: { name?: string; value?: unknown } | null;
};
const nameOf = (n: { name?: string; value?: unknown } | null | undefined): string =>
  n ? (typeof n.name === 'string' ? n.name : String(n.value)) : '';

/**
 * The module's code as the body of jiti's async CommonJS wrapper, or undefined when it holds
 * something this rewrite does not handle (see above).
 */
export function moduleToCommonJs(
  js: string,
  filename: string | undefined,
  o: { elideUnusedImports: boolean } = { elideUnusedImports: false },
): string | undefined {
  if (js.startsWith('#!')) return undefined;
  let program: Program;
  try {
    program = parse(js, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    return undefined;
  }

  /** Edits to the text: [start, end, replacement], applied from the end. */
  const edits: [number, number, string][] = [];
  /** Replaces `start..end` with blanks, keeping its line breaks (and so every line number). */
  const blank = (start: number, end: number, keep = '') =>
    edits.push([start, end, keep + js.slice(start + keep.length, end).replace(/[^\n\r]/g, ' ')]);

  let declined = false;
  let hasModuleSyntax = false;
  const used = new Set<string>();
  const bodyNodes = program.body.filter(
    (s) =>
      s.type !== 'ImportDeclaration' &&
      !((s.type === 'ExportNamedDeclaration' || s.type === 'ExportAllDeclaration') && s.source),
  );
  for (const statement of bodyNodes) {
    full(statement as Node, (node) => {
      const n = node as AnyNode;
      if (n.type === 'Identifier') used.add(n.name);
      else if (n.type === 'MetaProperty') {
        // import.meta.url is the file's URL, as babel writes it; anything else: babel.
        const parent = findParent(statement as AnyNode, n);
        if (
          !filename ||
          parent?.type !== 'MemberExpression' ||
          parent.computed ||
          parent.property.type !== 'Identifier' ||
          parent.property.name !== 'url'
        )
          declined = true;
        else edits.push([parent.start, parent.end, JSON.stringify(pathToFileURL(filename).href)]);
      } else if (n.type === 'ImportExpression') {
        if (n.options) declined = true;
        // jiti's dynamic import, which resolves as a static import does (virtual modules too).
        else edits.push([n.start, n.start + 'import'.length, 'jitiImport']);
      }
    });
    if (statement.type === 'ExportNamedDeclaration' && !statement.source)
      for (const s of statement.specifiers) used.add(nameOf(s.local));
    if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'Identifier')
      used.add(statement.declaration.name);
  }
  if (declined) return undefined;

  const loads: string[] = [];
  const getters: string[] = [];
  const stars: string[] = [];
  let n = 0;
  const load = (source: string): string => {
    const v = `_dmImport${n++}`;
    loads.push(`var ${v} = await jitiImport(${JSON.stringify(source)});`);
    return v;
  };
  const getter = (exported: string, expr: string) =>
    getters.push(
      `Object.defineProperty(exports, ${JSON.stringify(exported)}, { enumerable: true, get: function () { return ${expr}; } });`,
    );

  for (const s of program.body) {
    if (s.type === 'ImportDeclaration') {
      hasModuleSyntax = true;
      if (s.attributes?.length) return undefined;
      const source = String(s.source.value);
      const specifiers = s.specifiers as unknown as Specifier[];
      blank(s.start, s.end);
      if (!specifiers.length) {
        // `import {} from 'x'` in TypeScript is what stripping leaves of `import { type T } from 'x'`:
        // dropped, as TypeScript drops it (the package may have types only). `import 'x'` runs x.
        if (o.elideUnusedImports && js.slice(s.start, s.source.start).includes('{')) continue;
        loads.push(`await jitiImport(${JSON.stringify(source)});`);
        continue;
      }
      // In TypeScript, bindings never used as values were used as types only (or not at all):
      // TypeScript (and babel) drop the import. JavaScript keeps it, for its side effects.
      if (o.elideUnusedImports && !specifiers.some((x) => used.has(nameOf(x.local)))) continue;
      const v = load(source);
      for (const x of specifiers) {
        const local = nameOf(x.local);
        const value =
          x.type === 'ImportDefaultSpecifier'
            ? `${v}.default`
            : x.type === 'ImportNamespaceSpecifier'
              ? v
              : `${v}[${JSON.stringify(nameOf((x as unknown as { imported: Specifier['local'] }).imported))}]`;
        loads.push(`const ${local} = ${value};`);
      }
    } else if (s.type === 'ExportAllDeclaration') {
      hasModuleSyntax = true;
      if (s.attributes?.length) return undefined;
      blank(s.start, s.end);
      const v = load(String(s.source.value));
      if (s.exported) getter(nameOf(s.exported as Specifier['local']), v);
      else
        stars.push(
          `Object.keys(${v}).forEach(function (k) { if (k === "default" || k === "__esModule" || k in exports) return; Object.defineProperty(exports, k, { enumerable: true, get: function () { return ${v}[k]; } }); });`,
        );
    } else if (s.type === 'ExportNamedDeclaration') {
      hasModuleSyntax = true;
      if (s.attributes?.length) return undefined;
      if (s.declaration) {
        // `export const a = 1, {b} = c;`, `export function f`, `export class K`: the declaration stays.
        blank(s.start, s.declaration.start);
        const d = s.declaration;
        const names =
          d.type === 'VariableDeclaration'
            ? d.declarations.flatMap((x) => bindingNames(x.id))
            : d.id
              ? [d.id.name]
              : [];
        for (const name of names) getter(name, name);
        continue;
      }
      blank(s.start, s.end);
      const from = s.source ? load(String(s.source.value)) : undefined;
      for (const x of s.specifiers as unknown as Specifier[]) {
        const local = nameOf(x.local);
        getter(nameOf(x.exported), from ? `${from}[${JSON.stringify(local)}]` : local);
      }
    } else if (s.type === 'ExportDefaultDeclaration') {
      hasModuleSyntax = true;
      const d = s.declaration;
      if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) {
        // A named declaration keeps its binding (and a function its hoisting).
        blank(s.start, d.start);
        getter('default', d.id.name);
      } else {
        // `exports.default = <expression>;` in place of `export default <expression>`.
        edits.push([s.start, d.start, 'exports.default = ']);
        if (js[s.end - 1] !== ';') edits.push([s.end, s.end, ';']);
      }
    }
  }
  if (!hasModuleSyntax) return undefined;

  edits.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  let out = js;
  for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
  // All on the first line, before the file's own: every line of the file keeps its number.
  const head = [
    '"use strict";Object.defineProperty(exports, "__esModule", { value: true });',
    ...getters,
    ...loads,
    ...stars,
  ].join('');
  return head + out;
}

/** The names a binding pattern declares (`{a, b: [c, ...d], e = 1}` declares a, c, d and e). */
function bindingNames(p: Pattern): string[] {
  switch (p.type) {
    case 'Identifier':
      return [p.name];
    case 'ObjectPattern':
      return p.properties.flatMap((x) => (x.type === 'RestElement' ? bindingNames(x.argument) : bindingNames(x.value)));
    case 'ArrayPattern':
      return p.elements.flatMap((x) => (x ? bindingNames(x) : []));
    case 'RestElement':
      return bindingNames(p.argument);
    case 'AssignmentPattern':
      return bindingNames(p.left);
    default:
      return [];
  }
}

/** The node whose direct child `target` is, searching under `root`. */
function findParent(root: AnyNode, target: AnyNode): AnyNode | undefined {
  let found: AnyNode | undefined;
  full(root as Node, (node) => {
    if (found) return;
    for (const value of Object.values(node)) {
      if (value === target || (Array.isArray(value) && value.includes(target))) {
        found = node as AnyNode;
        return;
      }
    }
  });
  return found;
}
