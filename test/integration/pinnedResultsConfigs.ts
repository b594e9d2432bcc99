import type { RunResult } from '../../src-shared/model/results';

/**
 * Small runs whose raw numbers were captured once and must never change without an engine version
 * bump: Figure 4 at reduced size (both arms, three η) and a long run of Figures 1/5's four arms.
 */
export const pinConfigs = {
  'figure-4-reduced': {
    name: 'pinned exit-time', kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, seed: 1,
    arms: [
      { label: 'clipped b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 },
      { label: 'no clipping', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: null },
    ],
    etas: [0.1, 0.03, 0.01], samples: 12, maxIterations: 1_000_000_000,
  },
  'figures-1-5-reduced': {
    name: 'pinned long-run', kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, seed: 1,
    eta: 0.01, paths: 2, iterations: 300_000, bins: 40, thin: 10_000, epsilon: 0.05,
    arms: [
      { label: 'heavy, no clip', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: null },
      { label: 'heavy, b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 },
      { label: 'light, no clip', noise: { family: 'gaussian', sigma: 1 }, clip: null },
      { label: 'light, b=0.5', noise: { family: 'gaussian', sigma: 1 }, clip: 0.5 },
    ],
  },
} as const;

/** The raw numbers of a result: what the kernels drew, not how the result is presented. */
export function pinnedNumbers(result: RunResult): unknown {
  return result.arms.map((arm) => {
    const a = arm as unknown as Record<string, unknown>;
    if ('points' in a) {
      return (a.points as { eta: number; exitTimes: number[]; exitTo: Record<string, number> }[]).map((p) => ({
        eta: p.eta, exitTimes: p.exitTimes, exitTo: p.exitTo,
      }));
    }
    const sojourns = a.sojourns as { minimum: number; count: number; mean: number | null }[];
    return {
      occupancy: a.occupancy,
      histogram: (a.histogram as { counts: number[] }).counts,
      transitions: a.transitions,
      trajectories: a.trajectories,
      sojourns: sojourns.map((s) => ({ minimum: s.minimum, count: s.count, mean: s.count > 0 ? s.mean : null })),
    };
  });
}
