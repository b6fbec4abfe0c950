/**
 * What a migration file can import from 'dynamodb-migrate' when the CLI or the action loads
 * it: `defineMigration`, the types of `ctx`, and the bulk data engine. The loader provides this
 * module (not the whole package) so that loading migrations never pulls in the runner.
 */
import type { RuleCode } from './core/analyzers/rules.js';
import type { Finding, OneTableSchema } from './core/types.js';
import type { MigrationContext } from './runner/step/migration-context.js';
export type { MigrationContext, RunParams } from './runner/step/migration-context.js';
export type { OneTableSchema, Plan, PlanStep, RunReport, ItemCounts, Finding, StepCheck } from './core/types.js';
export type { BulkData, Item, ItemAction, PassOptions, PassResult, Selection, TransformFn, Expression, RateLimit, } from './dynamodb/bulk/index.js';
export { createDataEngine } from './dynamodb/bulk/index.js';
/** A migration file's default export. */
export interface Migration<Ctx = MigrationContext> {
    /** Semver; the file name must start with it (`1.2.0-pack-email.ts`). `reset` for the reset migration. */
    version: string;
    description?: string;
    /** The OneTable schema of the data model at this version; written to the `_schema` item. */
    schema?: OneTableSchema;
    /** `up` can safely run again after a partial run (allows `apply --resume`). */
    idempotent?: boolean;
    /** There is no `down`: rolling back past this version is refused. */
    irreversible?: boolean;
    /**
     * Analyzer findings this migration accepts, by rule code, each with the reason (required):
     * `suppress: { DM102: 'writes the one config item' }`. A suppressed finding never blocks and
     * is still shown, with its reason, in lint, the plan and the PR comment (docs/analyzers.md).
     */
    suppress?: Partial<Record<RuleCode, string>>;
    up(ctx: Ctx): Promise<unknown> | unknown;
    down?(ctx: Ctx): Promise<unknown> | unknown;
    /**
     * Preconditions, run before `up` (and before `down`: see `ctx.direction`) with a read-only
     * ctx. Return what is wrong (an empty list passes); any finding blocks the step before
     * anything is written (exit 1).
     */
    before?(ctx: Ctx): Promise<Finding[]> | Finding[];
    /**
     * Post-checks, run after `up` (and after `down`) with a read-only ctx: `ctx.data.count`,
     * `ctx.data.forEach`. Return what is wrong (an empty list passes); any finding fails the
     * step (recorded failed with the findings, exit 1). With a canary, it runs first on the
     * canary's sample (the rest of the table is migrated only when it passes), then on every item.
     */
    verify?(ctx: Ctx): Promise<Finding[]> | Finding[];
}
/** Gives a migration its types; returns it unchanged (a plain object works the same). */
export declare function defineMigration<Ctx = MigrationContext>(migration: Migration<Ctx>): Migration<Ctx>;
