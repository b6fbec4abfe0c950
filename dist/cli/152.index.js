export const id = 152;
export const ids = [152];
export const modules = {

/***/ 2771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nodeTypeStripper: () => (/* binding */ nodeTypeStripper),
/* harmony export */   stripTransform: () => (/* binding */ stripTransform)
/* harmony export */ });
/* unused harmony exports canStrip, moduleToCommonJs */
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var acorn__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4559);
/* harmony import */ var acorn_walk__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3097);




/** Node's `stripTypeScriptTypes` in strip-only mode, quietened; undefined where Node has none. */
function nodeTypeStripper(mod = node_module__WEBPACK_IMPORTED_MODULE_0__) {
    const strip = mod.stripTypeScriptTypes;
    if (typeof strip !== 'function')
        return undefined;
    return (code) => {
        // Node warns once that the function is experimental: our choice of transform, not the
        // user's concern, so that one warning is not printed in their job's log.
        const emit = process.emitWarning;
        process.emitWarning = ((warning, ...rest) => {
            const text = typeof warning === 'string' ? warning : warning.message;
            if (/stripTypeScriptTypes/.test(text))
                return;
            emit.call(process, warning, ...rest);
        });
        try {
            return strip(code, { mode: 'strip' });
        }
        finally {
            process.emitWarning = emit;
        }
    };
}
/** Which transforms this module can make for `opts`: false means babel is needed. */
function canStrip(opts, strip) {
    return opts.async === true && !opts.jsx && (!opts.ts || strip !== undefined);
}
/** jiti's transform by type stripping and an import/export rewrite; undefined: use babel. */
function stripTransform(opts, strip) {
    if (!canStrip(opts, strip))
        return undefined;
    let js;
    try {
        js = opts.ts ? strip(opts.source) : opts.source;
    }
    catch {
        // TypeScript beyond types (ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX) or a syntax error: babel's turn.
        return undefined;
    }
    const code = moduleToCommonJs(js, opts.filename, { elideUnusedImports: opts.ts === true });
    return code === undefined ? undefined : { code };
}
const nameOf = (n) => n ? (typeof n.name === 'string' ? n.name : String(n.value)) : '';
/**
 * The module's code as the body of jiti's async CommonJS wrapper, or undefined when it holds
 * something this rewrite does not handle (see above).
 */
function moduleToCommonJs(js, filename, o = { elideUnusedImports: false }) {
    if (js.startsWith('#!'))
        return undefined;
    let program;
    try {
        program = (0,acorn__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(js, { ecmaVersion: 'latest', sourceType: 'module' });
    }
    catch {
        return undefined;
    }
    /** Edits to the text: [start, end, replacement], applied from the end. */
    const edits = [];
    /** Replaces `start..end` with blanks, keeping its line breaks (and so every line number). */
    const blank = (start, end, keep = '') => edits.push([start, end, keep + js.slice(start + keep.length, end).replace(/[^\n\r]/g, ' ')]);
    let declined = false;
    let hasModuleSyntax = false;
    const used = new Set();
    const bodyNodes = program.body.filter((s) => s.type !== 'ImportDeclaration' &&
        !((s.type === 'ExportNamedDeclaration' || s.type === 'ExportAllDeclaration') && s.source));
    for (const statement of bodyNodes) {
        (0,acorn_walk__WEBPACK_IMPORTED_MODULE_3__/* .full */ .a2)(statement, (node) => {
            const n = node;
            if (n.type === 'Identifier')
                used.add(n.name);
            else if (n.type === 'MetaProperty') {
                // import.meta.url is the file's URL, as babel writes it; anything else: babel.
                const parent = findParent(statement, n);
                if (!filename ||
                    parent?.type !== 'MemberExpression' ||
                    parent.computed ||
                    parent.property.type !== 'Identifier' ||
                    parent.property.name !== 'url')
                    declined = true;
                else
                    edits.push([parent.start, parent.end, JSON.stringify((0,node_url__WEBPACK_IMPORTED_MODULE_1__.pathToFileURL)(filename).href)]);
            }
            else if (n.type === 'ImportExpression') {
                if (n.options)
                    declined = true;
                // jiti's dynamic import, which resolves as a static import does (virtual modules too).
                else
                    edits.push([n.start, n.start + 'import'.length, 'jitiImport']);
            }
        });
        if (statement.type === 'ExportNamedDeclaration' && !statement.source)
            for (const s of statement.specifiers)
                used.add(nameOf(s.local));
        if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'Identifier')
            used.add(statement.declaration.name);
    }
    if (declined)
        return undefined;
    const loads = [];
    const getters = [];
    const stars = [];
    let n = 0;
    const load = (source) => {
        const v = `_dmImport${n++}`;
        loads.push(`var ${v} = await jitiImport(${JSON.stringify(source)});`);
        return v;
    };
    const getter = (exported, expr) => getters.push(`Object.defineProperty(exports, ${JSON.stringify(exported)}, { enumerable: true, get: function () { return ${expr}; } });`);
    for (const s of program.body) {
        if (s.type === 'ImportDeclaration') {
            hasModuleSyntax = true;
            if (s.attributes?.length)
                return undefined;
            const source = String(s.source.value);
            const specifiers = s.specifiers;
            blank(s.start, s.end);
            if (!specifiers.length) {
                // `import {} from 'x'` in TypeScript is what stripping leaves of `import { type T } from 'x'`:
                // dropped, as TypeScript drops it (the package may have types only). `import 'x'` runs x.
                if (o.elideUnusedImports && js.slice(s.start, s.source.start).includes('{'))
                    continue;
                loads.push(`await jitiImport(${JSON.stringify(source)});`);
                continue;
            }
            // In TypeScript, bindings never used as values were used as types only (or not at all):
            // TypeScript (and babel) drop the import. JavaScript keeps it, for its side effects.
            if (o.elideUnusedImports && !specifiers.some((x) => used.has(nameOf(x.local))))
                continue;
            const v = load(source);
            for (const x of specifiers) {
                const local = nameOf(x.local);
                const value = x.type === 'ImportDefaultSpecifier'
                    ? `${v}.default`
                    : x.type === 'ImportNamespaceSpecifier'
                        ? v
                        : `${v}[${JSON.stringify(nameOf(x.imported))}]`;
                loads.push(`const ${local} = ${value};`);
            }
        }
        else if (s.type === 'ExportAllDeclaration') {
            hasModuleSyntax = true;
            if (s.attributes?.length)
                return undefined;
            blank(s.start, s.end);
            const v = load(String(s.source.value));
            if (s.exported)
                getter(nameOf(s.exported), v);
            else
                stars.push(`Object.keys(${v}).forEach(function (k) { if (k === "default" || k === "__esModule" || k in exports) return; Object.defineProperty(exports, k, { enumerable: true, get: function () { return ${v}[k]; } }); });`);
        }
        else if (s.type === 'ExportNamedDeclaration') {
            hasModuleSyntax = true;
            if (s.attributes?.length)
                return undefined;
            if (s.declaration) {
                // `export const a = 1, {b} = c;`, `export function f`, `export class K`: the declaration stays.
                blank(s.start, s.declaration.start);
                const d = s.declaration;
                const names = d.type === 'VariableDeclaration'
                    ? d.declarations.flatMap((x) => bindingNames(x.id))
                    : d.id
                        ? [d.id.name]
                        : [];
                for (const name of names)
                    getter(name, name);
                continue;
            }
            blank(s.start, s.end);
            const from = s.source ? load(String(s.source.value)) : undefined;
            for (const x of s.specifiers) {
                const local = nameOf(x.local);
                getter(nameOf(x.exported), from ? `${from}[${JSON.stringify(local)}]` : local);
            }
        }
        else if (s.type === 'ExportDefaultDeclaration') {
            hasModuleSyntax = true;
            const d = s.declaration;
            if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) {
                // A named declaration keeps its binding (and a function its hoisting).
                blank(s.start, d.start);
                getter('default', d.id.name);
            }
            else {
                // `exports.default = <expression>;` in place of `export default <expression>`.
                edits.push([s.start, d.start, 'exports.default = ']);
                if (js[s.end - 1] !== ';')
                    edits.push([s.end, s.end, ';']);
            }
        }
    }
    if (!hasModuleSyntax)
        return undefined;
    edits.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    let out = js;
    for (const [start, end, text] of edits)
        out = out.slice(0, start) + text + out.slice(end);
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
function bindingNames(p) {
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
function findParent(root, target) {
    let found;
    (0,acorn_walk__WEBPACK_IMPORTED_MODULE_3__/* .full */ .a2)(root, (node) => {
        if (found)
            return;
        for (const value of Object.values(node)) {
            if (value === target || (Array.isArray(value) && value.includes(target))) {
                found = node;
                return;
            }
        }
    });
    return found;
}


/***/ })

};
