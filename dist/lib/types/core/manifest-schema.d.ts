/**
 * The manifest's schema and the types it gives, apart from reading the YAML file (manifest.ts):
 * the Lambda controller gets its manifest as JSON in its bundle and needs no YAML parser.
 */
import { z } from 'zod';
declare const environmentSchema: z.ZodObject<{
    table: z.ZodString;
    region: z.ZodOptional<z.ZodString>;
    'home-region': z.ZodOptional<z.ZodString>;
    'global-table': z.ZodOptional<z.ZodBoolean>;
    target: z.ZodDefault<z.ZodString>;
    'allow-reset': z.ZodDefault<z.ZodBoolean>;
    protected: z.ZodDefault<z.ZodBoolean>;
    studio: z.ZodOptional<z.ZodEnum<{
        "read-only": "read-only";
        "read-write": "read-write";
    }>>;
    runner: z.ZodDefault<z.ZodEnum<{
        local: "local";
        lambda: "lambda";
    }>>;
    function: z.ZodOptional<z.ZodString>;
    'state-machine': z.ZodOptional<z.ZodString>;
    segments: z.ZodOptional<z.ZodNumber>;
    concurrency: z.ZodOptional<z.ZodNumber>;
    protocol: z.ZodDefault<z.ZodEnum<{
        "dynamodb-migrate": "dynamodb-migrate";
        onetable: "onetable";
    }>>;
    'recovery-point': z.ZodOptional<z.ZodEnum<{
        none: "none";
        pitr: "pitr";
        backup: "backup";
        "pitr-or-backup": "pitr-or-backup";
    }>>;
    'write-rate': z.ZodOptional<z.ZodNumber>;
    'lock-timeout': z.ZodOptional<z.ZodNumber>;
    'read-rate': z.ZodOptional<z.ZodNumber>;
    canary: z.ZodOptional<z.ZodNumber>;
    validate: z.ZodOptional<z.ZodUnion<readonly [z.ZodBoolean, z.ZodObject<{
        sample: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strict>]>>;
    rehearse: z.ZodOptional<z.ZodUnion<readonly [z.ZodBoolean, z.ZodObject<{
        sample: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strict>]>>;
}, z.core.$strict>;
/** The manifest file's schema; also published as JSON Schema (schema/manifest.schema.json). */
export declare const manifestSchema: z.ZodObject<{
    version: z.ZodLiteral<1>;
    migrations: z.ZodDefault<z.ZodString>;
    environments: z.ZodRecord<z.ZodString, z.ZodObject<{
        table: z.ZodString;
        region: z.ZodOptional<z.ZodString>;
        'home-region': z.ZodOptional<z.ZodString>;
        'global-table': z.ZodOptional<z.ZodBoolean>;
        target: z.ZodDefault<z.ZodString>;
        'allow-reset': z.ZodDefault<z.ZodBoolean>;
        protected: z.ZodDefault<z.ZodBoolean>;
        studio: z.ZodOptional<z.ZodEnum<{
            "read-only": "read-only";
            "read-write": "read-write";
        }>>;
        runner: z.ZodDefault<z.ZodEnum<{
            local: "local";
            lambda: "lambda";
        }>>;
        function: z.ZodOptional<z.ZodString>;
        'state-machine': z.ZodOptional<z.ZodString>;
        segments: z.ZodOptional<z.ZodNumber>;
        concurrency: z.ZodOptional<z.ZodNumber>;
        protocol: z.ZodDefault<z.ZodEnum<{
            "dynamodb-migrate": "dynamodb-migrate";
            onetable: "onetable";
        }>>;
        'recovery-point': z.ZodOptional<z.ZodEnum<{
            none: "none";
            pitr: "pitr";
            backup: "backup";
            "pitr-or-backup": "pitr-or-backup";
        }>>;
        'write-rate': z.ZodOptional<z.ZodNumber>;
        'lock-timeout': z.ZodOptional<z.ZodNumber>;
        'read-rate': z.ZodOptional<z.ZodNumber>;
        canary: z.ZodOptional<z.ZodNumber>;
        validate: z.ZodOptional<z.ZodUnion<readonly [z.ZodBoolean, z.ZodObject<{
            sample: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strict>]>>;
        rehearse: z.ZodOptional<z.ZodUnion<readonly [z.ZodBoolean, z.ZodObject<{
            sample: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strict>]>>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type Manifest = z.infer<typeof manifestSchema>;
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
/** An environment resolved from the manifest, with its name. */
export interface Environment extends EnvironmentConfig {
    name: string;
}
/** JSON Schema of the manifest, for editors. */
export declare function manifestJsonSchema(): Record<string, unknown>;
export {};
