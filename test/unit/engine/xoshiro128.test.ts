import { describe, expect, it } from 'vitest';
import { exitTimeStream, longRunStream } from '../../../src-main/engine/random/streamKey';
import { nextU32, uniform53, uniformPositive } from '../../../src-main/engine/random/xoshiro128';

describe('xoshiro128** generator', () => {
  it('matches the authors\' C code (prng.di.unimi.it/xoshiro128starstar.c) from state {1, 2, 3, 2^31}', () => {
    // Outputs 1–6 and 1000 of the reference C, compiled and run once to make this vector.
    const s = new Int32Array([1, 2, 3, 0x80000000 | 0]);
    const out = Array.from({ length: 1000 }, () => nextU32(s));
    expect(out.slice(0, 6)).toEqual([11520, 0, 5904576, 29509056, 3320792521, 3326713225]);
    expect(out[999]).toBe(3523007414);
  });

  it('makes uniforms on the 2^−53 grid that use the bits below 2^−32', () => {
    const s = exitTimeStream(1, 0, 0, 0);
    let fine = 0;
    let offGrid = 0;
    let min = 1;
    for (let k = 0; k < 100_000; k++) {
      const u = uniform53(s);
      if (!Number.isInteger(u * 2 ** 53) || u < 0 || u >= 1) offGrid++;
      if (!Number.isInteger(u * 2 ** 32)) fine++;
      min = Math.min(min, uniformPositive(s));
    }
    expect(offGrid).toBe(0);
    // A 32-bit uniform would never have bits below 2^−32; here all but ~2^−21 of draws do.
    expect(fine).toBeGreaterThan(99_990);
    expect(min).toBeGreaterThan(0);
  });
});

describe('stream keys', () => {
  it('give the same stream for the same key and different streams for different keys', () => {
    const first = (s: Int32Array) => Array.from({ length: 4 }, () => nextU32(s));
    expect(first(exitTimeStream(1, 0, 2, 3))).toEqual(first(exitTimeStream(1, 0, 2, 3)));
    const keys: Int32Array[] = [];
    for (const seed of [0, 1, 2 ** 40]) {
      for (let arm = 0; arm < 3; arm++) {
        for (let eta = 0; eta < 3; eta++) for (let sample = 0; sample < 20; sample++) keys.push(exitTimeStream(seed, arm, eta, sample));
        for (let path = 0; path < 20; path++) keys.push(longRunStream(seed, arm, path));
      }
    }
    const seen = new Set(keys.map((s) => first(s).join(',')));
    expect(seen.size).toBe(keys.length);
  });

  it('rejects keys it cannot pack injectively', () => {
    expect(() => exitTimeStream(2 ** 53, 0, 0, 0)).toThrow(RangeError);
    expect(() => exitTimeStream(1, 70_000, 0, 0)).toThrow(RangeError);
    expect(() => exitTimeStream(1, 0, 0, -1)).toThrow(RangeError);
  });
});
