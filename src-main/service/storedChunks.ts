import type { ChunkCheckpoints } from '../engine/runExecutor.types';
import type { KernelChunkResult, LongRunChunkResult } from '../engine/tasks';
import { parseChunkKey } from '../engine/executor/chunkKeys';
import { ENGINE_VERSION } from '../engine/taskCodec';
import { parseExact, stringifyExact } from '../../src-shared/codec/exactJson';
import type { ChunkRows, ChunkRow } from '../store/chunkRows';

/**
 * The executor's durable memory on top of the store's chunk rows: results in exact JSON (every
 * double kept, ±Infinity and NaN included), each row marked with the engine that computed it.
 * Rows from before engine versions were recorded count as version 1, the engine of that time.
 *
 * A long-run chunk's thinned trajectory, by far its largest part, is kept as raw float64 bytes
 * beside the JSON (8 bytes a point instead of about 19, and exact): these rows are the only copy
 * of a run's trajectories, which getRun, export and the trajectory chart read.
 */
export class StoredChunks implements ChunkCheckpoints {
  constructor(private readonly rows: ChunkRows) {}

  completed(runId: number): Map<string, KernelChunkResult> {
    const out = new Map<string, KernelChunkResult>();
    for (const row of this.rows.all(runId)) out.set(row.key, chunkOf(row));
    return out;
  }

  /** Like completed(), without the trajectories (left empty): enough for every aggregate but the paths. */
  completedLight(runId: number): Map<string, KernelChunkResult> {
    const out = new Map<string, KernelChunkResult>();
    for (const row of this.rows.allLight(runId)) {
      const chunk = parseExact(row.result) as KernelChunkResult;
      if (hasTrajectory(chunk)) chunk.trajectory = [];
      out.set(row.key, chunk);
    }
    return out;
  }

  /** One arm's thinned trajectories, path by path (index = path), from its committed pieces in order. */
  trajectories(runId: number, arm: number, paths: number): Float64Array[] {
    return this.pathKeys(runId, arm, paths).map((pieces) => this.path(runId, pieces));
  }

  // `within` (below) is the key prefix of a nested run's chunks, e.g. a sweep cell's "c3/": its
  // keys after the prefix are exactly a standalone run's, so the same reads serve both.

  /**
   * The keys of each path's pieces (index = path), from the primary key alone: reading them costs
   * nothing next to the rows, so a caller can read the paths it wants one at a time. Only the
   * unbroken run of pieces 0, 1, 2, … belongs to a path (as the executor resumes it).
   */
  pathKeys(runId: number, arm: number, paths: number, within = ''): string[][] {
    const byPath: { chunk: number; key: string }[][] = Array.from({ length: paths }, () => []);
    for (const key of this.rows.keysWithPrefix(runId, `${within}a${arm}/p`)) {
      const k = parseChunkKey(key.slice(within.length));
      if (k?.kind !== 'long-run' || k.arm !== arm || k.path >= paths) continue;
      byPath[k.path].push({ chunk: k.chunk, key });
    }
    return byPath.map((pieces) => {
      pieces.sort((p, q) => p.chunk - q.chunk);
      let n = 0;
      while (n < pieces.length && pieces[n].chunk === n) n++;
      return pieces.slice(0, n).map((p) => p.key);
    });
  }

  /** One path's trajectory from its pieces' keys (see pathKeys). */
  path(runId: number, keys: readonly string[]): Float64Array {
    const pieces: ArrayLike<number>[] = [];
    for (const key of keys) {
      const row = this.rows.one(runId, key);
      if (row) pieces.push(row.trajectory ? float64s(row.trajectory) : (parseExact(row.result) as LongRunChunkResult).trajectory);
    }
    if (pieces.length === 1 && pieces[0] instanceof Float64Array) return pieces[0];
    const joined = new Float64Array(pieces.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      joined.set(p, at);
      at += p.length;
    }
    return joined;
  }

  /** One (arm, η)'s exit times in sample order, from its committed chunks (1-D or 2-D: their keys and exit times have one shape). */
  exitTimes(runId: number, arm: number, etaIndex: number, within = ''): number[] {
    const samples = new Map<number, number>();
    for (const row of this.rows.withPrefix(runId, `${within}a${arm}/e${etaIndex}/`)) {
      const k = parseChunkKey(row.key.slice(within.length));
      if (k?.kind !== 'exit-time' || k.arm !== arm || k.etaIndex !== etaIndex) continue;
      const r = parseExact(row.result) as KernelChunkResult | { kind: 'exit-time-2d'; exitTimes: number[] };
      if (r.kind !== 'exit-time' && r.kind !== 'exit-time-2d') continue;
      r.exitTimes.forEach((sigma, j) => samples.set(k.sampleStart + j, sigma));
    }
    return [...samples.entries()].sort(([p], [q]) => p - q).map(([, sigma]) => sigma);
  }

  save(runId: number, key: string, result: KernelChunkResult): void {
    let body: KernelChunkResult = result;
    let trajectory: Buffer | null = null;
    if (hasTrajectory(result)) {
      body = { ...result, trajectory: [] } as KernelChunkResult;
      trajectory = Buffer.from(Float64Array.from(result.trajectory).buffer);
    }
    this.rows.insert(runId, key, ENGINE_VERSION, stringifyExact(body), trajectory);
  }

  cancelRequested(runId: number): boolean {
    return this.rows.cancelRequested(runId);
  }

  count(runId: number): number {
    return this.rows.count(runId);
  }

  /** Engine versions other than this one among the run's committed chunks (none: safe to continue). */
  foreignEngines(runId: number): number[] {
    return this.rows.engines(runId).filter((v) => v !== ENGINE_VERSION);
  }
}

function chunkOf(row: ChunkRow): KernelChunkResult {
  const chunk = parseExact(row.result) as KernelChunkResult;
  if (hasTrajectory(chunk) && row.trajectory) chunk.trajectory = Array.from(float64s(row.trajectory));
  return chunk;
}

/**
 * A chunk of any kind that carries a thinned trajectory (today the long-run pieces) keeps it as
 * float64 bytes beside its JSON.
 */
function hasTrajectory<C extends { kind: string }>(chunk: C): chunk is C & { trajectory: number[] } {
  return Array.isArray((chunk as { trajectory?: unknown }).trajectory);
}

/** The stored bytes as doubles (Float64Array's byte order: little endian on every platform the lab runs on). */
function float64s(bytes: Buffer): Float64Array {
  if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  // A Buffer from SQLite need not be 8-byte aligned: then copy.
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
