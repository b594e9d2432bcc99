import type { ExitTimeConfig } from '../../../src-shared/model/config';
import type { ExitTimeChunkResult } from '../tasks';
import { parseChunkKey } from '../executor/chunkKeys';
import type { CsvCell } from './engineKind';

/**
 * exit-time — one row per sample:
 *   arm,eta,sample,exit_time,censored,exit_to
 *   (sample is 1-based; censored samples have exit_time = maxIterations, censored = 1 and an
 *   empty exit_to; exit_to is the 1-based field Ω_j the exit landed in.)
 */
export const exitTimeCsvHeader = ['arm', 'eta', 'sample', 'exit_time', 'censored', 'exit_to'];

/**
 * Per-sample rows come from the committed chunks, not the aggregate: the aggregate keeps only
 * counts of where exits went, the chunks keep each sample's field (0 = censored).
 */
export function* exitTimeCsvRows(config: ExitTimeConfig, chunks: ReadonlyMap<string, ExitTimeChunkResult>): Generator<CsvCell[]> {
  const samples: { arm: number; eta: number; sample: number; sigma: number; to: number }[] = [];
  for (const [key, result] of chunks) {
    const k = parseChunkKey(key);
    if (k?.kind !== 'exit-time' || result.kind !== 'exit-time') continue;
    for (let s = 0; s < result.exitTimes.length; s++) {
      samples.push({ arm: k.arm, eta: k.etaIndex, sample: k.sampleStart + s, sigma: result.exitTimes[s], to: result.exitTo[s] });
    }
  }
  samples.sort((p, q) => p.arm - q.arm || p.eta - q.eta || p.sample - q.sample);
  for (const s of samples) {
    const censored = s.to === 0;
    yield [config.arms[s.arm]?.label ?? `arm ${s.arm + 1}`, config.etas[s.eta], s.sample + 1, s.sigma, censored ? 1 : 0, censored ? null : s.to];
  }
}
