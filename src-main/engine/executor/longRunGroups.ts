import type { LongRunConfig } from '../../../src-shared/model/config';
import type { LongRunChunkResult } from '../tasks';

/** What grouping needs to know of a path's cursor (longRunPlan.ts). */
export interface GroupablePath {
  arm: number;
  path: number;
  n: number;
  running: boolean;
}

/**
 * Paths per long-run chunk: 4 (two f64x2 chains of the WebAssembly kernel) or 2 (one) when the
 * run still has at least one chunk per worker at that size, else 1 — grouping must not leave a
 * worker idle.
 */
export function longRunGroupSize(config: LongRunConfig, parallelism: number): number {
  const paths = config.arms.length * config.paths;
  return [4, 2].find((g) => config.paths >= g && Math.floor(paths / g) >= parallelism) ?? 1;
}

/** Idle paths of best's arm to run beside it (the least advanced first), so the group has 4 or 2 paths; none when fewer are free. */
export function groupMates<C extends GroupablePath>(cursors: readonly C[], best: C, size: number, fits: (c: C) => boolean): C[] {
  if (size < 2) return [];
  const free = cursors
    .filter((c) => c !== best && !c.running && c.arm === best.arm && fits(c))
    .sort((p, q) => p.n - q.n || p.path - q.path);
  const take = free.length + 1 >= 4 && size >= 4 ? 3 : free.length + 1 >= 2 ? 1 : 0;
  return free.slice(0, take);
}

/** A chunk's results path by path: the task's own path, then its group's (each stored as a lone path's). */
export function splitGroup(result: LongRunChunkResult): LongRunChunkResult[] {
  const { group, ...first } = result;
  return [first, ...(group ?? [])];
}
