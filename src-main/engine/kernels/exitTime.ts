import type { ExitTimeChunkResult, ExitTimeTask, KernelTick } from '../tasks';
import { exitTimeStream, STREAM_WORDS } from '../random/streamKey';
import { noiseSamplerFor } from '../samplers/noiseSamplerFor';
import { gradientConstants } from './gradient';
import { fieldOf, landscapeTables } from './landscapeTables';
import { clippedLane1, clippedLanes4, unclippedLane1, unclippedLanes4, type LaneBlock } from './recursion';

/** Ticks come every 2^20 iterations: often enough to cancel within milliseconds, rare enough to cost nothing. */
export const TICK_INTERVAL = 1 << 20;
/** Noise values drawn per lane at a time (8 KiB per lane: stays in L1). */
export const BLOCK = 1024;
const LANES = 4;

/**
 * First exit times σ = min{n ≥ 0 : X(n) ∉ Ω} for samples sampleStart … of one (arm, η), each
 * with its own stream (seed, arm, η index, sample), so a sample's path never depends on which
 * lane, chunk or worker ran it. A sample still in Ω after maxIterations is censored: σ reported
 * as maxIterations, exit field 0. The exit field is that of X(σ) (a landing exactly on a saddle
 * belongs to the field beyond it, away from Ω).
 *
 * Up to four samples run side by side (recursion.ts); an idle lane (no samples left) sits at
 * the minimum of Ω with zero noise, where f' = 0 exactly, so it never exits. When one sample is
 * left it runs alone.
 */
export function runExitTime(task: ExitTimeTask, tick?: KernelTick): ExitTimeChunkResult | null {
  const { params, x0, left, right, maxIterations, sampleCount } = task;
  const sampler = noiseSamplerFor(params.noise, params.eta);
  const grad = gradientConstants(params.criticalPoints, params.gradientScale, params.eta);
  const { saddles, minima } = landscapeTables(params.criticalPoints);
  const idleX = minima.find((m) => m > left && m < right) ?? x0;
  const clipped = params.clip !== null;
  const lanes4 = clipped ? clippedLanes4 : unclippedLanes4;
  const lane1 = clipped ? clippedLane1 : unclippedLane1;

  const block: LaneBlock = {
    x: new Float64Array(LANES),
    buf: new Float64Array(LANES * BLOCK),
    offset: new Int32Array(LANES),
    n: grad.n,
    etaKappa: grad.etaKappa,
    c7: grad.c7,
    c: grad.c,
    left,
    right,
    b: params.clip ?? Infinity,
    L: params.L,
  };
  const rng = new Int32Array(LANES * STREAM_WORDS);
  const rngOf = Array.from({ length: LANES }, (_, l) => rng.subarray(l * STREAM_WORDS, (l + 1) * STREAM_WORDS));
  const sample = new Int32Array(LANES).fill(-1);
  const steps = new Float64Array(LANES);
  const pos = new Int32Array(LANES);

  const exitTimes = new Array<number>(sampleCount).fill(0);
  const exitTo = new Array<number>(sampleCount).fill(0);
  let iterations = 0;
  let untilTick = TICK_INTERVAL;
  let next = 0;
  let active = 0;

  const idle = (l: number): void => {
    sample[l] = -1;
    block.x[l] = idleX;
    block.buf.fill(0, l * BLOCK, (l + 1) * BLOCK);
    block.offset[l] = l * BLOCK;
    pos[l] = 0;
  };
  /** Puts the next sample in lane l; samples with x0 ∉ Ω (σ = 0) finish at once. */
  const load = (l: number): void => {
    while (next < sampleCount && !(x0 > left && x0 < right)) {
      exitTimes[next] = 0;
      exitTo[next] = exitField(x0);
      next++;
    }
    if (next === sampleCount) return idle(l);
    rng.set(exitTimeStream(task.seed, task.arm, task.etaIndex, task.sampleStart + next), l * STREAM_WORDS);
    sample[l] = next++;
    block.x[l] = x0;
    steps[l] = 0;
    pos[l] = BLOCK;
    active++;
  };
  const exitField = (x: number): number => fieldOf(x, saddles) + (x === right ? 1 : 0);
  const swap = (l: number, m: number): void => {
    swapIn(block.x, l, m);
    swapIn(sample, l, m);
    swapIn(steps, l, m);
    swapIn(pos, l, m);
    for (let w = 0; w < STREAM_WORDS; w++) swapIn(rng, l * STREAM_WORDS + w, m * STREAM_WORDS + w);
    const tmp = block.buf.slice(l * BLOCK, (l + 1) * BLOCK);
    block.buf.copyWithin(l * BLOCK, m * BLOCK, (m + 1) * BLOCK);
    block.buf.set(tmp, m * BLOCK);
  };

  for (let l = 0; l < LANES; l++) load(l);
  while (active > 0) {
    const width = active === 1 ? 1 : LANES;
    if (width === 1 && sample[0] < 0) swap(0, sample.findIndex((s) => s >= 0));
    let bound = untilTick;
    for (let l = 0; l < width; l++) {
      if (sample[l] < 0) continue;
      if (pos[l] === BLOCK) {
        const from = l * BLOCK;
        sampler.fill(rngOf[l], block.buf, from, from + BLOCK);
        pos[l] = 0;
      }
      block.offset[l] = l * BLOCK + pos[l];
      bound = Math.min(bound, BLOCK - pos[l], maxIterations - steps[l]);
    }
    const done = width === 1 ? lane1(block, bound) : lanes4(block, bound);
    for (let l = 0; l < width; l++) {
      if (sample[l] < 0) continue;
      steps[l] += done;
      pos[l] += done;
      iterations += done;
      untilTick -= done;
      const x = block.x[l];
      const inside = x > left && x < right;
      if (inside && steps[l] < maxIterations) continue;
      exitTimes[sample[l]] = inside ? maxIterations : steps[l];
      exitTo[sample[l]] = inside ? 0 : exitField(x);
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

function swapIn(a: Int32Array | Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
