import type { LongRunConfig } from '../../../src-shared/model/config';
import type { LongRunResult, LongRunResultSummary } from '../../../src-shared/model/results';
import { longRunChunkIterations } from '../../../src-shared/model/memoryBudget';
import type { LongRunChunkResult, LongRunTask } from '../tasks';
import { parseChunkKey, type LongRunChunkKey } from '../executor/chunkKeys';
import { LongRunPlan } from '../executor/longRunPlan';
import { longRunGroupSize } from '../executor/longRunGroups';
import { longRunKernel } from '../wasm/kernelChoice';
import { aggregateLongRun } from '../aggregate/longRunAggregate';
import { LongRunRunning } from '../aggregate/runningAggregate';
import type { EngineKind } from './engineKind';
import { longRunCsvHeader, longRunCsvRows } from './longRunCsv';

/**
 * Long paths cut into pieces that continue each other's state; keys "a{arm}/p{path}/c{piece}".
 * Pieces of 2 or 4 paths of one arm may share a task (longRunGroupSize); each is stored under its own key.
 */
export const longRunEngine: EngineKind<LongRunConfig, LongRunTask, LongRunChunkResult, LongRunResult, LongRunResultSummary> = {
  kind: 'long-run',
  plan: (config, completed, options) =>
    new LongRunPlan(config, completed, longRunChunkIterations(config.thin, options.chunkIterations), longRunGroupSize(config, options.parallelism)),
  kernel: (task, tick) => longRunKernel(task, tick),
  aggregate(config, chunks) {
    if (chunks.size === 0) return null;
    const mine: [LongRunChunkKey, LongRunChunkResult][] = [];
    for (const [key, result] of chunks) {
      const k = parseChunkKey(key);
      if (k?.kind === 'long-run' && result.kind === 'long-run') mine.push([k, result]);
    }
    return aggregateLongRun(config, mine);
  },
  running: (config) => new LongRunRunning(config),
  csv: {
    header: longRunCsvHeader,
    // The trajectories come with the whole result (the service reads them from the chunks).
    rows: (run) => (run.result?.kind === 'long-run' ? longRunCsvRows(run.config as LongRunConfig, run.result as LongRunResult) : []),
  },
};
