/** What a completed (or, while running, partial) run reports. Field indices are 1-based. */

export interface ExitTimePoint {
  eta: number;
  /** Samples finished so far (equals config.samples when complete). */
  samples: number;
  /** Samples that reached maxIterations without exiting; they count in `mean` at maxIterations. */
  censored: number;
  /** Mean first exit time σ in iterations; a lower bound when censored > 0. */
  mean: number;
  /** Standard error of the mean: sample sd / √samples. */
  stderr: number;
  /** Every sample's σ, in sample order (censored ones equal maxIterations). */
  exitTimes: number[];
  /** Field j the exit landed in → count (censored samples are not counted). */
  exitTo: Record<string, number>;
}

export interface LogLogFit {
  /** Least squares of log(mean) on log(1/η): slope = measured exponent. */
  slope: number;
  /**
   * Standard error of the slope from the points' standard errors (delta method); 0 when every
   * point has a single sample (no spread to propagate).
   */
  slopeStderr: number;
  intercept: number;
  r2: number;
  /** How many points entered the fit (uncensored, mean > 0). */
  points: number;
}

export interface ExitTimeArmResult {
  label: string;
  clip: number | null;
  points: ExitTimePoint[];
  fit: LogLogFit | null;
  /** The predicted exponent for the field of x0; null when Theorem 1 does not apply. */
  theory: { field: number; lStar: number; exponent: number } | null;
}

export interface SojournStats {
  minimum: number;
  /** Completed sojourns at m_i (entered its ε-ball until the ε-ball of another minimum). */
  count: number;
  /** Null when there was no sojourn. */
  mean: number | null;
  /** sd/√count; null with fewer than two sojourns. */
  stderr: number | null;
}

export interface LongRunArmResult {
  label: string;
  clip: number | null;
  /** Iterations simulated so far, summed over paths. */
  iterations: number;
  /** Fraction of X(1..T) in each field Ω_i. */
  occupancy: number[];
  histogram: { edges: number[]; counts: number[] };
  /** One thinned trajectory per path: X(0), X(thin), X(2·thin), … */
  trajectories: number[][];
  /** transitions[i−1][j−1] = moves m_i → m_j counted between ε-balls. */
  transitions: number[][];
  sojourns: SojournStats[];
}

export interface ExitTimeResult {
  kind: 'exit-time';
  arms: ExitTimeArmResult[];
}

export interface LongRunResult {
  kind: 'long-run';
  arms: LongRunArmResult[];
}

export type RunResult = ExitTimeResult | LongRunResult;

/**
 * A result without its heavy series (every exit time σ, every trajectory point): what a run's
 * detail view needs first. Its size depends on the config only, never on how long the run was.
 */
export type ExitTimePointSummary = Omit<ExitTimePoint, 'exitTimes'>;

export interface ExitTimeArmSummary extends Omit<ExitTimeArmResult, 'points'> {
  points: ExitTimePointSummary[];
}

export type LongRunArmSummary = Omit<LongRunArmResult, 'trajectories'>;

/** What a sweep's grid charts read of a long-run arm: a 2-D arm gives the same from its share per basin. */
export type LongRunArmShare = Pick<LongRunArmSummary, 'label' | 'clip' | 'occupancy' | 'iterations'>;

export type RunResultSummary =
  | { kind: 'exit-time'; arms: ExitTimeArmSummary[] }
  | { kind: 'long-run'; arms: LongRunArmSummary[] };

export type ExitTimeResultSummary = Extract<RunResultSummary, { kind: 'exit-time' }>;
export type LongRunResultSummary = Extract<RunResultSummary, { kind: 'long-run' }>;
