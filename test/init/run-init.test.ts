import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runInit } from '../../src/init/run-init';
import { lintProject } from '../../src/loader/load-project';

describe('runInit with someone to ask', () => {
  test('on a terminal it asks, shows the files and writes them only on yes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dm-init-'));
    const answers = (last: string) => async (q: string, fallback: string) =>
      q.startsWith('Write ') ? last || fallback : q === 'Table for production' ? 'shop-live' : fallback;
    const flags = { root, workflows: true, repo: 'acme/shop' };
    const no = await runInit(flags, { manifestGiven: false, ask: answers('n'), env: { AWS_REGION: 'eu-west-2' } });
    expect(no.cancelled).toBe(true);
    expect(readdirSync(root)).toEqual([]);
    const yes = await runInit(flags, { manifestGiven: false, ask: answers(''), env: { AWS_REGION: 'eu-west-2' } });
    expect(yes.cancelled).toBeUndefined();
    expect(yes.environments.map((e) => [e.name, e.table, e.region, e.protected])).toEqual([
      ['dev', `${basename(root).toLowerCase()}-dev`, 'eu-west-2', false],
      ['production', 'shop-live', 'eu-west-2', true],
    ]);
    expect((await lintProject(join(root, 'migrations', 'manifest.yaml'))).problems).toEqual([]);
  });
});
