import { type AnyNode, type Node, parse } from 'acorn';
import { fullAncestor } from 'acorn-walk';
import { type AnalyzerFinding, finding } from './findings';

/**
 * The static rules (DM1xx): read from a migration's JavaScript (TypeScript is compiled by the
 * loader first; the analyzers read that output) with acorn, never run. Pure. This module loads
 * the parser, so only the commands that show findings (`lint`, `plan`) import it, and lazily.
 */

/** A migration as the static rules see it. */
export interface StaticSource {
  version: string;
  file: string;
  /** The migration's JavaScript (the loader's compiled output for TypeScript). */
  code: string;
  irreversible: boolean;
  hasDown: boolean;
}

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
export function staticFindings(src: StaticSource): AnalyzerFinding[] {
  const out: AnalyzerFinding[] = [];
  if (!src.irreversible && !src.hasDown && src.version !== 'reset')
    out.push(
      finding(
        'DM104',
        src,
        'has no down: add one that undoes up, or declare irreversible: true if the change cannot be undone',
      ),
    );
  let ast: Node;
  try {
    ast = parse(src.code, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      locations: true,
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: true,
      allowImportExportEverywhere: true,
      allowHashBang: true,
    });
  } catch {
    return out;
  }
  const paginates = /\b(LastEvaluatedKey|ExclusiveStartKey)\b/.test(src.code);
  fullAncestor(ast, (node, _state, ancestors) => {
    const line = (node as Node & { loc?: { start: { line: number } } }).loc?.start.line;
    if (node.type === 'NewExpression') {
      const name = calleeName(node.callee);
      if (name && READS.has(name) && !hasLimit(node.arguments[0])) {
        const inLoop = ancestors.some((a) => LOOPS.has(a.type));
        if (!(inLoop && paginates))
          out.push(
            finding(
              'DM101',
              src,
              `${name} sent without a pagination loop (LastEvaluatedKey -> ExclusiveStartKey): only the first 1 MB page is read. Use ctx.data.forEach/transform, or loop until LastEvaluatedKey is undefined`,
              { line },
            ),
          );
      }
      if (name && WRITES.has(name))
        out.push(
          finding(
            'DM102',
            src,
            `${name} writes with the raw client: no checkpoints, rate limit, dry run or canary. Use ctx.data.transform (put/replace/delete)`,
            { line },
          ),
        );
      if (name === 'Date' && node.arguments.length === 0 && insideTransform(ancestors))
        out.push(nonDeterministic(src, 'new Date()', line));
    }
    if (node.type === 'CallExpression') {
      const full = dottedName(node.callee);
      const last = full?.split('.').pop();
      // `Date.now` by its full name; `randomUUID`, `v4`… by their own, whatever object they come from.
      const hit =
        full && NON_DETERMINISTIC_CALLS.has(full) ? full : last && NON_DETERMINISTIC_CALLS.has(last) ? last : undefined;
      if (hit && insideTransform(ancestors)) out.push(nonDeterministic(src, `${hit}()`, line));
    }
  });
  return out;
}

function nonDeterministic(src: StaticSource, what: string, line: number | undefined): AnalyzerFinding {
  return finding(
    'DM103',
    src,
    `${what} in a transform: a resumed, retried or canaried pass writes a different value. Derive it from the item (its key, an existing timestamp) or pass one fixed value computed once before the pass`,
    { line },
  );
}

/** Whether the node is inside a function given to a `.transform(...)` call (the item callback). */
function insideTransform(ancestors: readonly AnyNode[]): boolean {
  for (let i = ancestors.length - 1; i > 0; i--) {
    const fn = ancestors[i]!;
    if (!FUNCTIONS.has(fn.type)) continue;
    const parent = ancestors[i - 1]!;
    if (parent.type === 'CallExpression' && parent.arguments.includes(fn as never)) {
      const name = dottedName(parent.callee)?.split('.').pop();
      if (name === 'transform') return true;
    }
  }
  return false;
}

/** `Foo`, `x.Foo` and `(0, x.Foo)` (a compiler's import call) all name `Foo`. */
function calleeName(n: AnyNode): string | undefined {
  return dottedName(n)?.split('.').pop();
}

/** `a.b.c` of a callee, through `(0, a.b)` sequences; undefined for anything computed. */
function dottedName(n: AnyNode): string | undefined {
  if (n.type === 'Identifier') return n.name;
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
function hasLimit(arg: AnyNode | undefined): boolean {
  return (
    !!arg &&
    arg.type === 'ObjectExpression' &&
    arg.properties.some(
      (p) =>
        p.type === 'Property' &&
        ((p.key.type === 'Identifier' && p.key.name === 'Limit') ||
          (p.key.type === 'Literal' && p.key.value === 'Limit')),
    )
  );
}
