import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The SDK's notice about its own future Node support is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Each reliability test writes its figures here (workers inherit the variable); the summary
// reporter reads them once every test has run and prints the table.
process.env.DM_RELIABILITY_RESULTS ??= mkdtempSync(join(tmpdir(), 'dm-reliability-'));

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/reliability/support/summary-reporter.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // Two cores, DynamoDB Local's JVM and the CLI processes each test spawns: two files at once.
    maxWorkers: 2,
    fileParallelism: true,
    maxConcurrency: 3,
  },
});
