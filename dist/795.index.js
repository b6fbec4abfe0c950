export const id = 795;
export const ids = [795];
export const modules = {

/***/ 9795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   staticFindings: () => (/* binding */ staticFindings)
/* harmony export */ });
/* harmony import */ var acorn__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4559);
/* harmony import */ var acorn_walk__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3097);
/* harmony import */ var _findings__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1869);



const READS = new Set(['ScanCommand', 'QueryCommand']);
const WRITES = new Set([
    'PutItemCommand',
    'UpdateItemCommand',
    'DeleteItemCommand',
    'BatchWriteItemCommand',
    'TransactWriteItemsCommand',
    'ExecuteStatementCommand',
    'BatchExecuteStatementCommand',
    'ExecuteTransactionCommand',
    // @aws-sdk/lib-dynamodb's document-client commands.
    'PutCommand',
    'UpdateCommand',
    'DeleteCommand',
    'BatchWriteCommand',
    'TransactWriteCommand',
]);
/** Calls whose value differs on every run (by the callee's last name: `Date.now`, `crypto.randomUUID`, `uuid.v4`). */
const NON_DETERMINISTIC_CALLS = new Set([
    'Date.now',
    'Math.random',
    'performance.now',
    'randomUUID',
    'randomBytes',
    'randomInt',
    'getRandomValues',
    'v1',
    'v4',
    'v7',
    'uuid',
    'uuidv4',
    'nanoid',
    'ulid',
    'cuid',
    'createId',
]);
const LOOPS = new Set(['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForOfStatement', 'ForInStatement']);
const FUNCTIONS = new Set(['FunctionExpression', 'ArrowFunctionExpression', 'FunctionDeclaration']);
/** Every static finding of one migration. A file that does not parse gets none (lint reports its load error). */
function staticFindings(src) {
    const out = [];
    if (!src.irreversible && !src.hasDown && src.version !== 'reset')
        out.push((0,_findings__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)('DM104', src, 'has no down: add one that undoes up, or declare irreversible: true if the change cannot be undone'));
    let ast;
    try {
        ast = (0,acorn__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(src.code, {
            ecmaVersion: 'latest',
            sourceType: 'module',
            locations: true,
            allowAwaitOutsideFunction: true,
            allowReturnOutsideFunction: true,
            allowImportExportEverywhere: true,
            allowHashBang: true,
        });
    }
    catch {
        return out;
    }
    const paginates = /\b(LastEvaluatedKey|ExclusiveStartKey)\b/.test(src.code);
    (0,acorn_walk__WEBPACK_IMPORTED_MODULE_1__/* .fullAncestor */ .xu)(ast, (node, _state, ancestors) => {
        const line = node.loc?.start.line;
        if (node.type === 'NewExpression') {
            const name = calleeName(node.callee);
            if (name && READS.has(name) && !hasLimit(node.arguments[0])) {
                const inLoop = ancestors.some((a) => LOOPS.has(a.type));
                if (!(inLoop && paginates))
                    out.push((0,_findings__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)('DM101', src, `${name} sent without a pagination loop (LastEvaluatedKey -> ExclusiveStartKey): only the first 1 MB page is read. Use ctx.data.forEach/transform, or loop until LastEvaluatedKey is undefined`, { line }));
            }
            if (name && WRITES.has(name))
                out.push((0,_findings__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)('DM102', src, `${name} writes with the raw client: no checkpoints, rate limit, dry run or canary. Use ctx.data.transform (put/replace/delete)`, { line }));
            if (name === 'Date' && node.arguments.length === 0 && insideTransform(ancestors))
                out.push(nonDeterministic(src, 'new Date()', line));
        }
        if (node.type === 'CallExpression') {
            const full = dottedName(node.callee);
            const last = full?.split('.').pop();
            // `Date.now` by its full name; `randomUUID`, `v4`… by their own, whatever object they come from.
            const hit = full && NON_DETERMINISTIC_CALLS.has(full) ? full : last && NON_DETERMINISTIC_CALLS.has(last) ? last : undefined;
            if (hit && insideTransform(ancestors))
                out.push(nonDeterministic(src, `${hit}()`, line));
        }
    });
    return out;
}
function nonDeterministic(src, what, line) {
    return (0,_findings__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)('DM103', src, `${what} in a transform: a resumed, retried or canaried pass writes a different value. Derive it from the item (its key, an existing timestamp) or pass one fixed value computed once before the pass`, { line });
}
/** Whether the node is inside a function given to a `.transform(...)` call (the item callback). */
function insideTransform(ancestors) {
    for (let i = ancestors.length - 1; i > 0; i--) {
        const fn = ancestors[i];
        if (!FUNCTIONS.has(fn.type))
            continue;
        const parent = ancestors[i - 1];
        if (parent.type === 'CallExpression' && parent.arguments.includes(fn)) {
            const name = dottedName(parent.callee)?.split('.').pop();
            if (name === 'transform')
                return true;
        }
    }
    return false;
}
/** `Foo`, `x.Foo` and `(0, x.Foo)` (a compiler's import call) all name `Foo`. */
function calleeName(n) {
    return dottedName(n)?.split('.').pop();
}
/** `a.b.c` of a callee, through `(0, a.b)` sequences; undefined for anything computed. */
function dottedName(n) {
    if (n.type === 'Identifier')
        return n.name;
    if (n.type === 'SequenceExpression') {
        const last = n.expressions.at(-1);
        return last ? dottedName(last) : undefined;
    }
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
        const obj = dottedName(n.object);
        // A compiler's namespace object (`_clientDynamodb.ScanCommand`) is not part of the name.
        return obj && !obj.startsWith('_') ? `${obj}.${n.property.name}` : n.property.name;
    }
    return undefined;
}
/** A read with an explicit `Limit` asks for a bounded number of items: no loop needed. */
function hasLimit(arg) {
    return (!!arg &&
        arg.type === 'ObjectExpression' &&
        arg.properties.some((p) => p.type === 'Property' &&
            ((p.key.type === 'Identifier' && p.key.name === 'Limit') ||
                (p.key.type === 'Literal' && p.key.value === 'Limit'))));
}


/***/ })

};
