import type { ExitTimeConfig, ExperimentConfig, LongRunConfig } from '../../../src-shared/model/config';
import { minima } from '../../../src-shared/model/landscape';
import type { ExitTimeArmSummary, ExitTimePointSummary, LongRunArmSummary, LongRunResultSummary, ExitTimeResultSummary, RunResultSummary } from '../../../src-shared/model/results';
import { exitTimeTheory, type ExitFieldTheory } from '../../../src-shared/theory/report';
import type { KernelChunkResult } from '../tasks';
import { parseChunkKey } from '../executor/chunkKeys';
import { exitTimePoint } from './exitTimeAggregate';
import { logLogFit } from './logLogFit';
import { histogramEdges, sojournStats } from './longRunAggregate';
import type { RunningKindAggregate } from '../kinds/engineKind';
import { engineKind } from '../kinds/engineKinds';

/**
 * A live run's result summary, kept up to date chunk by chunk: adding a chunk costs its own
 * size, and reading the summary costs the summary's size (plus, for exit times, the samples of
 * the (arm, η) groups that changed since the last read), never the number of chunks so far.
 * The final result is still aggregated once from every chunk in a fixed order (aggregateRun),
 * which keeps it byte-identical for any worker count or resume.
 */
export class RunningAggregate {
  private readonly impl: RunningKindAggregate<RunResultSummary>;
  private chunks = 0;

  constructor(config: ExperimentConfig) {
    this.impl = engineKind(config.kind).running(config);
  }

  add(key: string, result: KernelChunkResult): void {
    if (this.impl.add(key, result)) this.chunks++;
  }

  /** Null before the first chunk, as aggregateRun. */
  summary(): RunResultSummary | null {
    return this.chunks === 0 ? null : this.impl.summary();
  }
}

export class ExitTimeRunning implements RunningKindAggregate<ExitTimeResultSummary> {
  private readonly groups: Map<number, { index: number; sigma: number; to: number }>[][];
  private readonly points: ExitTimePointSummary[][];
  private readonly dirty = new Set<string>();
  private readonly theory: readonly (ExitFieldTheory | null)[];

  constructor(private readonly config: ExitTimeConfig) {
    this.groups = config.arms.map(() => config.etas.map(() => new Map()));
    this.points = config.arms.map(() => config.etas.map((eta) => withoutSeries(exitTimePoint(eta, []))));
    this.theory = exitTimeTheory(config);
  }

  add(key: string, result: KernelChunkResult): boolean {
    const k = parseChunkKey(key);
    if (k?.kind !== 'exit-time' || result.kind !== 'exit-time') return false;
    const group = this.groups[k.arm]?.[k.etaIndex];
    if (!group) return false;
    result.exitTimes.forEach((sigma, j) => group.set(k.sampleStart + j, { index: k.sampleStart + j, sigma, to: result.exitTo[j] }));
    this.dirty.add(`${k.arm}/${k.etaIndex}`);
    return true;
  }

  summary(): ExitTimeResultSummary {
    for (const d of this.dirty) {
      const [a, e] = d.split('/').map(Number);
      this.points[a][e] = withoutSeries(exitTimePoint(this.config.etas[e], [...this.groups[a][e].values()]));
    }
    this.dirty.clear();
    const arms: ExitTimeArmSummary[] = this.config.arms.map((arm, a) => {
      const points = this.points[a].map((p) => ({ ...p, exitTo: { ...p.exitTo } }));
      const fitted = points.filter((p) => p.samples > 0 && p.censored === 0);
      return { label: arm.label, clip: arm.clip, points, fit: logLogFit(fitted), theory: this.theory[a] ?? null };
    });
    return { kind: 'exit-time', arms };
  }
}

function withoutSeries(point: ReturnType<typeof exitTimePoint>): ExitTimePointSummary {
  const { exitTimes: _, ...rest } = point;
  return rest;
}

interface LongRunSums {
  iterations: number;
  fieldCounts: number[];
  histogram: number[];
  transitions: number[];
  sojournCount: number[];
  sojournSum: number[];
  sojournSumSq: number[];
}

export class LongRunRunning implements RunningKindAggregate<LongRunResultSummary> {
  private readonly sums: LongRunSums[];
  private readonly n: number;
  private readonly seen = new Set<string>();

  constructor(private readonly config: LongRunConfig) {
    this.n = minima(config.landscape).length;
    const n = this.n;
    this.sums = config.arms.map(() => ({
      iterations: 0,
      fieldCounts: new Array<number>(n).fill(0),
      histogram: new Array<number>(config.bins).fill(0),
      transitions: new Array<number>(n * n).fill(0),
      sojournCount: new Array<number>(n).fill(0),
      sojournSum: new Array<number>(n).fill(0),
      sojournSumSq: new Array<number>(n).fill(0),
    }));
  }

  add(key: string, r: KernelChunkResult): boolean {
    const k = parseChunkKey(key);
    if (k?.kind !== 'long-run' || r.kind !== 'long-run' || this.seen.has(key)) return false;
    const s = this.sums[k.arm];
    if (!s || k.path >= this.config.paths) return false;
    this.seen.add(key);
    s.iterations += r.iterations;
    addInto(s.fieldCounts, r.fieldCounts);
    addInto(s.histogram, r.histogram);
    addInto(s.transitions, r.transitions);
    addInto(s.sojournCount, r.sojournCount);
    addInto(s.sojournSum, r.sojournSum);
    addInto(s.sojournSumSq, r.sojournSumSq);
    return true;
  }

  summary(): LongRunResultSummary {
    const n = this.n;
    const edges = histogramEdges(this.config);
    const arms: LongRunArmSummary[] = this.config.arms.map((arm, a) => {
      const s = this.sums[a];
      const visits = s.fieldCounts.reduce((t, v) => t + v, 0);
      return {
        label: arm.label,
        clip: arm.clip,
        iterations: s.iterations,
        occupancy: s.fieldCounts.map((c) => (visits > 0 ? c / visits : 0)),
        histogram: { edges, counts: [...s.histogram] },
        transitions: Array.from({ length: n }, (_, i) => s.transitions.slice(i * n, (i + 1) * n)),
        sojourns: s.sojournCount.map((count, i) => sojournStats(i + 1, count, s.sojournSum[i], s.sojournSumSq[i])),
      };
    });
    return { kind: 'long-run', arms };
  }
}

function addInto(target: number[], source: readonly number[]): void {
  for (let k = 0; k < target.length && k < source.length; k++) target[k] += source[k];
}
