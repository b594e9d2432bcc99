import type { KernelTick } from '../tasks';
import { exitTime2dStream } from '../random/streamKey';
import { BLOCK } from '../kernels/exitTime';
import { basinAt, kernelLandscape2d } from './landscape2d';
import { noiseSampler2d } from './noise2d';
import type { ExitTime2DChunkResult, ExitTime2DTask } from './tasks2d';
import { Walk2D, walkBlock2d } from './walk2d';
import { walkPair2d } from './walkPair2d';

/**
 * A 2-D step costs several times a 1-D one (an exp per term), so ticks come about every 2^18
 * iterations: some 20–30 ms, well inside the 50 ms a stop request may wait.
 */
export const TICK_INTERVAL_2D = 1 << 18;
/** The first noise block of a sample; blocks double up to BLOCK, so a quick exit wastes few draws. */
const FIRST_BLOCK = 64;
const LANES = 2;

/**
 * First exit times σ = min{n ≥ 1 : basin(X(n)) ≠ basin(x0)} for samples sampleStart … of one
 * (arm, η), each with its own stream (seed, arm, η index, sample) in the 2-D exit-time domain.
 * basin(·) is the nearest node's label on the basin map (landscape2d.ts). A sample still in its
 * basin after maxIterations is censored: σ = maxIterations, destination 0. The destination is
 * the basin of X(σ).
 *
 * Two samples run side by side (walkPair2d.ts), the last one alone; a sample's path is the same
 * either way. Noise comes in blocks of 64, 128, … up to 1024 steps per sample; since a sampler
 * fills [a, c) exactly as [a, b) then [b, c), block sizes change when values are drawn, never
 * which values.
 */
export function runExitTime2d(task: ExitTime2DTask, tick?: KernelTick): ExitTime2DChunkResult | null {
  const { params, x0, maxIterations, sampleCount } = task;
  const land = kernelLandscape2d(params.landscape, params.mapNodes);
  const sampler = noiseSampler2d(params.noise, params.eta);
  const w = new Walk2D(land, params);
  const home = basinAt(land, x0[0], x0[1]);
  const exitTimes = new Array<number>(sampleCount).fill(0);
  const exitTo = new Array<number>(sampleCount).fill(0);

  const bufs = [new Float64Array(2 * BLOCK), new Float64Array(2 * BLOCK)];
  const rngs: Int32Array[] = [new Int32Array(0), new Int32Array(0)];
  /** Per lane: sample (−1 = idle), steps done, position in and size of the current block, next block size. */
  const sample = new Int32Array(LANES).fill(-1);
  const steps = new Float64Array(LANES);
  const pos = new Int32Array(LANES);
  const size = new Int32Array(LANES);
  const nextBlock = new Int32Array(LANES);
  const xy = new Float64Array(2 * LANES);
  const basins = new Int32Array(LANES);
  let next = 0;
  let active = 0;
  let iterations = 0;
  let untilTick = TICK_INTERVAL_2D;

  const load = (l: number): void => {
    if (next === sampleCount) {
      sample[l] = -1;
      return;
    }
    sample[l] = next;
    rngs[l] = exitTime2dStream(task.seed, task.arm, task.etaIndex, task.sampleStart + next);
    next++;
    steps[l] = 0;
    pos[l] = 0;
    size[l] = 0;
    nextBlock[l] = FIRST_BLOCK;
    xy[2 * l] = x0[0];
    xy[2 * l + 1] = x0[1];
    active++;
  };
  for (let l = 0; l < LANES; l++) load(l);

  while (active > 0) {
    let bound = Infinity;
    for (let l = 0; l < LANES; l++) {
      if (sample[l] < 0) continue;
      if (pos[l] === size[l]) {
        size[l] = Math.min(nextBlock[l], maxIterations - steps[l]);
        sampler.fill(rngs[l], bufs[l], 0, size[l]);
        pos[l] = 0;
        nextBlock[l] = Math.min(BLOCK, 2 * nextBlock[l]);
      }
      bound = Math.min(bound, size[l] - pos[l]);
    }
    bound = Math.min(bound, Math.max(1, Math.ceil(untilTick / active)));
    let done: number;
    if (active === LANES) {
      done = walkPair2d(w, xy, basins, bufs[0], pos[0], bufs[1], pos[1], bound, home);
    } else {
      const l = sample[0] >= 0 ? 0 : 1;
      w.x = xy[2 * l];
      w.y = xy[2 * l + 1];
      done = walkBlock2d(w, bufs[l], pos[l], pos[l] + bound, home);
      xy[2 * l] = w.x;
      xy[2 * l + 1] = w.y;
      basins[l] = w.basins[pos[l] + done - 1];
    }
    const width = active;
    for (let l = 0; l < LANES; l++) {
      if (sample[l] < 0) continue;
      pos[l] += done;
      steps[l] += done;
      const exited = basins[l] !== home;
      if (!exited && steps[l] < maxIterations) continue;
      exitTimes[sample[l]] = exited ? steps[l] : maxIterations;
      exitTo[sample[l]] = exited ? basinAt(land, xy[2 * l], xy[2 * l + 1]) : 0;
      active--;
      load(l);
    }
    iterations += done * width;
    untilTick -= done * width;
    if (untilTick <= 0) {
      untilTick += TICK_INTERVAL_2D;
      if (tick && !tick(iterations)) return null;
    }
  }
  return { kind: 'exit-time-2d', home, exitTimes, exitTo, iterations };
}
