import type { KernelTick } from '../tasks';
import { runExitTime2d } from '../kernels2d/exitTime2d';
import { kernelLandscape2d } from '../kernels2d/landscape2d';
import { runLongRun2d } from '../kernels2d/longRun2d';
import type { ExitTime2DChunkResult, ExitTime2DTask, KernelParams2D, LongRun2DChunkResult, LongRun2DTask } from '../kernels2d/tasks2d';
import { runExitTime2dWasm } from './exitTime2dWasm';
import { kernelImplementation, type KernelImplementation } from './kernelChoice';
import { runLongRun2dWasm } from './longRun2dWasm';
import { walk2dUnsupported } from './walk2dWasm';
import { wasmKernels, type WasmKernels } from './wasmModule';

/**
 * Which implementation runs a 2-D chunk (exit-time or long-run), by LAB_KERNELS as in 1-D
 * (kernelChoice.ts): `auto` takes WebAssembly when the module loads and holds the landscape,
 * `wasm` insists, `js` never loads it. Both give the same numbers bit for bit.
 */
function chooseModule(params: KernelParams2D, implementation: KernelImplementation, bins = 0): WasmKernels | null {
  if (implementation === 'js') return null;
  const unsupported = walk2dUnsupported(kernelLandscape2d(params.landscape, params.mapNodes), bins);
  const k = wasmKernels();
  if (implementation === 'wasm') {
    if (unsupported !== null) throw new Error(`LAB_KERNELS=wasm: no WebAssembly 2-D kernel for ${unsupported}`);
    if (!('exports' in k)) throw new Error(`LAB_KERNELS=wasm: ${k.missing}`);
  }
  return unsupported === null && 'exports' in k ? k : null;
}

export function exitTime2dKernel(task: ExitTime2DTask, tick?: KernelTick, implementation: KernelImplementation = kernelImplementation()): ExitTime2DChunkResult | null {
  const k = chooseModule(task.params, implementation);
  return k === null ? runExitTime2d(task, tick) : runExitTime2dWasm(k, task, tick);
}

export function longRun2dKernel(task: LongRun2DTask, tick?: KernelTick, implementation: KernelImplementation = kernelImplementation()): LongRun2DChunkResult | null {
  const k = chooseModule(task.params, implementation, task.bins);
  return k === null ? runLongRun2d(task, tick) : runLongRun2dWasm(k, task, tick);
}
