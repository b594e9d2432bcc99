import type { LongRunConfig } from '../../../src-shared/model/config';
import { minima } from '../../../src-shared/model/landscape';
import type { LongRunArmResult, LongRunResult, SojournStats } from '../../../src-shared/model/results';
import type { LongRunChunkResult } from '../tasks';
import type { LongRunChunkKey } from '../executor/chunkKeys';

/**
 * Long-run chunks → per arm: occupancy of each Ω_i, the histogram of X(1..T), one thinned
 * trajectory per path, the m_i → m_j transition counts and the sojourn statistics.
 * Chunks are summed in (arm, path, chunk) order whatever order they finished in, so the
 * floating-point sums, and thus the bytes, are the same for any worker count or resume.
 */
export function aggregateLongRun(
  config: LongRunConfig,
  chunks: Iterable<[LongRunChunkKey, LongRunChunkResult]>,
): LongRunResult {
  const ordered = [...chunks].sort(([p], [q]) => p.arm - q.arm || p.path - q.path || p.chunk - q.chunk);
  const n = minima(config.landscape).length;
  const arms: LongRunArmResult[] = config.arms.map((arm, a) => {
    const mine = ordered.filter(([key]) => key.arm === a);
    return { label: arm.label, clip: arm.clip, ...armAggregate(config, n, mine) };
  });
  return { kind: 'long-run', arms };
}

function armAggregate(
  config: LongRunConfig,
  n: number,
  chunks: [LongRunChunkKey, LongRunChunkResult][],
): Omit<LongRunArmResult, 'label' | 'clip'> {
  let iterations = 0;
  const fieldCounts = new Array<number>(n).fill(0);
  const counts = new Array<number>(config.bins).fill(0);
  const flatTransitions = new Array<number>(n * n).fill(0);
  const sojournCount = new Array<number>(n).fill(0);
  const sojournSum = new Array<number>(n).fill(0);
  const sojournSumSq = new Array<number>(n).fill(0);
  const trajectories: number[][] = Array.from({ length: config.paths }, () => []);
  for (const [key, r] of chunks) {
    iterations += r.iterations;
    addInto(fieldCounts, r.fieldCounts);
    addInto(counts, r.histogram);
    addInto(flatTransitions, r.transitions);
    addInto(sojournCount, r.sojournCount);
    addInto(sojournSum, r.sojournSum);
    addInto(sojournSumSq, r.sojournSumSq);
    const trajectory = trajectories[key.path];
    if (trajectory) for (const x of r.trajectory) trajectory.push(x);
  }
  const visits = fieldCounts.reduce((s, v) => s + v, 0);
  const occupancy = fieldCounts.map((c) => (visits > 0 ? c / visits : 0));
  const transitions = Array.from({ length: n }, (_, i) => flatTransitions.slice(i * n, (i + 1) * n));
  const sojourns = sojournCount.map((count, i) => sojournStats(i + 1, count, sojournSum[i], sojournSumSq[i]));
  return { iterations, occupancy, histogram: { edges: histogramEdges(config), counts }, trajectories, transitions, sojourns };
}

/** bins + 1 equally spaced edges over [−L, L]; computed from k, not accumulated, so no drift. */
export function histogramEdges(config: Pick<LongRunConfig, 'bins' | 'landscape'>): number[] {
  const L = config.landscape.L;
  return Array.from({ length: config.bins + 1 }, (_, k) => (k === config.bins ? L : -L + (2 * L * k) / config.bins));
}

/**
 * Mean sojourn at m_i and its standard error sd/√count from the running sums. With no sojourn
 * there is no mean, and one sojourn has no spread to estimate: null then, never a made-up 0.
 */
export function sojournStats(minimum: number, count: number, sum: number, sumSq: number): SojournStats {
  if (count === 0) return { minimum, count, mean: null, stderr: null };
  const mean = sum / count;
  if (count === 1) return { minimum, count, mean, stderr: null };
  const variance = Math.max(0, (sumSq - sum * mean) / (count - 1));
  return { minimum, count, mean, stderr: Math.sqrt(variance / count) };
}

function addInto(target: number[], source: readonly number[]): void {
  for (let k = 0; k < target.length && k < source.length; k++) target[k] += source[k];
}
