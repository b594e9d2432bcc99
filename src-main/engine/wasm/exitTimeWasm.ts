import type { ExitTimeChunkResult, ExitTimeTask, KernelTick } from '../tasks';
import { exitTimeStream, STREAM_WORDS } from '../random/streamKey';
import { BLOCK, TICK_INTERVAL } from '../kernels/exitTime';
import { fieldOf, landscapeTables } from '../kernels/landscapeTables';
import { LANES, type WasmKernels } from './wasmModule';
import { finishLane, setUpTask } from './wasmTask';

/** Exit-time samples censored at maxIterations by this thread's WebAssembly kernel (for the bit-identity test). */
export const wasmCensored = { count: 0 };

/**
 * kernels/exitTime.ts on the WebAssembly module: the same samples, streams and results, bit for
 * bit. Four lanes share one block position, so the module draws a block for all four at once
 * (fill4: one i32x4 per generator word) and walks them in two f64x2 vectors (walk4). A sample
 * that starts mid-block fills the rest of its lane from its own stream (fill1); since a sampler
 * gives the same values whether a range is filled at once or in pieces, each sample still sees
 * its stream's values in order. An idle lane sits at a minimum of Ω with zero noise, as in the
 * JavaScript kernel. Ticks come at the same cadence (every 2^20 iterations).
 */
export function runExitTimeWasm(k: WasmKernels, task: ExitTimeTask, tick?: KernelTick): ExitTimeChunkResult | null {
  const { params, x0, left, right, maxIterations, sampleCount } = task;
  const sampler = setUpTask(k, params, left, right);
  const { saddles, minima } = landscapeTables(params.criticalPoints);
  const idleX = minima.find((m) => m > left && m < right) ?? x0;
  const clipped = params.clip !== null ? 1 : 0;
  const { buf, x, state } = k;
  /** Each lane's stream; the module holds the main words, the second pass reads the auxiliary ones here. */
  const streams = Array.from({ length: LANES }, () => new Int32Array(STREAM_WORDS));
  const sample = new Int32Array(LANES).fill(-1);
  const steps = new Float64Array(LANES);

  const exitTimes = new Array<number>(sampleCount).fill(0);
  const exitTo = new Array<number>(sampleCount).fill(0);
  let iterations = 0;
  let untilTick = TICK_INTERVAL;
  let next = 0;
  let active = 0;
  let activeMask = 0;
  /** Position in the current block shared by all lanes; BLOCK = none drawn yet. */
  let pos = BLOCK;

  const exitField = (v: number): number => fieldOf(v, saddles) + (v === right ? 1 : 0);
  const idle = (l: number): void => {
    sample[l] = -1;
    x[l] = idleX;
    activeMask &= ~(1 << l);
    for (let j = pos; j < BLOCK; j++) buf[LANES * j + l] = 0;
  };
  /** Puts the next sample in lane l; samples with x0 ∉ Ω (σ = 0) finish at once. */
  const load = (l: number): void => {
    while (next < sampleCount && !(x0 > left && x0 < right)) {
      exitTimes[next] = 0;
      exitTo[next] = exitField(x0);
      next++;
    }
    if (next === sampleCount) return idle(l);
    const stream = exitTimeStream(task.seed, task.arm, task.etaIndex, task.sampleStart + next);
    for (let w = 0; w < 4; w++) state[LANES * w + l] = stream[w];
    streams[l].set(stream);
    sample[l] = next++;
    x[l] = x0;
    steps[l] = 0;
    activeMask |= 1 << l;
    active++;
    if (pos < BLOCK) {
      k.exports.fill1(l, k.bufAddress, LANES, l, pos, BLOCK);
      finishLane(k, sampler, l, streams[l], buf);
    }
  };

  for (let l = 0; l < LANES; l++) load(l);
  while (active > 0) {
    if (pos === BLOCK) {
      k.exports.fill4(0, BLOCK, activeMask);
      for (let l = 0; l < LANES; l++) if (sample[l] >= 0) finishLane(k, sampler, l, streams[l], buf);
      pos = 0;
    }
    let bound = Math.min(untilTick, BLOCK - pos);
    for (let l = 0; l < LANES; l++) if (sample[l] >= 0) bound = Math.min(bound, maxIterations - steps[l]);
    const done = k.exports.walk4(pos, bound, clipped);
    pos += done;
    for (let l = 0; l < LANES; l++) {
      if (sample[l] < 0) continue;
      steps[l] += done;
      iterations += done;
      untilTick -= done;
      const xl = x[l];
      const inside = xl > left && xl < right;
      if (inside && steps[l] < maxIterations) continue;
      if (inside) wasmCensored.count++;
      exitTimes[sample[l]] = inside ? maxIterations : steps[l];
      exitTo[sample[l]] = inside ? 0 : exitField(xl);
      active--;
      load(l);
    }
    if (untilTick <= 0) {
      untilTick += TICK_INTERVAL;
      if (tick && !tick(iterations)) return null;
    }
  }
  return { kind: 'exit-time', exitTimes, exitTo, iterations };
}
