import type { KernelTick, LongRunChunkResult, LongRunState, LongRunTask } from '../tasks';
import { longRunStream, STREAM_WORDS } from '../random/streamKey';
import { noiseSamplerFor } from '../samplers/noiseSamplerFor';
import { BLOCK, TICK_INTERVAL } from './exitTime';
import { fieldOf, landscapeTables } from './landscapeTables';
import { bookBlock, tallyBlock, Walk, walkBlock } from './walk';
import { walkDrawing } from './walkDrawing';

/**
 * One chunk of a long path (Figures 1 and 5). Iterates X(n+1 … n+iterations) and keeps only
 * fixed-size tallies, so memory does not grow with the number of iterations (the thinned
 * trajectory excepted):
 * - histogram of the iterates over [−L, L] in `bins` equal bins (X = L in the last bin);
 * - counts per field Ω_i (a point exactly on a saddle counts with the field on its left);
 * - X(k) for k % thin = 0 (X(0) in the path's first chunk);
 * - minimum-to-minimum transitions: the path is "at m_i" from the moment it enters
 *   [m_i − ε, m_i + ε]; entering the ε-ball of another minimum m_j counts a move i → j and
 *   completes a sojourn at m_i of length (entry time of m_j's ball − entry time of m_i's).
 *   expandConfig guarantees each ball lies inside its field, so only the ball of the field the
 *   iterate is in needs checking. X(0) counts as an entry.
 * Noise is drawn in blocks that end exactly at the chunk's end, so the returned state
 * (X(n), n, the eight words of both generator states, last ball; the samplers keep no other
 * cache) continues the path bit-identically in the next chunk.
 */
export function runLongRun(task: LongRunTask, tick?: KernelTick): LongRunChunkResult | null {
  const { w, rng } = startLongRun(task);
  const sampler = noiseSamplerFor(task.params.noise, task.params.eta);

  const start = w.time;
  const end = start + task.iterations;
  let nextTick = start + TICK_INTERVAL;
  // Block k+1's noise is drawn while block k walks when the sampler allows it (walkDrawing.ts):
  // the same values, in the same order, as filling each block first.
  let steps = Math.min(BLOCK, end - start);
  if (steps > 0) sampler.fill(rng, w.buf, 0, steps);
  while (w.time < end) {
    const nextSteps = Math.min(BLOCK, end - w.time - steps);
    if (!walkDrawing(w, steps, sampler, rng, nextSteps)) {
      walkBlock(w, 0, steps);
      if (nextSteps > 0) sampler.fill(rng, w.next, 0, nextSteps);
    }
    tallyBlock(w, 0, steps);
    bookBlock(w);
    w.swapBuffers();
    steps = nextSteps;
    if (w.time >= nextTick) {
      nextTick += TICK_INTERVAL;
      if (tick && !tick(w.time - start)) return null;
    }
  }

  return longRunResult(task, w, rng);
}

/** The walk and the stream (eight words) of a chunk: the path's start, or where the last chunk left it. */
export function startLongRun(task: LongRunTask): { w: Walk; rng: Int32Array } {
  const { params, bins, thin, epsilon } = task;
  const { saddles, minima } = landscapeTables(params.criticalPoints);
  checkBalls(minima, saddles, epsilon);
  const w = new Walk(params, bins, thin, epsilon, saddles, minima);
  let rng: Int32Array;
  if (task.state === null) {
    rng = longRunStream(task.seed, task.arm, task.path);
    w.x = task.x0;
    w.trajectory.push(task.x0);
    w.last = ballOf(task.x0, saddles, minima, epsilon);
  } else {
    if (task.state.rng.length !== STREAM_WORDS) {
      throw new Error(`long-run state has ${task.state.rng.length} generator words, expected ${STREAM_WORDS}: it was saved by an incompatible version`);
    }
    rng = Int32Array.from(task.state.rng);
    w.x = task.state.x;
    w.time = task.state.n;
    w.last = task.state.lastMinimum;
    w.enteredAt = task.state.enteredAt;
  }
  return { w, rng };
}

/** The chunk's tallies and the state that continues the path. */
export function longRunResult(task: LongRunTask, w: Walk, rng: Int32Array): LongRunChunkResult {
  const state: LongRunState = { x: w.x, n: w.time, rng: Array.from(rng), lastMinimum: w.last, enteredAt: w.enteredAt };
  return {
    kind: 'long-run',
    histogram: Array.from(w.histogram),
    fieldCounts: Array.from(w.fieldCounts),
    trajectory: w.trajectory.toArray(),
    transitions: Array.from(w.transitions),
    sojournCount: Array.from(w.sojournCount),
    sojournSum: Array.from(w.sojournSum),
    sojournSumSq: Array.from(w.sojournSumSq),
    state,
    iterations: task.iterations,
  };
}

/** 1-based minimum whose ε-ball holds x, 0 when none (the balls lie inside their fields). */
function ballOf(x: number, saddles: Float64Array, minima: Float64Array, epsilon: number): number {
  const i = fieldOf(x, saddles);
  return Math.abs(x - minima[i - 1]) <= epsilon ? i : 0;
}

function checkBalls(minima: Float64Array, saddles: Float64Array, epsilon: number): void {
  for (let i = 0; i < minima.length; i++) {
    const left = i === 0 ? -Infinity : saddles[i - 1];
    const right = i === minima.length - 1 ? Infinity : saddles[i];
    if (minima[i] - epsilon <= left || minima[i] + epsilon >= right) {
      throw new RangeError(`epsilon ${epsilon} puts the ball of m${i + 1} outside its field`);
    }
  }
}
