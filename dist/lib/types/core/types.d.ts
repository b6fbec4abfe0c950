import type { ChecksReport, Suppressions } from './analyzers/findings.js';
import type { SchemaDiff } from './schema-diff.js';
import type { Status } from './status-vocabulary.js';
/**
 * The domain model shared by every part: migration files as loaded, state read from the
 * table, the plan, and the report of a run. Plain data; no SDK types.
 */
import type { OneTableSchema } from './onetable-schema.js';
export type { OneTableSchema } from './onetable-schema.js';
/** What the planner needs to know of one migration file. */
export interface MigrationSource {
    /** Semver, or `reset` for the reset migration. */
    version: string;
    description: string;
    /** Path relative to the manifest's folder, as shown to users and stored in records. */
    file: string;
    /**
     * `sha256:<hex>` of the file's bytes; `sha256-tree:<hex>` when it imports local modules (the
     * file and every local module it imports, see core/checksum.ts).
     */
    checksum: string;
    /** `sha256:<hex>` of the migration file alone (what earlier releases recorded). */
    fileChecksum?: string | undefined;
    /**
     * Per-file `sha256:<hex>` of the migration (by its name) and each local module it imports (by
     * its path from the migration's folder); set only when it imports local modules.
     */
    sources?: Record<string, string> | undefined;
    /** `up` is allowed to run twice (needed for resume). */
    idempotent: boolean;
    /** No `down`: rolling back past this version is refused. */
    irreversible: boolean;
    hasUp: boolean;
    hasDown: boolean;
    /** Has a `before(ctx)` precondition hook. */
    hasBefore?: boolean | undefined;
    /** Has a `verify(ctx)` post-check hook. */
    hasVerify?: boolean | undefined;
    schema?: OneTableSchema | undefined;
    /** Analyzer rules this migration accepts, with the reason (its `suppress` property). */
    suppress?: Suppressions | undefined;
    /**
     * The JavaScript the migration runs as (the loader's compiled output for TypeScript, the
     * file's text otherwise): what the static analyzers parse. Set by the loader from the import,
     * never compiled again; absent where the source is not at hand (a controller's bundle).
     */
    code?: string | undefined;
}
/**
 * One problem a `before` or `verify` hook found: what is wrong, how many items (when known)
 * and a few example keys to look at. (What the scheduled drift check finds is a DriftFinding,
 * core/drift.ts.)
 */
export interface Finding {
    message: string;
    count?: number | undefined;
    examples?: Record<string, unknown>[] | undefined;
}
/** The outcome of a step's precondition or post-check. */
export interface StepCheck {
    hook: 'before' | 'verify';
    /** What the hook looked at: the canary's sample, or every item (`all`). */
    scope: 'canary' | 'all';
    passed: boolean;
    findings: Finding[];
}
export type Direction = 'up' | 'down';
/** Counts a step reports from its bulk passes. */
export interface ItemCounts {
    scanned: number;
    changed: number;
    skipped: number;
    failed: number;
}
/** One `_migration` record as stored (OneTable's attributes, plus ours where present). */
export interface MigrationRecord {
    version: string;
    /** Epoch milliseconds. */
    date: number;
    /** The sort key value: `_migration:<version>:<date>`. */
    key: string;
    path: string;
    description: string;
    /** "success", or the error message of a failed step. */
    status: string;
    checksum?: string | undefined;
    /** The per-file checksums behind a `sha256-tree:` checksum, so drift can name the changed file. */
    sources?: Record<string, string> | undefined;
    direction?: Direction | undefined;
    actor?: string | undefined;
    runUrl?: string | undefined;
    gitSha?: string | undefined;
    durationMs?: number | undefined;
    counts?: ItemCounts | undefined;
    /**
     * A failed step that stopped at its checkpoints (a bulk pass whose items failed: the pages
     * before them are checkpointed, the rest not counted done): `apply --resume` continues from
     * them, as after a stop, idempotent or not.
     */
    checkpointed?: boolean | undefined;
    /** Set by `repair`: why this record was written by hand. */
    repairedReason?: string | undefined;
}
/** The single lock item. */
export interface LockInfo {
    lockId: string;
    owner: string;
    command: string;
    runUrl?: string | undefined;
    /** Epoch ms. */
    acquiredAt: number;
    leaseExpiresAt: number;
    heartbeatAt: number;
}
/** One entry of the append-only audit log. */
export interface LogEntry {
    at: number;
    runId: string;
    actor: string;
    command: string;
    environment: string;
    event: string;
    outcome: string;
    versions?: string[] | undefined;
    message?: string | undefined;
    reason?: string | undefined;
    runUrl?: string | undefined;
    gitSha?: string | undefined;
    planHash?: string | undefined;
}
/** What the table says about itself. */
export interface TableState {
    table: string;
    keys: {
        hash: string;
        sort: string;
    };
    records: MigrationRecord[];
    lock?: LockInfo | undefined;
    /** The `_schema:Current` item, as stored. */
    schema?: OneTableSchema | undefined;
    /** From DescribeTable; approximate (updated about every six hours by DynamoDB). */
    itemCount?: number | undefined;
    sizeBytes?: number | undefined;
    /** Provisioned capacity; undefined for on-demand tables. */
    capacity?: {
        read: number;
        write: number;
    } | undefined;
    /** Region of the replica this run reached (the table's ARN, else the client's region). */
    region?: string | undefined;
    /** Set when the table is a global table (DescribeTable lists replicas in other regions). */
    global?: GlobalTableInfo | undefined;
}
/** One replica of a global table, as DescribeTable reports it. */
export interface ReplicaState {
    region: string;
    /** ACTIVE, CREATING, UPDATING, DELETING, REGION_DISABLED, INACCESSIBLE_ENCRYPTION_CREDENTIALS, ... */
    status?: string | undefined;
    detail?: string | undefined;
    /** Progress of a create/update/delete of the replica, in percent. */
    progress?: string | undefined;
}
/** What DescribeTable says about a global table, seen from the replica this run reached. */
export interface GlobalTableInfo {
    /** Region of the replica this run reached. */
    region: string;
    /** `2019.11.21` (current) or `2017.11.29` (legacy), when DescribeTable says. */
    version?: string | undefined;
    /** EVENTUAL (multi-Region eventual consistency, the default) or STRONG (MRSC). */
    consistency: 'EVENTUAL' | 'STRONG';
    /** Every replica, the reached one included, by region. */
    replicas: ReplicaState[];
    /** MRSC witness regions: they take part in every write but serve no reads or writes. */
    witnesses: {
        region: string;
        status?: string | undefined;
    }[];
}
/** The command a plan is made for. */
export type PlanCommand = 'apply' | 'up' | 'down' | 'repeat' | 'reset' | 'to' | 'resume';
export interface PlanStep {
    version: string;
    direction: Direction;
    description: string;
    file: string;
    checksum: string;
    /** The step has a `down` (for an up step) — can it be rolled back. */
    reversible: boolean;
    idempotent: boolean;
    /** `migrate` for a normal step; `repeat` re-runs an applied up; `reset`; `resume` re-runs a failed step. */
    kind: 'migrate' | 'repeat' | 'reset' | 'resume';
    /** The migration's `before` (preconditions) and `verify` (post-checks) hooks, when it has them. */
    checks?: ('before' | 'verify')[] | undefined;
    /** Canary: percentage of items the step runs on and verifies before it takes the rest (steps with `verify` only). */
    canaryPercent?: number | undefined;
}
/**
 * `check`: a static analyzer error (DM1xx) in a step's migration; `rehearsal`: an error the
 * rehearsal found (DM2xx, exit 5).
 */
export type BlockerKind = 'drift' | 'failed-state' | 'out-of-order' | 'missing-file' | 'irreversible' | 'refused' | 'check' | 'rehearsal';
/** Something that stops apply until a person acts; `next` says what to do. */
export interface PlanBlocker {
    kind: BlockerKind;
    message: string;
    next: string;
    version?: string | undefined;
}
export interface PlanWarning {
    code: string;
    message: string;
    version?: string | undefined;
}
/** An applied migration whose file no longer matches what ran. */
export interface DriftEntry {
    version: string;
    file: string;
    recorded: string;
    current: string;
    /** The changed files (the migration or modules it imports), when the record says which it covered. */
    changed?: string[] | undefined;
}
/** What the table's stats let us estimate about the plan. */
export interface PlanEstimate {
    items: number;
    sizeBytes: number;
    /** Read units for one full scan (eventually consistent, 4 KB units). */
    readUnits: number;
    /** Write units if every item is rewritten once (1 KB units), in the region the run writes to (a global table's home). */
    writeUnits: number;
    /** Seconds at the given write rate, per step that rewrites the table. */
    secondsAtRate?: number | undefined;
    /** Write units per second in the home region (each replica applies the same writes at the same rate). */
    rate?: number | undefined;
    /** Global tables: replicas that apply every write (the home region's included). */
    replicas?: number | undefined;
    /** Global tables: `writeUnits` x `replicas`, the write units of one rewrite over all regions. */
    totalWriteUnits?: number | undefined;
}
export interface Plan {
    command: PlanCommand;
    environment: string;
    table: string;
    currentVersion: string;
    targetVersion: string;
    direction: Direction | 'none';
    steps: PlanStep[];
    warnings: PlanWarning[];
    blockers: PlanBlocker[];
    drift: DriftEntry[];
    /** The newest record when it is not a success. */
    failed?: {
        version: string;
        direction: Direction;
        status: string;
        date: number;
    } | undefined;
    lock?: LockInfo | undefined;
    estimate?: PlanEstimate | undefined;
    /** Dispatch inputs that would undo this plan, when it can be undone. */
    rollback?: {
        command: 'to' | 'down';
        version: string;
    } | undefined;
    /** Identifies the state the plan was made from. */
    stateRevision: string;
    /** sha256 over target, steps with checksums, current version and state revision. */
    hash: string;
    /** Set when the table state could not be read (fork PRs): the plan is from files only. */
    stateUnknown?: boolean | undefined;
    /** The data model change between the table's schema and the target version's, when both are known. */
    schemaDiff?: SchemaDiff | undefined;
    /** Global tables: the replica set, this run's region and the home region of the migrations. */
    global?: (GlobalTableInfo & {
        home?: string | undefined;
    }) | undefined;
    /** The analyzers' findings on the plan's steps (and the rehearsal's, when it ran): `plan` and the PR plan. */
    checks?: ChecksReport | undefined;
}
export type StepStatus = 'applied' | 'failed' | 'dry-run' | 'incomplete' | 'skipped' | 'running';
export interface StepReport {
    version: string;
    direction: Direction;
    kind: PlanStep['kind'];
    status: StepStatus;
    durationMs: number;
    counts?: ItemCounts | undefined;
    error?: string | undefined;
    /** What the step's `before` and `verify` hooks found, in the order they ran. */
    checks?: StepCheck[] | undefined;
    /** A failed canary was undone with the step's down (true), or could not be (false: no down). */
    canaryReverted?: boolean | undefined;
    /** The AWS console page of the Step Functions execution that ran the step (a fanned-out step). */
    execution?: string | undefined;
}
/** What a fanned-out step's caller shows of it while it runs: items so far, their rate, and the time left of the current pass. */
export interface StepProgress {
    /** 1-based: the bulk pass the segments work on now. */
    pass: number;
    segmentsDone: number;
    segments: number;
    scanned: number;
    changed: number;
    skipped: number;
    failed: number;
    /** Items per second over the step so far. */
    rate: number;
    /** Seconds left in the current pass, when it can be told (the table's item count, or finished segments). */
    etaSeconds?: number | undefined;
}
/**
 * A fanned-out step while its Step Functions execution runs it, as its caller last saw it: what
 * the pull request comment and the studio show between the start and the report.
 */
export interface LiveExecution {
    version: string;
    direction: Direction;
    /** The execution's name and its page in the AWS console. */
    name: string;
    url: string;
    /** The caller found the execution already running (a second start of the same step). */
    attached: boolean;
    /** From the segments' checkpoints; undefined until the first one is written. */
    progress?: StepProgress | undefined;
    /** When it was read (ms since the epoch). */
    at: number;
}
/** How a run ended, in the words of the one status vocabulary (core/status-vocabulary.ts). */
export type RunStatus = Extract<Status, 'applied' | 'no-op' | 'failed' | 'blocked' | 'dry-run' | 'incomplete' | 'running'>;
export interface RunReport {
    plan: Plan;
    status: RunStatus;
    steps: StepReport[];
    startedAt: number;
    durationMs: number;
    lockId?: string | undefined;
    error?: string | undefined;
    /** What a person should do next, when the run did not finish. */
    next?: string | undefined;
    recoveryPoint?: string | undefined;
    /**
     * The table's version when the run ended (as OneTable computes it: a failed step's version
     * counts), read back from the records; undefined for a dry run or when nothing could be read.
     */
    finalVersion?: string | undefined;
    /**
     * With status `blocked`, what refused the run when it was not the plan: `precondition`, a step's
     * `before` hook (status `precondition-failed` in the renderings, exit 1). Absent: the plan's
     * blockers or a plan changed since review (exit 2, or 4, or 1 for a failed state).
     */
    blockedBy?: 'precondition' | undefined;
    /** Exit code the CLI and action map this outcome to (0 when absent and the run succeeded). */
    exitCode?: 0 | 1 | 2 | 3 | 4 | 5 | undefined;
}
