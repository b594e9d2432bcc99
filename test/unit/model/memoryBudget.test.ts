import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model';
import { budgetIssues, BYTES_PER_VALUE, DEFAULT_MEMORY_BUDGET_MB, longRunChunkIterations, MAX_POINTS_PER_CHUNK, runFootprint } from '../../../src-shared/model/memoryBudget';

const arms = [{ label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }];
const longRun = (over: Record<string, unknown>) =>
  expandConfig({ kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, arms, eta: 0.001, paths: 2, iterations: 1000, ...over });
const engine = { budgetMB: DEFAULT_MEMORY_BUDGET_MB, chunkIterations: 1 << 25, workers: 2 };

describe('memory budget', () => {
  it('counts stored trajectory points as arms × paths × (iterations / thin + 1)', () => {
    const c = longRun({ paths: 3, iterations: 10_000, thin: 10 });
    const points = runFootprint(c, engine.chunkIterations).result.find((p) => p.field === 'thin');
    expect(points?.values).toBe(3 * 1001);
  });

  it('refuses the reported case (thin 1, 1e8 iterations, 2 paths), naming thin and the budget', () => {
    const issues = budgetIssues(longRun({ thin: 1, iterations: 1e8 }), engine);
    expect(issues[0].path).toBe('thin');
    expect(issues[0].message).toMatch(/over the memory budget of 1,024 MB/);
    expect(issues[0].message).toMatch(/--memory-budget/);
  });

  it('blames bins for a few huge histograms and iterations for very many chunks', () => {
    expect(budgetIssues(longRun({ bins: 100_000, paths: 10_000 }), engine)[0].path).toBe('bins');
    expect(budgetIssues(longRun({ iterations: 1e15, thin: 1e9 }), engine)[0].path).toBe('iterations');
  });

  it('a bigger budget lets a bigger run through, but never past the store’s one-document limit', () => {
    const c = longRun({ thin: 1, iterations: 8_000_000 });
    expect(budgetIssues(c, { ...engine, budgetMB: 512 }).map((i) => i.path)).toEqual(['thin']);
    expect(budgetIssues(c, { ...engine, budgetMB: 4096 })).toEqual([]);
    const huge = longRun({ thin: 1, iterations: 1e8 });
    expect(budgetIssues(huge, { ...engine, budgetMB: 1e9 }).map((i) => i.message).join()).toMatch(/store's limit/);
  });

  it('cuts long-run chunks so none carries more than MAX_POINTS_PER_CHUNK trajectory points', () => {
    expect(longRunChunkIterations(1, 1 << 25)).toBe(MAX_POINTS_PER_CHUNK);
    expect(longRunChunkIterations(250, 1 << 25)).toBe(250 * MAX_POINTS_PER_CHUNK);
    expect(longRunChunkIterations(10_000, 1 << 25)).toBe(1 << 25);
    const chunk = runFootprint(longRun({ thin: 1, iterations: 1e8 }), 1 << 25).chunk.find((p) => p.field === 'thin');
    expect(chunk?.values).toBe(MAX_POINTS_PER_CHUNK + 1);
  });

  it('lets the paper presets through with room to spare', () => {
    const fig1 = longRun({ paths: 20, iterations: 3_000_000, arms: [...Array(4)].map((_, k) => ({ ...arms[0], label: `a${k}` })) });
    expect(budgetIssues(fig1, engine)).toEqual([]);
    const { result, chunk } = runFootprint(fig1, engine.chunkIterations);
    const bytes = [...result, ...chunk, ...chunk].reduce((s, p) => s + p.values, 0) * BYTES_PER_VALUE;
    expect(bytes).toBeLessThan(100 * 2 ** 20);
  });

  it('counts exit-time samples', () => {
    const exitTime = (samples: number) =>
      expandConfig({ kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, arms, etas: [0.1, 0.01], samples });
    expect(budgetIssues(exitTime(10_000_000), engine)[0].path).toBe('samples');
    expect(budgetIssues(exitTime(1000), engine)).toEqual([]);
  });
});
