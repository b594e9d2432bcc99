import { describe, expect, it } from 'vitest';
import { expandConfig, ConfigError, landscapePresets } from '../../../src-shared/model';

const base = {
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  seed: 1,
  arms: [{ label: 'b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
  etas: [0.1, 0.01],
  samples: 20,
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    expandConfig(input);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('expandConfig', () => {
  it('resolves a landscape preset into explicit values and fills defaults', () => {
    const c = expandConfig(base);
    expect(c.landscape).toEqual(landscapePresets.paper);
    expect(c.kind === 'exit-time' && c.maxIterations).toBe(1_000_000_000);
    expect(c.arms[0].noise).toEqual({ family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5 });
    expect(c.name).toBe('Exit-time experiment');
  });

  it.each([
    [{ arms: [{ ...base.arms[0], noise: { family: 'pareto', alpha: 1, scale: 0.1 } }] }, 'arms[0].noise.alpha'],
    [{ arms: [{ ...base.arms[0], clip: 0 }] }, 'arms[0].clip'],
    [{ arms: [{ ...base.arms[0], noise: { family: 'cauchy' } }] }, 'arms[0].noise.family'],
    [{ arms: [] }, 'arms'],
    [{ etas: [0.1, -0.01] }, 'etas[1]'],
    [{ samples: 2.5 }, 'samples'],
    [{ samples: 0 }, 'samples'],
    [{ maxIterations: 0 }, 'maxIterations'],
    [{ x0: 1.7 }, 'x0'],
    [{ x0: 0.2 }, 'x0'],
    [{ landscape: { criticalPoints: [-1, 0.5, 0, 1, 1.2], L: 2, gradientScale: 1 } }, 'landscape.criticalPoints[2]'],
    [{ landscape: { criticalPoints: [-1, 0, 1, 1.2], L: 2, gradientScale: 1 } }, 'landscape.criticalPoints'],
    [{ landscape: { criticalPoints: [-1, 0, 1], L: 1, gradientScale: 1 } }, 'landscape.L'],
    [{ landscape: { preset: 'nope' } }, 'landscape'],
  ])('names the offending field %#', (patch, path) => {
    const issues = issuesOf({ ...base, ...patch });
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it('rejects a label two arms share, naming the second arm\'s label', () => {
    const twin = { ...base.arms[0], clip: null };
    const issues = issuesOf({ ...base, arms: [base.arms[0], twin, { ...twin, label: ' b=0.5 ' }] });
    expect(issues).toEqual([
      { path: 'arms[1].label', message: 'must differ from arms[0].label ("b=0.5")' },
      { path: 'arms[2].label', message: 'must differ from arms[0].label ("b=0.5")' },
    ]);
    expect(() => expandConfig({ ...base, arms: [base.arms[0], { ...twin, label: 'none' }] })).not.toThrow();
  });

  it('says a missing field is required and a mistyped one what it must be', () => {
    const { samples: _omit, ...withoutSamples } = base;
    expect(issuesOf(withoutSamples)).toContainEqual({ path: 'samples', message: 'is required' });
    expect(issuesOf({ ...base, x0: 'left' })).toContainEqual({ path: 'x0', message: 'must be a number' });
  });

  it('rejects an unknown kind by naming `kind`', () => {
    expect(issuesOf({ ...base, kind: 'phase-diagram' }).map((i) => i.path)).toContain('kind');
  });

  it('rejects a long-run ε-ball that leaves its field', () => {
    const issues = issuesOf({
      kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, arms: base.arms,
      eta: 0.001, paths: 1, iterations: 10, epsilon: 0.25,
    });
    expect(issues[0].path).toBe('epsilon');
  });
});
