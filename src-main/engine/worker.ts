/**
 * The worker-thread entry (piscina calls the default export once per chunk). Bundled to
 * out/node/worker.js for the CLI and server, and by electron-vite (?modulePath) for the app.
 * Kernels run only here, never on the main thread; so does the theory report (`theory`), which
 * can cost seconds for a large landscape.
 */
import { runTask } from './runTask';
import type { KernelChunkResult } from './tasks';
import { STOP_FLAG, type ChunkRequest } from './executor/chunkRequest';
import type { ExperimentConfig } from '../../src-shared/model/config';
import type { TheoryReport } from '../../src-shared/theory/types';
import { theoryReport } from '../../src-shared/theory/report';

export interface TheoryRequest {
  /** Already validated and expanded by the caller. */
  config: ExperimentConfig;
  eta: number | undefined;
}

export function theory(request: TheoryRequest): TheoryReport {
  return theoryReport(request.config, request.eta);
}

export default function runChunk(request: ChunkRequest): KernelChunkResult | null {
  const control = new Int32Array(request.control);
  const progress = new Float64Array(request.progress);
  return runTask(request.task, (done) => {
    progress[0] = done;
    return Atomics.load(control, STOP_FLAG) === 0;
  });
}
