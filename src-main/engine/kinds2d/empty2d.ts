import type { Config2D } from '../../../src-shared/model/config2d';
import type { ExitTime2DResult, LongRun2DResult } from '../../../src-shared/model/results2d';
import { surfaceOf } from '../../../src-shared/theory2d/presets';

/**
 * A 2-D run's result before any chunk: every arm present with nothing measured (η points with
 * 0 samples, no shares). What a sweep shows for a cell whose first chunk has not come back; the
 * kind's own aggregate is null then, as a standalone run has nothing to show. The home basin is
 * 0 until a chunk reports it (the kernels' basin map says which).
 */
export function emptyResult2d(config: Config2D): ExitTime2DResult | LongRun2DResult {
  if (config.kind === 'exit-time-2d') {
    return {
      kind: 'exit-time-2d',
      arms: config.arms.map((arm) => ({
        label: arm.label,
        clip: arm.clip,
        home: 0,
        points: config.etas.map((eta) => ({ eta, samples: 0, censored: 0, mean: 0, stderr: 0, exitTimes: [], exitTo: {} })),
        fit: null,
        theory: null,
      })),
    };
  }
  const L = surfaceOf(config.landscape).L;
  const edges = Array.from({ length: config.bins + 1 }, (_, i) => -L + (2 * L * i) / config.bins);
  return {
    kind: 'long-run-2d',
    iterations: config.iterations,
    arms: config.arms.map((arm) => ({
      label: arm.label,
      clip: arm.clip,
      share: [],
      histogram: { xEdges: edges, yEdges: [...edges], counts: [] },
      moves: [],
      sojourns: [],
      trajectories: Array.from({ length: config.paths }, () => []),
    })),
  };
}
