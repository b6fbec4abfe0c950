/**
 * The adapter `init --from-onetable` writes beside OneTable migrations that keep OneTable's
 * signature `up(db, migrate, params)`: wrapped in `fromOneTable(...)`, such a file runs under
 * dynamodb-migrate (which calls `up(ctx)`) with a OneTable Table built on ctx.client, and still
 * runs under OneTable Migrate as before.
 */

/** The adapter's file name: a leading `_` keeps our loader from taking it for a migration. */
export const ONETABLE_ADAPTER_FILE = '_onetable.js';

/** Keys of migrate.json5's `onetable` block that stay out of the committed adapter. */
const LEFT_OUT = new Set(['name', 'client', 'crypto', 'schema', 'logger']);

/**
 * The adapter's source. `tableParams` is migrate.json5's `onetable` block (its name, client,
 * schema and crypto settings left out: the table comes from ctx, and keys do not belong in git).
 */
export function renderOneTableAdapter(format: 'esm' | 'cjs', tableParams: Record<string, unknown>): string {
  const params = Object.fromEntries(Object.entries(tableParams).filter(([k]) => !LEFT_OUT.has(k)));
  const crypto = 'crypto' in tableParams;
  const imp =
    format === 'esm' ? "import { Table } from 'dynamodb-onetable';" : "const { Table } = require('dynamodb-onetable');";
  const exp = format === 'esm' ? 'export function fromOneTable(migration) {' : 'function fromOneTable(migration) {';
  return `// Written by \`dynamodb-migrate init --from-onetable\`. Runs a OneTable Migrate migration, whose up and
// down take (db, migrate, params), under dynamodb-migrate, which calls up(ctx) and down(ctx):
//
//   ${format === 'esm' ? "import { fromOneTable } from './_onetable.js';" : "const { fromOneTable } = require('./_onetable.js');"}
//   ${format === 'esm' ? 'export default fromOneTable({' : 'module.exports = fromOneTable({'} version: '1.0.0', schema, async up(db, migrate, params) { ... }, ... });
//
// db is a OneTable Table on ctx.client (dry runs get a client that refuses writes) and ctx.table,
// with the migration's schema; migrate.params.profile is $PROFILE, as the OneTable CLI reads it;
// params.dry is ctx.params.dryRun. OneTable Migrate itself still runs the wrapped file unchanged.
// Wrapping changes the file's checksum: harmless for versions OneTable applied (their records hold
// none); for a version dynamodb-migrate applied, run \`repair --mark applied --reason ...\` after.
// (The leading _ keeps dynamodb-migrate's loader from taking this file for a migration.)
${imp}

/** migrate.json5's onetable settings${crypto ? ' (crypto left out: add the keys from your secrets here if migrations read encrypted fields)' : ''}. */
const TABLE_PARAMS = ${JSON.stringify(params)};

${exp}
  const wrap = (fn) =>
    fn &&
    function (first, ...rest) {
      // Called by OneTable Migrate: (db, migrate, params) as before.
      if (first && typeof first.setClient === 'function') return fn.call(this, first, ...rest);
      const ctx = first;
      const db = new Table({ ...TABLE_PARAMS, client: ctx.client, name: ctx.table, schema: migration.schema });
      const migrate = { params: { profile: process.env.PROFILE } };
      return fn.call(this, db, migrate, { dry: ctx.params.dryRun });
    };
  return { ...migration, up: wrap(migration.up), down: wrap(migration.down) };
}
${format === 'cjs' ? '\nmodule.exports = { fromOneTable };\n' : ''}`;
}
