export const id = 378;
export const ids = [378];
export const modules = {

/***/ 6378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rehearsePlan: () => (/* binding */ rehearsePlan)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js
var dist_cjs = __webpack_require__(4305);
// EXTERNAL MODULE: ./src/core/analyzers/findings.ts
var findings = __webpack_require__(1869);
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
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/validate.ts
var validate = __webpack_require__(993);
// EXTERNAL MODULE: ./src/dynamodb/client.ts
var client = __webpack_require__(8693);
// EXTERNAL MODULE: ./src/dynamodb/bulk/index.ts + 13 modules
var bulk = __webpack_require__(8772);
// EXTERNAL MODULE: ./src/runner/local/read-only-client.ts
var read_only_client = __webpack_require__(7411);
// EXTERNAL MODULE: ./src/runner/step/migration-context.ts
var migration_context = __webpack_require__(3663);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/util-dynamodb/dist-cjs/index.js
var util_dynamodb_dist_cjs = __webpack_require__(5290);
// EXTERNAL MODULE: ./src/dynamodb/bulk/item-size.ts
var item_size = __webpack_require__(7410);
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
        const bytes = (0,item_size/* itemSize */.z)((0,util_dynamodb_dist_cjs.marshall)(after, { removeUndefinedValues: true, convertClassInstanceToMap: true }));
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
    const res = await client.send(new dist_cjs.DescribeTableCommand({ TableName: table }));
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


/***/ })

};
