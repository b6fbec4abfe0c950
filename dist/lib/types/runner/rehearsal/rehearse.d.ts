import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AnalyzerFinding, RehearsalSummary } from '../../core/analyzers/findings.js';
import type { Logger } from '../../core/logger.js';
import type { Plan } from '../../core/types.js';
import type { Project } from '../../loader/load-project.js';
/**
 * A rehearsal of a plan (`plan --rehearse`): a sample of the table is read once, read-only,
 * and each up step of the plan runs on it in memory, one after the other (each step gets the
 * items as the steps before it left them): up, then up again (idempotent steps), then down
 * from up's result. What the transforms did is judged by the rehearsal rules (DM2xx, see
 * core/analyzers/rules.ts). Nothing is written: the data engine is in memory, and ctx.client's
 * writes are not sent (they are counted: they cannot be rehearsed).
 */
export interface RehearsalTarget {
    client: DynamoDBClient;
    table: string;
    project: Project;
    log: Logger;
}
export interface RehearsalResult {
    findings: AnalyzerFinding[];
    summary: RehearsalSummary;
}
export declare function rehearsePlan(plan: Plan, t: RehearsalTarget, samplePercent: number): Promise<RehearsalResult>;
