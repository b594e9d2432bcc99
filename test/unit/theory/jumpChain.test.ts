import { describe, expect, it } from 'vitest';
import { fields, landscapePresets, type Landscape } from '../../../src-shared/model';
import { jumpChainConstants, limitConstants, lStar } from '../../../src-shared/theory';

const copy = (ls: Landscape): Landscape => ({ ...ls, criticalPoints: [...ls.criticalPoints] });
const paper = copy(landscapePresets.paper);
const threeWells = copy(landscapePresets['three-wells']);
/** Ω2 = (−0.5, 0.55) around m2 = 0: both saddles within three jumps of b = 0.2. */
const bothSides: Landscape = { criticalPoints: [-1.2, -0.5, 0, 0.55, 1.1], L: 1.5, gradientScale: 2 };
/** Ω2 = (−0.3, −0.1) is narrow: the exits from Ω1 land in Ω2 or Ω3. */
const narrow: Landscape = { criticalPoints: [-1, -0.3, -0.2, -0.1, 0.5], L: 1, gradientScale: 2 };

function chain(ls: Landscape, alpha: number, pPlus: number, b: number, index: number) {
  const fs = fields(ls);
  const law = { alpha, pPlus, clip: b, L: ls.L };
  const l = lStar(fs[index - 1], b);
  return { l, law, chain: jumpChainConstants(ls, fs, fs[index - 1], law, l) };
}

describe('limit constants by the chain of one-dimensional integrals', () => {
  const twoJumpCases: [string, Landscape, number, number, number, number][] = [
    ['paper Ω2, b = 0.5 (exits both ways)', paper, 1.2, 0.5, 0.5, 2],
    ['paper Ω4, b = 0.5 (first jump projected at L)', paper, 1.2, 0.5, 0.5, 4],
    ['three wells Ω1, b = 0.32, α = 1.6, p₊ = 0.7', threeWells, 1.6, 0.7, 0.32, 1],
    ['three wells Ω2, b = 0.32', threeWells, 1.6, 0.7, 0.32, 2],
    ['narrow Ω2: exits from Ω1 to Ω2 or Ω3, α = 1.4, p₊ = 0.4', narrow, 1.4, 0.4, 0.5, 1],
  ];
  for (const [name, ls, alpha, pPlus, b, index] of twoJumpCases) {
    it(`agrees with the l* = 2 quadrature within both stated errors: ${name}`, () => {
      const { l, law, chain: c } = chain(ls, alpha, pPlus, b, index);
      expect(l).toBe(2);
      const quad = limitConstants(ls, law, index, 2);
      expect(Math.abs(c.q - quad.q)).toBeLessThanOrEqual(c.qError + quad.qError + 1e-13 * quad.q);
      expect(c.qError).toBeLessThan(1e-8 * quad.q);
      for (const j of Object.keys(quad.qTo)) {
        expect(Math.abs(c.qTo[j] - quad.qTo[j])).toBeLessThanOrEqual(c.qToError[j] + quad.qToError[j] + 1e-13 * quad.q);
      }
    });
  }

  it('leaves the l* ≤ 2 values as they were (paper landscape, α = 1.2, p₊ = 1/2, b = 0.5)', () => {
    const law = { alpha: 1.2, pPlus: 0.5, clip: 0.5, L: paper.L };
    const rel = (a: number, b: number) => Math.abs(a - b) / b;
    const omega2 = limitConstants(paper, law, 2, 2);
    expect(rel(omega2.q, 2.1095915516230592)).toBeLessThan(1e-13);
    expect(rel(omega2.qTo[1], 1.7644263006560958)).toBeLessThan(1e-13);
    expect(rel(omega2.qTo[3], 0.3451652509669636)).toBeLessThan(1e-13);
    expect(omega2.qError).toBeLessThan(1e-9 * omega2.q);
    expect(rel(limitConstants(paper, law, 4, 2).q, 2.3808712182262504)).toBeLessThan(1e-13);
    const omega1 = limitConstants(paper, law, 1, 1);
    expect(omega1.qError).toBe(0);
  });

  it('each side scales as p_E^l*: every jump of an l* = 3 exit goes the same way', () => {
    const even = chain(bothSides, 1.5, 0.5, 0.2, 2);
    const skewed = chain(bothSides, 1.5, 0.7, 0.2, 2);
    expect(even.l).toBe(3);
    expect(even.chain.qTo[1]).toBeGreaterThan(0);
    expect(even.chain.qTo[3]).toBeGreaterThan(0);
    const within = (a: number, b: number, err: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(err + 1e-12 * Math.abs(b));
    within(skewed.chain.qTo[3], even.chain.qTo[3] * 1.4 ** 3, skewed.chain.qToError[3] + 1.4 ** 3 * even.chain.qToError[3]);
    within(skewed.chain.qTo[1], even.chain.qTo[1] * 0.6 ** 3, skewed.chain.qToError[1] + 0.6 ** 3 * even.chain.qToError[1]);
    within(even.chain.q, even.chain.qTo[1] + even.chain.qTo[3], even.chain.qError);
  });

  it('is deterministic, with errors far below the finite-η bias for l* = 3, 4, 5', () => {
    for (const b of [0.3, 0.2, 0.15]) {
      const first = chain(paper, 1.2, 0.5, b, 2);
      const again = chain(paper, 1.2, 0.5, b, 2);
      expect(first.l).toBe({ 0.3: 3, 0.2: 4, 0.15: 5 }[b]);
      expect(again.chain).toEqual(first.chain);
      expect(first.chain.q).toBeGreaterThan(0);
      expect(first.chain.qError).toBeLessThan(1e-6 * first.chain.q);
    }
  });

  it('gives exactly 0 where l* jumps of length b cannot reach', () => {
    // b = 0.2 (l*2 = 4): 4 × 0.2 = 0.8 < s2 − m2 = 0.86, so Ω3 and Ω4 get nothing.
    const { l, chain: c } = chain(paper, 1.2, 0.5, 0.2, 2);
    expect(l).toBe(4);
    expect([c.qTo[3], c.qTo[4], c.qToError[3], c.qToError[4]]).toEqual([0, 0, 0, 0]);
  });
});
