import type { Database, Statement } from 'better-sqlite3';

/** One stored asset: measured noise as float64 samples, named by their hash. */
export interface AssetRow {
  hash: string;
  name: string;
  count: number;
  samples: Float64Array;
  created: number;
}

/**
 * Content-addressed noise samples. The caller names an asset by the hash of its bytes, so storing
 * the same samples twice keeps the first row (and its name): one copy per database however many
 * runs use it.
 */
export class AssetsRepository {
  private readonly insertRow: Statement<[string, string, number, Buffer, number]>;
  private readonly selectRow: Statement<[string], { hash: string; name: string; count: number; samples: Buffer; created: number }>;

  constructor(db: Database) {
    this.insertRow = db.prepare('INSERT OR IGNORE INTO assets (hash, name, count, samples, created) VALUES (?, ?, ?, ?, ?)');
    this.selectRow = db.prepare('SELECT hash, name, count, samples, created FROM assets WHERE hash = ?');
  }

  /** Store the samples under their hash unless already there; true when this call stored them. */
  put(hash: string, name: string, samples: Float64Array): boolean {
    const bytes = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
    return this.insertRow.run(hash, name, samples.length, bytes, Date.now()).changes === 1;
  }

  get(hash: string): AssetRow | undefined {
    const row = this.selectRow.get(hash);
    if (!row) return undefined;
    // Copied out: a Buffer's offset need not be a multiple of 8, and the row's memory is SQLite's.
    const samples = new Float64Array(row.count);
    new Uint8Array(samples.buffer).set(row.samples);
    return { hash: row.hash, name: row.name, count: row.count, samples, created: row.created };
  }
}
