import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { outputFileEntry, runnerIo, workflowCommand } from '../../src/action/io';
import { parseOutputs } from './harness';

let dir: string;
let exitCode: typeof process.exitCode;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-runner-io-'));
  exitCode = process.exitCode;
});
afterEach(() => {
  process.exitCode = exitCode;
  rmSync(dir, { recursive: true, force: true });
});

function recorder(env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  return { lines, io: runnerIo(env, (l) => lines.push(l)) };
}

describe('the runner protocol, written without @actions/core', () => {
  test('workflow commands: one line each, with %, CR and LF escaped as the runner unescapes them', () => {
    expect(workflowCommand('error', '100% done\r\nline 2')).toBe('::error::100%25 done%0D%0Aline 2');
    const { lines, io } = recorder();
    io.info('plain line: not a command');
    io.debug('d');
    io.notice('n');
    io.warning('w');
    io.error('e');
    io.setSecret('s3cr3t\nsecond');
    io.startGroup('Apply dev');
    io.endGroup();
    expect(lines).toEqual([
      'plain line: not a command',
      '::debug::d',
      '::notice::n',
      '::warning::w',
      '::error::e',
      '::add-mask::s3cr3t%0Asecond',
      '::group::Apply dev',
      '::endgroup::',
    ]);
  });

  test('outputs go to the GITHUB_OUTPUT file, multi-line values intact, read back as the runner reads them', () => {
    const file = join(dir, 'output');
    writeFileSync(file, '');
    const { lines, io } = recorder({ GITHUB_OUTPUT: file });
    io.setOutput('status', 'planned');
    io.setOutput('steps', '[\n  "up 1.0.0"\n]');
    expect(lines).toEqual([]);
    expect(parseOutputs(readFileSync(file, 'utf8'))).toEqual({ status: 'planned', steps: '[\n  "up 1.0.0"\n]' });
    // Each entry has a delimiter of its own, and one that appears in the value is refused.
    expect(readFileSync(file, 'utf8')).toMatch(/^status<<ghadelimiter_[0-9a-f-]{36}\n/);
    expect(() => outputFileEntry('x', 'a ghadelimiter_1 b', 'ghadelimiter_1')).toThrow(/contains the delimiter/);
  });

  test('without GITHUB_OUTPUT, the set-output command, its name escaped as a property', () => {
    const { lines, io } = recorder();
    io.setOutput('a:b,c', 'v\n2');
    expect(lines).toEqual(['::set-output name=a%3Ab%2Cc::v%0A2']);
  });

  test('setFailed: an error annotation and exit code 1', () => {
    const { lines, io } = recorder();
    process.exitCode = 0;
    io.setFailed('lock held by run 41');
    expect(lines).toEqual(['::error::lock held by run 41']);
    expect(process.exitCode).toBe(1);
  });

  test('the job summary is appended to GITHUB_STEP_SUMMARY; without one, writing it rejects', async () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, 'earlier step\n');
    await recorder({ GITHUB_STEP_SUMMARY: file }).io.writeSummary('## plan\n');
    expect(readFileSync(file, 'utf8')).toBe('earlier step\n## plan\n');
    await expect(recorder().io.writeSummary('x')).rejects.toThrow(/GITHUB_STEP_SUMMARY/);
  });
});
