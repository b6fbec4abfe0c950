export const id = 785;
export const ids = [785];
export const modules = {

/***/ 6785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildController: () => (/* binding */ buildController)
/* harmony export */ });
/* unused harmony export zipOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _core_checksum__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1688);
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4296);
/* harmony import */ var _loader_load_project__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9808);








/**
 * Bundles the Lambda controller with a project's migrations into a deployable folder: a static
 * entry imports every migration file and the controller, so nothing is read from disk at run
 * time, and each migration carries the checksum of its file's bytes computed here (what the CLI
 * records). The handler serves every table named in the manifest's environments.
 */
async function buildController(opts) {
    const project = await (0,_loader_load_project__WEBPACK_IMPORTED_MODULE_7__.loadProject)(opts.manifest);
    const manifestDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(opts.manifest));
    const out = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(opts.out);
    const ncc = requireNcc(manifestDir);
    const library = opts.library ?? resolveLibrary(manifestDir);
    const all = [...project.migrations, ...(project.reset ? [project.reset] : [])];
    const migrations = all.map((m) => ({
        file: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(manifestDir, m.path).split('\\').join('/'),
        version: m.version,
        // Checksummed again from the bytes on disk: the loader's is the same, but this is what the bundle promises.
        checksum: (0,_core_checksum__WEBPACK_IMPORTED_MODULE_5__/* .checksumOf */ .lf)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(m.path)),
        path: m.path,
    }));
    const staging = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(out, '.build');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(out, { recursive: true, force: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(staging, { recursive: true });
    const entry = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, 'entry.cjs');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(entry, entrySource(library, project.manifest, migrations));
    let built;
    try {
        built = await ncc(entry, {
            cache: false,
            quiet: true,
            transpileOnly: true,
            minify: false,
            target: 'es2022',
            filterAssetBase: manifestDir,
        });
    }
    catch (e) {
        const message = (0,_core_errors__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(e);
        // ncc compiles .ts migrations with the project's own TypeScript; its message for a missing one names a file of ncc.
        if (message.includes('Could not load TypeScript compiler')) {
            throw new _core_errors__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz('build-controller: bundling TypeScript migrations needs typescript in this project: npm install --save-dev typescript, then run it again.');
        }
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`build-controller: bundling failed: ${message}`);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(staging, { recursive: true, force: true });
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(out, BUNDLE), built.code);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(out, 'index.js'), HANDLER_SOURCE);
    // Lambda runs index.js as CommonJS whatever the user's package.json says.
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(out, 'package.json'), `${JSON.stringify({ type: 'commonjs', main: 'index.js' }, null, 2)}\n`);
    const files = [
        { name: 'index.js', data: Buffer.from(HANDLER_SOURCE) },
        { name: BUNDLE, data: Buffer.from(built.code) },
        { name: 'package.json', data: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(out, 'package.json')) },
    ];
    for (const [name, asset] of Object.entries(built.assets ?? {})) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(out, name);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
        const data = typeof asset.source === 'string' ? Buffer.from(asset.source) : asset.source;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, data);
        files.push({ name, data });
    }
    let zip;
    if (opts.zip !== false) {
        zip = `${out}.zip`;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(zip, zipOf(files));
    }
    opts.log?.info(`built ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(process.cwd(), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(out, 'index.js'))} (${migrations.length} migrations)${zip ? ` and ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(process.cwd(), zip)}` : ''}`);
    return {
        dir: out,
        entry: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(out, 'index.js'),
        zip,
        migrations: migrations.map(({ file, version, checksum }) => ({ file, version, checksum })),
        tables: Object.values(project.manifest.environments).map((e) => e.table),
    };
}
/** The bundle: the controller and every migration. */
const BUNDLE = 'controller.js';
/**
 * The handler file Lambda is pointed at (`index.handler`). It names the bundle's handler and
 * nothing else: a loader that imports CommonJS as ESM (`import()`, as the Lambda stand-in of the
 * tests does) scans the file it imports for its exports, which on the whole bundle (megabytes)
 * cost more than compiling it. `require()`, how Lambda's runtime loads it, is not slowed either way.
 */
const HANDLER_SOURCE = [
    '// Generated by dynamodb-migrate build-controller: the handler is in controller.js.',
    `exports.handler = require('./${BUNDLE}').handler;`,
    '',
].join('\n');
function entrySource(library, manifest, migrations) {
    const lines = [
        '// Generated by dynamodb-migrate build-controller: every migration imported statically.',
        `const { createController, projectFromModules } = require(${JSON.stringify(library)});`,
        `const manifest = ${JSON.stringify(manifest)};`,
        'const modules = [',
        ...migrations.map((m) => `  { file: ${JSON.stringify(m.file)}, checksum: ${JSON.stringify(m.checksum)}, module: require(${JSON.stringify(m.path)}) },`),
        '];',
        'let project;',
        "exports.handler = createController({ project: () => (project ??= projectFromModules(manifest, modules, { manifestPath: 'manifest.yaml' })) });",
        '',
    ];
    return lines.join('\n');
}
/** @vercel/ncc from the user's project (the bundled CLI cannot carry it), else ours. */
function requireNcc(manifestDir) {
    for (const from of [...projectManifests(manifestDir), import.meta.url]) {
        try {
            return (0,node_module__WEBPACK_IMPORTED_MODULE_1__.createRequire)(from)('@vercel/ncc');
        }
        catch {
            /* try the next place */
        }
    }
    throw new _core_errors__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz('build-controller needs @vercel/ncc: npm install --save-dev @vercel/ncc, then run it again.');
}
/**
 * The library the controller is built from, first found of: the `dynamodb-migrate` package
 * installed beside the manifest or the working directory; the package this code belongs to
 * (the installed CLI, dist/cli/index.js, bundles dist/lib/index.js of the same package); this
 * repository's source (development and tests run src/ directly).
 */
function resolveLibrary(manifestDir) {
    for (const from of projectManifests(manifestDir)) {
        // In this repository `dynamodb-migrate` resolves to itself (its own package.json): that is
        // not an installed copy, and its source is what development means to bundle.
        if (packageNameAt((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(from)) === 'dynamodb-migrate')
            continue;
        try {
            return (0,node_module__WEBPACK_IMPORTED_MODULE_1__.createRequire)(from).resolve('dynamodb-migrate');
        }
        catch {
            /* not installed there */
        }
    }
    const own = ownLibrary((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url));
    if (own)
        return own;
    throw new _core_errors__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz('build-controller: cannot find the dynamodb-migrate library: install the package in the project beside the manifest (npm install --save-dev <git tag or tarball>), then run it again.');
}
/**
 * `package.json` paths (they need not exist) that createRequire resolves from: the manifest's
 * folder, then the working directory. A function of its arguments, so that ncc cannot evaluate
 * the paths when bundling the CLI: it copies any file a static path expression names into the
 * bundle (it did: the repository's package.json, which then stood in for the user's cwd).
 */
function projectManifests(...dirs) {
    return [...dirs, process.cwd()].map((dir) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'package.json'));
}
/**
 * Where this package's library lies from the folder of a module of it: from source
 * (src/build/build-controller.ts) its entry; from the CLI or action bundle (dist/cli/index.js,
 * dist/index.js) the built library. Data rather than path expressions: ncc evaluates those at
 * build time, even partly unknown ones, and copies whatever they match into the bundle.
 */
const OWN_LIBRARY = {
    source: [['..', 'index.ts']],
    bundle: [
        ['..', 'lib', 'index.js'],
        ['lib', 'index.js'],
    ],
};
/** The library of the package that `self` (this module's file) belongs to, if it is there. */
function ownLibrary(self) {
    const places = OWN_LIBRARY[self.endsWith('.ts') ? 'source' : 'bundle'];
    return places.map((parts) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(self), ...parts)).find((path) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path));
}
/** The `name` of the package.json that governs `dir` (Node's package scope), if any. */
function packageNameAt(dir) {
    for (let d = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir);; d = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d)) {
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(d) === 'node_modules')
            return undefined;
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(d, 'package.json');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
            try {
                return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8')).name;
            }
            catch {
                return undefined;
            }
        }
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d) === d)
            return undefined;
    }
}
/** A zip archive (deflate) of the given files; enough for a Lambda deployment package. */
function zipOf(files) {
    const locals = [];
    const centrals = [];
    let offset = 0;
    for (const f of files) {
        const name = Buffer.from(f.name.split('\\').join('/'));
        const deflated = (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.deflateRawSync)(f.data);
        const crc = crc32(f.data);
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4);
        local.writeUInt16LE(0x0800, 6); // UTF-8 names
        local.writeUInt16LE(8, 8); // deflate
        local.writeUInt32LE(0x00210000, 10); // 1980-01-01: reproducible archives
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(deflated.length, 18);
        local.writeUInt32LE(f.data.length, 22);
        local.writeUInt16LE(name.length, 26);
        local.writeUInt16LE(0, 28);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(0x0314, 4); // made by unix, 2.0
        central.writeUInt16LE(20, 6);
        central.writeUInt16LE(0x0800, 8);
        central.writeUInt16LE(8, 10);
        central.writeUInt32LE(0x00210000, 12);
        central.writeUInt32LE(crc, 16);
        central.writeUInt32LE(deflated.length, 20);
        central.writeUInt32LE(f.data.length, 24);
        central.writeUInt16LE(name.length, 28);
        central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
        central.writeUInt32LE(offset, 42);
        locals.push(local, name, deflated);
        centrals.push(central, name);
        offset += local.length + name.length + deflated.length;
    }
    const cd = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(files.length, 8);
    end.writeUInt16LE(files.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, cd, end]);
}
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++)
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
function crc32(data) {
    let c = 0xffffffff;
    for (const byte of data)
        c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}


/***/ })

};
