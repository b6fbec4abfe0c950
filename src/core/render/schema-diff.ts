import type {
  AttributeChange,
  AttributeSummary,
  BreakingChange,
  IndexSummary,
  KeyChange,
  KeyTemplate,
  PropertyChange,
  SchemaDiff,
} from '../schema-diff';
import { escapeMarkdown, inlineCode } from './escape';

/**
 * The data-model section of a plan: markdown (PR comment, job summary) and terminal text,
 * both from one list of lines, so they say the same thing. Everything that comes from a
 * schema is escaped (markdown) or stripped of control characters (terminal).
 */

/** Limits that keep the section short on a large redesign. */
export interface SchemaDiffRenderOptions {
  /** Markdown heading level of the section title (default 4: inside an environment's `###`). */
  headingLevel?: number;
  /** Title of the section (default "Data model"). */
  title?: string;
  /** Lines shown per model before folding into "… and N more" (default 12). */
  maxLinesPerModel?: number;
  /** Models shown before folding (default 15). */
  maxModels?: number;
  /** Breaking changes listed before folding (default 10). */
  maxBreaking?: number;
}

/** Trusted text of ours, a value shown as code, or untrusted plain text (escaped). */
type Segment = string | { code: string } | { text: string };
type Kind = 'added' | 'removed' | 'changed' | 'listed';
interface Line {
  kind: Kind;
  segments: Segment[];
}
interface Block {
  title: Segment[];
  lines: Line[];
}
interface Section {
  summary: Segment[];
  breaking: Line[];
  blocks: Block[];
  /** Blocks folded away by `maxModels`. */
  foldedBlocks: number;
}

const DEFAULTS = { headingLevel: 4, title: 'Data model', maxLinesPerModel: 12, maxModels: 15, maxBreaking: 10 };
/** Enum values and long values are cut to this many. */
const MAX_VALUES = 6;
const MAX_VALUE_CHARS = 60;

/** GitHub-flavoured markdown for the plan's data-model section. */
export function renderSchemaDiffMarkdown(diff: SchemaDiff, options: SchemaDiffRenderOptions = {}): string {
  const o = { ...DEFAULTS, ...definedOnly(options) };
  const s = buildSection(diff, o);
  const md = (segs: Segment[]): string =>
    segs.map((x) => (typeof x === 'string' ? x : 'code' in x ? inlineCode(x.code) : escapeMarkdown(x.text))).join('');
  const out: string[] = [
    `${'#'.repeat(Math.min(6, Math.max(1, o.headingLevel)))} ${escapeMarkdown(o.title)}`,
    '',
    md(s.summary),
  ];
  if (s.breaking.length) {
    out.push(
      '',
      '> [!WARNING]',
      `> **${count(diff.breaking.length, 'change breaks', 'changes break')} code or items of the old design:**`,
    );
    for (const l of s.breaking) out.push(`> - ${md(l.segments)}`);
  }
  for (const b of s.blocks) {
    out.push('', md(b.title));
    for (const l of b.lines) out.push(`- ${l.kind === 'listed' ? '' : `${l.kind} `}${md(l.segments)}`);
  }
  if (s.foldedBlocks) out.push('', `… and ${count(s.foldedBlocks, 'more model', 'more models')} changed.`);
  return `${out.join('\n')}\n`;
}

/** Terminal text for the same section: `+` added, `-` removed, `~` changed, `!` breaking. */
export function renderSchemaDiffText(diff: SchemaDiff, options: SchemaDiffRenderOptions = {}): string {
  const o = { ...DEFAULTS, ...definedOnly(options) };
  const s = buildSection(diff, o);
  const txt = (segs: Segment[]): string =>
    segs
      .map((x) =>
        typeof x === 'string'
          ? x.replace(/\*\*/g, '').replace(/→/g, '->')
          : 'code' in x
            ? plain(x.code)
            : plain(x.text),
      )
      .join('');
  const mark: Record<Kind, string> = { added: '+', removed: '-', changed: '~', listed: ' ' };
  const out: string[] = [`${plain(o.title)}: ${txt(s.summary)}`];
  if (s.breaking.length) {
    out.push(`  ${count(diff.breaking.length, 'change breaks', 'changes break')} code or items of the old design:`);
    for (const l of s.breaking) out.push(`    ! ${txt(l.segments)}`);
  }
  for (const b of s.blocks) {
    out.push(`  ${txt(b.title)}`);
    for (const l of b.lines) out.push(`    ${mark[l.kind]} ${txt(l.segments)}`);
  }
  if (s.foldedBlocks) out.push(`  … and ${count(s.foldedBlocks, 'more model', 'more models')} changed`);
  return `${out.join('\n')}\n`;
}

function buildSection(diff: SchemaDiff, o: typeof DEFAULTS): Section {
  const section: Section = { summary: summary(diff), breaking: [], blocks: [], foldedBlocks: 0 };
  for (const b of diff.breaking.slice(0, o.maxBreaking))
    section.breaking.push({ kind: 'listed', segments: breakingSegments(b) });
  if (diff.breaking.length > o.maxBreaking) {
    section.breaking.push({ kind: 'listed', segments: [`… and ${diff.breaking.length - o.maxBreaking} more`] });
  }

  const modelBlocks: Block[] = [];
  const byName = new Map<string, Block>();
  for (const m of diff.models.added) {
    const lines: Line[] = [
      ...m.keys.map((k): Line => ({ kind: 'listed', segments: keyTemplateSegments(k) })),
      ...m.attributes.map((a): Line => ({ kind: 'listed', segments: ['attribute ', ...attributeSegments(a)] })),
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
    const lines: Line[] = [
      ...m.keys.map(
        (k): Line => ({
          kind: k.from === undefined ? 'added' : k.to === undefined ? 'removed' : 'changed',
          segments: keyChangeSegments(k),
        }),
      ),
      ...m.attributes.added.map((a): Line => ({ kind: 'added', segments: ['attribute ', ...attributeSegments(a)] })),
      ...m.attributes.removed.map(
        (a): Line => ({ kind: 'removed', segments: ['attribute ', ...attributeSegments(a)] }),
      ),
      ...m.attributes.changed.map((a): Line => ({ kind: 'changed', segments: attributeChangeSegments(a) })),
    ];
    byName.set(m.name, { title: modelTitle(m.name, ''), lines });
  }
  for (const name of [...byName.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)))
    modelBlocks.push(fold(byName.get(name)!, o.maxLinesPerModel));
  section.blocks.push(...modelBlocks.slice(0, o.maxModels));
  section.foldedBlocks = Math.max(0, modelBlocks.length - o.maxModels);

  const indexLines: Line[] = [
    ...diff.indexes.added.map((i): Line => ({ kind: 'added', segments: indexSegments(i) })),
    ...diff.indexes.removed.map((i): Line => ({ kind: 'removed', segments: indexSegments(i) })),
    ...diff.indexes.changed.map(
      (i): Line => ({ kind: 'changed', segments: ['index ', { code: i.name }, ': ', ...changeList(i.changes)] }),
    ),
  ];
  if (indexLines.length) section.blocks.push(fold({ title: ['**Indexes**'], lines: indexLines }, o.maxLinesPerModel));

  const other: Line[] = [
    ...diff.params.map(
      (p): Line => ({ kind: 'changed', segments: ['param ', { code: p.property }, ': ', ...fromTo(p)] }),
    ),
    ...diff.queries.map((q): Line => ({ kind: q.change, segments: ['query ', { code: q.name }] })),
    ...diff.process.map((q): Line => ({ kind: q.change, segments: ['process ', { code: q.name }] })),
  ];
  if (other.length)
    section.blocks.push(fold({ title: ['**Params, queries and process**'], lines: other }, o.maxLinesPerModel));
  return section;
}

function summary(diff: SchemaDiff): Segment[] {
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
      const parts: string[] = [];
      const add = (n: number, one: string, many: string, verb: string): void => {
        if (n) parts.push(`${count(n, one, many)} ${verb}`);
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

function modelTitle(name: string, note: string): Segment[] {
  return ['**', { text: name }, '**', note ? ` (${note})` : ''];
}

function breakingSegments(b: BreakingChange): Segment[] {
  const where: Segment[] = [];
  if (b.model) where.push({ code: b.attribute ? `${b.model}.${b.attribute}` : b.model });
  else if (b.index) where.push({ code: b.index });
  if (b.model && b.index && b.index !== 'primary') where.push(' (index ', { code: b.index }, ')');
  return where.length ? [...where, ': ', { text: b.reason }] : [{ text: capitalize(b.reason) }];
}

function keyTemplateSegments(k: KeyTemplate): Segment[] {
  return ['key ', { code: k.attribute }, ...keyRole(k.index, k.role), ': ', { code: k.template }];
}

function keyChangeSegments(k: KeyChange): Segment[] {
  const head: Segment[] = ['key ', { code: k.attribute }, ...keyRole(k.index, k.role)];
  if (k.from !== undefined && k.to !== undefined) return [...head, ': ', { code: k.from }, ' → ', { code: k.to }];
  return [...head, ': ', { code: (k.to ?? k.from)! }];
}

function keyRole(index: string, role: string): Segment[] {
  return index === 'primary' ? [` (primary ${role})`] : [' (', { code: index }, ` ${role})`];
}

function attributeSegments(a: AttributeSummary): Segment[] {
  const facts: Segment[][] = [];
  if (a.type) facts.push([a.type.replace(/[^a-z]/g, '')]);
  if (a.required) facts.push(['required']);
  if (a.default !== undefined) facts.push(['default ', { code: valueText(a.default) }]);
  if (a.value !== undefined) facts.push(['value ', { code: a.value }]);
  if (a.enum) facts.push(['one of ', ...valueList(a.enum)]);
  if (a.generate !== undefined) facts.push(['generated ', { code: valueText(a.generate) }]);
  if (a.map !== undefined) facts.push(['stored as ', { code: a.map }]);
  const out: Segment[] = [{ code: a.name }];
  if (facts.length) {
    out.push(' (');
    facts.forEach((f, i) => {
      out.push(...(i ? [', ', ...f] : f));
    });
    out.push(')');
  }
  return out;
}

function attributeChangeSegments(a: AttributeChange): Segment[] {
  return ['attribute ', { code: a.name }, ': ', ...changeList(a.changes)];
}

function changeList(changes: PropertyChange[]): Segment[] {
  const out: Segment[] = [];
  changes.forEach((c, i) => {
    if (i) out.push('; ');
    out.push(...propertyChangeSegments(c));
  });
  return out;
}

function propertyChangeSegments(c: PropertyChange): Segment[] {
  if (c.property === 'required') return [c.to === true ? 'now required' : 'no longer required'];
  if (c.property === 'enum' && Array.isArray(c.from) && Array.isArray(c.to)) {
    const from = c.from;
    const to = c.to;
    const added = to.filter((v) => !from.some((w) => valueText(w) === valueText(v)));
    const removed = from.filter((v) => !to.some((w) => valueText(w) === valueText(v)));
    const out: Segment[] = ['allowed values'];
    if (added.length) out.push(' + ', ...valueList(added));
    if (removed.length) out.push(' − ', ...valueList(removed));
    if (!added.length && !removed.length) out.push(' reordered');
    return out;
  }
  return [safeWord(c.property), ' ', ...fromTo(c)];
}

function fromTo(c: PropertyChange): Segment[] {
  const side = (v: unknown): Segment => (v === undefined ? 'none' : { code: valueText(v) });
  return [side(c.from), ' → ', side(c.to)];
}

function indexSegments(i: IndexSummary): Segment[] {
  const facts: Segment[] = [i.kind];
  if (i.hash && i.kind !== 'local') facts.push(', hash ', { code: i.hash });
  if (i.sort) facts.push(', sort ', { code: i.sort });
  if (i.project !== undefined) facts.push(', projects ', { code: valueText(i.project) });
  return ['index ', { code: i.name }, ' (', ...facts, ')'];
}

function valueList(values: unknown[]): Segment[] {
  const out: Segment[] = [];
  values.slice(0, MAX_VALUES).forEach((v, i) => {
    if (i) out.push(', ');
    out.push({ code: valueText(v) });
  });
  if (values.length > MAX_VALUES) out.push(` and ${values.length - MAX_VALUES} more`);
  return out;
}

/** Strings as they are (templates, types); anything else as JSON; cut when long. */
function valueText(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS - 1)}…` : s;
}

function fold(block: Block, max: number): Block {
  if (block.lines.length <= max) return block;
  const shown = block.lines.slice(0, max - 1);
  shown.push({ kind: 'listed', segments: [`… and ${block.lines.length - shown.length} more changes`] });
  return { title: block.title, lines: shown };
}

/** Property names are ours or the schema's: only a plain word is shown as trusted text. */
function safeWord(word: string): Segment {
  return /^[A-Za-z][\w]{0,40}$/.test(word) ? word : { code: word };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Terminal-safe: no control characters (no ANSI escapes), one line. */
function plain(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return s.replace(/\r?\n|\r/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function definedOnly(o: SchemaDiffRenderOptions): Partial<typeof DEFAULTS> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<typeof DEFAULTS>;
}
