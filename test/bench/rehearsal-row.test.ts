import { describe, expect, test } from 'vitest';
import { createBenchTable, seedBenchTable } from '../../bench/data';
import { runRehearsalRow } from '../../bench/variants/rehearsal';
import { localClient, scanAll } from '../support/dynamodb-local';

describe('bench: the rehearsal row', () => {
  test('rehearses the bench migration on a sample of a small bench table, writing nothing, and times a plain plan beside it', async () => {
    const client = localClient();
    const table = `bench-rehearsal-${Date.now().toString(36)}`;
    await createBenchTable(client, table);
    await seedBenchTable(client, table, 300);
    const before = JSON.stringify(await scanAll(client, table));
    const row = await runRehearsalRow(client, table, 20, 1);
    expect(JSON.stringify(await scanAll(client, table))).toBe(before);
    expect(row.sampled).toBeGreaterThan(0);
    expect(row.sampled).toBeLessThan(100);
    expect(row.planMs).toBeGreaterThan(0);
    expect(row.rehearsalMs).toBeGreaterThan(0);
    // The bench migration sets gs1pk/gs1sk (DM202); its down restores name, so the round trip holds.
    expect(row.findings).toEqual(['DM202']);
  });
});
