import type { KernelTick } from '../tasks';
import { exitTime2dStream } from '../random/streamKey';
import { BLOCK } from '../kernels/exitTime';
import { TICK_INTERVAL_2D } from '../kernels2d/exitTime2d';
import { basinAt, kernelLandscape2d } from '../kernels2d/landscape2d';
import { noiseSampler2d } from '../kernels2d/noise2d';
import { wasmNoise2d } from './noise2dWasm';
import type { ExitTime2DChunkResult, ExitTime2DTask } from '../kernels2d/tasks2d';
import { Walk2D } from '../kernels2d/walk2d';
import { walk2dWasm } from './walk2dWasm';
import type { WasmKernels } from './wasmModule';

const FIRST_BLOCK = 64;

/**
 * runExitTime2d (kernels2d/exitTime2d.ts) with the step body in WebAssembly: the same streams,
 * block sizes and ticks, the same noise values written into the module's noise block (by the
 * module's first pass where noise2dWasm.ts has one, else by the JavaScript sampler), so the
 * results are the JavaScript kernel's bit for bit.
 */
export function runExitTime2dWasm(k: WasmKernels, task: ExitTime2DTask, tick?: KernelTick): ExitTime2DChunkResult | null {
  const { params, x0, maxIterations, sampleCount } = task;
  const land = kernelLandscape2d(params.landscape, params.mapNodes);
  const w = new Walk2D(land, params);
  const m = walk2dWasm(k);
  const sampler = wasmNoise2d(k, m, params.noise, params.eta) ?? noiseSampler2d(params.noise, params.eta);
  m.setUp(w);
  const home = basinAt(land, x0[0], x0[1]);
  const { buf, basins, xy } = m;
  const exitTimes = new Array<number>(sampleCount).fill(0);
  const exitTo = new Array<number>(sampleCount).fill(0);
  let iterations = 0;
  let untilTick = TICK_INTERVAL_2D;

  for (let s = 0; s < sampleCount; s++) {
    const rng = exitTime2dStream(task.seed, task.arm, task.etaIndex, task.sampleStart + s);
    xy[0] = x0[0];
    xy[1] = x0[1];
    let steps = 0;
    let block = FIRST_BLOCK;
    let exited = false;
    while (!exited && steps < maxIterations) {
      const size = Math.min(block, maxIterations - steps);
      sampler.fill(rng, buf, 0, size);
      let pos = 0;
      while (pos < size && !exited) {
        const done = m.walk(pos, Math.min(size, pos + untilTick), home);
        pos += done;
        untilTick -= done;
        iterations += done;
        exited = basins[pos - 1] !== home;
        if (untilTick === 0) {
          untilTick = TICK_INTERVAL_2D;
          if (tick && !tick(iterations)) return null;
        }
      }
      steps += pos;
      block = Math.min(BLOCK, 2 * block);
    }
    exitTimes[s] = exited ? steps : maxIterations;
    exitTo[s] = exited ? basinAt(land, xy[0], xy[1]) : 0;
  }
  return { kind: 'exit-time-2d', home, exitTimes, exitTo, iterations };
}
