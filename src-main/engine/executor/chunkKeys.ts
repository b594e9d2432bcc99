/**
 * Stable names for a run's chunks, as the checkpoint store keeps them. A key says exactly which
 * samples or which piece of which path a result covers, so a resumed run (or the aggregator,
 * reading only the store) knows what is done without knowing how the run was chunked.
 *
 *   exit-time: "a{arm}/e{etaIndex}/s{first}-{last}"  samples first..last inclusive, e.g. "a0/e2/s40-59"
 *   long-run:  "a{arm}/p{path}/c{chunk}"             the path's chunk-th piece, e.g. "a1/p3/c7"
 */

export interface ExitTimeChunkKey {
  kind: 'exit-time';
  arm: number;
  etaIndex: number;
  sampleStart: number;
  sampleCount: number;
}

export interface LongRunChunkKey {
  kind: 'long-run';
  arm: number;
  path: number;
  chunk: number;
}

export type ChunkKey = ExitTimeChunkKey | LongRunChunkKey;

export function exitTimeKey(arm: number, etaIndex: number, sampleStart: number, sampleCount: number): string {
  return `a${arm}/e${etaIndex}/s${sampleStart}-${sampleStart + sampleCount - 1}`;
}

export function longRunKey(arm: number, path: number, chunk: number): string {
  return `a${arm}/p${path}/c${chunk}`;
}

const exitTimePattern = /^a(\d+)\/e(\d+)\/s(\d+)-(\d+)$/;
const longRunPattern = /^a(\d+)\/p(\d+)\/c(\d+)$/;

/** The chunk a key names, or null when the key is not one of ours. */
export function parseChunkKey(key: string): ChunkKey | null {
  const e = exitTimePattern.exec(key);
  if (e) {
    const [arm, etaIndex, first, last] = e.slice(1).map(Number);
    if (last < first) return null;
    return { kind: 'exit-time', arm, etaIndex, sampleStart: first, sampleCount: last - first + 1 };
  }
  const l = longRunPattern.exec(key);
  if (l) {
    const [arm, path, chunk] = l.slice(1).map(Number);
    return { kind: 'long-run', arm, path, chunk };
  }
  return null;
}
