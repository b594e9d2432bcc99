import type { Database, Statement } from 'better-sqlite3';
import type { ChunkCheckpoints } from '../engine/runExecutor.types';
import type { KernelChunkResult, LongRunChunkResult } from '../engine/tasks';
import { parseChunkKey } from '../engine/executor/chunkKeys';

interface ChunkRow {
  key: string;
  result: string;
  trajectory: Buffer | null;
}

/**
 * The executor's durable memory: every finished chunk is one committed row, so a crash
 * loses only chunks in flight and a resumed run skips what is done. JSON keeps doubles
 * exact (shortest round-trip form), so resumed aggregates equal uninterrupted ones.
 *
 * A long-run chunk's thinned trajectory, by far its largest part, is kept as raw float64
 * bytes beside the JSON (8 bytes a point instead of about 19, and exact): these rows are the
 * only copy of a run's trajectories, which getRun, export and the trajectory chart read.
 */
export class SqliteChunkCheckpoints implements ChunkCheckpoints {
  private readonly selectAll: Statement<[number], ChunkRow>;
  private readonly selectLight: Statement<[number], { key: string; result: string }>;
  private readonly selectPrefix: Statement<[{ runId: number; prefix: string }], ChunkRow>;
  private readonly selectKeys: Statement<[{ runId: number; prefix: string }], { key: string }>;
  private readonly selectOne: Statement<[number, string], ChunkRow>;
  private readonly insert: Statement;
  private readonly selectCancel: Statement<[number], { cancel_requested: number }>;
  private readonly countRows: Statement<[number], { n: number }>;

  constructor(db: Database) {
    this.selectAll = db.prepare('SELECT key, result, trajectory FROM chunks WHERE run_id = ? ORDER BY key');
    this.selectLight = db.prepare('SELECT key, result FROM chunks WHERE run_id = ? ORDER BY key');
    // Keys start with "a{arm}/": one arm's chunks come from the primary key's range.
    this.selectPrefix = db.prepare("SELECT key, result, trajectory FROM chunks WHERE run_id = @runId AND key >= @prefix AND key < @prefix || '~'");
    this.selectKeys = db.prepare("SELECT key FROM chunks WHERE run_id = @runId AND key >= @prefix AND key < @prefix || '~'");
    this.selectOne = db.prepare('SELECT key, result, trajectory FROM chunks WHERE run_id = ? AND key = ?');
    // A chunk is deterministic: if two processes ever commit the same key, the rows agree.
    // A deleted run takes no more chunks (rather than failing its executor on the foreign key).
    this.insert = db.prepare(`
      INSERT OR IGNORE INTO chunks (run_id, key, result, trajectory, created_at)
      SELECT @runId, @key, @result, @trajectory, @now WHERE EXISTS (SELECT 1 FROM runs WHERE id = @runId)`);
    this.selectCancel = db.prepare('SELECT cancel_requested FROM runs WHERE id = ?');
    this.countRows = db.prepare('SELECT count(*) AS n FROM chunks WHERE run_id = ?');
  }

  completed(runId: number): Map<string, KernelChunkResult> {
    const out = new Map<string, KernelChunkResult>();
    for (const row of this.selectAll.all(runId)) out.set(row.key, chunkOf(row));
    return out;
  }

  /** Like completed(), without the trajectories (left empty): enough for every aggregate but the paths. */
  completedLight(runId: number): Map<string, KernelChunkResult> {
    const out = new Map<string, KernelChunkResult>();
    for (const row of this.selectLight.all(runId)) {
      const chunk = JSON.parse(row.result) as KernelChunkResult;
      if (chunk.kind === 'long-run') chunk.trajectory = [];
      out.set(row.key, chunk);
    }
    return out;
  }

  /** One arm's thinned trajectories, path by path (index = path), from its committed pieces in order. */
  trajectories(runId: number, arm: number, paths: number): Float64Array[] {
    const keys = this.pathKeys(runId, arm, paths);
    return keys.map((pieces) => this.path(runId, pieces));
  }

  /**
   * The keys of each path's pieces (index = path), from the primary key alone: reading them costs
   * nothing next to the rows, so a caller can read the paths it wants one at a time. Only the
   * unbroken run of pieces 0, 1, 2, … belongs to a path (as the executor resumes it).
   */
  pathKeys(runId: number, arm: number, paths: number): string[][] {
    const byPath: { chunk: number; key: string }[][] = Array.from({ length: paths }, () => []);
    for (const { key } of this.selectKeys.all({ runId, prefix: `a${arm}/p` })) {
      const k = parseChunkKey(key);
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
      const row = this.selectOne.get(runId, key);
      if (row) pieces.push(row.trajectory ? float64s(row.trajectory) : (JSON.parse(row.result) as LongRunChunkResult).trajectory);
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

  /** One (arm, η)'s exit times in sample order, from its committed chunks. */
  exitTimes(runId: number, arm: number, etaIndex: number): number[] {
    const samples = new Map<number, number>();
    for (const row of this.selectPrefix.all({ runId, prefix: `a${arm}/e${etaIndex}/` })) {
      const k = parseChunkKey(row.key);
      if (k?.kind !== 'exit-time' || k.arm !== arm || k.etaIndex !== etaIndex) continue;
      const r = JSON.parse(row.result) as KernelChunkResult;
      if (r.kind !== 'exit-time') continue;
      r.exitTimes.forEach((sigma, j) => samples.set(k.sampleStart + j, sigma));
    }
    return [...samples.entries()].sort(([p], [q]) => p - q).map(([, sigma]) => sigma);
  }

  save(runId: number, key: string, result: KernelChunkResult): void {
    let json: KernelChunkResult = result;
    let trajectory: Buffer | null = null;
    if (result.kind === 'long-run') {
      json = { ...result, trajectory: [] };
      trajectory = Buffer.from(Float64Array.from(result.trajectory).buffer);
    }
    // One statement is one transaction in autocommit mode.
    this.insert.run({ runId, key, result: JSON.stringify(json), trajectory, now: Date.now() });
  }

  /** True when asked to stop, and also when the run vanished (deleted by another process). */
  cancelRequested(runId: number): boolean {
    const row = this.selectCancel.get(runId);
    return row === undefined || row.cancel_requested !== 0;
  }

  count(runId: number): number {
    return this.countRows.get(runId)?.n ?? 0;
  }
}

function chunkOf(row: ChunkRow): KernelChunkResult {
  const chunk = JSON.parse(row.result) as KernelChunkResult;
  if (chunk.kind === 'long-run' && row.trajectory) chunk.trajectory = Array.from(float64s(row.trajectory));
  return chunk;
}

/** The stored bytes as doubles (Float64Array's byte order: little endian on every platform the lab runs on). */
function float64s(bytes: Buffer): Float64Array {
  if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  // A Buffer from SQLite need not be 8-byte aligned: then copy.
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
