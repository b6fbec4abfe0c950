import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultSegments } from '../../src/runner/lambda/fan-out';
import { fanOutConcurrency, stateMachineDefinition } from '../../src/runner/stepfunctions/definition';
import {
  CAPPED_SEGMENT_RULE,
  DEFAULTS,
  estimateScale,
  PROJECT_SEGMENT_RULE,
  renderScaleMarkdown,
  segmentsFor,
} from '../../scripts/scale';

const GiB = 1024 ** 3;

describe('estimateScale (scripts/scale.ts, the numbers of docs/scale.md)', () => {
  test('one case computed by hand: a 64 GiB table of 1 KiB items at 16,000 WRU/s on-demand', () => {
    const e = estimateScale({ ...DEFAULTS, tableBytes: 64 * GiB, capacity: 'on-demand', writeUnitsPerSecond: 16_000 });
    // 64 GiB / 1 KiB = 67,108,864 items; one segment per GiB = 64 (the cap is not reached).
    expect(e.items).toBe(67_108_864);
    expect(e.segments).toBe(64);
    // 16,000 WRU/s feed 16 children at 1,000 items/s each: 4 waves of 16.
    expect(e.concurrency).toBe(16);
    expect(e.childWriteUnitsPerSecond).toBe(1000);
    expect(e.childItemsPerSecond).toBe(1000);
    expect(e.waves).toBe(4);
    // 1,048,576 items a segment = 1,048.576 s, over the 870 s an invocation has (900 - 30): 2 rounds.
    expect(e.segmentItems).toBe(1_048_576);
    expect(e.segmentSeconds).toBeCloseTo(1048.576, 9);
    expect(e.roundsPerChild).toBe(2);
    // 9 events a round + 4 = 22; the definition's cap of 2,500 rounds is below floor(24,996 / 9) = 2,777.
    expect(e.eventsPerChild).toBe(22);
    expect(e.maxRoundsPerChild).toBe(2500);
    // 4 waves x 1,048.576 s = 4,194.304 s, which is also 67,108,864 WRU / 16,000 WRU/s.
    expect(e.seconds).toBeCloseTo(4194.304, 9);
    expect(e.capacityBoundSeconds).toBeCloseTo(4194.304, 9);
    // Payloads: 2,048 + 3,072 B a round; "[0,1,...,63]" = 10 one-digit + 54 two-digit numbers, 63 commas, 2 brackets.
    expect(e.roundStateBytes).toBe(5120);
    expect(e.itemsArrayBytes).toBe(10 + 108 + 63 + 2);
    expect(e.collectedResultBytes).toBe(64 * 512);
    // 64 children x (3 x 2 + 1) + 10 in the parent = 458 transitions; 64 x 2 = 128 invocations.
    expect(e.transitions).toBe(458);
    expect(e.invocations).toBe(128);
    expect(e.lambdaGbSeconds).toBeCloseTo(67_108.864, 6);
    expect(e.writeUnits).toBe(67_108_864);
    expect(e.readUnits).toBe(8_388_608); // half a unit per 4 KiB, eventually consistent
    // $: 458 x 0.000025; 67,108.864 x 0.0000166667 + 128 x 0.0000002; 67,108,864 x 0.000000625 + 8,388,608 x 0.000000125.
    expect(e.cost.stepFunctions).toBeCloseTo(0.01145, 9);
    expect(e.cost.lambda).toBeCloseTo(1.118508904, 6);
    expect(e.cost.dynamodb).toBeCloseTo(41.94304 + 1.048576, 6);
    // Progress polls: 64 checkpoints of 3 KiB = 192 KiB, one Query page (341 fit in 1 MiB), 48 read units
    // strongly consistent, 24 eventually; a read every 5 s (64 segments x 5 ms is less) over 4,194.304 s
    // = 839 reads, 20,136 units at $0.125 a million.
    expect(e.progressReadUnitsPerPoll).toBe(24);
    expect(e.progressSeconds).toBe(5);
    expect(e.polls).toBe(839);
    expect(e.progressReadUnits).toBe(20_136);
    expect(e.cost.progress).toBeCloseTo(0.002517, 9);
    expect(e.cost.total).toBeCloseTo(0.01145 + 1.118508904 + 42.991616 + 0.002517, 6);
    expect(e.warnings).toEqual([]);
  });

  test('a write rate below one child’s speed is shared by the children in flight (at least 8, within the segments)', () => {
    // fanOutConcurrency keeps its default of 8 children, here the 4 segments, as long as each gets
    // 25 WCU/s or more: 4 children at 125 items/s each, one wave, 10 rounds of 870 s a segment.
    const e = estimateScale({ ...DEFAULTS, tableBytes: 4 * GiB, capacity: 'provisioned', writeUnitsPerSecond: 500 });
    expect(e.segments).toBe(4);
    expect(e.concurrency).toBe(4);
    expect(e.childWriteUnitsPerSecond).toBe(125);
    expect(e.childItemsPerSecond).toBe(125);
    expect(e.waves).toBe(1);
    expect(e.roundsPerChild).toBe(10); // 1,048,576 / 125 = 8,388.6 s
    expect(e.seconds).toBeCloseTo(e.capacityBoundSeconds, 6);
    // Below 25 WCU/s a child: 60 WCU/s runs 2 children at 30 each.
    const slow = estimateScale({ ...DEFAULTS, tableBytes: 4 * GiB, capacity: 'provisioned', writeUnitsPerSecond: 60 });
    expect(slow.concurrency).toBe(2);
    expect(slow.childItemsPerSecond).toBe(30);
    expect(slow.waves).toBe(2);
  });

  test('the manifest’s concurrency sets the children in flight: 8, as when the manifest names no write rate', () => {
    expect(fanOutConcurrency({ segments: 932 }).maxConcurrency).toBe(8);
    const e = estimateScale({
      ...DEFAULTS,
      tableBytes: 1e12,
      capacity: 'on-demand',
      writeUnitsPerSecond: 40_000,
      concurrency: 8,
    });
    expect(e.segments).toBe(932);
    expect(e.concurrency).toBe(8);
    // Each child may write 5,000 WCU/s but runs at its own 1,000 items/s: 117 waves, about 34 hours (docs/scale.md).
    expect(e.childWriteUnitsPerSecond).toBe(5000);
    expect(e.childItemsPerSecond).toBe(1000);
    expect(e.waves).toBe(117);
    expect(e.seconds / 3600).toBeCloseTo(34.05, 2);
  });

  test('the segment rule is an input; the project rule is fan-out.ts’s defaultSegments', () => {
    for (const size of [1, GiB, 10e9, 64 * GiB, 1e12, 10e12, 10_000 * GiB, 20e12]) {
      expect(segmentsFor(size, PROJECT_SEGMENT_RULE)).toBe(defaultSegments(size));
    }
    expect(segmentsFor(20e12, PROJECT_SEGMENT_RULE)).toBe(10_000);
    const now = estimateScale({ ...DEFAULTS, tableBytes: 10e12, capacity: 'on-demand', writeUnitsPerSecond: 40_000 });
    expect(now.segments).toBe(9314);
    expect(now.concurrency).toBe(40);
    expect(now.waves).toBe(233);
    expect(now.warnings).toContain('the Map’s collected results (discard them or use ResultWriter) exceeds the limit');
    // The rule before the cap was lifted: 64 segments of 156 GB, 176 rounds each, two waves (40 + 24).
    const before = estimateScale({
      ...DEFAULTS,
      tableBytes: 10e12,
      segmentRule: CAPPED_SEGMENT_RULE,
      capacity: 'on-demand',
      writeUnitsPerSecond: 40_000,
    });
    expect(before.segments).toBe(64);
    expect(before.waves).toBe(2);
    expect(before.roundsPerChild).toBe(176);
    expect(before.seconds / now.seconds).toBeCloseTo(1.249, 3);
  });

  test('progress reads take every checkpoint, a page of 1 MiB at a time, every 5 ms a segment past 1,000', () => {
    // 9,314 checkpoints of 3 KiB: 27 pages of 341 (256 units each) and one of 107 (81 units) = 6,993
    // strongly consistent; the watch reads eventually consistent, half.
    const base = { ...DEFAULTS, tableBytes: 10e12, capacity: 'on-demand' as const, writeUnitsPerSecond: 40_000 };
    const e = estimateScale(base);
    expect(estimateScale({ ...base, progressConsistentRead: true }).progressReadUnitsPerPoll).toBe(27 * 256 + 81);
    expect(e.progressReadUnitsPerPoll).toBe((27 * 256 + 81) / 2);
    // Not every 5 s poll: every 9,314 x 5 ms = 46.57 s, about 75 read units a second on average.
    expect(e.progressSeconds).toBeCloseTo(46.57, 6);
    expect(e.polls).toBe(Math.ceil(e.seconds / 46.57));
    expect(e.progressReadUnitsPerPoll / e.progressSeconds).toBeLessThan(76);
    // A poll a minute reads less still.
    const minute = estimateScale({ ...base, pollSeconds: 60 });
    expect(minute.progressReadUnits).toBeLessThan(e.progressReadUnits);
  });

  test("the defaults count the generated child's loop: a Task (5 events), a Pass and a Choice (2 each) a round", () => {
    const definition = stateMachineDefinition({
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
    }) as any;
    const map = Object.values(definition.States).find((s: any) => s.Type === 'Map') as any;
    const child = map.ItemProcessor.States;
    // The loop: from StartAt back to StartAt through the Choice's first way back.
    const loop: string[] = [];
    for (let name = map.ItemProcessor.StartAt; !loop.includes(name); ) {
      loop.push(name);
      const state = child[name];
      name =
        state.Type === 'Choice'
          ? state.Choices.find((c: any) => c.Next === map.ItemProcessor.StartAt).Next
          : state.Next;
    }
    const events = loop.reduce((n, name) => n + (child[name].Type === 'Task' ? 5 : 2), 0);
    expect(events).toBe(DEFAULTS.eventsPerRound);
    expect(loop).toHaveLength(DEFAULTS.transitionsPerRound);
  });

  test('docs/scale.md holds the tables the script prints now', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'scale.md'), 'utf8');
    expect(doc).toContain(renderScaleMarkdown().trim());
  });
});
