import type { KernelTick, LongRunChunkResult, LongRunTask } from '../tasks';
import { BLOCK, TICK_INTERVAL } from '../kernels/exitTime';
import { bookBlock, type Walk } from '../kernels/walk';
import { longRunResult, startLongRun } from '../kernels/longRun';
import type { WasmKernels } from './wasmModule';
import { finishLane, setUpTask } from './wasmTask';

/** Paths a group may hold: one per lane of the two f64x2 chains, or one chain's two. */
export const GROUP_SIZES: readonly number[] = [2, 4];

/**
 * Two or four long paths of one arm advanced together, each exactly as longRunWasm.ts advances it
 * alone: path l is lane l of the module's streams, X and noise. walkDrawing4 walks the block,
 * tallying every step of every path into the path's own histogram and field counts as it goes,
 * while drawing every path's next block (as walkDrawing1 does for one); the JavaScript sampler
 * finishes each lane's rare rejections with that path's own auxiliary words, and each path's
 * ball entries and thinned points are booked after the block. The
 * tasks share params, bins, thin, ε and `iterations`; their n may differ. `tick` gets the
 * iterations done over all the paths (the group's share of the run's progress).
 */
export function runLongRunGroupWasm(k: WasmKernels, tasks: LongRunTask[], tick?: KernelTick): LongRunChunkResult[] | null {
  const paths = tasks.length;
  if (!GROUP_SIZES.includes(paths)) throw new Error(`a group of long paths holds 2 or 4, got ${paths}`);
  const task = tasks[0];
  const starts = tasks.map((t) => startLongRun(t));
  const sampler = setUpTask(k, task.params, -Infinity, Infinity);
  const clipped = task.params.clip !== null ? 1 : 0;
  const halves = [
    { address: k.bufAddress, view: k.buf },
    { address: k.bufNextAddress, view: k.bufNext },
  ];
  const { bins, thin, epsilon } = task;
  const binScale = starts[0].w.binScale;
  starts.forEach(({ w, rng }, l) => {
    for (let q = 0; q < 4; q++) k.state[4 * q + l] = rng[q];
    k.x[l] = w.x;
    k.histograms[l].fill(0, 0, bins);
    k.fieldCountsOf[l].fill(0, 0, w.fieldCounts.length);
  });

  const total = task.iterations;
  let done = 0;
  let nextTick = TICK_INTERVAL;
  let cur = 0;
  let steps = Math.min(BLOCK, total);
  if (steps > 0) {
    // BUF is halves[0]: fill4 writes there.
    k.exports.fill4(0, steps, (1 << paths) - 1);
    starts.forEach(({ rng }, l) => finishLane(k, sampler, l, rng, halves[0].view));
  }
  while (done < total) {
    const nextSteps = Math.min(BLOCK, total - done - steps);
    const nxt = 1 - cur;
    for (let l = 0; l < paths; l++) {
      k.groupN0[l] = starts[l].w.time;
      k.groupLast[l] = starts[l].w.last;
    }
    k.exports.walkDrawing4(halves[cur].address, halves[nxt].address, steps, nextSteps, clipped, paths, bins, binScale, epsilon);
    for (let l = 0; l < paths; l++) {
      if (nextSteps > 0) finishLane(k, sampler, l, starts[l].rng, halves[nxt].view);
      bookWalked(k, starts[l].w, l, k.xs4, 4, steps, thin);
    }
    done += steps;
    cur = nxt;
    steps = nextSteps;
    if (done * paths >= nextTick) {
      nextTick += TICK_INTERVAL;
      if (tick && !tick(done * paths)) return null;
    }
  }
  return starts.map(({ w, rng }, l) => {
    w.x = k.x[l];
    w.histogram.set(k.histograms[l].subarray(0, bins));
    w.fieldCounts.set(k.fieldCountsOf[l].subarray(0, w.fieldCounts.length));
    for (let q = 0; q < 4; q++) rng[q] = k.state[4 * q + l];
    return longRunResult(tasks[l], w, rng);
  });
}

/**
 * Books lane l's block after the module walked it: its ball entries, and its thinned points read
 * from the block's X (lane l of `xs`, every `stride`-th value: X(k) with k % thin = 0, as
 * tallyBlock keeps them).
 */
export function bookWalked(k: WasmKernels, w: Walk, l: number, xs: Float64Array, stride: number, steps: number, thin: number): void {
  const entries = k.groupEntries[l];
  // Copied value by value: most blocks have no entry, and a view per lane and block is garbage.
  const times = k.entryTimeOf[l];
  const balls = k.entryBallOf[l];
  for (let q = 0; q < entries; q++) {
    w.entryTime[q] = times[q];
    w.entryBall[q] = balls[q];
  }
  w.blockEntries = entries;
  const r = (w.time + 1) % thin;
  let points = 0;
  for (let j = r === 0 ? 0 : thin - r; j < steps; j += thin) w.thinned[points++] = xs[stride * j + l];
  w.blockPoints = points;
  w.time += steps;
  bookBlock(w);
}
