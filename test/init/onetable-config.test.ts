import { expect, test } from 'vitest';
import { hasOneTableSignature } from '../../src/init/onetable-config';

test("OneTable's signature is told from ours", () => {
  expect(hasOneTableSignature(async (_db: unknown, _m: unknown, _p: unknown) => undefined)).toBe(true);
  expect(
    hasOneTableSignature(function up(db: unknown) {
      return db;
    }),
  ).toBe(true);
  expect(hasOneTableSignature(async (ctx: unknown) => ctx)).toBe(false);
  expect(hasOneTableSignature(async ({ data }: { data: unknown }) => data)).toBe(false);
  expect(hasOneTableSignature(async () => undefined)).toBe(false);
});
