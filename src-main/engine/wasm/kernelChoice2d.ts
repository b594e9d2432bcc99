import type { KernelTick } from '../tasks';
import { runExitTime2d } from '../kernels2d/exitTime2d';
import { kernelLandscape2d } from '../kernels2d/landscape2d';
import type { ExitTime2DChunkResult, ExitTime2DTask } from '../kernels2d/tasks2d';
import { runExitTime2dWasm } from './exitTime2dWasm';
import { kernelImplementation, type KernelImplementation } from './kernelChoice';
import { walk2dUnsupported } from './walk2dWasm';
import { wasmKernels } from './wasmModule';

/**
 * Which implementation runs a 2-D exit-time chunk, by LAB_KERNELS as in 1-D (kernelChoice.ts):
 * `auto` takes WebAssembly when the module loads and holds the landscape, `wasm` insists, `js`
 * never loads it. Both give the same numbers bit for bit. 2-D long runs stay JavaScript.
 */
export function exitTime2dKernel(task: ExitTime2DTask, tick?: KernelTick, implementation: KernelImplementation = kernelImplementation()): ExitTime2DChunkResult | null {
  if (implementation === 'js') return runExitTime2d(task, tick);
  const unsupported = walk2dUnsupported(kernelLandscape2d(task.params.landscape, task.params.mapNodes));
  const k = wasmKernels();
  if (implementation === 'wasm') {
    if (unsupported !== null) throw new Error(`LAB_KERNELS=wasm: no WebAssembly 2-D kernel for ${unsupported}`);
    if (!('exports' in k)) throw new Error(`LAB_KERNELS=wasm: ${k.missing}`);
  }
  return unsupported === null && 'exports' in k ? runExitTime2dWasm(k, task, tick) : runExitTime2d(task, tick);
}
