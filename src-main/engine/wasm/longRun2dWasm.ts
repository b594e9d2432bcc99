import type { KernelTick } from '../tasks';
import { kernelLandscape2d } from '../kernels2d/landscape2d';
import { longRun2dChunk } from '../kernels2d/longRun2d';
import type { LongRun2DChunkResult, LongRun2DTask } from '../kernels2d/tasks2d';
import { wasmWalker2d } from './walker2dWasm';
import type { WasmKernels } from './wasmModule';

/** One long-run chunk (kernels2d/longRun2d.ts) on the WebAssembly walk: the JavaScript kernel's results bit for bit. */
export function runLongRun2dWasm(k: WasmKernels, task: LongRun2DTask, tick?: KernelTick): LongRun2DChunkResult | null {
  const land = kernelLandscape2d(task.params.landscape, task.params.mapNodes);
  return longRun2dChunk(task, land, wasmWalker2d(k, land, task.params), tick);
}
