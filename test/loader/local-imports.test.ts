import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checksumDrift, checksumOf } from '../../src/core/checksum';
import { localSpecifiers, migrationChecksums } from '../../src/loader/local-imports';

describe('local imports of a migration', () => {
  test('relative specifiers of every import form; packages are not local', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b.js';",
      "export * from './c';",
      "import './side-effect';",
      "const d = await import('./d');",
      'const e = require("./e.cjs");',
      "import { x } from 'dynamodb-migrate';",
      "import y from '@aws-sdk/client-dynamodb';",
    ].join('\n');
    expect(localSpecifiers(text).sort()).toEqual(['../b.js', './a', './c', './d', './e.cjs', './side-effect']);
  });

  test('followed recursively (.js written for .ts, folder index), node_modules left out; no local import keeps the file checksum', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-local-imports-'));
    mkdirSync(join(dir, 'schema'));
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pkg', 'index.js'), 'module.exports = 1;\n');
    writeFileSync(join(dir, 'schema', 'index.ts'), "export * from './models.js';\n");
    writeFileSync(join(dir, 'schema', 'models.ts'), 'export const models = {};\n');
    writeFileSync(join(dir, 'plain.ts'), "import pkg from './node_modules/pkg';\nexport default {};\n");
    const main = join(dir, '1.0.0-a.ts');
    writeFileSync(main, "import { models } from './schema';\nexport default { models };\n");

    const c = migrationChecksums(main);
    expect(Object.keys(c.sources ?? {}).sort()).toEqual(['1.0.0-a.ts', 'schema/index.ts', 'schema/models.ts']);
    expect(c.checksum).toMatch(/^sha256-tree:/);
    expect(c.fileChecksum).toBe(checksumOf(`import { models } from './schema';\nexport default { models };\n`));

    const plain = migrationChecksums(join(dir, 'plain.ts'));
    expect(plain.sources).toBeUndefined();
    expect(plain.checksum).toBe(plain.fileChecksum);

    writeFileSync(join(dir, 'schema', 'models.ts'), 'export const models = { Order: {} };\n');
    const edited = migrationChecksums(main);
    expect(edited.checksum).not.toBe(c.checksum);
    expect(checksumDrift({ checksum: c.checksum, sources: c.sources }, edited)).toEqual({
      changed: ['schema/models.ts'],
      fileOnly: false,
    });
    // An earlier release's record (the file alone) is compared with the file alone.
    expect(checksumDrift({ checksum: c.fileChecksum }, edited)).toBeUndefined();
    expect(checksumDrift({ checksum: undefined }, edited)).toBeUndefined();
    expect(checksumDrift({ checksum: 'md5:abc' }, edited)).toBeUndefined();
  });
});
