import * as __WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__ from "@aws-sdk/client-dynamodb";
import * as __WEBPACK_EXTERNAL_MODULE__aws_sdk_util_dynamodb_542398e0__ from "@aws-sdk/util-dynamodb";
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
import * as __WEBPACK_EXTERNAL_MODULE_zod__ from "zod";
import * as __WEBPACK_EXTERNAL_MODULE_semver__ from "semver";
/******/ var __webpack_modules__ = ({

/***/ 923:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  gk: () => (/* binding */ finding),
  cV: () => (/* binding */ suppressionProblems)
});

// UNUSED EXPORTS: DEFAULT_REHEARSAL_SAMPLE, applySuppressions, checksReport, formatFinding, rehearsalSample

;// CONCATENATED MODULE: ./src/core/analyzers/rules.ts
/**
 * The one registry of analyzer rules: a stable code, a severity (an error blocks the plan, a
 * warning is shown), what it finds, and its anchor in docs/analyzers.md. Codes never change
 * meaning once released; a retired rule keeps its code reserved.
 *
 * DM1xx are static (read from a migration's source, in `lint` and `plan`); DM2xx come from a
 * rehearsal (`plan --rehearse`: the step's transforms run in memory on a sample of the table).
 */
const RULE_CODES = [
    'DM101',
    'DM102',
    'DM103',
    'DM104',
    'DM201',
    'DM202',
    'DM203',
    'DM204',
    'DM205',
    'DM206',
    'DM207',
    'DM208',
    'DM209',
];
const rule = (code, name, severity, kind, summary) => ({ code, name, severity, kind, summary });
/** Every rule, by code. */
const ANALYZER_RULES = {
    DM101: rule('DM101', 'unpaginated-read', 'error', 'static', 'a raw-client Scan or Query without a pagination loop reads only its first 1 MB page'),
    DM102: rule('DM102', 'raw-write', 'warning', 'static', 'a raw-client write bypasses the bulk engine: no checkpoints, rate limit, dry run or canary'),
    DM103: rule('DM103', 'non-deterministic-transform', 'warning', 'static', 'a transform writes a clock or random value: a resumed or canaried step writes different values'),
    DM104: rule('DM104', 'reversible-without-down', 'error', 'static', 'a step that is not declared irreversible has no down'),
    DM201: rule('DM201', 'sets-primary-key', 'error', 'rehearsal', 'a transform sets a primary-key attribute, which cannot change in place'),
    DM202: rule('DM202', 'sets-index-key', 'warning', 'rehearsal', 'a transform sets a GSI key attribute: the index is written too (extra write units)'),
    DM203: rule('DM203', 'deletes-items', 'warning', 'rehearsal', 'a transform deletes items (or attributes) that its down does not restore'),
    DM204: rule('DM204', 'item-too-large', 'error', 'rehearsal', "an item would grow past DynamoDB's 400 KB item limit"),
    DM205: rule('DM205', 'not-idempotent', 'error', 'rehearsal', 'declared idempotent, but up applied twice differs from up once'),
    DM206: rule('DM206', 'round-trip', 'error', 'rehearsal', 'up then down does not give back the items as they were'),
    DM207: rule('DM207', 'schema-misfit', 'error', 'rehearsal', "the items after up do not fit the schema of the step's version"),
    DM208: rule('DM208', 'not-rehearsable', 'warning', 'rehearsal', 'writes made outside ctx.data cannot be rehearsed'),
    DM209: rule('DM209', 'rehearsal-threw', 'error', 'rehearsal', 'up or down threw while rehearsed on the sample'),
};
/** Whether a string is a rule code. */
function isRuleCode(s) {
    return RULE_CODES.includes(s);
}
/** The rule's page in the docs (`docs/analyzers.md#dm101-unpaginated-read`). */
function ruleAnchor(code) {
    return `docs/analyzers.md#${code.toLowerCase()}-${ANALYZER_RULES[code].name}`;
}

;// CONCATENATED MODULE: ./src/core/analyzers/findings.ts

/** A finding for a rule, with the rule's severity. */
function finding(code, m, message, extra = {}) {
    return { code, severity: ANALYZER_RULES[code].severity, version: m.version, file: m.file, message, ...extra };
}
/**
 * Problems with a migration's `suppress` property: it must map rule codes to a non-empty
 * reason. Returned as messages for lint; an empty list when it is fine or absent.
 */
function suppressionProblems(value) {
    if (value === undefined)
        return [];
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return ['"suppress" must map rule codes to the reason, e.g. suppress: { DM102: "writes one config item" }'];
    const out = [];
    for (const [code, reason] of Object.entries(value)) {
        if (!isRuleCode(code))
            out.push(`suppress: "${code}" is not a rule code (see docs/analyzers.md)`);
        else if (typeof reason !== 'string' || !reason.trim())
            out.push(`suppress: ${code} needs a reason (a non-empty string saying why the finding is fine)`);
    }
    return out;
}
/** Findings with each migration's suppressions applied (marked, never dropped). */
function applySuppressions(findings, suppressionsOf) {
    return findings.map((f) => {
        const reason = suppressionsOf(f.version)?.[f.code];
        return reason ? { ...f, suppressed: reason } : f;
    });
}
/** The checks section from findings (suppressions already applied). */
function checksReport(findings, rehearsal) {
    const byCode = new Map();
    for (const f of findings) {
        const c = byCode.get(f.code) ?? { code: f.code, severity: f.severity, findings: 0, suppressed: 0 };
        c.findings++;
        if (f.suppressed)
            c.suppressed++;
        byCode.set(f.code, c);
    }
    const live = findings.filter((f) => !f.suppressed);
    return {
        findings: [...findings],
        counts: [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)),
        errors: live.filter((f) => f.severity === 'error').length,
        warnings: live.filter((f) => f.severity === 'warning').length,
        ...(rehearsal ? { rehearsal } : {}),
    };
}
/** One line of a finding, as lint and the terminal show it. */
function formatFinding(f) {
    const where = f.line ? `${f.file}:${f.line}` : f.file;
    const count = f.count !== undefined ? ` (${f.count} item${f.count === 1 ? '' : 's'})` : '';
    const suppressed = f.suppressed ? ` [suppressed: ${f.suppressed}]` : '';
    return `${f.code} ${f.severity}: ${where} (${f.version}): ${f.message}${count}${suppressed}`;
}
/** Default sample of a rehearsal, in percent of the table's items. */
const DEFAULT_REHEARSAL_SAMPLE = 1;
/**
 * The sample (percent) a plan is rehearsed on, or undefined for no rehearsal: the CLI's
 * `--rehearse` (with `--sample`), else the environment's `rehearse` key (the PR plan).
 */
function rehearsalSample(env, flag) {
    if (flag?.rehearse)
        return flag.samplePercent ?? DEFAULT_REHEARSAL_SAMPLE;
    const r = env.rehearse;
    if (!r)
        return undefined;
    return r === true ? DEFAULT_REHEARSAL_SAMPLE : (r.sample ?? DEFAULT_REHEARSAL_SAMPLE);
}


/***/ }),

/***/ 688:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _0: () => (/* binding */ CHECKSUM_ALGORITHM),
/* harmony export */   _Y: () => (/* binding */ stableJson),
/* harmony export */   fH: () => (/* binding */ checksumDrift),
/* harmony export */   qQ: () => (/* binding */ hashOf)
/* harmony export */ });
/* unused harmony exports checksumOf, checksumDrifted, TREE_ALGORITHM, treeChecksumOf, shortChecksum */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** Algorithm tag stored with every checksum, so a later change of algorithm is not drift. */
const CHECKSUM_ALGORITHM = 'sha256';
/** `sha256:<hex>` of a migration file's bytes. */
function checksumOf(bytes) {
    return `${CHECKSUM_ALGORITHM}:${createHash('sha256').update(bytes).digest('hex')}`;
}
/**
 * Whether a recorded checksum disagrees with the current one. A record written by another
 * tool (no checksum) or with another algorithm cannot be compared and is not drift.
 */
function checksumDrifted(recorded, current) {
    if (!recorded)
        return false;
    const [algo] = recorded.split(':');
    const [currentAlgo] = current.split(':');
    if (algo !== currentAlgo)
        return false;
    return recorded !== current;
}
/**
 * Algorithm tag of a checksum that covers a migration file and the local modules it imports
 * (sha256 over each file's path and sha256, sorted). A file without local imports keeps the
 * plain `sha256:` checksum of its bytes, the same as records written by earlier releases.
 */
const TREE_ALGORITHM = 'sha256-tree';
/**
 * The checksum of a migration and what it imports. `sources` maps each file's path (relative to
 * the migration's folder, `/` separators; the migration itself by its name) to `sha256:<hex>` of
 * its bytes. With no other file than the migration, this is the migration's own checksum.
 */
function treeChecksumOf(main, sources) {
    const names = Object.keys(sources).sort();
    if (names.length <= 1)
        return sources[names[0] ?? ''] ?? main;
    const h = createHash('sha256');
    for (const n of names)
        h.update(`${n}\0${sources[n]}\n`);
    return `${TREE_ALGORITHM}:${h.digest('hex')}`;
}
/**
 * Whether a recorded checksum disagrees with the migration as it is now. A file-only record
 * (`sha256:`, earlier releases) is compared with the migration file alone; a tree record with
 * the file and its imports, naming the files that changed when the record lists them. A record
 * without a checksum (OneTable's) or with an unknown algorithm is not drift.
 */
function checksumDrift(recorded, current) {
    const r = recorded.checksum;
    if (!r)
        return undefined;
    const algo = r.slice(0, r.indexOf(':'));
    if (algo === CHECKSUM_ALGORITHM) {
        const file = current.fileChecksum ?? current.checksum;
        if (r === file)
            return undefined;
        return { changed: [], fileOnly: current.checksum.startsWith(`${TREE_ALGORITHM}:`) };
    }
    if (algo !== TREE_ALGORITHM || r === current.checksum)
        return undefined;
    const before = recorded.sources ?? {};
    const now = current.sources ?? {};
    const names = [...new Set([...Object.keys(before), ...Object.keys(now)])].sort();
    const changed = recorded.sources ? names.filter((n) => before[n] !== now[n]) : [];
    return { changed, fileOnly: false };
}
/** The short form shown in comments and tables. */
function shortChecksum(c) {
    const hex = c.includes(':') ? c.slice(c.indexOf(':') + 1) : c;
    return hex.slice(0, 8);
}
/** Stable sha256 of a JSON-able value (keys sorted). */
function hashOf(value) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(stableJson(value)).digest('hex');
}
function stableJson(value) {
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const obj = value;
        return `{${Object.keys(obj)
            .filter((k) => obj[k] !== undefined)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(value ?? null);
}


/***/ }),

/***/ 296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Oq: () => (/* binding */ MigrateError),
/* harmony export */   Rk: () => (/* binding */ LockHeldError),
/* harmony export */   Sh: () => (/* binding */ ManifestError),
/* harmony export */   XR: () => (/* binding */ MigrationBlockedError),
/* harmony export */   Yv: () => (/* binding */ MigrationFailedError),
/* harmony export */   aq: () => (/* binding */ PlanChangedError),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   fk: () => (/* binding */ RefusedError),
/* harmony export */   lm: () => (/* binding */ MigrationFileError),
/* harmony export */   tE: () => (/* binding */ FailedStateError),
/* harmony export */   ul: () => (/* binding */ DriftError),
/* harmony export */   v3: () => (/* binding */ RehearsalFailedError),
/* harmony export */   yx: () => (/* binding */ LockLostError),
/* harmony export */   z6: () => (/* binding */ CorruptStateError)
/* harmony export */ });
/* unused harmony export formatProblem */
const EXIT = { ok: 0, failure: 1, input: 2, locked: 3, drift: 4, rehearsal: 5 };
class MigrateError extends Error {
    exitCode = EXIT.failure;
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
}
/** Invalid input: manifest, migration files, flags, action inputs. Exit 2; nothing is written. */
class InputError extends MigrateError {
    exitCode = EXIT.input;
}
/** The manifest is missing, unreadable, or does not match its schema. */
class ManifestError extends InputError {
}
/** One or more migration files are invalid; `problems` lists every one found. */
class MigrationFileError extends InputError {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? formatProblem(problems[0])
            : `${problems.length} problems in the migrations:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
        this.problems = problems;
    }
}
function formatProblem(p) {
    return `${p.where}: ${p.message}`;
}
/** The lock is held by another run. Exit 3. */
class LockHeldError extends MigrateError {
    exitCode = EXIT.locked;
}
/** Our lease was taken over by another run: stop before writing again. */
class LockLostError extends MigrateError {
    exitCode = EXIT.locked;
}
/**
 * A rehearsal of the plan (`plan --rehearse`) found an error: a step's transforms, run in memory
 * on a sample, break the round trip, idempotence, the schema or an item limit. Exit 5; nothing
 * was written.
 */
class RehearsalFailedError extends MigrateError {
    exitCode = EXIT.rehearsal;
}
/** An applied migration's file changed, or the plan changed since it was shown. Exit 4. */
class DriftError extends MigrateError {
    exitCode = EXIT.drift;
}
/** The reviewed plan hash no longer matches the plan computed now. Exit 4. */
class PlanChangedError extends DriftError {
}
/** A migration step threw; the failure has been recorded in the table. Exit 1. */
class MigrationFailedError extends MigrateError {
    version;
    direction;
    constructor(message, version, direction) {
        super(message);
        this.version = version;
        this.direction = direction;
    }
}
/** The table is in a failed state left by an earlier run; names the way out. Exit 1. */
class FailedStateError extends MigrateError {
}
/**
 * The plan cannot run as it stands (a version below the table's never ran, a migration file
 * is missing, a rollback past an irreversible version): a person must act first. Exit 2.
 */
class MigrationBlockedError extends InputError {
}
/**
 * The migration state in the table cannot be read: a corrupt `_migration` record, or a lock
 * item of an unknown format. Exit 1, like a failed state: it is not bad input (the files and
 * flags are fine) and not a lock held by a known run. Nothing runs until the item is fixed;
 * the message names it and the way out.
 */
class CorruptStateError extends MigrateError {
}
/** A command refused by a safety rule (protected environment, missing confirmation). Exit 2. */
class RefusedError extends InputError {
}
function messageOf(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 32:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JQ: () => (/* binding */ SCHEMA_HASH_VALUE),
/* harmony export */   P5: () => (/* binding */ schemasEqual),
/* harmony export */   gR: () => (/* binding */ toSchemaItem),
/* harmony export */   lF: () => (/* binding */ normalizeSchema),
/* harmony export */   tw: () => (/* binding */ SCHEMA_SORT_VALUE)
/* harmony export */ });
/* unused harmony exports SCHEMA_FORMAT, SCHEMA_ITEM_TYPE, DEFAULT_SCHEMA_VERSION, FIELD_TYPES, schemaProblems */
/* harmony import */ var _checksum__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(688);
/**
 * OneTable schemas: the form dynamodb-onetable writes into the `_schema:Current` item, so the
 * item we write is the item OneTable would write for the same migration, and a stored item can
 * be compared with a migration's schema (drift).
 *
 * Follows dynamodb-onetable 2.7 `Schema.saveSchema` / `transformSchemaForWrite` /
 * `validateSchema` and the `_Schema` model's `create`, which keeps only the model's own fields.
 */

/** The `format` OneTable stamps on every schema item. */
const SCHEMA_FORMAT = 'onetable:1.1.0';
/** Hash-key value of the schema item. */
const SCHEMA_HASH_VALUE = '_schema';
/** Sort-key value of the current schema item (OneTable's `readSchema`). */
const SCHEMA_SORT_VALUE = '_schema:Current';
/** Value of the type attribute on the schema item. */
const SCHEMA_ITEM_TYPE = '_Schema';
/** `version` OneTable writes when the schema has none. */
const DEFAULT_SCHEMA_VERSION = '0.0.1';
/**
 * The params OneTable stores for a schema without `params`: the Table's schema params at
 * construction (`Table.getSchemaParams()`, which include the timestamp field names) plus the
 * defaults of `setDefaultParams` (`warn`).
 */
const TABLE_DEFAULT_PARAMS = {
    createdField: 'created',
    isoDates: false,
    nulls: false,
    separator: '#',
    timestamps: false,
    typeField: '_type',
    updatedField: 'updated',
    warn: false,
};
/** The defaults `Schema.setDefaultParams` fills into params that are given. */
const PARAM_DEFAULTS = [
    ['typeField', '_type'],
    ['isoDates', false],
    ['nulls', false],
    ['separator', '#'],
    ['timestamps', false],
    ['warn', false],
];
/** Types OneTable accepts for a field (`Model.checkType`). */
const FIELD_TYPES = (/* unused pure expression or super */ null && ([
    'array',
    'arraybuffer',
    'binary',
    'boolean',
    'buffer',
    'date',
    'number',
    'object',
    'set',
    'string',
]));
/**
 * The schema as OneTable's `saveSchema` stores it: `format` stamped, `version` defaulted to
 * 0.0.1, field types lower-cased (`String` → `string`), RegExps in `validate`/`encode` as
 * `/source/flags`, deprecated `uuid` moved to `generate`, params defaulted, `queries` defaulted
 * to `{}`, LSIs given the primary hash, unknown top-level properties dropped. Functions and
 * `undefined` cannot be stored and are dropped.
 *
 * Idempotent, and lenient: a hand-edited item read back from a table normalizes without
 * throwing (see `schemaProblems` for what OneTable would refuse). `name` is always `Current`:
 * OneTable would write a named schema to `_schema:<name>`, which its `readSchema` never reads.
 */
function normalizeSchema(schema) {
    const src = schema;
    const params = normalizeParams(src.params);
    const isoDates = params.isoDates === true;
    const indexes = asRecord(storable(src.indexes, isoDates)) ?? {};
    applyIndexDefaults(indexes);
    const models = {};
    const srcModels = isRecord(src.models) ? src.models : {};
    for (const [name, model] of Object.entries(srcModels)) {
        if (!isRecord(model))
            continue;
        models[name] = normalizeModel(model, isoDates);
    }
    const out = {
        name: 'Current',
        format: SCHEMA_FORMAT,
        version: src.version === undefined || src.version === null || src.version === ''
            ? DEFAULT_SCHEMA_VERSION
            : String(src.version),
        indexes: indexes,
        models,
        params,
        queries: asRecord(storable(src.queries, isoDates)) ?? {},
    };
    const process = asRecord(storable(src.process, isoDates));
    if (process)
        out.process = process;
    return out;
}
/**
 * The attributes of the `_schema:Current` item OneTable writes for `schema`, without the two
 * key attributes (their names come from DescribeTable; values `SCHEMA_HASH_VALUE` and
 * `SCHEMA_SORT_VALUE`). The type attribute is named by the schema's `params.typeField`
 * (`_type` by default), as OneTable's `_Schema` model uses the table's type field. With
 * `params.timestamps` on, OneTable also writes `created`/`updated` (names from params): pass
 * `now` (epoch ms) to include them.
 */
function toSchemaItem(schema, options = {}) {
    const n = normalizeSchema(schema);
    const item = { ...n };
    item[n.params.typeField] = SCHEMA_ITEM_TYPE;
    if (options.now !== undefined) {
        const ts = n.params.timestamps;
        const date = n.params.isoDates ? new Date(options.now).toISOString() : options.now;
        if (ts === true || ts === 'create')
            item[stringParam(n.params.createdField, 'created')] = date;
        if (ts === true || ts === 'update')
            item[stringParam(n.params.updatedField, 'updated')] = date;
    }
    return item;
}
/**
 * Whether two schemas store the same data model once normalized (key order, `String` vs
 * `'string'`, defaulted params and the item's keys, type and timestamps do not count).
 */
function schemasEqual(a, b) {
    if (a === undefined || b === undefined)
        return a === b;
    return (0,_checksum__WEBPACK_IMPORTED_MODULE_0__/* .stableJson */ ._Y)(normalizeSchema(a)) === (0,_checksum__WEBPACK_IMPORTED_MODULE_0__/* .stableJson */ ._Y)(normalizeSchema(b));
}
/**
 * What OneTable would refuse in this schema when a migration carrying it runs (its
 * `validateSchema` and `Model.checkType`), one sentence each; empty when it is usable.
 */
function schemaProblems(schema) {
    const problems = [];
    if (!schema.version)
        problems.push('the schema has no `version` (OneTable: "Schema is missing a version")');
    const indexes = schema.indexes;
    if (!isRecord(indexes)) {
        problems.push('the schema has no `indexes` (OneTable: "Schema is missing indexes")');
    }
    else {
        const primary = indexes.primary;
        if (!isRecord(primary))
            problems.push('`indexes` has no `primary` index');
        else if (typeof primary.hash !== 'string')
            problems.push('`indexes.primary` has no `hash` attribute');
        let lsi = 0;
        for (const [name, index] of Object.entries(indexes)) {
            if (name === 'primary' || !isRecord(index))
                continue;
            if (index.type === 'local') {
                lsi++;
                if (index.sort == null)
                    problems.push(`local index \`${name}\` has no \`sort\` attribute`);
                if (isRecord(primary) && index.hash != null && index.hash !== primary.hash) {
                    problems.push(`local index \`${name}\` has a \`hash\` other than the primary index's`);
                }
            }
            else if (index.hash == null) {
                if (index.type == null)
                    lsi++;
                else
                    problems.push(`index \`${name}\` has no \`hash\` attribute`);
            }
        }
        if (lsi > 5)
            problems.push(`the schema has ${lsi} local indexes; DynamoDB allows 5`);
    }
    if (schema.models !== undefined && !isRecord(schema.models))
        problems.push('`models` is not an object');
    if (isRecord(schema.models)) {
        for (const [modelName, model] of Object.entries(schema.models)) {
            if (!isRecord(model)) {
                problems.push(`model \`${modelName}\` is not an object of fields`);
                continue;
            }
            fieldProblems(model, modelName, problems);
        }
    }
    return problems;
}
function fieldProblems(model, path, problems) {
    for (const [fieldName, field] of Object.entries(model)) {
        const where = `\`${path}.${fieldName}\``;
        if (!isRecord(field)) {
            problems.push(`${where} is not a field definition`);
            continue;
        }
        const type = typeName(field.type);
        if (type === undefined)
            problems.push(`${where} has no \`type\``);
        else if (!FIELD_TYPES.includes(type)) {
            problems.push(`${where} has unknown type "${type}" (one of ${FIELD_TYPES.join(', ')})`);
        }
        if (field.uuid !== undefined)
            problems.push(`${where} uses \`uuid\`, which OneTable refuses: use \`generate: 'uuid'\` or \`'ulid'\``);
        if (isRecord(field.schema))
            fieldProblems(field.schema, `${path}.${fieldName}`, problems);
    }
}
function normalizeParams(params) {
    if (!isRecord(params))
        return { ...TABLE_DEFAULT_PARAMS };
    const out = (asRecord(storable(params, false)) ?? {});
    for (const [key, value] of PARAM_DEFAULTS) {
        if (out[key] === undefined || out[key] === null)
            out[key] = value;
    }
    return out;
}
/** `validateSchema` mutates the indexes it is given, and the mutated object is what is saved. */
function applyIndexDefaults(indexes) {
    const primary = indexes.primary;
    for (const [name, index] of Object.entries(indexes)) {
        if (name === 'primary' || !isRecord(index))
            continue;
        if (index.type === 'local') {
            if (primary && primary.hash !== undefined)
                index.hash = primary.hash;
        }
        else if (index.hash == null && index.type == null) {
            index.type = 'local';
        }
    }
}
function normalizeModel(model, isoDates) {
    const out = {};
    for (const [name, field] of Object.entries(model)) {
        if (!isRecord(field)) {
            const v = storable(field, isoDates);
            if (v !== undefined)
                out[name] = v;
            continue;
        }
        out[name] = normalizeField(field, isoDates);
    }
    return out;
}
/** `Schema.transformFieldForWrite`, on a copy. */
function normalizeField(field, isoDates) {
    const { type, validate, encode, uuid, schema, ...rest } = field;
    const out = (asRecord(storable(rest, isoDates)) ?? {});
    const t = typeName(type);
    if (t !== undefined)
        out.type = t;
    if (validate instanceof RegExp)
        out.validate = regexpString(validate);
    else if (validate !== undefined) {
        const v = storable(validate, isoDates);
        if (v !== undefined)
            out.validate = v;
    }
    if (Array.isArray(encode))
        out.encode = encode.map((e) => (e instanceof RegExp ? regexpString(e) : storable(e, isoDates)));
    else if (encode !== undefined && encode !== null)
        out.encode = storable(encode, isoDates);
    if (uuid) {
        // DEPRECATE in OneTable: `uuid` is stored as `generate`.
        if (!out.generate)
            out.generate = uuid;
    }
    if (isRecord(schema))
        out.schema = normalizeModel(schema, isoDates);
    else if (schema !== undefined) {
        const v = storable(schema, isoDates);
        if (v !== undefined)
            out.schema = v;
    }
    return out;
}
/** `String`, `'String'` → `'string'`; undefined when there is no usable type. */
function typeName(type) {
    if (typeof type === 'function')
        return type.name.toLowerCase();
    if (typeof type === 'string')
        return type.toLowerCase();
    return undefined;
}
function regexpString(re) {
    return `/${re.source}/${re.flags}`;
}
function stringParam(value, fallback) {
    return typeof value === 'string' && value !== '' ? value : fallback;
}
/**
 * A deep copy holding only what DynamoDB can store of a schema value: `undefined` and
 * functions dropped, Dates as OneTable writes them (epoch ms, or ISO with isoDates), other
 * RegExps as `/source/flags`. Nulls are kept, as OneTable keeps them inside maps.
 */
function storable(value, isoDates) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
        return undefined;
    if (value === null || typeof value !== 'object')
        return typeof value === 'bigint' ? Number(value) : value;
    if (value instanceof Date)
        return isoDates ? value.toISOString() : value.getTime();
    if (value instanceof RegExp)
        return regexpString(value);
    if (Array.isArray(value))
        return value.map((v) => storable(v, isoDates) ?? null);
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        const s = storable(v, isoDates);
        if (s !== undefined)
            out[k] = s;
    }
    return out;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function asRecord(value) {
    return isRecord(value) ? value : undefined;
}


/***/ }),

/***/ 993:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ SchemaValidator)
/* harmony export */ });
/* unused harmony export checkItem */
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(32);

/**
 * Checks items against a OneTable schema: for each item whose type attribute names a model,
 * its required attributes are present, attributes have the declared type, `enum` values are in
 * their list, and attributes with a value template (`customer#${id}`) hold what the template
 * gives from the item's own attributes. Pure; feed it items with `add`, read `report()`.
 */
class SchemaValidator {
    keys;
    exampleLimit;
    models;
    typeField;
    isoDates;
    version;
    tally = new Map();
    scanned = 0;
    unknownType = 0;
    constructor(schema, keys, exampleLimit = 5) {
        this.keys = keys;
        this.exampleLimit = exampleLimit;
        const n = (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .normalizeSchema */ .lF)(schema);
        this.models = n.models;
        this.typeField = n.params.typeField;
        this.isoDates = n.params.isoDates === true;
        this.version = n.version;
    }
    /** Checks one item (unmarshalled) and counts it; returns its problems. */
    add(item) {
        this.scanned++;
        const type = item[this.typeField];
        const model = typeof type === 'string' ? this.models[type] : undefined;
        if (!model || typeof type !== 'string') {
            this.unknownType++;
            return [];
        }
        let t = this.tally.get(type);
        if (!t)
            this.tally.set(type, (t = { scanned: 0, invalid: 0, problems: new Map(), examples: [] }));
        t.scanned++;
        const problems = checkItem(model, item, this.isoDates);
        if (problems.length) {
            t.invalid++;
            for (const p of problems) {
                const k = `${p.attribute}\u0000${p.kind}`;
                t.problems.set(k, (t.problems.get(k) ?? 0) + 1);
            }
            if (t.examples.length < this.exampleLimit)
                t.examples.push({ [this.keys.hash]: item[this.keys.hash], [this.keys.sort]: item[this.keys.sort] });
        }
        return problems;
    }
    report(samplePercent) {
        const models = {};
        let invalid = 0;
        for (const [name, t] of [...this.tally.entries()].sort(([a], [b]) => a.localeCompare(b))) {
            invalid += t.invalid;
            models[name] = {
                scanned: t.scanned,
                invalid: t.invalid,
                problems: [...t.problems.entries()]
                    .map(([k, count]) => {
                    const [attribute = '', kind] = k.split('\u0000');
                    return { attribute, kind: kind, count };
                })
                    .sort((a, b) => b.count - a.count || a.attribute.localeCompare(b.attribute)),
                examples: t.examples,
            };
        }
        return {
            version: this.version,
            scanned: this.scanned,
            invalid,
            unknownType: this.unknownType,
            typeField: this.typeField,
            models,
            ...(samplePercent !== undefined ? { samplePercent } : {}),
        };
    }
}
/** The problems of one item against its model. */
function checkItem(model, item, isoDates = false) {
    const problems = [];
    for (const [name, field] of Object.entries(model)) {
        const value = storedValue(item, name, field);
        if (value === undefined || value === null) {
            if (field.required === true)
                problems.push({ attribute: name, kind: 'missing' });
            continue;
        }
        if (field.type && !hasType(value, field.type, isoDates)) {
            problems.push({ attribute: name, kind: 'type' });
            continue;
        }
        if (Array.isArray(field.enum) && field.enum.length && !field.enum.includes(value))
            problems.push({ attribute: name, kind: 'enum' });
        if (typeof field.value === 'string') {
            const expected = expand(field.value, (attr) => storedValue(item, attr, model[attr] ?? {}));
            if (expected !== undefined && value !== expected)
                problems.push({ attribute: name, kind: 'template' });
        }
    }
    return problems;
}
/** Where a field's value is stored: its own name, or `map` (`attr`, or packed `attr.prop`). */
function storedValue(item, name, field) {
    const map = typeof field.map === 'string' && field.map ? field.map : undefined;
    if (!map)
        return item[name];
    const [attr = name, prop] = map.split('.');
    const v = item[attr];
    if (prop === undefined)
        return v;
    return v && typeof v === 'object' ? v[prop] : undefined;
}
/** A value template with the item's attributes put in; undefined when one it names is missing. */
function expand(template, get) {
    let missing = false;
    const out = template.replace(/\$\{([^}]+)\}/g, (_, attr) => {
        const v = get(attr.trim());
        if (v === undefined || v === null)
            missing = true;
        return String(v ?? '');
    });
    return missing ? undefined : out;
}
function hasType(value, type, isoDates) {
    switch (type) {
        case 'string':
            return typeof value === 'string';
        case 'number':
            return typeof value === 'number' || typeof value === 'bigint';
        case 'boolean':
            return typeof value === 'boolean';
        case 'date':
            // OneTable stores dates as ISO strings (isoDates) or epoch numbers.
            return isoDates
                ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
                : typeof value === 'number' || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
        case 'array':
            return Array.isArray(value);
        case 'object':
            return (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Set) && !(value instanceof Uint8Array));
        case 'set':
            return value instanceof Set;
        case 'binary':
        case 'buffer':
        case 'arraybuffer':
            return value instanceof Uint8Array || value instanceof ArrayBuffer;
        default:
            return true;
    }
}


/***/ }),

/***/ 772:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  cb: () => (/* reexport */ CheckpointStore),
  NJ: () => (/* reexport */ createDataEngine),
  TF: () => (/* reexport */ isPassFailed),
  _S: () => (/* reexport */ isPassIncomplete)
});

// UNUSED EXPORTS: CHECKPOINT_HASH, PassFailedError, PassIncompleteError

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
// EXTERNAL MODULE: external "@aws-sdk/client-dynamodb"
var client_dynamodb_ = __nccwpck_require__(271);
;// CONCATENATED MODULE: ./src/dynamodb/bulk/abort-fanout.ts
const NO_LINK = { signal: undefined, release: () => undefined };
/**
 * Gives each of many concurrent operations (requests, rate-limit waits, retry backoffs) its own
 * AbortSignal tied to one parent signal, with a single 'abort' listener on the parent while any
 * is in flight and none when idle. Passing the parent itself to every request would add one
 * listener per request in flight (the SDK and every sleep add their own), which Node reports
 * as a MaxListenersExceededWarning once a pass has more than ten requests out.
 */
class AbortFanout {
    parent;
    live = new Set();
    listening = false;
    constructor(parent) {
        this.parent = parent;
    }
    /** A signal for one operation; call `release` once the operation has settled. */
    link() {
        const parent = this.parent;
        if (!parent)
            return NO_LINK;
        if (parent.aborted)
            return { signal: AbortSignal.abort(parent.reason), release: NO_LINK.release };
        const controller = new AbortController();
        this.live.add(controller);
        if (!this.listening) {
            parent.addEventListener('abort', this.onAbort, { once: true });
            this.listening = true;
        }
        return {
            signal: controller.signal,
            release: () => {
                if (!this.live.delete(controller) || this.live.size > 0 || !this.listening)
                    return;
                parent.removeEventListener('abort', this.onAbort);
                this.listening = false;
            },
        };
    }
    /** Runs `task` with a signal of its own, released when the task settles. */
    async run(task) {
        const link = this.link();
        try {
            return await task(link.signal);
        }
        finally {
            link.release();
        }
    }
    onAbort = () => {
        this.listening = false;
        const reason = this.parent?.reason;
        const live = [...this.live];
        this.live.clear();
        for (const c of live)
            c.abort(reason);
    };
}

// EXTERNAL MODULE: ./src/dynamodb/bulk/retry.ts
var retry = __nccwpck_require__(399);
;// CONCATENATED MODULE: ./src/dynamodb/bulk/checkpoints.ts



/** Hash key of checkpoint items; starts with `_migration`, so no pass ever selects them. */
const CHECKPOINT_HASH = '_migration_checkpoint';
/**
 * Sort key suffix of a step's attempt record. Pass checkpoints always have more parts after the
 * pass name (`<pass>:<range>:<segment>/<total>`, `<pass>:sampled`), so no pass name collides.
 */
const ATTEMPT = 'attempt';
/**
 * Checkpoints of one step, stored in the migrated table as
 * `_migration_checkpoint` / `<version>:<direction>:<pass>:<range>:<segment>/<total>`, one item
 * per segment so that segments run by different processes never contend. `<range>` is the
 * slice of the sample space the run takes (`0-100` for a full run), so a canary's checkpoints
 * never mix with the full run's.
 *
 * Checkpoints belong to one attempt of the step: the runner discards what earlier attempts
 * left ({@link discardEarlierAttempts}) whenever it starts the step afresh rather than
 * resuming it, so checkpoints that outlived their step's record (a run that died between
 * recording the step and deleting them) can never make a later run skip items. A canary's
 * progress (`<version>:<direction>:<pass>:sampled`) is the one thing a later attempt may
 * continue: the full run after a canary takes only the rest of the sample space.
 *
 * The attempt itself is recorded as `<version>:<direction>:attempt` (attribute `attempt`, an id
 * the runner draws when it starts the step afresh): `once` passes put it in their marker
 * tokens, so a resume of the attempt (which reads it back) skips the items the attempt already
 * changed, and a later attempt, with an id of its own, changes them again.
 */
class CheckpointStore {
    client;
    table;
    keys;
    scope;
    /** Segments save at once: each request hears the run's signal through one shared listener. */
    aborts;
    constructor(client, table, keys, 
    /** `<version>:<direction>`. */
    scope, signal) {
        this.client = client;
        this.table = table;
        this.keys = keys;
        this.scope = scope;
        this.aborts = new AbortFanout(signal);
    }
    /** Every checkpoint saved for this pass and range. */
    async list(pass, range) {
        const prefix = `${this.scope}:${pass}:${range}:`;
        const out = [];
        for (const item of await this.query(prefix)) {
            const cp = item.checkpoint?.M;
            const sortValue = item[this.keys.sort]?.S ?? '';
            const m = /:(\d+)\/(\d+)$/.exec(sortValue);
            if (!cp || !m)
                continue;
            out.push({
                segment: Number(m[1]),
                total: Number(m[2]),
                lastKey: cp.lastKey?.M,
                done: cp.done?.BOOL === true,
                counts: {
                    scanned: num(cp.scanned),
                    changed: num(cp.changed),
                    skipped: num(cp.skipped),
                    failed: num(cp.failed),
                },
            });
        }
        return out;
    }
    async save(pass, range, cp) {
        const state = {
            done: { BOOL: cp.done },
            scanned: { N: String(cp.counts.scanned) },
            changed: { N: String(cp.counts.changed) },
            skipped: { N: String(cp.counts.skipped) },
            failed: { N: String(cp.counts.failed) },
        };
        if (cp.lastKey)
            state.lastKey = { M: cp.lastKey };
        const item = {
            [this.keys.hash]: { S: CHECKPOINT_HASH },
            [this.keys.sort]: { S: `${this.scope}:${pass}:${range}:${cp.segment}/${cp.total}` },
            checkpoint: { M: state },
            updatedAt: { N: String(Date.now()) },
            _type: { S: '_MigrationCheckpoint' },
        };
        await this.retry((opts) => this.client.send(new client_dynamodb_.PutItemCommand({ TableName: this.table, Item: item }), opts));
    }
    /** How much of the sample space earlier canary runs of this pass finished (0 when none). */
    async sampledUpTo(pass) {
        const res = await this.retry((opts) => this.client.send(new client_dynamodb_.GetItemCommand({
            TableName: this.table,
            Key: this.key(`${this.scope}:${pass}:sampled`),
            ConsistentRead: true,
        }), opts));
        return num(res.Item?.percent);
    }
    /**
     * Records how much of the sample space a canary run of this pass covered, or, with
     * `finished`, that the full run after the canaries has covered the rest: that progress then
     * serves only a resume of the same attempt, never a later attempt.
     */
    async recordSampled(pass, percent, opts = {}) {
        const item = {
            ...this.key(`${this.scope}:${pass}:sampled`),
            percent: { N: String(percent) },
            updatedAt: { N: String(Date.now()) },
        };
        if (opts.finished)
            item.finished = { BOOL: true };
        await this.retry((opts) => this.client.send(new client_dynamodb_.PutItemCommand({ TableName: this.table, Item: item }), opts));
    }
    /**
     * Keeps the first failure of a segment of this attempt (`<version>:<direction>:failure`): a
     * Distributed Map only reports that a child failed, so the step's outcome reads it here.
     * `checkpointed`: the segment stopped at its checkpoints (its pass's items failed), so a resume
     * continues from them.
     */
    async recordFailure(message, opts = {}) {
        const item = {
            ...this.key(`${this.scope}:failure`),
            message: { S: message },
            checkpointed: { BOOL: opts.checkpointed === true },
            updatedAt: { N: String(Date.now()) },
            _type: { S: '_MigrationCheckpoint' },
        };
        await this.retry((opts) => this.client
            .send(new client_dynamodb_.PutItemCommand({
            TableName: this.table,
            Item: item,
            ConditionExpression: 'attribute_not_exists(message)',
        }), opts)
            .catch((e) => {
            // Another segment's failure came first: that one is the step's.
            if (e.name !== 'ConditionalCheckFailedException')
                throw e;
        }));
    }
    /** Forgets a segment's failure once the step's outcome carries it (a resume keeps the checkpoints, not the failure). */
    async clearFailure() {
        await this.deleteItems([this.key(`${this.scope}:failure`)]);
    }
    /** The failure a segment of this attempt recorded, if any. */
    async failure() {
        const res = await this.retry((opts) => this.client.send(new client_dynamodb_.GetItemCommand({ TableName: this.table, Key: this.key(`${this.scope}:failure`), ConsistentRead: true }), opts));
        const message = res.Item?.message?.S;
        return message ? { message, checkpointed: res.Item?.checkpointed?.BOOL === true } : undefined;
    }
    /** The id of the attempt these checkpoints belong to; undefined when none was recorded. */
    async attempt() {
        const res = await this.retry((opts) => this.client.send(new client_dynamodb_.GetItemCommand({ TableName: this.table, Key: this.key(`${this.scope}:${ATTEMPT}`), ConsistentRead: true }), opts));
        return res.Item?.attempt?.S || undefined;
    }
    /** Records the id of a fresh attempt of the step (after {@link discardEarlierAttempts}). */
    async recordAttempt(id) {
        const item = {
            ...this.key(`${this.scope}:${ATTEMPT}`),
            attempt: { S: id },
            updatedAt: { N: String(Date.now()) },
            _type: { S: '_MigrationCheckpoint' },
        };
        await this.retry((opts) => this.client.send(new client_dynamodb_.PutItemCommand({ TableName: this.table, Item: item }), opts));
    }
    /**
     * Every segment checkpoint of this step, by pass (`<pass>:<range>`), in the order the passes
     * were first saved: what a caller watching a fanned-out step reads for its items, rate and ETA.
     * `consistent: false` for a watch, which reads every checkpoint every few seconds: half the
     * read units, and a second-old figure is as good; the step's final counts read consistently.
     */
    async progress(opts = {}) {
        const passes = new Map();
        for (const item of await this.query(`${this.scope}:`, opts.consistent ?? true)) {
            const cp = item.checkpoint?.M;
            const m = /^(.*):(\d+)\/(\d+)$/.exec((item[this.keys.sort]?.S ?? '').slice(this.scope.length + 1));
            if (!cp || !m)
                continue;
            const name = m[1];
            const p = passes.get(name) ?? {
                pass: name,
                total: Number(m[3]),
                done: 0,
                started: 0,
                counts: { scanned: 0, changed: 0, skipped: 0, failed: 0 },
                updatedAt: 0,
            };
            p.started++;
            if (cp.done?.BOOL === true)
                p.done++;
            p.counts.scanned += num(cp.scanned);
            p.counts.changed += num(cp.changed);
            p.counts.skipped += num(cp.skipped);
            p.counts.failed += num(cp.failed);
            p.updatedAt = Math.max(p.updatedAt, num(item.updatedAt));
            passes.set(name, p);
        }
        return [...passes.values()];
    }
    /** Deletes every checkpoint and sample record of this step (after it is recorded). */
    async clear() {
        return this.deleteItems(await this.query(`${this.scope}:`));
    }
    /**
     * Before a fresh (not resumed) attempt of the step: deletes every checkpoint earlier attempts
     * left. With `keepCanary`, a canary's progress that no full run has finished yet is kept, so
     * that this attempt processes only the rest of the sample space.
     */
    async discardEarlierAttempts(opts) {
        const items = await this.query(`${this.scope}:`);
        const canaryProgress = (item) => (item[this.keys.sort]?.S ?? '').endsWith(':sampled') && item.finished?.BOOL !== true && num(item.percent) < 100;
        return this.deleteItems(opts.keepCanary ? items.filter((i) => !canaryProgress(i)) : items);
    }
    async deleteItems(items) {
        for (let i = 0; i < items.length; i += 25) {
            let requests = items.slice(i, i + 25).map((item) => ({
                DeleteRequest: { Key: { [this.keys.hash]: item[this.keys.hash], [this.keys.sort]: item[this.keys.sort] } },
            }));
            while (requests.length) {
                const res = await this.retry((opts) => this.client.send(new client_dynamodb_.BatchWriteItemCommand({ RequestItems: { [this.table]: requests } }), opts));
                requests = (res.UnprocessedItems?.[this.table] ?? []);
            }
        }
        return items.length;
    }
    async query(prefix, consistent = true) {
        const out = [];
        let start;
        do {
            const res = await this.retry((opts) => this.client.send(new client_dynamodb_.QueryCommand({
                TableName: this.table,
                KeyConditionExpression: '#h = :h AND begins_with(#s, :p)',
                ExpressionAttributeNames: { '#h': this.keys.hash, '#s': this.keys.sort },
                ExpressionAttributeValues: { ':h': { S: CHECKPOINT_HASH }, ':p': { S: prefix } },
                ConsistentRead: consistent,
                ExclusiveStartKey: start,
            }), opts));
            out.push(...(res.Items ?? []));
            start = res.LastEvaluatedKey;
        } while (start);
        return out;
    }
    key(sort) {
        return { [this.keys.hash]: { S: CHECKPOINT_HASH }, [this.keys.sort]: { S: sort } };
    }
    /** Sends with retries; `call` gets the send options carrying this request's own abort signal. */
    retry(call) {
        return this.aborts.run((signal) => (0,retry/* withRetry */.bD)(() => call(signal ? { abortSignal: signal } : {}), { signal }));
    }
}
function num(v) {
    return v?.N ? Number(v.N) : 0;
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/errors.ts
/**
 * A pass stopped at its deadline after saving its checkpoints. Thrown out of the migration's
 * `up`/`down` so that nothing after the pass runs; the runner reports the step `incomplete`
 * and a resumed run continues from the checkpoints.
 */
class PassIncompleteError extends Error {
    pass;
    counts;
    name = 'PassIncompleteError';
    constructor(pass, counts) {
        super(`Pass '${pass}' reached its deadline and stopped at a checkpoint after ${counts.scanned} items; resume the step to finish it.`);
        this.pass = pass;
        this.counts = counts;
    }
}
/** A pass stopped because more items failed than `maxFailures` allows. */
class PassFailedError extends Error {
    pass;
    counts;
    failures;
    name = 'PassFailedError';
    constructor(pass, counts, 
    /** Keys and messages of the first failures. */
    failures) {
        super(`Pass '${pass}' stopped: ${counts.failed} item(s) failed (first: ${failures
            .slice(0, 3)
            .map((f) => `${JSON.stringify(f.key)}: ${f.error}`)
            .join('; ')}). Fix the transform or raise maxFailures, then resume the step; finished pages are not redone.`);
        this.pass = pass;
        this.counts = counts;
        this.failures = failures;
    }
}
/** True for the error a pass throws when more items failed than it allows (it stopped at its checkpoints). */
function isPassFailed(err) {
    return err instanceof PassFailedError;
}
/** True for the error a pass throws when its deadline came first. */
function isPassIncomplete(err) {
    return err instanceof PassIncompleteError;
}

// EXTERNAL MODULE: external "@aws-sdk/util-dynamodb"
var util_dynamodb_ = __nccwpck_require__(582);
;// CONCATENATED MODULE: ./src/dynamodb/bulk/expressions.ts

/** Hash-key prefixes of bookkeeping items the engine never reads or writes. */
const RESERVED_HASH_PREFIXES = ['_migration', '_schema'];
/** True when a hash key value belongs to the tool's own bookkeeping. */
function isReservedHashKey(value) {
    return typeof value === 'string' && RESERVED_HASH_PREFIXES.some((p) => value.startsWith(p));
}
const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: true };
/** Marshals one value the way an item attribute is marshalled. */
function toAttributeValue(value) {
    const wrapped = (0,util_dynamodb_.marshall)({ v: value }, MARSHALL);
    return wrapped.v;
}
/** Accumulates placeholders for one request, keeping ours (`#_…`, `:_…`) apart from the author's. */
class ExpressionBuilder {
    names = {};
    values = {};
    n = 0;
    name(attribute) {
        const key = `#_${this.n++}`;
        this.names[key] = attribute;
        return key;
    }
    value(v) {
        const key = `:_${this.n++}`;
        this.values[key] = toAttributeValue(v);
        return key;
    }
    /** Adds an author's expression, with its own placeholders, and returns its text. */
    include(e) {
        Object.assign(this.names, e.names ?? {});
        for (const [k, v] of Object.entries(e.values ?? {}))
            this.values[k] = toAttributeValue(v);
        return e.expression;
    }
    /** The request fields, omitting empty maps (DynamoDB rejects them). */
    params() {
        return {
            ...(Object.keys(this.names).length ? { ExpressionAttributeNames: this.names } : {}),
            ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
        };
    }
}
/** Joins conditions with AND, each in parentheses. */
function and(parts) {
    const present = parts.filter((p) => !!p);
    if (present.length === 0)
        return undefined;
    return present.length === 1 ? present[0] : present.map((p) => `(${p})`).join(' AND ');
}
/**
 * The server-side part of a selection: entity type and the author's filter. Bookkeeping items
 * are left out client-side (the pass checks every item's hash key): they are a handful, while
 * two `NOT begins_with` clauses here would cost the server on every item it reads.
 */
function selectionFilter(b, selection) {
    const parts = [];
    if (selection.type !== undefined) {
        const types = typeof selection.type === 'string' ? [selection.type] : selection.type;
        const t = b.name(selection.typeAttribute ?? '_type');
        parts.push(types.length === 1 ? `${t} = ${b.value(types[0])}` : `${t} IN (${types.map((x) => b.value(x)).join(', ')})`);
    }
    if (selection.where)
        parts.push(b.include(selection.where));
    return and(parts);
}
/** The UpdateExpression for `set` (undefined values remove) and `remove`. */
function updateExpression(b, set, remove) {
    const sets = [];
    const removes = [];
    for (const [attr, value] of Object.entries(set)) {
        if (value === undefined)
            removes.push(b.name(attr));
        else
            sets.push(`${b.name(attr)} = ${b.value(value)}`);
    }
    for (const attr of remove)
        removes.push(b.name(attr));
    return [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '']
        .filter(Boolean)
        .join(' ');
}

// EXTERNAL MODULE: ./src/dynamodb/bulk/item-size.ts
var item_size = __nccwpck_require__(410);
;// CONCATENATED MODULE: ./src/dynamodb/bulk/partiql.ts
/** ExecuteStatement's limit on a statement's text. */
const MAX_STATEMENT_LENGTH = 8192;
/** A PartiQL identifier: double-quoted, a double quote inside doubled. */
function quoteName(name) {
    return `"${name.split('"').join('""')}"`;
}
/**
 * `UPDATE "table" SET "a" = ? … REMOVE "b" … WHERE "pk" = ? AND "sk" = ?`, with the marker's
 * condition when the pass marks items. A PartiQL UPDATE of an item that does not exist fails
 * its condition instead of creating it, like UpdateItem with `attribute_exists(<hash>)`.
 * Undefined when the text would exceed DynamoDB's limit (the writer then uses UpdateItem).
 */
function updateStatementRequest(table, keys, key, st) {
    const parameters = [];
    for (const [, value] of st.set)
        parameters.push(value);
    parameters.push(key[keys.hash], key[keys.sort]);
    if (st.marker)
        parameters.push({ S: st.marker.token });
    const statement = statementText(table, keys, st);
    if (statement.length > MAX_STATEMENT_LENGTH)
        return undefined;
    return { Statement: statement, Parameters: parameters };
}
/**
 * The statement's text depends only on its shape (table, attributes, marker attribute), which
 * is the same for nearly every item of a pass: built once per shape, not quoted anew per item.
 */
const texts = new Map();
function statementText(table, keys, st) {
    // Each name with its length in front: no two shapes give the same key, whatever the names hold.
    const marker = st.marker?.attribute;
    let shape = `${table.length}:${table}${keys.hash.length}:${keys.hash}${keys.sort.length}:${keys.sort}${marker === undefined ? '-' : `${marker.length}:${marker}`}${st.set.length};`;
    for (const [attr] of st.set)
        shape += `${attr.length}:${attr}`;
    for (const attr of st.remove)
        shape += `${attr.length}:${attr}`;
    let text = texts.get(shape);
    if (text === undefined) {
        const parts = [`UPDATE ${quoteName(table)}`];
        for (const [attr] of st.set)
            parts.push(`SET ${quoteName(attr)} = ?`);
        for (const attr of st.remove)
            parts.push(`REMOVE ${quoteName(attr)}`);
        parts.push(`WHERE ${quoteName(keys.hash)} = ? AND ${quoteName(keys.sort)} = ?`);
        if (st.marker) {
            const m = quoteName(st.marker.attribute);
            parts.push(`AND (${m} IS MISSING OR ${m} <> ?)`);
        }
        text = parts.join(' ');
        // Passes whose items each set different attributes would otherwise grow it without bound.
        if (texts.size >= 1000)
            texts.clear();
        texts.set(shape, text);
    }
    return text;
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/page-writer.ts




/** BatchWriteItem's limits: 25 requests; 16 MB cannot be reached by 25 items of at most 400 KB. */
const BATCH_SIZE = 25;
/**
 * Writes one page's items: updates, conditional writes and batched puts first, then deletes,
 * so that an action that moves data into new items and deletes the source can never lose it
 * if the process dies in between. Resolves once every write of the page has settled.
 */
async function writePage(ctx, jobs) {
    const first = [];
    const puts = [];
    const deletes = [];
    const laterSingles = [];
    const statements = [];
    for (const job of jobs) {
        const own = job.plan.own;
        job.pending = job.plan.puts.length + (own ? 1 : 0);
        for (const item of job.plan.puts)
            puts.push({ request: { PutRequest: { Item: item } }, job, units: (0,item_size/* writeUnits */.R)((0,item_size/* itemSize */.z)(item)) });
        if (!own)
            continue;
        if ('single' in own) {
            const w = own.single;
            const request = w.statement && ctx.statements?.enabled
                ? updateStatementRequest(ctx.table, ctx.keys, w.key, w.statement)
                : undefined;
            if (w.kind === 'delete')
                laterSingles.push(job);
            else if (request)
                statements.push({ request, job, write: w, units: (0,item_size/* writeUnits */.R)((0,item_size/* itemSize */.z)(w.source ?? w.key)), resent: false });
            else
                first.push(single(ctx, job, w));
        }
        else if ('put' in own.batch) {
            puts.push({ request: { PutRequest: { Item: own.batch.put } }, job, units: (0,item_size/* writeUnits */.R)((0,item_size/* itemSize */.z)(own.batch.put)) });
        }
        else {
            deletes.push({ request: { DeleteRequest: { Key: own.batch.delete } }, job, units: 1 });
        }
    }
    for (let i = 0; i < statements.length; i += BATCH_SIZE)
        first.push(statementBatch(ctx, statements.slice(i, i + BATCH_SIZE)));
    for (let i = 0; i < puts.length; i += BATCH_SIZE)
        first.push(batch(ctx, puts.slice(i, i + BATCH_SIZE)));
    await Promise.all(first);
    ctx.signal?.throwIfAborted();
    const second = [];
    for (const job of laterSingles) {
        const own = job.plan.own;
        // A delete must not outlive a failed put of the data it was moving.
        if (own && 'single' in own && job.outcome !== 'failed')
            second.push(single(ctx, job, own.single));
        else
            settle(job, 'skipped');
    }
    const liveDeletes = [];
    for (const d of deletes) {
        if (d.job.outcome === 'failed')
            settle(d.job, 'skipped');
        else
            liveDeletes.push(d);
    }
    for (let i = 0; i < liveDeletes.length; i += BATCH_SIZE)
        second.push(batch(ctx, liveDeletes.slice(i, i + BATCH_SIZE)));
    await Promise.all(second);
}
function settle(job, result, error) {
    job.pending--;
    // Failure wins over everything; a skipped own write (condition) wins over changed puts.
    if (result === 'failed') {
        job.outcome = 'failed';
        job.error ??= error;
    }
    else if (result === 'skipped' && job.outcome !== 'failed')
        job.outcome = 'skipped';
}
/**
 * The table's own units of a response (asked with INDEXES): the rate is the table's, as its
 * provisioned capacity and the plan's estimate are; a global secondary index has capacity of its
 * own, and one short of it makes DynamoDB throttle the table's writes, which the limiter hears.
 */
function consumed(c) {
    if (!c)
        return undefined;
    const list = Array.isArray(c) ? c : [c];
    return list.reduce((n, x) => n + (x.Table?.CapacityUnits ?? x.CapacityUnits ?? 0), 0);
}
/** `maybeApplied`: an earlier request with this write got no answer, so it may have landed. */
async function single(ctx, job, w, maybeApplied = false) {
    let attempts = 0;
    try {
        await ctx.slots.run(async () => {
            // Built once a slot is free: a page's waiting writes hold only their plans.
            w.expand?.();
            const sized = w.item ?? w.source;
            const estimate = sized ? (0,item_size/* writeUnits */.R)((0,item_size/* itemSize */.z)(sized)) : 1;
            const common = {
                TableName: ctx.table,
                ...(w.conditionExpression ? { ConditionExpression: w.conditionExpression } : {}),
                ...(w.names && hasKeys(w.names) ? { ExpressionAttributeNames: w.names } : {}),
                ...(w.values && hasKeys(w.values) ? { ExpressionAttributeValues: w.values } : {}),
                ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'INDEXES' } : {}),
            };
            const command = w.kind === 'update'
                ? new client_dynamodb_.UpdateItemCommand({ ...common, Key: w.key, UpdateExpression: w.updateExpression })
                : w.kind === 'put'
                    ? new client_dynamodb_.PutItemCommand({ ...common, Item: w.item })
                    : new client_dynamodb_.DeleteItemCommand({ ...common, Key: w.key });
            const res = await ctx.aborts.run((signal) => (0,retry/* withRetry */.bD)(async (attempt) => {
                attempts = attempt;
                await ctx.limiter.acquire(estimate, signal);
                ctx.signal?.throwIfAborted();
                ctx.stats.requests++;
                return ctx.client.send(command, signal ? { abortSignal: signal } : {});
            }, { signal, onRetry: (err) => onRetry(ctx, err) }));
            ctx.limiter.settle(estimate, consumed(res.ConsumedCapacity) ?? estimate);
        });
        settle(job, 'changed');
    }
    catch (err) {
        if (ctx.signal?.aborted)
            throw ctx.signal.reason;
        if (err.name === 'ConditionalCheckFailedException') {
            // The SDK's own retries count too: a marker condition failing after a lost response
            // means our earlier attempt applied the write.
            const sdkAttempts = err.$metadata?.attempts ?? 1;
            settle(job, w.marked && (maybeApplied || attempts > 1 || sdkAttempts > 1) ? 'changed' : 'skipped');
        }
        else
            settle(job, 'failed', err);
    }
}
function hasKeys(o) {
    for (const _ in o)
        return true;
    return false;
}
function onRetry(ctx, err) {
    ctx.stats.retries++;
    if ((0,retry/* isThrottle */.p0)(err)) {
        ctx.stats.throttles++;
        ctx.limiter.throttled();
    }
}
/** One BatchWriteItem, retrying what DynamoDB leaves unprocessed with backoff and jitter. */
async function batch(ctx, entries) {
    let pending = entries;
    try {
        await ctx.slots.run(() => ctx.aborts.run(async (signal) => {
            for (let round = 1; pending.length; round++) {
                const estimate = pending.reduce((n, e) => n + e.units, 0);
                const requests = pending.map((e) => e.request);
                const res = await (0,retry/* withRetry */.bD)(async () => {
                    await ctx.limiter.acquire(estimate, signal);
                    ctx.signal?.throwIfAborted();
                    ctx.stats.requests++;
                    return ctx.client.send(new client_dynamodb_.BatchWriteItemCommand({
                        RequestItems: { [ctx.table]: requests },
                        ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'INDEXES' } : {}),
                    }), signal ? { abortSignal: signal } : {});
                }, { signal, onRetry: (err) => onRetry(ctx, err) });
                ctx.limiter.settle(estimate, consumed(res.ConsumedCapacity) ?? estimate);
                const left = new Set(res.UnprocessedItems?.[ctx.table] ?? []);
                if (left.size === 0)
                    break;
                // Unprocessed items are DynamoDB's way of throttling a batch.
                ctx.stats.unprocessed += left.size;
                ctx.limiter.throttled();
                if (round >= retry/* DEFAULT_RETRY */.vI.maxAttempts)
                    throw new Error(`${left.size} items stayed unprocessed after ${round} BatchWriteItem rounds`);
                const leftKeys = new Set([...left].map((r) => requestKey(r, ctx.keys)));
                pending = pending.filter((e) => leftKeys.has(requestKey(e.request, ctx.keys)));
                await (0,retry/* sleep */.yy)((0,retry/* backoffDelay */.EY)(round, retry/* DEFAULT_RETRY */.vI), signal);
            }
        }));
        for (const e of entries)
            settle(e.job, 'changed');
    }
    catch (err) {
        if (ctx.signal?.aborted)
            throw ctx.signal.reason;
        const done = new Set(entries.filter((e) => !pending.includes(e)));
        for (const e of entries)
            settle(e.job, done.has(e) ? 'changed' : 'failed', err);
    }
}
/** Identifies a request in UnprocessedItems, which come back as fresh objects. */
function requestKey(r, keys) {
    const k = r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {};
    return `${r.PutRequest ? 'p' : 'd'}${JSON.stringify(k[keys.hash] ?? null)}\u0000${JSON.stringify(k[keys.sort] ?? null)}`;
}
/** Per-statement errors of BatchExecuteStatement worth another round; the first three are throttling. */
const STATEMENT_THROTTLES = new Set(['ProvisionedThroughputExceeded', 'ThrottlingError', 'RequestLimitExceeded']);
const STATEMENT_TRANSIENT = new Set([...STATEMENT_THROTTLES, 'InternalServerError', 'TransactionConflict']);
/** DynamoDB will not run PartiQL for us at all: no permission, or an endpoint without it. */
function refusesPartiql(err) {
    const name = err.name ?? '';
    return /AccessDenied|UnknownOperation|UnrecognizedClient|NotImplemented/.test(name);
}
function refuse(ctx, reason) {
    if (!ctx.statements?.enabled)
        return;
    ctx.statements.enabled = false;
    ctx.statements.onRefused?.(reason);
}
/**
 * Up to 25 in-place updates as one BatchExecuteStatement. Each statement succeeds or fails on
 * its own (it is not a transaction): throttled and transient ones go again in the next round
 * with backoff, a failed condition counts as skipped (or as changed, for a marked pass whose
 * earlier request got no answer and so may have landed), and what DynamoDB will not take as
 * PartiQL is written with UpdateItem instead, which also gives the precise error if any.
 */
async function statementBatch(ctx, entries) {
    let pending = entries;
    const viaUpdateItem = [];
    try {
        await ctx.slots.run(() => ctx.aborts.run(async (signal) => {
            for (let round = 1; pending.length; round++) {
                if (!ctx.statements?.enabled) {
                    viaUpdateItem.push(...pending);
                    pending = [];
                    break;
                }
                const estimate = pending.reduce((n, e) => n + e.units, 0);
                const sent = pending;
                let attempts = 0;
                let res;
                try {
                    res = await (0,retry/* withRetry */.bD)(async (attempt) => {
                        attempts = attempt;
                        if (attempt > 1)
                            for (const e of sent)
                                e.resent = true;
                        await ctx.limiter.acquire(estimate, signal);
                        ctx.signal?.throwIfAborted();
                        ctx.stats.requests++;
                        return ctx.client.send(new client_dynamodb_.BatchExecuteStatementCommand({
                            Statements: sent.map((e) => e.request),
                            ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'INDEXES' } : {}),
                        }), signal ? { abortSignal: signal } : {});
                    }, { signal, onRetry: (err) => onRetry(ctx, err) });
                }
                catch (err) {
                    if (ctx.signal?.aborted || signal?.aborted || (0,retry/* isRetryable */.r3)(err))
                        throw err;
                    // Refused as a whole: UpdateItem for these, and for the rest of the pass if PartiQL is off limits.
                    if (refusesPartiql(err))
                        refuse(ctx, `${err.name}: ${err.message}`);
                    viaUpdateItem.push(...sent);
                    pending = [];
                    break;
                }
                if (attempts > 1 || (res.$metadata.attempts ?? 1) > 1)
                    for (const e of sent)
                        e.resent = true;
                ctx.limiter.settle(estimate, consumed(res.ConsumedCapacity) ?? estimate);
                const again = [];
                let throttled = false;
                sent.forEach((e, i) => {
                    const answer = res.Responses?.[i];
                    const code = answer ? answer.Error?.Code : 'InternalServerError';
                    if (!code)
                        settle(e.job, 'changed');
                    else if (code === 'ConditionalCheckFailed')
                        settle(e.job, e.write.marked && e.resent ? 'changed' : 'skipped');
                    else if (STATEMENT_TRANSIENT.has(code)) {
                        again.push(e);
                        throttled ||= STATEMENT_THROTTLES.has(code);
                    }
                    else {
                        if (code === 'AccessDenied')
                            refuse(ctx, `AccessDenied: ${answer?.Error?.Message ?? ''}`);
                        viaUpdateItem.push(e);
                    }
                });
                pending = again;
                if (!pending.length)
                    break;
                ctx.stats.retries++;
                if (throttled) {
                    ctx.stats.throttles++;
                    ctx.limiter.throttled();
                }
                if (round >= retry/* DEFAULT_RETRY */.vI.maxAttempts)
                    throw new Error(`${pending.length} update statements were still throttled or failing after ${round} BatchExecuteStatement rounds`);
                await (0,retry/* sleep */.yy)((0,retry/* backoffDelay */.EY)(round, retry/* DEFAULT_RETRY */.vI), signal);
            }
        }));
    }
    catch (err) {
        if (ctx.signal?.aborted)
            throw ctx.signal.reason;
        for (const e of pending)
            settle(e.job, 'failed', err);
    }
    await Promise.all(viaUpdateItem.map((e) => single(ctx, e.job, e.write, e.resent)));
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/page-reader.ts



/** Reads pages of one selection: parallel Scan segments, or Query for a partition. */
class PageReader {
    client;
    limiter;
    aborts;
    onRetry;
    /** Read units of the last page, the estimate for the next one. */
    lastUnits = 16;
    base;
    query;
    constructor(client, table, keys, selection, limiter, 
    /** Each read takes a signal of its own: up to one read per segment is in flight at once. */
    aborts, pageSize, onRetry) {
        this.client = client;
        this.limiter = limiter;
        this.aborts = aborts;
        this.onRetry = onRetry;
        this.query = selection.partition !== undefined;
        const b = new ExpressionBuilder();
        let keyCondition;
        if (selection.partition !== undefined) {
            if (isReservedHashKey(selection.partition))
                throw new RangeError(`partition '${selection.partition}' holds the tool's bookkeeping and cannot be selected`);
            keyCondition = and([
                `${b.name(keys.hash)} = ${b.value(selection.partition)}`,
                selection.sortPrefix !== undefined
                    ? `begins_with(${b.name(keys.sort)}, ${b.value(selection.sortPrefix)})`
                    : undefined,
            ]);
        }
        else if (selection.sortPrefix !== undefined) {
            throw new RangeError('sortPrefix needs partition: a key prefix is served by Query within one partition');
        }
        const filter = selectionFilter(b, selection);
        this.base = {
            TableName: table,
            ...(keyCondition ? { KeyConditionExpression: keyCondition } : {}),
            ...(filter ? { FilterExpression: filter } : {}),
            ...b.params(),
            ...(pageSize ? { Limit: pageSize } : {}),
            // Only a limiter with a ceiling needs the real units (see the writer).
            ...(Number.isFinite(limiter.ceiling) ? { ReturnConsumedCapacity: 'TOTAL' } : {}),
        };
    }
    /** Reads the page of `segment` of `total` that starts after `start`. */
    async read(segment, total, start) {
        const input = {
            ...this.base,
            ...(start ? { ExclusiveStartKey: start } : {}),
            ...(this.query ? {} : { Segment: segment, TotalSegments: total }),
        };
        const estimate = this.lastUnits;
        const res = await this.aborts.run((signal) => (0,retry/* withRetry */.bD)(async () => {
            await this.limiter.acquire(estimate, signal);
            const command = this.query ? new client_dynamodb_.QueryCommand(input) : new client_dynamodb_.ScanCommand(input);
            return this.client.send(command, signal ? { abortSignal: signal } : {});
        }, {
            signal,
            onRetry: (err) => {
                if ((0,retry/* isThrottle */.p0)(err))
                    this.limiter.throttled();
                this.onRetry(err);
            },
        }));
        const units = res.ConsumedCapacity?.CapacityUnits ?? estimate;
        this.lastUnits = Math.max(1, units);
        this.limiter.settle(estimate, units);
        return { items: res.Items ?? [], lastKey: res.LastEvaluatedKey };
    }
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/progress.ts
/** Adds `b` into `a`. */
function addCounts(a, b) {
    a.scanned += b.scanned;
    a.changed += b.changed;
    a.skipped += b.skipped;
    a.failed += b.failed;
    return a;
}
function zeroCounts() {
    return { scanned: 0, changed: 0, skipped: 0, failed: 0 };
}
/**
 * Reports a pass's progress at a bounded frequency, whatever the item rate: a callback (the
 * step report), a bar on a TTY, or a log line in CI. Nothing here grows with the table.
 */
class ProgressReporter {
    pass;
    counts;
    segments;
    opts;
    started;
    lastCallback = 0;
    lastLog;
    lastBar = 0;
    /** Counts carried over from checkpoints of earlier runs; excluded from the rate. */
    baseScanned;
    constructor(pass, counts, segments, opts) {
        this.pass = pass;
        this.counts = counts;
        this.segments = segments;
        this.opts = opts;
        this.started = opts.now();
        this.lastLog = this.started;
        this.baseScanned = counts.scanned;
    }
    snapshot() {
        const elapsedMs = this.opts.now() - this.started;
        const scannedNow = this.counts.scanned - this.baseScanned;
        const itemsPerSecond = elapsedMs > 0 ? (scannedNow * 1000) / elapsedMs : 0;
        const total = this.opts.estimatedTotal;
        const left = total !== undefined ? Math.max(0, total - this.counts.scanned) : undefined;
        return {
            pass: this.pass,
            ...this.counts,
            itemsPerSecond,
            etaSeconds: left !== undefined && itemsPerSecond > 0 ? left / itemsPerSecond : undefined,
            estimatedTotal: total,
            segmentsDone: this.segments.done(),
            segmentsTotal: this.segments.total,
            elapsedMs,
        };
    }
    /** Called after every page; emits only when an interval has passed. */
    tick(final = false) {
        const t = this.opts.now();
        const due = (last, interval) => final || t - last >= interval;
        if (this.opts.onProgress && due(this.lastCallback, this.opts.progressIntervalMs)) {
            this.lastCallback = t;
            this.opts.onProgress(this.snapshot());
        }
        if (this.opts.bar) {
            if (due(this.lastBar, 200)) {
                this.lastBar = t;
                this.opts.bar.write(`\r${renderBar(this.snapshot())}${final ? '\n' : ''}`);
            }
        }
        else if (due(this.lastLog, this.opts.logIntervalMs) && (!final || t > this.started)) {
            this.lastLog = t;
            this.opts.logger.info(renderLine(this.snapshot()));
        }
    }
}
/** `pass-1: 12,000 scanned, 4,000 changed, 8,000 skipped, 0 failed; 3,100/s; 4/16 segments; ETA 0:32`. */
function renderLine(p) {
    const n = (x) => Math.round(x).toLocaleString('en-US');
    return (`${p.pass}: ${n(p.scanned)} scanned, ${n(p.changed)} changed, ${n(p.skipped)} skipped, ${n(p.failed)} failed; ` +
        `${n(p.itemsPerSecond)}/s; ${p.segmentsDone}/${p.segmentsTotal} segments` +
        (p.etaSeconds !== undefined ? `; ETA ${duration(p.etaSeconds)}` : ''));
}
function renderBar(p) {
    const fraction = p.estimatedTotal
        ? Math.min(1, p.scanned / p.estimatedTotal)
        : p.segmentsDone / Math.max(1, p.segmentsTotal);
    const width = 24;
    const filled = Math.round(fraction * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${renderLine(p)}   `;
}
function duration(seconds) {
    const s = Math.round(seconds);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const ss = String(s % 60).padStart(2, '0');
    return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/rate-limiter.ts

/**
 * A token bucket over capacity units (read or write) that adapts like TCP: it cuts its rate
 * when DynamoDB throttles and climbs back towards the ceiling once throttling stops.
 *
 * Callers take an estimate before a request and settle the difference once the response
 * reports the capacity it consumed, so the limit holds in real units, not in guesses.
 * With no ceiling the bucket is open until the first throttle, then adapts the same way.
 *
 * The rate never falls below a quarter of the best rate seen (or a tenth of the ceiling):
 * throttling that does not depend on our rate (a hot partition, another writer) would
 * otherwise drive it to nothing, and retries with backoff already absorb what the floor lets
 * through. Before anything has been measured, a throttle only triggers the retry's backoff.
 */
class AdaptiveRateLimiter {
    ceiling;
    now;
    rate;
    tokens = 0;
    lastRefill;
    lastThrottle = -Infinity;
    lastChange;
    /** Start of the current measuring window; NaN until the first response, so setup time never counts. */
    windowStart = NaN;
    windowUnits = 0;
    /** Units per second consumed in the last complete one-second window. */
    observed = 0;
    peak = 0;
    constructor(
    /** Units per second never to exceed; Infinity for none. */
    ceiling, now = Date.now) {
        this.ceiling = ceiling;
        this.now = now;
        this.rate = ceiling;
        this.lastRefill = now();
        this.lastChange = this.lastRefill - 1000;
        // Empty at the start, not a second's worth: a pass that opened with twice its rate would
        // spend burst credit the table may not have saved, and be throttled in its first second.
    }
    /** The rate currently allowed (units/s), Infinity when open. */
    get currentRate() {
        return this.rate;
    }
    /** Waits until `units` may be spent. Debt is allowed: a large request waits after, not forever. */
    async acquire(units, signal) {
        this.refill();
        if (!Number.isFinite(this.rate))
            return;
        this.tokens -= units;
        if (this.tokens < 0)
            await (0,retry/* sleep */.yy)(Math.ceil((-this.tokens / this.rate) * 1000), signal);
    }
    /** Corrects an estimate once the response says what the request really consumed. */
    settle(estimated, actual) {
        this.record(actual);
        if (Number.isFinite(this.rate))
            this.tokens -= actual - estimated;
    }
    /** DynamoDB throttled a request (or left batch items unprocessed): slow down. */
    throttled() {
        const t = this.now();
        this.lastThrottle = t;
        // One cut per second: a burst of concurrent throttles is one signal, not twenty.
        if (t - this.lastChange < 1000 && Number.isFinite(this.rate))
            return;
        // Open and nothing measured over a whole second yet: while a pass starts up, what it has
        // consumed says nothing about what the table can take.
        if (!Number.isFinite(this.rate) && this.observed === 0)
            return;
        const base = Number.isFinite(this.rate) ? this.rate : this.observed;
        this.rate = Math.max(this.floor(), base * 0.7);
        this.tokens = Math.min(this.tokens, 0);
        this.lastChange = t;
    }
    floor() {
        return Math.max(1, Number.isFinite(this.ceiling) ? this.ceiling / 10 : this.peak / 4);
    }
    record(units) {
        const t = this.now();
        if (Number.isNaN(this.windowStart)) {
            // The first window opens with the first response: time spent before the pass sent
            // anything (DescribeTable, checkpoints, a cold start) would make the first measured
            // rate, and so the floor, far too low, and one early throttle would then crawl.
            this.windowStart = t;
            this.windowUnits = units;
            return;
        }
        this.windowUnits += units;
        const elapsed = t - this.windowStart;
        if (elapsed >= 1000) {
            this.observed = (this.windowUnits * 1000) / elapsed;
            this.peak = Math.max(this.peak, this.observed);
            this.windowStart = t;
            this.windowUnits = 0;
        }
    }
    refill() {
        const t = this.now();
        // Climb back by a fifth a second once a second has passed without throttling.
        if (this.rate < this.ceiling && t - this.lastThrottle > 1000 && t - this.lastChange >= 1000) {
            this.rate = this.rate * 1.2 + 1;
            this.lastChange = t;
            if (this.rate >= this.ceiling)
                this.rate = this.ceiling;
            // Unlimited and well above what we use: open the bucket again.
            else if (!Number.isFinite(this.ceiling) && this.peak > 0 && this.rate > this.peak * 2)
                this.rate = Infinity;
        }
        if (!Number.isFinite(this.rate)) {
            this.lastRefill = t;
            return;
        }
        this.tokens = Math.min(this.rate, this.tokens + ((t - this.lastRefill) / 1000) * this.rate);
        this.lastRefill = t;
    }
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/sampling.ts

/**
 * Where an item falls in [0, 100), from a hash of its key. Stable across runs and machines,
 * so a canary of p% and the full run after it agree on which items the canary took.
 */
function sampleBucket(item, keys) {
    const digest = (0,external_node_crypto_.createHash)('md5')
        .update(JSON.stringify(item[keys.hash] ?? null))
        .update('\u0000')
        .update(JSON.stringify(item[keys.sort] ?? null))
        .digest();
    return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}
function inSample(bucket, range) {
    return bucket >= range.from && bucket < range.to;
}

// EXTERNAL MODULE: ./src/dynamodb/bulk/semaphore.ts
var semaphore = __nccwpck_require__(215);
// EXTERNAL MODULE: ./src/dynamodb/bulk/table-facts.ts
var table_facts = __nccwpck_require__(631);
;// CONCATENATED MODULE: ./src/dynamodb/bulk/write-plan.ts


/** Thrown for an action the engine cannot carry out; the item counts as failed. */
class ActionError extends Error {
    name = 'ActionError';
}
const write_plan_MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: true };
/**
 * How `set`/`remove` updates are written unless a pass says otherwise: in place, touching only
 * the named attributes, so never overwriting what the application wrote to the item after we
 * read it; batched as PartiQL UPDATE statements (see PassOptions.updates).
 */
const DEFAULT_UPDATES = 'in-place';
/**
 * Turns an author's action into requests. An update goes, by default, through UpdateItem with
 * `attribute_exists(<hash>)`, so an item deleted by the application since it was read is not
 * resurrected as a fragment; with `updates: 'rewrite'` an unconditional one is applied to the
 * item as read and written back in a batch instead (see PassOptions.updates).
 */
function planWrites(source, action, keys, marker, updates = DEFAULT_UPDATES) {
    if (!action)
        return undefined;
    const key = { [keys.hash]: source[keys.hash], [keys.sort]: source[keys.sort] };
    const puts = (action.put ?? []).map((p) => checkedItem(p, keys));
    if ('delete' in action && action.delete) {
        const own = action.condition
            ? { single: conditional('delete', key, action.condition, keys, undefined) }
            : { batch: { delete: key } };
        return { own, puts, deletes: true };
    }
    if ('replace' in action && action.replace) {
        const item = checkedItem(marker ? { ...action.replace, [marker.attribute]: marker.token } : action.replace, keys);
        if (item[keys.hash]?.S !== key[keys.hash]?.S || item[keys.sort]?.S !== key[keys.sort]?.S)
            throw new ActionError('replace must keep the item key; to move an item, return { put: [newItem], delete: true }');
        if (!action.condition && !marker)
            return { own: { batch: { put: item } }, puts, deletes: false };
        const write = conditional('put', key, action.condition, keys, marker);
        write.item = item;
        return { own: { single: write }, puts, deletes: false };
    }
    const set = action.set ?? {};
    const remove = action.remove ?? [];
    if (Object.keys(set).length === 0 && remove.length === 0) {
        // Only new items: the source stays as it is.
        return puts.length ? { puts, deletes: false } : undefined;
    }
    for (const attr of [...Object.keys(set), ...remove])
        if (attr === keys.hash || attr === keys.sort)
            throw new ActionError(`cannot update key attribute '${attr}'; put a new item and delete this one`);
    const condition = action.condition;
    if (updates === 'rewrite' && !condition && !marker)
        return { own: { batch: { put: rewritten(source, set, remove) } }, puts, deletes: false };
    if (updates === 'in-place' && !condition) {
        const write = {
            kind: 'update',
            key,
            marked: !!marker,
            source,
            statement: updateStatement(set, remove, marker),
        };
        write.expand = () => {
            write.expand = undefined;
            Object.assign(write, updateItemWrite(key, set, remove, undefined, keys, marker));
        };
        return { own: { single: write }, puts, deletes: false };
    }
    const write = updateItemWrite(key, set, remove, condition, keys, marker);
    write.source = source;
    return { own: { single: write }, puts, deletes: false };
}
/** An UpdateItem of `set`/`remove`, only if the item exists (and is unmarked, and meets the author's condition). */
function updateItemWrite(key, set, remove, condition, keys, marker) {
    // One builder for condition and update, so their placeholders never clash.
    const b = new ExpressionBuilder();
    const write = conditional('update', key, condition, keys, marker, b);
    write.updateExpression = updateExpression(b, marker ? { ...set, [marker.attribute]: marker.token } : set, remove);
    return write;
}
function conditional(kind, key, condition, keys, marker, b = new ExpressionBuilder()) {
    const parts = [];
    if (kind !== 'delete')
        parts.push(`attribute_exists(${b.name(keys.hash)})`);
    if (marker) {
        const m = b.name(marker.attribute);
        parts.push(`attribute_not_exists(${m}) OR ${m} <> ${b.value(marker.token)}`);
    }
    if (condition)
        parts.push(b.include(condition));
    const expr = and(parts);
    return {
        kind,
        key,
        ...(expr ? { conditionExpression: expr } : {}),
        // Shared with the builder: an update adds its own placeholders afterwards.
        names: b.names,
        values: b.values,
        marked: !!marker,
    };
}
function updateStatement(set, remove, marker) {
    const out = { set: [], remove: [...remove], marker };
    for (const [attr, value] of Object.entries(set)) {
        if (value === undefined)
            out.remove.push(attr);
        else
            out.set.push([attr, toAttributeValue(value)]);
    }
    if (marker)
        out.set.push([marker.attribute, toAttributeValue(marker.token)]);
    return out;
}
/** The item as read with the update applied, for a batched put. */
function rewritten(source, set, remove) {
    const item = { ...source };
    for (const [attr, value] of Object.entries(set)) {
        if (value === undefined)
            delete item[attr];
        else
            item[attr] = toAttributeValue(value);
    }
    for (const attr of remove)
        delete item[attr];
    return item;
}
function checkedItem(item, keys) {
    const av = (0,util_dynamodb_.marshall)(item, write_plan_MARSHALL);
    if (!av[keys.hash] || !av[keys.sort])
        throw new ActionError(`an item to put has no '${keys.hash}'/'${keys.sort}' key`);
    if (isReservedHashKey(item[keys.hash]))
        throw new ActionError(`items under '${String(item[keys.hash])}' are the tool's bookkeeping and cannot be written by a migration`);
    return av;
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/pass.ts













const MAX_RECORDED_FAILURES = 10;
/**
 * The token a `once` pass marks items with: `<version>:<direction>:<pass>:<attempt>`. A resume
 * of the attempt builds the same token and skips what it already changed; another attempt
 * builds another. Without an attempt (no runner, or an attempt begun before attempts were
 * recorded) the token is `<version>:<direction>:<pass>`, as it always was.
 */
function markerToken(scope, pass, attempt) {
    return attempt ? `${scope}:${pass}:${attempt}` : `${scope}:${pass}`;
}
/** Default page budget of a pass: enough to keep the writes busy while the next pages are read. */
const DEFAULT_PAGES_IN_FLIGHT = 4;
/** Default write requests in flight (see PassOptions.writeConcurrency). */
const DEFAULT_WRITE_CONCURRENCY = 128;
const HALTED = Symbol('halted');
/**
 * The read and write ceilings of a pass, in units per second. What the rate names wins; what it
 * leaves out is, on a provisioned table, the table's own capacity: above it DynamoDB only
 * throttles (once any saved burst is spent), so a pass that starts there uses what the table
 * has without a throttle storm, and the plan's estimate (made at that capacity) holds. The
 * limiter still backs off when the application's traffic takes part of it. On-demand tables
 * have no such figure: the pass is open until DynamoDB throttles it.
 */
function passCeilings(rate, facts) {
    if (rate && 'percent' in rate)
        return (0,table_facts/* resolveRate */.bh)(rate, facts);
    return {
        read: rate?.read ?? facts?.provisioned?.read ?? Infinity,
        write: rate?.write ?? facts?.provisioned?.write ?? Infinity,
    };
}
/**
 * Runs one pass: reads the selection segment by segment (a bounded number at once), transforms
 * and writes each page's items while the next pages are read, and saves each segment's
 * position once its pages up to there are written. Memory is bounded by the page budget
 * (`pagesInFlight`) and the write slots, whatever the size of the table or the segment count.
 */
async function runPass(env, name, selection, fn, opts) {
    if (name.includes(':'))
        throw new RangeError(`pass name '${name}' must not contain ':'`);
    const started = env.now();
    const { signal } = env;
    signal?.throwIfAborted();
    const facts = await (0,retry/* withRetry */.bD)(() => (0,table_facts/* describeTableFacts */.Zf)(env.client, env.table, signal), { signal });
    const ceilings = passCeilings(opts.rate, facts);
    const readLimiter = new AdaptiveRateLimiter(ceilings.read, env.now);
    const writeLimiter = new AdaptiveRateLimiter(ceilings.write, env.now);
    const target = opts.samplePercent ?? 100;
    if (!(target > 0 && target <= 100))
        throw new RangeError(`samplePercent must be in (0, 100], got ${target}`);
    const sampledUpTo = env.store ? await env.store.sampledUpTo(name) : 0;
    const range = { from: Math.min(sampledUpTo, target), to: target };
    const rangeLabel = `${range.from}-${range.to}`;
    const sampling = range.from > 0 || range.to < 100;
    const stats = { requests: 0, retries: 0, throttles: 0, unprocessed: 0 };
    // Every read, write and wait of the pass hears the run's signal through this one listener.
    const aborts = new AbortFanout(signal);
    const reader = new PageReader(env.client, env.table, env.keys, selection, readLimiter, aborts, opts.pageSize, () => stats.retries++);
    const saved = env.store ? await env.store.list(name, rangeLabel) : [];
    const plan = segmentPlan(opts.segments, reader.query, saved, facts);
    const queue = [...(plan.only ?? Array.from({ length: plan.total }, (_, i) => i))];
    for (const s of queue)
        if (!(Number.isInteger(s) && s >= 0 && s < plan.total))
            throw new RangeError(`segment ${s} is not in 0..${plan.total - 1}`);
    const checkpoints = new Map();
    for (const cp of saved)
        if (cp.total === plan.total)
            checkpoints.set(cp.segment, cp);
    const counts = zeroCounts();
    let segmentsDone = 0;
    for (const s of queue) {
        const cp = checkpoints.get(s);
        if (!cp)
            continue;
        addCounts(counts, cp.counts);
        if (cp.done)
            segmentsDone++;
    }
    const resumed = checkpoints.size > 0;
    if (resumed)
        env.logger.info(`${name}: resuming from checkpoints (${segmentsDone}/${queue.length} segments done, ${counts.scanned} items before)`);
    const marker = opts.once
        ? {
            attribute: opts.once === true ? '_migrated' : opts.once.attribute,
            token: markerToken(env.scope, name, await env.attempt?.()),
        }
        : undefined;
    const writer = {
        client: env.client,
        table: env.table,
        keys: env.keys,
        signal,
        aborts,
        limiter: writeLimiter,
        slots: new semaphore/* Semaphore */.j(opts.writeConcurrency ?? DEFAULT_WRITE_CONCURRENCY),
        stats,
        // The limiter needs what requests really consumed only when it enforces a ceiling; open, it
        // learns the rate from estimates (item sizes), and the server is spared the accounting.
        returnCapacity: Number.isFinite(ceilings.write),
        statements: {
            enabled: true,
            onRefused: (why) => env.logger.warn(`${name}: DynamoDB refused batched PartiQL updates (${why}); writing one UpdateItem per item instead, which is slower. Allow dynamodb:PartiQLUpdate on the table to batch them.`),
        },
    };
    const estimatedTotal = reader.query || facts.itemCount === undefined
        ? undefined
        : Math.round((facts.itemCount * queue.length) / plan.total);
    const progress = new ProgressReporter(name, counts, { done: () => segmentsDone, total: queue.length }, {
        estimatedTotal: selection.type === undefined && !selection.where ? estimatedTotal : undefined,
        onProgress: env.onProgress,
        progressIntervalMs: env.progressIntervalMs,
        logIntervalMs: env.logIntervalMs,
        bar: env.progressBar,
        logger: env.logger,
        now: env.now,
    });
    const failures = [];
    const maxFailures = opts.maxFailures ?? 0;
    let stop;
    const shouldStop = () => {
        if (stop)
            return true;
        if (env.deadline !== undefined && env.now() >= env.deadline)
            stop = 'deadline';
        return stop !== undefined;
    };
    const interval = opts.checkpointIntervalMs ?? 2000;
    const save = async (cp) => {
        if (!env.store || env.dryRun)
            return;
        signal?.throwIfAborted();
        await env.store.save(name, rangeLabel, cp);
    };
    const processPage = async (page) => {
        const pageCounts = zeroCounts();
        const jobs = [];
        const fail = (key, err) => {
            pageCounts.failed++;
            if (failures.length < MAX_RECORDED_FAILURES) {
                const entry = { key: safeUnmarshall(key), error: err instanceof Error ? err.message : String(err) };
                failures.push(entry);
                env.logger.warn(`${name}: item ${JSON.stringify(entry.key)} failed: ${entry.error}`);
            }
        };
        for (const raw of page.items) {
            if (isReservedHashKey(raw[env.keys.hash]?.S))
                continue;
            pageCounts.scanned++;
            if (sampling && !inSample(sampleBucket(raw, env.keys), range)) {
                pageCounts.skipped++;
                continue;
            }
            if (marker && raw[marker.attribute]?.S === marker.token) {
                pageCounts.skipped++;
                continue;
            }
            const key = { [env.keys.hash]: raw[env.keys.hash], [env.keys.sort]: raw[env.keys.sort] };
            let plan;
            try {
                const item = (0,util_dynamodb_.unmarshall)(raw);
                if (selection.filter && !selection.filter(item)) {
                    pageCounts.skipped++;
                    continue;
                }
                const result = fn(item);
                const action = isThenable(result) ? await result : result;
                plan = planWrites(raw, action, env.keys, marker, opts.updates ?? DEFAULT_UPDATES);
            }
            catch (err) {
                fail(key, err);
                continue;
            }
            if (!plan)
                pageCounts.skipped++;
            else if (env.dryRun)
                pageCounts.changed++;
            else
                jobs.push({ plan, key, pending: 0, outcome: 'changed' });
        }
        if (jobs.length)
            await writePage(writer, jobs);
        for (const job of jobs) {
            if (job.outcome === 'failed')
                fail(job.key, job.error);
            else
                pageCounts[job.outcome]++;
        }
        return pageCounts;
    };
    // Pages read and not yet written, across all segments: the bound on memory, whatever the
    // table's size or segment count (a page is at most 1 MB, or `pageSize` items).
    const pageSlots = new semaphore/* Semaphore */.j(opts.pagesInFlight ?? DEFAULT_PAGES_IN_FLIGHT);
    /**
     * Reads a segment's pages one after another without waiting for their writes: each page's
     * writes run while the next pages are read and transformed, within the shared page budget.
     * Pages are checkpointed strictly in order, each once it and every page before it is written.
     */
    const runSegment = async (segment) => {
        const cp = checkpoints.get(segment) ?? {
            segment,
            total: plan.total,
            done: false,
            counts: zeroCounts(),
        };
        if (cp.done)
            return;
        let lastSave = env.now();
        // Set once the pass failed past maxFailures or a commit threw: read nothing more, commit nothing more.
        let halted = false;
        const inFlight = new Set();
        // Takes the page's next key only: a page's items are freed as soon as its writes are done,
        // even while an earlier page of the segment is still being written.
        const commit = async (lastKey, work) => {
            const pageCounts = await work;
            if (halted)
                return;
            addCounts(counts, pageCounts);
            if (counts.failed > maxFailures) {
                // This page and those after it are not checkpointed: a resumed run retries them.
                stop = 'failed';
                halted = true;
                return;
            }
            addCounts(cp.counts, pageCounts);
            cp.lastKey = lastKey;
            cp.done = !lastKey;
            if (cp.done)
                segmentsDone++;
            if (cp.done || shouldStop() || env.now() - lastSave >= interval) {
                await save(cp);
                lastSave = env.now();
            }
            progress.tick();
        };
        let committed = Promise.resolve();
        let readError;
        try {
            let start = cp.lastKey;
            do {
                if (halted || shouldStop())
                    break;
                const wait = pageSlots.acquire();
                if (wait)
                    await wait;
                let page;
                try {
                    if (halted)
                        throw HALTED;
                    page = await reader.read(segment, plan.total, start);
                }
                catch (err) {
                    pageSlots.release();
                    throw err;
                }
                const work = processPage(page).finally(() => pageSlots.release());
                inFlight.add(work);
                void work.then(() => inFlight.delete(work), () => inFlight.delete(work));
                const lastKey = page.lastKey;
                committed = committed.then(() => commit(lastKey, work));
                committed.catch(() => (halted = true));
                start = lastKey;
            } while (start);
        }
        catch (err) {
            // A failed read ends the segment; the pages read before it are still committed.
            if (err !== HALTED)
                readError = { error: err };
        }
        try {
            await committed;
        }
        finally {
            // Nothing of this segment outlives it, even when a commit failed.
            await Promise.allSettled([...inFlight]);
        }
        if (readError)
            throw readError.error;
    };
    const workers = Array.from({ length: Math.min(queue.length, opts.concurrency ?? 16) }, async () => {
        for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
            if (shouldStop())
                return;
            try {
                await runSegment(s);
            }
            catch (err) {
                // The other segments stop at their next page boundary, with a checkpoint.
                stop ??= 'error';
                throw err;
            }
        }
    });
    const settled = await Promise.allSettled(workers);
    if (signal?.aborted)
        throw signal.reason;
    const rejected = settled.find((r) => r.status === 'rejected');
    if (rejected)
        throw rejected.reason;
    progress.tick(true);
    env.logger.debug(`${name}: ${stats.requests} write requests, ${stats.retries} retries, ${stats.throttles} throttled, ${stats.unprocessed} unprocessed`);
    if (stop === 'failed')
        throw new PassFailedError(name, counts, failures);
    if (stop === 'deadline')
        throw new PassIncompleteError(name, counts);
    if (env.store && !env.dryRun) {
        if (range.to < 100)
            await env.store.recordSampled(name, range.to);
        // The full run after a canary is done with this pass: the canary's progress now serves a
        // resume of this attempt only (its checkpoints are under this range), not a later attempt.
        else if (range.from > 0)
            await env.store.recordSampled(name, range.from, { finished: true });
    }
    return {
        pass: name,
        status: 'complete',
        counts,
        resumed,
        segments: plan,
        durationMs: env.now() - started,
        dryRun: env.dryRun,
    };
}
function segmentPlan(option, query, saved, facts) {
    if (query)
        return { total: 1 };
    const asked = typeof option === 'number' ? { total: option } : option;
    const savedTotal = saved[0]?.total;
    if (asked && savedTotal !== undefined && asked.total !== savedTotal)
        throw new RangeError(`this pass was started with ${savedTotal} segments and is now asked for ${asked.total}; checkpoints are only valid for the same count, so run it with ${savedTotal}`);
    const plan = asked ?? { total: savedTotal ?? (0,table_facts/* defaultSegmentCount */.Ec)(facts) };
    if (!(Number.isInteger(plan.total) && plan.total >= 1 && plan.total <= 1_000_000))
        throw new RangeError(`segments must be 1..1000000, got ${plan.total}`);
    return plan;
}
function isThenable(v) {
    return typeof v?.then === 'function';
}
function safeUnmarshall(key) {
    try {
        return (0,util_dynamodb_.unmarshall)(key);
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/engine.ts





const silent = { info() { }, warn() { }, debug() { } };
/** An attempt id: the start time and some randomness, short because every marked item carries it. */
function newAttemptId() {
    return `${Date.now().toString(36)}${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
/** Builds the data engine for one step of a run (one migration version and direction). */
function createDataEngine(options) {
    const scope = options.checkpoint ? `${options.checkpoint.version}:${options.checkpoint.direction}` : 'adhoc';
    const store = options.checkpoint
        ? new CheckpointStore(options.client, options.table, options.keys, scope, options.signal)
        : undefined;
    const oppositeDirection = { up: 'down', down: 'up' }[options.checkpoint?.direction ?? ''];
    const opposite = options.checkpoint && oppositeDirection
        ? new CheckpointStore(options.client, options.table, options.keys, `${options.checkpoint.version}:${oppositeDirection}`, options.signal)
        : undefined;
    const env = {
        client: options.client,
        table: options.table,
        keys: options.keys,
        dryRun: options.dryRun ?? false,
        signal: options.signal,
        deadline: options.deadline,
        store,
        scope,
        logger: options.logger ?? silent,
        onProgress: options.onProgress,
        progressIntervalMs: options.progressIntervalMs ?? 1000,
        logIntervalMs: options.logIntervalMs ?? 10_000,
        progressBar: options.progressBar ?? (process.stderr.isTTY && !process.env.CI ? process.stderr : false),
        now: Date.now,
    };
    // The step's attempt, which `once` markers name: set by startAttempt, or else read back from
    // the checkpoints (a resume; absent for a library user who never starts one, and for an
    // attempt begun before attempts were recorded: markers then carry no attempt id, as then).
    let attempt;
    env.attempt = () => {
        if (!attempt) {
            const read = store ? store.attempt() : Promise.resolve(undefined);
            // A failed read is not cached: the next pass reads again.
            read.catch(() => {
                if (attempt === read)
                    attempt = undefined;
            });
            attempt = read;
        }
        return attempt;
    };
    const results = [];
    let passNumber = 0;
    let stoppedAtDeadline = false;
    const transform = async (selection, fn, passOptions = {}) => {
        passNumber++;
        const merged = { ...options.defaults, ...passOptions };
        if (merged.samplePercent === undefined && options.samplePercent !== undefined)
            merged.samplePercent = options.samplePercent;
        const name = merged.name ?? `pass-${passNumber}`;
        const started = Date.now();
        try {
            const result = await runPass(env, name, selection, fn, merged);
            results.push(result);
            return result;
        }
        catch (err) {
            if (err instanceof PassIncompleteError) {
                stoppedAtDeadline = true;
                results.push({
                    pass: name,
                    status: 'incomplete',
                    counts: err.counts,
                    resumed: false,
                    segments: typeof merged.segments === 'object' ? merged.segments : { total: merged.segments ?? 0 },
                    durationMs: Date.now() - started,
                    dryRun: env.dryRun,
                });
            }
            throw err;
        }
    };
    return {
        transform,
        forEach: (selection, fn, passOptions) => transform(selection, async (item) => {
            await fn(item);
            return undefined;
        }, passOptions),
        count: async (selection, predicate, passOptions = {}) => {
            const { exampleLimit = 5, ...rest } = passOptions;
            let count = 0;
            const examples = [];
            await transform(selection, async (item) => {
                if (predicate && !(await predicate(item)))
                    return undefined;
                count++;
                if (examples.length < exampleLimit)
                    examples.push({ [env.keys.hash]: item[env.keys.hash], [env.keys.sort]: item[env.keys.sort] });
                return undefined;
            }, rest);
            return { count, examples };
        },
        counts: () => (results.length ? results.reduce((sum, r) => addCounts(sum, r.counts), zeroCounts()) : undefined),
        passes: () => results,
        incomplete: () => stoppedAtDeadline,
        startAttempt: async ({ keepCanary }) => {
            const id = newAttemptId();
            if (store && !env.dryRun) {
                await store.discardEarlierAttempts({ keepCanary });
                await store.recordAttempt(id);
            }
            attempt = Promise.resolve(id);
            return id;
        },
        complete: async ({ keepCanary = false } = {}) => {
            if (!store || env.dryRun)
                return;
            if (keepCanary)
                await store.discardEarlierAttempts({ keepCanary: true });
            else
                await store.clear();
            await opposite?.clear();
        },
    };
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/index.ts
/**
 * The bulk data engine for migration authors: parallel Scan or Query, batched and retried
 * writes within a rate limit, per-segment checkpoints, canary sampling, dry runs and
 * deadlines. Start at {@link createDataEngine}.
 */





/***/ }),

/***/ 410:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ writeUnits),
/* harmony export */   z: () => (/* binding */ itemSize)
/* harmony export */ });
/**
 * Approximate stored size of an item in bytes, by DynamoDB's rules (names plus values; numbers
 * about one byte per two digits). Used only to estimate capacity before the response says.
 */
function itemSize(item) {
    let size = 0;
    for (const name in item)
        size += name.length + valueSize(item[name]);
    return size;
}
function valueSize(v) {
    if (v.S !== undefined)
        return Buffer.byteLength(v.S);
    if (v.N !== undefined)
        return Math.ceil(v.N.length / 2) + 1;
    if (v.B !== undefined)
        return v.B.byteLength;
    if (v.BOOL !== undefined || v.NULL !== undefined)
        return 1;
    if (v.SS)
        return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
    if (v.NS)
        return v.NS.reduce((n, s) => n + Math.ceil(s.length / 2) + 1, 0);
    if (v.BS)
        return v.BS.reduce((n, b) => n + b.byteLength, 0);
    if (v.L)
        return 3 + v.L.reduce((n, x) => n + 1 + valueSize(x), 0);
    if (v.M)
        return 3 + itemSize(v.M);
    return 0;
}
/** Write units for an item of this size (1 KB each, at least one). */
function writeUnits(bytes) {
    return Math.max(1, Math.ceil(bytes / 1024));
}


/***/ }),

/***/ 399:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   p0: () => (/* binding */ isThrottle),
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/** Patient enough to ride out throttling on a busy table; the SDK's own retries come on top. */
const DEFAULT_RETRY = { maxAttempts: 12, baseMs: 50, maxDelayMs: 10_000 };
const THROTTLE_NAMES = new Set([
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'ThrottledException',
    'TooManyRequestsException',
    // MRSC global tables: the item is being written from another region at this moment. Like a
    // throttle it passes if we wait, and slowing down makes it rarer while the application writes.
    'ReplicatedWriteConflictException',
]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
/** DynamoDB asked us to slow down: the rate limiter should back off as well as retry. */
function isThrottle(err) {
    const e = err;
    return !!e && (THROTTLE_NAMES.has(e.name ?? '') || e.$metadata?.httpStatusCode === 429);
}
/**
 * Worth another attempt: throttling, 5xx and dropped connections. Anything else (validation,
 * a failed condition, access denied) would fail the same way again.
 */
function isRetryable(err) {
    if (isThrottle(err))
        return true;
    const e = err;
    if (!e || typeof e !== 'object')
        return false;
    if (e.name === 'AbortError')
        return false;
    const status = e.$metadata?.httpStatusCode;
    if (status !== undefined && status >= 500)
        return true;
    if (e.name === 'InternalServerError' || e.name === 'ServiceUnavailable' || e.name === 'TimeoutError')
        return true;
    if (e.code && TRANSIENT_CODES.has(e.code))
        return true;
    // Node reports a connection closed mid-response in the message only.
    return /socket hang up|ECONNRESET|EPIPE|other side closed|premature close/i.test(e.message ?? '');
}
/** Full jitter (AWS architecture blog): spreads retries of many workers evenly over the window. */
function backoffDelay(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.min(attempt, 20));
    return Math.floor(random() * ceiling);
}
/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms, signal) {
    if (signal?.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * Runs `call` until it succeeds, fails with a non-retryable error, or runs out of attempts.
 * `onRetry` hears every retryable failure (the rate limiter listens for throttling).
 */
async function withRetry(call, opts) {
    const policy = opts.policy ?? DEFAULT_RETRY;
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            throw opts.signal.reason;
        try {
            return await call(attempt);
        }
        catch (err) {
            if (opts.signal?.aborted)
                throw opts.signal.reason;
            if (!isRetryable(err) || attempt >= policy.maxAttempts)
                throw err;
            opts.onRetry?.(err, attempt);
            await sleep(backoffDelay(attempt, policy), opts.signal);
        }
    }
}


/***/ }),

/***/ 215:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ Semaphore)
/* harmony export */ });
/** Bounds how many async tasks run at once; waiters are served in order. */
class Semaphore {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!(limit >= 1))
            throw new RangeError(`a concurrency limit must be at least 1, got ${limit}`);
    }
    /** Takes a slot, waiting in line for one if none is free; give it back with {@link release}. */
    acquire() {
        if (this.active < this.limit) {
            this.active++;
            return undefined;
        }
        return new Promise((resolve) => this.waiting.push(resolve));
    }
    /** Gives a slot back; it passes straight to the next waiter, so `active` never dips and rises again. */
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active--;
    }
    /** Runs `task` once a slot is free. */
    async run(task) {
        const wait = this.acquire();
        if (wait)
            await wait;
        try {
            return await task();
        }
        finally {
            this.release();
        }
    }
}


/***/ }),

/***/ 631:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ec: () => (/* binding */ defaultSegmentCount),
/* harmony export */   Qx: () => (/* binding */ replicationOf),
/* harmony export */   Zf: () => (/* binding */ describeTableFacts),
/* harmony export */   bh: () => (/* binding */ resolveRate)
/* harmony export */ });
/* unused harmony exports regionOfTableArn, ON_DEMAND_ASSUMED_UNITS */
/* harmony import */ var _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(271);

async function describeTableFacts(client, table, signal) {
    const { Table: t } = await client.send(new _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__.DescribeTableCommand({ TableName: table }), signal ? { abortSignal: signal } : {});
    const read = t?.ProvisionedThroughput?.ReadCapacityUnits ?? 0;
    const write = t?.ProvisionedThroughput?.WriteCapacityUnits ?? 0;
    const onDemand = t?.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' || (read === 0 && write === 0);
    return {
        itemCount: t?.ItemCount,
        sizeBytes: t?.TableSizeBytes,
        provisioned: onDemand ? undefined : { read, write },
        onDemandMax: t?.OnDemandThroughput
            ? {
                read: positive(t.OnDemandThroughput.MaxReadRequestUnits),
                write: positive(t.OnDemandThroughput.MaxWriteRequestUnits),
            }
            : undefined,
    };
}
const ARN_REGION = /^arn:aws[\w-]*:dynamodb:([a-z]{2}(?:-[a-z]+)+-\d):/;
/** The region in a table's ARN (`arn:aws:dynamodb:<region>:...`); undefined for DynamoDB Local's `ddblocal`. */
function regionOfTableArn(arn) {
    return arn ? ARN_REGION.exec(arn)?.[1] : undefined;
}
/**
 * Which replica a DescribeTable answer came from, and the table's replica set when it is a
 * global table. The region is the table ARN's (what the server says), else the client's (for
 * DynamoDB Local and proxies, whatever the client signs for). Replicas are taken from
 * `Replicas` plus the answering replica itself, so it does not matter whether the list names
 * it. A table is global when another region holds a replica, or its `GlobalTableVersion` is
 * the legacy one (whose replicas DescribeTable may not list).
 */
function replicationOf(t, clientRegion) {
    const region = regionOfTableArn(t?.TableArn) ?? clientRegion;
    const listed = (t?.Replicas ?? []).filter((r) => r.RegionName);
    const others = listed.filter((r) => r.RegionName !== region);
    const legacy = t?.GlobalTableVersion?.startsWith('2017') === true;
    if (!region || (!others.length && !legacy))
        return { region };
    const self = listed.find((r) => r.RegionName === region);
    const replicas = [
        {
            RegionName: region,
            ReplicaStatus: self?.ReplicaStatus ?? t?.TableStatus,
            ReplicaStatusDescription: self?.ReplicaStatusDescription,
            ReplicaStatusPercentProgress: self?.ReplicaStatusPercentProgress,
        },
        ...others,
    ]
        .map((r) => ({
        region: r.RegionName,
        status: r.ReplicaStatus,
        detail: r.ReplicaStatusDescription,
        progress: r.ReplicaStatusPercentProgress,
    }))
        .sort((a, b) => a.region.localeCompare(b.region));
    return {
        region,
        global: {
            region,
            version: t?.GlobalTableVersion,
            consistency: t?.MultiRegionConsistency === 'STRONG' ? 'STRONG' : 'EVENTUAL',
            replicas,
            witnesses: (t?.GlobalTableWitnesses ?? [])
                .filter((w) => w.RegionName)
                .map((w) => ({ region: w.RegionName, status: w.WitnessStatus })),
        },
    };
}
function positive(n) {
    return n !== undefined && n > 0 ? n : undefined;
}
const MIB = 1024 * 1024;
/**
 * Default parallel-scan segments: one per 4 MiB, at least 8 and at most 1,000. AWS's guidance
 * (one per 2 GB) aims at not hurting the live table; we bound that with the rate limit instead
 * and want every worker busy, since a segment reads 1 MB pages one after another.
 */
function defaultSegmentCount(facts) {
    const size = facts.sizeBytes ?? 0;
    return Math.max(8, Math.min(1000, Math.ceil(size / (4 * MIB))));
}
/** What on-demand tables count as for a percentage limit (the EMR connector's convention). */
const ON_DEMAND_ASSUMED_UNITS = 40_000;
/** Turns a rate option into read/write ceilings in units per second (Infinity: unlimited). */
function resolveRate(rate, facts) {
    if (!rate)
        return { read: Infinity, write: Infinity };
    if ('percent' in rate) {
        if (!(rate.percent > 0 && rate.percent <= 100))
            throw new RangeError(`rate.percent must be in (0, 100], got ${rate.percent}`);
        const share = rate.percent / 100;
        const read = facts?.provisioned?.read ?? facts?.onDemandMax?.read ?? ON_DEMAND_ASSUMED_UNITS;
        const write = facts?.provisioned?.write ?? facts?.onDemandMax?.write ?? ON_DEMAND_ASSUMED_UNITS;
        return { read: Math.max(1, read * share), write: Math.max(1, write * share) };
    }
    return { read: rate.read ?? Infinity, write: rate.write ?? Infinity };
}


/***/ }),

/***/ 693:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ deriveDynamoClient),
/* harmony export */   yG: () => (/* binding */ createDynamoClient)
/* harmony export */ });
/* unused harmony exports SDK_LOGGER_MIDDLEWARE, hasSdkLogging, regionOf */
/* harmony import */ var _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(271);

/**
 * The name under which the SDK adds its logger middleware to every client. With no logger
 * configured it logs to a no-op logger, yet first copies each request's input and each
 * response's output through the schema's sensitive-field filter: about a tenth of the client's
 * busy CPU in a bulk pass, for nothing. Retries, errors and their metadata do not depend on it.
 */
const SDK_LOGGER_MIDDLEWARE = 'loggerMiddleware';
/** Whether `client` runs the SDK's logger middleware. */
function hasSdkLogging(client) {
    return client.middlewareStack.identify().some((entry) => entry.split(' ')[0] === SDK_LOGGER_MIDDLEWARE);
}
/** Removes the SDK's logger middleware from a client that has no logger of its own. */
function withoutSdkLogging(client) {
    client.middlewareStack.remove(SDK_LOGGER_MIDDLEWARE);
    return client;
}
/** The AWS region to use: the one given (the manifest's), else the AWS environment's, else us-east-1. */
function regionOf(given) {
    return given ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
}
/**
 * Builds the DynamoDBClient every part of the tool shares. It configures no logger, so the
 * SDK's logger middleware, which would only feed the SDK's no-op logger, is left out.
 */
function createDynamoClient(opts = {}) {
    const config = {
        region: regionOf(opts.region),
        maxAttempts: opts.maxAttempts ?? 6,
    };
    if (opts.endpoint)
        config.endpoint = opts.endpoint;
    if (opts.local)
        config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    return withoutSdkLogging(new _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__.DynamoDBClient(config));
}
/**
 * A client of its own (its own sockets and request queue) that reaches the same DynamoDB as
 * `base`: same region, endpoint, credentials, retry settings and logger. For work that must not
 * wait behind `base`'s requests (the lock's heartbeat), or that needs its own middleware. It
 * runs the SDK's logger middleware when `base` does (a client given by a library user keeps its
 * logging), and leaves it out when `base` does not (one from {@link createDynamoClient}).
 */
function deriveDynamoClient(base, extra = {}) {
    const c = base.config;
    const derived = new _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__.DynamoDBClient({
        region: c.region,
        ...(c.isCustomEndpoint && c.endpoint ? { endpoint: c.endpoint } : {}),
        credentials: c.credentials,
        maxAttempts: c.maxAttempts,
        retryMode: c.retryMode,
        useFipsEndpoint: c.useFipsEndpoint,
        useDualstackEndpoint: c.useDualstackEndpoint,
        logger: c.logger,
        ...extra,
    });
    return hasSdkLogging(base) ? derived : withoutSdkLogging(derived);
}


/***/ }),

/***/ 411:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M7: () => (/* binding */ readOnlyClient),
/* harmony export */   T4: () => (/* binding */ WRITE_COMMANDS),
/* harmony export */   j3: () => (/* binding */ leaseFencedClient)
/* harmony export */ });
/* unused harmony export DryRunWriteError */
/* harmony import */ var _dynamodb_client__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(693);
/* harmony import */ var _dynamodb_bulk_semaphore__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(215);


/** The commands that change a table or its items. */
const WRITE_COMMANDS = new Set([
    'PutItemCommand',
    'UpdateItemCommand',
    'DeleteItemCommand',
    'BatchWriteItemCommand',
    'TransactWriteItemsCommand',
    'ExecuteStatementCommand',
    'BatchExecuteStatementCommand',
    'ExecuteTransactionCommand',
    'CreateTableCommand',
    'DeleteTableCommand',
    'UpdateTableCommand',
]);
/** Thrown when a dry run's migration tries to write through ctx.client. */
class DryRunWriteError extends Error {
    name = 'DryRunWriteError';
}
/**
 * A client like `client` (same credentials, region and endpoint) whose write commands throw
 * instead of reaching DynamoDB: a dry run, a plan or a check hook is guaranteed to write
 * nothing, whatever the migration's own code does. Writes are recognised by the SDK's own
 * command name in the middleware context, which survives bundlers that rename classes.
 */
function readOnlyClient(client) {
    const readOnly = (0,_dynamodb_client__WEBPACK_IMPORTED_MODULE_0__/* .deriveDynamoClient */ .$K)(client);
    readOnly.middlewareStack.add((next, context) => async (args) => {
        const name = context.commandName ?? 'unknown';
        if (WRITE_COMMANDS.has(name))
            throw new DryRunWriteError(`dry run: ${name} was not sent (dry runs write nothing)`);
        return next(args);
    }, { step: 'initialize', priority: 'high', name: 'readOnly' });
    return readOnly;
}
/** Requests a fenced client has in flight at once: the socket limit of the SDK's default HTTP agent. */
const FENCED_IN_FLIGHT = 50;
/**
 * A client of its own for a run's writes, refusing every write once `stopped()` gives a reason
 * (the run's lease may have run out): a run frozen past its lease (GC pause, suspended VM) and
 * taken over meanwhile must not write another item when it wakes, before its heartbeat has
 * even had the chance to find out.
 *
 * The check is made right before each attempt is handed to a socket (SDK retries included),
 * not when the command is sent: requests wait for one of a bounded number of slots in front
 * of the check, and the HTTP agent behind it has no socket limit, so a request that passed the
 * check waits nowhere. With the SDK's default agent, the requests beyond its 50 sockets wait
 * inside it, after any check, and go out whenever the server answers the ones before them.
 * Destroy the client when the run ends.
 */
function leaseFencedClient(base, stopped, opts = {}) {
    const unlimited = { keepAlive: true, maxSockets: Infinity };
    const client = (0,_dynamodb_client__WEBPACK_IMPORTED_MODULE_0__/* .deriveDynamoClient */ .$K)(base, { requestHandler: { httpAgent: unlimited, httpsAgent: unlimited } });
    const slots = new _dynamodb_bulk_semaphore__WEBPACK_IMPORTED_MODULE_1__/* .Semaphore */ .j(opts.inFlight ?? FENCED_IN_FLIGHT);
    const refuse = (context) => {
        if (!WRITE_COMMANDS.has(context.commandName ?? ''))
            return;
        const reason = stopped();
        if (reason)
            throw reason;
    };
    // Refused at once when already stopped, before waiting for anything.
    client.middlewareStack.add((next, context) => async (args) => {
        refuse(context);
        return next(args);
    }, { step: 'initialize', priority: 'high', name: 'leaseFenceEarly' });
    // The last step before the request handler, once per attempt: wait for a slot, then check.
    client.middlewareStack.add((next, context) => async (args) => {
        const wait = slots.acquire();
        if (wait)
            await wait;
        try {
            refuse(context);
            return await next(args);
        }
        finally {
            slots.release();
        }
    }, { step: 'deserialize', priority: 'low', name: 'leaseFence' });
    return client;
}


/***/ }),

/***/ 378:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  rehearsePlan: () => (/* binding */ rehearsePlan)
});

// EXTERNAL MODULE: external "@aws-sdk/client-dynamodb"
var client_dynamodb_ = __nccwpck_require__(271);
// EXTERNAL MODULE: ./src/core/analyzers/findings.ts + 1 modules
var findings = __nccwpck_require__(923);
;// CONCATENATED MODULE: ./src/core/analyzers/item-diff.ts
/**
 * Comparing items as a migration sees them (unmarshalled: strings, numbers, booleans, null,
 * lists, maps, Sets, Uint8Arrays): what the rehearsal's round trip and idempotence checks are
 * made of. Pure.
 */
/** Deep equality of two attribute values (Sets by members, binaries by bytes, maps by keys). */
function sameValue(a, b) {
    if (Object.is(a, b))
        return true;
    if (typeof a === 'bigint' || typeof b === 'bigint')
        return String(a) === String(b);
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (a instanceof Uint8Array || b instanceof Uint8Array) {
        if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length)
            return false;
        return a.every((x, i) => x === b[i]);
    }
    if (a instanceof Set || b instanceof Set) {
        if (!(a instanceof Set && b instanceof Set) || a.size !== b.size)
            return false;
        for (const x of a)
            if (![...b].some((y) => sameValue(x, y)))
                return false;
        return true;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length)
            return false;
        return a.every((x, i) => sameValue(x, b[i]));
    }
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length)
        return false;
    return ka.every((k) => sameValue(a[k], b[k]));
}
/** The attributes in which two items differ (present in one only, or with other values). */
function differingAttributes(a, b) {
    const names = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...names].filter((n) => !sameValue(a[n], b[n])).sort();
}
/**
 * Compares two sets of items by key (`keyOf` the same for both). `examples` holds the key
 * attributes (`keys`) of the first few items that differ.
 */
function diffItems(expected, actual, keys, exampleLimit = 5) {
    const counts = new Map();
    const examples = [];
    let items = 0;
    let missing = 0;
    let extra = 0;
    const note = (item, attrs) => {
        items++;
        for (const a of attrs)
            counts.set(a, (counts.get(a) ?? 0) + 1);
        if (examples.length < exampleLimit)
            examples.push(keyOf(item, keys));
    };
    for (const [k, want] of expected) {
        const got = actual.get(k);
        if (!got) {
            missing++;
            note(want, ['(item deleted)']);
        }
        else {
            const attrs = differingAttributes(want, got);
            if (attrs.length)
                note(want, attrs);
        }
    }
    for (const [k, got] of actual) {
        if (!expected.has(k)) {
            extra++;
            note(got, ['(item added)']);
        }
    }
    return {
        items,
        missing,
        extra,
        attributes: [...counts.entries()]
            .map(([attribute, count]) => ({ attribute, count }))
            .sort((a, b) => b.count - a.count || a.attribute.localeCompare(b.attribute)),
        examples,
    };
}
/** The key attributes of an item. */
function keyOf(item, keys) {
    return { [keys.hash]: item[keys.hash], ...(keys.sort ? { [keys.sort]: item[keys.sort] } : {}) };
}
/** A stable string of an item's key, for maps of items. */
function keyString(item, keys) {
    return JSON.stringify([item[keys.hash] ?? null, keys.sort ? (item[keys.sort] ?? null) : null]);
}
/** How a diff reads in a finding: `total (3 items), status (1 item)`. */
function describeAttributes(d, limit = 5) {
    const shown = d.attributes.slice(0, limit).map((a) => `${a.attribute} (${a.count})`);
    return d.attributes.length > limit ? `${shown.join(', ')}, …` : shown.join(', ');
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(296);
// EXTERNAL MODULE: ./src/core/validate.ts
var validate = __nccwpck_require__(993);
// EXTERNAL MODULE: ./src/dynamodb/client.ts
var client = __nccwpck_require__(693);
// EXTERNAL MODULE: ./src/dynamodb/bulk/index.ts + 13 modules
var bulk = __nccwpck_require__(772);
// EXTERNAL MODULE: ./src/runner/local/read-only-client.ts
var read_only_client = __nccwpck_require__(411);
// EXTERNAL MODULE: ./src/runner/step/migration-context.ts
var migration_context = __nccwpck_require__(663);
// EXTERNAL MODULE: external "@aws-sdk/util-dynamodb"
var util_dynamodb_ = __nccwpck_require__(582);
// EXTERNAL MODULE: ./src/dynamodb/bulk/item-size.ts
var item_size = __nccwpck_require__(410);
;// CONCATENATED MODULE: ./src/runner/rehearsal/memory-data.ts



/**
 * `ctx.data` for a rehearsal: the bulk engine's API over items held in memory (a sample read
 * from the table), so a step's transforms run and their effects are recorded, but nothing is
 * sent. What it cannot do in memory it says: a `where` expression is evaluated by DynamoDB on
 * the table as it is (read-only, `whereKeys`), and conditions on writes are taken as met.
 */
/** DynamoDB's item size limit. */
const ITEM_LIMIT_BYTES = 400 * 1024;
/** A fresh record of effects. */
function noEffects() {
    return {
        read: new Set(),
        changed: new Set(),
        setAttributes: new Map(),
        keyChanges: [],
        deleted: [],
        tooLarge: [],
        conditional: 0,
    };
}
/** The in-memory engine over `items` (changed in place), recording into `effects`. */
function memoryData(items, effects, o) {
    const { keys } = o;
    const marks = o.onceMarks ?? new Map();
    let passNo = 0;
    const select = async (selection) => {
        const typeAttr = selection.typeAttribute ?? '_type';
        const types = selection.type === undefined ? undefined : [].concat(selection.type);
        const where = selection.where ? await o.whereKeys(selection) : undefined;
        // A snapshot: items a pass creates are not given to the same pass (a Scan would rarely see them either).
        return [...items.entries()].filter(([k, item]) => {
            if (types && !types.includes(item[typeAttr]))
                return false;
            if (selection.partition !== undefined && item[keys.hash] !== selection.partition)
                return false;
            if (selection.sortPrefix !== undefined && !String(item[keys.sort] ?? '').startsWith(selection.sortPrefix))
                return false;
            if (where && !where.has(k))
                return false;
            if (selection.filter && !selection.filter(structuredClone(item)))
                return false;
            return true;
        });
    };
    const result = (pass, scanned, changed) => ({
        pass,
        status: 'complete',
        counts: { scanned, changed, skipped: scanned - changed, failed: 0 },
        resumed: false,
        segments: { total: 1 },
        durationMs: 0,
        dryRun: false,
    });
    const store = (k, before, after) => {
        const bytes = (0,item_size/* itemSize */.z)((0,util_dynamodb_.marshall)(after, { removeUndefinedValues: true, convertClassInstanceToMap: true }));
        if (bytes > ITEM_LIMIT_BYTES)
            effects.tooLarge.push({ key: keyOf(after, keys), bytes });
        if (before) {
            for (const [name, v] of Object.entries(after)) {
                if (v === undefined || sameValue(before[name], v))
                    continue;
                const list = effects.setAttributes.get(name) ?? [];
                list.push(keyOf(after, keys));
                effects.setAttributes.set(name, list);
            }
        }
        items.set(k, after);
        effects.changed.add(k);
    };
    const apply = (k, item, action) => {
        if (action.condition)
            effects.conditional++;
        for (const p of action.put ?? []) {
            const pk = keyString(p, keys);
            store(pk, items.get(pk), structuredClone(p));
        }
        if ('delete' in action && action.delete) {
            items.delete(k);
            effects.changed.add(k);
            effects.deleted.push(keyOf(item, keys));
            return;
        }
        if ('replace' in action && action.replace) {
            const next = structuredClone(action.replace);
            if (keyString(next, keys) !== k)
                effects.keyChanges.push(keyOf(item, keys));
            else
                store(k, item, next);
            return;
        }
        const u = action;
        if (!u.set && !u.remove)
            return;
        const sets = Object.keys(u.set ?? {});
        if (sets.includes(keys.hash) || (keys.sort && sets.includes(keys.sort))) {
            effects.keyChanges.push(keyOf(item, keys));
            return;
        }
        const next = { ...item };
        for (const [name, v] of Object.entries(u.set ?? {})) {
            if (v === undefined)
                delete next[name];
            else
                next[name] = structuredClone(v);
        }
        for (const name of u.remove ?? [])
            delete next[name];
        store(k, item, next);
    };
    return {
        async transform(selection, fn, options) {
            const pass = options?.name ?? `pass-${++passNo}`;
            const once = options?.once ? (marks.get(pass) ?? new Set()) : undefined;
            if (once)
                marks.set(pass, once);
            const selected = await select(selection);
            let changed = 0;
            for (const [k, item] of selected) {
                effects.read.add(k);
                if (once?.has(k))
                    continue;
                const action = await fn(structuredClone(item));
                if (!action)
                    continue;
                apply(k, item, action);
                once?.add(k);
                changed++;
            }
            return result(pass, selected.length, changed);
        },
        async forEach(selection, fn, options) {
            const pass = options?.name ?? `pass-${++passNo}`;
            const selected = await select(selection);
            for (const [k, item] of selected) {
                effects.read.add(k);
                await fn(structuredClone(item));
            }
            return result(pass, selected.length, 0);
        },
        async count(selection, predicate, options) {
            const selected = await select(selection);
            const examples = [];
            let count = 0;
            for (const [k, item] of selected) {
                effects.read.add(k);
                if (predicate && !(await predicate(structuredClone(item))))
                    continue;
                count++;
                if (examples.length < (options?.exampleLimit ?? 5))
                    examples.push(keyOf(item, keys));
            }
            return { count, examples };
        },
    };
}

;// CONCATENATED MODULE: ./src/runner/rehearsal/rehearse.ts










const silent = { info() { }, warn() { }, debug() { } };
async function rehearsePlan(plan, t, samplePercent) {
    const reader = (0,read_only_client/* readOnlyClient */.M7)(t.client);
    try {
        const { keys, indexKeys } = await tableKeys(reader, t.table);
        const engine = (0,bulk/* createDataEngine */.NJ)({
            client: reader,
            table: t.table,
            keys,
            dryRun: true,
            samplePercent,
            logger: silent,
            progressBar: false,
        });
        const items = new Map();
        await engine.forEach({}, (item) => {
            items.set(keyString(item, keys), item);
        });
        const whereKeys = async (selection) => {
            const out = new Set();
            const { filter: _client, ...server } = selection;
            await engine.forEach(server, (item) => {
                out.add(keyString(item, keys));
            });
            return out;
        };
        const findings = [];
        const steps = [];
        for (const step of plan.steps) {
            if (step.direction !== 'up' || step.kind === 'reset')
                continue;
            const m = t.project.migrations.find((x) => x.version === step.version);
            if (!m)
                continue;
            const r = await rehearseStep(m, t, { items, keys, indexKeys, whereKeys, samplePercent, reader });
            findings.push(...r.findings);
            steps.push(r.summary);
        }
        return { findings, summary: { samplePercent, steps } };
    }
    finally {
        reader.destroy();
    }
}
async function rehearseStep(m, t, s) {
    const { keys } = s;
    const out = [];
    const before = cloneItems(s.items);
    const onceMarks = new Map();
    const writes = { count: 0, commands: new Set() };
    const run = async (direction, items) => {
        const effects = noEffects();
        const fn = direction === 'up' ? m.up : m.down;
        if (!fn)
            return effects;
        const client = recordingClient(s.reader, writes);
        const idx = t.project.migrations.indexOf(m);
        const ctx = (0,migration_context/* migrationContext */.K)({ version: m.version, direction }, {
            client,
            table: t.table,
            keys,
            log: { ...silent, error() { } },
            data: memoryData(items, effects, {
                keys,
                whereKeys: s.whereKeys,
                onceMarks: direction === 'up' ? onceMarks : undefined,
            }),
            signal: new AbortController().signal,
            params: { dryRun: false, samplePercent: s.samplePercent },
            schema: { current: m.schema, previous: idx > 0 ? t.project.migrations[idx - 1]?.schema : undefined },
        });
        try {
            await fn(ctx);
            return effects;
        }
        catch (e) {
            out.push((0,findings/* finding */.gk)('DM209', m, `${direction} threw on the sample: ${(0,errors/* messageOf */.bD)(e).split('\n')[0]}`));
            return undefined;
        }
        finally {
            client.destroy();
        }
    };
    // up once, on the sample as it is.
    const once = cloneItems(before);
    const upEffects = await run('up', once);
    const summary = {
        version: m.version,
        file: m.file,
        sampled: upEffects?.read.size ?? 0,
        changed: upEffects?.changed.size ?? 0,
        roundTrip: m.irreversible ? 'irreversible' : m.down ? 'checked' : 'no-down',
        idempotence: m.idempotent ? 'checked' : 'not-declared',
        unrehearsedWrites: 0,
    };
    if (!upEffects) {
        summary.unrehearsedWrites = writes.count;
        return { findings: out, summary };
    }
    const scale = s.samplePercent > 0 ? 100 / s.samplePercent : 1;
    if (upEffects.keyChanges.length)
        out.push((0,findings/* finding */.gk)('DM201', m, `up sets the primary key (${keys.hash}/${keys.sort}) of items, which cannot change in place: put the item under its new key and delete the old one`, { count: upEffects.keyChanges.length, examples: upEffects.keyChanges.slice(0, 5) }));
    for (const [index, attrs] of s.indexKeys) {
        const hit = attrs.flatMap((a) => upEffects.setAttributes.get(a) ?? []);
        const touched = new Set(hit.map((k) => JSON.stringify(k)));
        if (!touched.size)
            continue;
        out.push((0,findings/* finding */.gk)('DM202', m, `up sets ${attrs.filter((a) => upEffects.setAttributes.has(a)).join(', ')}, key of index ${index}: each such item is written to the index too (about ${touched.size} extra write unit(s) on the sample, ${Math.round(touched.size * scale).toLocaleString('en-US')} on the table)`, { count: touched.size, examples: hit.slice(0, 5) }));
    }
    if (upEffects.tooLarge.length)
        out.push((0,findings/* finding */.gk)('DM204', m, `up makes items larger than DynamoDB's ${ITEM_LIMIT_BYTES / 1024} KB limit (largest ${Math.max(...upEffects.tooLarge.map((x) => x.bytes)).toLocaleString('en-US')} bytes): those writes would fail`, { count: upEffects.tooLarge.length, examples: upEffects.tooLarge.slice(0, 5).map((x) => x.key) }));
    // Schema fit: the items up changed or created, against the schema of this version.
    if (m.schema) {
        const validator = new validate/* SchemaValidator */.I(m.schema, keys);
        for (const k of upEffects.changed) {
            const item = once.get(k);
            if (item)
                validator.add(item);
        }
        const report = validator.report();
        for (const [model, v] of Object.entries(report.models)) {
            if (!v.invalid)
                continue;
            const problems = v.problems.map((p) => `${p.attribute} ${p.kind} (${p.count})`).join(', ');
            out.push((0,findings/* finding */.gk)('DM207', m, `${model} items written by up do not fit the schema of ${m.version}: ${problems}`, {
                count: v.invalid,
                examples: v.examples,
            }));
        }
    }
    // Idempotence: up applied again to up's result must change nothing.
    if (m.idempotent) {
        const twice = cloneItems(once);
        if (await run('up', twice)) {
            const d = diffItems(once, twice, keys);
            if (d.items)
                out.push((0,findings/* finding */.gk)('DM205', m, `declared idempotent, but up applied twice differs from up once in ${describeAttributes(d)}: make the transform give the same result when run again (or use once: true), or remove idempotent: true`, { count: d.items, examples: d.examples }));
        }
    }
    // Round trip: down from up's result must give back the sample as it was.
    let restored = false;
    if (m.down && !m.irreversible) {
        const back = cloneItems(once);
        if (await run('down', back)) {
            const d = diffItems(before, back, keys);
            restored = d.items === 0;
            if (d.items)
                out.push((0,findings/* finding */.gk)('DM206', m, `up then down does not give back the items: ${describeAttributes(d)} differ`, {
                    count: d.items,
                    examples: d.examples,
                }));
        }
    }
    // Deletes: destructive unless declared irreversible or undone by down.
    const removedAttrs = removedAttributes(before, once, upEffects, keys);
    if ((upEffects.deleted.length || removedAttrs.count) && !m.irreversible && !restored) {
        const what = [
            upEffects.deleted.length ? `deletes ${upEffects.deleted.length} item(s)` : '',
            removedAttrs.count ? `removes ${removedAttrs.names.join(', ')} from ${removedAttrs.count} item(s)` : '',
        ]
            .filter(Boolean)
            .join(' and ');
        out.push((0,findings/* finding */.gk)('DM203', m, `up ${what} and no down gives them back: restore them in down, or declare irreversible: true`, {
            count: upEffects.deleted.length + removedAttrs.count,
            examples: [...upEffects.deleted, ...removedAttrs.examples].slice(0, 5),
        }));
    }
    summary.unrehearsedWrites = writes.count;
    if (writes.count)
        out.push((0,findings/* finding */.gk)('DM208', m, `${writes.count} write(s) through ctx.client (${[...writes.commands].join(', ')}) were not sent and cannot be rehearsed: their effect is not in these checks`, { count: writes.count }));
    // The next step starts from this one's result.
    s.items.clear();
    for (const [k, v] of once)
        s.items.set(k, v);
    return { findings: out, summary };
}
/** Attributes that up removed from items it kept. */
function removedAttributes(before, after, effects, keys) {
    const names = new Set();
    const examples = [];
    let count = 0;
    for (const k of effects.changed) {
        const b = before.get(k);
        const a = after.get(k);
        if (!b || !a)
            continue;
        const gone = Object.keys(b).filter((n) => b[n] !== undefined && !(n in a));
        if (!gone.length)
            continue;
        count++;
        for (const n of gone)
            names.add(n);
        if (examples.length < 5)
            examples.push(keyOf(b, keys));
    }
    return { count, names: [...names].sort(), examples };
}
function cloneItems(items) {
    return new Map([...items].map(([k, v]) => [k, structuredClone(v)]));
}
/**
 * A client that reads from the table and answers its write commands without sending them
 * (counted): a migration's raw-client writes run in a rehearsal without touching the table.
 */
function recordingClient(base, writes) {
    const c = (0,client/* deriveDynamoClient */.$K)(base);
    c.middlewareStack.add((next, context) => async (args) => {
        const name = context.commandName ?? 'unknown';
        if (!read_only_client/* WRITE_COMMANDS */.T4.has(name))
            return next(args);
        writes.count++;
        writes.commands.add(name);
        return { output: { $metadata: {} }, response: {} };
    }, { step: 'initialize', priority: 'high', name: 'rehearsalWrites' });
    return c;
}
/** The table's key names, and each index's key attributes (GSIs and LSIs) other than the table's. */
async function tableKeys(client, table) {
    const res = await client.send(new client_dynamodb_.DescribeTableCommand({ TableName: table }));
    const schema = res.Table?.KeySchema ?? [];
    const hash = schema.find((x) => x.KeyType === 'HASH')?.AttributeName ?? 'pk';
    const sort = schema.find((x) => x.KeyType === 'RANGE')?.AttributeName ?? '';
    const indexKeys = new Map();
    for (const ix of [...(res.Table?.GlobalSecondaryIndexes ?? []), ...(res.Table?.LocalSecondaryIndexes ?? [])]) {
        const attrs = (ix.KeySchema ?? []).map((k) => k.AttributeName ?? '').filter((a) => a && a !== hash && a !== sort);
        if (ix.IndexName && attrs.length)
            indexKeys.set(ix.IndexName, attrs);
    }
    return { keys: { hash, sort }, indexKeys };
}


/***/ }),

/***/ 663:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ migrationContext)
/* harmony export */ });
/** The `ctx` a migration receives, the same on every path that runs a step. */
function migrationContext(step, parts) {
    return {
        client: parts.client,
        table: parts.table,
        keys: parts.keys,
        version: step.version,
        direction: step.direction,
        log: prefixed(parts.log, `[${step.version}] `),
        params: parts.params,
        schema: parts.schema,
        data: parts.data,
        signal: parts.signal,
    };
}
function prefixed(log, prefix) {
    return {
        info: (m) => log.info(prefix + m),
        warn: (m) => log.warn(prefix + m),
        error: (m) => log.error(prefix + m),
        debug: (m) => log.debug(prefix + m),
    };
}


/***/ }),

/***/ 271:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var x = (y) => {
	var x = {}; __nccwpck_require__.d(x, y); return x
} 
var y = (x) => (() => (x))
module.exports = x({ ["BatchExecuteStatementCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.BatchExecuteStatementCommand), ["BatchWriteItemCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.BatchWriteItemCommand), ["ConditionalCheckFailedException"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.ConditionalCheckFailedException), ["CreateBackupCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.CreateBackupCommand), ["DeleteItemCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.DeleteItemCommand), ["DescribeContinuousBackupsCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.DescribeContinuousBackupsCommand), ["DescribeTableCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.DescribeTableCommand), ["DynamoDBClient"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.DynamoDBClient), ["GetItemCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.GetItemCommand), ["PutItemCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.PutItemCommand), ["QueryCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.QueryCommand), ["ResourceNotFoundException"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.ResourceNotFoundException), ["ScanCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.ScanCommand), ["TransactWriteItemsCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.TransactWriteItemsCommand), ["TransactionCanceledException"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.TransactionCanceledException), ["UpdateItemCommand"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_client_dynamodb_8ad5c6c3__.UpdateItemCommand) });

/***/ }),

/***/ 582:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var x = (y) => {
	var x = {}; __nccwpck_require__.d(x, y); return x
} 
var y = (x) => (() => (x))
module.exports = x({ ["marshall"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_util_dynamodb_542398e0__.marshall), ["unmarshall"]: () => (__WEBPACK_EXTERNAL_MODULE__aws_sdk_util_dynamodb_542398e0__.unmarshall) });

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dK: () => (/* reexport */ createController),
  NJ: () => (/* reexport */ bulk/* createDataEngine */.NJ),
  om: () => (/* reexport */ defineMigration),
  xH: () => (/* reexport */ projectFromModules)
});

// EXTERNAL MODULE: ./src/dynamodb/bulk/index.ts + 13 modules
var bulk = __nccwpck_require__(772);
;// CONCATENATED MODULE: ./src/authoring.ts

/** Gives a migration its types; returns it unchanged (a plain object works the same). */
function defineMigration(migration) {
    return migration;
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(296);
;// CONCATENATED MODULE: external "zod"
var x = (y) => {
	var x = {}; __nccwpck_require__.d(x, y); return x
} 
var y = (x) => (() => (x))
const external_zod_namespaceObject = x({ ["z"]: () => (__WEBPACK_EXTERNAL_MODULE_zod__.z) });
;// CONCATENATED MODULE: ./src/core/run-settings.ts


const DEFAULT_LEASE_MS = 120_000;
/**
 * Resolves a run's settings: what the caller gave wins, then the environment's manifest
 * entry (`lock-timeout`, `write-rate`, `read-rate`, `canary`, `segments`, `concurrency`), then the defaults, and checks
 * them once (checkRunSettings): a value out of range is an InputError naming it by `labels`
 * (the flag or input the user typed), else by its field. Pure: the clock and the default actor
 * are parameters.
 */
function resolveRunSettings(environment, input, o) {
    const lockTimeoutSeconds = input.lockTimeoutSeconds ?? environment['lock-timeout'] ?? 0;
    // A budget is checked as typed: the deadline it becomes is a time, not a range.
    checkSetting('timeBudgetSeconds', input.timeBudgetSeconds, o.labels?.deadline ?? 'timeBudgetSeconds');
    const given = {
        actor: input.actor || o.defaultActor,
        runUrl: input.runUrl || undefined,
        gitSha: input.gitSha || undefined,
        dryRun: input.dryRun ?? false,
        lockTimeoutMs: lockTimeoutSeconds * 1000,
        leaseMs: input.leaseMs && input.leaseMs > 0 ? input.leaseMs : DEFAULT_LEASE_MS,
        deadline: input.timeBudgetSeconds === undefined ? undefined : o.now + input.timeBudgetSeconds * 1000,
        writeRate: environment['write-rate'],
        readRate: input.readRate ?? environment['read-rate'],
        samplePercent: input.samplePercent,
        canaryPercent: input.canaryPercent ?? environment.canary,
        fanOut: fanOutOf(input.fanOut, environment),
    };
    return checkRunSettings(given, { labels: o.labels, values: input });
}
/** How a big step fans out: what the caller gave (a flag) wins over the manifest's `segments` and `concurrency`. */
function fanOutOf(given, environment) {
    const segments = given?.segments ?? environment.segments;
    const concurrency = given?.concurrency ?? environment.concurrency;
    return segments === undefined && concurrency === undefined ? undefined : { segments, concurrency };
}
const positive = (what) => external_zod_namespaceObject.z.number({ error: `expected ${what}` }).gt(0, `expected ${what}`);
const whole = external_zod_namespaceObject.z
    .number({ error: 'expected a whole number of 1 or more' })
    .int('expected a whole number of 1 or more')
    .min(1, 'expected a whole number of 1 or more');
/** The range of each setting a user types (a flag, an action input, the manifest): defined once, here. */
const settingRanges = {
    lockTimeoutSeconds: external_zod_namespaceObject.z
        .number({ error: 'expected a number of seconds of 0 or more' })
        .min(0, 'expected a number of seconds of 0 or more'),
    timeBudgetSeconds: positive('a number of seconds above 0'),
    writeRate: positive('write units per second above 0'),
    readRate: positive('read units per second above 0'),
    samplePercent: positive('a percentage between 0 and 100').max(100, 'expected a percentage between 0 and 100'),
    canaryPercent: positive('a percentage above 0 and at most 50').max(50, 'expected a percentage above 0 and at most 50'),
    segments: whole,
    concurrency: whole,
};
/**
 * Checks one setting as the user typed it, before anything is read (a CLI flag, an action
 * input): the same range as everywhere else. Throws one InputError naming `label` and `typed`.
 */
function checkSetting(setting, value, label, typed = value === undefined ? undefined : String(value)) {
    if (value === undefined)
        return;
    const r = settingRanges[setting].safeParse(value);
    if (!r.success)
        throw new errors/* InputError */.dz(`${label} ${typed}: ${r.error.issues[0].message}.`);
}
/**
 * The run settings' schema: the one check of their ranges, for settings resolved here and for
 * settings received over the wire (a controller's `args.settings`). Unknown fields are dropped,
 * so an older controller accepts a newer caller's settings.
 */
const runSettingsSchema = external_zod_namespaceObject.z.object({
    actor: external_zod_namespaceObject.z.string().min(1, 'expected who runs this'),
    runUrl: external_zod_namespaceObject.z.string().optional(),
    gitSha: external_zod_namespaceObject.z.string().optional(),
    dryRun: external_zod_namespaceObject.z.boolean(),
    lockTimeoutMs: external_zod_namespaceObject.z.number().min(0, 'expected a number of seconds of 0 or more'),
    leaseMs: positive('a lease in milliseconds'),
    deadline: external_zod_namespaceObject.z.number().optional(),
    writeRate: settingRanges.writeRate.optional(),
    readRate: settingRanges.readRate.optional(),
    samplePercent: settingRanges.samplePercent.optional(),
    canaryPercent: settingRanges.canaryPercent.optional(),
    fanOut: external_zod_namespaceObject.z.object({ segments: whole.optional(), concurrency: whole.optional() }).optional(),
});
/**
 * Checks run settings against their schema: the first bad value is one InputError naming it
 * (by its label where the user typed it), the value and what was expected.
 */
function checkRunSettings(value, o = {}) {
    const r = runSettingsSchema.safeParse(value);
    if (r.success)
        return r.data;
    const issue = r.error.issues[0];
    const path = issue.path.map(String).join('.');
    const label = o.labels?.[path];
    const got = path
        .split('.')
        .reduce((v, k) => (v && typeof v === 'object' ? v[k] : undefined), value);
    const shown = label
        ? `${label} ${String(shownValue(path, got, o.values))}`
        : `${o.source ?? 'settings'}.${path} ${JSON.stringify(got)}`;
    throw new errors/* InputError */.dz(`${shown}: ${issue.message}.`);
}
/** The value as the user typed it: seconds where they typed seconds. */
function shownValue(path, got, values) {
    if (path === 'lockTimeoutMs')
        return values?.lockTimeoutSeconds ?? (typeof got === 'number' ? got / 1000 : got);
    return got;
}
/** The same settings for a read-only look (plan, status, drift): never a dry-run of writes, never a wait. */
function readOnlySettings(s) {
    return { ...s, dryRun: false };
}

// EXTERNAL MODULE: ./src/core/checksum.ts
var checksum = __nccwpck_require__(688);
;// CONCATENATED MODULE: external "semver"
var external_semver_x = (y) => {
	var x = {}; __nccwpck_require__.d(x, y); return x
} 
var external_semver_y = (x) => (() => (x))
const external_semver_namespaceObject = external_semver_x({ ["default"]: () => (__WEBPACK_EXTERNAL_MODULE_semver__["default"]) });
;// CONCATENATED MODULE: ./src/core/version.ts

/** Versions are strict semver (no leading "v"); `reset` is the one named migration. */
const RESET = 'reset';
/** OneTable's former name for the reset migration. */
const LEGACY_RESET = 'latest';
/** The version of a table with no migration records. */
const ZERO = '0.0.0';
function isVersion(v) {
    return external_semver_namespaceObject["default"].valid(v) === v;
}
function compareVersions(a, b) {
    return external_semver_namespaceObject["default"].compare(a, b);
}
function sortVersions(items, key) {
    return [...items].sort((x, y) => compareVersions(key(x), key(y)));
}
function maxVersion(versions) {
    const valid = versions.filter(isVersion);
    return valid.length ? valid.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b)) : undefined;
}
/** Next version for `generate --bump`. */
function bumpVersion(current, bump) {
    const next = semver.inc(current, bump);
    if (!next)
        throw new Error(`cannot bump ${current}`);
    return next;
}

;// CONCATENATED MODULE: ./src/core/history.ts

const SUCCESS = 'success';
/** Status of a step's record while it runs; a dead run leaves it behind. */
const RUNNING = 'running';
/** The status recorded when a step starts (replaced by its outcome when it ends). */
function runningStatus(actor, at, lockId) {
    return `${RUNNING}: started by ${actor} at ${new Date(at).toISOString()} under lock ${lockId}`;
}
/** True for a step that started and has no outcome yet: running now, or interrupted. */
function isRunningStatus(status) {
    return status.startsWith(`${RUNNING}:`);
}
/** Derives the current version, applied versions and failed state from the records. */
function readHistory(records) {
    const semverRecords = records.filter((r) => isVersion(r.version));
    const currentVersion = maxVersion(semverRecords.map((r) => r.version)) ?? ZERO;
    const latestSuccess = new Map();
    for (const r of semverRecords) {
        if (r.status !== SUCCESS)
            continue;
        const prev = latestSuccess.get(r.version);
        if (!prev || r.date >= prev.date)
            latestSuccess.set(r.version, r);
    }
    const applied = [...latestSuccess.values()].sort((a, b) => compareVersions(a.version, b.version));
    const newest = [...records].sort((a, b) => b.date - a.date || b.key.localeCompare(a.key))[0];
    const failed = newest && newest.status !== SUCCESS ? { ...newest, direction: newest.direction ?? 'up' } : undefined;
    return { currentVersion, applied, failed };
}
/** Short identity of the state a plan was made from: changes whenever any record changes. */
function stateRevisionOf(records) {
    return records
        .map((r) => `${r.key}=${r.status === SUCCESS ? 's' : 'f'}${r.checksum ?? ''}`)
        .sort()
        .join('|');
}

// EXTERNAL MODULE: ./src/core/schema.ts
var core_schema = __nccwpck_require__(32);
;// CONCATENATED MODULE: ./src/core/schema-diff.ts
/**
 * What changes in the data model between two OneTable schemas, in terms a reviewer checks:
 * models, their attributes and key templates, indexes, params; and which of those changes
 * break code written for the old design. The result is plain data (it is the plan's `--json`).
 */


/** Models OneTable adds itself on read; never part of the user's design. */
const INTERNAL_MODELS = new Set(['_Schema', '_Migration']);
/** Properties shown first, in this order; the rest follow by name. */
const PROPERTY_ORDER = [
    'type',
    'required',
    'default',
    'value',
    'enum',
    'map',
    'generate',
    'validate',
    'encode',
    'unique',
    'items',
];
/** Flags where absent and `false` mean the same. */
const FLAGS = new Set(['required', 'unique', 'hidden', 'crypt', 'ttl', 'nulls', 'partial', 'filter', 'timestamp']);
/** Params whose change makes items written by the old design read differently. */
const BREAKING_PARAMS = {
    typeField: 'the attribute naming each item’s model changes: readers of the old design cannot tell models apart',
    isoDates: 'dates are stored in another format: readers of the old design misread them',
};
/** Params OneTable fills from the table when a schema has none; absent equals the default. */
const PARAM_DEFAULTS = { createdField: 'created', updatedField: 'updated' };
/**
 * The change from `from` (the table's current schema) to `to` (the target version's). Both
 * are normalized first, so `String` vs `'string'` or key order is no change. Deterministic:
 * models, attributes and indexes are ordered by name (primary index first).
 */
function diffSchemas(from, to) {
    const diff = {
        status: 'none',
        models: { added: [], removed: [], changed: [] },
        indexes: { added: [], removed: [], changed: [] },
        params: [],
        queries: [],
        process: [],
        breaking: [],
    };
    const a = from === undefined ? undefined : (0,core_schema/* normalizeSchema */.lF)(from);
    const b = to === undefined ? undefined : (0,core_schema/* normalizeSchema */.lF)(to);
    if (a)
        diff.fromVersion = a.version;
    if (b)
        diff.toVersion = b.version;
    if (!b)
        return diff;
    if (!a) {
        diff.status = 'new';
        for (const name of indexNames(b.indexes))
            diff.indexes.added.push(indexSummary(name, b.indexes[name]));
        const keyAttrs = keyAttributes(b.indexes);
        for (const name of modelNames(b.models))
            diff.models.added.push(modelSummary(name, b.models[name], b.indexes, keyAttrs));
        return diff;
    }
    diffParams(a, b, diff);
    diffIndexes(a, b, diff);
    diffModels(a, b, diff);
    diff.queries = diffEntries(a.queries, b.queries);
    diff.process = diffEntries(a.process ?? {}, b.process ?? {});
    diff.status = hasChanges(diff) ? 'changed' : 'unchanged';
    return diff;
}
/** Whether the diff shows any change at all. */
function hasChanges(diff) {
    return (diff.models.added.length +
        diff.models.removed.length +
        diff.models.changed.length +
        diff.indexes.added.length +
        diff.indexes.removed.length +
        diff.indexes.changed.length +
        diff.params.length +
        diff.queries.length +
        diff.process.length >
        0);
}
/**
 * How the table's stored `_schema` item differs from the schema it should hold (the current
 * version's migration), in one short line for `status` and the drift check; undefined when
 * they agree or when there is nothing to compare with. Changes read from expected to stored:
 * "added" is in the table's item but not in the migration.
 */
function schemaDriftOf(stored, expected, limit = 3) {
    if (expected === undefined)
        return undefined;
    const want = (0,core_schema/* normalizeSchema */.lF)(expected);
    if (stored === undefined)
        return `the table has no _schema item; expected schema version ${want.version}`;
    if ((0,core_schema/* schemasEqual */.P5)(stored, expected))
        return undefined;
    const have = (0,core_schema/* normalizeSchema */.lF)(stored);
    const diff = diffSchemas(expected, stored);
    const items = changePhrases(diff);
    const versions = have.version === want.version ? `version ${want.version}` : `version ${have.version}, expected ${want.version}`;
    if (items.length === 0) {
        const sections = ['version', 'indexes', 'models', 'params', 'queries', 'process'].filter((k) => (0,checksum/* stableJson */._Y)(have[k]) !== (0,checksum/* stableJson */._Y)(want[k]));
        return `the _schema item (${versions}) differs from the migration's schema in ${sections.join(', ') || 'its details'}`;
    }
    const shown = items.slice(0, limit).join('; ');
    const more = items.length > limit ? `; and ${items.length - limit} more` : '';
    return `the _schema item (${versions}) differs from the migration's schema: ${shown}${more}`;
}
/** One short phrase per change, expected → stored, for the drift line. */
function changePhrases(d) {
    const out = [];
    for (const p of d.params)
        out.push(`param ${p.property} ${show(p.from)} -> ${show(p.to)}`);
    for (const i of d.indexes.added)
        out.push(`index ${i.name} added`);
    for (const i of d.indexes.removed)
        out.push(`index ${i.name} removed`);
    for (const i of d.indexes.changed)
        out.push(`index ${i.name} ${i.changes.map((c) => `${c.property} ${show(c.from)} -> ${show(c.to)}`).join(', ')}`);
    for (const m of d.models.added)
        out.push(`model ${m.name} added`);
    for (const m of d.models.removed)
        out.push(`model ${m.name} removed`);
    for (const m of d.models.changed) {
        for (const k of m.keys)
            out.push(`${m.name} key ${k.attribute} ${show(k.from)} -> ${show(k.to)}`);
        for (const x of m.attributes.added)
            out.push(`${m.name}.${x.name} added`);
        for (const x of m.attributes.removed)
            out.push(`${m.name}.${x.name} removed`);
        for (const x of m.attributes.changed) {
            out.push(`${m.name}.${x.name} ${x.changes.map((c) => `${c.property} ${show(c.from)} -> ${show(c.to)}`).join(', ')}`);
        }
    }
    for (const q of d.queries)
        out.push(`query ${q.name} ${q.change}`);
    for (const p of d.process)
        out.push(`process ${p.name} ${p.change}`);
    return out;
}
function show(v) {
    if (v === undefined)
        return 'none';
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
function diffParams(a, b, diff) {
    const pa = { ...PARAM_DEFAULTS, ...a.params };
    const pb = { ...PARAM_DEFAULTS, ...b.params };
    for (const key of sortedUnion(pa, pb)) {
        const change = propertyChange(key, pa[key], pb[key]);
        if (!change)
            continue;
        diff.params.push(change);
        const reason = BREAKING_PARAMS[key];
        if (reason)
            diff.breaking.push({ reason: `param ${key} changed: ${reason}` });
    }
}
function diffIndexes(a, b, diff) {
    const names = indexNames({ ...a.indexes, ...b.indexes });
    for (const name of names) {
        const ia = a.indexes[name];
        const ib = b.indexes[name];
        if (!ia && ib)
            diff.indexes.added.push(indexSummary(name, ib));
        else if (ia && !ib) {
            diff.indexes.removed.push(indexSummary(name, ia));
            diff.breaking.push({ index: name, reason: 'index removed: queries of the old design through it fail' });
        }
        else if (ia && ib) {
            const changes = propertyChanges(ia, ib);
            if (changes.length === 0)
                continue;
            diff.indexes.changed.push({ name, changes });
            const keyed = changes.filter((c) => c.property === 'hash' || c.property === 'sort' || c.property === 'type');
            if (keyed.length) {
                diff.breaking.push({
                    index: name,
                    reason: `index ${keyed.map((c) => c.property).join(' and ')} changed: queries of the old design through it read other attributes`,
                });
            }
            const project = changes.find((c) => c.property === 'project');
            if (project && projectionNarrowed(project.from, project.to)) {
                diff.breaking.push({
                    index: name,
                    reason: 'index projects fewer attributes: reads of the old design through it miss some',
                });
            }
        }
    }
}
function diffModels(a, b, diff) {
    // A field counts as a key when it fills a key attribute in either design, so a key whose
    // index appears or goes shows as a key change rather than an attribute.
    const keyAttrs = new Set([...keyAttributes(a.indexes), ...keyAttributes(b.indexes)]);
    for (const name of modelNames({ ...a.models, ...b.models })) {
        const ma = a.models[name];
        const mb = b.models[name];
        if (!ma && mb)
            diff.models.added.push(modelSummary(name, mb, b.indexes, keyAttrs));
        else if (ma && !mb) {
            diff.models.removed.push(modelSummary(name, ma, a.indexes, keyAttrs));
            diff.breaking.push({
                model: name,
                reason: 'model removed: code of the old design still reads and writes its items',
            });
        }
        else if (ma && mb) {
            const change = modelChange(name, ma, mb, a, b, keyAttrs, diff.breaking);
            if (change)
                diff.models.changed.push(change);
        }
    }
}
function modelChange(name, ma, mb, a, b, keyAttrs, breaking) {
    const change = { name, keys: [], attributes: { added: [], removed: [], changed: [] } };
    const ka = keyTemplates(ma, a.indexes);
    const kb = keyTemplates(mb, b.indexes);
    for (const id of orderedKeyIds([...ka.keys(), ...kb.keys()], { ...a.indexes, ...b.indexes })) {
        const x = ka.get(id);
        const y = kb.get(id);
        if (x?.template === y?.template)
            continue;
        const base = (y ?? x);
        const k = { index: base.index, role: base.role, attribute: base.attribute };
        if (x)
            k.from = x.template;
        if (y)
            k.to = y.template;
        change.keys.push(k);
        // A key of an index that appears, goes or is re-keyed is covered by the index entry.
        const ia = a.indexes[base.index];
        const ib = b.indexes[base.index];
        if (!x || !ia || !ib || ia[base.role] !== ib[base.role])
            continue;
        breaking.push({
            model: name,
            attribute: base.attribute,
            index: base.index,
            reason: y
                ? 'key template changed: items written by the old design are not found under the new key, nor new items under the old one'
                : 'no longer written to this index: queries of the old design through it stop finding these items',
        });
    }
    const fa = flattenFields(ma);
    const fb = flattenFields(mb);
    for (const field of sortedUnion(Object.fromEntries(fa), Object.fromEntries(fb))) {
        const x = fa.get(field);
        const y = fb.get(field);
        const isKey = keyAttrs.has(attributeOf(field, (x ?? y)));
        const nested = field.includes('.');
        if (!x && y) {
            if (isKey)
                continue;
            const s = attributeSummary(field, y);
            change.attributes.added.push(s);
            if (!nested && s.required && s.default === undefined && s.value === undefined && !s.generate) {
                breaking.push({
                    model: name,
                    attribute: field,
                    reason: 'required attribute added without a default: items written before, and by code of the old design, lack it',
                });
            }
        }
        else if (x && !y) {
            if (isKey)
                continue;
            const s = attributeSummary(field, x);
            change.attributes.removed.push(s);
            if (s.required) {
                breaking.push({
                    model: name,
                    attribute: field,
                    reason: 'required attribute removed: code of the old design expects it on every item',
                });
            }
        }
        else if (x && y) {
            let changes = propertyChanges(x, y);
            // A key's template and implied flags are reported as a key change.
            if (isKey)
                changes = changes.filter((c) => c.property !== 'value' && c.property !== 'required' && c.property !== 'hidden');
            if (changes.length === 0)
                continue;
            change.attributes.changed.push({ name: field, changes });
            const type = changes.find((c) => c.property === 'type');
            if (type) {
                breaking.push({
                    model: name,
                    attribute: field,
                    reason: `type changed from ${show(type.from)} to ${show(type.to)}: code of the old design reads the old type`,
                });
            }
            if (changes.some((c) => c.property === 'map')) {
                breaking.push({
                    model: name,
                    attribute: field,
                    reason: 'stored under another attribute: code of the old design reads the old one',
                });
            }
        }
    }
    const empty = change.keys.length +
        change.attributes.added.length +
        change.attributes.removed.length +
        change.attributes.changed.length ===
        0;
    return empty ? undefined : change;
}
/** Top-level fields, then nested `schema` fields as `parent.child` (the parent without `schema`). */
function flattenFields(model, prefix = '') {
    const out = new Map();
    for (const [name, field] of Object.entries(model)) {
        if (!isRecord(field))
            continue;
        const { schema, ...rest } = field;
        out.set(prefix + name, rest);
        if (isRecord(schema)) {
            for (const [child, f] of flattenFields(schema, `${prefix}${name}.`))
                out.set(child, f);
        }
    }
    return out;
}
/** The table attribute a field is stored in (its `map` target, else its own name). */
function attributeOf(name, field) {
    if (name.includes('.'))
        return name;
    return typeof field.map === 'string' && field.map !== '' ? field.map.split('.')[0] : name;
}
/** Key attribute names of all indexes (an LSI's hash is the primary's and is not counted again). */
function keyAttributes(indexes) {
    const out = new Set();
    for (const index of Object.values(indexes)) {
        if (!isRecord(index))
            continue;
        if (typeof index.hash === 'string')
            out.add(index.hash);
        if (typeof index.sort === 'string')
            out.add(index.sort);
    }
    return out;
}
/** `index:role` → the template this model writes into that key. */
function keyTemplates(model, indexes) {
    const out = new Map();
    for (const [indexName, index] of Object.entries(indexes)) {
        if (!isRecord(index))
            continue;
        for (const role of ['hash', 'sort']) {
            if (role === 'hash' && indexName !== 'primary' && index.type === 'local')
                continue;
            const attribute = index[role];
            if (typeof attribute !== 'string')
                continue;
            const entry = Object.entries(model).find(([n, f]) => isRecord(f) && attributeOf(n, f) === attribute);
            if (!entry)
                continue;
            const [fieldName, field] = entry;
            const template = typeof field.value === 'string' ? field.value : `\${${fieldName}}`;
            out.set(`${indexName}:${role}`, { index: indexName, role, attribute, template });
        }
    }
    return out;
}
function orderedKeyIds(ids, indexes) {
    const order = indexNames(indexes);
    const rank = (id) => {
        const [index, role] = id.split(':');
        return [order.indexOf(index), role === 'hash' ? 0 : 1];
    };
    return [...new Set(ids)].sort((x, y) => {
        const [ix, rx] = rank(x);
        const [iy, ry] = rank(y);
        return ix - iy || rx - ry;
    });
}
function modelSummary(name, model, indexes, keyAttrs) {
    const keys = orderedKeyIds([...keyTemplates(model, indexes).keys()], indexes).map((id) => keyTemplates(model, indexes).get(id));
    const attributes = [];
    const fields = flattenFields(model);
    for (const field of [...fields.keys()].sort(byName)) {
        const f = fields.get(field);
        if (keyAttrs.has(attributeOf(field, f)))
            continue;
        attributes.push(attributeSummary(field, f));
    }
    return { name, keys, attributes };
}
function attributeSummary(name, field) {
    const s = { name, required: field.required === true };
    if (typeof field.type === 'string')
        s.type = field.type;
    if (field.default !== undefined)
        s.default = field.default;
    if (typeof field.value === 'string')
        s.value = field.value;
    if (Array.isArray(field.enum))
        s.enum = field.enum;
    if (typeof field.map === 'string')
        s.map = field.map;
    if (field.generate !== undefined && field.generate !== false)
        s.generate = field.generate;
    return s;
}
function indexSummary(name, index) {
    const s = { name, kind: name === 'primary' ? 'primary' : index.type === 'local' ? 'local' : 'global' };
    if (typeof index.hash === 'string')
        s.hash = index.hash;
    if (typeof index.sort === 'string')
        s.sort = index.sort;
    if (index.project !== undefined)
        s.project = index.project;
    return s;
}
/** Every property that differs, well-known ones first. */
function propertyChanges(x, y) {
    const keys = sortedUnion(x, y).sort((p, q) => rankProperty(p) - rankProperty(q) || byName(p, q));
    const out = [];
    for (const key of keys) {
        const c = propertyChange(key, x[key], y[key]);
        if (c)
            out.push(c);
    }
    return out;
}
function propertyChange(property, from, to) {
    const f = FLAGS.has(property) && from === false ? undefined : from;
    const t = FLAGS.has(property) && to === false ? undefined : to;
    if (f === t || (f !== undefined && t !== undefined && (0,checksum/* stableJson */._Y)(f) === (0,checksum/* stableJson */._Y)(t)))
        return undefined;
    const c = { property };
    if (f !== undefined)
        c.from = f;
    if (t !== undefined)
        c.to = t;
    return c;
}
function rankProperty(p) {
    const i = PROPERTY_ORDER.indexOf(p);
    return i < 0 ? PROPERTY_ORDER.length : i;
}
/** `all` → anything else, `include`/list losing attributes, or list → `keys`. */
function projectionNarrowed(from, to) {
    const level = (p) => (p === undefined || p === 'all' ? 2 : p === 'keys' ? 0 : 1);
    if (level(to) < level(from))
        return true;
    if (Array.isArray(from) && Array.isArray(to))
        return from.some((a) => !to.includes(a));
    return false;
}
function diffEntries(a, b) {
    const out = [];
    for (const name of sortedUnion(a, b)) {
        if (!(name in a))
            out.push({ name, change: 'added' });
        else if (!(name in b))
            out.push({ name, change: 'removed' });
        else if ((0,checksum/* stableJson */._Y)(a[name]) !== (0,checksum/* stableJson */._Y)(b[name]))
            out.push({ name, change: 'changed' });
    }
    return out;
}
/** Primary first, then by name. */
function indexNames(indexes) {
    return Object.keys(indexes).sort((x, y) => (x === 'primary' ? -1 : y === 'primary' ? 1 : byName(x, y)));
}
function modelNames(models) {
    return Object.keys(models)
        .filter((n) => !INTERNAL_MODELS.has(n))
        .sort(byName);
}
function sortedUnion(a, b) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(byName);
}
/** Code-point order: the same on every machine, unlike localeCompare. */
function byName(x, y) {
    return x < y ? -1 : x > y ? 1 : 0;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/core/status.ts




/** Builds the status report from the table state and the plan to the manifest target. */
function buildStatus(state, migrations, plan, now) {
    const history = readHistory(state.records);
    const byVersion = new Map(migrations.map((m) => [m.version, m]));
    const appliedSet = new Set(history.applied.map((r) => r.version));
    return {
        environment: plan.environment,
        table: plan.table,
        currentVersion: history.currentVersion,
        targetVersion: plan.targetVersion,
        applied: history.applied.map((r) => {
            const m = byVersion.get(r.version);
            return {
                version: r.version,
                description: r.description || m?.description || '',
                date: new Date(r.date).toISOString(),
                checksum: r.checksum,
                actor: r.actor,
                drifted: !!m && !!(0,checksum/* checksumDrift */.fH)(r, m),
                missingFile: !m,
            };
        }),
        outstanding: migrations
            .filter((m) => !appliedSet.has(m.version) && compareVersions(m.version, history.currentVersion) > 0)
            .map((m) => ({ version: m.version, description: m.description, file: m.file })),
        failed: plan.failed ?? null,
        lock: state.lock ? { ...state.lock, expired: state.lock.leaseExpiresAt <= now } : null,
        blockers: plan.blockers,
        warnings: plan.warnings,
        schema: schemaStatus(state, migrations.find((m) => m.version === history.currentVersion)?.schema),
        ...(plan.global ? { global: plan.global } : {}),
    };
}
function schemaStatus(state, expected) {
    const drift = schemaDriftOf(state.schema, expected) ?? null;
    return {
        version: typeof state.schema?.version === 'string' ? state.schema.version : null,
        matchesMigration: drift === null,
        drift,
    };
}

// EXTERNAL MODULE: ./src/dynamodb/client.ts
var dynamodb_client = __nccwpck_require__(693);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
;// CONCATENATED MODULE: ./src/core/drift.ts

/**
 * Whether the drift check also validates the data, and on what sample: when the environment
 * asks for it (`validate:`) and the table has a schema item to check against.
 */
function driftValidation(validate, state) {
    if (!validate || !state.schema)
        return undefined;
    return { samplePercent: typeof validate === 'object' ? validate.sample : undefined };
}
/**
 * The drift findings, in the order users read them: the version against the target, a failed
 * step, a stale lock, the stored schema against the current version's, changed files of
 * applied versions, and data that does not fit the schema.
 */
function driftFindings(input) {
    const { state, plan, now, validation } = input;
    const table = plan.table;
    const findings = [];
    if (plan.currentVersion !== plan.targetVersion) {
        findings.push({
            kind: 'version',
            message: `${table} is at ${plan.currentVersion}; the manifest target is ${plan.targetVersion}.`,
        });
    }
    if (plan.failed)
        findings.push({
            kind: 'failed-state',
            message: `The ${plan.failed.direction} of ${plan.failed.version} failed: ${plan.failed.status}`,
        });
    if (state.lock && state.lock.leaseExpiresAt < now) {
        findings.push({
            kind: 'stale-lock',
            message: `A lock held by ${state.lock.owner} (id ${state.lock.lockId}) expired at ${new Date(state.lock.leaseExpiresAt).toISOString()}.`,
        });
    }
    const schemaDrift = schemaDriftOf(state.schema, input.schema);
    if (schemaDrift)
        findings.push({ kind: 'schema', message: `${table}: ${schemaDrift}.` });
    for (const d of plan.drift)
        findings.push({
            kind: 'checksum',
            message: `${d.changed?.length ? d.changed.join(', ') : d.file} changed after ${d.version} was applied (recorded ${d.recorded}, now ${d.current}).`,
        });
    if (validation?.invalid) {
        const sample = validation.samplePercent;
        const worst = Object.entries(validation.models)
            .filter(([, m]) => m.invalid)
            .map(([name, m]) => `${name} ${m.invalid.toLocaleString('en-US')}`)
            .join(', ');
        findings.push({
            kind: 'data',
            message: `${table}: ${validation.invalid.toLocaleString('en-US')} of ${validation.scanned.toLocaleString('en-US')} items${sample ? ` (a ${sample}% sample)` : ''} do not fit the schema ${validation.version} (${worst}): run dynamodb-migrate validate for details.`,
        });
    }
    return findings;
}
/** The drift report of an environment from its findings. */
function driftReport(environment, plan, findings, validation) {
    return {
        environment,
        table: plan.table,
        currentVersion: plan.currentVersion,
        targetVersion: plan.targetVersion,
        drifted: findings.length > 0,
        findings,
        plan,
        ...(validation ? { validation } : {}),
    };
}

;// CONCATENATED MODULE: ./src/core/global-table.ts
/** The home region of an environment's migrations: `home-region`, else `region` (undefined: the manifest says neither). */
function homeRegionOf(env) {
    return env['home-region'] ?? env.region;
}
/** Replicas that apply every write: one per region holding a copy (witnesses hold none). */
function replicaCount(global) {
    return global ? Math.max(1, global.replicas.length) : 1;
}
function regionList(global) {
    return global.replicas.map((r) => r.region).join(', ');
}
/**
 * Why a run that reached `region` may not write the migration state of `env`'s table, or
 * undefined when it may. Used by the plan (as a blocker) and by the state store before any
 * write (as a refusal), so the two can never disagree.
 */
function homeRegionProblem(env, region, global) {
    const table = env.table;
    const where = `environments.${env.name}`;
    const home = homeRegionOf(env);
    if (!global) {
        if (env['global-table'] === true) {
            return {
                message: `${where} says global-table: true, but ${table}${region ? ` in ${region}` : ''} is not a global table (DescribeTable lists no replicas in other regions).`,
                next: `Check the region this run uses (--region, the environment's region, AWS_REGION), or remove global-table: true.`,
            };
        }
        if (env['home-region'] && region && env['home-region'] !== region) {
            return {
                message: `${where}.home-region is ${env['home-region']}, but ${table} in ${region} is not a global table: it has no replica in ${env['home-region']} to hold its migrations.`,
                next: `Remove home-region from ${where}; if ${table} in ${region} is a regional table of its own, mark it global-table: false.`,
            };
        }
        return undefined;
    }
    const replicas = regionList(global);
    const described = `${table} is a global table (replicas in ${replicas}${global.consistency === 'STRONG' ? ', multi-Region strong consistency' : ''})`;
    if (env['global-table'] === false) {
        return {
            message: `${where} says global-table: false, but ${described}.`,
            next: `Remove global-table: false and give every environment of ${table} the same home-region.`,
        };
    }
    if (!home) {
        return {
            message: `${described}, and ${where} names neither a region nor a home-region: which replica holds its lock and records would depend on the AWS region each run happens to use ` +
                `(this one: ${region ?? 'unknown'}), and two runs in two regions would both take "the" lock and both migrate.`,
            next: `Set home-region: <one of ${replicas}> on ${where} in the manifest.`,
        };
    }
    const legacy = global.version?.startsWith('2017') === true;
    if (!legacy && !global.replicas.some((r) => r.region === home)) {
        const witness = global.witnesses.some((w) => w.region === home);
        return {
            message: `${where}${env['home-region'] ? '.home-region' : '.region'} is ${home}, but ${table} has no replica there${witness ? ` (${home} is its MRSC witness, which serves no reads or writes)` : ''}: its replicas are in ${replicas}.`,
            next: `Set home-region on ${where} to one of ${replicas}.`,
        };
    }
    if (region !== home) {
        return {
            message: `${described}; this run reaches its replica in ${region ?? 'an unknown region'}, but the home region of its migrations is ${home} (${where}${env['home-region'] ? '.home-region' : '.region'}). ` +
                `The lock, records, schema item and log are written only there: a replica checks a condition only against its own copy, so a run here would not see one in ${home}.`,
            next: `Run it against ${home}: --region ${home}, or the environment whose region is ${home}. To move the home, change home-region on every environment of ${table} while no run holds the lock.`,
        };
    }
    return undefined;
}
/**
 * What a plan says about the table's replication: blockers when this run may not migrate it
 * from here (or the manifest disagrees with DescribeTable), warnings about replicas that are
 * not ACTIVE and about what differs on MRSC and legacy tables, and the replica set to show.
 */
function reviewReplication(env, state) {
    if (!state)
        return { blockers: [], warnings: [] };
    const problem = homeRegionProblem(env, state.region, state.global);
    const blockers = problem ? [{ kind: 'refused', message: problem.message, next: problem.next }] : [];
    const warnings = [];
    const g = state.global;
    if (!g)
        return { blockers, warnings };
    for (const r of g.replicas) {
        // UPDATING replicas (a GSI or capacity change) replicate as usual.
        if (r.status && r.status !== 'ACTIVE' && r.status !== 'UPDATING') {
            warnings.push({
                code: 'replica-not-active',
                message: `The replica of ${env.table} in ${r.region} is ${r.status}${r.progress ? ` (${r.progress}%)` : ''}${r.detail ? `: ${r.detail}` : ''}: it may not show this migration's writes until it is ACTIVE again.`,
            });
        }
    }
    if (g.consistency === 'STRONG') {
        warnings.push({
            code: 'mrsc',
            message: `${env.table} uses multi-Region strong consistency, which has no transactions: the state is written one item at a time, each after checking the lock is still ours (see docs/global-tables.md).`,
        });
    }
    if (g.version?.startsWith('2017')) {
        warnings.push({
            code: 'legacy-global-table',
            message: `${env.table} is a legacy (2017.11.29) global table: DescribeTable may not list its replicas, so only this run's region is checked against the home region. AWS recommends upgrading to version 2019.11.21.`,
        });
    }
    return { blockers, warnings, global: { ...g, home: homeRegionOf(env) } };
}

;// CONCATENATED MODULE: ./src/core/planner.ts






const step = (m, direction, kind = 'migrate') => ({
    version: m.version,
    direction,
    description: m.description,
    file: m.file,
    checksum: m.checksum,
    reversible: m.hasDown && !m.irreversible,
    idempotent: m.idempotent,
    kind,
    ...(m.hasBefore || m.hasVerify
        ? { checks: [...(m.hasBefore ? ['before'] : []), ...(m.hasVerify ? ['verify'] : [])] }
        : {}),
});
/**
 * Plans the steps that take the table from its current version to the target of the given
 * command. Pure: the same input gives the same plan and hash. Problems a person must act on
 * are `blockers` (apply refuses while any exist); the rest are `warnings`.
 */
function planMigrations(input) {
    const { environment: env, state, command } = input;
    const migrations = [...input.migrations].sort((a, b) => compareVersions(a.version, b.version));
    const byVersion = new Map(migrations.map((m) => [m.version, m]));
    const latest = migrations.at(-1)?.version ?? ZERO;
    const history = readHistory(state?.records ?? []);
    const current = history.currentVersion;
    const appliedVersions = new Set(history.applied.map((r) => r.version));
    const warnings = [];
    const blockers = [];
    // Drift: an applied file that changed since it ran.
    const drift = [];
    for (const r of history.applied) {
        const m = byVersion.get(r.version);
        const d = m ? (0,checksum/* checksumDrift */.fH)(r, m) : undefined;
        if (m && r.checksum && d) {
            const current = d.fileOnly ? (m.fileChecksum ?? m.checksum) : m.checksum;
            drift.push({
                version: r.version,
                file: m.file,
                recorded: r.checksum,
                current,
                ...(d.changed.length ? { changed: d.changed } : {}),
            });
            blockers.push({
                kind: 'drift',
                version: r.version,
                message: d.changed.length
                    ? `${d.changed.join(', ')} changed after version ${r.version} was applied (${m.file} and the local modules it imports: recorded ${r.checksum}, now ${current}).`
                    : m.sources && !d.fileOnly
                        ? `${m.file} or a local module it imports changed after version ${r.version} was applied (recorded ${r.checksum}, now ${current}).`
                        : `${m.file} changed after version ${r.version} was applied (recorded ${r.checksum}, file now ${current}).`,
                next: `Restore the files as they were applied, or accept them with: repair --version ${r.version} --mark applied --reason "<why the change is safe>".`,
            });
        }
        else if (m?.sources && r.checksum?.startsWith(`${checksum/* CHECKSUM_ALGORITHM */._0}:`)) {
            warnings.push({
                code: 'checksum-file-only',
                version: r.version,
                message: `version ${r.version} was recorded by an earlier release with the checksum of ${m.file} alone: edits to the modules it imports (${Object.keys(m.sources)
                    .filter((f) => f !== m.file.split('/').pop())
                    .join(', ')}) are not detected until it is recorded again with: repair --version ${r.version} --mark applied --reason "record the checksum of its imports".`,
            });
        }
    }
    // Out of order: a version below the table's that never ran.
    if (state) {
        for (const m of migrations) {
            if (compareVersions(m.version, current) < 0 && !appliedVersions.has(m.version)) {
                blockers.push({
                    kind: 'out-of-order',
                    version: m.version,
                    message: `${m.file} (${m.version}) is below the table's version ${current} but was never applied.`,
                    next: `Give it a version above ${latest} (rename the file and its version property); earlier versions never run once the table has passed them.`,
                });
            }
        }
        for (const r of history.applied) {
            if (!byVersion.has(r.version)) {
                warnings.push({
                    code: 'missing-file',
                    version: r.version,
                    message: `version ${r.version} is recorded as applied but has no file in the folder (recorded path ${r.path || 'unknown'}).`,
                });
            }
        }
    }
    // Failed state left by an earlier run.
    let failed;
    let resumeStep;
    // A "running" record under a live lock is a step in progress, not a failure: the lock
    // makes other runs wait (or exit 3), and they plan again once they hold it.
    const lock = state?.lock;
    const running = history.failed && isRunningStatus(history.failed.status) ? history.failed : undefined;
    const inProgress = !!running && !!lock && lock.leaseExpiresAt > input.now && running.status.endsWith(lock.lockId);
    if (running && inProgress) {
        warnings.push({
            code: 'running',
            version: running.version,
            message: `The ${running.direction} of ${running.version} is running now (${running.status}).`,
        });
        // Kept in the plan so that a resume waiting for this lock still resumes once it holds it.
        const m = byVersion.get(running.version);
        if (input.resume && m?.idempotent)
            resumeStep = step(m, running.direction, 'resume');
    }
    else if (history.failed) {
        const f = history.failed;
        failed = { version: f.version, direction: f.direction, status: f.status, date: f.date };
        const m = byVersion.get(f.version) ?? (f.version === RESET ? input.reset : undefined);
        // A step stopped at a checkpoint resumes from it, idempotent or not: stopped in time
        // (incomplete), or by failed items of a bulk pass (the pages before them are checkpointed).
        const checkpointed = f.status.startsWith('incomplete') || f.checkpointed === true;
        if (input.resume && m && (m.idempotent || checkpointed)) {
            resumeStep = step(m, f.direction, 'resume');
        }
        else {
            const canResume = m?.idempotent === true || (checkpointed && !!m);
            blockers.push({
                kind: 'failed-state',
                version: f.version,
                // A "running" record with no live lock behind it: the run died inside the step.
                message: isRunningStatus(f.status)
                    ? `The ${f.direction} of ${f.version} was interrupted: the run ${f.status.slice(f.status.indexOf(':') + 2)} stopped before it finished.`
                    : `The ${f.direction} of ${f.version} failed${f.date ? ` at ${new Date(f.date).toISOString()}` : ''}: ${f.status}`,
                next: canResume
                    ? input.resume
                        ? `Cannot resume: ${f.version} has no migration file.`
                        : `Re-run it with apply --resume (${checkpointed ? 'it continues from its checkpoints' : `${f.version} is idempotent`}), or mark it with repair --version ${f.version} --mark applied|reverted --reason "...".`
                    : `${f.version} is not idempotent, so it cannot simply be re-run: check the data, then repair --version ${f.version} --mark applied|reverted --reason "...".`,
            });
        }
    }
    else if (input.resume) {
        warnings.push({
            code: 'nothing-to-resume',
            message: 'The table is not in a failed state: --resume has nothing to re-run.',
        });
    }
    // The target of the command.
    let target;
    let steps = [];
    // Where the versions start from: after a resumed up, the failed version counts as applied.
    const from = current;
    switch (command) {
        case 'apply':
        case 'resume':
            target = env.target === 'latest' ? latest : env.target;
            if (env.target !== 'latest' && !byVersion.has(env.target)) {
                throw new errors/* InputError */.dz(`environments.${env.name}.target: ${env.target} has no migration file in the folder; add it or change the target.`);
            }
            break;
        case 'up': {
            const next = migrations.find((m) => compareVersions(m.version, from) > 0);
            target = next?.version ?? from;
            break;
        }
        case 'down': {
            const below = history.applied.filter((r) => compareVersions(r.version, from) < 0).at(-1);
            target = below?.version ?? ZERO;
            if (from === ZERO)
                warnings.push({ code: 'nothing-applied', message: 'Nothing is applied: there is nothing to roll back.' });
            break;
        }
        case 'to': {
            const v = input.version;
            if (!v)
                throw new errors/* InputError */.dz('to needs a version: dynamodb-migrate to <version> (use 0.0.0 to roll everything back).');
            if (!isVersion(v))
                throw new errors/* InputError */.dz(`to ${v}: not a semver version (expected x.y.z).`);
            if (v !== ZERO && !byVersion.has(v)) {
                throw new errors/* InputError */.dz(`to ${v}: there is no migration file for version ${v} (have: ${migrations.map((m) => m.version).join(', ') || 'none'}).`);
            }
            target = v;
            break;
        }
        case 'repeat':
            target = from;
            if (from === ZERO)
                throw new errors/* InputError */.dz('repeat: nothing is applied yet, so there is no current version to re-run.');
            break;
        case 'reset':
            target = latest;
            if (env.protected) {
                throw new errors/* RefusedError */.fk(`reset is refused on ${env.name}: the environment is protected (it would delete the migration history of ${env.table}).`);
            }
            if (!env['allow-reset']) {
                throw new errors/* RefusedError */.fk(`reset is not allowed on ${env.name}: set allow-reset: true on the environment in the manifest to permit it.`);
            }
            if (!input.reset)
                throw new errors/* InputError */.dz('reset needs a migration file named reset.ts (or reset.js) in the migrations folder.');
            break;
    }
    if (command === 'repeat') {
        const m = byVersion.get(from);
        if (!m)
            throw new errors/* InputError */.dz(`repeat: the current version ${from} has no migration file in the folder.`);
        steps = [step(m, 'up', 'repeat')];
    }
    else if (command === 'reset') {
        steps = [{ ...step(input.reset, 'up', 'reset'), reversible: false }];
    }
    else {
        const base = resumeStep && resumeStep.direction === 'up' ? resumeStep.version : from;
        const cmp = compareVersions(target, base);
        if (cmp > 0) {
            steps = migrations
                .filter((m) => compareVersions(m.version, base) > 0 && compareVersions(m.version, target) <= 0)
                .map((m) => step(m, 'up'));
        }
        else if (cmp < 0 || (resumeStep?.direction === 'down' && compareVersions(target, from) < 0)) {
            // Down to a target runs the down of every applied version above it, never the target's own.
            const toRevert = history.applied
                .filter((r) => compareVersions(r.version, target) > 0 && compareVersions(r.version, base) <= 0)
                .filter((r) => !(resumeStep?.direction === 'down' && r.version === resumeStep.version))
                .reverse();
            for (const r of toRevert) {
                const m = byVersion.get(r.version);
                if (!m) {
                    blockers.push({
                        kind: 'missing-file',
                        version: r.version,
                        message: `Cannot roll back ${r.version}: its migration file is not in the folder.`,
                        next: `Restore the file for ${r.version}, or repair --version ${r.version} --mark reverted --reason "..." if its data was undone by hand.`,
                    });
                    continue;
                }
                if (!m.hasDown || m.irreversible) {
                    blockers.push({
                        kind: 'irreversible',
                        version: r.version,
                        message: `Cannot roll back ${r.version}: ${m.file} is irreversible (it has no down).`,
                        next: `Roll back no further than ${r.version}, or undo its data by hand and repair --version ${r.version} --mark reverted --reason "...".`,
                    });
                    continue;
                }
                steps.push(step(m, 'down'));
            }
            if (command === 'apply' && env.protected && steps.length) {
                blockers.push({
                    kind: 'refused',
                    message: `The manifest target ${target} is below ${env.table}'s version ${from}; a protected environment is only rolled back by an explicit dispatch.`,
                    next: `Dispatch command: to, version: ${target}, confirm: ${env.table} — or raise the target back to ${from}.`,
                });
            }
        }
        if (resumeStep)
            steps.unshift(resumeStep);
    }
    const direction = steps.length === 0 ? 'none' : steps.some((s) => s.direction === 'up') ? 'up' : 'down';
    for (const s of steps) {
        if (s.direction === 'up' && !s.reversible && s.kind === 'migrate') {
            warnings.push({
                code: 'irreversible',
                version: s.version,
                message: `${s.version} is irreversible: once applied, rolling back past it is refused.`,
            });
        }
        if (s.kind === 'reset') {
            warnings.push({
                code: 'reset',
                message: `reset runs ${s.file} and rewrites the migration history of ${env.table} to ${latest}.`,
            });
        }
    }
    if (direction === 'down') {
        warnings.push({
            code: 'rollback',
            message: `This plan rolls back ${steps.length} version${steps.length === 1 ? '' : 's'} (${steps.map((s) => s.version).join(', ')}).`,
        });
    }
    if (state?.lock) {
        const l = state.lock;
        const expired = l.leaseExpiresAt <= input.now;
        warnings.push({
            code: expired ? 'stale-lock' : 'lock-held',
            message: expired
                ? `A lock left by ${l.owner} (lock id ${l.lockId}, ${l.command}) expired at ${new Date(l.leaseExpiresAt).toISOString()}; the next apply takes it over.`
                : `The table is locked by ${l.owner} (lock id ${l.lockId}, ${l.command}${l.runUrl ? `, ${l.runUrl}` : ''}) until ${new Date(l.leaseExpiresAt).toISOString()}.`,
        });
    }
    if (!state) {
        warnings.push({
            code: 'state-unknown',
            message: 'The table state could not be read: steps assume the table is at 0.0.0 and come from the files only.',
        });
    }
    // A global table migrates from its home region only: said first, since it decides whether anything here may run.
    const replication = reviewReplication(env, state);
    blockers.unshift(...replication.blockers);
    warnings.push(...replication.warnings);
    // What the data model change is: the table's stored schema (else the current version's) to the target's.
    const fromSchema = state?.schema ?? byVersion.get(from)?.schema;
    const toSchema = command === 'reset' ? migrations.at(-1)?.schema : byVersion.get(target)?.schema;
    const schemaDiff = steps.length && toSchema !== undefined ? diffSchemas(fromSchema, toSchema) : undefined;
    for (const b of schemaDiff?.breaking ?? []) {
        warnings.push({ code: 'schema-breaking', message: `Data model: ${b.reason}` });
    }
    if (input.canaryPercent) {
        const p = input.canaryPercent;
        steps = steps.map((s) => s.direction === 'up' && s.kind !== 'reset' && s.checks?.includes('verify') ? { ...s, canaryPercent: p } : s);
    }
    const rollbackable = direction !== 'none' &&
        steps.every((s) => s.kind === 'migrate' || s.kind === 'resume') &&
        (direction === 'down' || steps.every((s) => s.reversible));
    const rollback = rollbackable && command !== 'reset' ? { command: 'to', version: from } : undefined;
    const stateRevision = (0,checksum/* hashOf */.qQ)(stateRevisionOf(state?.records ?? [])).slice(0, 16);
    const hash = (0,checksum/* hashOf */.qQ)({
        table: env.table,
        target,
        current: from,
        steps: steps.map((s) => [
            s.version,
            s.direction,
            s.kind,
            s.checksum,
            ...(s.canaryPercent ? [s.canaryPercent] : []),
        ]),
        stateRevision,
    }).slice(0, 16);
    return {
        command,
        environment: env.name,
        table: env.table,
        currentVersion: from,
        targetVersion: target,
        direction,
        steps,
        warnings,
        blockers,
        drift,
        failed,
        lock: state?.lock,
        estimate: estimateOf(state, input.writeRate),
        ...(replication.global ? { global: replication.global } : {}),
        rollback,
        stateRevision,
        hash,
        stateUnknown: state ? undefined : true,
        schemaDiff,
    };
}
function estimateOf(state, rate) {
    if (!state?.itemCount || state.sizeBytes === undefined)
        return undefined;
    const items = state.itemCount;
    const avg = items ? state.sizeBytes / items : 0;
    // Eventually consistent scans cost half a unit per 4 KB; each rewrite costs one unit per KB.
    const readUnits = Math.ceil(state.sizeBytes / 4096 / 2);
    const writeUnits = items * Math.max(1, Math.ceil(avg / 1024));
    const writeRate = rate ?? state.capacity?.write;
    // A global table applies every write in each replica: the rate limits (and the time follows)
    // the home region's writes, and every other replica absorbs the same writes at the same rate.
    const replicas = replicaCount(state.global);
    return {
        items,
        sizeBytes: state.sizeBytes,
        readUnits,
        writeUnits,
        ...(writeRate ? { rate: writeRate, secondsAtRate: Math.ceil(writeUnits / writeRate) } : {}),
        ...(state.global ? { replicas, totalWriteUnits: writeUnits * replicas } : {}),
    };
}
/** The short checksum used in rendered plans. */


// EXTERNAL MODULE: external "@aws-sdk/client-dynamodb"
var client_dynamodb_ = __nccwpck_require__(271);
;// CONCATENATED MODULE: ./src/dynamodb/recovery-point.ts


/**
 * Makes sure the table can be restored to the moment before apply, and says how (the text
 * goes to the audit log and the PR comment):
 * - `pitr`: point-in-time recovery must be on (DescribeContinuousBackups); refused otherwise.
 * - `backup`: take an on-demand backup (CreateBackup) now.
 * - `pitr-or-backup` (default): PITR if it is on, else an on-demand backup.
 * - `none`: nothing is checked.
 */
async function ensureRecoveryPoint(client, table, mode, opts) {
    if (mode === 'none')
        return 'none (recovery-point: none)';
    if (mode !== 'backup') {
        const pitr = await describePitr(client, table);
        if (pitr.enabled) {
            const since = pitr.earliest ? ` (earliest restore ${pitr.earliest.toISOString()})` : '';
            return `point-in-time recovery is on for ${table}${since}`;
        }
        if (mode === 'pitr') {
            throw new errors/* RefusedError */.fk(`${table} is protected and requires point-in-time recovery (recovery-point: pitr), which is off. Turn it on (aws dynamodb update-continuous-backups --table-name ${table} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true), or set recovery-point: backup.`);
        }
    }
    const name = backupNameOf(opts.backupName);
    try {
        const res = await client.send(new client_dynamodb_.CreateBackupCommand({ TableName: table, BackupName: name }));
        const arn = res.BackupDetails?.BackupArn ?? 'unknown ARN';
        return `on-demand backup ${name} of ${table} (${arn})`;
    }
    catch (e) {
        throw new errors/* RefusedError */.fk(`${table} is protected and needs a recovery point before apply, but the on-demand backup failed: ${(0,errors/* messageOf */.bD)(e)}. The role needs dynamodb:CreateBackup.`);
    }
}
async function describePitr(client, table) {
    try {
        const res = await client.send(new client_dynamodb_.DescribeContinuousBackupsCommand({ TableName: table }));
        const p = res.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
        return { enabled: p?.PointInTimeRecoveryStatus === 'ENABLED', earliest: p?.EarliestRestorableDateTime };
    }
    catch (e) {
        throw new errors/* RefusedError */.fk(`${table} is protected: cannot check point-in-time recovery (DescribeContinuousBackups): ${(0,errors/* messageOf */.bD)(e)}. The role needs dynamodb:DescribeContinuousBackups.`);
    }
}
/** Backup names allow 3-255 of [a-zA-Z0-9_.-]. */
function backupNameOf(name) {
    const clean = name.replace(/[^a-zA-Z0-9_.-]/g, '-').slice(0, 255);
    return clean.length >= 3 ? clean : `${clean}-backup`;
}

;// CONCATENATED MODULE: ./src/core/outcome.ts

/**
 * The one place where outcomes become exit codes and statuses: plans, runs, drift checks, lint,
 * validate and anything thrown. A plan's first blocker becomes the typed error it stands for; a
 * report carries the code of the error that ended it; anything thrown carries its own
 * (errors.ts). The statuses are the words of core/status-vocabulary.ts. Entry points, the
 * runners and the renderers call these and decide nothing of their own.
 *
 * "Blocked" and "precondition failed" are two outcomes: a plan that cannot run as it stands is
 * blocked (exit 2; 4 for drift or a changed plan, 1 for a failed state left in the table), while a
 * step refused by its `before` hook failed a precondition (exit 1: the files and flags are fine,
 * the data is not).
 */
/** The typed error for a plan's blockers (the first one decides the kind), or undefined when none. */
function blockerError(plan) {
    const first = plan.blockers[0];
    if (!first)
        return undefined;
    const message = plan.blockers.map((b) => b.message).join('\n');
    switch (first.kind) {
        case 'drift':
            return new errors/* DriftError */.ul(message);
        case 'failed-state':
            return new errors/* FailedStateError */.tE(message);
        case 'refused':
            return new errors/* RefusedError */.fk(message);
        case 'rehearsal':
            return new errors/* RehearsalFailedError */.v3(message);
        default:
            return new errors/* MigrationBlockedError */.XR(message);
    }
}
/** Exit code of a plan shown by `plan` or a pull request: its blockers decide. */
function exitCodeOfPlan(plan) {
    return blockerError(plan)?.exitCode ?? EXIT.ok;
}
/**
 * Status of a plan shown for review: blocked by its blockers (rehearsal-failed when the first is
 * a rehearsal's finding), else planned.
 */
function statusOfPlan(plan) {
    const first = plan.blockers[0];
    return !first ? 'planned' : first.kind === 'rehearsal' ? 'rehearsal-failed' : 'blocked';
}
/** Exit code of a run: 0 when it applied, was a no-op or a dry run; else the code of what stopped it. */
function exitCodeOfReport(report) {
    if (report.exitCode !== undefined)
        return report.exitCode;
    return report.status === 'applied' ||
        report.status === 'no-op' ||
        report.status === 'dry-run' ||
        report.status === 'running'
        ? errors/* EXIT */.dc.ok
        : errors/* EXIT */.dc.failure;
}
/**
 * Status of a run as the renderers and the action show it: the report's own, except that a run
 * refused by a step's `before` hook is `precondition-failed`, not a plan's `blocked`.
 */
function statusOfReport(report) {
    return report.status === 'blocked' && report.blockedBy === 'precondition' ? 'precondition-failed' : report.status;
}
/**
 * Exit code of a run that `runStep` stopped without a typed error of its own: a step stopped at
 * a checkpoint (`incomplete`: resume it) or refused by its `before` hook (`precondition-failed`:
 * nothing was written, the data must change first). Both 1: a runtime outcome, not bad input.
 */
function exitCodeOfStop(status) {
    switch (status) {
        case 'incomplete':
        case 'precondition-failed':
            return errors/* EXIT */.dc.failure;
    }
}
/**
 * Exit code of several environments run one after the other (the action): that of the first
 * that did not succeed, else 0.
 */
function exitCodeOfEnvironments(codes) {
    return codes.find((c) => c !== EXIT.ok) ?? EXIT.ok;
}
/** Exit code of `lint`: any problem is bad input (2). */
function exitCodeOfLint(problems) {
    return problems.length ? EXIT.input : EXIT.ok;
}
/**
 * Exit code of `validate`: items that do not fit the schema are drift of the data (4). No schema
 * to check against is thrown as bad input (2) before any item is read.
 */
function exitCodeOfValidation(report) {
    return report.invalid > 0 ? EXIT.drift : EXIT.ok;
}
/**
 * The action's `status` output for an environment in `status`: the documented values only.
 * A plan (or dry run) with no steps is a no-op; a run that ended while still applying, or
 * stopped at a checkpoint, did not finish: failed; a precondition that failed is blocked.
 */
function outputStatusOf(status, hasSteps) {
    switch (status) {
        case 'planned':
        case 'dry-run':
            return hasSteps ? 'planned' : 'no-op';
        case 'applying':
        case 'incomplete':
        case 'failed':
            return 'failed';
        case 'precondition-failed':
        case 'rehearsal-failed':
            return 'blocked';
        default:
            return status;
    }
}
/** Exit code of anything thrown: our typed errors carry theirs (errors.ts); anything else is a runtime failure (1). */
function exitCodeOf(err) {
    return err instanceof MigrateError ? err.exitCode : EXIT.failure;
}
/** Status of a run stopped by an error before any environment ran: a refusal is blocked, anything else failed. */
function statusOfError(e) {
    return e instanceof RefusedError ? 'blocked' : 'failed';
}
const TYPED = {
    MigrateError: errors/* MigrateError */.Oq,
    InputError: errors/* InputError */.dz,
    ManifestError: errors/* ManifestError */.Sh,
    RefusedError: errors/* RefusedError */.fk,
    LockHeldError: errors/* LockHeldError */.Rk,
    LockLostError: errors/* LockLostError */.yx,
    DriftError: errors/* DriftError */.ul,
    PlanChangedError: errors/* PlanChangedError */.aq,
    FailedStateError: errors/* FailedStateError */.tE,
    CorruptStateError: errors/* CorruptStateError */.z6,
    MigrationBlockedError: errors/* MigrationBlockedError */.XR,
    RehearsalFailedError: errors/* RehearsalFailedError */.v3,
    MigrationFailedError: class extends errors/* MigrationFailedError */.Yv {
        constructor(message) {
            super(message, '', 'up');
        }
    },
    MigrationFileError: class extends errors/* InputError */.dz {
    },
};
/**
 * A typed error thrown on the other side of a wire (a Lambda controller), by the name it was
 * sent with: the same class here, so the same exit code and the same handling (a held lock
 * is waited for, a lost one stops the run). Undefined for names that are not ours (crashes,
 * timeouts), which the caller treats as retryable.
 */
function reviveError(errorType, message) {
    const Type = TYPED[errorType];
    if (!Type)
        return undefined;
    const e = new Type(message);
    // Subclasses made here for constructor shape keep the wire name.
    if (e.name !== errorType)
        Object.defineProperty(e, 'name', { value: errorType });
    return e;
}
/** Exit code of a drift check: any finding is drift (4). */
function exitCodeOfDrift(report) {
    return report.drifted ? new DriftError(report.findings.map((f) => f.message).join('\n')).exitCode : EXIT.ok;
}
/** Status of a drift check: drift when anything drifted, else no-op. */
function statusOfDrift(report) {
    return report.drifted ? 'drift' : 'no-op';
}

;// CONCATENATED MODULE: ./src/runner/step/checks.ts

/** A `before` or `verify` hook broke its contract (threw, or returned something that is not a list of findings). */
class HookError extends errors/* MigrateError */.Oq {
}
/**
 * Runs a migration's `before` or `verify` hook and returns its findings, checked: a list of
 * `{ message, count?, examples? }` (an empty list passes). A hook that throws, or returns
 * anything else, is one error naming the file and the hook.
 */
async function runHook(m, hook, ctx) {
    const fn = m[hook];
    if (!fn)
        return [];
    let result;
    try {
        result = await fn(ctx);
    }
    catch (e) {
        throw new HookError(`${m.file}: ${hook}() threw: ${(0,errors/* messageOf */.bD)(e)}`);
    }
    if (result === undefined)
        return [];
    if (!Array.isArray(result)) {
        throw new HookError(`${m.file}: ${hook}() must return a list of findings ([{ message, count?, examples? }], empty when all is well), got ${describe(result)}.`);
    }
    return result.map((f, i) => {
        if (typeof f === 'string')
            return { message: f };
        if (!f || typeof f !== 'object' || typeof f.message !== 'string') {
            throw new HookError(`${m.file}: ${hook}() returned a finding without a message at [${i}] (${describe(f)}): each finding is { message, count?, examples? }.`);
        }
        const { message, count, examples } = f;
        return {
            message,
            ...(typeof count === 'number' ? { count } : {}),
            ...(Array.isArray(examples) ? { examples: examples.slice(0, 10) } : {}),
        };
    });
}
/** One line for a list of findings: what a failed step's record and the report say. */
function summarizeFindings(hook, scope, findings) {
    const parts = findings
        .slice(0, 5)
        .map((f) => (f.count !== undefined ? `${f.message} (${f.count.toLocaleString('en-US')})` : f.message));
    const more = findings.length > 5 ? `; and ${findings.length - 5} more` : '';
    return `${hook} found ${findings.length} problem${findings.length === 1 ? '' : 's'} on ${scope}: ${parts.join('; ')}${more}`;
}
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'object')
        return `an object (${JSON.stringify(v).slice(0, 80)})`;
    return `${typeof v} ${JSON.stringify(v)?.slice(0, 80)}`;
}

;// CONCATENATED MODULE: ./src/runner/step/run-step.ts




async function runStep(step, options) {
    const t0 = options.now();
    const what = step.kind === 'migrate' ? step.direction : step.kind;
    options.log.info(`${step.direction === 'up' ? '▲' : '▼'} ${step.version} ${what}: ${step.description}${options.how ? ` (${options.how})` : ''}`);
    const blocked = await preconditions(step, options, t0);
    if (blocked)
        return blocked;
    const ticket = await options.ledger.begin(step);
    let result;
    try {
        result = await options.body(step, ticket);
    }
    catch (e) {
        result = { error: e, incomplete: false };
    }
    const durationMs = options.now() - t0;
    const { counts } = result;
    const checks = result.checks?.length ? result.checks : undefined;
    const report = (status, error) => ({
        version: step.version,
        direction: step.direction,
        kind: step.kind,
        status,
        durationMs,
        counts,
        ...(error !== undefined ? { error } : {}),
        ...(checks ? { checks } : {}),
        ...(result.canaryReverted !== undefined ? { canaryReverted: result.canaryReverted } : {}),
    });
    if (options.dryRun)
        return { report: report('dry-run', result.error === undefined ? undefined : (0,errors/* messageOf */.bD)(result.error)) };
    if (result.incomplete && (result.error === undefined || (0,bulk/* isPassIncomplete */._S)(result.error))) {
        await options.ledger.finish(step, ticket, { status: 'incomplete', counts, durationMs });
        return {
            report: report('incomplete'),
            stop: incompleteStop(step, `${step.version} stopped at a checkpoint before the time budget ran out.`),
        };
    }
    if (result.error !== undefined && (result.lockLost || result.error instanceof errors/* LockLostError */.yx)) {
        // Another run owns the table now: write nothing more, not even the failure.
        const message = (0,errors/* messageOf */.bD)(result.error);
        return {
            report: report('failed', message),
            stop: {
                status: 'failed',
                error: message,
                next: 'Another run took over the lock; check the audit log (dynamodb-migrate log) and the table status before running again.',
                exitCode: new errors/* LockLostError */.yx(message).exitCode,
            },
        };
    }
    const failedCheck = checks?.find((c) => !c.passed);
    if (result.error === undefined && failedCheck) {
        const scope = failedCheck.scope === 'canary' ? `the ${step.canaryPercent}% canary` : 'every item';
        const message = summarizeFindings('verify', scope, failedCheck.findings);
        options.log.error(`${step.version} ${step.direction}: ${message}`);
        await options.ledger.finish(step, ticket, { status: 'failed', message, counts, durationMs });
        const undone = result.canaryReverted === true
            ? ` The canary's changes were undone with ${step.version}'s down; the rest of the table was not touched.`
            : result.canaryReverted === false
                ? ` ${step.version} has no down, so the canary's changes are still in the table; the rest of the table was not touched.`
                : '';
        const failure = new errors/* MigrationFailedError */.Yv(`${step.direction} ${step.version} (${step.file}): ${message}.${undone}`, step.version, step.direction);
        return {
            report: report('failed', message),
            stop: {
                status: 'failed',
                error: failure.message,
                next: `Fix ${step.file} (or the data it found), then apply --resume to run ${step.version} again, or repair --version ${step.version} --mark applied|reverted --reason "...".`,
                exitCode: failure.exitCode,
            },
        };
    }
    if (result.error !== undefined) {
        const message = (0,errors/* messageOf */.bD)(result.error) || 'failed';
        options.log.error(`${step.version} ${step.direction} failed: ${message}`);
        // Items of a bulk pass failed: it stopped at its checkpoints, so a resume continues from them.
        const checkpointed = result.checkpointed === true || (0,bulk/* isPassFailed */.TF)(result.error);
        await options.ledger.finish(step, ticket, {
            status: 'failed',
            message,
            ...(checkpointed ? { checkpointed } : {}),
            counts,
            durationMs,
        });
        return { report: report('failed', message), stop: failedStop(step, message, checkpointed) };
    }
    await options.ledger.finish(step, ticket, { status: 'success', counts, durationMs });
    return { report: report('applied') };
}
/** Why the run stops after a step recorded incomplete: `apply --resume` continues it. */
function incompleteStop(step, error) {
    return {
        status: 'incomplete',
        error,
        next: `Run apply --resume to continue ${step.version} from its checkpoints.`,
        exitCode: exitCodeOfStop('incomplete'),
    };
}
/**
 * Why the run stops after a step that threw, recorded failed; `checkpointed`: it stopped at its
 * checkpoints, so a resume continues from them, idempotent or not (as the plan allows).
 */
function failedStop(step, message, checkpointed = false) {
    const failure = new errors/* MigrationFailedError */.Yv(`${step.direction} ${step.version} (${step.file}) failed: ${message}`, step.version, step.direction);
    return {
        status: 'failed',
        error: failure.message,
        next: checkpointed
            ? `Fix the cause, then apply --resume: ${step.version} continues from its checkpoints (finished pages are not redone${step.idempotent ? '' : '; the items written after the last checkpoint, the rest of the failed page, are taken again, which passes with once skip: check a pass without once before resuming'}), or repair --version ${step.version} --mark applied|reverted --reason "...".`
            : step.idempotent
                ? `Fix the cause, then apply --resume (${step.version} is idempotent), or repair --version ${step.version} --mark applied|reverted --reason "...".`
                : `Check the data ${step.version} touched, then repair --version ${step.version} --mark applied|reverted --reason "..." (it is not idempotent, so it is not re-run automatically).`,
        exitCode: failure.exitCode,
    };
}
function handedOverResult(step, o) {
    const report = {
        version: step.version,
        direction: step.direction,
        kind: step.kind,
        status: o.status,
        durationMs: o.durationMs,
        counts: o.counts,
        ...(o.error !== undefined && o.status === 'failed' ? { error: o.error } : {}),
        ...(o.where ? { execution: o.where } : {}),
    };
    const at = o.where ? ` (${o.where})` : '';
    if (o.status === 'applied')
        return { report };
    if (o.status === 'running')
        return {
            report,
            stop: {
                status: 'running',
                error: '',
                next: `${step.version} runs on in its Step Functions execution${at}, which records it and releases the lock. dynamodb-migrate status shows it; dynamodb-migrate stop stops it; apply again afterwards for the steps after it.`,
                exitCode: 0,
            },
        };
    if (o.status === 'incomplete')
        return { report, stop: incompleteStop(step, `${step.version} was stopped at its segments' checkpoints${at}.`) };
    const stop = failedStop(step, o.error || 'failed', o.checkpointed === true);
    return { report, stop: { ...stop, error: `${stop.error}${at}` } };
}
/** Step 0: the `before` hook, read-only. Returns the result that ends the step here, or undefined to go on. */
async function preconditions(step, options, t0) {
    if (!options.before || !step.checks?.includes('before'))
        return undefined;
    let findings;
    try {
        findings = await options.before(step);
    }
    catch (e) {
        return blockedBefore(step, options, t0, [], (0,errors/* messageOf */.bD)(e), e instanceof errors/* MigrateError */.Oq);
    }
    if (!findings.length) {
        options.log.info(`${step.version}: before passed`);
        return undefined;
    }
    return blockedBefore(step, options, t0, findings, summarizeFindings('before', 'the table', findings), true);
}
function blockedBefore(step, options, t0, findings, message, known) {
    options.log.error(`${step.version} ${step.direction}: ${message}`);
    const checks = [
        { hook: 'before', scope: 'all', passed: false, findings: findings.length ? findings : [{ message }] },
    ];
    const report = {
        version: step.version,
        direction: step.direction,
        kind: step.kind,
        status: options.dryRun ? 'dry-run' : 'skipped',
        durationMs: options.now() - t0,
        error: message,
        checks,
    };
    if (options.dryRun)
        return { report };
    return {
        report,
        stop: {
            status: 'blocked',
            blockedBy: 'precondition',
            error: `${step.direction} ${step.version} (${step.file}) was not run: ${message}. Nothing was written.`,
            next: known
                ? `Fix the data (or ${step.file}'s before), then run again.`
                : `Fix ${step.file}'s before(), then run again.`,
            exitCode: exitCodeOfStop('precondition-failed'),
        },
    };
}

;// CONCATENATED MODULE: ./src/runner/step/run-plan.ts




/**
 * Runs a plan: takes the lock (waiting up to the lock timeout), plans again under it (refusing
 * a changed plan when the reviewed hash is given), runs each step through runStep, releases
 * the lock and writes the audit log's end entry. Returns a report for every outcome but bad
 * input, which throws.
 */
async function runPlan(plan, options, backend, run) {
    const startedAt = run.now();
    const runId = (0,external_node_crypto_.randomUUID)();
    const finish = (r) => ({
        steps: [],
        ...r,
        startedAt,
        durationMs: run.now() - startedAt,
    });
    if (plan.blockers.length)
        return finish(blockedReport(plan));
    let lock = await acquireWithWait(() => backend.acquireLock(plan.command), run);
    let lease = backend.hold(lock);
    // False while a handed-over step owns the lock (it releases it itself).
    let held = true;
    let report;
    try {
        // The state may have moved between planning and locking: plan again under the lock.
        const current = await backend.plan(replanInput(plan));
        const reviewed = options.expectedHash ?? plan.hash;
        if (current.hash !== reviewed) {
            // Relative commands (one version up or down, repeat, reset) mean "from the state I saw":
            // running them from another state would do something else, so they never re-plan.
            const relative = plan.command === 'up' || plan.command === 'down' || plan.command === 'repeat' || plan.command === 'reset';
            if (relative || (options.expectedHash !== undefined && (options.onPlanChange ?? 'fail') === 'fail')) {
                const e = new errors/* PlanChangedError */.aq(`The plan changed since it was reviewed (reviewed ${reviewed}, now ${current.hash}): ${describeChange(plan, current)}`);
                report = finish({
                    plan: current,
                    status: 'blocked',
                    lockId: lock.lockId,
                    error: e.message,
                    next: 'Review the new plan below, then re-run (or use on-plan-change: replan to apply the current plan).',
                    exitCode: e.exitCode,
                });
                return report;
            }
            run.log.info(`The plan changed while waiting for the lock (${plan.hash} -> ${current.hash}); running the current plan.`);
        }
        if (current.blockers.length)
            return (report = finish({ ...blockedReport(current), lockId: lock.lockId }));
        if (!current.steps.length)
            return (report = finish({ plan: current, status: 'no-op', lockId: lock.lockId }));
        const started = await options.onStart?.(current);
        const recoveryPoint = started?.recoveryPoint ?? options.recoveryPoint;
        await backend.audit({ runId, event: 'apply-start', outcome: 'started', plan: current, reason: options.reason, recoveryPoint }, lock.lockId);
        let work = backend.steps({ lockId: lock.lockId, runId, plan: current, lease });
        const steps = [];
        for (const [i, step] of current.steps.entries()) {
            if (!held) {
                // The step before ran elsewhere and released the lock: take it again, and go on only if
                // the plan from the state it left is the rest of this one.
                lock = await acquireWithWait(() => backend.acquireLock(plan.command), run);
                lease = backend.hold(lock);
                held = true;
                const rest = await backend.plan({ ...replanInput(current), resume: false });
                const expected = current.steps.slice(i);
                if (!sameSteps(rest.steps, expected)) {
                    const e = new errors/* PlanChangedError */.aq(`The plan changed while ${steps.at(-1)?.version} ran: expected ${fmtSteps(expected)}, now ${fmtSteps(rest.steps)}.`);
                    return (report = finish({
                        plan: current,
                        steps,
                        status: 'blocked',
                        lockId: lock.lockId,
                        error: e.message,
                        next: 'Review the plan (dynamodb-migrate plan), then run apply again.',
                        exitCode: e.exitCode,
                    }));
                }
                work = backend.steps({ lockId: lock.lockId, runId, plan: current, lease });
            }
            if (lease.signal.aborted)
                throw lease.signal.reason;
            // Fencing: prove the lock is still ours before starting a step (or handing it over).
            await lease.renew();
            if (work.handOver?.takes(step)) {
                const t0 = run.now();
                run.log.info(`${step.direction === 'up' ? '▲' : '▼'} ${step.version} ${step.kind === 'migrate' ? step.direction : step.kind}: ${step.description} (${work.handOver.how(step)})`);
                // From here the lock is the execution's: it renews it, and releases it when the step ends.
                lease.stop();
                held = false;
                let outcome;
                try {
                    outcome = await work.handOver.run(step, { lockId: lock.lockId, runId, plan: current, startedAt: t0 });
                }
                catch (e) {
                    // `run` throws only before the execution started: the lock is still this run's, to release.
                    held = true;
                    throw e;
                }
                const { report: stepReport, stop } = handedOverResult(step, outcome);
                steps.push(stepReport);
                if (stop)
                    return (report = finish({ plan: current, steps, lockId: lock.lockId, recoveryPoint, ...stop }));
                continue;
            }
            const { report: stepReport, stop } = await runStep(step, {
                ledger: work.ledger,
                body: work.body,
                log: run.log,
                now: run.now,
                how: work.how?.(step),
                before: work.before,
            });
            steps.push(stepReport);
            if (stop)
                return (report = finish({ plan: current, steps, lockId: lock.lockId, recoveryPoint, ...stop }));
        }
        report = finish({ plan: current, steps, status: 'applied', lockId: lock.lockId, recoveryPoint });
        return report;
    }
    finally {
        if (held) {
            lease.stop();
            await backend
                .releaseLock(lock.lockId)
                .catch((e) => run.log.warn(`Could not release lock ${lock.lockId}: ${(0,errors/* messageOf */.bD)(e)}`));
        }
        // A run that started (its apply-start is written) ends in the log too, a step's `before` refusal included.
        const started = report?.status !== 'blocked' || report.blockedBy === 'precondition';
        if (report && started && report.status !== 'no-op') {
            await backend
                .audit({
                runId,
                event: 'apply-end',
                outcome: statusOfReport(report),
                plan: report.plan,
                message: report.error,
                versions: report.steps.filter((s) => s.status === 'applied').map((s) => `${s.direction} ${s.version}`),
            }, lock.lockId)
                .catch((e) => run.log.warn(`Could not write the audit log: ${(0,errors/* messageOf */.bD)(e)}`));
        }
        if (report)
            report.finalVersion = await backend.currentVersion().catch(() => undefined);
    }
}
function sameSteps(a, b) {
    return a.length === b.length && a.every((s, i) => s.version === b[i].version && s.direction === b[i].direction);
}
const fmtSteps = (steps) => `[${steps.map((s) => `${s.direction} ${s.version}`).join(', ') || 'no steps'}]`;
/** A dry run: every step through runStep with a ledger that writes nothing; no lock. */
async function dryRunPlan(plan, backend, run) {
    const startedAt = run.now();
    if (plan.blockers.length)
        return { ...blockedReport(plan), steps: [], startedAt, durationMs: run.now() - startedAt };
    const steps = [];
    for (const step of plan.steps) {
        steps.push((await runStep(step, {
            ledger: backend.ledger,
            body: backend.body,
            before: backend.before,
            log: run.log,
            now: run.now,
            dryRun: true,
        })).report);
    }
    return { plan, steps, status: 'dry-run', startedAt, durationMs: run.now() - startedAt };
}
/** Takes a lock, waiting up to the run's lock timeout while another run holds it. */
async function acquireWithWait(acquire, run) {
    const timeout = run.settings.lockTimeoutMs;
    const until = run.now() + timeout;
    for (let attempt = 0;; attempt++) {
        try {
            return await acquire();
        }
        catch (e) {
            if (!(e instanceof errors/* LockHeldError */.Rk) || run.now() >= until)
                throw e;
            if (attempt === 0)
                run.log.info(`Waiting up to ${Math.round(timeout / 1000)} s for the lock: ${e.message}`);
            await sleep(Math.min(1000, 100 + attempt * 100, Math.max(0, until - run.now())));
        }
    }
}
/** The input that plans a command again from the state under the lock. */
function replanInput(plan) {
    return {
        command: plan.command,
        version: plan.command === 'to' ? plan.targetVersion : undefined,
        resume: plan.steps[0]?.kind === 'resume',
    };
}
function blockedReport(plan) {
    const e = blockerError(plan);
    return {
        plan,
        status: 'blocked',
        error: e?.message,
        next: plan.blockers.map((b) => b.next).join('\n'),
        exitCode: e?.exitCode,
    };
}
function describeChange(before, after) {
    const fmt = (p) => `${p.currentVersion} -> ${p.targetVersion} [${p.steps.map((s) => `${s.direction} ${s.version}`).join(', ') || 'no steps'}]`;
    return `reviewed ${fmt(before)}, now ${fmt(after)}.`;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

;// CONCATENATED MODULE: ./src/runner/step/step-data.ts

/**
 * Builds `ctx.data` for one step from the run's settings (write rate, canary, deadline, dry
 * run): checkpoints keyed by the step's version and direction, so a resumed run continues where
 * it stopped, and only a resumed run. Every path that runs a step (a local run, a dry run, a
 * controller's fan-out segment and its bookkeeping) builds it here.
 */
function createStepData(target, step, settings, opts = {}) {
    const engine = (0,bulk/* createDataEngine */.NJ)({
        client: target.client,
        table: target.table,
        keys: target.keys,
        dryRun: settings.dryRun,
        samplePercent: settings.samplePercent,
        signal: opts.signal,
        deadline: settings.deadline,
        checkpoint: { version: step.version, direction: step.direction },
        defaults: settings.writeRate ? { rate: { write: settings.writeRate } } : undefined,
        logger: target.log,
        onProgress: target.log.progress ? (p) => target.log.progress?.(p) : undefined,
        ...(opts.progressBar === false ? { progressBar: false } : {}),
    });
    return {
        engine,
        counts: () => engine.counts(),
        incomplete: () => engine.incomplete(),
        start: async () => {
            if (step.kind !== 'resume')
                await engine.startAttempt({ keepCanary: continuesCanary(step) });
        },
        complete: () => engine.complete({ keepCanary: settings.samplePercent !== undefined }),
    };
}
/** A repeat of an up is how the full run (or a bigger canary) follows a canary of that version. */
function continuesCanary(step) {
    return step.kind === 'repeat' && step.direction === 'up';
}

// EXTERNAL MODULE: ./src/core/validate.ts
var validate = __nccwpck_require__(993);
// EXTERNAL MODULE: ./src/runner/local/read-only-client.ts
var read_only_client = __nccwpck_require__(411);
;// CONCATENATED MODULE: ./src/runner/validate-table.ts



/**
 * Scans a table with the bulk engine (parallel segments, rate-limited, progress on a TTY,
 * read-only) and checks every item against a OneTable schema (core/validate.ts).
 */
async function validateTable(o) {
    const validator = new validate/* SchemaValidator */.I(o.schema, o.keys);
    const engine = (0,bulk/* createDataEngine */.NJ)({
        client: (0,read_only_client/* readOnlyClient */.M7)(o.client),
        table: o.table,
        keys: o.keys,
        dryRun: true,
        signal: o.signal,
        logger: o.log,
        onProgress: o.log.progress ? (p) => o.log.progress?.(p) : undefined,
    });
    await engine.forEach({}, (item) => {
        validator.add(item);
    }, {
        name: 'validate',
        ...(o.options.samplePercent !== undefined ? { samplePercent: o.options.samplePercent } : {}),
        ...(o.options.readRate !== undefined ? { rate: { read: o.options.readRate } } : {}),
    });
    return validator.report(o.options.samplePercent);
}

// EXTERNAL MODULE: external "@aws-sdk/util-dynamodb"
var util_dynamodb_ = __nccwpck_require__(582);
;// CONCATENATED MODULE: ./src/dynamodb/state/audit-log.ts



/** Hash key value of the audit log's entries. */
const LOG_HASH = '_migration_log';
/** Appends to the audit log, which is never deleted. Not fenced: a run that lost its lock still says so. */
async function appendLog(t, entry) {
    await t.assertHomeRegion();
    const k = await t.keys();
    const sortKey = `${new Date(entry.at).toISOString()}#${entry.runId}#${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`;
    await t.retried(() => t.client.send(new client_dynamodb_.PutItemCommand({
        TableName: t.name,
        Item: (0,util_dynamodb_.marshall)({ [k.hash]: LOG_HASH, [k.sort]: sortKey, _type: '_MigrationLog', ...entry }, { removeUndefinedValues: true }),
    })));
}
/** The audit log, newest first. */
async function readLog(t, limit = 100) {
    const items = await t.queryHash(LOG_HASH, { newestFirst: true, limit });
    const k = await t.keys();
    return items.map((i) => {
        const e = { ...i };
        delete e[k.hash];
        delete e[k.sort];
        delete e._type;
        return e;
    });
}

// EXTERNAL MODULE: ./src/dynamodb/bulk/retry.ts
var retry = __nccwpck_require__(399);
// EXTERNAL MODULE: ./src/dynamodb/bulk/table-facts.ts
var table_facts = __nccwpck_require__(631);
;// CONCATENATED MODULE: ./src/dynamodb/state/table-description.ts



/**
 * DescribeTable, checked for what the state needs: a hash and a sort key, both strings (the
 * OneTable format). A missing table or a wrong key schema is bad input (exit 2) naming the table.
 */
async function describeTable(client, table) {
    let res;
    try {
        res = await client.send(new client_dynamodb_.DescribeTableCommand({ TableName: table }));
    }
    catch (e) {
        if (e instanceof client_dynamodb_.ResourceNotFoundException) {
            const region = await client.config.region().catch(() => 'unknown');
            throw new errors/* InputError */.dz(`Table ${table} was not found (region ${region}). Check the environment's table and region in the manifest, and the endpoint; with --local the table is created for you.`);
        }
        throw e;
    }
    const schema = res.Table?.KeySchema ?? [];
    const hash = schema.find((s) => s.KeyType === 'HASH')?.AttributeName;
    const sort = schema.find((s) => s.KeyType === 'RANGE')?.AttributeName;
    if (!hash || !sort) {
        throw new errors/* InputError */.dz(`Table ${table} has no sort key: migration state (OneTable format) needs a table with a hash and a sort key.`);
    }
    const defs = res.Table?.AttributeDefinitions ?? [];
    for (const name of [hash, sort]) {
        const type = defs.find((d) => d.AttributeName === name)?.AttributeType;
        if (type && type !== 'S')
            throw new errors/* InputError */.dz(`Table ${table}: key attribute ${name} is of type ${type}; migration state needs string keys.`);
    }
    const pt = res.Table?.ProvisionedThroughput;
    const provisioned = res.Table?.BillingModeSummary?.BillingMode !== 'PAY_PER_REQUEST' && pt?.ReadCapacityUnits;
    const { region, global } = (0,table_facts/* replicationOf */.Qx)(res.Table, await client.config.region().catch(() => undefined));
    return {
        keys: { hash, sort },
        itemCount: res.Table?.ItemCount,
        sizeBytes: res.Table?.TableSizeBytes,
        capacity: provisioned ? { read: pt.ReadCapacityUnits ?? 0, write: pt.WriteCapacityUnits ?? 0 } : undefined,
        region,
        global,
    };
}
/** An item's attributes other than its key (for messages that quote an item). */
function withoutKeys(i, k) {
    const rest = { ...i };
    delete rest[k.hash];
    delete rest[k.sort];
    return rest;
}

;// CONCATENATED MODULE: ./src/dynamodb/state/state-table.ts






/**
 * The table that holds the migration state, as every part of the state store reaches it: the
 * client, the table's name, what DescribeTable said (read once), and the home-region check
 * that comes before every write.
 */
class StateTable {
    client;
    name;
    environment;
    described;
    constructor(client, name, 
    /**
     * The environment whose state this is. Given, every write first checks that this replica
     * is the home region of its migrations when the table is a global table.
     */
    environment, described) {
        this.client = client;
        this.name = name;
        this.environment = environment;
        this.described = described;
    }
    /** The same table through another client, sharing what DescribeTable said. */
    withClient(client) {
        return new StateTable(client, this.name, this.environment, this.described);
    }
    /** Key names and size of the table, from DescribeTable (read once). */
    describe() {
        this.described ??= describeTable(this.client, this.name);
        return this.described;
    }
    async keys() {
        return (await this.describe()).keys;
    }
    /**
     * Refuses (RefusedError, exit 2) when this run reaches a replica of a global table other
     * than the home region of the environment's migrations, or DescribeTable contradicts what
     * the manifest says of the table. `outcome` says what did not happen.
     */
    async assertHomeRegion(outcome = 'Nothing was written.') {
        const env = this.environment;
        if (!env)
            return;
        const d = await this.describe();
        const problem = homeRegionProblem(env, d.region, d.global);
        if (problem)
            throw new errors/* RefusedError */.fk(`${problem.message} ${outcome}\nNext: ${problem.next}`);
    }
    /**
     * Sends with retries past the SDK's own: its client-wide retry quota runs dry under sustained
     * throttling or dropped connections, and losing a record or lock write then would leave the
     * table in a misleading state. Conditional failures are not retried.
     */
    retried(call) {
        return (0,retry/* withRetry */.bD)(call, {});
    }
    /** The items under one hash key value (read strongly consistent), oldest first unless `newestFirst`. */
    async queryHash(hash, opts = {}) {
        const k = await this.keys();
        const out = [];
        let start;
        do {
            const res = await this.retried(() => this.client.send(new client_dynamodb_.QueryCommand({
                TableName: this.name,
                KeyConditionExpression: '#h = :h',
                ExpressionAttributeNames: { '#h': k.hash },
                ExpressionAttributeValues: (0,util_dynamodb_.marshall)({ ':h': hash }),
                ConsistentRead: true,
                ScanIndexForward: !opts.newestFirst,
                ExclusiveStartKey: start,
            })));
            out.push(...(res.Items ?? []).map((i) => (0,util_dynamodb_.unmarshall)(i)));
            start = res.LastEvaluatedKey;
        } while (start && (!opts.limit || out.length < opts.limit));
        return opts.limit ? out.slice(0, opts.limit) : out;
    }
}
/**
 * JSON of an item as the SDK sends or returns it, object keys sorted: equal for equal items
 * whatever their attribute order. Binary values count as their base64 (core's `stableJson`
 * would spell them as objects); `unlock` names an unknown lock item by this fingerprint.
 */
function stableItemJson(v) {
    if (Array.isArray(v))
        return `[${v.map(stableItemJson).join(',')}]`;
    if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
        return `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stableItemJson(v[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v) ?? 'null';
}

;// CONCATENATED MODULE: ./src/dynamodb/state/lock.ts






/** Hash and sort key value of the one lock item. */
const LOCK_HASH = '_migration_lock';
/** The lock item's key, marshalled. */
function lockKey(k) {
    return (0,util_dynamodb_.marshall)({ [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH });
}
/** The lock item as stored, if any (read strongly consistent). */
async function readLockItem(t) {
    const k = await t.keys();
    const res = await t.retried(() => t.client.send(new client_dynamodb_.GetItemCommand({ TableName: t.name, Key: lockKey(k), ConsistentRead: true })));
    return res.Item;
}
/** The lock an item holds, or undefined when it is not a lock item as this tool writes them. */
function lockInfoOf(raw) {
    if (typeof raw.lockId !== 'string' || typeof raw.leaseExpiresAt !== 'number')
        return undefined;
    return {
        lockId: raw.lockId,
        owner: String(raw.owner ?? 'unknown'),
        command: String(raw.command ?? 'unknown'),
        runUrl: raw.runUrl,
        acquiredAt: Number(raw.acquiredAt ?? 0),
        leaseExpiresAt: raw.leaseExpiresAt,
        heartbeatAt: Number(raw.heartbeatAt ?? 0),
    };
}
/** The lock, if any. Throws CorruptStateError for a lock item of an unknown format (naming the unlock command). */
async function readLock(t) {
    const item = await readLockItem(t);
    if (!item)
        return undefined;
    const raw = (0,util_dynamodb_.unmarshall)(item);
    const lock = lockInfoOf(raw);
    if (!lock) {
        const k = await t.keys();
        throw new errors/* CorruptStateError */.z6(`${t.name}: the lock item ${k.hash}=${LOCK_HASH}, ${k.sort}=${LOCK_HASH} has an unknown format (${JSON.stringify(withoutKeys(raw, k)).slice(0, 200)}): ` +
            `it was not written by this version of dynamodb-migrate, so whether a run holds it cannot be told. Nothing was run. ` +
            `If no run is active, remove it with: dynamodb-migrate unlock ${unknownLockId(item, raw)}`);
    }
    return lock;
}
/**
 * Takes the lock, or takes over one whose lease has expired. Throws LockHeldError naming
 * the holder when it is held.
 */
async function acquireLock(t, opts) {
    await t.assertHomeRegion();
    const k = await t.keys();
    const now = opts.now ?? Date.now();
    const lock = {
        lockId: (0,external_node_crypto_.randomUUID)(),
        owner: opts.owner,
        command: opts.command,
        runUrl: opts.runUrl,
        acquiredAt: now,
        leaseExpiresAt: now + opts.leaseMs,
        heartbeatAt: now,
    };
    try {
        await t.retried(() => t.client.send(new client_dynamodb_.PutItemCommand({
            TableName: t.name,
            Item: (0,util_dynamodb_.marshall)({ [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH, _type: '_MigrationLock', ...lock }, { removeUndefinedValues: true }),
            ConditionExpression: 'attribute_not_exists(#h) OR leaseExpiresAt < :now',
            ExpressionAttributeNames: { '#h': k.hash },
            ExpressionAttributeValues: (0,util_dynamodb_.marshall)({ ':now': now }),
        })));
        return lock;
    }
    catch (e) {
        if (e instanceof client_dynamodb_.ConditionalCheckFailedException) {
            // A lock item of an unknown format fails the condition too: say that, not "locked".
            const held = await readLock(t).catch((err) => {
                if (err instanceof errors/* CorruptStateError */.z6)
                    throw err;
                return undefined;
            });
            // A retried request whose first attempt took the lock (the answer was lost on the way).
            if (held?.lockId === lock.lockId)
                return lock;
            throw new errors/* LockHeldError */.Rk(describeHolder(t.name, held));
        }
        throw e;
    }
}
/** Extends our lease; throws LockLostError if another run has taken the lock over. */
async function renewLock(t, lockId, leaseMs) {
    const k = await t.keys();
    const now = Date.now();
    try {
        await t.retried(() => t.client.send(new client_dynamodb_.UpdateItemCommand({
            TableName: t.name,
            Key: lockKey(k),
            UpdateExpression: 'SET leaseExpiresAt = :exp, heartbeatAt = :now',
            ConditionExpression: 'lockId = :id',
            ExpressionAttributeValues: (0,util_dynamodb_.marshall)({ ':exp': now + leaseMs, ':now': now, ':id': lockId }),
        })));
        return now + leaseMs;
    }
    catch (e) {
        if (e instanceof client_dynamodb_.ConditionalCheckFailedException) {
            const held = await readLock(t).catch(() => undefined);
            throw new errors/* LockLostError */.yx(`${t.name}: this run's lock ${lockId} was taken over${held ? ` by ${held.owner} (lock id ${held.lockId})` : ''}; stopped before writing again.`);
        }
        throw e;
    }
}
/** Deletes the lock if it is still ours (no error if it is already gone). */
async function releaseLock(t, lockId) {
    const k = await t.keys();
    try {
        await t.retried(() => t.client.send(new client_dynamodb_.DeleteItemCommand({
            TableName: t.name,
            Key: lockKey(k),
            ConditionExpression: 'lockId = :id',
            ExpressionAttributeValues: (0,util_dynamodb_.marshall)({ ':id': lockId }),
        })));
    }
    catch (e) {
        if (!(e instanceof client_dynamodb_.ConditionalCheckFailedException))
            throw e;
    }
}
/**
 * `unlock <lock-id>`: removes a lock only when the caller names it. A lock item of an unknown
 * format is named by the id its error message gives (its `lockId` when it has one as a string,
 * else `unknown-<fingerprint of the item>`).
 */
async function forceUnlock(t, lockId) {
    await t.assertHomeRegion();
    const item = await readLockItem(t);
    if (!item)
        throw new errors/* InputError */.dz(`${t.name} is not locked: nothing to unlock.`);
    const raw = (0,util_dynamodb_.unmarshall)(item);
    const held = lockInfoOf(raw);
    if (!held)
        return removeUnknownLock(t, lockId, item, raw);
    if (held.lockId !== lockId) {
        throw new errors/* InputError */.dz(`unlock ${lockId}: the lock on ${t.name} has id ${held.lockId} (held by ${held.owner}); pass that id to unlock it.`);
    }
    await releaseLock(t, lockId);
    return held;
}
async function removeUnknownLock(t, lockId, item, raw) {
    const id = unknownLockId(item, raw);
    if (lockId !== id)
        throw new errors/* InputError */.dz(`unlock ${lockId}: the lock item on ${t.name} has an unknown format; its id is ${id}: pass ${id} to remove it.`);
    const k = await t.keys();
    const ownId = typeof raw.lockId === 'string' ? raw.lockId : undefined;
    try {
        await t.retried(() => t.client.send(new client_dynamodb_.DeleteItemCommand({
            TableName: t.name,
            Key: lockKey(k),
            // Never a lock a run of ours has written meanwhile (it has a lockId of its own).
            ...(ownId
                ? { ConditionExpression: 'lockId = :id', ExpressionAttributeValues: (0,util_dynamodb_.marshall)({ ':id': ownId }) }
                : { ConditionExpression: 'attribute_not_exists(lockId)' }),
        })));
    }
    catch (e) {
        if (!(e instanceof client_dynamodb_.ConditionalCheckFailedException))
            throw e;
        throw new errors/* LockHeldError */.Rk(describeHolder(t.name, await readLock(t).catch(() => undefined)));
    }
    return {
        lockId: id,
        owner: String(raw.owner ?? 'unknown'),
        command: 'a lock item of an unknown format',
        acquiredAt: 0,
        leaseExpiresAt: 0,
        heartbeatAt: 0,
    };
}
/** How `unlock` names a lock item of an unknown format: its lockId if it has one, else a fingerprint of the item. */
function unknownLockId(item, raw) {
    if (typeof raw.lockId === 'string' && raw.lockId)
        return raw.lockId;
    return `unknown-${(0,external_node_crypto_.createHash)('sha256').update(stableItemJson(item)).digest('hex').slice(0, 12)}`;
}
/** Who holds the lock, since when, until when, and what to do: the message of LockHeldError. */
function describeHolder(table, held) {
    if (!held)
        return `${table} is locked by another run (the lock was released while checking; retry).`;
    return (`${table} is locked by ${held.owner} (lock id ${held.lockId}, ${held.command}${held.runUrl ? `, ${held.runUrl}` : ''}) ` +
        `since ${new Date(held.acquiredAt).toISOString()}, lease until ${new Date(held.leaseExpiresAt).toISOString()}. ` +
        `Wait for it to finish; if that run is dead, the lock is taken over once its lease expires, or remove it with unlock ${held.lockId}.`);
}

;// CONCATENATED MODULE: ./src/dynamodb/state/fenced-write.ts





/**
 * Writes the state (records, schema item) so that they happen only while the run's lock is
 * still ours: with a lock id, in one transaction that also checks the lock item; on an MRSC
 * global table, which has no transactions, one at a time right after reading the lock. Without
 * a lock id the writes go as they are. Refused first from a replica other than the home region.
 */
async function fencedWrite(t, lockId, writes) {
    if (!writes.length)
        return;
    await t.assertHomeRegion();
    if ((await t.describe()).global?.consistency === 'STRONG')
        return oneByOne(t, lockId, writes);
    const k = await t.keys();
    const items = lockId
        ? [
            {
                ConditionCheck: {
                    TableName: t.name,
                    Key: lockKey(k),
                    ConditionExpression: 'lockId = :id',
                    ExpressionAttributeValues: (0,util_dynamodb_.marshall)({ ':id': lockId }),
                },
            },
            ...writes,
        ]
        : writes;
    try {
        // One token for every attempt: a retried transaction that already landed is not applied twice.
        const token = (0,external_node_crypto_.randomUUID)();
        await t.retried(() => t.client.send(new client_dynamodb_.TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: token })));
    }
    catch (e) {
        if (lockId && isConditionFailure(e, 0))
            throw lockLost(t, lockId);
        throw e;
    }
}
/**
 * Fencing without transactions, for MRSC global tables, which have none. There a strongly
 * consistent read and a condition see the latest write from any region, so the lock is read
 * right before the writes, which then go one at a time, each with its own condition. Where a
 * transaction leaves no gap, this leaves one round trip between the check and a write; the
 * lease (taken over only once it has expired) and the heartbeat's fencing cover that gap.
 */
async function oneByOne(t, lockId, writes) {
    if (lockId) {
        const item = await readLockItem(t);
        const held = item ? lockInfoOf((0,util_dynamodb_.unmarshall)(item)) : undefined;
        if (held?.lockId !== lockId)
            throw lockLost(t, lockId);
    }
    for (const [i, w] of writes.entries()) {
        try {
            await t.retried(() => sendSingle(t.client, w));
        }
        catch (e) {
            if (e instanceof client_dynamodb_.ConditionalCheckFailedException)
                throw new WriteConditionFailed(i + (lockId ? 1 : 0), e);
            throw e;
        }
    }
}
function lockLost(t, lockId) {
    return new errors/* LockLostError */.yx(`${t.name}: this run's lock ${lockId} is no longer held (taken over after its lease expired); stopped before writing.`);
}
/** A write sent one at a time (MRSC) failed its condition; `index` counts as in the transaction it stands for. */
class WriteConditionFailed extends Error {
    index;
    constructor(index, cause) {
        super(`write ${index} of a fenced group failed its condition`, { cause });
        this.index = index;
    }
}
/** One write of a TransactWriteItem, sent as a request of its own. */
function sendSingle(client, w) {
    if (w.Put)
        return client.send(new client_dynamodb_.PutItemCommand(w.Put));
    if (w.Delete)
        return client.send(new client_dynamodb_.DeleteItemCommand(w.Delete));
    if (w.Update)
        return client.send(new client_dynamodb_.UpdateItemCommand(w.Update));
    return Promise.reject(new Error('a condition check cannot be sent on its own'));
}
/**
 * True when a fenced write failed on the condition of write `index` of the group as
 * `fencedWrite` sends it (with a lock id, the lock's check is 0 and the writes follow).
 */
function isConditionFailure(e, index) {
    if (e instanceof WriteConditionFailed)
        return e.index === index;
    if (e instanceof client_dynamodb_.ConditionalCheckFailedException)
        return index === 0;
    if (e instanceof client_dynamodb_.TransactionCanceledException)
        return e.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
    return false;
}

;// CONCATENATED MODULE: ./src/dynamodb/state/record-codec.ts




/**
 * The one codec of a `_migration` record, in OneTable Migrate's format: to the item this tool
 * writes, from an item in the table, and from OneTable's `getPastMigrations` answer (over
 * JSON). OneTable reads these items too, so their shape is a contract.
 */
/** Hash key value of the records (OneTable's). */
const MIGRATION_HASH = '_migration';
/** A record's sort key value: `_migration:<version>:<date in ms>`. */
function recordKey(version, date) {
    return `${MIGRATION_HASH}:${version}:${date}`;
}
/**
 * The item of a record (unmarshalled; an undefined attribute is not written). The sort key is
 * the record's key; `_type` is OneTable's model name.
 */
function recordToItem(rec, k) {
    return {
        [k.hash]: MIGRATION_HASH,
        [k.sort]: rec.key,
        version: rec.version,
        date: rec.date,
        path: rec.path,
        description: rec.description,
        status: rec.status,
        _type: '_Migration',
        checksum: rec.checksum,
        sources: rec.sources,
        direction: rec.direction,
        actor: rec.actor,
        runUrl: rec.runUrl,
        gitSha: rec.gitSha,
        durationMs: rec.durationMs,
        counts: rec.counts,
        checkpointed: rec.checkpointed === true ? true : undefined,
        repairedReason: rec.repairedReason,
    };
}
/**
 * The record of a `_migration` item (unmarshalled), or CorruptStateError naming the item and
 * what to do when it cannot be one: planning on a history that was read wrong would run or
 * skip the wrong steps. OneTable's own items are read too (date as an ISO string, no status).
 */
function recordFromItem(i, k, table) {
    const key = String(i[k.sort] ?? '');
    const version = typeof i.version === 'string' ? i.version : (key.split(':')[1] ?? '');
    const date = typeof i.date === 'number'
        ? i.date
        : typeof i.date === 'string'
            ? Date.parse(i.date) || 0
            : Number(key.split(':')[2] ?? 0);
    const r = withFields(i, version, date, key);
    const problem = !r.key.startsWith(`${MIGRATION_HASH}:`)
        ? `its sort key is not ${MIGRATION_HASH}:<version>:<date>`
        : i.version !== undefined && typeof i.version !== 'string'
            ? `"version" is a ${typeof i.version}, not a string`
            : !isVersion(r.version) && r.version !== RESET && r.version !== LEGACY_RESET
                ? `version "${r.version}" is not a semver version`
                : i.status !== undefined && typeof i.status !== 'string'
                    ? `"status" is a ${typeof i.status}, not a string`
                    : !Number.isFinite(r.date)
                        ? '"date" is not a time'
                        : undefined;
    if (!problem)
        return r;
    const itemKey = JSON.stringify({ [k.hash]: { S: MIGRATION_HASH }, [k.sort]: { S: r.key } });
    throw new errors/* CorruptStateError */.z6(`${table}: the migration record ${k.hash}=${MIGRATION_HASH}, ${k.sort}=${r.key} is corrupt (${problem}): ${JSON.stringify(withoutKeys(i, k)).slice(0, 200)}. ` +
        `Nothing was run: the history cannot be read past it. Fix that item, or delete it ` +
        `(aws dynamodb delete-item --table-name ${table} --key '${itemKey}'), then check the history with dynamodb-migrate status; ` +
        `if that record stood for an applied version, record it again with dynamodb-migrate repair --version <version> --mark applied --reason "...".`);
}
/**
 * A record as OneTable's `getPastMigrations` answers it through a Lambda (JSON: the date an ISO
 * string, no key, no status before OneTable 2023-09). The key is made from version and date.
 */
function recordFromOneTableAnswer(r) {
    const version = String(r.version ?? '');
    const date = typeof r.date === 'number' ? r.date : Date.parse(String(r.date ?? '')) || 0;
    return withFields(r, version, date, recordKey(version, date));
}
function withFields(i, version, date, key) {
    return {
        version,
        date,
        key,
        path: String(i.path ?? ''),
        description: String(i.description ?? ''),
        // OneTable before 2023-09 wrote no status: those records are successes.
        status: typeof i.status === 'string' ? i.status : SUCCESS,
        checksum: i.checksum,
        // Only on records that carry them (a tree checksum's per-file checksums), as an absent key.
        ...withSources(sourcesOf(i.sources)),
        direction: i.direction,
        actor: i.actor,
        runUrl: i.runUrl,
        gitSha: i.gitSha,
        durationMs: i.durationMs,
        counts: i.counts,
        // Only on a failed step's record that stopped at its checkpoints, as an absent key elsewhere.
        ...(i.checkpointed === true ? { checkpointed: true } : {}),
        repairedReason: i.repairedReason,
    };
}
/** The per-file checksums of a record, when it holds a map of strings (anything else is ignored). */
function sourcesOf(v) {
    if (!v || typeof v !== 'object' || Array.isArray(v))
        return undefined;
    const entries = Object.entries(v).filter((e) => typeof e[1] === 'string');
    return entries.length ? Object.fromEntries(entries) : undefined;
}
function withSources(sources) {
    return sources ? { sources } : {};
}

;// CONCATENATED MODULE: ./src/dynamodb/state/records.ts





/** All `_migration` records, oldest first. Throws CorruptStateError at an item that is not a record. */
async function readRecords(t) {
    const items = await t.queryHash(MIGRATION_HASH);
    const k = await t.keys();
    return items.map((i) => recordFromItem(i, k, t.name)).sort((a, b) => a.date - b.date || a.key.localeCompare(b.key));
}
/**
 * Writes a `_migration` record. With a lock id the write is fenced: it happens only while
 * that lock is still ours, in one transaction. `replace` overwrites the record of the same
 * version and date (a step's "running" record, by its outcome).
 */
async function writeRecord(t, rec, lockId, opts = {}) {
    const k = await t.keys();
    let date = rec.date ?? Date.now();
    for (let attempt = 0;; attempt++) {
        const full = { ...rec, date, key: recordKey(rec.version, date) };
        const item = (0,util_dynamodb_.marshall)(recordToItem(full, k), { removeUndefinedValues: true });
        try {
            await fencedWrite(t, lockId, [
                opts.replace
                    ? { Put: { TableName: t.name, Item: item } }
                    : {
                        Put: {
                            TableName: t.name,
                            Item: item,
                            ConditionExpression: 'attribute_not_exists(#h)',
                            ExpressionAttributeNames: { '#h': k.hash },
                        },
                    },
            ]);
            return full;
        }
        catch (e) {
            // Two records of one version in the same millisecond: move to the next one.
            if (isConditionFailure(e, lockId ? 1 : 0) && attempt < 5) {
                // Written one at a time (MRSC), a retried put whose first attempt landed fails its own condition.
                if (e instanceof WriteConditionFailed && (await holds(t, item)))
                    return full;
                date += 1;
                continue;
            }
            throw e;
        }
    }
}
/** Deletes every record of a version (but `except`, a record's key), as OneTable's down does. Fenced like writeRecord. */
async function deleteVersionRecords(t, version, lockId, opts = {}) {
    await t.assertHomeRegion();
    const k = await t.keys();
    const records = (await readRecords(t)).filter((r) => r.version === version && r.key !== opts.except);
    for (let i = 0; i < records.length; i += 90) {
        const chunk = records.slice(i, i + 90);
        await fencedWrite(t, lockId, chunk.map((r) => ({
            Delete: { TableName: t.name, Key: (0,util_dynamodb_.marshall)({ [k.hash]: MIGRATION_HASH, [k.sort]: r.key }) },
        })));
    }
    return records.length;
}
/** Deletes every `_migration` record (reset). */
async function deleteAllRecords(t, lockId) {
    const versions = new Set((await readRecords(t)).map((r) => r.version));
    let n = 0;
    for (const v of versions)
        n += await deleteVersionRecords(t, v, lockId);
    return n;
}
/** Whether the table holds exactly this item (read strongly consistent). */
async function holds(t, item) {
    const k = await t.keys();
    const key = { [k.hash]: item[k.hash], [k.sort]: item[k.sort] };
    const res = await t.retried(() => t.client.send(new client_dynamodb_.GetItemCommand({ TableName: t.name, Key: key, ConsistentRead: true })));
    return !!res.Item && stableItemJson(res.Item) === stableItemJson(item);
}

;// CONCATENATED MODULE: ./src/dynamodb/state/schema-item.ts




/** The `_schema:Current` item (OneTable's format) without its key, if any. */
async function readSchema(t) {
    const k = await t.keys();
    const res = await t.retried(() => t.client.send(new client_dynamodb_.GetItemCommand({
        TableName: t.name,
        Key: (0,util_dynamodb_.marshall)({ [k.hash]: core_schema/* SCHEMA_HASH_VALUE */.JQ, [k.sort]: core_schema/* SCHEMA_SORT_VALUE */.tw }),
        ConsistentRead: true,
    })));
    if (!res.Item)
        return undefined;
    const item = (0,util_dynamodb_.unmarshall)(res.Item);
    delete item[k.hash];
    delete item[k.sort];
    return item;
}
/** Overwrites the `_schema:Current` item, or deletes it when undefined. Fenced like a record. */
async function writeSchema(t, schemaItem, lockId) {
    const k = await t.keys();
    const Key = { [k.hash]: core_schema/* SCHEMA_HASH_VALUE */.JQ, [k.sort]: core_schema/* SCHEMA_SORT_VALUE */.tw };
    if (!schemaItem) {
        await fencedWrite(t, lockId, [{ Delete: { TableName: t.name, Key: (0,util_dynamodb_.marshall)(Key) } }]);
        return;
    }
    const item = (0,util_dynamodb_.marshall)({ ...schemaItem, ...Key }, { removeUndefinedValues: true, convertClassInstanceToMap: true });
    await fencedWrite(t, lockId, [{ Put: { TableName: t.name, Item: item } }]);
}

;// CONCATENATED MODULE: ./src/dynamodb/state/state-store.ts





/**
 * Reads and writes the migration state kept in the table itself, in OneTable Migrate's
 * format: `_migration` records, the `_schema:Current` item, and our own lock and audit log.
 * One object over the parts in this folder, which share one `StateTable` (the client, and
 * DescribeTable read once).
 */
class StateStore {
    t;
    constructor(client, table, options = {}) {
        this.t = new StateTable(client, table, options.environment);
    }
    get client() {
        return this.t.client;
    }
    get table() {
        return this.t.name;
    }
    /** The same store through another client (e.g. one of its own for the heartbeat), sharing what DescribeTable said. */
    withClient(client) {
        const other = new StateStore(client, this.table);
        other.t = this.t.withClient(client);
        return other;
    }
    /**
     * Refuses (RefusedError, exit 2) when this run reaches a replica of a global table other
     * than the home region of the environment's migrations, or DescribeTable contradicts what
     * the manifest says of the table: the lock, records, schema item and log are written only
     * in the home region. Every write of the store checks it first; call it before other
     * writes to the table (a bulk pass), and before a check that must read the home region's
     * copy (`outcome` then says what did not happen).
     */
    assertHomeRegion(outcome) {
        return this.t.assertHomeRegion(outcome);
    }
    /** Key names and size of the table, from DescribeTable (read once). */
    describe() {
        return this.t.describe();
    }
    keys() {
        return this.t.keys();
    }
    /** Everything the planner needs: records, lock, schema item, table size. */
    async readState() {
        const d = await this.describe();
        const [records, lock, schema] = await Promise.all([this.readRecords(), this.readLock(), this.readSchema()]);
        return {
            table: this.table,
            keys: d.keys,
            records,
            lock,
            schema,
            itemCount: d.itemCount,
            sizeBytes: d.sizeBytes,
            capacity: d.capacity,
            region: d.region,
            global: d.global,
        };
    }
    /** All `_migration` records, oldest first (records.ts). */
    readRecords() {
        return readRecords(this.t);
    }
    /** The `_schema:Current` item without its key, if any (schema-item.ts). */
    readSchema() {
        return readSchema(this.t);
    }
    /** The lock, if any; CorruptStateError for a lock item of an unknown format (lock.ts). */
    readLock() {
        return readLock(this.t);
    }
    /** Takes the lock, or takes over one whose lease has expired; LockHeldError naming the holder (lock.ts). */
    acquireLock(opts) {
        return acquireLock(this.t, opts);
    }
    /** Extends our lease; LockLostError if another run has taken the lock over (lock.ts). */
    renewLock(lockId, leaseMs) {
        return renewLock(this.t, lockId, leaseMs);
    }
    /** Deletes the lock if it is still ours (lock.ts). */
    releaseLock(lockId) {
        return releaseLock(this.t, lockId);
    }
    /** `unlock <lock-id>`: removes a lock only when the caller names it (lock.ts). */
    forceUnlock(lockId) {
        return forceUnlock(this.t, lockId);
    }
    /**
     * Writes a `_migration` record, fenced by `lockId` when given; `replace` overwrites the record
     * of the same version and date (records.ts).
     */
    writeRecord(rec, lockId, opts = {}) {
        return writeRecord(this.t, rec, lockId, opts);
    }
    /** Deletes every record of a version (but `except`, a record's key), as OneTable's down does (records.ts). */
    deleteVersionRecords(version, lockId, opts = {}) {
        return deleteVersionRecords(this.t, version, lockId, opts);
    }
    /** Deletes every `_migration` record (reset; records.ts). */
    deleteAllRecords(lockId) {
        return deleteAllRecords(this.t, lockId);
    }
    /** Overwrites the `_schema:Current` item, or deletes it when undefined; fenced (schema-item.ts). */
    writeSchema(schemaItem, lockId) {
        return writeSchema(this.t, schemaItem, lockId);
    }
    /** Appends to the audit log, which is never deleted (audit-log.ts). */
    appendLog(entry) {
        return appendLog(this.t, entry);
    }
    /** The audit log, newest first (audit-log.ts). */
    readLog(limit) {
        return readLog(this.t, limit);
    }
}

;// CONCATENATED MODULE: ./src/runner/step/audit.ts
/** The audit log entry for an event; every writer of the log goes through this. */
function auditEntry(e, source, at) {
    return {
        at,
        runId: e.runId,
        actor: source.actor,
        command: e.plan?.command ?? e.event,
        environment: source.environment,
        event: e.event,
        outcome: e.outcome,
        versions: e.versions ?? e.plan?.steps.map((s) => `${s.direction} ${s.version}`),
        message: [e.message, e.recoveryPoint ? `recovery point: ${e.recoveryPoint}` : undefined].filter(Boolean).join('; ') ||
            undefined,
        reason: e.reason,
        runUrl: source.runUrl,
        gitSha: source.gitSha,
        planHash: e.plan?.hash ?? e.planHash,
    };
}

;// CONCATENATED MODULE: ./src/runner/step/ledger.ts






/** The status an incomplete step's record carries. */
const INCOMPLETE_STATUS = 'incomplete: stopped at a checkpoint before the time budget ran out; resume to continue';
/** The ledger of a run that holds the lock: every write is conditioned on the lock id (fencing). */
class TableLedger {
    o;
    constructor(o) {
        this.o = o;
    }
    /** The step's data engine: the same for its work and for its bookkeeping (checkpoints, attempt id). */
    async stepData(step, override = {}) {
        const { o } = this;
        return createStepData({ client: o.dataClient, table: o.store.table, keys: await o.store.keys(), log: o.log }, step, { ...o.settings, ...override }, { signal: o.signal });
    }
    /**
     * A new attempt of the step (unless it resumes one), then its "running" record: a run that
     * dies inside the step leaves that record, so the next run reports the step as interrupted
     * (resume or repair) instead of silently running a non-idempotent step twice. The attempt is
     * started first: a run that dies in between leaves the state as it was.
     */
    async begin(step) {
        const { o } = this;
        const m = migrationOf(o.project, step);
        const data = await this.stepData(step);
        await data.start();
        const rec = await o.store.writeRecord({
            ...this.common(m),
            version: step.version,
            direction: step.direction,
            status: runningStatus(o.settings.actor, o.now(), o.lockId),
        }, o.lockId);
        return { date: rec.date, data };
    }
    /** The ticket of a step begun by an earlier call (a controller's dm:step start). */
    async resumeTicket(step, date) {
        return { date, data: await this.stepData(step) };
    }
    async finish(step, ticket, outcome) {
        const { o } = this;
        const m = migrationOf(o.project, step);
        const record = { ...this.common(m), date: ticket.date, durationMs: outcome.durationMs, counts: outcome.counts };
        const versions = [`${step.direction} ${step.version}`];
        if (outcome.status === 'incomplete') {
            await o.store.writeRecord({ ...record, version: step.version, direction: step.direction, status: INCOMPLETE_STATUS }, o.lockId, { replace: true });
            return;
        }
        if (outcome.status === 'failed') {
            const message = outcome.message || 'failed';
            const checkpointed = outcome.checkpointed === true ? { checkpointed: true } : {};
            await o.store
                .writeRecord({ ...record, ...checkpointed, version: step.version, direction: step.direction, status: message }, o.lockId, { replace: true })
                .catch((e) => o.log.error(`Could not record the failure: ${(0,errors/* messageOf */.bD)(e)}`));
            await this.audit({ runId: o.runId, event: 'step', outcome: 'failed', versions, message, planHash: o.planHash });
            return;
        }
        await this.recordSuccess(step, m, record);
        // The step is recorded: failing to tidy its checkpoints must not fail the run.
        await ticket.data
            .complete()
            .catch((e) => o.log.warn(`${step.version}: could not delete its checkpoints (${(0,errors/* messageOf */.bD)(e)}); they are left in the table.`));
        await this.audit({ runId: o.runId, event: 'step', outcome: 'applied', versions, planHash: o.planHash });
    }
    audit(e) {
        const { o } = this;
        return o.store.appendLog(auditEntry(e, { ...o.settings, environment: o.environment }, o.now()));
    }
    /** OneTable's records for a successful step, and `_schema:Current` kept in step. */
    async recordSuccess(step, m, record) {
        const { o } = this;
        if (step.kind === 'reset') {
            // OneTable's reset: drop the history, then record every semver migration as applied.
            await o.store.deleteAllRecords(o.lockId);
            const { date: _date, ...fresh } = record;
            for (const v of o.project.migrations) {
                await o.store.writeRecord({
                    ...fresh,
                    path: v.path,
                    description: v.description,
                    checksum: v.checksum,
                    sources: v.sources,
                    version: v.version,
                    status: SUCCESS,
                    direction: 'up',
                }, o.lockId);
            }
            await o.store.writeSchema(this.schemaItem(o.project.migrations.at(-1)?.schema ?? m.schema), o.lockId);
            return;
        }
        if (step.direction === 'up') {
            // The outcome replaces the step's "running" record (same key).
            const written = await o.store.writeRecord({ ...record, version: step.version, direction: 'up', status: SUCCESS }, o.lockId, { replace: true });
            // An applied version has one record, as OneTable's tools expect (its CLI reverts once per record):
            // a repeat or a resume replaces the earlier attempts' records. Every run stays in the audit log.
            await o.store.deleteVersionRecords(step.version, o.lockId, { except: written.key });
            if (m.schema)
                await o.store.writeSchema(this.schemaItem(m.schema), o.lockId);
            return;
        }
        // A successful down removes the version's records and restores the new current version's schema.
        await o.store.deleteVersionRecords(step.version, o.lockId);
        await this.restoreSchema();
    }
    /**
     * `repair --mark applied`: records the version applied as its file is now, without running it
     * (the reason kept on the record), and its schema when it is (or becomes) the current version.
     */
    async markApplied(m, reason, currentVersion) {
        const { o } = this;
        await o.store.writeRecord({ ...this.common(m), version: m.version, status: SUCCESS, direction: 'up', repairedReason: reason }, o.lockId);
        if (m.schema && compareVersions(m.version, currentVersion) >= 0)
            await o.store.writeSchema(this.schemaItem(m.schema), o.lockId);
    }
    /** `repair --mark reverted`: removes the version's records, without running its down. */
    async markReverted(version) {
        await this.o.store.deleteVersionRecords(version, this.o.lockId);
        await this.restoreSchema();
    }
    /** `_schema:Current` of the version the records now say is current (none at 0.0.0). */
    async restoreSchema() {
        const { o } = this;
        const now = readHistory(await o.store.readRecords()).currentVersion;
        const schema = now === ZERO ? undefined : o.project.migrations.find((x) => x.version === now)?.schema;
        await o.store.writeSchema(this.schemaItem(schema), o.lockId);
    }
    schemaItem(schema) {
        return schema ? (0,core_schema/* toSchemaItem */.gR)(schema, { now: this.o.now() }) : undefined;
    }
    common(m) {
        const { settings } = this.o;
        return {
            path: m.path,
            description: m.description,
            checksum: m.checksum,
            sources: m.sources,
            actor: settings.actor,
            runUrl: settings.runUrl,
            gitSha: settings.gitSha,
        };
    }
}
/** A step's migration: the reset migration, or the file of its version. */
function migrationOf(project, step) {
    const m = step.kind === 'reset' ? project.reset : project.migrations.find((x) => x.version === step.version);
    if (!m)
        throw new errors/* InputError */.dz(`No migration file for ${step.version}.`);
    return m;
}

// EXTERNAL MODULE: ./src/runner/step/migration-context.ts
var migration_context = __nccwpck_require__(663);
;// CONCATENATED MODULE: ./src/runner/step/migration-body.ts





/**
 * Calling the migration: the one place that knows how a step's up or down, its canary, its
 * `verify` and the undoing of a failed canary are run. A local run, a dry run, the controller's
 * whole-step and segment commands all come through here; runStep (run-step.ts) decides what the
 * result means.
 */
class MigrationBody {
    t;
    constructor(t) {
        this.t = t;
    }
    /**
     * The migration's up or down with its ctx (the step's own file: "has no up function" is
     * decided here). `data` replaces the ctx's data engine (a segment's gated engine).
     */
    async invoke(step, work, o = {}) {
        const m = migrationOf(this.t.project, step);
        const fn = step.direction === 'up' ? m.up : m.down;
        if (!fn)
            throw new errors/* MigrateError */.Oq(`${m.file} has no ${step.direction} function.`);
        const parts = await this.contextParts(step, work);
        await fn((0,migration_context/* migrationContext */.K)(step, {
            ...parts,
            ...(o.data ? { data: o.data } : {}),
            params: { ...parts.params, canary: o.canary },
        }));
    }
    /**
     * A step's work: the migration's up or down, then its `verify`. With a canary (steps up with
     * a verify hook, `canaryPercent` set by the plan, `sample` given): up on the canary's sample,
     * verify on that sample, and only if it passed the rest of the table (the engine takes exactly
     * the items the canary did not), then verify on every item. A failed canary is undone with the
     * step's down, on the same sample, when the step has one.
     */
    async run(step, work, o) {
        const m = migrationOf(this.t.project, step);
        const { signal } = work;
        const attempt = async (data, canary) => {
            try {
                await this.invoke(step, { ...work, data }, { canary });
            }
            catch (e) {
                return {
                    error: signal.aborted ? signal.reason : e,
                    lockLost: signal.aborted,
                    counts: data.counts(),
                    incomplete: data.incomplete(),
                };
            }
            return data.incomplete() ? { counts: data.counts(), incomplete: true } : undefined;
        };
        const verify = async (scope, samplePercent) => {
            const findings = await runHook(m, 'verify', await this.checkContext(step, samplePercent, signal));
            this.t.log.info(`${step.version}: verify on ${scope === 'canary' ? `the ${samplePercent}% canary` : 'every item'}: ${findings.length ? `${findings.length} problem(s)` : 'passed'}`);
            return { hook: 'verify', scope, passed: findings.length === 0, findings };
        };
        const checking = o.verify && m.verify !== undefined;
        const percent = checking && o.sample ? step.canaryPercent : undefined;
        if (percent === undefined) {
            const stopped = await attempt(work.data);
            if (stopped)
                return stopped;
            if (!checking)
                return { counts: work.data.counts(), incomplete: false };
            return checked(work.data.counts(), [await verify('all', undefined)], signal);
        }
        // The canary: the same checkpoint scope and attempt as the step, on `percent` of the items.
        const canaryData = await o.sample(step, percent);
        this.t.log.info(`${step.version}: canary: up on ${percent}% of the items, then verify`);
        const stopped = await attempt(canaryData, { percent, phase: 'canary' });
        if (stopped)
            return stopped;
        const first = await verify('canary', percent);
        if (!first.passed) {
            const canaryReverted = await this.revertCanary(step, m, o.sample, percent, work);
            return { counts: canaryData.counts(), incomplete: false, checks: [first], canaryReverted };
        }
        // The rest: the engine continues from the canary's progress and takes only the items it did not.
        const stoppedRest = await attempt(work.data, { percent, phase: 'rest' });
        const counts = sumCounts(canaryData.counts(), work.data.counts());
        if (stoppedRest)
            return { ...stoppedRest, counts, checks: [first] };
        return checked(counts, [first, await verify('all', undefined)], signal);
    }
    /** Undoes a failed canary with the step's down on the same sample; false when the step has none. */
    async revertCanary(step, m, sample, percent, work) {
        if (!m.down || m.irreversible)
            return false;
        const down = { ...step, direction: 'down', kind: 'migrate' };
        const data = await sample(down, percent);
        this.t.log.warn(`${step.version}: the canary failed verify; undoing it with down on the same ${percent}% of the items`);
        await data.start();
        await this.invoke(down, { ...work, data }, { canary: { percent, phase: 'canary' } });
        // Clears the down's checkpoints and the up's (the canary's progress): the next up starts afresh.
        await data.engine.complete();
        return true;
    }
    /** The `before` hook of a step, on a read-only ctx over every item. */
    async before(step) {
        const m = migrationOf(this.t.project, step);
        return runHook(m, 'before', await this.checkContext(step, undefined, new AbortController().signal));
    }
    /** The read-only ctx of a `before` or `verify` hook: a client that refuses writes, a counting engine without checkpoints. */
    async checkContext(step, samplePercent, signal) {
        const client = this.t.readOnlyClient();
        const engine = (0,bulk/* createDataEngine */.NJ)({
            client,
            table: this.t.table,
            keys: await this.t.keys(),
            dryRun: true,
            samplePercent,
            signal,
            logger: this.t.log,
            progressBar: false,
        });
        const data = {
            engine,
            counts: () => engine.counts(),
            incomplete: () => engine.incomplete(),
            start: async () => undefined,
            complete: async () => undefined,
        };
        const parts = await this.contextParts(step, { data, signal, client });
        return (0,migration_context/* migrationContext */.K)(step, { ...parts, params: { dryRun: true, samplePercent } });
    }
    /** What a step's ctx is made of. */
    async contextParts(step, work) {
        const { project, settings } = this.t;
        const idx = project.migrations.findIndex((x) => x.version === step.version);
        return {
            client: work.client,
            table: this.t.table,
            keys: await this.t.keys(),
            log: this.t.log,
            data: work.data.engine,
            signal: work.signal,
            params: { dryRun: settings.dryRun, samplePercent: settings.samplePercent },
            schema: {
                current: project.migrations[idx]?.schema ?? (step.kind === 'reset' ? project.reset?.schema : undefined),
                previous: idx > 0 ? project.migrations[idx - 1]?.schema : undefined,
            },
        };
    }
}
function checked(counts, checks, signal) {
    if (signal.aborted)
        return { error: signal.reason, lockLost: true, counts, incomplete: false, checks };
    return { counts, incomplete: false, checks };
}
function sumCounts(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return {
        scanned: a.scanned + b.scanned,
        changed: a.changed + b.changed,
        skipped: a.skipped + b.skipped,
        failed: a.failed + b.failed,
    };
}

;// CONCATENATED MODULE: ./src/runner/local/lease.ts



/**
 * Keeps a lock's lease for as long as a run works: a heartbeat renews it every third of the
 * lease, and the run's writes are fenced: past the lease last secured (less a margin for
 * requests in flight) they are refused right before they are sent, whatever the heartbeat has
 * seen, so that a run frozen past its lease and taken over writes nothing more when it wakes.
 *
 * The heartbeat has a DynamoDB client of its own: the run's requests, however many are queued
 * or held up on the run's client, never delay a renewal.
 */
function keepLease(o) {
    const lost = new AbortController();
    let until = o.leaseExpiresAt;
    const margin = Math.min(Math.floor(o.leaseMs / 5), 5000);
    const client = (0,read_only_client/* leaseFencedClient */.j3)(o.store.client, () => {
        if (lost.signal.aborted)
            return lost.signal.reason;
        if (Date.now() < until - margin)
            return undefined;
        lost.abort(new errors/* LockLostError */.yx(`${o.store.table}: this run's lease on lock ${o.lockId} ran out before it could be renewed (the process was paused or cut off); stopped before writing again.`));
        return lost.signal.reason;
    });
    const heartbeatClient = (0,dynamodb_client/* deriveDynamoClient */.$K)(o.store.client);
    const heartbeat = o.store.withClient(heartbeatClient);
    const renew = async () => {
        until = Math.max(until, await heartbeat.renewLock(o.lockId, o.leaseMs));
    };
    const timer = setInterval(() => {
        renew().catch((e) => {
            o.log.error((0,errors/* messageOf */.bD)(e));
            lost.abort(e instanceof errors/* LockLostError */.yx ? e : new errors/* LockLostError */.yx(`lock renewal failed: ${(0,errors/* messageOf */.bD)(e)}`));
        });
    }, Math.max(200, Math.floor(o.leaseMs / 3)));
    timer.unref();
    return {
        signal: lost.signal,
        client,
        renew,
        stop: () => {
            clearInterval(timer);
            client.destroy();
            heartbeatClient.destroy();
        },
    };
}

;// CONCATENATED MODULE: ./src/runner/local/table-backend.ts







/**
 * One environment's table as a run's backend, in this process: the lock, the step ledger, the
 * audit log and the step body, over the table's state store. What the local session runs on,
 * and all the controller's lower-level commands (the lock, a step's records, a segment, a
 * whole step) need: they never reach into a session.
 */
class TableBackend {
    project;
    environment;
    client;
    settings;
    log;
    now;
    store;
    body;
    readOnlyCache;
    constructor(project, environment, client, settings, log, now) {
        this.project = project;
        this.environment = environment;
        this.client = client;
        this.settings = settings;
        this.log = log;
        this.now = now;
        this.store = new StateStore(client, environment.table, { environment });
        const store = this.store;
        this.body = new MigrationBody({
            project,
            table: environment.table,
            keys: () => store.keys(),
            settings,
            log,
            readOnlyClient: () => this.readOnlyClient(),
        });
    }
    get table() {
        return this.environment.table;
    }
    /** The table's client refusing writes, made once: dry runs and check hooks of every step share it. */
    readOnlyClient() {
        this.readOnlyCache ??= (0,read_only_client/* readOnlyClient */.M7)(this.client);
        return this.readOnlyCache;
    }
    /** Takes the lock for this run's actor; throws LockHeldError while another run holds it. */
    acquireLock(command) {
        return this.store.acquireLock({
            owner: this.settings.actor,
            command,
            runUrl: this.settings.runUrl,
            leaseMs: this.settings.leaseMs,
            now: this.now(),
        });
    }
    /** Renews a held lock for the run's lease; throws LockLostError when another run holds it. */
    renewLock(lockId) {
        return this.store.renewLock(lockId, this.settings.leaseMs);
    }
    releaseLock(lockId) {
        return this.store.releaseLock(lockId);
    }
    /** Keeps a held lock's lease while work goes on here (heartbeat, fenced client). */
    hold(lock) {
        return keepLease({
            store: this.store,
            lockId: lock.lockId,
            leaseMs: this.settings.leaseMs,
            leaseExpiresAt: lock.leaseExpiresAt,
            log: this.log,
        });
    }
    /** The step bookkeeping of a run holding `lockId`. */
    ledger(o) {
        return new TableLedger({
            store: this.store,
            project: this.project,
            environment: this.environment.name,
            settings: this.settings,
            lockId: o.lockId,
            runId: o.runId,
            planHash: o.planHash,
            log: this.log,
            now: this.now,
            dataClient: o.dataClient ?? this.client,
            signal: o.signal,
        });
    }
    /** Appends one entry to the audit log. */
    audit(e) {
        return this.store.appendLog(auditEntry(e, { ...this.settings, environment: this.environment.name }, this.now()));
    }
    readRecords() {
        return this.store.readRecords();
    }
    async currentVersion() {
        return readHistory(await this.store.readRecords()).currentVersion;
    }
}

;// CONCATENATED MODULE: ./src/runner/local/local-session.ts











/**
 * An environment run in this process: the lock, records, schema item, checkpoints and audit
 * log are in the table, and the migrations run here. The CLI's default runner, and what a
 * Lambda controller runs inside AWS.
 */
class LocalSession {
    project;
    environment;
    client;
    settings;
    io;
    /** The table as a run's backend: lock, ledger, audit log and step body (what the controller's lower-level commands use too). */
    table;
    now;
    constructor(project, environment, client, settings, io) {
        this.project = project;
        this.environment = environment;
        this.client = client;
        this.settings = settings;
        this.io = io;
        this.now = io.now ?? Date.now;
        this.table = new TableBackend(project, environment, client, settings, io.log, this.now);
    }
    get log() {
        return this.io.log;
    }
    get store() {
        return this.table.store;
    }
    get run() {
        return { settings: this.settings, log: this.log, now: this.now };
    }
    readState() {
        return this.store.readState();
    }
    async plan(input, state) {
        const s = state === null ? undefined : (state ?? (await this.readState()));
        return planMigrations({
            command: input.command,
            environment: this.environment,
            migrations: this.project.migrations,
            reset: this.project.reset,
            state: s,
            version: input.version,
            resume: input.resume,
            now: this.now(),
            canaryPercent: this.settings.canaryPercent,
            writeRate: this.settings.writeRate,
        });
    }
    /** The plan's up steps run in memory on a sample of the table, read-only (see runner/rehearsal). */
    async rehearse(plan, samplePercent) {
        // Eager: kept in the bundle that holds this file instead of a chunk beside it, because the
        // library (dist/lib) must stay one file: a chunk is loaded by a computed import() path, which
        // a bundler of the library (build-controller's ncc) turns into a context of every file there.
        const { rehearsePlan } = await Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 378));
        return rehearsePlan(plan, { client: this.client, table: this.environment.table, project: this.project, log: this.log }, samplePercent);
    }
    async status() {
        const state = await this.readState();
        return buildStatus(state, this.project.migrations, await this.plan({ command: 'apply' }, state), this.now());
    }
    apply(plan, options = {}) {
        const { table } = this;
        if (this.settings.dryRun) {
            const signal = new AbortController().signal;
            return dryRunPlan(plan, {
                before: (step) => table.body.before(step),
                ledger: {
                    // Writes nothing in a dry run; a fresh step's `once` passes then count as a fresh attempt would.
                    begin: async (step) => {
                        const data = createStepData({ client: this.client, table: table.table, keys: await this.store.keys(), log: this.log }, step, this.settings, { signal });
                        await data.start();
                        return { date: 0, data };
                    },
                    finish: async () => undefined,
                },
                // A dry run changes nothing, so there is nothing for verify to check.
                body: (step, ticket) => table.body.run(step, { data: ticket.data, signal, client: table.readOnlyClient() }, { verify: false }),
            }, this.run);
        }
        return runPlan(plan, options, this.backend(), this.run);
    }
    /** The table as a run's backend: lock, plans, records and audit log all here. */
    backend() {
        const { table } = this;
        let lease;
        return {
            acquireLock: (command) => table.acquireLock(command),
            // Heartbeat (on a client of its own) and fencing: the steps' writes go through lease.client.
            hold: (lock) => (lease = table.hold(lock)),
            releaseLock: (lockId) => table.releaseLock(lockId),
            plan: (input) => this.plan(input),
            audit: (e) => table.audit(e),
            steps: ({ lockId, runId, plan }) => {
                const held = lease;
                const ledger = table.ledger({
                    lockId,
                    runId,
                    planHash: plan.hash,
                    dataClient: held.client,
                    signal: held.signal,
                });
                return {
                    ledger,
                    before: (step) => table.body.before(step),
                    body: (step, ticket) => table.body.run(step, { data: ticket.data, signal: held.signal, client: held.client }, { verify: true, sample: (s, percent) => ledger.stepData(s, { samplePercent: percent }) }),
                };
            },
            currentVersion: () => table.currentVersion(),
        };
    }
    async unlock(lockId, reason) {
        const held = await this.store.forceUnlock(lockId);
        await this.table.audit({
            runId: (0,external_node_crypto_.randomUUID)(),
            event: 'unlock',
            outcome: 'unlocked',
            message: `removed lock ${lockId} held by ${held.owner} (${held.command})`,
            reason,
        });
    }
    /**
     * `repair`: marks a version applied (accepting its current file and checksum) or reverted
     * (removing its records) without running it. The reason goes to the audit log.
     */
    async repair(input) {
        if (!input.reason?.trim())
            throw new errors/* InputError */.dz('repair needs --reason "<why>": it is recorded in the audit log.');
        if (input.mark !== 'applied' && input.mark !== 'reverted')
            throw new errors/* InputError */.dz(`repair --mark must be applied or reverted, got "${input.mark}".`);
        const m = this.project.migrations.find((x) => x.version === input.version);
        const state = await this.readState();
        const known = state.records.some((r) => r.version === input.version);
        if (!m && !(input.mark === 'reverted' && known)) {
            throw new errors/* InputError */.dz(`repair --version ${input.version}: no migration file and no record of that version.`);
        }
        if (this.settings.dryRun)
            return `dry run: would mark ${input.version} ${input.mark}`;
        const { table } = this;
        const lock = await acquireWithWait(() => table.acquireLock('repair'), this.run);
        try {
            const ledger = table.ledger({ lockId: lock.lockId, runId: (0,external_node_crypto_.randomUUID)(), planHash: '' });
            if (input.mark === 'applied')
                await ledger.markApplied(m, input.reason, readHistory(state.records).currentVersion);
            else
                await ledger.markReverted(input.version);
            const message = `marked ${input.version} ${input.mark}`;
            await table.audit({
                runId: (0,external_node_crypto_.randomUUID)(),
                event: 'repair',
                outcome: input.mark,
                versions: [input.version],
                message,
                reason: input.reason,
            });
            return message;
        }
        finally {
            await table.releaseLock(lock.lockId);
        }
    }
    /**
     * Scheduled drift check: reads the table, plans, validates the data when the environment asks
     * for it (at no more than the run's read rate), and applies the rules of core/drift.ts.
     */
    async drift() {
        const state = await this.readState();
        const plan = await this.plan({ command: 'apply' }, state);
        const now = this.now();
        const asked = driftValidation(this.environment.validate, state);
        const validation = asked
            ? await this.validate({ samplePercent: asked.samplePercent, readRate: this.settings.readRate })
            : undefined;
        const findings = driftFindings({
            state,
            plan,
            schema: this.project.migrations.find((m) => m.version === plan.currentVersion)?.schema,
            now,
            validation,
        });
        return driftReport(this.environment.name, plan, findings, validation);
    }
    readLog(limit) {
        return this.store.readLog(limit);
    }
    async validate(options) {
        // A global table is validated in its home region: other replicas converge to it after replication.
        await this.store.assertHomeRegion("validate reads the home region's copy only (the other replicas converge to it); nothing was validated.");
        const schema = await this.schemaToValidate(options.version);
        return validateTable({
            client: this.client,
            table: this.environment.table,
            keys: await this.store.keys(),
            schema,
            options,
            log: this.log,
        });
    }
    /** The schema `validate` checks against: a version's, else the one stored in the table. */
    async schemaToValidate(version, stored) {
        if (version) {
            const m = this.project.migrations.find((x) => x.version === version);
            if (!m)
                throw new errors/* InputError */.dz(`validate --version ${version}: no migration file for that version.`);
            if (!m.schema)
                throw new errors/* InputError */.dz(`validate --version ${version}: ${m.file} declares no schema.`);
            return m.schema;
        }
        const schema = stored ?? (await this.readState()).schema;
        if (!schema) {
            throw new errors/* InputError */.dz(`${this.environment.table} has no _schema item to validate against: pass --version <version> to check against a migration's schema.`);
        }
        return schema;
    }
    ensureRecoveryPoint(mode, backupName) {
        return ensureRecoveryPoint(this.client, this.environment.table, mode, { backupName });
    }
}

;// CONCATENATED MODULE: ./src/controller/protocol.ts
/** OneTable's commands, as its Controller names them. */
const ONETABLE_COMMANDS = (/* unused pure expression or super */ null && ([
    'apply',
    'getCurrentVersion',
    'getNamedVersions',
    'getOutstandingVersions',
    'getOutstandingMigrations',
    'getPastMigrations',
    'getPastVersions',
]));
/** Our commands. */
const DM = {
    status: 'dm:status',
    plan: 'dm:plan',
    /** Runs a whole plan inside the controller (lock, steps, records), as the local runner does. */
    apply: 'dm:apply',
    unlock: 'dm:unlock',
    repair: 'dm:repair',
    log: 'dm:log',
    drift: 'dm:drift',
    /** Fan-out: a coordinator outside drives the run; these are its lock, its audit entries and its steps' bookkeeping. */
    lock: 'dm:lock',
    renew: 'dm:renew',
    release: 'dm:release',
    audit: 'dm:audit',
    /** Fan-out: a step's ledger: phase start (new attempt, "running" record) or end (its outcome). */
    step: 'dm:step',
    /** Fan-out: run one scan segment of one pass of a step (pass 0: run the step until its first pass). */
    segment: 'dm:segment',
    /** A whole step's work under the caller's lock (up or down, canary, verify); invoked again while it stops at a checkpoint. */
    body: 'dm:body',
    /** A step's `before` hook, read-only: its findings. */
    before: 'dm:before',
    /**
     * Step Functions: the last state of a fanned-out step's execution: its outcome recorded (counts
     * from the segments' checkpoints), the lock released. Also what `stop` calls after StopExecution.
     */
    conclude: 'dm:conclude',
    /** Step Functions: a running step's progress from its segments' checkpoints (read-only). */
    progress: 'dm:progress',
};

;// CONCATENATED MODULE: ./src/controller/execution-commands.ts




/**
 * The commands a fanned-out step's Step Functions execution ends with, and what its caller
 * watches it with. The execution begins the step (dm:step start), runs pass 0 and each segment
 * of each bulk pass (dm:segment) and ends here: the outcome recorded and the lock released by the
 * execution itself, so a step ends recorded and unlocked whether or not anyone still waits on it.
 */
const executionCommands = {
    async [DM.conclude](c) {
        const a = c.args;
        if (c.dryRun)
            throw new errors/* InputError */.dz('dm:conclude records a step and cannot run dry.');
        if (!a.step || !a.lockId || !a.result || typeof a.startedAt !== 'number')
            throw new errors/* InputError */.dz('dm:conclude needs args.step, args.lockId, args.startedAt and args.result.');
        const t = c.table();
        const counts = totalOf(await progressOf(t, a.step));
        const durationMs = Math.max(0, c.now() - a.startedAt);
        // A failed segment kept its error: the Map's own says only that a child failed.
        const checkpoints = await checkpointsOf(t, a.step);
        const segmentFailure = a.result.status === 'failed' ? await checkpoints.failure() : undefined;
        const outcome = outcomeOf(segmentFailure ? { status: 'failed', error: segmentFailure.message } : a.result, counts, durationMs);
        if (segmentFailure?.checkpointed)
            outcome.checkpointed = true;
        // Date 0: the execution failed before its first state began the step; nothing to record.
        const date = a.ticket ? a.ticket.date : await runningRecordDate(t, a.step.version, a.lockId);
        if (date) {
            const ledger = t.ledger({ lockId: a.lockId, runId: a.runId ?? '', planHash: a.planHash ?? '' });
            await ledger.finish(a.step, await ledger.resumeTicket(a.step, date), outcome);
        }
        // Recorded: a resume of this attempt must not report this failure again.
        if (segmentFailure)
            await checkpoints.clearFailure();
        // The lock goes with the step: the caller, if it still waits, takes it again for the steps after.
        await t.releaseLock(a.lockId).catch((e) => c.log.warn(`Could not release lock ${a.lockId}: ${(0,errors/* messageOf */.bD)(e)}`));
        const status = outcome.status === 'success' ? 'applied' : outcome.status;
        return {
            status,
            error: outcome.message,
            ...(outcome.checkpointed ? { checkpointed: true } : {}),
            counts,
            durationMs,
            currentVersion: await t.currentVersion(),
        };
    },
    async [DM.progress](c) {
        const a = c.args;
        if (!a.step)
            throw new errors/* InputError */.dz('dm:progress needs args.step.');
        // A watch reads this every few seconds: eventually consistent, half the read units (docs/scale.md).
        return { passes: await progressOf(c.table(), a.step, { consistent: false }) };
    },
};
/** The date of the step's "running" record written under `lockId`, if there is one. */
async function runningRecordDate(t, version, lockId) {
    const mine = (await t.readRecords()).filter((r) => r.version === version && isRunningStatus(r.status) && r.status.endsWith(` under lock ${lockId}`));
    return mine.sort((x, y) => y.date - x.date)[0]?.date;
}
async function checkpointsOf(t, step) {
    return new bulk/* CheckpointStore */.cb(t.client, t.table, await t.store.keys(), `${step.version}:${step.direction}`);
}
async function progressOf(t, step, opts = {}) {
    return (await checkpointsOf(t, step)).progress(opts);
}
function totalOf(passes) {
    if (!passes.length)
        return undefined;
    const total = { scanned: 0, changed: 0, skipped: 0, failed: 0 };
    for (const p of passes)
        for (const k of Object.keys(total))
            total[k] += p.counts[k];
    return total;
}
function outcomeOf(r, counts, durationMs) {
    if (r.status === 'done')
        return { status: 'success', counts, durationMs };
    if (r.status === 'stopped')
        return { status: 'incomplete', counts, durationMs };
    return { status: 'failed', message: errorMessage(r.error), counts, durationMs };
}
/**
 * The message of an error as Step Functions hands it over: a function's error arrives as
 * `{Error: errorType, Cause: '{"errorMessage": ...}'}`, a state's own as `{Error, Cause: text}`.
 */
function errorMessage(e) {
    if (!e)
        return 'failed';
    if (typeof e === 'string')
        return e;
    const cause = e.Cause ?? '';
    try {
        const parsed = JSON.parse(cause);
        if (typeof parsed.errorMessage === 'string' && parsed.errorMessage)
            return parsed.errorMessage;
    }
    catch {
        /* a plain text cause */
    }
    if (e.Error === 'States.ExceedToleratedFailureThreshold')
        return `a segment failed (${cause || e.Error}): its child execution in the Map Run shows why`;
    return cause || e.Error || 'failed';
}

;// CONCATENATED MODULE: ./src/controller/fan-out-commands.ts




/**
 * The controller's side of a run driven by its caller (the action or the CLI), which runs the
 * plan with runPlan and this controller as its backend: the lock (dm:lock, dm:renew,
 * dm:release), the audit log (dm:audit), each step's `before` hook (dm:before) and ledger
 * (dm:step: the same TableLedger a local run writes with), and each step's work: whole in one
 * invocation (dm:body, the same step body as a local run, invoked again while it stops at a
 * checkpoint), or its bulk passes as many dm:segment invocations, one scan
 * segment each. Every write here is fenced by the coordinator's lock id.
 */
const fanOutCommands = {
    async [DM.lock](c) {
        const a = c.args;
        if (c.dryRun)
            throw new errors/* InputError */.dz('dm:lock takes the lock and cannot run dry: use dm:apply with dry: true.');
        const lock = await c.table().acquireLock(a.command ?? 'apply');
        return { lockId: lock.lockId, leaseExpiresAt: lock.leaseExpiresAt };
    },
    async [DM.renew](c) {
        return { leaseExpiresAt: await c.table().renewLock(lockIdOf(c, DM.renew)) };
    },
    async [DM.release](c) {
        const lockId = lockIdOf(c, DM.release);
        await c.table().releaseLock(lockId);
        return { released: lockId };
    },
    async [DM.audit](c) {
        const a = c.args;
        if (!a.event || typeof a.event.event !== 'string')
            throw new errors/* InputError */.dz('dm:audit needs args.event {runId, event, outcome}.');
        await c.table().audit(a.event);
        return { logged: a.event.event };
    },
    async [DM.step](c) {
        const a = c.args;
        if (!a.step || !a.lockId)
            throw new errors/* InputError */.dz('dm:step needs args.step and args.lockId.');
        const t = c.table();
        await t.renewLock(a.lockId);
        const ledger = t.ledger({ lockId: a.lockId, runId: a.runId, planHash: a.planHash });
        if (a.phase === 'start')
            return { date: (await ledger.begin(a.step)).date };
        if (a.phase !== 'end' || !a.outcome || typeof a.date !== 'number') {
            throw new errors/* InputError */.dz('dm:step needs phase "start", or phase "end" with the outcome and the date the start phase returned.');
        }
        await ledger.finish(a.step, await ledger.resumeTicket(a.step, a.date), a.outcome);
        return { recorded: a.outcome.status, currentVersion: await t.currentVersion() };
    },
    async [DM.before](c) {
        const a = c.args;
        if (!a.step)
            throw new errors/* InputError */.dz('dm:before needs args.step.');
        return { findings: await c.table().body.before(a.step) };
    },
    async [DM.body](c) {
        const a = c.args;
        if (c.dryRun)
            throw new errors/* InputError */.dz('dm:body cannot run dry: dry runs use dm:apply with dry: true.');
        if (!a.step || !a.lockId)
            throw new errors/* InputError */.dz('dm:body needs args.step and args.lockId.');
        const t = c.table();
        return underLease(t, a.lockId, async (lease) => {
            // The caller's dm:step started the attempt; this invocation (and any after it) only continues it.
            const ledger = t.ledger({
                lockId: a.lockId,
                runId: '',
                planHash: '',
                dataClient: lease.client,
                signal: lease.signal,
            });
            const ticket = await ledger.resumeTicket(a.step, 0);
            const r = await t.body.run(a.step, { data: ticket.data, signal: lease.signal, client: lease.client }, { verify: true, sample: (s, percent) => ledger.stepData(s, { samplePercent: percent }) });
            const common = { counts: r.counts, checks: r.checks, canaryReverted: r.canaryReverted };
            if (r.incomplete && (r.error === undefined || (0,bulk/* isPassIncomplete */._S)(r.error)))
                return { status: 'incomplete', ...common };
            if (r.error !== undefined)
                return {
                    status: 'failed',
                    error: (0,errors/* messageOf */.bD)(r.error) || 'failed',
                    lockLost: r.lockLost === true,
                    ...((0,bulk/* isPassFailed */.TF)(r.error) ? { checkpointed: true } : {}),
                    ...common,
                };
            return { status: 'done', ...common };
        });
    },
    async [DM.segment](c) {
        const a = c.args;
        if (c.dryRun)
            throw new errors/* InputError */.dz('dm:segment cannot run dry: dry runs use dm:apply with dry: true.');
        if (!a.step)
            throw new errors/* InputError */.dz('dm:segment needs args.step.');
        if (!Number.isInteger(a.pass) || a.pass < 0)
            throw new errors/* InputError */.dz(`dm:segment: pass must be 0 or more, got ${a.pass}.`);
        if (!Number.isInteger(a.totalSegments) || a.totalSegments < 1)
            throw new errors/* InputError */.dz(`dm:segment: totalSegments must be 1 or more, got ${a.totalSegments}.`);
        if (!Number.isInteger(a.segment) || a.segment < 0 || a.segment >= a.totalSegments) {
            throw new errors/* InputError */.dz(`dm:segment: segment must be in 0..${a.totalSegments - 1}, got ${a.segment}.`);
        }
        const t = c.table();
        return underLease(t, a.lockId, (lease) => runSegment(t, a, lease));
    },
};
function lockIdOf(c, cmd) {
    const { lockId } = c.args;
    if (typeof lockId !== 'string' || !lockId)
        throw new errors/* InputError */.dz(`${cmd} needs args.lockId.`);
    return lockId;
}
/**
 * Fencing: an invocation works only while the caller's lock is live, and keeps it so (heartbeat
 * on a client of its own; its writes refused once the lease may have run out).
 */
async function underLease(t, lockId, work) {
    const leaseExpiresAt = await t.renewLock(lockId);
    const lease = t.hold({ lockId, leaseExpiresAt });
    try {
        return await work(lease);
    }
    finally {
        lease.stop();
    }
}
/** Thrown into the migration to stop it where this invocation's share of the step ends. */
class StopAtPass extends Error {
    reason;
    constructor(reason) {
        super(`stopped at the next bulk pass (${reason})`);
        this.reason = reason;
    }
}
/**
 * One segment of one pass of a step: the migration runs as in a local run (same ctx, same
 * data engine settings), but every bulk pass before this one is skipped, this one runs only
 * this scan segment, and the migration is stopped at the next.
 */
async function runSegment(t, a, lease) {
    const { signal, client } = lease;
    const step = a.step;
    // The caller's dm:step starts the attempt and deletes the checkpoints; a segment only uses them.
    const data = createStepData({ client, table: t.table, keys: await t.store.keys(), log: t.log }, step, t.settings, {
        signal,
        progressBar: false,
    });
    const engine = data.engine;
    let passNo = 0;
    let target;
    const segments = { total: a.totalSegments, only: [a.segment] };
    const transform = async (selection, fn, options = {}) => {
        passNo++;
        if (a.pass === 0)
            throw new StopAtPass('fan-out');
        if (passNo > a.pass)
            throw new StopAtPass('next-pass');
        // Names are fixed by position, so every invocation of every segment agrees on each pass's checkpoints.
        const name = options.name ?? `pass-${passNo}`;
        if (isQuery(selection) && a.segment !== 0) {
            // A Query of one partition is not split into scan segments: segment 0 runs it alone.
            const skipped = {
                pass: name,
                status: 'complete',
                counts: zero(),
                resumed: false,
                segments,
                durationMs: 0,
                dryRun: false,
            };
            if (passNo === a.pass)
                target = skipped;
            return skipped;
        }
        const result = await engine.transform(selection, fn, { ...options, name, segments });
        if (passNo === a.pass)
            target = result;
        return result;
    };
    const gated = {
        ...engine,
        transform,
        forEach: (selection, fn, options) => transform(selection, async (item) => {
            await fn(item);
            return undefined;
        }, options),
    };
    try {
        await t.body.invoke(step, { data, signal, client }, { data: gated });
    }
    catch (e) {
        if (e instanceof StopAtPass) {
            return e.reason === 'fan-out'
                ? { status: 'fan-out' }
                : { status: 'done', counts: target?.counts, nextPass: true };
        }
        if ((0,bulk/* isPassIncomplete */._S)(e))
            return { status: 'incomplete', counts: e.counts };
        if (signal.aborted)
            throw signal.reason;
        const error = (0,errors/* messageOf */.bD)(e) || 'failed';
        // Kept for the step's outcome: a Distributed Map tells only that one of its children failed.
        // Failed items of the pass stopped it at its checkpoints: a resume continues from them.
        await new bulk/* CheckpointStore */.cb(client, t.table, await t.store.keys(), `${step.version}:${step.direction}`, signal)
            .recordFailure(error, { checkpointed: (0,bulk/* isPassFailed */.TF)(e) })
            .catch((x) => t.log.warn(`Could not keep the failure of segment ${a.segment}: ${(0,errors/* messageOf */.bD)(x)}`));
        return { status: 'failed', error, counts: target?.counts };
    }
    // The migration returned: pass 0 means the step had no bulk pass and is done; pass n was its last.
    if (a.pass === 0)
        return { status: 'done', stepDone: true, counts: engine.counts() };
    return { status: 'done', counts: target?.counts ?? zero(), nextPass: false };
}
function isQuery(selection) {
    return selection.partition !== undefined;
}
function zero() {
    return { scanned: 0, changed: 0, skipped: 0, failed: 0 };
}

;// CONCATENATED MODULE: ./src/controller/onetable.ts




/**
 * OneTable Migrate's read API, computed from our records exactly as OneTable computes it, so
 * OneTable's CLI and SenseDeep's migration manager see the answers they expect.
 */
const oneTableReads = {
    /** Highest semver among all records (failed ones included), else 0.0.0. */
    async getCurrentVersion(session) {
        return readHistory(await session.readRecords()).currentVersion;
    },
    /** Semver versions of every record, sorted (duplicates kept, as OneTable returns them). */
    async getPastVersions(session) {
        return (await session.readRecords())
            .map((r) => r.version)
            .filter(isVersion)
            .sort(compareVersions);
    },
    /** Every record, named ones included, oldest first; dates as OneTable's Date serialises over JSON. */
    async getPastMigrations(session) {
        return (await session.readRecords()).map(pastMigration);
    },
    /** Semver files with no record at all (gaps below the current version included), up to limit. */
    async getOutstandingVersions(session, limit) {
        const past = new Set((await session.readRecords()).map((r) => r.version));
        return session.project.migrations
            .map((m) => m.version)
            .filter((v) => !past.has(v))
            .slice(0, limitOf(limit));
    },
    /** The outstanding migrations as OneTable's loadMigration returns them, minus the functions JSON drops. */
    async getOutstandingMigrations(session, limit) {
        const versions = await oneTableReads.getOutstandingVersions(session, limit);
        return versions.map((v) => describeMigration(session.project.migrations.find((m) => m.version === v)));
    },
    /** Non-semver migrations: ours has one, `reset`. */
    getNamedVersions(session, limit) {
        return (session.project.reset ? [RESET] : []).slice(0, limitOf(limit));
    },
};
/**
 * Maps OneTable's `apply(action, version)` onto a plan of ours. The resulting current version
 * is what OneTable's CLI expects after the call:
 * - up V: every outstanding version above the current one up to V (`to V`); at or below the
 *   current version it does nothing, as OneTable does.
 * - down V: reverts V, which must be the current version. OneTable's CLI reverts one version per
 *   call, naming the current one (for `onetable <lower version>`, one call per past record above
 *   it, each naming the record object): a down naming anything else would revert something
 *   else, so it is refused with nothing written.
 * - repeat V: re-runs the current version's up (V, when given, must be it).
 * - reset: our reset (allow-reset is still required).
 * The version is never guessed: a missing one (for up and down), or one that is not a semver
 * string (or a past-migration object holding one), is bad input.
 */
async function planOneTableApply(session, action, version) {
    const a = normalizeAction(action);
    const v = versionOf(a, version);
    const state = await session.readState();
    const current = readHistory(state.records).currentVersion;
    switch (a) {
        case 'up': {
            // At or below the current version: nothing to do, as in OneTable.
            const target = v !== undefined && compareVersions(v, current) > 0 ? v : current;
            return { plan: await session.plan({ command: 'to', version: target }, state), command: 'to' };
        }
        case 'down':
            if (v !== current) {
                throw new errors/* InputError */.dz(`apply down ${v}: the table is at ${current}, and a down reverts only the current version; nothing was reverted or written. Name ${current} to revert it.`);
            }
            return { plan: await session.plan({ command: 'down' }, state), command: 'down' };
        case 'repeat':
            if (v !== undefined && v !== current) {
                throw new errors/* InputError */.dz(`apply repeat ${v}: the table is at ${current}, and repeat re-runs only the current version; nothing was run or written.`);
            }
            return { plan: await session.plan({ command: 'repeat' }, state), command: 'repeat' };
        case 'reset':
            return { plan: await session.plan({ command: 'reset' }, state), command: 'reset' };
    }
}
/**
 * The version an apply names: a semver string, or a past-migration record (what OneTable's CLI
 * sends for a down to a version) read as its `version`. reset takes `reset`, `latest` or none;
 * repeat may name none (the current version).
 */
function versionOf(action, version) {
    const given = version !== null && typeof version === 'object' && 'version' in version
        ? version.version
        : version;
    const none = given === undefined || given === null || given === '';
    if (action === 'reset') {
        if (none || given === RESET || given === 'latest')
            return undefined;
        throw new errors/* InputError */.dz(`apply reset: version ${describeValue(version)} is not reset (or latest); nothing was run or written.`);
    }
    if (action === 'repeat' && none)
        return undefined;
    if (typeof given !== 'string' || !isVersion(given)) {
        throw new errors/* InputError */.dz(`apply ${action}: version ${describeValue(version)} is not a semver version (expected e.g. "1.2.0", or a past migration {version: "1.2.0", ...}); nothing was run or written.`);
    }
    return given;
}
function describeValue(v) {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
/**
 * What OneTable's apply returns, minus the functions JSON drops: the last version run up, or
 * for a down the version that was current before (OneTable's CLI prints "Downgrade from" it).
 */
function oneTableApplyResult(session, report, planned) {
    const steps = report.plan.steps;
    const step = steps.find((s) => s.direction === 'down') ?? steps.at(-1);
    const version = step?.version ?? report.plan.targetVersion;
    const m = step?.kind === 'reset' ? session.project.reset : session.project.migrations.find((x) => x.version === version);
    const result = m ? describeMigration(m) : { version, description: '', path: '' };
    if (report.status !== 'dry-run')
        return result;
    // A dry run wrote nothing: say so, and what would have run.
    return {
        ...result,
        dry: true,
        wouldRun: planned.steps.map((s) => `${s.kind === 'migrate' ? s.direction : s.kind} ${s.version}`),
    };
}
/** Throws when a report is not a success: OneTable's callers learn of failures by the Lambda error. */
function assertSucceeded(report) {
    if (exitCodeOfReport(report) === 0)
        return;
    const message = [report.error ?? `apply ${report.status}`, report.next].filter(Boolean).join(' ');
    const failed = report.steps.find((s) => s.status === 'failed');
    throw report.status === 'blocked'
        ? new errors/* MigrationBlockedError */.XR(message)
        : new errors/* MigrationFailedError */.Yv(message, failed?.version ?? report.plan.targetVersion, failed?.direction ?? 'up');
}
function normalizeAction(action) {
    switch (action) {
        case 'up':
        case 1:
        case '1':
            return 'up';
        case 'down':
        case -1:
        case '-1':
            return 'down';
        case 'reset':
        case 'latest':
        case 0:
        case '0':
            return 'reset';
        case 'repeat':
        case 2:
        case '2':
            return 'repeat';
        default:
            throw new errors/* InputError */.dz(`apply: unknown action ${JSON.stringify(action)} (expected up|1, down|-1, reset|0 or repeat|2; named migrations other than reset are not supported).`);
    }
}
function describeMigration(m) {
    return { version: m.version, description: m.description, path: m.path, schema: m.schema };
}
function pastMigration(r) {
    const { key: _key, ...rest } = r;
    return { ...rest, date: new Date(r.date).toISOString() };
}
function limitOf(limit) {
    return typeof limit === 'number' && limit >= 0 ? limit : Number.MAX_SAFE_INTEGER;
}

;// CONCATENATED MODULE: ./src/controller/index.ts











/**
 * Creates the Lambda controller: a handler that hosts the migrations of a set of tables and
 * speaks OneTable Controller's protocol (`{cmd, config, args, dry}` → `{statusCode: 200, body}`,
 * errors thrown), so OneTable's CLI and SenseDeep's migration manager can drive it, plus our
 * `dm:` commands (status, plan, apply a reviewed plan, and the fan-out of a step's scan
 * segments across invocations).
 *
 *     export const handler = createController({ project: () => projectFromModules(manifest, modules) });
 */
function createController(options) {
    const log = options.log ?? consoleLogger;
    const projects = new Map();
    const clients = new Map();
    const load = (source) => {
        let p = projects.get(source);
        if (!p) {
            p = Promise.resolve(typeof source === 'function' ? source() : source);
            // A failed load is not cached: the next invocation reports it again rather than a stale rejection.
            p.catch(() => projects.delete(source));
            projects.set(source, p);
        }
        return p;
    };
    const resolveTable = async (name) => {
        const entry = options.tables?.[name];
        const source = entry?.project ?? options.project;
        if (!source)
            throw new errors/* InputError */.dz(`No migrations defined for ${name}: the controller serves ${Object.keys(options.tables ?? {}).join(', ') || 'no tables'}.`);
        const project = await load(source);
        const envs = Object.entries(project.manifest.environments);
        const found = entry?.environment
            ? envs.find(([n]) => n === entry.environment)
            : envs.find(([, e]) => e.table === name);
        if (!found) {
            throw new errors/* InputError */.dz(`No migrations defined for ${name}: no environment of ${project.manifestPath} has table: ${name} (tables: ${envs.map(([, e]) => e.table).join(', ')}).`);
        }
        // The controller runs the migrations itself: whatever the manifest says about runners.
        return { project, env: { ...found[1], name: found[0], table: name, runner: 'local' } };
    };
    return async (event, context) => {
        if (!event || typeof event !== 'object')
            throw new errors/* InputError */.dz('Expected an event {cmd, config: {name}, args, dry}.');
        const { cmd } = event;
        const name = event.config?.name;
        if (typeof cmd !== 'string' || !cmd)
            throw new errors/* InputError */.dz('The event has no cmd (expected e.g. {cmd: "getCurrentVersion", config: {name: "<table>"}}).');
        if (typeof name !== 'string' || !name)
            throw new errors/* InputError */.dz(`${cmd}: the event has no config.name (the table name).`);
        const args = (event.args && typeof event.args === 'object' ? event.args : {});
        const params = (args.params && typeof args.params === 'object' ? args.params : {});
        // OneTable's tools put the dry flag in three places, in any truthy form: its Controller reads
        // `event.dry`, its CLI sends `args.params.dry` as "Dry Run: " (and "" when not dry).
        const dryRun = isDry(event.dry) || isDry(args.dry) || isDry(params.dry);
        const { project, env } = await resolveTable(name);
        let client = clients.get(name);
        if (!client) {
            client = options.client ? options.client(name, env) : (0,dynamodb_client/* createDynamoClient */.yG)({ region: env.region });
            clients.set(name, client);
        }
        const now = Date.now;
        const remaining = context?.getRemainingTimeInMillis?.();
        const margin = remaining === undefined ? 0 : Math.min(options.safetyMarginMs ?? 30_000, Math.floor(remaining / 2));
        const settings = settingsFor(cmd, args.settings, env, {
            dryRun,
            now: now(),
            until: remaining === undefined ? undefined : now() + remaining - margin,
            leaseMs: options.leaseMs,
            actor: options.actor ?? `controller:${context?.functionName ?? 'lambda'}`,
        });
        const c = {
            event,
            args,
            dryRun: settings.dryRun,
            deadline: settings.deadline,
            settings,
            log,
            now,
            session: () => new LocalSession(project, env, client, settings, { log, now }),
            table: () => new TableBackend(project, env, client, settings, log, now),
        };
        log.info(`${cmd} ${name}${dryRun ? ' (dry run)' : ''}`);
        const handler = commands[cmd];
        if (!handler) {
            throw new errors/* InputError */.dz(`Unknown command ${cmd}: expected one of ${Object.keys(commands).join(', ')}.`);
        }
        try {
            return { statusCode: 200, body: await handler(c) };
        }
        catch (e) {
            log.error(`${cmd} ${name} failed: ${(0,errors/* messageOf */.bD)(e)}`);
            throw e;
        }
    };
}
const commands = {
    // OneTable Controller's commands.
    async apply(c) {
        const s = c.session();
        const { plan } = await planOneTableApply(s, c.args.action, c.args.version);
        const report = await s.apply(plan, { reason: 'OneTable apply' });
        assertSucceeded(report);
        return oneTableApplyResult(s, report, plan);
    },
    getCurrentVersion: async (c) => oneTableReads.getCurrentVersion(c.table()),
    getNamedVersions: async (c) => oneTableReads.getNamedVersions(c.table(), num(c.args.limit)),
    // The name OneTable's CLI sends for `onetable named` (Migrate renamed it getNamedVersions in 1.2.0).
    getNamedMigrations: async (c) => oneTableReads.getNamedVersions(c.table(), num(c.args.limit)),
    getOutstandingVersions: async (c) => oneTableReads.getOutstandingVersions(c.table(), num(c.args.limit)),
    getOutstandingMigrations: async (c) => oneTableReads.getOutstandingMigrations(c.table(), num(c.args.limit)),
    getPastMigrations: async (c) => oneTableReads.getPastMigrations(c.table()),
    getPastVersions: async (c) => oneTableReads.getPastVersions(c.table()),
    // Ours.
    async [DM.status](c) {
        const s = c.session();
        const state = await s.readState();
        const plan = await s.plan({ command: 'apply' }, state);
        // One read of the table serves all three (status() would read and plan again).
        return { state, plan, status: buildStatus(state, s.project.migrations, plan, c.now()) };
    },
    async [DM.plan](c) {
        const a = c.args;
        return c.session().plan({ command: a.command ?? 'apply', version: a.version, resume: a.resume });
    },
    async [DM.apply](c) {
        const a = c.args;
        const s = c.session();
        const plan = await s.plan({ command: a.command ?? 'apply', version: a.version, resume: a.resume });
        // The reviewed hash (when given) is checked under the lock; without one the plan made here is run.
        return s.apply(plan, {
            expectedHash: a.planHash,
            onPlanChange: a.onPlanChange,
            reason: a.reason,
            recoveryPoint: a.recoveryPoint,
        });
    },
    async [DM.unlock](c) {
        const a = c.args;
        if (!a.lockId)
            throw new errors/* InputError */.dz('dm:unlock needs args.lockId.');
        await c.session().unlock(a.lockId, a.reason);
        return { unlocked: a.lockId };
    },
    async [DM.repair](c) {
        const a = c.args;
        return { message: await c.session().repair(a) };
    },
    async [DM.log](c) {
        return c.session().readLog(num(c.args.limit));
    },
    async [DM.drift](c) {
        return c.session().drift();
    },
    ...fanOutCommands,
    ...executionCommands,
};
/**
 * The run's settings in this invocation: the caller's, resolved once on its side and sent
 * along (over the manifest's and the controller's defaults for any field it leaves out),
 * checked here with the same schema (a bad value is bad input, exit 2 at the caller),
 * and bounded by this invocation's time: bulk passes stop at a checkpoint before it runs out,
 * and a held lock is waited for no longer than it lasts. OneTable's commands send none: the
 * manifest's and the controller's defaults apply.
 */
function settingsFor(cmd, given, env, o) {
    const base = resolveRunSettings(env, { leaseMs: o.leaseMs }, { now: o.now, defaultActor: o.actor });
    // What the caller sent wins field by field (an older caller may send fewer), then it is checked as a whole.
    const s = given === undefined || given === null
        ? base
        : checkRunSettings(typeof given === 'object' ? { ...base, ...given } : given, {
            source: `${cmd}: args.settings`,
        });
    const deadline = o.until === undefined ? s.deadline : s.deadline === undefined ? o.until : Math.min(s.deadline, o.until);
    const lockTimeoutMs = o.until === undefined ? s.lockTimeoutMs : Math.max(0, Math.min(s.lockTimeoutMs, o.until - o.now));
    return { ...s, dryRun: o.dryRun || s.dryRun, deadline, lockTimeoutMs };
}
/**
 * A dry flag as OneTable's tools send it: `true`, or a non-empty string such as "Dry Run: ".
 * Any truthy value counts, as in OneTable Migrate (`if (!options.dry)`): when in doubt, write nothing.
 */
function isDry(v) {
    return Boolean(v);
}
function num(v) {
    return typeof v === 'number'
        ? v
        : typeof v === 'string' && v.trim() && !Number.isNaN(Number(v))
            ? Number(v)
            : undefined;
}
/** CloudWatch takes stdout/stderr lines. */
const consoleLogger = {
    info: (m) => console.log(m),
    warn: (m) => console.warn(m),
    error: (m) => console.error(m),
    debug: (m) => {
        if (process.env.DYNAMODB_MIGRATE_DEBUG)
            console.log(m);
    },
};

// EXTERNAL MODULE: ./src/core/analyzers/findings.ts + 1 modules
var findings = __nccwpck_require__(923);
;// CONCATENATED MODULE: ./src/core/lint.ts



/** The file name without its extension. */
function stemOf(base) {
    return base.replace(/\.(ts|mts|cts|js|mjs|cjs)$/, '');
}
/** Whether a file name starts with the version it declares: `<version>[-slug].<ext>`, or `reset[-slug]`. */
function fileNameMatches(base, version) {
    const stem = stemOf(base);
    const names = version === RESET ? [RESET, LEGACY_RESET] : [version];
    return names.some((n) => stem === n || stem.startsWith(`${n}-`));
}
/** The x.y.z a file name starts with, for messages. */
function versionFromFileName(base) {
    return /^(\d+\.\d+\.\d+)/.exec(stemOf(base))?.[1];
}
/**
 * Checks every loaded migration file and reports every problem at once: load failures, no
 * default export, bad or duplicate versions, file names that disagree with their version,
 * missing `up`, missing `down` on a migration not marked irreversible.
 */
function lintMigrations(files) {
    const problems = [];
    const sources = [];
    let reset;
    const seen = new Map();
    const add = (where, code, message) => problems.push({ where, code, message });
    for (const f of files) {
        const base = f.file.split('/').pop() ?? f.file;
        if (f.loadError !== undefined) {
            add(f.file, 'load-error', `cannot be loaded: ${f.loadError}`);
            continue;
        }
        const m = f.exported;
        if (m === undefined || m === null || typeof m !== 'object') {
            add(f.file, 'no-default-export', 'has no default export: export default defineMigration({ version, description, up, down })');
            continue;
        }
        const def = m;
        const before = problems.length;
        let version = def.version;
        if (version === LEGACY_RESET)
            version = RESET;
        if (typeof version !== 'string' || !version) {
            add(f.file, 'no-version', 'has no "version" property: add version: "x.y.z" matching the file name');
            continue;
        }
        if (version !== RESET && !isVersion(version)) {
            add(f.file, 'invalid-version', `version "${version}" is not valid semver (expected x.y.z, e.g. 1.2.0)`);
            continue;
        }
        const fromName = versionFromFileName(base);
        if (!fileNameMatches(base, version)) {
            add(f.file, 'name-mismatch', fromName
                ? `file name says ${fromName} but the migration says version "${version}": rename the file to ${version}${stemOf(base).slice(fromName.length)}${base.slice(stemOf(base).length)} or fix the version`
                : `file name must start with its version: rename it to ${version}-<slug>${base.slice(base.lastIndexOf('.'))}`);
        }
        const other = seen.get(version);
        if (other)
            add(f.file, 'duplicate-version', `version ${version} is also declared by ${other}: give one of them a new version`);
        else
            seen.set(version, f.file);
        if (typeof def.up !== 'function') {
            add(f.file, 'no-up', def.up === undefined ? 'has no up(ctx) function' : `"up" must be a function, got ${typeOf(def.up)}`);
        }
        const irreversible = def.irreversible === true;
        if (def.down === undefined && !irreversible && version !== RESET) {
            add(f.file, 'no-down', 'has no down(ctx): add one, or declare irreversible: true if it cannot be undone');
        }
        else if (def.down !== undefined && typeof def.down !== 'function') {
            add(f.file, 'no-down', `"down" must be a function, got ${typeOf(def.down)}`);
        }
        for (const flag of ['irreversible', 'idempotent']) {
            if (def[flag] !== undefined && typeof def[flag] !== 'boolean')
                add(f.file, 'bad-flag', `"${flag}" must be true or false`);
        }
        if (def.description !== undefined && typeof def.description !== 'string')
            add(f.file, 'bad-description', '"description" must be a string');
        if (def.schema !== undefined &&
            (typeof def.schema !== 'object' || def.schema === null || Array.isArray(def.schema))) {
            add(f.file, 'bad-schema', '"schema" must be a OneTable schema object');
        }
        for (const message of (0,findings/* suppressionProblems */.cV)(def.suppress))
            add(f.file, 'bad-suppress', message);
        for (const hook of ['before', 'verify']) {
            if (def[hook] !== undefined && typeof def[hook] !== 'function')
                add(f.file, 'bad-hook', `"${hook}" must be a function (ctx) => findings, got ${typeOf(def[hook])}`);
        }
        if (problems.length > before)
            continue;
        const source = {
            version,
            description: typeof def.description === 'string' ? def.description : '',
            file: f.file,
            checksum: f.checksum,
            ...(f.sources ? { fileChecksum: f.fileChecksum, sources: f.sources } : {}),
            idempotent: def.idempotent === true,
            irreversible,
            hasUp: true,
            hasDown: typeof def.down === 'function',
            hasBefore: typeof def.before === 'function',
            hasVerify: typeof def.verify === 'function',
            schema: def.schema,
            ...(def.suppress !== undefined ? { suppress: def.suppress } : {}),
        };
        if (version === RESET)
            reset = source;
        else
            sources.push(source);
    }
    sources.sort((a, b) => compareVersions(a.version, b.version));
    return { migrations: sources, reset, problems };
}
/**
 * Checks each environment against the folder and the others: its target exists, and
 * environments that may be replicas of one global table agree on its home region.
 */
function lintTargets(manifest, manifestFile, migrations) {
    const versions = new Set(migrations.map((m) => m.version));
    const problems = lintGlobalTables(manifest, manifestFile);
    for (const [name, env] of Object.entries(manifest.environments)) {
        if (env.target !== 'latest' && !versions.has(env.target)) {
            problems.push({
                where: `${manifestFile}: environments.${name}.target`,
                code: 'target-not-found',
                message: `target ${env.target} has no migration file in the folder (have: ${[...versions].join(', ') || 'none'})`,
            });
        }
    }
    return problems;
}
/**
 * Two environments naming the same table with different home regions (`home-region`, else
 * `region`) point at two replicas of it if it is a global table (a table name is unique per
 * account and region, and every replica has the table's name). Each would then take its own
 * lock in its own region and both would migrate, their writes mixing last-writer-wins. They
 * must agree on one home (one marked as the home of the other: `home-region` set to the
 * other's region), or say that they are separate regional tables (`global-table: false`).
 * An environment with neither region nor home-region is not compared: on a global table every
 * plan and apply of it is refused until it names a home.
 */
function lintGlobalTables(manifest, manifestFile) {
    const problems = [];
    const envs = Object.entries(manifest.environments);
    const reported = new Set();
    for (const [i, [a, ea]] of envs.entries()) {
        for (const [b, eb] of envs.slice(i + 1)) {
            if (ea.table !== eb.table || ea['global-table'] === false || eb['global-table'] === false)
                continue;
            const homeA = homeRegionOf(ea);
            const homeB = homeRegionOf(eb);
            if (!homeA || !homeB || homeA === homeB || reported.has(b))
                continue;
            reported.add(b);
            problems.push({
                where: `${manifestFile}: environments.${b}`,
                code: 'replica-homes',
                message: `environments ${a} and ${b} both name table ${ea.table} but with different home regions (${homeA} and ${homeB}; the home is home-region, else region): ` +
                    `if ${ea.table} is a global table they are two of its replicas, and each would take its own lock and both would migrate. ` +
                    `Mark one as the home of the other (home-region: ${homeA} on ${b}), or, if they are separate regional tables, set global-table: false on them`,
            });
        }
    }
    return problems;
}
function typeOf(v) {
    return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

;// CONCATENATED MODULE: ./src/core/manifest-schema.ts
/**
 * The manifest's schema and the types it gives, apart from reading the YAML file (manifest.ts):
 * the Lambda controller gets its manifest as JSON in its bundle and needs no YAML parser.
 */


const versionOrLatest = external_zod_namespaceObject.z
    .string()
    .refine((v) => v === 'latest' || isVersion(v), { message: 'expected "latest" or a semver version such as 1.4.0' });
const environmentSchema = external_zod_namespaceObject.z
    .strictObject({
    table: external_zod_namespaceObject.z
        .string()
        .min(3)
        .max(255)
        .regex(/^[a-zA-Z0-9_.-]+$/, 'expected a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -)')
        .describe('DynamoDB table name'),
    region: external_zod_namespaceObject.z
        .string()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
        .optional()
        .describe('AWS region of the table; default from the AWS environment'),
    'home-region': external_zod_namespaceObject.z
        .string()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
        .optional()
        .describe('Global tables: the one replica whose region holds the lock, records, schema item and log, and the only one apply runs against (default: region). See docs/global-tables.md'),
    'global-table': external_zod_namespaceObject.z
        .boolean()
        .optional()
        .describe('Global tables: true requires the table to have replicas, false declares a regional table (not a replica of a same-named table elsewhere); checked against DescribeTable on every plan'),
    target: versionOrLatest.default('latest').describe('"latest" (highest version in the folder) or a semver version'),
    'allow-reset': external_zod_namespaceObject.z.boolean().default(false).describe('Allow the reset command (never on a protected environment)'),
    protected: external_zod_namespaceObject.z
        .boolean()
        .default(false)
        .describe('Refuse reset; down/to need confirm = table name; require a recovery point before apply'),
    studio: external_zod_namespaceObject.z
        .enum(['read-only', 'read-write'])
        .optional()
        .describe('What `dynamodb-migrate studio` may do here: read-only shows the command or workflow to run instead of buttons (default: read-only when protected, else read-write)'),
    runner: external_zod_namespaceObject.z
        .enum(['local', 'lambda'])
        .default('local')
        .describe('Run migrations in this process or in a Lambda controller'),
    function: external_zod_namespaceObject.z.string().min(1).optional().describe('Lambda function name or ARN (runner: lambda)'),
    'state-machine': external_zod_namespaceObject.z
        .string()
        .regex(/^arn:aws[a-z-]*:states:[a-z]{2}(-[a-z]+)+-\d:\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}$/, 'expected the ARN of a state machine, such as arn:aws:states:us-east-1:123456789012:stateMachine:migrate-controller-steps')
        .optional()
        .describe('runner: lambda: the state machine build-controller generated (its StateMachineArn output); big steps fan out as one Step Functions execution each. See docs/lambda.md'),
    segments: external_zod_namespaceObject.z
        .number()
        .int()
        .min(1)
        .max(10_000)
        .optional()
        .describe("state-machine: scan segments of each bulk pass of a fanned-out step, one Distributed Map child each (default one per GiB of table, up to 10,000; the CLI's --segments wins)"),
    concurrency: external_zod_namespaceObject.z
        .number()
        .int()
        .min(1)
        .max(10_000)
        .optional()
        .describe("state-machine: the Distributed Map's MaxConcurrency, segments in flight at once (default write-rate / 1,000 and at least 8, within the segments; the CLI's --concurrency wins)"),
    protocol: external_zod_namespaceObject.z
        .enum(['dynamodb-migrate', 'onetable'])
        .default('dynamodb-migrate')
        .describe('Controller protocol: ours, or an existing OneTable Controller'),
    'recovery-point': external_zod_namespaceObject.z
        .enum(['pitr', 'backup', 'pitr-or-backup', 'none'])
        .optional()
        .describe('Protected environments: require PITR, take an on-demand backup, or PITR else backup (default)'),
    'write-rate': external_zod_namespaceObject.z
        .number()
        .positive()
        .optional()
        .describe("Write units per second used for time estimates and as the default bulk write limit; on a global table, the home region's (every replica applies the same writes at the same rate)"),
    'lock-timeout': external_zod_namespaceObject.z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('Seconds to wait for a held lock before exiting 3 (default 0)'),
    'read-rate': external_zod_namespaceObject.z
        .number()
        .positive()
        .optional()
        .describe("Read units per second at most for validate and the drift check's validation"),
    canary: external_zod_namespaceObject.z
        .number()
        .gt(0)
        .max(50)
        .optional()
        .describe('Percent of items each step with a verify hook runs on and verifies before it takes the rest (0 < p <= 50)'),
    validate: external_zod_namespaceObject.z
        .union([external_zod_namespaceObject.z.boolean(), external_zod_namespaceObject.z.strictObject({ sample: external_zod_namespaceObject.z.number().gt(0).max(100).optional() })])
        .optional()
        .describe('The scheduled drift check also validates the data against the schema (true: every item; { sample: P }: P percent)'),
    rehearse: external_zod_namespaceObject.z
        .union([external_zod_namespaceObject.z.boolean(), external_zod_namespaceObject.z.strictObject({ sample: external_zod_namespaceObject.z.number().gt(0).max(100).optional() })])
        .optional()
        .describe("The pull request's plan also rehearses each step on a sample of the table, read-only (true: 1 percent; { sample: P }: P percent); see docs/analyzers.md"),
})
    .superRefine((env, ctx) => {
    if (env.runner === 'lambda' && !env.function) {
        ctx.addIssue({ code: 'custom', path: ['function'], message: 'runner: lambda needs function: <name or ARN>' });
    }
    if (env['state-machine'] && (env.runner !== 'lambda' || env.protocol === 'onetable')) {
        ctx.addIssue({
            code: 'custom',
            path: ['state-machine'],
            message: "state-machine needs runner: lambda with this tool's controller (not protocol: onetable)",
        });
    }
    for (const key of ['segments', 'concurrency']) {
        if (env[key] !== undefined && !env['state-machine'])
            ctx.addIssue({
                code: 'custom',
                path: [key],
                message: `${key} sets how a big step fans out, which needs state-machine: <ARN> (the state machine build-controller generates; docs/lambda.md). Name it, or leave ${key} out`,
            });
    }
    if (env.protected && env['allow-reset']) {
        ctx.addIssue({ code: 'custom', path: ['allow-reset'], message: 'a protected environment cannot allow reset' });
    }
    if (env['global-table'] === false && env['home-region'] && env['home-region'] !== env.region) {
        ctx.addIssue({
            code: 'custom',
            path: ['home-region'],
            message: 'global-table: false declares a regional table, which has no other region to be the home of its migrations',
        });
    }
});
/** The manifest file's schema; also published as JSON Schema (schema/manifest.schema.json). */
const manifestSchema = external_zod_namespaceObject.z.strictObject({
    version: external_zod_namespaceObject.z.literal(1).describe('Format of this file; always 1'),
    migrations: external_zod_namespaceObject.z.string().default('.').describe('Folder of migration files, relative to this file'),
    environments: external_zod_namespaceObject.z
        .record(external_zod_namespaceObject.z.string().regex(/^[A-Za-z0-9_-]+$/, 'environment names use letters, digits, _ and -'), environmentSchema)
        .refine((e) => Object.keys(e).length > 0, { message: 'declare at least one environment' })
        .describe('One entry per environment, keyed by name'),
});
/** JSON Schema of the manifest, for editors. */
function manifestJsonSchema() {
    return {
        $id: 'https://github.com/dynamodb-migrate/dynamodb-migrate/schema/manifest.schema.json',
        title: 'dynamodb-migrate manifest',
        ...z.toJSONSchema(manifestSchema, { io: 'input' }),
    };
}

;// CONCATENATED MODULE: ./src/loader/static-project.ts



/**
 * Builds a Project from migrations that were imported statically (the Lambda controller's
 * bundle) instead of read from a folder at run time. Runs the same lint as `loadProject`,
 * so a bundle with a bad migration fails at its first invocation with the same message.
 */
function projectFromModules(manifest, modules, opts = {}) {
    const manifestPath = opts.manifestPath ?? 'manifest.yaml';
    const parsed = manifestSchema.parse(manifest);
    const files = modules.map((m) => {
        const exported = defaultExport(m.module);
        return {
            file: m.file,
            checksum: m.checksum,
            ...(m.sources ? { fileChecksum: m.fileChecksum, sources: m.sources } : {}),
            exported,
            mod: (exported ?? {}),
        };
    });
    const result = lintMigrations(files);
    const problems = [...result.problems, ...lintTargets(parsed, manifestPath, result.migrations)];
    if (problems.length)
        throw new errors/* MigrationFileError */.lm(problems);
    const dir = opts.dir ?? '.';
    const attach = (s) => {
        const f = files.find((i) => i.file === s.file);
        return {
            ...s,
            path: s.file,
            up: f.mod.up,
            down: f.mod.down,
            before: f.mod.before,
            verify: f.mod.verify,
        };
    };
    return {
        manifestPath,
        manifest: parsed,
        dir,
        migrations: result.migrations.map(attach),
        reset: result.reset ? attach(result.reset) : undefined,
    };
}
/** A module namespace's default export; a bare object (already the default) as is. */
function defaultExport(mod) {
    if (mod && typeof mod === 'object' && 'default' in mod) {
        const d = mod.default;
        // CommonJS interop in bundles can nest the default one level deeper.
        if (d && typeof d === 'object' && 'default' in d && !('version' in d))
            return d.default;
        return d;
    }
    return mod;
}

;// CONCATENATED MODULE: ./src/index.ts
/**
 * dynamodb-migrate's public API for migration authors.
 *
 *     import { defineMigration } from 'dynamodb-migrate';
 *     export default defineMigration({
 *       version: '1.2.0',
 *       description: 'Pack email into gs1pk',
 *       async up(ctx) { ... },
 *       async down(ctx) { ... },
 *     });
 */




var __webpack_exports__createController = __webpack_exports__.dK;
var __webpack_exports__createDataEngine = __webpack_exports__.NJ;
var __webpack_exports__defineMigration = __webpack_exports__.om;
var __webpack_exports__projectFromModules = __webpack_exports__.xH;
export { __webpack_exports__createController as createController, __webpack_exports__createDataEngine as createDataEngine, __webpack_exports__defineMigration as defineMigration, __webpack_exports__projectFromModules as projectFromModules };
