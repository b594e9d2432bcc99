import { describe, expect, it } from 'vitest';
import { expandConfig, type Arm } from '../../../src-shared/model';
import { armTheory, communicatingClasses } from '../../../src-shared/theory';

const heavy = { family: 'pareto', alpha: 1.2, scale: 0.1 } as const;

function theoryFor(preset: 'paper' | 'three-wells', clip: number | null) {
  const config = expandConfig({
    kind: 'exit-time',
    landscape: { preset },
    x0: 0.3,
    etas: [0.01],
    samples: 1,
    arms: [{ label: 'arm', noise: heavy, clip }],
  });
  return armTheory(config.landscape, config.arms[0] as Arm);
}

describe('paper landscape (Figure 2), b = 0.5', () => {
  const t = theoryFor('paper', 0.5);

  it('l* = 1, 2, 1, 2 with exponents α and 2α − 1', () => {
    expect(t.applicable).toBe(true);
    expect(t.fields.map((f) => f.lStar)).toEqual([1, 2, 1, 2]);
    t.fields.forEach((f) => expect(f.exponent).toBeCloseTo(f.lStar === 1 ? 1.2 : 1.4, 12));
    [0.21, 0.64, 0.21, 0.62].forEach((r, k) => expect(t.fields[k].radius).toBeCloseTo(r, 12));
  });

  it('typical transitions are exactly 1↔2, 2↔3, 3↔4', () => {
    expect(t.edges).toEqual([
      [1, 2],
      [2, 1],
      [2, 3],
      [3, 2],
      [3, 4],
      [4, 3],
    ]);
  });

  it('is irreducible and symmetric with M^large = {m2, m4}', () => {
    expect(t.irreducible).toBe(true);
    expect(t.classes).toEqual([{ members: [1, 2, 3, 4], absorbing: true }]);
    expect(t.symmetric).toBe(true);
    expect(t.largeMinima).toEqual([2, 4]);
    expect(t.fields.map((f) => f.large)).toEqual([false, true, false, true]);
  });
});

describe('paper landscape, unclipped (eq. 10)', () => {
  const t = theoryFor('paper', null);

  it('every j ≠ i is an edge (12 edges) and every exponent is α', () => {
    expect(t.edges).toHaveLength(12);
    for (let i = 1; i <= 4; i++) for (let j = 1; j <= 4; j++) if (i !== j) expect(t.edges).toContainEqual([i, j]);
    expect(t.fields.map((f) => f.lStar)).toEqual([1, 1, 1, 1]);
    t.fields.forEach((f) => expect(f.exponent).toBe(1.2));
    expect(t.irreducible).toBe(true);
    expect(t.symmetric).toBe(true);
    expect(t.largeMinima).toEqual([1, 2, 3, 4]);
  });
});

describe('three wells (Figure 3): m2 − s1 = 0.6, s2 − m2 = 0.9', () => {
  it('b = 0.5: l_21 = l_23 = l*_2 = 2, irreducible and symmetric', () => {
    const t = theoryFor('three-wells', 0.5);
    expect(t.fields[1].lStar).toBe(2);
    expect(t.edges).toContainEqual([2, 1]);
    expect(t.edges).toContainEqual([2, 3]);
    expect(t.irreducible).toBe(true);
    expect(t.symmetric).toBe(true);
    expect(t.largeMinima).toEqual([2]);
  });

  it('b = 0.4: {m1, m2} absorbing, {m3} transient, not symmetric', () => {
    const t = theoryFor('three-wells', 0.4);
    expect(t.edges).toContainEqual([2, 1]);
    expect(t.edges).not.toContainEqual([2, 3]);
    expect(t.classes).toEqual([
      { members: [1, 2], absorbing: true },
      { members: [3], absorbing: false },
    ]);
    expect(t.irreducible).toBe(false);
    expect(t.symmetric).toBe(false);
    // Not irreducible: largeMinima holds the large minima of the absorbing classes.
    expect(t.fields.map((f) => f.lStar)).toEqual([2, 2, 1]);
    expect(t.fields.map((f) => f.large)).toEqual([true, true, true]);
    expect(t.largeMinima).toEqual([1, 2]);
  });
});

describe('communicating classes', () => {
  it('splits a chain with a one-way bridge into an absorbing and a transient class', () => {
    // 1 ↔ 2 → 3 ↔ 4: {3, 4} absorbing, {1, 2} transient.
    const classes = communicatingClasses(4, [
      [1, 2],
      [2, 1],
      [2, 3],
      [3, 4],
      [4, 3],
    ]);
    expect(classes).toEqual([
      { members: [1, 2], absorbing: false },
      { members: [3, 4], absorbing: true },
    ]);
  });

  it('treats an isolated minimum as its own absorbing class', () => {
    expect(communicatingClasses(2, [])).toEqual([
      { members: [1], absorbing: true },
      { members: [2], absorbing: true },
    ]);
  });
});
