import type { KernelChunkResult, KernelTask, KernelTick } from './tasks';
import { exitTimeKernel as runExitTime, longRunKernel as runLongRun } from './wasm/kernelChoice';

/**
 * Runs one chunk of a run (a worker calls this). Returns null when `tick` returned false, i.e.
 * the chunk was cancelled and its partial work is to be discarded.
 */
export function runTask(task: KernelTask, tick?: KernelTick): KernelChunkResult | null {
  return task.kind === 'exit-time' ? runExitTime(task, tick) : runLongRun(task, tick);
}
