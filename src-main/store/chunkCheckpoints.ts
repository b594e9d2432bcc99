import type { Database, Statement } from 'better-sqlite3';
import type { ChunkCheckpoints } from '../engine/runExecutor.types';
import type { KernelChunkResult } from '../engine/tasks';

/**
 * The executor's durable memory: every finished chunk is one committed row, so a crash
 * loses only chunks in flight and a resumed run skips what is done. JSON keeps doubles
 * exact (shortest round-trip form), so resumed aggregates equal uninterrupted ones.
 */
export class SqliteChunkCheckpoints implements ChunkCheckpoints {
  private readonly selectAll: Statement<[number], { key: string; result: string }>;
  private readonly insert: Statement;
  private readonly selectCancel: Statement<[number], { cancel_requested: number }>;
  private readonly countRows: Statement<[number], { n: number }>;

  constructor(db: Database) {
    this.selectAll = db.prepare('SELECT key, result FROM chunks WHERE run_id = ? ORDER BY key');
    // A chunk is deterministic: if two processes ever commit the same key, the rows agree.
    // A deleted run takes no more chunks (rather than failing its executor on the foreign key).
    this.insert = db.prepare(`
      INSERT OR IGNORE INTO chunks (run_id, key, result, created_at)
      SELECT @runId, @key, @result, @now WHERE EXISTS (SELECT 1 FROM runs WHERE id = @runId)`);
    this.selectCancel = db.prepare('SELECT cancel_requested FROM runs WHERE id = ?');
    this.countRows = db.prepare('SELECT count(*) AS n FROM chunks WHERE run_id = ?');
  }

  completed(runId: number): Map<string, KernelChunkResult> {
    const out = new Map<string, KernelChunkResult>();
    for (const row of this.selectAll.all(runId)) out.set(row.key, JSON.parse(row.result) as KernelChunkResult);
    return out;
  }

  save(runId: number, key: string, result: KernelChunkResult): void {
    // One statement is one transaction in autocommit mode.
    this.insert.run({ runId, key, result: JSON.stringify(result), now: Date.now() });
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
