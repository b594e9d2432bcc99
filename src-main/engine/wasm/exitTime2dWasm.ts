import type { KernelTick } from '../tasks';
import { kernelLandscape2d } from '../kernels2d/landscape2d';
import type { ExitTime2DChunkResult, ExitTime2DTask } from '../kernels2d/tasks2d';
import { exitTimePair2dChunk } from './exitTimePair2dWasm';
import type { WasmKernels } from './wasmModule';

/**
 * One exit-time chunk (kernels2d/exitTime2d.ts) on the WebAssembly walk, two samples at a time
 * (exitTimePair2dWasm.ts): the JavaScript kernel's results bit for bit.
 */
export function runExitTime2dWasm(k: WasmKernels, task: ExitTime2DTask, tick?: KernelTick): ExitTime2DChunkResult | null {
  const land = kernelLandscape2d(task.params.landscape, task.params.mapNodes);
  return exitTimePair2dChunk(k, task, land, tick);
}
