/**
 * The worker-thread entry (piscina calls the default export once per chunk). Bundled to
 * out/node/worker.js for the CLI and server, and by electron-vite (?modulePath) for the app.
 * Kernels run only here, never on the main thread.
 */
import { runTask } from './runTask';
import type { KernelChunkResult } from './tasks';
import { STOP_FLAG, type ChunkRequest } from './executor/chunkRequest';

export default function runChunk(request: ChunkRequest): KernelChunkResult | null {
  const control = new Int32Array(request.control);
  const progress = new Float64Array(request.progress);
  return runTask(request.task, (done) => {
    progress[0] = done;
    return Atomics.load(control, STOP_FLAG) === 0;
  });
}
