import type { KernelTick } from '../tasks';
import { exitTime2dStream } from '../random/streamKey';
import { BLOCK } from '../kernels/exitTime';
import { basinAt, kernelLandscape2d, type KernelLandscape2D } from './landscape2d';
import type { ExitTime2DChunkResult, ExitTime2DTask } from './tasks2d';
import { jsWalker2d, type StepWalker2D } from './walker2d';

/**
 * A 2-D step costs several times a 1-D one (an exp per term), so ticks come about every 2^18
 * iterations: some 20–30 ms, well inside the 50 ms a stop request may wait.
 */
export const TICK_INTERVAL_2D = 1 << 18;
/** The first noise block of a sample; blocks double up to BLOCK, so a quick exit wastes few draws. */
export const FIRST_BLOCK = 64;

/** One exit-time chunk on the JavaScript walk (exitTime2dChunk). */
export function runExitTime2d(task: ExitTime2DTask, tick?: KernelTick): ExitTime2DChunkResult | null {
  const land = kernelLandscape2d(task.params.landscape, task.params.mapNodes);
  return exitTime2dChunk(task, land, jsWalker2d(land, task.params), tick);
}

/**
 * First exit times σ = min{n ≥ 1 : basin(X(n)) ≠ basin(x0)} for samples sampleStart … of one
 * (arm, η), each with its own stream (seed, arm, η index, sample) in the 2-D exit-time domain.
 * basin(·) is the nearest node's label on the basin map (landscape2d.ts). A sample still in its
 * basin after maxIterations is censored: σ = maxIterations, destination 0. The destination is
 * the basin of X(σ).
 *
 * One sample at a time: in JavaScript two samples side by side were slower (measured 1.5–1.65×
 * the C reference against 1.3–1.5× alone; the two chains' live values outgrow the registers).
 * The WebAssembly kernel walks two at once in f64x2 lanes (wasm/exitTimePair2dWasm.ts).
 * Noise comes in blocks of 64, 128, … up to 1024 steps; since a sampler fills [a, c) exactly as
 * [a, b) then [b, c), block sizes change when values are drawn, never which values.
 */
export function exitTime2dChunk(task: ExitTime2DTask, land: KernelLandscape2D, w: StepWalker2D, tick?: KernelTick): ExitTime2DChunkResult | null {
  const { x0, maxIterations, sampleCount } = task;
  const home = basinAt(land, x0[0], x0[1]);
  const exitTimes = new Array<number>(sampleCount).fill(0);
  const exitTo = new Array<number>(sampleCount).fill(0);
  let iterations = 0;
  let untilTick = TICK_INTERVAL_2D;

  for (let s = 0; s < sampleCount; s++) {
    const rng = exitTime2dStream(task.seed, task.arm, task.etaIndex, task.sampleStart + s);
    w.moveTo(x0[0], x0[1]);
    let steps = 0;
    let block = FIRST_BLOCK;
    let exited = false;
    while (!exited && steps < maxIterations) {
      const size = Math.min(block, maxIterations - steps);
      w.fill(rng, 0, size);
      let pos = 0;
      while (pos < size && !exited) {
        const done = w.walk(pos, Math.min(size, pos + untilTick), home);
        pos += done;
        untilTick -= done;
        iterations += done;
        exited = w.basins[pos - 1] !== home;
        if (untilTick === 0) {
          untilTick = TICK_INTERVAL_2D;
          if (tick && !tick(iterations)) return null;
        }
      }
      steps += pos;
      block = Math.min(BLOCK, 2 * block);
    }
    exitTimes[s] = exited ? steps : maxIterations;
    exitTo[s] = exited ? basinAt(land, w.x, w.y) : 0;
  }
  return { kind: 'exit-time-2d', home, exitTimes, exitTo, iterations };
}
