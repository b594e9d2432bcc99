import type { KernelTick } from '../tasks';
import type { KernelChunkResult2D, KernelTask2D } from './tasks2d';
import { exitTime2dKernel, longRun2dKernel } from '../wasm/kernelChoice2d';
import type { KernelImplementation } from '../wasm/kernelChoice';

/**
 * Runs one chunk of a 2-D run (a worker calls this, as runTask for 1-D). Returns null when
 * `tick` returned false: the chunk was cancelled and its partial work is to be discarded.
 */
export function runTask2d(task: KernelTask2D, tick?: KernelTick, implementation?: KernelImplementation): KernelChunkResult2D | null {
  return task.kind === 'exit-time-2d' ? exitTime2dKernel(task, tick, implementation) : longRun2dKernel(task, tick, implementation);
}
