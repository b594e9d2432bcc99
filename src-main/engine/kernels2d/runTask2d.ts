import type { KernelTick } from '../tasks';
import { runExitTime2d } from './exitTime2d';
import { runLongRun2d } from './longRun2d';
import type { KernelChunkResult2D, KernelTask2D } from './tasks2d';

/**
 * Runs one chunk of a 2-D run (a worker calls this, as runTask for 1-D). Returns null when
 * `tick` returned false: the chunk was cancelled and its partial work is to be discarded.
 */
export function runTask2d(task: KernelTask2D, tick?: KernelTick): KernelChunkResult2D | null {
  return task.kind === 'exit-time-2d' ? runExitTime2d(task, tick) : runLongRun2d(task, tick);
}
