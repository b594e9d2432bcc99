import type { ExitTimeConfig } from '../../../src-shared/model/config';
import type { ExitTimeArmResult, ExitTimePoint, ExitTimeResult } from '../../../src-shared/model/results';
import type { ExitTimeChunkResult } from '../tasks';
import type { ExitTimeChunkKey } from '../executor/chunkKeys';
import type { ExitFieldTheory } from '../../../src-shared/theory/report';
import { logLogFit } from './logLogFit';

/** One finished sample: its index in its (arm, η) group, σ and the field it exited to (0 = censored). */
interface Sample {
  index: number;
  sigma: number;
  to: number;
}

/**
 * Exit-time chunks → per arm, per η: mean σ, standard error, censoring, where the exits went,
 * the log-log fit, and the theory's Ω_i, l*_i and β_i per arm (src-shared's exitTimeTheory).
 * Samples are ordered by their index, never by when their chunk finished, so the result is the
 * same for any chunking, worker count or resume.
 */
export function aggregateExitTime(
  config: ExitTimeConfig,
  chunks: Iterable<[ExitTimeChunkKey, ExitTimeChunkResult]>,
  theory: readonly (ExitFieldTheory | null)[] = [],
): ExitTimeResult {
  const groups = config.arms.map(() => config.etas.map(() => new Map<number, Sample>()));
  for (const [key, result] of chunks) {
    const group = groups[key.arm]?.[key.etaIndex];
    if (!group) continue;
    for (let k = 0; k < result.exitTimes.length; k++) {
      const index = key.sampleStart + k;
      group.set(index, { index, sigma: result.exitTimes[k], to: result.exitTo[k] });
    }
  }
  const arms: ExitTimeArmResult[] = config.arms.map((arm, a) => {
    const points = config.etas.map((eta, e) => exitTimePoint(eta, [...groups[a][e].values()]));
    const fitted = points.filter((p) => p.samples > 0 && p.censored === 0);
    return { label: arm.label, clip: arm.clip, points, fit: logLogFit(fitted), theory: theory[a] ?? null };
  });
  return { kind: 'exit-time', arms };
}

/**
 * Mean and standard error (sample sd / √n) of σ. Censored samples enter at maxIterations, so
 * with censored > 0 the mean is a lower bound. An η with no sample yet reports zeros.
 */
export function exitTimePoint(eta: number, samples: Sample[]): ExitTimePoint {
  const sorted = [...samples].sort((p, q) => p.index - q.index);
  const exitTimes = sorted.map((s) => s.sigma);
  const n = exitTimes.length;
  const exitTo: Record<string, number> = {};
  let censored = 0;
  for (const s of sorted) {
    if (s.to === 0) censored++;
    else exitTo[String(s.to)] = (exitTo[String(s.to)] ?? 0) + 1;
  }
  const mean = n > 0 ? exitTimes.reduce((t, v) => t + v, 0) / n : 0;
  // Two-pass variance: σ spans many orders of magnitude, Σσ² − n·mean² would cancel badly.
  const variance = n > 1 ? exitTimes.reduce((t, v) => t + (v - mean) ** 2, 0) / (n - 1) : 0;
  const stderr = n > 1 ? Math.sqrt(variance / n) : 0;
  return { eta, samples: n, censored, mean, stderr, exitTimes, exitTo };
}
