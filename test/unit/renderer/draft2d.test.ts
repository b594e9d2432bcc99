import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model';
import { WIDE_AND_SHARP } from '../../../src-shared/theory2d/presets';
import { defaultDraft, draftFromConfig, draftKind, draftToInput, issuesAt, validateDraft } from '../../../src-renderer/design/draft';
import { isWideAndSharp } from '../../../src-renderer/design/draft2d';

const preset2d = {
  name: 'axes vs isotropic',
  kind: 'exit-time',
  landscape: { dimension: 2, preset: 'wide-and-sharp' },
  x0: [-0.8, -0.2],
  seed: 3,
  arms: [
    { label: 'iso', noise: { family: 'pareto', alpha: 1.5, scale: 0.1, direction: 'isotropic' }, clip: 0.4 },
    { label: 'axes', noise: { family: 'pareto', alpha: 1.5, scale: 0.1, direction: 'axes' }, clip: null },
    { label: 'gauss', noise: { family: 'gaussian', sigma: 0.5 }, clip: null },
  ],
  etas: [0.1, 0.05],
  samples: 7,
  maxIterations: 1000,
};

describe('the 2-D designer draft', () => {
  it('fills the 2-D form from a 2-D preset: the wide-and-sharp wells, x0 as a point, each arm’s direction', () => {
    const d = draftFromConfig(preset2d);
    expect(d.dimension).toBe(2);
    expect(d.kind).toBe('exit-time');
    expect(draftKind(d)).toBe('exit-time-2d');
    expect(isWideAndSharp(d.twoD.landscape)).toBe(true);
    expect(d.twoD.landscape.wells).toEqual(WIDE_AND_SHARP.wells);
    expect(d.twoD.x0).toEqual([-0.8, -0.2]);
    expect(d.twoD.arms.map((a) => [a.family, a.direction, a.clip])).toEqual([
      ['pareto', 'isotropic', 0.4],
      ['pareto', 'axes', null],
      ['gaussian', 'isotropic', null],
    ]);
    expect(d.twoD.arms[2].sigma).toBe(0.5);
    expect(d.exitTime).toEqual({ etas: [0.1, 0.05], samples: 7, maxIterations: 1000 });
    expect(d.seed).toBe(3);
  });

  it('gives back the config the service stores: a draft of a stored 2-D run expands to that run’s config', () => {
    const stored = expandConfig(preset2d);
    const v = validateDraft(draftFromConfig(stored));
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    expect(v.config).toEqual(stored);
  });

  it('round-trips α-stable, Student-t and measured noise along the axes (Duplicate of such a run)', () => {
    const stored = expandConfig({
      ...preset2d,
      arms: [
        { label: 'stable', noise: { family: 'stable', alpha: 1.5, scale: 0.1 }, clip: 0.4 },
        { label: 'student', noise: { family: 'student', nu: 1.6, scale: 0.1, direction: 'axes' }, clip: null },
        { label: 'measured', noise: { family: 'empirical', asset: `sha256:${'ab'.repeat(32)}`, threshold: 0.3 }, clip: 0.5 },
      ],
    });
    const d = draftFromConfig(stored);
    expect(d.twoD.arms.map((a) => a.family)).toEqual(['stable', 'student', 'empirical']);
    const v = validateDraft(d);
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    expect(v.config).toEqual(stored);
  });

  it('keeps Müller–Brown by name and the wells for switching back; a long run keeps its settings', () => {
    const d = draftFromConfig({ kind: 'long-run', landscape: { dimension: 2, preset: 'muller-brown' }, x0: [0, 0], arms: [preset2d.arms[0]], eta: 0.01, paths: 2, iterations: 5000, bins: 60, thin: 10, epsilon: 0.1 });
    expect(d.twoD.landscape.form).toBe('muller-brown');
    expect(d.twoD.landscape.wells.length).toBeGreaterThan(0);
    const input = draftToInput(d);
    expect(input.landscape).toEqual({ dimension: 2, preset: 'muller-brown' });
    expect(input).toMatchObject({ kind: 'long-run', eta: 0.01, paths: 2, iterations: 5000, bins: 60, thin: 10, epsilon: 0.1 });
    expect(validateDraft(d).ok).toBe(true);
  });

  it('names a bad well cell, an x0 coordinate outside the box and an α ≤ 1 by their paths', () => {
    const d = defaultDraft();
    d.dimension = 2;
    d.twoD.landscape.wells[1].width = 0;
    d.twoD.landscape.wells[2].center[1] = Number.NaN;
    d.twoD.x0 = [0, 9];
    d.twoD.arms[0].alpha = 0.9;
    const v = validateDraft(d);
    if (v.ok) throw new Error('expected invalid');
    expect(issuesAt(v.issues, 'landscape.wells[1].width')).toEqual(['must be > 0']);
    expect(issuesAt(v.issues, 'landscape.wells[2].center[1]')).toEqual(['must be a number']);
    expect(issuesAt(v.issues, 'arms[0].noise.alpha')).toEqual(['α must be > 1 (finite mean)']);
    // x0 is checked against the box once the landscape itself is valid.
    d.twoD.landscape.wells[1].width = 0.15;
    d.twoD.landscape.wells[2].center[1] = -0.8;
    d.twoD.arms[0].alpha = 1.2;
    const x0 = validateDraft(d);
    if (x0.ok) throw new Error('expected invalid');
    expect(x0.issues).toEqual([{ path: 'x0[1]', message: 'must lie in [−L, L] = [-2, 2]' }]);
  });

  it('leaves a 1-D draft as it was: the 2-D half is not sent', () => {
    const input = draftToInput(defaultDraft());
    expect(input.landscape).toHaveProperty('criticalPoints');
    expect(typeof input.x0).toBe('number');
  });
});
