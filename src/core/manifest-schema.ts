/**
 * The manifest's schema and the types it gives, apart from reading the YAML file (manifest.ts):
 * the Lambda controller gets its manifest as JSON in its bundle and needs no YAML parser.
 */
import { z } from 'zod';
import { isVersion } from './version';

const versionOrLatest = z
  .string()
  .refine((v) => v === 'latest' || isVersion(v), { message: 'expected "latest" or a semver version such as 1.4.0' });

const environmentSchema = z
  .strictObject({
    table: z
      .string()
      .min(3)
      .max(255)
      .regex(/^[a-zA-Z0-9_.-]+$/, 'expected a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -)')
      .describe('DynamoDB table name'),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
      .optional()
      .describe('AWS region of the table; default from the AWS environment'),
    'home-region': z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
      .optional()
      .describe(
        'Global tables: the one replica whose region holds the lock, records, schema item and log, and the only one apply runs against (default: region). See docs/global-tables.md',
      ),
    'global-table': z
      .boolean()
      .optional()
      .describe(
        'Global tables: true requires the table to have replicas, false declares a regional table (not a replica of a same-named table elsewhere); checked against DescribeTable on every plan',
      ),
    target: versionOrLatest.default('latest').describe('"latest" (highest version in the folder) or a semver version'),
    'allow-reset': z.boolean().default(false).describe('Allow the reset command (never on a protected environment)'),
    protected: z
      .boolean()
      .default(false)
      .describe('Refuse reset; down/to need confirm = table name; require a recovery point before apply'),
    studio: z
      .enum(['read-only', 'read-write'])
      .optional()
      .describe(
        'What `dynamodb-migrate studio` may do here: read-only shows the command or workflow to run instead of buttons (default: read-only when protected, else read-write)',
      ),
    runner: z
      .enum(['local', 'lambda'])
      .default('local')
      .describe('Run migrations in this process or in a Lambda controller'),
    function: z.string().min(1).optional().describe('Lambda function name or ARN (runner: lambda)'),
    'state-machine': z
      .string()
      .regex(
        /^arn:aws[a-z-]*:states:[a-z]{2}(-[a-z]+)+-\d:\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}$/,
        'expected the ARN of a state machine, such as arn:aws:states:us-east-1:123456789012:stateMachine:migrate-controller-steps',
      )
      .optional()
      .describe(
        'runner: lambda: the state machine build-controller generated (its StateMachineArn output); big steps fan out as one Step Functions execution each. See docs/lambda.md',
      ),
    segments: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe(
        "state-machine: scan segments of each bulk pass of a fanned-out step, one Distributed Map child each (default one per GiB of table, up to 10,000; the CLI's --segments wins)",
      ),
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe(
        "state-machine: the Distributed Map's MaxConcurrency, segments in flight at once (default write-rate / 1,000 and at least 8, within the segments; the CLI's --concurrency wins)",
      ),
    protocol: z
      .enum(['dynamodb-migrate', 'onetable'])
      .default('dynamodb-migrate')
      .describe('Controller protocol: ours, or an existing OneTable Controller'),
    'recovery-point': z
      .enum(['pitr', 'backup', 'pitr-or-backup', 'none'])
      .optional()
      .describe('Protected environments: require PITR, take an on-demand backup, or PITR else backup (default)'),
    'write-rate': z
      .number()
      .positive()
      .optional()
      .describe(
        "Write units per second used for time estimates and as the default bulk write limit; on a global table, the home region's (every replica applies the same writes at the same rate)",
      ),
    'lock-timeout': z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Seconds to wait for a held lock before exiting 3 (default 0)'),
    'read-rate': z
      .number()
      .positive()
      .optional()
      .describe("Read units per second at most for validate and the drift check's validation"),
    canary: z
      .number()
      .gt(0)
      .max(50)
      .optional()
      .describe(
        'Percent of items each step with a verify hook runs on and verifies before it takes the rest (0 < p <= 50)',
      ),
    validate: z
      .union([z.boolean(), z.strictObject({ sample: z.number().gt(0).max(100).optional() })])
      .optional()
      .describe(
        'The scheduled drift check also validates the data against the schema (true: every item; { sample: P }: P percent)',
      ),
    rehearse: z
      .union([z.boolean(), z.strictObject({ sample: z.number().gt(0).max(100).optional() })])
      .optional()
      .describe(
        "The pull request's plan also rehearses each step on a sample of the table, read-only (true: 1 percent; { sample: P }: P percent); see docs/analyzers.md",
      ),
  })
  .superRefine((env, ctx) => {
    if (env.runner === 'lambda' && !env.function) {
      ctx.addIssue({ code: 'custom', path: ['function'], message: 'runner: lambda needs function: <name or ARN>' });
    }
    if (env['state-machine'] && (env.runner !== 'lambda' || env.protocol === 'onetable')) {
      ctx.addIssue({
        code: 'custom',
        path: ['state-machine'],
        message: "state-machine needs runner: lambda with this tool's controller (not protocol: onetable)",
      });
    }
    for (const key of ['segments', 'concurrency'] as const) {
      if (env[key] !== undefined && !env['state-machine'])
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key} sets how a big step fans out, which needs state-machine: <ARN> (the state machine build-controller generates; docs/lambda.md). Name it, or leave ${key} out`,
        });
    }
    if (env.protected && env['allow-reset']) {
      ctx.addIssue({ code: 'custom', path: ['allow-reset'], message: 'a protected environment cannot allow reset' });
    }
    if (env['global-table'] === false && env['home-region'] && env['home-region'] !== env.region) {
      ctx.addIssue({
        code: 'custom',
        path: ['home-region'],
        message:
          'global-table: false declares a regional table, which has no other region to be the home of its migrations',
      });
    }
  });

/** The manifest file's schema; also published as JSON Schema (schema/manifest.schema.json). */
export const manifestSchema = z.strictObject({
  version: z.literal(1).describe('Format of this file; always 1'),
  migrations: z.string().default('.').describe('Folder of migration files, relative to this file'),
  environments: z
    .record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'environment names use letters, digits, _ and -'), environmentSchema)
    .refine((e) => Object.keys(e).length > 0, { message: 'declare at least one environment' })
    .describe('One entry per environment, keyed by name'),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type EnvironmentConfig = z.infer<typeof environmentSchema>;

/** An environment resolved from the manifest, with its name. */
export interface Environment extends EnvironmentConfig {
  name: string;
}

/** JSON Schema of the manifest, for editors. */
export function manifestJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/dynamodb-migrate/dynamodb-migrate/schema/manifest.schema.json',
    title: 'dynamodb-migrate manifest',
    ...(z.toJSONSchema(manifestSchema, { io: 'input' }) as Record<string, unknown>),
  };
}
