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

  it('marks only the rows that differ, including fields one run lacks', () => {
    const a = expandConfig(base);
    const b = expandConfig({ ...base, samples: 8, arms: [...base.arms, { ...base.arms[0], label: 'c', clip: null }] });
    const differing = configDiff([a, b]).filter((r) => r.differs).map((r) => r.path);
    expect(differing).toEqual(['samples', 'arms[1].label', 'arms[1].noise.family', 'arms[1].noise.alpha', 'arms[1].noise.scale', 'arms[1].noise.pPlus', 'arms[1].clip']);
  });
});
