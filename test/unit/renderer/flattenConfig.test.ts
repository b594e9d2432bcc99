import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model';
import { configDiff, flattenConfig } from '../../../src-renderer/compare/flattenConfig';

const base = {
  kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, etas: [0.1, 0.01], samples: 4, maxIterations: 1000,
  arms: [{ label: 'b', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
};

describe('comparing configs', () => {
  it('flattens to JSON paths with lists of numbers on one row', () => {
    const rows = new Map(flattenConfig(expandConfig(base)));
    expect(rows.get('etas')).toBe('0.1, 0.01');
    expect(rows.get('arms[0].clip')).toBe('0.5');
    expect(rows.get('landscape.L')).toBe('1.6');
  });

  it('reads a null clip, an arm\'s or a clip axis\'s value, as unclipped', () => {
    const unclipped = new Map(flattenConfig(expandConfig({ ...base, arms: [{ ...base.arms[0], clip: null }] })));
    expect(unclipped.get('arms[0].clip')).toBe('unclipped');
    const sweep = { kind: 'sweep', base, over: [{ field: 'clip', values: [0.5, null] }] } as unknown as Parameters<typeof flattenConfig>[0];
    const rows = new Map(flattenConfig(sweep));
    expect([rows.get('over[0].values[0]'), rows.get('over[0].values[1]'), rows.get('base.arms[0].clip')]).toEqual(['0.5', 'unclipped', '0.5']);
  });

  it('marks only the rows that differ, including fields one run lacks', () => {
    const a = expandConfig(base);
    const b = expandConfig({ ...base, samples: 8, arms: [...base.arms, { ...base.arms[0], label: 'c', clip: null }] });
    const differing = configDiff([a, b]).filter((r) => r.differs).map((r) => r.path);
    expect(differing).toEqual(['samples', 'arms[1].label', 'arms[1].noise.family', 'arms[1].noise.alpha', 'arms[1].noise.scale', 'arms[1].noise.pPlus', 'arms[1].clip']);
  });
});
