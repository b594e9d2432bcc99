import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromExactJson, parseExact, stringifyExact, toExactJson } from '../../../src-shared/codec/exactJson';

/** Doubles of every kind, the special ones included (fc.double yields ±0, ±Infinity, NaN, subnormals). */
const anyDouble = fc.double();

const value = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object'), tie('typed')),
  leaf: fc.oneof(anyDouble, fc.string(), fc.boolean(), fc.constant(null)),
  array: fc.array(tie('tree'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('$num', '$typed', '$plain', '__proto__')), tie('tree'), {
    maxKeys: 5,
  }),
  typed: fc.oneof(
    fc.float64Array({ maxLength: 8 }),
    fc.int32Array({ maxLength: 8 }),
    fc.uint32Array({ maxLength: 8 }),
    fc.float32Array({ maxLength: 8 }),
  ),
}));

describe('exact JSON', () => {
  it('round-trips any value of doubles, strings, arrays, objects and typed arrays exactly', () => {
    fc.assert(
      fc.property(value.tree, (v) => {
        const back = parseExact(stringifyExact(v));
        // toEqual tells −0 from 0, NaN from null, and a Float64Array from an array (not prototypes: fast-check makes null-prototype objects).
        expect(back).toEqual(v);
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });

  it('keeps every bit of the special doubles that plain JSON loses', () => {
    const specials = [Infinity, -Infinity, NaN, -0, Number.MIN_VALUE, -Number.MAX_VALUE, 2 ** 53 + 2];
    expect(JSON.parse(JSON.stringify(specials))).not.toStrictEqual(specials);
    expect(parseExact(stringifyExact(specials))).toStrictEqual(specials);
    expect(parseExact(stringifyExact(new Float64Array(specials)))).toStrictEqual(new Float64Array(specials));
  });

  it('produces only what plain JSON can hold', () => {
    fc.assert(
      fc.property(value.tree, (v) => {
        const safe = toExactJson(v);
        expect(JSON.parse(JSON.stringify(safe))).toStrictEqual(safe);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('refuses what it cannot carry, and tags it does not know', () => {
    expect(() => toExactJson(new Map())).toThrow(/Map/);
    expect(() => toExactJson(() => 1)).toThrow(/function/);
    expect(() => fromExactJson({ $num: 'Two' })).toThrow(/unknown number tag/);
    expect(() => fromExactJson({ $typed: 'BigInt64Array', values: [] })).toThrow(/malformed/);
  });
});
