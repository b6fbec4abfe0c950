import { describe, expect, it } from 'vitest';
import { ItemBrowser } from '../../src/studio/items';
import { createTestTable, localClient } from '../support/dynamodb-local';

describe('ItemBrowser', () => {
  it('spaces its pages so the reads stay under the read rate', async () => {
    const client = localClient();
    const table = await createTestTable(client);
    let t = 1_000;
    const slept: number[] = [];
    const b = new ItemBrowser({
      client,
      table,
      readRate: 2,
      now: () => t,
      sleep: async (ms) => {
        slept.push(ms);
        t += ms;
      },
    });
    const first = await b.page({ model: 'Thing', typeField: '_type', pageSize: 5 });
    expect(first.items).toEqual([]);
    expect(first.readUnits).toBeGreaterThanOrEqual(0.5);
    // Asked again at once: it waits the first page's units at 2 RCU/s before reading.
    await b.page({ model: 'Thing', typeField: '_type', pageSize: 5 });
    expect(slept).toEqual([(first.readUnits / 2) * 1000]);
  });
});
