import { describe, expect, it } from 'vitest';
import { expandConfig, ConfigError } from '../../../src-shared/model';
import { configLimits } from '../../../src-shared/model/configSchema';

const exitTime = {
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  arms: [{ label: 'b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
  etas: [0.1, 0.01],
  samples: 20,
};
const longRun = {
  kind: 'long-run',
  landscape: { preset: 'paper' },
  x0: 0.3,
  arms: exitTime.arms,
  eta: 0.001,
  paths: 2,
  iterations: 1000,
};

function pathsOf(input: unknown): string[] {
  try {
    expandConfig(input);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
}

/** Legal-looking but huge or degenerate values that used to be accepted and then failed (or hung) in the run. */
describe('config bounds', () => {
  it.each([
    ['L = 1e308 (histogram edges overflow to ±∞)', { ...longRun, landscape: { criticalPoints: [-1, 0, 1], L: 1e308 } }, 'landscape.L'],
    ['samples = 1e15', { ...exitTime, samples: 1e15 }, 'samples'],
    ['bins = 1e9', { ...longRun, bins: 1e9 }, 'bins'],
    ['iterations beyond 1e15', { ...longRun, iterations: 1e16 }, 'iterations'],
    ['10,000 identical η', { ...exitTime, etas: Array(10_000).fill(0.01) }, 'etas'],
    ['a repeated η', { ...exitTime, etas: [0.1, 0.01, 0.1] }, 'etas[2]'],
    ['a 3 MB arm label', { ...exitTime, arms: [{ ...exitTime.arms[0], label: 'x'.repeat(3_000_000) }] }, 'arms[0].label'],
    ['1,001 critical points', { ...exitTime, x0: 0.5, landscape: { criticalPoints: Array.from({ length: 1001 }, (_, k) => k), L: 2000 } }, 'landscape.criticalPoints'],
    ['κ = 1e300', { ...exitTime, landscape: { criticalPoints: [-1, 0, 1], L: 2, gradientScale: 1e300 } }, 'landscape.gradientScale'],
    ['noise scale = 1e300', { ...exitTime, arms: [{ ...exitTime.arms[0], noise: { family: 'pareto', alpha: 1.2, scale: 1e300 } }] }, 'arms[0].noise.scale'],
    ['α = 1e300', { ...exitTime, arms: [{ ...exitTime.arms[0], noise: { family: 'pareto', alpha: 1e300 } }] }, 'arms[0].noise.alpha'],
    ['σ = 1e300', { ...exitTime, arms: [{ ...exitTime.arms[0], noise: { family: 'gaussian', sigma: 1e300 } }] }, 'arms[0].noise.sigma'],
    ['b = 1e300', { ...exitTime, arms: [{ ...exitTime.arms[0], clip: 1e300 }] }, 'arms[0].clip'],
    ['η = 1e300', { ...longRun, eta: 1e300 }, 'eta'],
    ['100,000 paths', { ...longRun, paths: 100_000 }, 'paths'],
    ['21 arms', { ...exitTime, arms: Array.from({ length: 21 }, (_, k) => ({ ...exitTime.arms[0], label: `arm ${k}` })) }, 'arms'],
  ])('refuses %s, naming the field', (_what, input, path) => {
    expect(pathsOf(input)).toContain(path);
  });

  it('accepts values at the limits', () => {
    expect(pathsOf({ ...longRun, bins: configLimits.bins, iterations: configLimits.iterations, paths: configLimits.paths })).toEqual([]);
    expect(pathsOf({ ...exitTime, samples: configLimits.samples, etas: Array.from({ length: configLimits.etas }, (_, k) => 1 / (k + 2)) })).toEqual([]);
    expect(pathsOf({ ...exitTime, arms: [{ ...exitTime.arms[0], label: 'x'.repeat(configLimits.label) }] })).toEqual([]);
  });

  it('keeps histogram edges finite at the largest L', () => {
    const c = expandConfig({ ...longRun, x0: 0.5, landscape: { criticalPoints: [-1, 0, 1], L: configLimits.L } });
    const L = c.landscape.L;
    expect(Number.isFinite(2 * L)).toBe(true);
    expect(Number.isFinite(L ** (c.landscape.criticalPoints.length + 1))).toBe(true);
  });
});
