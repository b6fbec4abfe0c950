export const id = 869;
export const ids = [869];
export const modules = {

/***/ 3869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openFromFlags: () => (/* binding */ openFromFlags)
});

// EXTERNAL MODULE: ./src/core/manifest.ts + 1 modules
var manifest = __webpack_require__(8178);
// EXTERNAL MODULE: ./src/core/run-settings.ts
var run_settings = __webpack_require__(386);
// EXTERNAL MODULE: ./src/loader/load-project.ts + 2 modules
var load_project = __webpack_require__(9808);
// EXTERNAL MODULE: ./src/runner/actor.ts
var actor = __webpack_require__(351);
// EXTERNAL MODULE: ./src/runner/open-session.ts + 31 modules
var open_session = __webpack_require__(5205);
// EXTERNAL MODULE: ./src/cli/flags.ts
var flags = __webpack_require__(5377);
// EXTERNAL MODULE: ./src/cli/io.ts + 1 modules
var io = __webpack_require__(7188);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/dynamodb/client.ts
var dynamodb_client = __webpack_require__(8693);
// EXTERNAL MODULE: ./src/dynamodb/local.ts
var local = __webpack_require__(1195);
// EXTERNAL MODULE: ./src/cli/local-table.ts
var local_table = __webpack_require__(7148);
;// CONCATENATED MODULE: ./src/cli/local-dynamodb.ts





/**
 * `--local`: starts an embedded DynamoDB Local (data kept in `.dynamodb-local/` beside the
 * manifest's folder, so it survives between commands), creates the environment's table when it
 * is missing, and returns a client on it.
 */
async function openLocalTable(r) {
    const dbPath = (0,external_node_path_.resolve)((0,external_node_path_.dirname)((0,external_node_path_.resolve)(r.manifestPath)), '..', '.dynamodb-local');
    (0,external_node_fs_.mkdirSync)(dbPath, { recursive: true });
    r.log.debug(`starting DynamoDB Local (data in ${dbPath})`);
    const engine = await (0,local/* startDynamoDbLocal */.K5)({ dbPath });
    r.cleanups.push(() => engine.stop());
    const client = (0,dynamodb_client/* createDynamoClient */.yG)({ endpoint: engine.endpoint, region: r.region, local: true });
    const created = await (0,local_table/* ensureLocalTable */.K)(client, r.table, r.schema);
    if (created)
        r.log.info(`created table ${r.table} in DynamoDB Local`);
    return client;
}

;// CONCATENATED MODULE: ./src/cli/open-from-flags.ts








/**
 * Opens the environment the flags name: flags parsed and checked once into the run's settings
 * (with the manifest's lock-timeout, write-rate and read-rate), then a session in this process, against
 * an embedded DynamoDB Local (--local), or through the environment's Lambda controller.
 * `loaded`: the project when the command has loaded it already.
 */
async function openFromFlags(f, cleanups, loaded, own = {}) {
    const run = (0,flags/* parseRunFlags */.y)(f, process.env);
    const project = loaded ?? (await (0,load_project.loadProject)(f.manifest));
    const env = (0,manifest/* selectEnvironment */.aP)(project.manifest, f.manifest, f.env);
    const log = (0,io/* stderrLogger */.D7)(!!f.verbose);
    const leaseMs = process.env.DYNAMODB_MIGRATE_LEASE_MS ? Number(process.env.DYNAMODB_MIGRATE_LEASE_MS) : undefined;
    const settings = (0,run_settings/* resolveRunSettings */.BW)(env, {
        actor: process.env.DYNAMODB_MIGRATE_ACTOR,
        dryRun: !!f.dryRun,
        lockTimeoutSeconds: run.lockTimeoutSeconds,
        leaseMs,
        timeBudgetSeconds: run.timeBudgetSeconds,
        samplePercent: run.samplePercent,
        canaryPercent: run.canaryPercent,
        readRate: own.readRate,
        fanOut: run.segments === undefined && run.concurrency === undefined
            ? undefined
            : { segments: run.segments, concurrency: run.concurrency },
    }, { now: Date.now(), defaultActor: (0,actor/* defaultActor */.p)() });
    const region = f.region ?? env.region;
    if (!f.local) {
        // runner: lambda reaches the controller (its endpoint from AWS_ENDPOINT_URL_LAMBDA, read by the SDK).
        return (0,open_session/* openMigrationSession */.F)(project, env, settings, { endpoint: run.endpoint, region, log });
    }
    // --local: the migrations run here, against an embedded DynamoDB Local, whatever the runner.
    const client = await openLocalTable({
        manifestPath: f.manifest,
        table: env.table,
        schema: project.migrations.at(-1)?.schema,
        region,
        log,
        cleanups,
    });
    return (0,open_session/* openMigrationSession */.F)(project, { ...env, runner: 'local' }, settings, { client, region, log });
}


/***/ })

};
