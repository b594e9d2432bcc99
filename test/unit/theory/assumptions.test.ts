import { describe, expect, it } from 'vitest';
import { landscapePresets, type Arm, type Landscape } from '../../../src-shared/model';
import { armTheory, nearInteger } from '../../../src-shared/theory';

const paper: Landscape = { ...landscapePresets.paper, criticalPoints: [...landscapePresets.paper.criticalPoints] };
const heavy = (clip: number | null, extra: Partial<{ alpha: number; pPlus: number }> = {}): Arm => ({
  label: 'heavy',
  noise: { family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5, ...extra },
  clip,
});

describe('assumption checks report, never throw', () => {
  it('A3: b = 0.21 makes r1/b = r3/b = 1 (up to floating point) — reported, not applicable', () => {
    // (−1.3) − (−1.51) = 0.20999999999999996 in floating point: the tolerance must catch it.
    const t = armTheory(paper, heavy(0.21), 0.001);
    expect(t.applicable).toBe(false);
    expect(t.assumptions.ok).toBe(false);
    expect(t.assumptions.messages).toHaveLength(2);
    expect(t.assumptions.messages[0]).toMatch(/A3.*r1/);
    expect(t.assumptions.messages[1]).toMatch(/A3.*r3/);
    expect(t.fields).toEqual([]);
  });

  it('A3: b = 0.32 makes r2/b = 2', () => {
    const t = armTheory(paper, heavy(0.32));
    expect(t.assumptions.messages.join('\n')).toMatch(/A3.*r2/);
  });

  it('a b just off the integer ratio is fine', () => {
    const t = armTheory(paper, heavy(0.2101));
    expect(t.assumptions).toEqual({ ok: true, messages: [] });
  });

  it('Gaussian noise: Theorem 1 does not apply', () => {
    for (const clip of [0.5, null]) {
      const t = armTheory(paper, { label: 'light', noise: { family: 'gaussian', sigma: 1 }, clip }, 0.001);
      expect(t.applicable).toBe(false);
      expect(t.assumptions.ok).toBe(false);
      expect(t.assumptions.messages.join(' ')).toMatch(/Theorem 1 does not apply/);
      expect(t.edges).toEqual([]);
    }
  });

  it('A2: α ≤ 1 and p₊ at 0 or 1 are reported', () => {
    expect(armTheory(paper, heavy(0.5, { alpha: 1 })).assumptions.messages.join(' ')).toMatch(/A2: α/);
    expect(armTheory(paper, heavy(0.5, { pPlus: 1 })).assumptions.messages.join(' ')).toMatch(/A2: p₊/);
    expect(armTheory(paper, heavy(null, { pPlus: 0 })).applicable).toBe(false);
  });

  it('A1: unordered, even or uncontained critical points are reported', () => {
    const bad = (criticalPoints: number[], L = 2): Landscape => ({ criticalPoints, L, gradientScale: 1 });
    expect(armTheory(bad([0, -1, 1]), heavy(0.5)).assumptions.messages.join(' ')).toMatch(/increase strictly/);
    expect(armTheory(bad([-1, 0, 1, 1.5]), heavy(0.5)).assumptions.messages.join(' ')).toMatch(/odd count/);
    expect(armTheory(bad([-1, 0, 3]), heavy(0.5)).assumptions.messages.join(' ')).toMatch(/inside \(−L, L\)/);
    expect(armTheory(bad([]), heavy(0.5)).applicable).toBe(false);
  });

  it('treats floating-point near-integers as integers, and only those', () => {
    expect(nearInteger(0.20999999999999996 / 0.21)).toBe(1);
    expect(nearInteger(2 + 1e-12)).toBe(2);
    expect(nearInteger(1.0001)).toBeNull();
    // b far above r: r/b ≈ 0 is "under one jump", never the integer 0.
    expect(nearInteger(1e-12)).toBeNull();
  });

  it('a clip far above every radius: every l* = 1, no A3 complaint', () => {
    const t = armTheory(paper, heavy(1e12));
    expect(t.assumptions.ok).toBe(true);
    expect(t.fields.map((f) => f.lStar)).toEqual([1, 1, 1, 1]);
    expect(t.edges).toHaveLength(12);
  });

  it('a single minimum: assumptions hold, but there is no exit to predict', () => {
    const t = armTheory({ criticalPoints: [0], L: 1, gradientScale: 1 }, heavy(0.5), 0.01);
    expect(t.assumptions.ok).toBe(true);
    expect(t.applicable).toBe(false);
    expect(t.assumptions.messages[0]).toMatch(/single minimum/);
  });
});
