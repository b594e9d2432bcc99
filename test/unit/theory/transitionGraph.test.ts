import { describe, expect, it } from 'vitest';
import { expandConfig, type Arm } from '../../../src-shared/model';
import { armTheory, communicatingClasses, largeMinimaText } from '../../../src-shared/theory';

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
    expect(t.classes).toEqual([{ members: [1, 2, 3, 4], absorbing: true, largeMinima: [2, 4] }]);
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
      { members: [1, 2], absorbing: true, largeMinima: [1, 2] },
      { members: [3], absorbing: false, largeMinima: [3] },
    ]);
    expect(t.irreducible).toBe(false);
    expect(t.symmetric).toBe(false);
  });

  it('b = 0.4: large per class, so Ω3 (alone in its class) is large and M^large is not defined', () => {
    const t = theoryFor('three-wells', 0.4);
    expect(t.fields.map((f) => f.lStar)).toEqual([2, 2, 1]);
    expect(t.fields.map((f) => f.large)).toEqual([true, true, true]);
    expect(t).not.toHaveProperty('largeMinima');
    expect(largeMinimaText(t)).toBe('large per class: {m1, m2} in {m1, m2} (absorbing); {m3} in {m3} (transient)');
  });
});

describe('large within a class (§2.3) agrees with each class\'s list', () => {
  it.each([
    ['paper', 0.4],
    ['paper', 0.5],
    ['paper', null],
    ['three-wells', 0.4],
    ['three-wells', 0.5],
  ] as const)('%s, b = %s: a field is flagged large iff its class lists it', (preset, clip) => {
    const t = theoryFor(preset, clip);
    const listed = new Set(t.classes.flatMap((c) => c.largeMinima));
    expect(t.fields.filter((f) => f.large).map((f) => f.index)).toEqual([...listed].sort((a, b) => a - b));
    if (t.irreducible) expect(t.largeMinima).toEqual(t.classes[0].largeMinima);
    else expect(t.largeMinima).toBeUndefined();
  });

  it('paper landscape, b = 0.4: {m1, m2} absorbing with m2 large, {m3, m4} transient with m4 large', () => {
    const t = theoryFor('paper', 0.4);
    expect(t.classes).toEqual([
      { members: [1, 2], absorbing: true, largeMinima: [2] },
      { members: [3, 4], absorbing: false, largeMinima: [4] },
    ]);
    expect(t.fields.map((f) => f.large)).toEqual([false, true, false, true]);
    expect(largeMinimaText(t)).toBe('large per class: {m2} in {m1, m2} (absorbing); {m4} in {m3, m4} (transient)');
    expect(largeMinimaText(theoryFor('paper', 0.5))).toBe('M^large = {m2, m4}');
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
