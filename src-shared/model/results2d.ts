import type { ExitTimePoint, LogLogFit } from './results';

/**
 * One η of a 2-D exit-time arm: the 1-D point's fields, σ measured from the basin of x0, and
 * `exitTo` keyed by destination basin (1-based, as the theory numbers the minima).
 */
export type ExitTime2DPoint = ExitTimePoint;

export interface ExitTime2DArmResult {
  label: string;
  clip: number | null;
  /** The basin of x0. */
  home: number;
  points: ExitTime2DPoint[];
  /** log(mean σ) on log(1/η): the measured exponent. */
  fit: LogLogFit | null;
  /** The predicted exponent of the home basin (R^d jump counts), or null where the theory does not apply. */
  theory: { basin: number; lStar: number; jumpsByRadius: number | null; exponent: number } | null;
}

export interface ExitTime2DResult {
  kind: 'exit-time-2d';
  arms: ExitTime2DArmResult[];
}

export interface ExitTime2DResultSummary {
  kind: 'exit-time-2d';
  arms: (Omit<ExitTime2DArmResult, 'points'> & { points: Omit<ExitTime2DPoint, 'exitTimes'>[] })[];
}

export interface Histogram2D {
  xEdges: number[];
  yEdges: number[];
  /** counts[i][j]: x-bin i, y-bin j. */
  counts: number[][];
}

export interface LongRun2DArmResult {
  label: string;
  clip: number | null;
  /** Fraction of iterations per basin (index i − 1 for basin i). */
  share: number[];
  histogram: Histogram2D;
  /** moves[i][j]: completed moves from the ε-ball of m_{i+1} to that of m_{j+1}. */
  moves: number[][];
  /** Per minimum: completed sojourns (entering its ε-ball until entering another's), their mean and sd. */
  sojourns: { minimum: number; count: number; mean: number; sd: number }[];
  /** Thinned paths, one per path, as [x, y] pairs. */
  trajectories: [number, number][][];
}

export interface LongRun2DResult {
  kind: 'long-run-2d';
  iterations: number;
  arms: LongRun2DArmResult[];
}

export interface LongRun2DResultSummary {
  kind: 'long-run-2d';
  iterations: number;
  arms: Omit<LongRun2DArmResult, 'trajectories'>[];
}
