import type { RunResult, RunResultSummary } from './results';
import type { ResultSeries } from '../kinds/kindModule';
import type { ExperimentConfig } from './config';
import { experimentKind } from '../kinds/registry';

export type { ResultSeries } from '../kinds/kindModule';

/** The result without its heavy series (see RunResultSummary); each kind says what is heavy. */
export function summarizeResult(result: RunResult): RunResultSummary {
  return experimentKind(result.kind).summarize(result);
}

/** A summary made whole again from the series read back from the chunks. */
export function withSeries(summary: RunResultSummary, series: ResultSeries, config?: ExperimentConfig): RunResult {
  return experimentKind(summary.kind).withSeries(summary, series, config);
}
