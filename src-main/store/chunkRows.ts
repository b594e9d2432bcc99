import type { Database, Statement } from 'better-sqlite3';

/** One committed chunk as stored: its key, the engine version that computed it, its encoded result and binary series. */
export interface ChunkRow {
  key: string;
  engine: number;
  result: string;
  /** A long-run chunk's thinned trajectory as little-endian float64 bytes; null otherwise. */
  trajectory: Buffer | null;
}

/**
 * The committed chunks of every run, one row per chunk, so a crash loses only chunks in flight and a
 * resumed run skips what is done. The store keeps results as opaque text and bytes: what they mean
 * is the engine's business (see service/storedChunks.ts), which keeps this layer free of engine
 * imports. Keys start with "a{arm}/", so one arm's (or one group's) chunks are a primary-key range.
 */
export class ChunkRows {
  private readonly selectAll: Statement<[number], ChunkRow>;
  private readonly selectLight: Statement<[number], { key: string; result: string }>;
  private readonly selectPrefix: Statement<[{ runId: number; prefix: string }], ChunkRow>;
  private readonly selectKeys: Statement<[{ runId: number; prefix: string }], { key: string }>;
  private readonly selectOne: Statement<[number, string], ChunkRow>;
  private readonly selectEngines: Statement<[number], { engine: number }>;
  private readonly insertRow: Statement;
  private readonly selectCancel: Statement<[number], { cancel_requested: number }>;
  private readonly countRows: Statement<[number], { n: number }>;

  constructor(db: Database) {
    this.selectAll = db.prepare('SELECT key, engine, result, trajectory FROM chunks WHERE run_id = ? ORDER BY key');
    this.selectLight = db.prepare('SELECT key, result FROM chunks WHERE run_id = ? ORDER BY key');
    this.selectPrefix = db.prepare(
      "SELECT key, engine, result, trajectory FROM chunks WHERE run_id = @runId AND key >= @prefix AND key < @prefix || '~'",
    );
    this.selectKeys = db.prepare("SELECT key FROM chunks WHERE run_id = @runId AND key >= @prefix AND key < @prefix || '~'");
    this.selectOne = db.prepare('SELECT key, engine, result, trajectory FROM chunks WHERE run_id = ? AND key = ?');
    this.selectEngines = db.prepare('SELECT DISTINCT engine FROM chunks WHERE run_id = ? ORDER BY engine');
    // A chunk is deterministic: if two processes ever commit the same key, the rows agree.
    // A deleted run takes no more chunks (rather than failing its executor on the foreign key).
    this.insertRow = db.prepare(`
      INSERT OR IGNORE INTO chunks (run_id, key, engine, result, trajectory, created_at)
      SELECT @runId, @key, @engine, @result, @trajectory, @now WHERE EXISTS (SELECT 1 FROM runs WHERE id = @runId)`);
    this.selectCancel = db.prepare('SELECT cancel_requested FROM runs WHERE id = ?');
    this.countRows = db.prepare('SELECT count(*) AS n FROM chunks WHERE run_id = ?');
  }

  all(runId: number): ChunkRow[] {
    return this.selectAll.all(runId);
  }

  /** Every row's key and result text, without the binary series. */
  allLight(runId: number): { key: string; result: string }[] {
    return this.selectLight.all(runId);
  }

  /** Rows whose key starts with `prefix`. */
  withPrefix(runId: number, prefix: string): ChunkRow[] {
    return this.selectPrefix.all({ runId, prefix });
  }

  /** Keys that start with `prefix`, from the primary key alone. */
  keysWithPrefix(runId: number, prefix: string): string[] {
    return this.selectKeys.all({ runId, prefix }).map((r) => r.key);
  }

  one(runId: number, key: string): ChunkRow | undefined {
    return this.selectOne.get(runId, key);
  }

  /** The engine versions that computed this run's committed chunks. */
  engines(runId: number): number[] {
    return this.selectEngines.all(runId).map((r) => r.engine);
  }

  /** Commit one chunk; one statement is one transaction in autocommit mode. */
  insert(runId: number, key: string, engine: number, result: string, trajectory: Buffer | null = null): void {
    this.insertRow.run({ runId, key, engine, result, trajectory, now: Date.now() });
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
