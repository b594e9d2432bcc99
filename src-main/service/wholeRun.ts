import type { RunProgress, RunRecord } from '../../src-shared/api';
import type { RunResult, RunResultSummary } from '../../src-shared/model/results';
import { withSeries } from '../../src-shared/model/resultSummary';
import { experimentKind } from '../../src-shared/kinds/registry';
import { aggregateRun } from '../engine/aggregate/aggregateRun';
import type { RunsRepository } from '../store/runsRepository';
import { rowToSummary, type RunRow } from '../store/runRow';
import { storedConfig } from '../store/storedJson';
import type { StoredChunks } from './storedChunks';

/** What reading a whole run needs from the store: its stored summary and its committed chunks. */
export interface RunReads {
  runs: Pick<RunsRepository, 'storedResult'>;
  checkpoints: StoredChunks;
}

/**
 * `getRun`'s record, the whole result included. One function for the main thread and the reader
 * threads (readerWorker.ts), so every door returns the same document. `progress` is a run's live
 * progress when the process executing it asks.
 */
export function wholeRecord(reads: RunReads, row: RunRow, progress?: RunProgress): RunRecord {
  const record: RunRecord = { ...rowToSummary(row), result: null };
  if (progress !== undefined) record.progress = progress;
  record.result = wholeResult(reads, row);
  return record;
}

/**
 * A completed run's whole result: its stored summary with the heavy series read back from its
 * chunks (older databases kept the whole result). Any other run, running ones included: the
 * aggregates of its committed chunks (what the executor holds in memory is exactly those).
 */
export function wholeResult(reads: RunReads, row: RunRow): RunResult | null {
  const config = storedConfig(row.config);
  const stored = row.status === 'completed' && !experimentKind(config.kind).wholeFromChunks ? reads.runs.storedResult(row.id) : undefined;
  if (!stored) return aggregateRun(config, reads.checkpoints.completed(row.id));
  if (stored.full !== null) return JSON.parse(stored.full) as RunResult;
  const paths = config.kind === 'long-run' ? config.paths : 0;
  return withSeries(JSON.parse(stored.summary) as RunResultSummary, {
    exitTimes: (arm, etaIndex) => reads.checkpoints.exitTimes(row.id, arm, etaIndex),
    trajectories: (arm) => reads.checkpoints.trajectories(row.id, arm, paths).map((t) => Array.from(t)),
  }, config);
}
