// Child process for poolMemory.test.ts: runs one long run through a real EnginePool and prints
// the outcome and the process's peak resident set (main thread and worker threads together).
import { EnginePool } from '../../src-main/engine/executor/enginePool';
import { expandConfig } from '../../src-shared/model/expandConfig';
import type { ChunkCheckpoints } from '../../src-main/engine/runExecutor.types';
import type { KernelChunkResult } from '../../src-main/engine/tasks';

const [workerPath, iterations] = process.argv.slice(2);
const chunks = new Map<string, KernelChunkResult>();
const checkpoints: ChunkCheckpoints = {
  completed: () => new Map(chunks),
  save: (_id, key, result) => void chunks.set(key, result),
  cancelRequested: () => false,
};
const config = expandConfig({
  kind: 'long-run',
  landscape: { preset: 'paper' },
  x0: 0.3,
  eta: 0.001,
  paths: 2,
  iterations: Number(iterations),
  arms: [{ label: 'heavy, no clip', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: null }],
});
const pool = new EnginePool({ workers: 2, workerUrl: workerPath });
const outcome = await pool.execute({ runId: 1, config, checkpoints }).done;
await pool.close();
const iterationsDone = outcome.status === 'completed' && outcome.result.kind === 'long-run' ? outcome.result.arms[0].iterations : 0;
process.stdout.write(JSON.stringify({ status: outcome.status, iterations: iterationsDone, maxRssKiB: process.resourceUsage().maxRSS }));
