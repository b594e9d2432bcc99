import type { RunResult, RunResultSummary } from './results';

/** The result without its heavy series (see RunResultSummary). */
export function summarizeResult(result: RunResult): RunResultSummary {
  if (result.kind === 'exit-time') {
    return {
      kind: 'exit-time',
      arms: result.arms.map((arm) => ({
        ...arm,
        points: arm.points.map(({ exitTimes: _, ...point }) => point),
      })),
    };
  }
  return { kind: 'long-run', arms: result.arms.map(({ trajectories: _, ...arm }) => arm) };
}

/** The heavy series a summary leaves out, per arm: exit times per η, or one trajectory per path. */
export interface ResultSeries {
  exitTimes(arm: number, etaIndex: number): number[];
  trajectories(arm: number): number[][];
}

/** A summary made whole again; keys in the order a full result has always had them. */
export function withSeries(summary: RunResultSummary, series: ResultSeries): RunResult {
  if (summary.kind === 'exit-time') {
    return {
      kind: 'exit-time',
      arms: summary.arms.map((arm, a) => ({
        ...arm,
        points: arm.points.map((p, e) => ({
          eta: p.eta,
          samples: p.samples,
          censored: p.censored,
          mean: p.mean,
          stderr: p.stderr,
          exitTimes: series.exitTimes(a, e),
          exitTo: p.exitTo,
        })),
      })),
    };
  }
  return {
    kind: 'long-run',
    arms: summary.arms.map((arm, a) => ({
      label: arm.label,
      clip: arm.clip,
      iterations: arm.iterations,
      occupancy: arm.occupancy,
      histogram: arm.histogram,
      trajectories: series.trajectories(a),
      transitions: arm.transitions,
      sojourns: arm.sojourns,
    })),
  };
}
