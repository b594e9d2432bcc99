import type { Noise } from '../../src-shared/model/noise';

/**
 * The contract between the scheduler and the kernels. A task is one chunk of a run:
 * plain data (structured-clone safe) so it crosses to a worker thread unchanged.
 * Every sample or path has its own random stream derived from
 * (seed, arm, etaIndex, sample) or (seed, arm, path), so results never depend on
 * how a run is chunked or on how many workers run it.
 */
export interface KernelParams {
  criticalPoints: number[];
  L: number;
  gradientScale: number;
  noise: Noise;
  /** b; null = unclipped SGD (eq. 10). */
  clip: number | null;
  eta: number;
}

export interface ExitTimeTask {
  kind: 'exit-time';
  params: KernelParams;
  x0: number;
  /** Ω = (left, right), the field that contains x0 (±Infinity at the ends). */
  left: number;
  right: number;
  maxIterations: number;
  seed: number;
  arm: number;
  etaIndex: number;
  sampleStart: number;
  sampleCount: number;
}

export interface ExitTimeChunkResult {
  kind: 'exit-time';
  /** σ per sample, in sample order; censored samples hold maxIterations. */
  exitTimes: number[];
  /** 1-based field the exit landed in; 0 when censored. */
  exitTo: number[];
  iterations: number;
}

/** Everything a long path needs to continue in the next chunk exactly as if never split. */
export interface LongRunState {
  /** X(n) */
  x: number;
  /** n: iterations done on this path so far. */
  n: number;
  /** Generator (and any sampler cache) state. */
  rng: number[];
  /** 1-based minimum whose ε-ball was entered last; 0 before the first. */
  lastMinimum: number;
  /** n at which lastMinimum's ball was entered. */
  enteredAt: number;
}

export interface LongRunTask {
  kind: 'long-run';
  params: KernelParams;
  x0: number;
  seed: number;
  arm: number;
  path: number;
  /** Iterations in this chunk. */
  iterations: number;
  bins: number;
  thin: number;
  epsilon: number;
  /** null for a path's first chunk: start at x0 with the path's fresh stream. */
  state: LongRunState | null;
  /**
   * More paths of the same arm, each advanced by the same `iterations` in this chunk from its own
   * state with its own stream (so each gets exactly the numbers it would alone): the WebAssembly
   * kernels walk them side by side in SIMD lanes. Absent for a lone path.
   */
  group?: LongRunPathStart[];
}

/** Where one path of a group starts its piece. */
export interface LongRunPathStart {
  path: number;
  state: LongRunState | null;
}

export interface LongRunChunkResult {
  kind: 'long-run';
  /** Counts of X(n+1..n+iterations) in `bins` equal bins over [−L, L]. */
  histogram: number[];
  /** Counts of the same iterates per field Ω_i. */
  fieldCounts: number[];
  /** X(k) for every k in this chunk (and k = 0 in the first) with k % thin === 0. */
  trajectory: number[];
  /** Flat row-major n×n counts of moves m_i → m_j completed in this chunk. */
  transitions: number[];
  /** Per minimum: completed sojourns in this chunk, their sum and sum of squares. */
  sojournCount: number[];
  sojournSum: number[];
  sojournSumSq: number[];
  state: LongRunState;
  iterations: number;
  /** The results of the task's `group`, in its order (each a lone path's result). */
  group?: LongRunChunkResult[];
}

export type KernelTask = ExitTimeTask | LongRunTask;
export type KernelChunkResult = ExitTimeChunkResult | LongRunChunkResult;

/**
 * Called by a kernel every ~2^20 iterations with the iterations done in this chunk;
 * returning false asks the kernel to stop (the chunk is then discarded).
 */
export type KernelTick = (iterationsDone: number) => boolean;
