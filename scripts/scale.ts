// Scale on paper: what one bulk pass over a big table costs the Step Functions fan-out (segments,
// Distributed Map children, history events per child, payloads against Step Functions' limits,
// time at the table's capacity, the orchestration's cost, the caller's progress polls). docs/scale.md
// is this script's output with the reasoning around it. The segment rule, the children in flight
// and the rounds' cap are the product's own (imported), so the doc cannot drift from the code.
// Run: node --import jiti/register scripts/scale.ts [--json]
import { pathToFileURL } from 'node:url';
import { MAX_DEFAULT_SEGMENTS } from '../src/runner/lambda/fan-out';
import { fanOutConcurrency, MAX_SEGMENT_ROUNDS } from '../src/runner/stepfunctions/definition';
import { progressEveryMs } from '../src/runner/stepfunctions/step-execution';

/** Step Functions' and Lambda's limits the estimate is checked against (AWS quotas pages, 2026-12). */
export const LIMITS = {
  /** Bytes of UTF-8 in one state's input or output, and in an execution's input or output. */
  payloadBytes: 262_144,
  /** History events in one STANDARD execution (each Distributed Map child execution has its own). */
  eventsPerExecution: 25_000,
  /** Child executions a Distributed Map runs in parallel. */
  parallelChildren: 10_000,
  /** Longest a STANDARD execution may run: one year. */
  executionSeconds: 365 * 24 * 3600,
  /** Lambda's longest invocation. */
  invocationSeconds: 900,
  /** Bytes one DynamoDB Query page reads at most. */
  queryPageBytes: 1024 ** 2,
} as const;

/** Public list prices, us-east-1, as published on the AWS pricing pages when taken (see PRICES_TAKEN). */
export const PRICES = {
  /** Step Functions STANDARD: $0.025 per 1,000 state transitions (free tier of 4,000 a month ignored). */
  stateTransition: 0.025 / 1000,
  /** Lambda x86: $0.0000166667 per GB-second. */
  lambdaGbSecond: 0.0000166667,
  /** Lambda: $0.20 per million requests. */
  lambdaRequest: 0.2 / 1e6,
  /** DynamoDB on-demand, Standard table class: $0.625 per million write request units (since 2024-11-01). */
  writeRequestUnit: 0.625 / 1e6,
  /** DynamoDB on-demand, Standard table class: $0.125 per million read request units (since 2024-11-01). */
  readRequestUnit: 0.125 / 1e6,
  /** DynamoDB provisioned: $0.00065 per WCU-hour. */
  wcuHour: 0.00065,
  /** DynamoDB provisioned: $0.00013 per RCU-hour. */
  rcuHour: 0.00013,
} as const;
export const PRICES_TAKEN = '2026-12-04 (us-east-1 list prices; DynamoDB on-demand after its 2024-11-01 reduction)';

/** The project's segment rule (src/runner/lambda/fan-out.ts defaultSegments): one per GiB, at most 10,000. */
export const PROJECT_SEGMENT_RULE: SegmentRule = { bytesPerSegment: 1024 ** 3, maxSegments: MAX_DEFAULT_SEGMENTS };

/** The rule before docs/scale.md's arithmetic lifted the cap: one per GiB, at most 64. Kept to show what the cap cost. */
export const CAPPED_SEGMENT_RULE: SegmentRule = { bytesPerSegment: 1024 ** 3, maxSegments: 64 };

export interface SegmentRule {
  bytesPerSegment: number;
  maxSegments: number;
}

/** What one estimate assumes. Every assumption is an input, so the doc states each one. */
export interface ScaleInput {
  /** The table's size (DescribeTable's TableSizeBytes). */
  tableBytes: number;
  /** Average item size: a write of up to 1 KiB is one write unit. */
  itemBytes: number;
  segmentRule: SegmentRule;
  /** Items one segment invocation migrates per second when the table does not hold it back. */
  itemsPerSecondPerInvocation: number;
  /** Lambda's timeout for the controller, and the margin it keeps to checkpoint and return. */
  invocationSeconds: number;
  safetyMarginSeconds: number;
  /** The write rate the pass may use (write units per second): on-demand's table limit, or the provisioned WCU. */
  writeUnitsPerSecond: number;
  capacity: 'on-demand' | 'provisioned';
  /**
   * Children in flight asked for (the manifest's `concurrency:`, `--concurrency`); absent, the
   * product's default from the write rate (fanOutConcurrency). Either way within the segments,
   * Step Functions' 10,000, and 25 write units a second a child.
   */
  concurrency?: number | undefined;
  lambdaMemoryGb: number;
  /** Bytes of a child's input (run, step, segment, settings), of its checkpoint, and of the result it returns to the Map. */
  childInputBytes: number;
  checkpointBytes: number;
  childResultBytes: number;
  /**
   * History events per invocation round of a child's loop, and outside the loop (start, end
   * state, end). The generated child's round is Segment (Task: 5 events), CountRound (Pass: 2),
   * SegmentAnswer (Choice: 2): 9; a bare Task -> Choice loop would be 7.
   */
  eventsPerRound: number;
  eventsPerChildFixed: number;
  /** State transitions per round (the Task and the Choice), outside the loop, and in the parent per pass. */
  transitionsPerRound: number;
  /** The rounds the definition lets a child run before it fails it (SegmentTooLong), below the event limit. */
  maxRounds: number;
  transitionsPerChildFixed: number;
  parentTransitions: number;
  /**
   * The caller watching the execution (not --detach) polls it this often, and reads every
   * checkpoint item of the step (dm:progress, one Query) at most as often: every poll, or every
   * 5 ms a segment past 1,000 segments (step-execution.ts progressEveryMs). The watch's Query
   * is eventually consistent (half the units); strongly consistent doubles them.
   */
  pollSeconds: number;
  progressConsistentRead: boolean;
}

/** What the estimate comes to. Seconds and dollars unrounded; the renderer rounds. */
export interface ScaleEstimate {
  items: number;
  segments: number;
  /** Children in flight at once: the Map's MaxConcurrency as the product sets it (fanOutConcurrency). */
  concurrency: number;
  /** The write units a second each child may use (the write rate divided among the children in flight). */
  childWriteUnitsPerSecond: number;
  /** Waves of children: segments / concurrency, rounded up. */
  waves: number;
  segmentItems: number;
  /** Items per second of one child (its own speed, or its share of the write rate). */
  childItemsPerSecond: number;
  segmentSeconds: number;
  /** Invocation rounds per child: a child re-invokes at its checkpoint each time its budget runs out. */
  roundsPerChild: number;
  eventsPerChild: number;
  /** The rounds a child may run (the definition's cap, within 25,000 events), and the segment size that takes. */
  maxRoundsPerChild: number;
  maxSegmentBytes: number;
  /** The wall-clock time of the pass, and the least time the write rate allows. */
  seconds: number;
  capacityBoundSeconds: number;
  /** Payloads, bytes: a round's state (input + checkpoint), the Map's items array, the Map's collected results. */
  roundStateBytes: number;
  itemsArrayBytes: number;
  collectedResultBytes: number;
  transitions: number;
  invocations: number;
  lambdaGbSeconds: number;
  writeUnits: number;
  readUnits: number;
  /** One progress poll: the step's checkpoint items (one per segment of a pass), the read units that Query takes, and the polls over the pass. */
  progressReadUnitsPerPoll: number;
  /** Seconds between two reads of the checkpoints (progressEveryMs). */
  progressSeconds: number;
  polls: number;
  progressReadUnits: number;
  /** DynamoDB is the pass's own reads and writes; progress is the caller's polls of the checkpoints (on-demand units, or the provisioned RCU they need held). */
  cost: { stepFunctions: number; lambda: number; dynamodb: number; progress: number; total: number };
  /** Limits this estimate breaks or comes near (at 80% or more), in words. */
  warnings: string[];
}

/** The defaults the doc uses; a table size and a capacity complete them. */
export const DEFAULTS: Omit<ScaleInput, 'tableBytes' | 'writeUnitsPerSecond' | 'capacity'> = {
  itemBytes: 1024,
  segmentRule: PROJECT_SEGMENT_RULE,
  itemsPerSecondPerInvocation: 1000,
  invocationSeconds: 900,
  safetyMarginSeconds: 30,
  lambdaMemoryGb: 1,
  childInputBytes: 2048,
  checkpointBytes: 3072,
  childResultBytes: 512,
  eventsPerRound: 9,
  eventsPerChildFixed: 4,
  transitionsPerRound: 3,
  maxRounds: MAX_SEGMENT_ROUNDS,
  transitionsPerChildFixed: 1,
  parentTransitions: 10,
  pollSeconds: 5,
  progressConsistentRead: false,
};

/** Segments by a rule: one per `bytesPerSegment` of the table, at least 1, at most `maxSegments`. */
export function segmentsFor(tableBytes: number, rule: SegmentRule): number {
  return Math.min(rule.maxSegments, Math.max(1, Math.ceil(tableBytes / rule.bytesPerSegment)));
}

/** The estimate for one bulk pass that reads every item and writes every item once. Pure. */
export function estimateScale(input: ScaleInput): ScaleEstimate {
  const items = input.tableBytes / input.itemBytes;
  const segments = segmentsFor(input.tableBytes, input.segmentRule);
  const writeUnitsPerItem = Math.ceil(input.itemBytes / 1024);
  // Eventually consistent Scan: half a read unit per 4 KiB read.
  const readUnitsPerItem = input.itemBytes / 8192;
  // The product's MaxConcurrency and each child's share of the write rate.
  const fan = fanOutConcurrency({ segments, concurrency: input.concurrency, writeRate: input.writeUnitsPerSecond });
  const concurrency = fan.maxConcurrency;
  const childWriteUnitsPerSecond = fan.childWriteRate ?? input.writeUnitsPerSecond / concurrency;
  const childItemsPerSecond = Math.min(input.itemsPerSecondPerInvocation, childWriteUnitsPerSecond / writeUnitsPerItem);
  const waves = Math.ceil(segments / concurrency);
  const segmentItems = items / segments;
  const segmentSeconds = segmentItems / childItemsPerSecond;
  const usableSeconds = input.invocationSeconds - input.safetyMarginSeconds;
  const roundsPerChild = Math.max(1, Math.ceil(segmentSeconds / usableSeconds));
  const eventsPerChild = input.eventsPerRound * roundsPerChild + input.eventsPerChildFixed;
  const maxRoundsPerChild = Math.min(
    input.maxRounds,
    Math.floor((LIMITS.eventsPerExecution - input.eventsPerChildFixed) / input.eventsPerRound),
  );
  const maxSegmentBytes = maxRoundsPerChild * usableSeconds * childItemsPerSecond * input.itemBytes;
  const seconds = waves * segmentSeconds;
  const capacityBoundSeconds = (items * writeUnitsPerItem) / input.writeUnitsPerSecond;

  const roundStateBytes = input.childInputBytes + input.checkpointBytes;
  // JSON of [0,1,...,K-1]: the digits, a comma each, the brackets.
  let itemsArrayBytes = 2 + Math.max(0, segments - 1);
  for (let i = 0; i < segments; i++) itemsArrayBytes += String(i).length;
  const collectedResultBytes = segments * input.childResultBytes;

  const transitions =
    segments * (input.transitionsPerRound * roundsPerChild + input.transitionsPerChildFixed) + input.parentTransitions;
  const invocations = segments * roundsPerChild;
  const lambdaGbSeconds = segments * segmentSeconds * input.lambdaMemoryGb;
  const writeUnits = items * writeUnitsPerItem;
  const readUnits = items * readUnitsPerItem;

  // A Query's units: each page's bytes, rounded up to 4 KiB (half that eventually consistent); a page reads at most 1 MiB.
  const perPage = Math.max(1, Math.floor(LIMITS.queryPageBytes / input.checkpointBytes));
  const pageUnits = (n: number) =>
    Math.ceil((n * input.checkpointBytes) / 4096) * (input.progressConsistentRead ? 1 : 0.5);
  const progressReadUnitsPerPoll =
    Math.floor(segments / perPage) * pageUnits(perPage) + (segments % perPage ? pageUnits(segments % perPage) : 0);
  const progressSeconds = progressEveryMs(input.pollSeconds * 1000, segments) / 1000;
  const polls = Math.ceil(seconds / progressSeconds);
  const progressReadUnits = polls * progressReadUnitsPerPoll;

  const stepFunctions = transitions * PRICES.stateTransition;
  const lambda = lambdaGbSeconds * PRICES.lambdaGbSecond + invocations * PRICES.lambdaRequest;
  const hours = seconds / 3600;
  const dynamodb =
    input.capacity === 'on-demand'
      ? writeUnits * PRICES.writeRequestUnit + readUnits * PRICES.readRequestUnit
      : // Provisioned: the capacity the pass needs, held for as long as it runs.
        input.writeUnitsPerSecond * hours * PRICES.wcuHour + Math.ceil(readUnits / seconds) * hours * PRICES.rcuHour;
  const progress =
    input.capacity === 'on-demand'
      ? progressReadUnits * PRICES.readRequestUnit
      : // Provisioned: the polls' average read rate, held for as long as the pass runs.
        Math.ceil(progressReadUnitsPerPoll / progressSeconds) * hours * PRICES.rcuHour;

  const warnings: string[] = [];
  const near = (value: number, limit: number, what: string) => {
    if (value > limit) warnings.push(`${what} exceeds the limit`);
    else if (value >= 0.8 * limit) warnings.push(`${what} is within 20% of the limit`);
  };
  near(eventsPerChild, LIMITS.eventsPerExecution, 'history events per child');
  near(
    roundsPerChild,
    maxRoundsPerChild,
    'rounds per child (the definition fails a child past its cap: SegmentTooLong)',
  );
  near(roundStateBytes, LIMITS.payloadBytes, 'a round’s state payload');
  near(itemsArrayBytes, LIMITS.payloadBytes, 'the Map’s items array');
  near(collectedResultBytes, LIMITS.payloadBytes, 'the Map’s collected results (discard them or use ResultWriter)');
  near(seconds, LIMITS.executionSeconds, 'the execution’s duration');
  near(concurrency, LIMITS.parallelChildren, 'children in parallel');

  return {
    items,
    segments,
    concurrency,
    childWriteUnitsPerSecond,
    waves,
    segmentItems,
    childItemsPerSecond,
    segmentSeconds,
    roundsPerChild,
    eventsPerChild,
    maxRoundsPerChild,
    maxSegmentBytes,
    seconds,
    capacityBoundSeconds,
    roundStateBytes,
    itemsArrayBytes,
    collectedResultBytes,
    transitions,
    invocations,
    lambdaGbSeconds,
    writeUnits,
    readUnits,
    progressReadUnitsPerPoll,
    progressSeconds,
    polls,
    progressReadUnits,
    cost: { stepFunctions, lambda, dynamodb, progress, total: stepFunctions + lambda + dynamodb + progress },
    warnings,
  };
}

/** The table sizes docs/scale.md covers (decimal units, as DynamoDB's console shows them). */
export const TABLE_SIZES: { label: string; bytes: number }[] = [
  { label: '10 GB', bytes: 10e9 },
  { label: '1 TB', bytes: 1e12 },
  { label: '10 TB', bytes: 10e12 },
];

/** The capacities docs/scale.md covers: on-demand at its default per-table limit, and a provisioned rate. */
export const CAPACITIES: { label: string; capacity: ScaleInput['capacity']; writeUnitsPerSecond: number }[] = [
  { label: 'on-demand, 40,000 WRU/s', capacity: 'on-demand', writeUnitsPerSecond: 40_000 },
  { label: 'provisioned, 10,000 WCU', capacity: 'provisioned', writeUnitsPerSecond: 10_000 },
];

/** The rules docs/scale.md compares: the one before the cap was lifted, and the project's now. */
export const RULES: { label: string; rule: SegmentRule }[] = [
  { label: 'before: ≤ 64', rule: CAPPED_SEGMENT_RULE },
  { label: 'now: ≤ 10,000', rule: PROJECT_SEGMENT_RULE },
];

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(0)} min`;
  if (seconds < 3 * 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function dollars(n: number): string {
  return n < 10 ? `$${n.toFixed(2)}` : `$${count(n)}`;
}

/** The tables of docs/scale.md: one row per size, capacity and segment rule. */
export function renderScaleMarkdown(base: typeof DEFAULTS = DEFAULTS): string {
  const rows: { size: string; capacity: string; rule: string; e: ScaleEstimate }[] = [];
  for (const size of TABLE_SIZES) {
    for (const cap of CAPACITIES) {
      for (const r of RULES) {
        const e = estimateScale({
          ...base,
          tableBytes: size.bytes,
          segmentRule: r.rule,
          capacity: cap.capacity,
          writeUnitsPerSecond: cap.writeUnitsPerSecond,
        });
        // The two rules agree up to 64 GiB: show the row once, as the project's.
        if (r.rule !== PROJECT_SEGMENT_RULE && e.segments === segmentsFor(size.bytes, PROJECT_SEGMENT_RULE)) continue;
        rows.push({ size: size.label, capacity: cap.label, rule: r.label, e });
      }
    }
  }
  const lines: string[] = [];
  lines.push(
    '| Table | Capacity | Segments (rule, 1 GiB each) | Children in flight × waves | Rounds per child | Events per child | Time (capacity bound) |',
    '|---|---|---|---|---:|---:|---|',
  );
  for (const { size, capacity, rule, e } of rows) {
    lines.push(
      `| ${size} | ${capacity} | ${count(e.segments)} (${rule}) | ${count(e.concurrency)} × ${count(e.waves)} | ${count(e.roundsPerChild)} | ${count(e.eventsPerChild)} | ${duration(e.seconds)} (${duration(e.capacityBoundSeconds)}) |`,
    );
  }
  lines.push(
    '',
    '| Table | Capacity | Segments | Round state | Map items array | Map results if collected | Transitions | Step Functions | Lambda (GB-s) | DynamoDB | Progress polls (RCU a poll) | Total |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const { size, capacity, e } of rows) {
    lines.push(
      `| ${size} | ${capacity} | ${count(e.segments)} | ${bytes(e.roundStateBytes)} | ${bytes(e.itemsArrayBytes)} | ${bytes(e.collectedResultBytes)}${e.collectedResultBytes > LIMITS.payloadBytes ? ' **over**' : ''} | ${count(e.transitions)} | ${dollars(e.cost.stepFunctions)} | ${dollars(e.cost.lambda)} (${count(e.lambdaGbSeconds)}) | ${dollars(e.cost.dynamodb)} | ${dollars(e.cost.progress)} (${count(e.progressReadUnitsPerPoll)}) | ${dollars(e.cost.total)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--json')) {
    const all = TABLE_SIZES.flatMap((size) =>
      CAPACITIES.flatMap((cap) =>
        RULES.map((r) => ({
          size: size.label,
          capacity: cap.label,
          rule: r.label,
          estimate: estimateScale({
            ...DEFAULTS,
            tableBytes: size.bytes,
            segmentRule: r.rule,
            capacity: cap.capacity,
            writeUnitsPerSecond: cap.writeUnitsPerSecond,
          }),
        })),
      ),
    );
    process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  } else {
    process.stdout.write(renderScaleMarkdown());
  }
}
