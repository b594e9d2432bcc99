import type { KernelTick, LongRunChunkResult, LongRunTask } from '../tasks';
import { BLOCK, TICK_INTERVAL } from '../kernels/exitTime';
import { longRunResult, startLongRun } from '../kernels/longRun';
import type { WasmKernels } from './wasmModule';
import { finishLane, setUpTask } from './wasmTask';
import { bookWalked } from './longRunGroupWasm';

/**
 * kernels/longRun.ts on the WebAssembly module: the same path, tallies and end state, bit for
 * bit. The module walks each block while drawing the next block's first ziggurat attempts
 * (walkDrawing1, as kernels/walkDrawing.ts) from the path's main stream, which it holds in lane
 * 0 of its state, and tallying each step (as walk.ts tallyBlock) into its histogram and field
 * counts, which are copied out once at the chunk's end; the JavaScript sampler finishes the rare
 * rejections with the auxiliary words, and the block's few ball entries and thinned points are
 * booked by walk.ts bookBlock. The two noise blocks are the two halves of the
 * module's noise buffer.
 */
export function runLongRunWasm(k: WasmKernels, task: LongRunTask, tick?: KernelTick): LongRunChunkResult | null {
  const { w, rng } = startLongRun(task);
  const sampler = setUpTask(k, task.params, -Infinity, Infinity);
  const clipped = task.params.clip !== null ? 1 : 0;
  const halves = [0, 1].map((h) => ({ address: k.bufAddress + 8 * BLOCK * h, view: k.buf.subarray(BLOCK * h, BLOCK * (h + 1)) }));
  for (let q = 0; q < 4; q++) k.state[4 * q] = rng[q];
  k.x[0] = w.x;
  const { bins, thin, epsilon } = task;
  k.histogram.fill(0, 0, bins);
  k.fieldCounts.fill(0, 0, w.fieldCounts.length);

  const start = w.time;
  const end = start + task.iterations;
  let nextTick = start + TICK_INTERVAL;
  let cur = 0;
  let steps = Math.min(BLOCK, end - start);
  if (steps > 0) {
    k.exports.fill1(0, halves[cur].address, 1, 0, 0, steps);
    finishLane(k, sampler, 0, rng, halves[cur].view);
  }
  while (w.time < end) {
    const nextSteps = Math.min(BLOCK, end - w.time - steps);
    const nxt = 1 - cur;
    k.groupN0[0] = w.time;
    k.groupLast[0] = w.last;
    k.exports.walkDrawing1(halves[cur].address, halves[nxt].address, steps, nextSteps, clipped, bins, w.binScale, epsilon);
    if (nextSteps > 0) finishLane(k, sampler, 0, rng, halves[nxt].view);
    bookWalked(k, w, 0, k.xs, 1, steps, thin);
    cur = nxt;
    steps = nextSteps;
    if (w.time >= nextTick) {
      nextTick += TICK_INTERVAL;
      if (tick && !tick(w.time - start)) return null;
    }
  }
  w.x = k.x[0];
  w.histogram.set(k.histogram.subarray(0, bins));
  w.fieldCounts.set(k.fieldCounts.subarray(0, w.fieldCounts.length));
  for (let q = 0; q < 4; q++) rng[q] = k.state[4 * q];
  return longRunResult(task, w, rng);
}
