import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * GitHub's own OpenAPI description of its REST API (@octokit/openapi, api.github.com), turned
 * into JSON Schema validators for the few operations asked for. Only the undereferenced
 * description is read (13 MB, not the package's 400 MB of variants), and only the components
 * those operations reach are compiled.
 */

/** One operation of the description: its documented statuses and what it takes. */
export interface GitHubOperation {
  route: string;
  operationId: string;
  /** Status -> validator of the JSON body GitHub documents for it. */
  responses: Map<number, ValidateFunction>;
  /** The JSON request body's validator, when the operation takes one. */
  requestBody: ValidateFunction | undefined;
  /** Names of the documented query parameters. */
  query: Set<string>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface GitHubDescription {
  /** The description's version (@octokit/openapi's). */
  version: string;
  /** `METHOD /path/{param}` -> the operation; routes the description lacks are absent. */
  operations: Map<string, GitHubOperation>;
  /** Whether the description has this operation (any route, not only those loaded). */
  documented(route: string): boolean;
  /** GitHub's generic error body (`basic-error`), for statuses its description leaves to prose (401, 429, 5xx). */
  basicError: ValidateFunction;
}

/** Loads the operations named `METHOD /path` (as GitHub's description spells the path). */
export function loadGitHubDescription(routes: readonly string[]): GitHubDescription {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('@octokit/openapi/package.json')), 'generated', 'api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  const components = doc.components as { [kind: string]: { [name: string]: JsonObject } };
  const schemas = components.schemas ?? {};

  const resolve = (node: JsonObject): JsonObject => {
    const ref = node.$ref;
    if (typeof ref !== 'string') return node;
    const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
    const target = kind && name ? components[kind]?.[name] : undefined;
    if (!target) throw new Error(`GitHub's description has no ${ref}`);
    return resolve(target);
  };

  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  /** Compiles a schema with the component schemas it reaches, in JSON Schema terms. */
  const compile = (schema: Json): ValidateFunction => {
    const definitions: Record<string, Json> = {};
    const pending = [...refsOf(schema)];
    while (pending.length) {
      const name = pending.pop()!;
      if (name in definitions) continue;
      const s = schemas[name];
      if (!s) throw new Error(`GitHub's description has no schema ${name}`);
      definitions[name] = toJsonSchema(s);
      pending.push(...refsOf(s));
    }
    return ajv.compile({ ...(toJsonSchema(schema) as JsonObject), definitions });
  };

  const paths = doc.paths as { [path: string]: { [method: string]: JsonObject } };
  const operations = new Map<string, GitHubOperation>();
  for (const route of routes) {
    const [method, path] = route.split(' ') as [string, string];
    const op = paths[path]?.[method.toLowerCase()];
    if (!op) continue;
    const responses = new Map<number, ValidateFunction>();
    for (const [status, r] of Object.entries((op.responses ?? {}) as JsonObject)) {
      const schema = jsonSchemaOf(resolve(r as JsonObject));
      if (schema !== undefined) responses.set(Number(status), compile(schema));
    }
    const body = op.requestBody ? jsonSchemaOf(resolve(op.requestBody as JsonObject)) : undefined;
    const query = new Set(
      ((op.parameters ?? []) as JsonObject[])
        .map(resolve)
        .filter((p) => p.in === 'query')
        .map((p) => String(p.name)),
    );
    operations.set(route, {
      route,
      operationId: String(op.operationId),
      responses,
      requestBody: body === undefined ? undefined : compile(body),
      query,
    });
  }
  return {
    version: String((doc.info as JsonObject).version),
    operations,
    documented: (route) => {
      const [method, path] = route.split(' ') as [string, string | undefined];
      return path !== undefined && paths[path]?.[method.toLowerCase()] !== undefined;
    },
    basicError: compile({ $ref: '#/components/schemas/basic-error' }),
  };
}

/** The JSON schema of a response or request body, if it has one. */
function jsonSchemaOf(r: JsonObject): Json | undefined {
  const content = r.content as { [type: string]: JsonObject } | undefined;
  return content?.['application/json']?.schema;
}

function refsOf(node: Json): string[] {
  const out: string[] = [];
  const walk = (n: Json) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const m = typeof n.$ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(n.$ref) : null;
      if (m) out.push(m[1]!);
      for (const v of Object.values(n)) walk(v);
    }
  };
  walk(node);
  return out;
}

/**
 * OpenAPI 3.0's dialect to JSON Schema: `nullable: true` becomes a null type (or a null
 * alternative where there is no `type`), and references point into `definitions`.
 */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  // In OpenAPI 3.0 a $ref's siblings are ignored.
  if (typeof node.$ref === 'string') return { $ref: node.$ref.replace('#/components/schemas/', '#/definitions/') };
  const { nullable, ...rest } = node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(rest)) {
    // `properties` maps names to schemas: the names are not keywords.
    out[k] =
      k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).map(([name, s]) => [name, toJsonSchema(s)]))
        : k === 'example' || k === 'examples' || k === 'enum' || k === 'required'
          ? v
          : toJsonSchema(v);
  }
  if (nullable !== true) return out;
  if (typeof out.type === 'string') {
    return {
      ...out,
      type: [out.type, 'null'],
      ...(Array.isArray(out.enum) && !out.enum.includes(null) ? { enum: [...out.enum, null] } : {}),
    };
  }
  return { anyOf: [out, { type: 'null' }] };
}
