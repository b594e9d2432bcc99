import type { ExperimentConfig } from '../../../src-shared/model/config';
import type { RunResult } from '../../../src-shared/model/results';
import { exitTimeTheory } from '../../../src-shared/theory/report';
import type { ExitTimeChunkResult, KernelChunkResult, LongRunChunkResult } from '../tasks';
import { parseChunkKey, type ExitTimeChunkKey, type LongRunChunkKey } from '../executor/chunkKeys';
import { aggregateExitTime } from './exitTimeAggregate';
import { aggregateLongRun } from './longRunAggregate';

/**
 * A run's result from its committed chunks alone (what the store holds): the final result once
 * every chunk is in, the aggregates so far before that. Null when no chunk is done yet.
 * Keys that are not this run's kind, or do not parse, are ignored.
 */
export function aggregateRun(config: ExperimentConfig, chunks: ReadonlyMap<string, KernelChunkResult>): RunResult | null {
  if (chunks.size === 0) return null;
  if (config.kind === 'exit-time') {
    const mine: [ExitTimeChunkKey, ExitTimeChunkResult][] = [];
    for (const [key, result] of chunks) {
      const k = parseChunkKey(key);
      if (k?.kind === 'exit-time' && result.kind === 'exit-time') mine.push([k, result]);
    }
    return aggregateExitTime(config, mine, exitTimeTheory(config));
  }
  const mine: [LongRunChunkKey, LongRunChunkResult][] = [];
  for (const [key, result] of chunks) {
    const k = parseChunkKey(key);
    if (k?.kind === 'long-run' && result.kind === 'long-run') mine.push([k, result]);
  }
  return aggregateLongRun(config, mine);
}
