import { createRequire } from 'node:module';
import type { createJiti as CreateJiti } from 'jiti';
// jiti's own build, imported by path: jiti's `static` entry (what `jiti/static` is) wraps it with
// `import(id)` for native modules, which a bundler rewrites into a lookup of its own bundled
// modules, so a migration importing `node:path` (or a package that does) failed to load from
// dist/ ("Cannot find module 'node:path'"). Here the native import is left to Node.
// @ts-expect-error: no declarations at this path; the type is jiti's createJiti.
import createJitiWith from '../../node_modules/jiti/dist/jiti.cjs';
// @ts-expect-error: no declarations at this path.
import babelTransform from '../../node_modules/jiti/dist/babel.cjs';

const nativeImport = (id: string): Promise<unknown> => import(/* webpackIgnore: true */ id);

/** jiti's createJiti, with native imports that survive bundling. */
export const createJiti: typeof CreateJiti = (id, opts = {}) =>
  (createJitiWith as (id: string, opts: object, internal: object) => ReturnType<typeof CreateJiti>)(
    id,
    { transform: babelTransform, ...opts },
    {
      onError: (err: unknown) => {
        throw err;
      },
      nativeImport,
      createRequire,
    },
  );
