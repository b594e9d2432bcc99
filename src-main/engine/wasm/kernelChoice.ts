import type { ExitTimeChunkResult, ExitTimeTask, KernelParams, KernelTick, LongRunChunkResult, LongRunTask } from '../tasks';
import { runExitTime } from '../kernels/exitTime';
import { runLongRun } from '../kernels/longRun';
import { runExitTimeWasm } from './exitTimeWasm';
import { runLongRunWasm } from './longRunWasm';
import { GROUP_SIZES, runLongRunGroupWasm } from './longRunGroupWasm';
import { wasmKernels, type WasmKernels } from './wasmModule';
import { wasmUnsupported } from './wasmTask';

/**
 * Which implementation runs the 1-D kernels. Both give the same numbers bit for bit; WebAssembly
 * is faster. `auto` (the default) takes WebAssembly where the runtime has SIMD and the task is
 * covered (1-D exit-time and long-run, Gaussian noise or Pareto noise with p₊ = 1/2), JavaScript
 * otherwise; `wasm` insists (an error when the module cannot be used); `js` never loads it.
 * Chosen by the environment variable LAB_KERNELS=auto|js|wasm, read by each worker thread.
 */
export type KernelImplementation = 'auto' | 'js' | 'wasm';

export function kernelImplementation(): KernelImplementation {
  const v = process.env.LAB_KERNELS?.trim().toLowerCase() || 'auto';
  if (v === 'auto' || v === 'js' || v === 'wasm') return v;
  throw new Error(`LAB_KERNELS must be auto, js or wasm, got ${JSON.stringify(process.env.LAB_KERNELS)}`);
}

/** The module when this task should run on it, null for JavaScript. */
function moduleFor(params: KernelParams, implementation: KernelImplementation, bins?: number): WasmKernels | null {
  if (implementation === 'js') return null;
  const unsupported = wasmUnsupported(params, bins);
  const k = wasmKernels();
  if (implementation === 'wasm') {
    if (unsupported !== null) throw new Error(`LAB_KERNELS=wasm: no WebAssembly kernel for ${unsupported}`);
    if (!('exports' in k)) throw new Error(`LAB_KERNELS=wasm: ${k.missing}`);
  }
  return unsupported === null && 'exports' in k ? k : null;
}

export function exitTimeKernel(task: ExitTimeTask, tick?: KernelTick, implementation = kernelImplementation()): ExitTimeChunkResult | null {
  const k = moduleFor(task.params, implementation);
  return k === null ? runExitTime(task, tick) : runExitTimeWasm(k, task, tick);
}

/**
 * A long-run chunk: one path, or a group of paths (`task.group`) whose results come back in the
 * result's `group`. The module walks a group of 2 or 4 side by side; any other group, or one
 * on JavaScript, runs its paths one after another. Each path's numbers are the same either way.
 */
export function longRunKernel(task: LongRunTask, tick?: KernelTick, implementation = kernelImplementation()): LongRunChunkResult | null {
  const k = moduleFor(task.params, implementation, task.bins);
  const { group, ...first } = task;
  if (group === undefined || group.length === 0) return k === null ? runLongRun(first, tick) : runLongRunWasm(k, first, tick);
  const tasks = [first, ...group.map(({ path, state }) => ({ ...first, path, state }))];
  let results: LongRunChunkResult[] | null;
  if (k !== null && GROUP_SIZES.includes(tasks.length)) {
    results = runLongRunGroupWasm(k, tasks, tick);
  } else {
    results = [];
    for (const t of tasks) {
      const before = results.length * t.iterations;
      const r = k === null ? runLongRun(t, tick && ((n) => tick(before + n))) : runLongRunWasm(k, t, tick && ((n) => tick(before + n)));
      if (r === null) return null;
      results.push(r);
    }
  }
  if (results === null) return null;
  return { ...results[0], group: results.slice(1) };
}
