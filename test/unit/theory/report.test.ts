import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model';
import { exitTimeTheory, theoryReport } from '../../../src-shared/theory';

const heavy = { family: 'pareto', alpha: 1.2, scale: 0.1 } as const;
const config = expandConfig({
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  etas: [0.01, 0.001],
  samples: 10,
  arms: [
    { label: 'clipped b=0.5', noise: heavy, clip: 0.5 },
    { label: 'no clipping', noise: heavy, clip: null },
    { label: 'light', noise: { family: 'gaussian', sigma: 1 }, clip: 0.5 },
  ],
});

describe('theoryReport (lab theory)', () => {
  it('has the documented shape without η', () => {
    const r = theoryReport(config);
    expect(r.eta).toBeUndefined();
    expect(r.fields.map((f) => f.index)).toEqual([1, 2, 3, 4]);
    expect(r.fields[1]).toEqual({ index: 2, minimum: -0.66, left: -1.3, right: 0.2 });
    const arm = r.arms[0];
    expect(Object.keys(arm).sort()).toEqual(
      ['applicable', 'assumptions', 'classes', 'clip', 'edges', 'fields', 'irreducible', 'label', 'largeMinima', 'symmetric', 'tail'].sort(),
    );
    expect(Object.keys(r.arms[2]).sort()).toEqual(
      ['applicable', 'assumptions', 'classes', 'clip', 'edges', 'fields', 'irreducible', 'label', 'symmetric'].sort(),
    );
    expect(Object.keys(arm.fields[0]).sort()).toEqual(['exponent', 'index', 'lStar', 'large', 'radius']);
    // The noise's (α, p₊), without h = H(1/η) when no η is given.
    expect(arm.tail).toEqual({ alpha: 1.2, pPlus: 0.5 });
    expect(r.arms.map((a) => a.label)).toEqual(['clipped b=0.5', 'no clipping', 'light']);
    expect(r.arms[2].applicable).toBe(false);
  });

  it('with η adds q, qTo and predictedMeanExit to each field of each applicable arm', () => {
    const r = theoryReport(config, 0.001);
    expect(r.eta).toBe(0.001);
    for (const arm of r.arms.slice(0, 2)) {
      for (const f of arm.fields) {
        expect(f.q).toBeGreaterThan(0);
        expect(Object.keys(f.qTo!).map(Number).sort()).toEqual([1, 2, 3, 4].filter((j) => j !== f.index));
        expect(f.predictedMeanExit).toBeGreaterThan(0);
      }
    }
    // Clipping makes the wide field Ω2 far stickier: (1/η)^1.4 against (1/η)^1.2.
    expect(r.arms[0].fields[1].predictedMeanExit!).toBeGreaterThan(10 * r.arms[1].fields[1].predictedMeanExit!);
    // Survives JSON (what `lab theory --json` prints).
    expect(JSON.parse(JSON.stringify(r)).arms[0].fields[1].qTo['1']).toBeCloseTo(r.arms[0].fields[1].qTo!['1'], 12);
  });
});

describe('exitTimeTheory', () => {
  it('gives the field of x0 with l* and β per arm, null where Theorem 1 does not apply', () => {
    expect(exitTimeTheory(config)).toEqual([
      { field: 2, lStar: 2, exponent: expect.closeTo(1.4, 12) },
      { field: 2, lStar: 1, exponent: 1.2 },
      null,
    ]);
  });
});
