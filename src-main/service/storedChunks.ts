import type { ChunkCheckpoints } from '../engine/runExecutor.types';
import type { KernelChunkResult } from '../engine/tasks';
import { ENGINE_VERSION } from '../engine/taskCodec';
import { parseExact, stringifyExact } from '../../src-shared/codec/exactJson';
import type { ChunkRows } from '../store/chunkRows';

/**
 * The executor's durable memory on top of the store's chunk rows: results in exact JSON (every
 * double kept, ±Infinity and NaN included), each row marked with the engine that computed it.
 * Rows from before engine versions were recorded count as version 1, the engine of that time.
 */
export class StoredChunks implements ChunkCheckpoints {
  constructor(private readonly rows: ChunkRows) {}

  completed(runId: number): Map<string, KernelChunkResult> {
    const out = new Map<string, KernelChunkResult>();
    for (const row of this.rows.all(runId)) out.set(row.key, parseExact(row.result) as KernelChunkResult);
    return out;
  }

  save(runId: number, key: string, result: KernelChunkResult): void {
    this.rows.insert(runId, key, ENGINE_VERSION, stringifyExact(result));
  }

  cancelRequested(runId: number): boolean {
    return this.rows.cancelRequested(runId);
  }

  /** Engine versions other than this one among the run's committed chunks (none: safe to continue). */
  foreignEngines(runId: number): number[] {
    return this.rows.engines(runId).filter((v) => v !== ENGINE_VERSION);
  }
}
