import type { KernelChunkResult, KernelTask, KernelTick } from './tasks';
import { engineKind } from './kinds/engineKinds';

/**
 * Runs one chunk of a run (a worker calls this) with the kernel of the task's kind. Returns null
 * when `tick` returned false, i.e. the chunk was cancelled and its partial work is to be discarded.
 */
export function runTask(task: KernelTask, tick?: KernelTick): KernelChunkResult | null {
  return engineKind(task.kind).kernel(task, tick);
}
