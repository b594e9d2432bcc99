/**
 * The reader-thread entry (piscina calls the default export once per read). Bundled to
 * out/node/reader.js for the CLI and server, and by electron-vite (?modulePath) for the app.
 *
 * A whole run can be a hundred megabytes of JSON: rebuilding it from its chunks and serialising it
 * takes seconds, which on the main thread would stop the server (or the app's main process)
 * answering anything else. Here it runs on its own SQLite connection, opened read-only (WAL lets
 * it read while the main thread commits), and comes back as bytes the door writes as they are.
 */
import { move } from 'piscina';
import type { ExportFormat, RunProgress } from '../../src-shared/api';
import { stringifyExact } from '../../src-shared/codec/exactJson';
import { openDatabaseReadOnly } from '../store/database';
import { RunsRepository } from '../store/runsRepository';
import { ChunkRows } from '../store/chunkRows';
import type { RunRow } from '../store/runRow';
import { exportRun } from '../export/exportRun';
import { StoredChunks } from './storedChunks';
import { wholeRecord } from './wholeRun';
import type { WireEncoding } from './encodedReads';

export interface HeavyReadRequest {
  dbPath: string;
  /** better_sqlite3.node built for this runtime (Electron's ABI build). */
  nativeBinding?: string;
  /** The run's row as the main thread read it (it checked the id and reaped dead owners). */
  row: RunRow;
  /** Live progress, when the run executes in the asking process. */
  progress?: RunProgress;
  read: { method: 'getRun' } | { method: 'exportRun'; format: ExportFormat } | { method: 'getExitTimes'; arm: number; etaIndex: number; within: string };
  encoding: WireEncoding;
}

export default function heavyRead(request: HeavyReadRequest): Uint8Array {
  const db = openDatabaseReadOnly(request.dbPath, request.nativeBinding ? { nativeBinding: request.nativeBinding } : {});
  try {
    // One read transaction: the summary and the chunks it is completed with are one snapshot.
    const value = db.transaction(() => {
      const reads = { runs: new RunsRepository(db), checkpoints: new StoredChunks(new ChunkRows(db)) };
      const { read } = request;
      if (read.method === 'getExitTimes') return reads.checkpoints.exitTimes(request.row.id, read.arm, read.etaIndex, read.within);
      const record = wholeRecord(reads, request.row, request.progress);
      if (read.method === 'getRun') return record;
      return exportRun(record, read.format, () => reads.checkpoints.completed(record.id));
    })();
    const text = request.encoding === 'json' ? JSON.stringify(value) : stringifyExact(value);
    // A fresh buffer of its own, handed over without a copy.
    return move(new TextEncoder().encode(text)) as Uint8Array;
  } finally {
    db.close();
  }
}
