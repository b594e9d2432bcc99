import type { LongRunConfig } from '../../../src-shared/model/config';
import type { LongRunResult } from '../../../src-shared/model/results';
import type { CsvCell } from './engineKind';

/**
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
export const longRunCsvHeader = ['arm', 'quantity', 'field', 'to_field', 'bin_lower', 'bin_upper', 'path', 'step', 'value'];

export function* longRunCsvRows(config: LongRunConfig, result: LongRunResult): Generator<CsvCell[]> {
  const thin = config.thin;
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
