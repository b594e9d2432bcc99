import { describe, expect, it } from 'vitest';
import { provideNoiseAsset } from '../../../src-shared/model/noiseAsset';
import { armTheory2d, landscapeTheory2d, NO_LIMIT_CONSTANTS_NOTE, theoryReport2d, type Arm2D } from '../../../src-shared/theory2d';

/** Asset names only need to be unique within this thread here (the samples are provided directly). */
const LIGHT = `sha256:${'1'.repeat(64)}`;
const ONE_SIDED = `sha256:${'2'.repeat(64)}`;

const heavy = (direction: 'isotropic' | 'axes', clip: number | null): Arm2D => ({
  label: `${direction} ${clip ?? 'unclipped'}`,
  noise: { family: 'pareto', alpha: 1.2, scale: 0.1, direction },
  clip,
});

describe('theory JSON for wide-and-sharp', () => {
  const report = theoryReport2d(
    { dimension: 2, preset: 'wide-and-sharp' },
    [heavy('isotropic', 0.5), heavy('axes', 0.5), heavy('isotropic', null), { label: 'gaussian', noise: { family: 'gaussian', sigma: 1 }, clip: 0.5 }, heavy('isotropic', 0.01)],
    129,
  );

  it('lists minima (with Hessian eigenvalues) and saddles', () => {
    expect(report.dimension).toBe(2);
    expect(report.basinMap).toEqual({ nodes: 129, spacing: 4 / 128 });
    expect(report.fields.map((f) => f.index)).toEqual([1, 2, 3]);
    for (const f of report.fields) {
      expect(Object.keys(f).sort()).toEqual(['eigenvalues', 'f', 'index', 'minimum']);
      expect(f.eigenvalues[0]).toBeGreaterThan(0);
    }
    expect(report.saddles).toHaveLength(2);
    expect(Object.keys(report.saddles[0]).sort()).toEqual(['f', 'x', 'y']);
  });

  it('clipped isotropic b = 0.5: the sharp basins are left with one jump, the wide one needs three; M^large = {wide}', () => {
    const arm = report.arms[0];
    expect(arm.applicable).toBe(true);
    expect(arm.fields.map((f) => f.lStar)).toEqual([3, 1, 1]);
    expect(arm.fields.map((f) => f.jumpsByRadius)).toEqual([3, 1, 1]);
    expect(arm.fields[0].exponent).toBeCloseTo(1.2 + 0.2 * 2, 12);
    expect(arm.fields[1].exponent).toBeCloseTo(1.2, 12);
    expect(arm.fields.map((f) => f.large)).toEqual([true, false, false]);
    expect(arm.edges).toEqual(expect.arrayContaining([[2, 1], [3, 1]]));
    expect(arm.classes.filter((c) => c.absorbing).map((c) => c.members)).toEqual([[1, 2, 3]]);
    expect(arm.irreducible).toBe(true);
    expect(arm.largeMinima).toEqual([1]);
    expect(Object.keys(arm.fields[0]).sort()).toEqual(['exponent', 'index', 'jumpsByRadius', 'lStar', 'large', 'radius']);
    expect(arm).not.toHaveProperty('fields.0.q');
    expect(arm.note).toBe(NO_LIMIT_CONSTANTS_NOTE);
  });

  it('unclipped: l* = 1 everywhere and ⌈r/b⌉ is null', () => {
    const arm = report.arms[2];
    expect(arm.fields.map((f) => f.lStar)).toEqual([1, 1, 1]);
    expect(arm.fields.map((f) => f.jumpsByRadius)).toEqual([null, null, null]);
    expect(arm.symmetric).toBe(true);
    expect(arm.largeMinima).toEqual([1, 2, 3]);
  });

  it('Gaussian noise and a clip below the map resolution are reported, not computed', () => {
    expect(report.arms[3].applicable).toBe(false);
    expect(report.arms[3].assumptions.messages.join(' ')).toMatch(/light-tailed/);
    expect(report.arms[4].applicable).toBe(false);
    expect(report.arms[4].assumptions.messages.join(' ')).toMatch(/finer map/);
  });

  it('serialises to JSON with numbers only (no Infinity)', () => {
    const text = JSON.stringify(report);
    expect(JSON.parse(text).arms[0].fields[0].radius).toBeCloseTo(report.arms[0].fields[0].radius, 12);
    expect(text).not.toMatch(/Infinity|NaN/);
  });
});

describe('degenerate landscapes', () => {
  it('a single minimum: nothing to exit to', () => {
    const report = theoryReport2d({ dimension: 2, L: 2, confinement: 1, wells: [{ center: [0, 0], depth: 1, width: 0.5 }] }, [heavy('isotropic', 0.5)], 129);
    expect(report.fields).toHaveLength(1);
    expect(report.arms[0].applicable).toBe(false);
    expect(report.arms[0].assumptions.messages.join(' ')).toMatch(/single minimum/);
  });

  it('no minimum at all (a flat box): reported, not a crash', () => {
    const report = theoryReport2d({ dimension: 2, L: 1, confinement: 0, wells: [] }, [heavy('isotropic', 0.5)], 65);
    expect(report.fields).toEqual([]);
    expect(report.arms[0].applicable).toBe(false);
    expect(report.arms[0].assumptions.messages.join(' ')).toMatch(/No minimum/);
  });

  it('a clip with r/b at the map resolution of an integer is flagged', () => {
    const theory = landscapeTheory2d({ dimension: 2, preset: 'wide-and-sharp' }, 129);
    const arm = armTheory2d(theory, heavy('isotropic', theory.radii[1] / 1.001));
    const report = { arms: [arm] };
    expect(report.arms[0].assumptions.ok).toBe(false);
    expect(report.arms[0].assumptions.messages.join(' ')).toMatch(/r2\/b = 1\.001 is within the map's resolution of an integer/);
  });
});

describe('stable, Student-t and measured noise in 2-D: the axes counts with each family’s α', () => {
  // A measured sample with a light (uniform) tail, and one whose exceedances are all positive.
  const light = Float64Array.from({ length: 4000 }, (_, k) => ((k * 0.618034) % 1) * 2 - 1);
  const oneSided = Float64Array.from({ length: 4000 }, (_, k) => (k % 10 === 0 ? Math.pow((k + 1) / 4001, -1 / 1.5) : ((k * 0.618034) % 1) - 0.5));
  provideNoiseAsset(LIGHT, light);
  provideNoiseAsset(ONE_SIDED, oneSided);
  const report = theoryReport2d(
    { dimension: 2, preset: 'wide-and-sharp' },
    [
      heavy('axes', 0.5),
      { label: 'stable', noise: { family: 'stable', alpha: 1.5, scale: 0.1, direction: 'axes' }, clip: 0.5 },
      { label: 'student', noise: { family: 'student', nu: 2.5, scale: 0.1, direction: 'axes' }, clip: 0.5 },
      { label: 'light', noise: { family: 'empirical', asset: LIGHT, direction: 'axes' }, clip: 0.5 },
      { label: 'one-sided', noise: { family: 'empirical', asset: ONE_SIDED, direction: 'axes' }, clip: 0.5 },
    ],
    129,
  );

  it('stable and Student-t: the Pareto axes arm’s l*, exponents α + (α − 1)(l* − 1) with their own α', () => {
    const [pareto, stable, student] = report.arms;
    for (const [arm, alpha] of [[stable, 1.5], [student, 2.5]] as const) {
      expect(arm.applicable).toBe(true);
      expect(arm.direction).toBe('axes');
      expect(arm.tail).toEqual({ alpha, pPlus: 0.5 });
      expect(arm.fields.map((f) => f.lStar)).toEqual(pareto.fields.map((f) => f.lStar));
      arm.fields.forEach((f) => expect(f.exponent).toBeCloseTo(alpha + (alpha - 1) * (f.lStar - 1), 12));
    }
  });

  it('measured noise without a power-law tail, or with a one-sided one, is not applicable, saying why', () => {
    expect(report.arms[3].applicable).toBe(false);
    expect(report.arms[3].assumptions.messages.join(' ')).toMatch(/no power-law tail/);
    expect(report.arms[4].applicable).toBe(false);
    expect(report.arms[4].assumptions.messages.join(' ')).toMatch(/one-sided/);
  });
});
