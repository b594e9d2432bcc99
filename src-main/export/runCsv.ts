import type { RunRecord } from '../../src-shared/api';
import type { LongRunResult } from '../../src-shared/model/results';
import type { ExitTimeConfig } from '../../src-shared/model/config';
import type { KernelChunkResult } from '../engine/tasks';
import { parseChunkKey } from '../engine/executor/chunkKeys';
import { csvTable } from './csv';

export type CsvCell = string | number | null;

/**
 * Tidy CSV of a run's result: one observation per row, one variable per column.
 *
 * exit-time — one row per sample:
 *   arm,eta,sample,exit_time,censored,exit_to
 *   (sample is 1-based; censored samples have exit_time = maxIterations, censored = 1 and an
 *   empty exit_to; exit_to is the 1-based field Ω_j the exit landed in.)
 *
 * long-run — one long table, a `quantity` column saying what each row measures:
 *   arm,quantity,field,to_field,bin_lower,bin_upper,path,step,value
 *   occupancy       field i: fraction of X(1..T) in Ω_i
 *   histogram       bin [bin_lower, bin_upper): count of iterates
 *   transitions     field i → to_field j: moves m_i → m_j between ε-balls
 *   sojourn_count, sojourn_mean, sojourn_stderr   field i: sojourns at m_i (iterations)
 *   trajectory      path p (1-based), step n: X(n), thinned every `thin` steps
 *   iterations      simulated iterations summed over paths
 *   Columns that do not apply to a quantity are empty.
 */
export function runCsv(run: RunRecord, chunks: () => ReadonlyMap<string, KernelChunkResult>): string {
  if (run.config.kind === 'exit-time') return csvTable(exitHeader, exitRows(run.config, chunks()));
  return csvTable(longHeader, run.result?.kind === 'long-run' ? longRows(run, run.result) : []);
}

export const exitHeader = ['arm', 'eta', 'sample', 'exit_time', 'censored', 'exit_to'];
export const longHeader = ['arm', 'quantity', 'field', 'to_field', 'bin_lower', 'bin_upper', 'path', 'step', 'value'];

/**
 * Per-sample rows come from the committed chunks, not the aggregate: the aggregate keeps only
 * counts of where exits went, the chunks keep each sample's field (0 = censored).
 */
export function* exitRows(config: ExitTimeConfig, chunks: ReadonlyMap<string, KernelChunkResult>): Generator<CsvCell[]> {
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

export function* longRows(run: Pick<RunRecord, 'config'>, result: LongRunResult): Generator<CsvCell[]> {
  const thin = run.config.kind === 'long-run' ? run.config.thin : 1;
  for (const arm of result.arms) {
    const a = arm.label;
    for (let i = 0; i < arm.occupancy.length; i++) yield [a, 'occupancy', i + 1, null, null, null, null, null, arm.occupancy[i]];
    const { edges, counts } = arm.histogram;
    for (let k = 0; k < counts.length; k++) yield [a, 'histogram', null, null, edges[k], edges[k + 1], null, null, counts[k]];
    for (let i = 0; i < arm.transitions.length; i++) {
      for (let j = 0; j < arm.transitions[i].length; j++) yield [a, 'transitions', i + 1, j + 1, null, null, null, null, arm.transitions[i][j]];
    }
    for (const s of arm.sojourns) {
      yield [a, 'sojourn_count', s.minimum, null, null, null, null, null, s.count];
      yield [a, 'sojourn_mean', s.minimum, null, null, null, null, null, s.mean];
      yield [a, 'sojourn_stderr', s.minimum, null, null, null, null, null, s.stderr];
    }
    for (let p = 0; p < arm.trajectories.length; p++) {
      const path = arm.trajectories[p];
      for (let k = 0; k < path.length; k++) yield [a, 'trajectory', null, null, null, null, p + 1, k * thin, path[k]];
    }
    yield [a, 'iterations', null, null, null, null, null, null, arm.iterations];
  }
}
