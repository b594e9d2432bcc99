import type { ExperimentConfig } from '../../../src-shared/model/config';
import type { RunResult } from '../../../src-shared/model/results';
import type { KernelChunkResult } from '../tasks';
import { engineKind } from '../kinds/engineKinds';

/**
 * A run's result from its committed chunks alone (what the store holds): the final result once
 * every chunk is in, the aggregates so far before that. Null when no chunk is done yet.
 * Keys that are not this run's kind, or do not parse, are ignored (the kind's aggregate says how).
 */
export function aggregateRun(config: ExperimentConfig, chunks: ReadonlyMap<string, KernelChunkResult>): RunResult | null {
  if (chunks.size === 0) return null;
  return engineKind(config.kind).aggregate(config, chunks);
}
