import { InputError } from '../core/errors';
import type { AdoptedEnvironment } from './settings';
import { stemOf } from '../core/lint';
import { LEGACY_RESET, RESET, isVersion } from '../core/version';

/** What `init --from-onetable` takes from a OneTable CLI config (`migrate.json5`). */
export interface OneTableConfig {
  /** The config's `dir` (the migrations folder, relative to the config file), if it names one. */
  dir?: string | undefined;
  /** One environment per profile (or one, named by `profile`, else `dev`). Tables may be missing. */
  environments: AdoptedEnvironment[];
  /** The top-level `onetable` block: Table params (name, partial, nulls, typeField, ...). */
  tableParams: Record<string, unknown>;
  /** Things in the config the manifest cannot say, for the user to know. */
  notes: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * Reads a parsed `migrate.json5`: `onetable.name` (or `name`) is the table, `aws.region` the
 * region, `arn` a OneTable Controller (runner: lambda, protocol: onetable), and each of
 * `profiles` (merged over the top level, as the OneTable CLI merges them) an environment.
 */
export function readOneTableConfig(data: unknown, file: string): OneTableConfig {
  if (!isObject(data)) throw new InputError(`${file}: expected an object ({ onetable: { name }, dir, ... }).`);
  const { profiles, ...top } = data;
  if (profiles !== undefined && !isObject(profiles))
    throw new InputError(`${file}: profiles: expected an object of profiles.`);
  const notes: string[] = [];
  const named =
    profiles && Object.keys(profiles).length ? Object.entries(profiles) : [[str(top.profile) ?? 'dev', {}] as const];
  const environments = named.map(([name, profile]) => {
    if (!/^[A-Za-z0-9_-]+$/.test(name))
      throw new InputError(`${file}: profile "${name}": an environment name may use letters, digits, _ and - only.`);
    const c = merge(top, isObject(profile) ? profile : {});
    const onetable = isObject(c.onetable) ? c.onetable : {};
    const aws = isObject(c.aws) ? c.aws : {};
    const arn = str(c.arn);
    const endpoint = str(c.endpoint) ?? str(aws.endpoint);
    if (endpoint)
      notes.push(
        `${name}: migrate.json5 sets endpoint ${endpoint}; the manifest has no endpoint: pass --endpoint ${endpoint} to the CLI for it.`,
      );
    if (onetable.crypto !== undefined)
      notes.push(
        `${name}: onetable.crypto is set; ctx.data reads items as stored, so encrypted attributes reach migrations encrypted.`,
      );
    const env: AdoptedEnvironment = {
      name,
      table: str(onetable.name) ?? str(c.name),
      region: str(aws.region) ?? str(c.region),
      runner: arn ? 'lambda' : 'local',
    };
    if (arn) {
      env.function = arn;
      env.protocol = 'onetable';
    }
    return env;
  });
  return { dir: str(top.dir), environments, tableParams: isObject(top.onetable) ? top.onetable : {}, notes };
}

function merge(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isObject(v) && isObject(a[k]) ? merge(a[k] as Json, v) : v;
  return out;
}

/**
 * Whether a migration function keeps OneTable's signature `up(db, migrate, params)`: it declares
 * more than one parameter, or its only one is named `db` (OneTable's Table). dynamodb-migrate calls
 * `up(ctx)`, so such a function would get ctx as `db` and undefined for the rest.
 */
export function hasOneTableSignature(fn: unknown): boolean {
  if (typeof fn !== 'function') return false;
  if (fn.length > 1) return true;
  const params = /^[^(]*\(([^)]*)\)/.exec(Function.prototype.toString.call(fn))?.[1] ?? '';
  return /^\s*db\s*(=|,|$)/.test(params);
}

/** The kind of a file in a OneTable folder, by its name, as our loader will see it. */
export function oneTableFileKind(base: string): 'versioned' | 'reset' | 'other' {
  const stem = stemOf(base);
  if (stem === RESET || stem === LEGACY_RESET) return 'reset';
  const version = /^(\d+\.\d+\.\d+)/.exec(stem)?.[1];
  return version && isVersion(version) ? 'versioned' : 'other';
}
