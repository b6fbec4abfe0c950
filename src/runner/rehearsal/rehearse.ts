import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AnalyzerFinding, RehearsalSummary } from '../../core/analyzers/findings';
import { finding } from '../../core/analyzers/findings';
import { describeAttributes, diffItems, keyOf, keyString, type PlainItem } from '../../core/analyzers/item-diff';
import { messageOf } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Plan } from '../../core/types';
import { SchemaValidator } from '../../core/validate';
import { deriveDynamoClient } from '../../dynamodb/client';
import { createDataEngine } from '../../dynamodb/bulk';
import type { Selection } from '../../dynamodb/bulk/types';
import type { LoadedMigration, Project } from '../../loader/load-project';
import { WRITE_COMMANDS, readOnlyClient } from '../local/read-only-client';
import { migrationContext } from '../step/migration-context';
import { ITEM_LIMIT_BYTES, type ItemMap, type MemoryEffects, memoryData, noEffects } from './memory-data';

/**
 * A rehearsal of a plan (`plan --rehearse`): a sample of the table is read once, read-only,
 * and each up step of the plan runs on it in memory, one after the other (each step gets the
 * items as the steps before it left them): up, then up again (idempotent steps), then down
 * from up's result. What the transforms did is judged by the rehearsal rules (DM2xx, see
 * core/analyzers/rules.ts). Nothing is written: the data engine is in memory, and ctx.client's
 * writes are not sent (they are counted: they cannot be rehearsed).
 */

export interface RehearsalTarget {
  client: DynamoDBClient;
  table: string;
  project: Project;
  log: Logger;
}

export interface RehearsalResult {
  findings: AnalyzerFinding[];
  summary: RehearsalSummary;
}

const silent = { info() {}, warn() {}, debug() {} };

export async function rehearsePlan(plan: Plan, t: RehearsalTarget, samplePercent: number): Promise<RehearsalResult> {
  const reader = readOnlyClient(t.client);
  try {
    const { keys, indexKeys } = await tableKeys(reader, t.table);
    const engine = createDataEngine({
      client: reader,
      table: t.table,
      keys,
      dryRun: true,
      samplePercent,
      logger: silent,
      progressBar: false,
    });
    const items: ItemMap = new Map();
    await engine.forEach({}, (item) => {
      items.set(keyString(item, keys), item);
    });
    const whereKeys = async (selection: Selection): Promise<Set<string>> => {
      const out = new Set<string>();
      const { filter: _client, ...server } = selection;
      await engine.forEach(server, (item) => {
        out.add(keyString(item, keys));
      });
      return out;
    };
    const findings: AnalyzerFinding[] = [];
    const steps: RehearsalSummary['steps'] = [];
    for (const step of plan.steps) {
      if (step.direction !== 'up' || step.kind === 'reset') continue;
      const m = t.project.migrations.find((x) => x.version === step.version);
      if (!m) continue;
      const r = await rehearseStep(m, t, { items, keys, indexKeys, whereKeys, samplePercent, reader });
      findings.push(...r.findings);
      steps.push(r.summary);
    }
    return { findings, summary: { samplePercent, steps } };
  } finally {
    reader.destroy();
  }
}

interface StepInput {
  /** The sample as the steps before left it; this step's up result replaces it. */
  items: ItemMap;
  keys: { hash: string; sort: string };
  indexKeys: Map<string, string[]>;
  whereKeys: (s: Selection) => Promise<Set<string>>;
  samplePercent: number;
  reader: DynamoDBClient;
}

async function rehearseStep(
  m: LoadedMigration,
  t: RehearsalTarget,
  s: StepInput,
): Promise<{ findings: AnalyzerFinding[]; summary: RehearsalSummary['steps'][number] }> {
  const { keys } = s;
  const out: AnalyzerFinding[] = [];
  const before = cloneItems(s.items);
  const onceMarks = new Map<string, Set<string>>();
  const writes = { count: 0, commands: new Set<string>() };
  const run = async (direction: 'up' | 'down', items: ItemMap): Promise<MemoryEffects | undefined> => {
    const effects = noEffects();
    const fn = direction === 'up' ? m.up : m.down;
    if (!fn) return effects;
    const client = recordingClient(s.reader, writes);
    const idx = t.project.migrations.indexOf(m);
    const ctx = migrationContext(
      { version: m.version, direction },
      {
        client,
        table: t.table,
        keys,
        log: { ...silent, error() {} },
        data: memoryData(items, effects, {
          keys,
          whereKeys: s.whereKeys,
          onceMarks: direction === 'up' ? onceMarks : undefined,
        }),
        signal: new AbortController().signal,
        params: { dryRun: false, samplePercent: s.samplePercent },
        schema: { current: m.schema, previous: idx > 0 ? t.project.migrations[idx - 1]?.schema : undefined },
      },
    );
    try {
      await fn(ctx as never);
      return effects;
    } catch (e) {
      out.push(finding('DM209', m, `${direction} threw on the sample: ${messageOf(e).split('\n')[0]}`));
      return undefined;
    } finally {
      client.destroy();
    }
  };

  // up once, on the sample as it is.
  const once = cloneItems(before);
  const upEffects = await run('up', once);
  const summary: RehearsalSummary['steps'][number] = {
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
    out.push(
      finding(
        'DM201',
        m,
        `up sets the primary key (${keys.hash}/${keys.sort}) of items, which cannot change in place: put the item under its new key and delete the old one`,
        { count: upEffects.keyChanges.length, examples: upEffects.keyChanges.slice(0, 5) },
      ),
    );
  for (const [index, attrs] of s.indexKeys) {
    const hit = attrs.flatMap((a) => upEffects.setAttributes.get(a) ?? []);
    const touched = new Set(hit.map((k) => JSON.stringify(k)));
    if (!touched.size) continue;
    out.push(
      finding(
        'DM202',
        m,
        `up sets ${attrs.filter((a) => upEffects.setAttributes.has(a)).join(', ')}, key of index ${index}: each such item is written to the index too (about ${touched.size} extra write unit(s) on the sample, ${Math.round(touched.size * scale).toLocaleString('en-US')} on the table)`,
        { count: touched.size, examples: hit.slice(0, 5) },
      ),
    );
  }
  if (upEffects.tooLarge.length)
    out.push(
      finding(
        'DM204',
        m,
        `up makes items larger than DynamoDB's ${ITEM_LIMIT_BYTES / 1024} KB limit (largest ${Math.max(...upEffects.tooLarge.map((x) => x.bytes)).toLocaleString('en-US')} bytes): those writes would fail`,
        { count: upEffects.tooLarge.length, examples: upEffects.tooLarge.slice(0, 5).map((x) => x.key) },
      ),
    );

  // Schema fit: the items up changed or created, against the schema of this version.
  if (m.schema) {
    const validator = new SchemaValidator(m.schema, keys);
    for (const k of upEffects.changed) {
      const item = once.get(k);
      if (item) validator.add(item);
    }
    const report = validator.report();
    for (const [model, v] of Object.entries(report.models)) {
      if (!v.invalid) continue;
      const problems = v.problems.map((p) => `${p.attribute} ${p.kind} (${p.count})`).join(', ');
      out.push(
        finding('DM207', m, `${model} items written by up do not fit the schema of ${m.version}: ${problems}`, {
          count: v.invalid,
          examples: v.examples,
        }),
      );
    }
  }

  // Idempotence: up applied again to up's result must change nothing.
  if (m.idempotent) {
    const twice = cloneItems(once);
    if (await run('up', twice)) {
      const d = diffItems(once, twice, keys);
      if (d.items)
        out.push(
          finding(
            'DM205',
            m,
            `declared idempotent, but up applied twice differs from up once in ${describeAttributes(d)}: make the transform give the same result when run again (or use once: true), or remove idempotent: true`,
            { count: d.items, examples: d.examples },
          ),
        );
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
        out.push(
          finding('DM206', m, `up then down does not give back the items: ${describeAttributes(d)} differ`, {
            count: d.items,
            examples: d.examples,
          }),
        );
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
    out.push(
      finding(
        'DM203',
        m,
        `up ${what} and no down gives them back: restore them in down, or declare irreversible: true`,
        {
          count: upEffects.deleted.length + removedAttrs.count,
          examples: [...upEffects.deleted, ...removedAttrs.examples].slice(0, 5),
        },
      ),
    );
  }

  summary.unrehearsedWrites = writes.count;
  if (writes.count)
    out.push(
      finding(
        'DM208',
        m,
        `${writes.count} write(s) through ctx.client (${[...writes.commands].join(', ')}) were not sent and cannot be rehearsed: their effect is not in these checks`,
        { count: writes.count },
      ),
    );
  // The next step starts from this one's result.
  s.items.clear();
  for (const [k, v] of once) s.items.set(k, v);
  return { findings: out, summary };
}

/** Attributes that up removed from items it kept. */
function removedAttributes(
  before: ItemMap,
  after: ItemMap,
  effects: MemoryEffects,
  keys: { hash: string; sort: string },
): { count: number; names: string[]; examples: PlainItem[] } {
  const names = new Set<string>();
  const examples: PlainItem[] = [];
  let count = 0;
  for (const k of effects.changed) {
    const b = before.get(k);
    const a = after.get(k);
    if (!b || !a) continue;
    const gone = Object.keys(b).filter((n) => b[n] !== undefined && !(n in a));
    if (!gone.length) continue;
    count++;
    for (const n of gone) names.add(n);
    if (examples.length < 5) examples.push(keyOf(b, keys));
  }
  return { count, names: [...names].sort(), examples };
}

function cloneItems(items: ItemMap): ItemMap {
  return new Map([...items].map(([k, v]) => [k, structuredClone(v)]));
}

/**
 * A client that reads from the table and answers its write commands without sending them
 * (counted): a migration's raw-client writes run in a rehearsal without touching the table.
 */
function recordingClient(base: DynamoDBClient, writes: { count: number; commands: Set<string> }): DynamoDBClient {
  const c = deriveDynamoClient(base);
  c.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      if (!WRITE_COMMANDS.has(name)) return next(args);
      writes.count++;
      writes.commands.add(name);
      return { output: { $metadata: {} }, response: {} } as never;
    },
    { step: 'initialize', priority: 'high', name: 'rehearsalWrites' },
  );
  return c;
}

/** The table's key names, and each index's key attributes (GSIs and LSIs) other than the table's. */
async function tableKeys(
  client: DynamoDBClient,
  table: string,
): Promise<{ keys: { hash: string; sort: string }; indexKeys: Map<string, string[]> }> {
  const res = await client.send(new DescribeTableCommand({ TableName: table }));
  const schema = res.Table?.KeySchema ?? [];
  const hash = schema.find((x) => x.KeyType === 'HASH')?.AttributeName ?? 'pk';
  const sort = schema.find((x) => x.KeyType === 'RANGE')?.AttributeName ?? '';
  const indexKeys = new Map<string, string[]>();
  for (const ix of [...(res.Table?.GlobalSecondaryIndexes ?? []), ...(res.Table?.LocalSecondaryIndexes ?? [])]) {
    const attrs = (ix.KeySchema ?? []).map((k) => k.AttributeName ?? '').filter((a) => a && a !== hash && a !== sort);
    if (ix.IndexName && attrs.length) indexKeys.set(ix.IndexName, attrs);
  }
  return { keys: { hash, sort }, indexKeys };
}
