import type { ExitTime2DConfig, LongRun2DConfig } from '../../../src-shared/model/config2d';
import type { ExitTime2DPoint, ExitTime2DResult, LongRun2DResult } from '../../../src-shared/model/results2d';
import { surfaceOf } from '../../../src-shared/theory2d/presets';
import { logLogFit } from '../aggregate/logLogFit';
import type { ExitTime2DChunkResult, LongRun2DChunkResult } from '../kernels2d/tasks2d';
import { parseExitTime2dKey, parseLongRun2dKey } from './params2d';
import { cachedTheory2d } from './theoryCache2d';

/**
 * The 2-D exit-time result from its chunks, taken in sample order per (arm, η), so it is the same
 * for any worker count, chunk completion order or resume.
 */
export function aggregateExitTime2d(config: ExitTime2DConfig, chunks: ReadonlyMap<string, unknown>): ExitTime2DResult | null {
  const groups = new Map<string, { first: number; result: ExitTime2DChunkResult }[]>();
  let home = 0;
  for (const [key, value] of chunks) {
    const k = parseExitTime2dKey(key);
    const r = value as ExitTime2DChunkResult;
    if (!k || r?.kind !== 'exit-time-2d' || k.arm >= config.arms.length || k.etaIndex >= config.etas.length) continue;
    home = r.home;
    const id = `${k.arm}/${k.etaIndex}`;
    groups.set(id, [...(groups.get(id) ?? []), { first: k.first, result: r }]);
  }
  if (groups.size === 0) return null;
  const theory = cachedTheory2d(config);
  return {
    kind: 'exit-time-2d',
    arms: config.arms.map((arm, a) => {
      const points = config.etas.map((eta, e) => {
        const list = (groups.get(`${a}/${e}`) ?? []).sort((p, q) => p.first - q.first);
        return exitPoint(eta, list.flatMap((p) => p.result.exitTimes), list.flatMap((p) => p.result.exitTo));
      });
      const uncensored = points.filter((p) => p.samples > 0 && p.censored === 0);
      const field = theory.arms[a]?.applicable ? theory.arms[a].fields.find((f) => f.index === home) : undefined;
      return {
        label: arm.label,
        clip: arm.clip,
        home,
        points,
        fit: logLogFit(uncensored),
        theory: field ? { basin: home, lStar: field.lStar, jumpsByRadius: field.jumpsByRadius, exponent: field.exponent } : null,
      };
    }),
  };
}

function exitPoint(eta: number, exitTimes: number[], exitTo: number[]): ExitTime2DPoint {
  const n = exitTimes.length;
  const censored = exitTo.filter((d) => d === 0).length;
  const mean = n > 0 ? exitTimes.reduce((t, v) => t + v, 0) / n : 0;
  // Two-pass variance: σ spans orders of magnitude.
  const variance = n > 1 ? exitTimes.reduce((t, v) => t + (v - mean) ** 2, 0) / (n - 1) : 0;
  const to: Record<string, number> = {};
  for (const d of exitTo) if (d > 0) to[d] = (to[d] ?? 0) + 1;
  return { eta, samples: n, censored, mean, stderr: n > 1 ? Math.sqrt(variance / n) : 0, exitTimes, exitTo: to };
}

/** The 2-D long-run result: per arm, counts summed over every path's pieces in key order. */
export function aggregateLongRun2d(config: LongRun2DConfig, chunks: ReadonlyMap<string, unknown>): LongRun2DResult | null {
  const mine: { arm: number; path: number; piece: number; result: LongRun2DChunkResult }[] = [];
  for (const [key, value] of chunks) {
    const k = parseLongRun2dKey(key);
    const r = value as LongRun2DChunkResult;
    if (k && r?.kind === 'long-run-2d' && k.arm < config.arms.length && k.path < config.paths) mine.push({ ...k, result: r });
  }
  if (mine.length === 0) return null;
  mine.sort((p, q) => p.arm - q.arm || p.path - q.path || p.piece - q.piece);
  const L = surfaceOf(config.landscape).L;
  const bins = config.bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => -L + (2 * L * i) / bins);
  const basins = mine[0].result.basinCounts.length;
  return {
    kind: 'long-run-2d',
    iterations: config.iterations,
    arms: config.arms.map((arm, a) => {
      const pieces = mine.filter((p) => p.arm === a);
      const hist = new Array<number>(bins * bins).fill(0);
      const basinCounts = new Array<number>(basins).fill(0);
      const moves = new Array<number>(basins * basins).fill(0);
      const sojourn = { count: new Array<number>(basins).fill(0), sum: new Array<number>(basins).fill(0), sumSq: new Array<number>(basins).fill(0) };
      const trajectories: [number, number][][] = Array.from({ length: config.paths }, () => []);
      for (const { path, result: r } of pieces) {
        r.histogram.forEach((v, i) => (hist[i] += v));
        r.basinCounts.forEach((v, i) => (basinCounts[i] += v));
        r.transitions.forEach((v, i) => (moves[i] += v));
        for (let i = 0; i < basins; i++) {
          sojourn.count[i] += r.sojournCount[i];
          sojourn.sum[i] += r.sojournSum[i];
          sojourn.sumSq[i] += r.sojournSumSq[i];
        }
        for (let k = 0; k + 1 < r.trajectory.length; k += 2) trajectories[path].push([r.trajectory[k], r.trajectory[k + 1]]);
      }
      const total = basinCounts.reduce((s, v) => s + v, 0);
      return {
        label: arm.label,
        clip: arm.clip,
        share: basinCounts.map((v) => (total > 0 ? v / total : 0)),
        histogram: { xEdges: edges, yEdges: [...edges], counts: Array.from({ length: bins }, (_, i) => hist.slice(i * bins, (i + 1) * bins)) },
        moves: Array.from({ length: basins }, (_, i) => moves.slice(i * basins, (i + 1) * basins)),
        sojourns: sojourn.count.map((count, i) => {
          const mean = count > 0 ? sojourn.sum[i] / count : 0;
          const sd = count > 1 ? Math.sqrt(Math.max(0, (sojourn.sumSq[i] - count * mean * mean) / (count - 1))) : 0;
          return { minimum: i + 1, count, mean, sd };
        }),
        trajectories,
      };
    }),
  };
}
