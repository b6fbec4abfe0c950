import { expect, test } from 'vitest';
import { parseJson5 } from '../../src/init/json5';

test('JSON5 as migrate.json5 uses it: comments, unquoted keys, single quotes, trailing commas', () => {
  expect(
    parseJson5('// c\n{ a: \'x\', "b": [1, 0x10, .5, +2,], /* d */ c: { d: null, e: true }, }', 'm.json5'),
  ).toEqual({ a: 'x', b: [1, 16, 0.5, 2], c: { d: null, e: true } });
  expect(() => parseJson5('{ a: 1\n  b: 2 }', 'm.json5')).toThrow('m.json5:2:3: invalid JSON5: expected "," or "}".');
});
