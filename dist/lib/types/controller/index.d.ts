import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../core/logger.js';
import type { Environment } from '../core/manifest.js';
import type { Project } from '../loader/load-project.js';
import { type ControllerEvent, type ControllerResponse, type LambdaContext } from './protocol.js';
export type { CommandContext } from './command-context.js';
export type { ControllerEvent, ControllerResponse, LambdaContext } from './protocol.js';
export { DM, ONETABLE_COMMANDS } from './protocol.js';
/** A project, or how to get one on first use (a bundle's static modules, or a folder in tests). */
export type ProjectSource = Project | (() => Project | Promise<Project>);
/** How the controller finds a table's migrations. */
export interface ControllerTable {
    project: ProjectSource;
    /** The manifest environment to use; default: the one whose `table` is this table. */
    environment?: string | undefined;
}
export interface ControllerOptions {
    /** By table name (OneTable's `config.name`). */
    tables?: Record<string, ControllerTable> | undefined;
    /** Serves every table named by one of this project's environments (what build-controller generates). */
    project?: ProjectSource | undefined;
    log?: Logger | undefined;
    /**
     * Bulk passes stop at a checkpoint this long before the invocation's time runs out, so the
     * checkpoint and the step's record are written in time. Default 30 s, never more than half
     * of the time left.
     */
    safetyMarginMs?: number | undefined;
    /** Lock lease for runs started here. Default 120 s. */
    leaseMs?: number | undefined;
    /** Who the controller records as the actor when the caller names none. */
    actor?: string | undefined;
    /** The DynamoDB client for a table; default: the AWS chain, AWS_ENDPOINT_URL_DYNAMODB for the endpoint. */
    client?: ((table: string, env: Environment) => DynamoDBClient) | undefined;
}
/** A Lambda handler: `(event, context) => {statusCode: 200, body}`; failures are thrown. */
export type ControllerHandler = (event: ControllerEvent, context?: LambdaContext) => Promise<ControllerResponse>;
/**
 * Creates the Lambda controller: a handler that hosts the migrations of a set of tables and
 * speaks OneTable Controller's protocol (`{cmd, config, args, dry}` → `{statusCode: 200, body}`,
 * errors thrown), so OneTable's CLI and SenseDeep's migration manager can drive it, plus our
 * `dm:` commands (status, plan, apply a reviewed plan, and the fan-out of a step's scan
 * segments across invocations).
 *
 *     export const handler = createController({ project: () => projectFromModules(manifest, modules) });
 */
export declare function createController(options: ControllerOptions): ControllerHandler;
