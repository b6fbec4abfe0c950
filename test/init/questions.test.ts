import { describe, expect, test } from 'vitest';
import { askMissing } from '../../src/init/questions';
import { resolveInitSettings } from '../../src/init/settings';

describe('the questions init asks', () => {
  test('on a terminal it asks for what the flags leave out', async () => {
    const asked: string[] = [];
    const answers: Record<string, string> = { 'Table for production': 'shop-live' };
    const req = await askMissing(
      { tables: [], workflows: true, runner: 'local' },
      async (q, fallback) => {
        asked.push(q);
        return answers[q] ?? fallback;
      },
      { project: 'My Shop', region: 'eu-central-1', known: [] },
      { migrations: false },
    );
    expect(asked).toEqual([
      'Environments, in the order merges apply to them (comma-separated)',
      'Table for dev',
      'Table for production',
      'AWS region',
      'Migrations folder (relative to the repository)',
      'Protected environments (comma-separated, or none)',
    ]);
    const s = resolveInitSettings(req, { toolVersion: '0.1.0', hasMigrations: false });
    expect(s.environments.map((e) => [e.name, e.table, e.region, e.protected])).toEqual([
      ['dev', 'my-shop-dev', 'eu-central-1', false],
      ['production', 'shop-live', 'eu-central-1', true],
    ]);
  });
});
