import type { Database, Statement } from 'better-sqlite3';

/** One committed chunk as stored: its key, the engine version that computed it, and its encoded result. */
export interface ChunkRow {
  key: string;
  engine: number;
  result: string;
}

/**
 * The committed chunks of every run, one row per chunk, so a crash loses only chunks in flight and a
 * resumed run skips what is done. The store keeps results as opaque text: what they mean is the
 * engine's business (see service/storedChunks.ts), which keeps this layer free of engine imports.
 */
export class ChunkRows {
  private readonly selectAll: Statement<[number], ChunkRow>;
  private readonly selectEngines: Statement<[number], { engine: number }>;
  private readonly insertRow: Statement;
  private readonly selectCancel: Statement<[number], { cancel_requested: number }>;
  private readonly countRows: Statement<[number], { n: number }>;

  constructor(db: Database) {
    this.selectAll = db.prepare('SELECT key, engine, result FROM chunks WHERE run_id = ? ORDER BY key');
    this.selectEngines = db.prepare('SELECT DISTINCT engine FROM chunks WHERE run_id = ? ORDER BY engine');
    // A chunk is deterministic: if two processes ever commit the same key, the rows agree.
    // A deleted run takes no more chunks (rather than failing its executor on the foreign key).
    this.insertRow = db.prepare(`
      INSERT OR IGNORE INTO chunks (run_id, key, engine, result, created_at)
      SELECT @runId, @key, @engine, @result, @now WHERE EXISTS (SELECT 1 FROM runs WHERE id = @runId)`);
    this.selectCancel = db.prepare('SELECT cancel_requested FROM runs WHERE id = ?');
    this.countRows = db.prepare('SELECT count(*) AS n FROM chunks WHERE run_id = ?');
  }

  all(runId: number): ChunkRow[] {
    return this.selectAll.all(runId);
  }

  /** The engine versions that computed this run's committed chunks. */
  engines(runId: number): number[] {
    return this.selectEngines.all(runId).map((r) => r.engine);
  }

  /** Commit one chunk; one statement is one transaction in autocommit mode. */
  insert(runId: number, key: string, engine: number, result: string): void {
    this.insertRow.run({ runId, key, engine, result, now: Date.now() });
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
