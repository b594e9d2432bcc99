import type { EmpiricalNoise, StableNoise, StudentNoise } from '../../../src-shared/model/noiseFamilies';
import type { Landscape2DConfig } from '../../../src-shared/theory2d/landscape';

/**
 * The 2-D chunk tasks: plain data, like the 1-D ones (tasks.ts), so they cross to a worker
 * thread or a queue worker unchanged (taskCodec.ts). A sample or path draws from its own
 * stream (seed, arm, η index, sample) or (seed, arm, path) in the 2-D domains of streamKey.ts,
 * so results do not depend on chunking, worker count or resume.
 */

/**
 * The noise of a 2-D arm with every default filled in. Stable, Student-t and measured noise are
 * `axes` only: independent coordinates, each the 1-D family's value.
 */
export type KernelNoise2D =
  | { family: 'pareto'; alpha: number; scale: number; direction: 'isotropic' | 'axes' }
  | { family: 'gaussian'; sigma: number }
  | ((StableNoise | StudentNoise | EmpiricalNoise) & { direction: 'axes' });

export interface KernelParams2D {
  /** The landscape as configured (wells or a preset); the kernel builds f and the basin map from it. */
  landscape: Landscape2DConfig;
  /** Nodes per side of the basin map that decides which basin a point is in (BASIN_MAP_NODES = 257 in runs). */
  mapNodes: number;
  noise: KernelNoise2D;
  /** b of the norm truncation v ← v·min(1, b/|v|); null = unclipped. */
  clip: number | null;
  eta: number;
}

export interface ExitTime2DTask {
  kind: 'exit-time-2d';
  params: KernelParams2D;
  x0: [number, number];
  maxIterations: number;
  seed: number;
  arm: number;
  etaIndex: number;
  sampleStart: number;
  sampleCount: number;
}

export interface ExitTime2DChunkResult {
  kind: 'exit-time-2d';
  /** 1-based basin of x0 (every sample starts there). */
  home: number;
  /** σ per sample, in sample order; censored samples hold maxIterations. */
  exitTimes: number[];
  /** 1-based basin of X(σ); 0 when censored. */
  exitTo: number[];
  iterations: number;
}

/** Everything a long 2-D path needs to continue in the next chunk exactly as if never split. */
export interface LongRun2DState {
  /** X(n) */
  x: [number, number];
  /** n: iterations done on this path so far. */
  n: number;
  /** The path's eight generator words (main and auxiliary xoshiro128** states). */
  rng: number[];
  /** 1-based minimum whose ε-ball was entered last; 0 before the first. */
  lastMinimum: number;
  /** n at which lastMinimum's ball was entered. */
  enteredAt: number;
}

export interface LongRun2DTask {
  kind: 'long-run-2d';
  params: KernelParams2D;
  x0: [number, number];
  seed: number;
  arm: number;
  path: number;
  /** Iterations in this chunk. */
  iterations: number;
  /** Histogram bins per axis over [−L, L]. */
  bins: number;
  thin: number;
  /** Radius of the Euclidean ball around each minimum that counts as "at m_i". */
  epsilon: number;
  /** null for a path's first chunk: start at x0 with the path's fresh stream. */
  state: LongRun2DState | null;
}

export interface LongRun2DChunkResult {
  kind: 'long-run-2d';
  /**
   * Counts of X(n+1 … n+iterations) in bins × bins equal cells of [−L, L]², flat with x-bin
   * outer: histogram[i·bins + j] is x-bin i, y-bin j (the aggregate's counts[i][j]).
   */
  histogram: number[];
  /** Counts of the same iterates per basin (index i − 1 for basin i). */
  basinCounts: number[];
  /** Thinned X(k) for k % thin = 0 (X(0) in the first chunk), flat: x, y, x, y, … */
  trajectory: number[];
  /** Flat row-major n×n counts of moves m_i → m_j completed in this chunk. */
  transitions: number[];
  /** Per minimum: completed sojourns in this chunk, their sum and sum of squares. */
  sojournCount: number[];
  sojournSum: number[];
  sojournSumSq: number[];
  state: LongRun2DState;
  iterations: number;
}

export type KernelTask2D = ExitTime2DTask | LongRun2DTask;
export type KernelChunkResult2D = ExitTime2DChunkResult | LongRun2DChunkResult;
