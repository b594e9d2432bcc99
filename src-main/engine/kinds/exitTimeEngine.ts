import type { ExitTimeConfig } from '../../../src-shared/model/config';
import type { ExitTimeResult, ExitTimeResultSummary } from '../../../src-shared/model/results';
import { exitTimeTheory } from '../../../src-shared/theory/report';
import type { ExitTimeChunkResult, ExitTimeTask } from '../tasks';
import { parseChunkKey, type ExitTimeChunkKey } from '../executor/chunkKeys';
import { ExitTimePlan } from '../executor/exitTimePlan';
import { meanExitPrediction } from '../executor/exitTimePrediction';
import { runExitTime } from '../kernels/exitTime';
import { aggregateExitTime } from '../aggregate/exitTimeAggregate';
import { ExitTimeRunning } from '../aggregate/runningAggregate';
import type { EngineKind } from './engineKind';
import { exitTimeCsvHeader, exitTimeCsvRows } from './exitTimeCsv';

/** Exit-time samples, chunked as runs of consecutive samples of one (arm, η); keys "a{arm}/e{η}/s{first}-{last}". */
export const exitTimeEngine: EngineKind<ExitTimeConfig, ExitTimeTask, ExitTimeChunkResult, ExitTimeResult, ExitTimeResultSummary> = {
  kind: 'exit-time',
  plan: (config, completed, options) => new ExitTimePlan(config, completed, { ...options, prediction: meanExitPrediction(config) }),
  kernel: (task, tick) => runExitTime(task, tick),
  aggregate(config, chunks) {
    if (chunks.size === 0) return null;
    const mine: [ExitTimeChunkKey, ExitTimeChunkResult][] = [];
    for (const [key, result] of chunks) {
      const k = parseChunkKey(key);
      if (k?.kind === 'exit-time' && result.kind === 'exit-time') mine.push([k, result]);
    }
    return aggregateExitTime(config, mine, exitTimeTheory(config));
  },
  running: (config) => new ExitTimeRunning(config),
  csv: {
    header: exitTimeCsvHeader,
    rows: (run, chunks) => exitTimeCsvRows(run.config as ExitTimeConfig, chunks()),
  },
};
