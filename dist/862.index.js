export const id = 862;
export const ids = [862];
export const modules = {

/***/ 6745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   ti: () => (/* binding */ inlineCode)
/* harmony export */ });
/* unused harmony export escapeHtml */
/**
 * Escaping for text that comes from migration files, manifests, table records and error
 * messages before it goes into markdown shown on GitHub. Such text is not ours: it must not
 * open HTML (a fake `<!-- dynamodb-migrate -->` marker, a `<details>` that swallows the rest
 * of the comment), break a table row, start a link, or mention a user or team.
 */
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes the five HTML-significant characters. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML[c]);
}
// Escaped text never starts a line (line breaks become spaces and callers put it after a
// prefix), so only the characters that open markup mid-line matter: emphasis, code spans,
// links and images (a link needs `[`), table cells and strikethrough.
const MARKDOWN_SPECIAL = /[\\`*_[\]|~]/g;
const TEXT_HTML = /[&<>]/g;
/**
 * Escapes text for inline use in markdown, table cells included: HTML is neutralised,
 * markdown punctuation is backslash-escaped, line breaks become spaces (a newline would end a
 * table row) and `@name` gets a zero-width space so it does not notify anyone.
 */
function escapeMarkdown(text) {
    return text
        .replace(TEXT_HTML, (c) => HTML[c])
        .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
        .replace(/\r?\n|\r/g, ' ')
        .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}
/**
 * A fenced code block holding `text` verbatim. The fence is longer than any run of backticks
 * inside, so the text cannot close it; inside a fence nothing is interpreted as markup.
 */
function codeBlock(text, lang = '') {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}
/** Inline code for short values (versions, hashes, table names) that may hold backticks. */
function inlineCode(text) {
    const flat = text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${flat}${pad}${ticks}`;
}


/***/ }),

/***/ 3862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _P: () => (/* binding */ STATUS_LABEL),
  Gc: () => (/* binding */ renderMarkdown)
});

// UNUSED EXPORTS: overallPhase

// EXTERNAL MODULE: ./src/core/checksum.ts
var checksum = __webpack_require__(1688);
// EXTERNAL MODULE: ./src/core/outcome.ts
var outcome = __webpack_require__(9411);
// EXTERNAL MODULE: ./src/core/status-vocabulary.ts
var status_vocabulary = __webpack_require__(5366);
// EXTERNAL MODULE: ./src/core/render/escape.ts
var render_escape = __webpack_require__(6745);
;// CONCATENATED MODULE: ./src/core/render/schema-diff.ts

const DEFAULTS = { headingLevel: 4, title: 'Data model', maxLinesPerModel: 12, maxModels: 15, maxBreaking: 10 };
/** Enum values and long values are cut to this many. */
const MAX_VALUES = 6;
const MAX_VALUE_CHARS = 60;
/** GitHub-flavoured markdown for the plan's data-model section. */
function renderSchemaDiffMarkdown(diff, options = {}) {
    const o = { ...DEFAULTS, ...definedOnly(options) };
    const s = buildSection(diff, o);
    const md = (segs) => segs.map((x) => (typeof x === 'string' ? x : 'code' in x ? inlineCode(x.code) : escapeMarkdown(x.text))).join('');
    const out = [
        `${'#'.repeat(Math.min(6, Math.max(1, o.headingLevel)))} ${escapeMarkdown(o.title)}`,
        '',
        md(s.summary),
    ];
    if (s.breaking.length) {
        out.push('', '> [!WARNING]', `> **${count(diff.breaking.length, 'change breaks', 'changes break')} code or items of the old design:**`);
        for (const l of s.breaking)
            out.push(`> - ${md(l.segments)}`);
    }
    for (const b of s.blocks) {
        out.push('', md(b.title));
        for (const l of b.lines)
            out.push(`- ${l.kind === 'listed' ? '' : `${l.kind} `}${md(l.segments)}`);
    }
    if (s.foldedBlocks)
        out.push('', `… and ${count(s.foldedBlocks, 'more model', 'more models')} changed.`);
    return `${out.join('\n')}\n`;
}
/** Terminal text for the same section: `+` added, `-` removed, `~` changed, `!` breaking. */
function schema_diff_renderSchemaDiffText(diff, options = {}) {
    const o = { ...DEFAULTS, ...definedOnly(options) };
    const s = buildSection(diff, o);
    const txt = (segs) => segs
        .map((x) => typeof x === 'string'
        ? x.replace(/\*\*/g, '').replace(/→/g, '->')
        : 'code' in x
            ? plain(x.code)
            : plain(x.text))
        .join('');
    const mark = { added: '+', removed: '-', changed: '~', listed: ' ' };
    const out = [`${plain(o.title)}: ${txt(s.summary)}`];
    if (s.breaking.length) {
        out.push(`  ${count(diff.breaking.length, 'change breaks', 'changes break')} code or items of the old design:`);
        for (const l of s.breaking)
            out.push(`    ! ${txt(l.segments)}`);
    }
    for (const b of s.blocks) {
        out.push(`  ${txt(b.title)}`);
        for (const l of b.lines)
            out.push(`    ${mark[l.kind]} ${txt(l.segments)}`);
    }
    if (s.foldedBlocks)
        out.push(`  … and ${count(s.foldedBlocks, 'more model', 'more models')} changed`);
    return `${out.join('\n')}\n`;
}
function buildSection(diff, o) {
    const section = { summary: summary(diff), breaking: [], blocks: [], foldedBlocks: 0 };
    for (const b of diff.breaking.slice(0, o.maxBreaking))
        section.breaking.push({ kind: 'listed', segments: breakingSegments(b) });
    if (diff.breaking.length > o.maxBreaking) {
        section.breaking.push({ kind: 'listed', segments: [`… and ${diff.breaking.length - o.maxBreaking} more`] });
    }
    const modelBlocks = [];
    const byName = new Map();
    for (const m of diff.models.added) {
        const lines = [
            ...m.keys.map((k) => ({ kind: 'listed', segments: keyTemplateSegments(k) })),
            ...m.attributes.map((a) => ({ kind: 'listed', segments: ['attribute ', ...attributeSegments(a)] })),
        ];
        byName.set(m.name, { title: modelTitle(m.name, diff.status === 'new' ? '' : 'new model'), lines });
    }
    for (const m of diff.models.removed) {
        byName.set(m.name, {
            title: modelTitle(m.name, `removed model, ${count(m.attributes.length, 'attribute', 'attributes')}`),
            lines: [],
        });
    }
    for (const m of diff.models.changed) {
        const lines = [
            ...m.keys.map((k) => ({
                kind: k.from === undefined ? 'added' : k.to === undefined ? 'removed' : 'changed',
                segments: keyChangeSegments(k),
            })),
            ...m.attributes.added.map((a) => ({ kind: 'added', segments: ['attribute ', ...attributeSegments(a)] })),
            ...m.attributes.removed.map((a) => ({ kind: 'removed', segments: ['attribute ', ...attributeSegments(a)] })),
            ...m.attributes.changed.map((a) => ({ kind: 'changed', segments: attributeChangeSegments(a) })),
        ];
        byName.set(m.name, { title: modelTitle(m.name, ''), lines });
    }
    for (const name of [...byName.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)))
        modelBlocks.push(fold(byName.get(name), o.maxLinesPerModel));
    section.blocks.push(...modelBlocks.slice(0, o.maxModels));
    section.foldedBlocks = Math.max(0, modelBlocks.length - o.maxModels);
    const indexLines = [
        ...diff.indexes.added.map((i) => ({ kind: 'added', segments: indexSegments(i) })),
        ...diff.indexes.removed.map((i) => ({ kind: 'removed', segments: indexSegments(i) })),
        ...diff.indexes.changed.map((i) => ({ kind: 'changed', segments: ['index ', { code: i.name }, ': ', ...changeList(i.changes)] })),
    ];
    if (indexLines.length)
        section.blocks.push(fold({ title: ['**Indexes**'], lines: indexLines }, o.maxLinesPerModel));
    const other = [
        ...diff.params.map((p) => ({ kind: 'changed', segments: ['param ', { code: p.property }, ': ', ...fromTo(p)] })),
        ...diff.queries.map((q) => ({ kind: q.change, segments: ['query ', { code: q.name }] })),
        ...diff.process.map((q) => ({ kind: q.change, segments: ['process ', { code: q.name }] })),
    ];
    if (other.length)
        section.blocks.push(fold({ title: ['**Params, queries and process**'], lines: other }, o.maxLinesPerModel));
    return section;
}
function summary(diff) {
    const from = diff.fromVersion;
    const to = diff.toVersion;
    switch (diff.status) {
        case 'none':
            return from === undefined
                ? ['No schema: the target migration carries none and the table holds none.']
                : [
                    'The target migration carries no schema; the table keeps its ',
                    { code: '_schema' },
                    ' item (version ',
                    { code: from },
                    ').',
                ];
        case 'unchanged':
            return ['No change to the data model (schema ', { code: to ?? '' }, ').'];
        case 'new': {
            const parts = [
                count(diff.models.added.length, 'model', 'models'),
                count(diff.indexes.added.length, 'index', 'indexes'),
            ];
            return ['The table holds no schema yet; schema ', { code: to ?? '' }, ` defines ${parts.join(' and ')}.`];
        }
        case 'changed': {
            const parts = [];
            const add = (n, one, many, verb) => {
                if (n)
                    parts.push(`${count(n, one, many)} ${verb}`);
            };
            add(diff.models.added.length, 'model', 'models', 'added');
            add(diff.models.removed.length, 'model', 'models', 'removed');
            add(diff.models.changed.length, 'model', 'models', 'changed');
            add(diff.indexes.added.length, 'index', 'indexes', 'added');
            add(diff.indexes.removed.length, 'index', 'indexes', 'removed');
            add(diff.indexes.changed.length, 'index', 'indexes', 'changed');
            add(diff.params.length, 'param', 'params', 'changed');
            add(diff.queries.length + diff.process.length, 'query or process entry', 'query or process entries', 'changed');
            return ['Schema ', { code: from ?? '' }, ' → ', { code: to ?? '' }, `: ${parts.join(', ')}.`];
        }
    }
}
function modelTitle(name, note) {
    return ['**', { text: name }, '**', note ? ` (${note})` : ''];
}
function breakingSegments(b) {
    const where = [];
    if (b.model)
        where.push({ code: b.attribute ? `${b.model}.${b.attribute}` : b.model });
    else if (b.index)
        where.push({ code: b.index });
    if (b.model && b.index && b.index !== 'primary')
        where.push(' (index ', { code: b.index }, ')');
    return where.length ? [...where, ': ', { text: b.reason }] : [{ text: capitalize(b.reason) }];
}
function keyTemplateSegments(k) {
    return ['key ', { code: k.attribute }, ...keyRole(k.index, k.role), ': ', { code: k.template }];
}
function keyChangeSegments(k) {
    const head = ['key ', { code: k.attribute }, ...keyRole(k.index, k.role)];
    if (k.from !== undefined && k.to !== undefined)
        return [...head, ': ', { code: k.from }, ' → ', { code: k.to }];
    return [...head, ': ', { code: (k.to ?? k.from) }];
}
function keyRole(index, role) {
    return index === 'primary' ? [` (primary ${role})`] : [' (', { code: index }, ` ${role})`];
}
function attributeSegments(a) {
    const facts = [];
    if (a.type)
        facts.push([a.type.replace(/[^a-z]/g, '')]);
    if (a.required)
        facts.push(['required']);
    if (a.default !== undefined)
        facts.push(['default ', { code: valueText(a.default) }]);
    if (a.value !== undefined)
        facts.push(['value ', { code: a.value }]);
    if (a.enum)
        facts.push(['one of ', ...valueList(a.enum)]);
    if (a.generate !== undefined)
        facts.push(['generated ', { code: valueText(a.generate) }]);
    if (a.map !== undefined)
        facts.push(['stored as ', { code: a.map }]);
    const out = [{ code: a.name }];
    if (facts.length) {
        out.push(' (');
        facts.forEach((f, i) => {
            out.push(...(i ? [', ', ...f] : f));
        });
        out.push(')');
    }
    return out;
}
function attributeChangeSegments(a) {
    return ['attribute ', { code: a.name }, ': ', ...changeList(a.changes)];
}
function changeList(changes) {
    const out = [];
    changes.forEach((c, i) => {
        if (i)
            out.push('; ');
        out.push(...propertyChangeSegments(c));
    });
    return out;
}
function propertyChangeSegments(c) {
    if (c.property === 'required')
        return [c.to === true ? 'now required' : 'no longer required'];
    if (c.property === 'enum' && Array.isArray(c.from) && Array.isArray(c.to)) {
        const from = c.from;
        const to = c.to;
        const added = to.filter((v) => !from.some((w) => valueText(w) === valueText(v)));
        const removed = from.filter((v) => !to.some((w) => valueText(w) === valueText(v)));
        const out = ['allowed values'];
        if (added.length)
            out.push(' + ', ...valueList(added));
        if (removed.length)
            out.push(' − ', ...valueList(removed));
        if (!added.length && !removed.length)
            out.push(' reordered');
        return out;
    }
    return [safeWord(c.property), ' ', ...fromTo(c)];
}
function fromTo(c) {
    const side = (v) => (v === undefined ? 'none' : { code: valueText(v) });
    return [side(c.from), ' → ', side(c.to)];
}
function indexSegments(i) {
    const facts = [i.kind];
    if (i.hash && i.kind !== 'local')
        facts.push(', hash ', { code: i.hash });
    if (i.sort)
        facts.push(', sort ', { code: i.sort });
    if (i.project !== undefined)
        facts.push(', projects ', { code: valueText(i.project) });
    return ['index ', { code: i.name }, ' (', ...facts, ')'];
}
function valueList(values) {
    const out = [];
    values.slice(0, MAX_VALUES).forEach((v, i) => {
        if (i)
            out.push(', ');
        out.push({ code: valueText(v) });
    });
    if (values.length > MAX_VALUES)
        out.push(` and ${values.length - MAX_VALUES} more`);
    return out;
}
/** Strings as they are (templates, types); anything else as JSON; cut when long. */
function valueText(v) {
    const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
    return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS - 1)}…` : s;
}
function fold(block, max) {
    if (block.lines.length <= max)
        return block;
    const shown = block.lines.slice(0, max - 1);
    shown.push({ kind: 'listed', segments: [`… and ${block.lines.length - shown.length} more changes`] });
    return { title: block.title, lines: shown };
}
/** Property names are ours or the schema's: only a plain word is shown as trusted text. */
function safeWord(word) {
    return /^[A-Za-z][\w]{0,40}$/.test(word) ? word : { code: word };
}
function count(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
/** Terminal-safe: no control characters (no ANSI escapes), one line. */
function plain(s) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    return s.replace(/\r?\n|\r/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
function definedOnly(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

;// CONCATENATED MODULE: ./src/core/render/text.ts



/** Terminal rendering of a plan: the same model as the markdown, as plain text. */
function renderPlanText(plan) {
    const out = [];
    out.push(`${plan.environment} (${plan.table}): ${plan.currentVersion} -> ${plan.targetVersion}  [${plan.command}${plan.direction === 'none' ? ', nothing to do' : `, ${plan.direction}`}]`);
    if (plan.stateUnknown)
        out.push('  (table state not read: planned from the migration files only)');
    if (plan.global)
        out.push(`  ${describeReplication(plan.global)}`);
    for (const s of plan.steps) {
        const flags = [
            s.reversible ? 'reversible' : 'irreversible',
            s.idempotent ? 'idempotent' : undefined,
            s.kind !== 'migrate' ? s.kind : undefined,
            s.checks?.length ? `checks: ${s.checks.join(', ')}` : undefined,
            s.canaryPercent ? `canary ${s.canaryPercent}% then verify` : undefined,
        ]
            .filter(Boolean)
            .join(', ');
        out.push(`  ${s.direction === 'up' ? '▲ up  ' : '▼ down'} ${s.version.padEnd(10)} ${shortChecksum(s.checksum)}  ${s.description || '(no description)'}  (${flags})`);
    }
    for (const b of plan.blockers)
        out.push(`  ✖ ${b.message}\n    next: ${b.next}`);
    for (const w of plan.warnings)
        out.push(`  ! ${w.message}`);
    if (plan.estimate) {
        const e = plan.estimate;
        out.push(`  estimate per full pass: ~${formatCount(e.items)} items, ${formatBytes(e.sizeBytes)}, ${formatCount(e.readUnits)} RCU to scan, ${formatCount(e.writeUnits)} WCU to rewrite${e.secondsAtRate !== undefined ? `, ~${formatDuration(e.secondsAtRate * 1000)} at ${e.rate} WCU/s` : ''}`);
        if (e.replicas && e.totalWriteUnits !== undefined)
            out.push(`  replicated: ${describeReplicatedCost(e)}`);
    }
    if (plan.schemaDiff && plan.schemaDiff.status !== 'unchanged') {
        out.push(`  data model:\n${renderSchemaDiffText(plan.schemaDiff)
            .trimEnd()
            .split('\n')
            .map((l) => `    ${l}`)
            .join('\n')}`);
    }
    if (plan.rollback)
        out.push(`  rollback: dynamodb-migrate to ${plan.rollback.version} --env ${plan.environment}`);
    out.push(`  plan hash: ${plan.hash}`);
    return out.join('\n');
}
function renderReportText(r) {
    const out = [];
    const heads = {
        applied: `applied ${r.steps.filter((s) => s.status === 'applied').length} step(s)`,
        'no-op': 'nothing to do: the table is at the target',
        failed: 'FAILED',
        'precondition-failed': "PRECONDITION FAILED (a step's before hook): nothing was written",
        blocked: 'BLOCKED',
        'dry-run': 'dry run: nothing was written',
        incomplete: 'INCOMPLETE: stopped at a checkpoint',
    };
    const head = heads[statusOfReport(r)];
    out.push(`${r.plan.environment} (${r.plan.table}): ${head} in ${formatDuration(r.durationMs)}`);
    for (const s of r.steps) {
        out.push(`  ${stepLine(s)}`);
        for (const c of s.checks ?? []) {
            const scope = c.scope === 'canary' ? 'the canary' : 'every item';
            out.push(`    ${c.passed ? '✓' : '✖'} ${c.hook} on ${scope}${c.passed ? ': passed' : ':'}`);
            for (const f of c.findings) {
                const examples = f.examples?.length
                    ? `  e.g. ${f.examples
                        .slice(0, 3)
                        .map((k) => Object.values(k).join(' / '))
                        .join(', ')}`
                    : '';
                out.push(`      - ${f.message}${f.count !== undefined ? ` (${formatCount(f.count)})` : ''}${examples}`);
            }
        }
        if (s.canaryReverted !== undefined)
            out.push(`    canary ${s.canaryReverted ? 'undone with down' : 'left in place (no down)'}`);
    }
    if (r.error)
        out.push(`  error: ${r.error.split('\n').join('\n         ')}`);
    if (r.next)
        out.push(`  next: ${r.next.split('\n').join('\n        ')}`);
    return out.join('\n');
}
function stepLine(s) {
    const c = s.counts;
    const counts = c
        ? `  scanned ${formatCount(c.scanned)}, changed ${formatCount(c.changed)}, skipped ${formatCount(c.skipped)}, failed ${formatCount(c.failed)}`
        : '';
    return `${s.status.padEnd(10)} ${s.direction.padEnd(4)} ${s.version.padEnd(10)} ${formatDuration(s.durationMs)}${counts}${s.error ? `  (${s.error})` : ''}`;
}
function renderStatusText(s) {
    const out = [];
    out.push(`${s.environment} (${s.table}): version ${s.currentVersion}, target ${s.targetVersion}`);
    out.push(s.applied.length ? 'applied:' : 'applied: none');
    for (const a of s.applied) {
        out.push(`  ${a.version.padEnd(10)} ${a.date}  ${a.checksum ? shortChecksum(a.checksum) : '--------'}  ${a.description}${a.drifted ? '  [FILE CHANGED]' : ''}${a.missingFile ? '  [no file]' : ''}`);
    }
    out.push(s.outstanding.length ? 'outstanding:' : 'outstanding: none');
    for (const o of s.outstanding)
        out.push(`  ${o.version.padEnd(10)} ${o.description}  (${o.file})`);
    if (s.failed)
        out.push(`failed: the ${s.failed.direction} of ${s.failed.version} failed: ${s.failed.status}`);
    if (s.lock) {
        out.push(`lock: ${s.lock.expired ? 'EXPIRED ' : ''}held by ${s.lock.owner} (lock id ${s.lock.lockId}, ${s.lock.command}) until ${new Date(s.lock.leaseExpiresAt).toISOString()}${s.lock.runUrl ? ` ${s.lock.runUrl}` : ''}`);
    }
    else
        out.push('lock: free');
    out.push(`schema: ${s.schema.version ?? 'none stored'}${s.schema.drift ? `  [DRIFT: ${s.schema.drift}]` : s.schema.version ? ' (matches the current version)' : ''}`);
    if (s.global) {
        out.push(`replication: ${describeReplication(s.global)}`);
        for (const r of s.global.replicas) {
            const role = [
                r.region === s.global.home ? 'home' : undefined,
                r.region === s.global.region ? 'this run' : undefined,
            ]
                .filter(Boolean)
                .join(', ');
            out.push(`  ${r.region.padEnd(16)} ${r.status ?? 'status not reported'}${r.progress ? ` ${r.progress}%` : ''}${r.detail ? ` (${r.detail})` : ''}${role ? `  [${role}]` : ''}`);
        }
        for (const w of s.global.witnesses)
            out.push(`  ${w.region.padEnd(16)} ${w.status ?? 'status not reported'}  [witness]`);
    }
    for (const b of s.blockers)
        out.push(`✖ ${b.message}\n  next: ${b.next}`);
    return out.join('\n');
}
/** Global tables, in one line: the consistency mode, the replicas, this run's region and the home of the migrations. */
function describeReplication(g) {
    const mode = g.consistency === 'STRONG' ? 'multi-Region strong consistency' : 'eventual consistency, last writer wins';
    const regions = g.replicas.map((r) => r.region).join(', ');
    const where = !g.home
        ? `no home region set; this run is in ${g.region}`
        : g.home === g.region
            ? `home region ${g.home} (this run): the lock, records and log are kept here`
            : `home region ${g.home}; this run is in ${g.region}, so it may plan and read but not apply`;
    return `global table (${mode}${g.version ? `, version ${g.version}` : ''}): replicas ${regions}${g.witnesses.length ? ` + witness ${g.witnesses.map((w) => w.region).join(', ')}` : ''}; ${where}`;
}
/** What replication adds to a plan's write estimate, and what the rate means. */
function describeReplicatedCost(e) {
    const rate = e.rate
        ? `the rate (${formatCount(e.rate)} WCU/s) and the time are the home region's, and every replica applies the same writes at the same rate`
        : "the rate is the home region's, and every replica applies the same writes at the same rate";
    return `each write is applied by all ${e.replicas} replicas: ~${formatCount(e.totalWriteUnits ?? e.writeUnits)} write units over all regions (${formatCount(e.writeUnits)} in each); ${rate}`;
}
function renderLogText(entries) {
    if (!entries.length)
        return 'The audit log is empty.';
    return entries
        .map((e) => {
        const bits = [new Date(e.at).toISOString(), e.environment, e.event, e.outcome, e.actor];
        if (e.versions?.length)
            bits.push(e.versions.join(', '));
        if (e.reason)
            bits.push(`reason: ${e.reason}`);
        if (e.message)
            bits.push(e.message);
        if (e.runUrl)
            bits.push(e.runUrl);
        return bits.join('  ');
    })
        .join('\n');
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    const s = ms / 1000;
    if (s < 60)
        return `${s.toFixed(1)} s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m} min ${Math.round(s % 60)} s`;
    return `${Math.floor(m / 60)} h ${m % 60} min`;
}
/** 125000 → "125,000": counts and units read at a glance. */
function formatCount(n) {
    const r = Math.round(n);
    // The text toLocaleString('en-US') gives, without ICU's number formatter: its first use costs
    // ~15 ms, a twentieth of the CLI's whole `plan`. Numbers it would not write this way go to it.
    if (!Number.isFinite(r) || Math.abs(r) >= 1e21 || Object.is(r, -0))
        return r.toLocaleString('en-US');
    return `${r < 0 ? '-' : ''}${String(Math.abs(r)).replace(/\B(?=(\d{3})+$)/g, ',')}`;
}
function formatBytes(n) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let i = 0;
    let v = n;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${v < 10 && i ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

;// CONCATENATED MODULE: ./src/core/render/markdown.ts





/** Steps shown before the list folds into <details>. */
const OPEN_STEPS = 10;
/** Long error messages are cut in comments; the log has them whole. */
const ERROR_CHARS = 4_000;
/** How each status reads in a heading (the comment's, the job summary's, and each environment's). */
const STATUS_LABEL = {
    planned: '📋 planned',
    applying: '⏳ applying',
    applied: '✅ applied',
    'no-op': '✅ up to date',
    'dry-run': '🧪 dry run',
    incomplete: '⏸️ incomplete',
    failed: '❌ failed',
    'precondition-failed': '⛔ precondition failed',
    blocked: '⛔ blocked',
    drift: '⚠️ drift',
};
/** The overall status shown in the header: the most urgent of the environments'. */
function overallPhase(sections) {
    return (0,status_vocabulary/* mostUrgent */.t)(sections.map((s) => s.phase)) ?? 'no-op';
}
/**
 * Renders the comment/summary body. Stays under `maxLength`, when given: when the full
 * rendering is too long, sections drop their step tables and point to the job summary; if that
 * is still too long the body is cut with the same pointer (the preamble kept).
 */
function renderMarkdown(input) {
    const limit = input.maxLength ?? Number.POSITIVE_INFINITY;
    const full = assemble(input, 'full');
    if (full.length <= limit)
        return full;
    const compact = assemble(input, 'compact');
    if (compact.length <= limit)
        return compact;
    const tail = `\n\n…cut to fit GitHub's comment limit. ${pointer(input)}\n`;
    return compact.slice(0, Math.max(0, limit - tail.length)) + tail;
}
function assemble(input, mode) {
    const out = input.preamble ? [input.preamble] : [];
    const phase = overallPhase(input.sections);
    const where = input.manifest ? ` · ${(0,render_escape/* inlineCode */.ti)(input.manifest)}` : '';
    out.push(`## dynamodb-migrate: ${STATUS_LABEL[phase]}${where}`);
    const meta = [];
    if (input.sha)
        meta.push(`commit ${(0,render_escape/* inlineCode */.ti)(input.sha.slice(0, 12))}`);
    if (input.runUrl)
        meta.push(`[workflow run](${safeUrl(input.runUrl)})`);
    if (meta.length)
        out.push(meta.join(' · '));
    for (const n of input.notes ?? [])
        out.push(`> [!NOTE]\n> ${(0,render_escape/* escapeMarkdown */.FV)(n)}`);
    if (mode === 'compact')
        out.push(`> [!NOTE]\n> This plan is too long for a comment: steps are left out. ${pointer(input)}`);
    if (!input.sections.length)
        out.push('No environment selected.');
    for (const s of input.sections)
        out.push(renderSection(s, input, mode));
    return `${out.join('\n\n')}\n`;
}
function pointer(input) {
    return input.runUrl
        ? `The full plan is in the [job summary](${safeUrl(input.runUrl)}).`
        : 'The full plan is in the job summary of the workflow run.';
}
function renderSection(s, input, mode) {
    const p = s.plan;
    const out = [];
    out.push(`### ${STATUS_LABEL[s.phase]} · ${(0,render_escape/* escapeMarkdown */.FV)(p.environment)}`);
    out.push([
        '| Table | Version | Direction | Approval | Plan hash |',
        '| --- | --- | --- | --- | --- |',
        `| ${(0,render_escape/* inlineCode */.ti)(p.table)} | ${versionCell(p)} | ${directionCell(p)} | ${approvalCell(s)} | ${p.stateUnknown ? '— (table not read)' : (0,render_escape/* inlineCode */.ti)(p.hash)} |`,
    ].join('\n'));
    if (p.stateUnknown) {
        out.push('> [!NOTE]\n> The table state could not be read, so this plan comes from the migration files only (current version assumed 0.0.0). Nothing was read from or written to the table.');
    }
    if (p.global)
        out.push(`🌐 ${(0,render_escape/* escapeMarkdown */.FV)(describeReplication(p.global))}`);
    const problems = problemsOf(s);
    if (problems)
        out.push(problems);
    if (s.message)
        out.push(`**${(0,render_escape/* escapeMarkdown */.FV)(s.message)}**`);
    if (s.report && s.phase !== 'applying')
        out.push(renderReport(s.report, mode));
    else if (mode === 'full' && p.steps.length)
        out.push(renderSteps(p.steps));
    else if (p.steps.length)
        out.push(`${p.steps.length} step${p.steps.length === 1 ? '' : 's'}: ${p.steps.map((x) => `${x.direction} ${(0,render_escape/* inlineCode */.ti)(x.version)}`).join(', ')}.`);
    else if (!s.findings?.length)
        out.push('No steps: the table is at the target.');
    const estimate = renderEstimate(p);
    if (estimate && p.steps.length && s.phase !== 'applied')
        out.push(estimate);
    if (s.recoveryPoint)
        out.push(`Recovery point: ${(0,render_escape/* escapeMarkdown */.FV)(s.recoveryPoint)}`);
    const rollback = renderRollback(s, input);
    if (rollback)
        out.push(rollback);
    return out.join('\n\n');
}
function versionCell(p) {
    return p.currentVersion === p.targetVersion
        ? `${(0,render_escape/* inlineCode */.ti)(p.currentVersion)} (at target)`
        : `${(0,render_escape/* inlineCode */.ti)(p.currentVersion)} → ${(0,render_escape/* inlineCode */.ti)(p.targetVersion)}`;
}
function directionCell(p) {
    if (p.direction === 'none')
        return 'none';
    return p.direction === 'up' ? '▲ up' : '▼ down (rollback)';
}
function approvalCell(s) {
    if (s.approvalRequired === undefined)
        return '—';
    return s.approvalRequired ? 'required (approving review)' : 'not required';
}
/** Blockers, errors, failed state, drift, lock and warnings: what a reviewer must not miss. */
function problemsOf(s) {
    const p = s.plan;
    const lines = [];
    if (s.error && !(s.report?.error === s.error)) {
        lines.push(`> [!CAUTION]\n> ${quote(s.error)}${s.next ? `\n>\n> **Next:** ${quote(s.next)}` : ''}`);
    }
    for (const f of s.findings ?? [])
        lines.push(`- ⚠️ **${(0,render_escape/* escapeMarkdown */.FV)(f.kind)}:** ${(0,render_escape/* escapeMarkdown */.FV)(f.message)}`);
    // A report that failed shows its own error; blockers in it are the plan's.
    for (const b of p.blockers) {
        lines.push(`- ⛔ ${(0,render_escape/* escapeMarkdown */.FV)(b.message)}<br>**Next:** ${(0,render_escape/* escapeMarkdown */.FV)(b.next)}`);
    }
    for (const d of p.drift) {
        if (p.blockers.some((b) => b.kind === 'drift' && b.version === d.version))
            continue;
        lines.push(`- ⚠️ ${(0,render_escape/* escapeMarkdown */.FV)(d.file)} changed after ${(0,render_escape/* inlineCode */.ti)(d.version)} was applied (recorded ${(0,render_escape/* inlineCode */.ti)((0,checksum/* shortChecksum */.s2)(d.recorded))}, now ${(0,render_escape/* inlineCode */.ti)((0,checksum/* shortChecksum */.s2)(d.current))}).`);
    }
    if (p.failed && !p.blockers.some((b) => b.kind === 'failed-state')) {
        lines.push(`- ⚠️ The ${p.failed.direction} of ${(0,render_escape/* inlineCode */.ti)(p.failed.version)} failed: ${(0,render_escape/* escapeMarkdown */.FV)(clip(p.failed.status, 500))}`);
    }
    // The plan a run reports was made under the run's own lock, which it has since released.
    const ownLock = s.report?.lockId !== undefined && p.lock?.lockId === s.report.lockId;
    for (const w of p.warnings) {
        if (w.code === 'state-unknown' && p.stateUnknown)
            continue;
        if (ownLock && (w.code === 'lock-held' || w.code === 'stale-lock'))
            continue;
        lines.push(`- ${w.code === 'irreversible' || w.code === 'lock-held' || w.code === 'stale-lock' ? '⚠️' : 'ℹ️'} ${(0,render_escape/* escapeMarkdown */.FV)(w.message)}`);
    }
    return lines.length ? lines.join('\n') : undefined;
}
function renderSteps(steps) {
    const rows = [
        '| | Version | Description | Reversible | Idempotent | Checksum |',
        '| --- | --- | --- | --- | --- | --- |',
        ...steps.map((x) => `| ${x.direction === 'up' ? '▲ up' : '▼ down'}${x.kind === 'migrate' ? '' : ` (${x.kind})`} | ${(0,render_escape/* inlineCode */.ti)(x.version)} | ${(0,render_escape/* escapeMarkdown */.FV)(x.description) || '—'}${checksNote(x)} | ${x.reversible ? 'yes' : '**no**'} | ${x.idempotent ? 'yes' : 'no'} | ${(0,render_escape/* inlineCode */.ti)((0,checksum/* shortChecksum */.s2)(x.checksum))} |`),
    ].join('\n');
    return markdown_fold(`${steps.length} step${steps.length === 1 ? '' : 's'}`, rows, steps.length <= OPEN_STEPS);
}
function renderReport(r, mode) {
    const out = [];
    const applied = r.steps.filter((x) => x.status === 'applied');
    const totals = sumCounts(r.steps);
    const summary = {
        applied: `Applied ${applied.length} step${applied.length === 1 ? '' : 's'} in ${formatDuration(r.durationMs)}`,
        'no-op': 'Nothing to apply: the table was already at the target',
        failed: `Failed after ${formatDuration(r.durationMs)}`,
        'precondition-failed': "Not applied: a step's precondition (its `before` hook) failed",
        blocked: 'Not applied',
        'dry-run': `Dry run in ${formatDuration(r.durationMs)}: nothing was written`,
        incomplete: `Stopped at a checkpoint after ${formatDuration(r.durationMs)}`,
    };
    out.push(`**${summary[(0,outcome/* statusOfReport */.I5)(r)]}**${totals ? ` · ${totals}` : ''}${r.lockId ? ` · lock ${(0,render_escape/* inlineCode */.ti)(r.lockId)}` : ''}`);
    if (r.steps.length && mode === 'full') {
        const rows = [
            '| | Version | Status | Duration | Scanned | Changed | Skipped | Failed |',
            '| --- | --- | --- | --- | --- | --- | --- | --- |',
            ...r.steps.map((x) => stepRow(x)),
        ].join('\n');
        out.push(markdown_fold(`${r.steps.length} step${r.steps.length === 1 ? '' : 's'} run`, rows, r.steps.length <= OPEN_STEPS));
    }
    const checks = renderChecks(r.steps);
    if (checks)
        out.push(checks);
    // A run blocked by the plan's own blockers has them listed above already.
    const repeatsBlockers = r.status === 'blocked' && r.plan.blockers.length > 0;
    if (r.error && !repeatsBlockers)
        out.push(`**Error**\n\n${(0,render_escape/* codeBlock */.DV)(clip(r.error, ERROR_CHARS))}`);
    if (r.next && !repeatsBlockers)
        out.push(`**Next:** ${(0,render_escape/* escapeMarkdown */.FV)(r.next)}`);
    if (r.status === 'blocked' && mode === 'full' && r.plan.steps.length)
        out.push(renderSteps(r.plan.steps));
    return out.join('\n\n');
}
function stepRow(x) {
    const c = x.counts;
    const icon = x.status === 'applied'
        ? '✅'
        : x.status === 'failed'
            ? '❌'
            : x.status === 'dry-run'
                ? '🧪'
                : x.status === 'skipped'
                    ? '⏭️'
                    : '⏸️';
    const n = (v) => (v === undefined ? '—' : formatCount(v));
    return `| ${icon} ${x.direction} | ${(0,render_escape/* inlineCode */.ti)(x.version)} | ${x.status} | ${formatDuration(x.durationMs)} | ${n(c?.scanned)} | ${n(c?.changed)} | ${n(c?.skipped)} | ${n(c?.failed)} |`;
}
/** A step's hooks, said after its description: which steps check before and after, and which run a canary. */
function checksNote(x) {
    const parts = [
        x.checks?.includes('before') ? 'preconditions (before)' : undefined,
        x.checks?.includes('verify') ? 'post-checks (verify)' : undefined,
        x.canaryPercent ? `canary ${x.canaryPercent}% first` : undefined,
    ].filter(Boolean);
    return parts.length ? ` · ${parts.join(' · ')}` : '';
}
/** What the steps' before and verify hooks found. */
function renderChecks(steps) {
    const lines = [];
    for (const x of steps) {
        for (const c of x.checks ?? []) {
            const scope = c.scope === 'canary' ? 'the canary' : c.hook === 'before' ? 'the table' : 'every item';
            lines.push(`- ${c.passed ? '✅' : '❌'} ${(0,render_escape/* inlineCode */.ti)(x.version)} ${c.hook} on ${scope}${c.passed ? ': passed' : ':'}`);
            for (const f of c.passed ? [] : c.findings.slice(0, 10)) {
                const examples = f.examples?.length
                    ? ` — e.g. ${f.examples
                        .slice(0, 3)
                        .map((k) => (0,render_escape/* inlineCode */.ti)(Object.values(k).join(' / ')))
                        .join(', ')}`
                    : '';
                lines.push(`  - ${(0,render_escape/* escapeMarkdown */.FV)(f.message)}${f.count !== undefined ? ` (${formatCount(f.count)})` : ''}${examples}`);
            }
        }
        if (x.canaryReverted === true)
            lines.push(`- ↩️ ${(0,render_escape/* inlineCode */.ti)(x.version)}: the canary's changes were undone with its down; the rest of the table was not touched.`);
        if (x.canaryReverted === false)
            lines.push(`- ⚠️ ${(0,render_escape/* inlineCode */.ti)(x.version)} has no down: the canary's changes are still in the table; the rest was not touched.`);
    }
    return lines.length ? `**Checks**\n\n${lines.join('\n')}` : undefined;
}
function sumCounts(steps) {
    const withCounts = steps.filter((x) => x.counts);
    if (!withCounts.length)
        return undefined;
    const sum = (k) => withCounts.reduce((a, x) => a + (x.counts?.[k] ?? 0), 0);
    return `${formatCount(sum('scanned'))} items scanned, ${formatCount(sum('changed'))} changed, ${formatCount(sum('skipped'))} skipped, ${formatCount(sum('failed'))} failed`;
}
function renderEstimate(p) {
    const e = p.estimate;
    if (!e)
        return undefined;
    const time = e.secondsAtRate !== undefined && e.rate !== undefined
        ? `; about ${formatDuration(e.secondsAtRate * 1000)} per rewrite at ${formatCount(e.rate)} write units/s`
        : '';
    const replicated = e.replicas && e.totalWriteUnits !== undefined ? ` Global table: ${(0,render_escape/* escapeMarkdown */.FV)(describeReplicatedCost(e))}.` : '';
    return `**Estimate** (table statistics, refreshed by DynamoDB about every six hours): ~${formatCount(e.items)} items, ${formatBytes(e.sizeBytes)}; a full scan reads ~${formatCount(e.readUnits)} read units, rewriting every item once costs ~${formatCount(e.writeUnits)} write units${time}.${replicated}`;
}
/** The exact dispatch that would undo this plan. */
function renderRollback(s, input) {
    const r = s.plan.rollback;
    // A plan from the files alone does not know the version to go back to; a drift check plans nothing.
    const stopped = s.phase === 'failed' || s.phase === 'precondition-failed' || s.phase === 'blocked';
    if (!r || s.plan.stateUnknown || stopped || s.phase === 'drift')
        return undefined;
    const workflow = input.dispatchWorkflow ?? 'migrate-dispatch.yml';
    const fields = [
        ['environment', s.plan.environment],
        ['command', r.command],
        ['version', r.version],
    ];
    if (s.protected)
        fields.push(['confirm', s.plan.table]);
    const gh = `gh workflow run ${workflow} ${fields.map(([k, v]) => `-f ${k}=${shellQuote(v)}`).join(' ')}`;
    const title = s.phase === 'applied' ? 'To roll this back' : 'To roll back after it is applied';
    const body = [
        `Dispatch ${(0,render_escape/* inlineCode */.ti)(workflow)} with:`,
        '',
        '| Input | Value |',
        '| --- | --- |',
        ...fields.map(([k, v]) => `| ${(0,render_escape/* inlineCode */.ti)(k)} | ${(0,render_escape/* inlineCode */.ti)(v)} |`),
        '',
        (0,render_escape/* codeBlock */.DV)(gh, 'sh'),
    ].join('\n');
    return markdown_fold(title, body, false);
}
function markdown_fold(summary, body, open) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
function quote(text) {
    return (0,render_escape/* escapeMarkdown */.FV)(clip(text, ERROR_CHARS));
}
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters in the log)` : text;
}
/** Only http(s) URLs become links; anything else (javascript:, markup) is dropped. */
function safeUrl(url) {
    return /^https?:\/\/[^\s()<>]+$/.test(url) ? url : '#';
}
function shellQuote(v) {
    return /^[A-Za-z0-9_.,:/@-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 5366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ mostUrgent)
/* harmony export */ });
/* unused harmony export STATUS_URGENCY */
/**
 * The one status vocabulary: every status a run or an environment can be in or end in, and one
 * urgency order over them. The terminal, the PR comment (its headings and its overall heading)
 * and the action's `status` output all speak it. Which outcome gets which status, and which exit
 * code, is decided in core/outcome.ts. This module imports nothing, so that core/types.ts can
 * build its `RunStatus` from it.
 */
/** Every status, from the most to the least urgent: the overall status of several is the first of them here. */
const STATUS_URGENCY = [
    // A step threw, its `verify` found problems, or the run could not finish. Exit 1 (3 when the lock was lost).
    'failed',
    // A step's `before` hook (its precondition) found a problem in the data, or threw: the step was
    // not run and nothing was written. Exit 1: the data (or the hook) must change, not the input.
    'precondition-failed',
    // The plan cannot run as it stands: its blockers (exit 2; 4 for drift, 1 for a failed state), a
    // plan changed since review (exit 4), a gate or a refused command (exit 2).
    'blocked',
    // The scheduled check found the table away from the manifest. Exit 4.
    'drift',
    // A step stopped at a checkpoint before its time budget ran out; `apply --resume` continues. Exit 1.
    'incomplete',
    // Steps are running (a pull request comment while the merge applies).
    'applying',
    // A plan was made and shown; nothing ran.
    'planned',
    // Every step ran without writing.
    'dry-run',
    // Every step of the plan was applied.
    'applied',
    // Nothing to do: the table is at the target.
    'no-op',
];
/** The most urgent of `statuses` (by `STATUS_URGENCY`), or undefined when there is none. */
function mostUrgent(statuses) {
    let best;
    for (const s of statuses)
        if (best === undefined || rank(s) < rank(best))
            best = s;
    return best;
}
function rank(s) {
    return STATUS_URGENCY.indexOf(s);
}


/***/ })

};
