import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import { ConfigError } from '../../../src-shared/model/validation';
import { expandSweep, sweepCells, type SweepConfig } from '../../../src-shared/sweep';

const base = {
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  seed: 4,
  arms: [{ label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
  etas: [0.03, 0.01, 0.003],
  samples: 60,
  maxIterations: 1_000_000_000,
};
const staircase = { kind: 'sweep', name: 'The b staircase', base, over: [{ field: 'clip', values: [0.3, 0.45, 0.7] }] };

/** The issues of a ConfigError as {path: message}, or a failure when the input was accepted. */
function issuesOf(input: unknown): Record<string, string> {
  try {
    expandSweep(input);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return Object.fromEntries(e.issues.map((i) => [i.path, i.message]));
  }
  throw new Error('the sweep was accepted');
}

describe('expanding a sweep', () => {
  it('expands the base as a standalone run and keeps the axes', () => {
    const sweep = expandSweep(staircase);
    expect(sweep.kind).toBe('sweep');
    expect(sweep.name).toBe('The b staircase');
    expect(sweep.base).toEqual(expandConfig(base));
    expect(sweep.over).toEqual([{ field: 'clip', values: [0.3, 0.45, 0.7] }]);
    // Stored and expanded again, a sweep is unchanged.
    expect(expandSweep(sweep)).toEqual(sweep);
  });

  it('makes each cell the config a user would write to run it alone', () => {
    const cells = sweepCells(expandSweep(staircase));
    expect(cells.map((c) => c.values)).toEqual([{ clip: 0.3 }, { clip: 0.45 }, { clip: 0.7 }]);
    for (const cell of cells) {
      const alone = expandConfig({ ...base, name: cell.config.name, arms: [{ ...base.arms[0], clip: cell.values.clip }] });
      expect(cell.config).toEqual(alone);
      // Expanding a cell's config changes nothing: it is a complete standalone config.
      expect(expandConfig(cell.config)).toEqual(cell.config);
      expect(cell.config.seed).toBe(4);
    }
    expect(cells[0].config.name).toBe('The b staircase · clip = 0.3');
  });

  it('orders two axes with the first outermost and sets only the arms a field touches', () => {
    const sweep = expandSweep({
      kind: 'sweep',
      base: {
        ...base,
        arms: [...base.arms, { label: 'light', noise: { family: 'gaussian', sigma: 1 }, clip: null }],
      },
      over: [
        { field: 'alpha', values: [1.2, 1.5] },
        { field: 'clip', values: [null, 0.3, 0.7] },
      ],
    });
    const cells = sweepCells(sweep);
    expect(cells.map((c) => c.values)).toEqual([
      { alpha: 1.2, clip: null },
      { alpha: 1.2, clip: 0.3 },
      { alpha: 1.2, clip: 0.7 },
      { alpha: 1.5, clip: null },
      { alpha: 1.5, clip: 0.3 },
      { alpha: 1.5, clip: 0.7 },
    ]);
    expect(cells.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5]);
    const cell = cells[4].config;
    expect(cell.arms[0]).toEqual({ label: 'heavy', noise: { family: 'pareto', alpha: 1.5, scale: 0.1, pPlus: 0.5 }, clip: 0.3 });
    // The Gaussian arm has no α, but clip applies to every arm.
    expect(cell.arms[1]).toEqual({ label: 'light', noise: { family: 'gaussian', sigma: 1 }, clip: 0.3 });
    expect(sweep.name).toBe('Sweep of Exit-time experiment over alpha × clip');
  });

  it('sweeps η of a long-run base and σ of its Gaussian arms', () => {
    const longRun = {
      kind: 'long-run',
      landscape: { preset: 'paper' },
      x0: 0.3,
      eta: 0.001,
      paths: 2,
      iterations: 1000,
      arms: [{ label: 'light', noise: { family: 'gaussian', sigma: 1 }, clip: 0.5 }],
    };
    const cells = sweepCells(expandSweep({ kind: 'sweep', base: longRun, over: [{ field: 'eta', values: [0.01, 0.001] }, { field: 'sigma', values: [0.5, 2] }] }));
    expect(cells).toHaveLength(4);
    expect(cells[1].config).toMatchObject({ kind: 'long-run', eta: 0.01, arms: [{ noise: { sigma: 2 } }] });
    expect(cells[2].config).toMatchObject({ kind: 'long-run', eta: 0.001, arms: [{ noise: { sigma: 0.5 } }] });
  });
});

describe('an invalid sweep names the field by its path', () => {
  it('rejects a value the field cannot take, at over[k].values[j]', () => {
    const issues = issuesOf({ ...staircase, over: [{ field: 'alpha', values: [1.2, 1.5, 0.9] }] });
    expect(Object.keys(issues)).toEqual(['over[0].values[2]']);
    expect(issues['over[0].values[2]']).toMatch(/α must be > 1.*arms\[0\]\.noise\.alpha/);
    expect(issuesOf({ ...staircase, over: [{ field: 'clip', values: [0.3, -1] }] })).toHaveProperty(['over[0].values[1]']);
  });

  it('rejects non-finite, repeated and null values (null only for clip)', () => {
    expect(issuesOf({ ...staircase, over: [{ field: 'clip', values: [0.3, Infinity] }] })).toEqual({ 'over[0].values[1]': 'must be finite' });
    expect(issuesOf({ ...staircase, over: [{ field: 'clip', values: [0.3, 0.45, 0.3] }] })).toEqual({
      'over[0].values[2]': '0.3 repeats values[0]; the values must be distinct',
    });
    expect(issuesOf({ ...staircase, over: [{ field: 'alpha', values: [1.5, null] }] })['over[0].values[1]']).toMatch(/only for clip/);
    expect(() => expandSweep({ ...staircase, over: [{ field: 'clip', values: [null, 0.3] }] })).not.toThrow();
  });

  it('rejects fields the base has no arm or no place for', () => {
    expect(issuesOf({ ...staircase, over: [{ field: 'eta', values: [0.1] }] })['over[0].field']).toMatch(/only for a long-run base/);
    expect(issuesOf({ ...staircase, over: [{ field: 'sigma', values: [1] }] })['over[0].field']).toMatch(/no arm .*Gaussian σ/);
    expect(issuesOf({ ...staircase, over: [{ field: 'nu', values: [3] }] })['over[0].field']).toMatch(/Student-t/);
    expect(issuesOf({ ...staircase, over: [{ field: 'beta', values: [3] }] })['over[0].field']).toMatch(/must be one of clip, alpha/);
  });

  it('limits the grid to 400 cells, two axes, each field once', () => {
    const many = (n: number, from: number) => Array.from({ length: n }, (_, k) => from + k / 1000);
    expect(issuesOf({ ...staircase, over: [{ field: 'clip', values: many(21, 0.3) }, { field: 'alpha', values: many(20, 1.2) }] })).toEqual({
      over: '21 × 20 = 420 cells; at most 400',
    });
    expect(() => expandSweep({ ...staircase, over: [{ field: 'clip', values: many(20, 0.3) }, { field: 'alpha', values: many(20, 1.2) }] })).not.toThrow();
    const axis = { field: 'clip', values: [0.3] };
    expect(issuesOf({ ...staircase, over: [axis, { field: 'alpha', values: [1.5] }, { field: 'scale', values: [1] }] })).toHaveProperty(['over']);
    expect(issuesOf({ ...staircase, over: [axis, axis] })).toEqual({ 'over[1].field': 'repeats over[0].field ("clip")' });
    expect(issuesOf({ ...staircase, over: [] })).toEqual({ over: 'needs at least one axis' });
  });

  it('reports a bad base at base.…, and a nested sweep or unknown kind as such', () => {
    const badAlpha = { ...base, arms: [{ ...base.arms[0], noise: { family: 'pareto', alpha: 0.5 } }] };
    expect(issuesOf({ ...staircase, base: badAlpha })).toHaveProperty(['base.arms[0].noise.alpha']);
    expect(issuesOf({ ...staircase, base: { ...base, x0: -1.3 } })).toHaveProperty(['base.x0']);
    expect(issuesOf({ ...staircase, base: staircase })['base.kind'] ?? issuesOf({ ...staircase, base: staircase }).base).toMatch(/"exit-time" or "long-run"/);
  });
});

describe('a sweep expansion is pure data', () => {
  it('survives a JSON round trip unchanged', () => {
    const sweep: SweepConfig = expandSweep({ ...staircase, over: [{ field: 'clip', values: [null, 0.3] }] });
    expect(JSON.parse(JSON.stringify(sweep))).toEqual(sweep);
  });
});
