import type { KernelTick } from '../tasks';
import { exitTime2dStream, type NoiseStream } from '../random/streamKey';
import { BLOCK } from '../kernels/exitTime';
import { FIRST_BLOCK, TICK_INTERVAL_2D } from '../kernels2d/exitTime2d';
import { basinAt, type KernelLandscape2D } from '../kernels2d/landscape2d';
import type { ExitTime2DChunkResult, ExitTime2DTask } from '../kernels2d/tasks2d';
import type { NoiseSampler } from '../samplers/noiseSampler';
import type { Walk2DWasm } from './walk2dWasm';
import { wasmWalkSetUp } from './walker2dWasm';
import type { WasmKernels } from './wasmModule';

/** One lane's sample: its stream, steps so far, and its noise block (filled, walked up to pos). */
interface Lane {
  sample: number;
  rng: NoiseStream | null;
  steps: number;
  block: number;
  filled: number;
  pos: number;
}

/**
 * exitTime2dChunk (kernels2d/exitTime2d.ts) with two samples walked at once, one per lane of the
 * module's paired walk (assembly/walkPair2d.ts): a lane whose sample exits or is censored takes
 * the next sample. Each sample has its own stream, noise blocks of the same sizes and the same
 * steps as alone, so every exit time and destination is the scalar kernel's bit for bit; only
 * the moments of the ticks differ (about every TICK_INTERVAL_2D iterations of both lanes).
 */
export function exitTimePair2dChunk(k: WasmKernels, task: ExitTime2DTask, land: KernelLandscape2D, tick?: KernelTick): ExitTime2DChunkResult | null {
  const { m, sampler } = wasmWalkSetUp(k, land, task.params);
  return pairedChunk(m, sampler, task, land, tick);
}

function pairedChunk(m: Walk2DWasm, sampler: NoiseSampler, task: ExitTime2DTask, land: KernelLandscape2D, tick?: KernelTick): ExitTime2DChunkResult | null {
  const { x0, maxIterations, sampleCount } = task;
  const home = basinAt(land, x0[0], x0[1]);
  const exitTimes = new Array<number>(sampleCount).fill(0);
  const exitTo = new Array<number>(sampleCount).fill(0);
  const blocks = [m.buf, m.bufB];
  const xy = m.pairXY;
  const lanes: Lane[] = [0, 1].map(() => ({ sample: 0, rng: null, steps: 0, block: FIRST_BLOCK, filled: 0, pos: 0 }));
  let next = 0;
  let iterations = 0;
  let untilTick = TICK_INTERVAL_2D;

  const start = (l: number): void => {
    const lane = lanes[l];
    if (next === sampleCount) {
      lane.rng = null;
      return;
    }
    lane.sample = next++;
    lane.rng = exitTime2dStream(task.seed, task.arm, task.etaIndex, task.sampleStart + lane.sample);
    lane.steps = 0;
    lane.block = FIRST_BLOCK;
    lane.filled = 0;
    lane.pos = 0;
    xy[l] = x0[0];
    xy[2 + l] = x0[1];
  };
  /** Fills the lane's next block when it walked the last one; a sample at maxIterations is censored and the lane moves on. */
  const refill = (l: number): void => {
    const lane = lanes[l];
    while (lane.rng !== null && lane.pos === lane.filled) {
      if (lane.steps >= maxIterations) {
        exitTimes[lane.sample] = maxIterations;
        exitTo[lane.sample] = 0;
        start(l);
        continue;
      }
      const size = Math.min(lane.block, maxIterations - lane.steps);
      sampler.fill(lane.rng, blocks[l], 0, size);
      lane.filled = size;
      lane.pos = 0;
      lane.block = Math.min(BLOCK, 2 * lane.block);
    }
  };

  start(0);
  start(1);
  for (;;) {
    refill(0);
    refill(1);
    const [a, b] = lanes;
    const active = (a.rng !== null ? 1 : 0) | (b.rng !== null ? 2 : 0);
    if (active === 0) break;
    const walking = active === 3 ? 2 : 1;
    let n = Math.max(1, Math.floor(untilTick / walking));
    if (a.rng !== null) n = Math.min(n, a.filled - a.pos);
    if (b.rng !== null) n = Math.min(n, b.filled - b.pos);
    const done = m.walkPair(a.rng !== null ? a.pos : 0, b.rng !== null ? b.pos : 0, n, home, active);
    for (let l = 0; l < 2; l++) {
      const lane = lanes[l];
      if (lane.rng === null) continue;
      lane.pos += done;
      lane.steps += done;
      iterations += done;
      untilTick -= done;
      if (m.pairBasins[l] !== home) {
        exitTimes[lane.sample] = lane.steps;
        exitTo[lane.sample] = basinAt(land, xy[l], xy[2 + l]);
        start(l);
      }
    }
    if (untilTick <= 0) {
      untilTick += TICK_INTERVAL_2D;
      if (tick && !tick(iterations)) return null;
    }
  }
  return { kind: 'exit-time-2d', home, exitTimes, exitTo, iterations };
}
