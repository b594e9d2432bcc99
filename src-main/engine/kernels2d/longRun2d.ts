import type { KernelTick } from '../tasks';
import { longRun2dStream, STREAM_WORDS } from '../random/streamKey';
import { BLOCK } from '../kernels/exitTime';
import { TICK_INTERVAL_2D } from './exitTime2d';
import { basinAt, kernelLandscape2d, type KernelLandscape2D } from './landscape2d';
import type { LongRun2DChunkResult, LongRun2DState, LongRun2DTask } from './tasks2d';
import { jsWalker2d, type Walker2D } from './walker2d';

/** One long-run chunk on the JavaScript walk (longRun2dChunk). */
export function runLongRun2d(task: LongRun2DTask, tick?: KernelTick): LongRun2DChunkResult | null {
  const land = kernelLandscape2d(task.params.landscape, task.params.mapNodes);
  return longRun2dChunk(task, land, jsWalker2d(land, task.params), tick);
}

/**
 * One chunk of a long 2-D path: X(n+1 … n+iterations) with fixed-size tallies
 * (pathTallies2d.ts): the bins × bins histogram over [−L, L]², counts per basin, every thin-th
 * point (X(0) too in the path's first chunk), and minimum-to-minimum moves: the path is "at m_i"
 * from the step it comes within ε of m_i (|X − m_i|² ≤ ε²); entering another minimum's ball
 * counts a move and completes a sojourn. X(0) counts as an entry. Noise is drawn in blocks that
 * end exactly at the chunk's end, so the returned state (X(n), n, the eight generator words,
 * last ball and its entry time; the samplers keep nothing else) continues the path bit for bit.
 */
export function longRun2dChunk(task: LongRun2DTask, land: KernelLandscape2D, w: Walker2D, tick?: KernelTick): LongRun2DChunkResult | null {
  const { bins, thin, epsilon } = task;
  checkBalls(land, epsilon);
  const t = w.tallies(land.minima, bins, thin, epsilon, land.L);
  let rng: Int32Array;
  let n: number;
  if (task.state === null) {
    rng = longRun2dStream(task.seed, task.arm, task.path);
    n = 0;
    w.moveTo(task.x0[0], task.x0[1]);
    t.trajectory.push2(w.x, w.y);
    const ball = ballAt(land, w.x, w.y, epsilon);
    if (ball > 0) t.enter(ball, 0);
  } else {
    if (task.state.rng.length !== STREAM_WORDS) {
      throw new Error(`long-run state has ${task.state.rng.length} generator words, expected ${STREAM_WORDS}: it was saved by an incompatible version`);
    }
    rng = Int32Array.from(task.state.rng);
    n = task.state.n;
    w.moveTo(task.state.x[0], task.state.x[1]);
    t.last = task.state.lastMinimum;
    t.enteredAt = task.state.enteredAt;
  }

  const start = n;
  const end = start + task.iterations;
  let nextTick = start + TICK_INTERVAL_2D;
  while (n < end) {
    const steps = Math.min(BLOCK, end - n);
    w.fill(rng, 0, steps);
    w.walkTallied(t, n, steps);
    n += steps;
    if (n >= nextTick) {
      nextTick += TICK_INTERVAL_2D;
      if (tick && !tick(n - start)) return null;
    }
  }

  const state: LongRun2DState = { x: [w.x, w.y], n, rng: Array.from(rng), lastMinimum: t.last, enteredAt: t.enteredAt };
  return {
    kind: 'long-run-2d',
    histogram: Array.from(t.histogram),
    basinCounts: Array.from(t.basinCounts),
    trajectory: t.trajectory.toArray(),
    transitions: Array.from(t.transitions),
    sojournCount: Array.from(t.sojournCount),
    sojournSum: Array.from(t.sojournSum),
    sojournSumSq: Array.from(t.sojournSumSq),
    state,
    iterations: task.iterations,
  };
}

/** 1-based minimum whose ε-ball holds (x, y), 0 when none. */
function ballAt(land: KernelLandscape2D, x: number, y: number, epsilon: number): number {
  const i = basinAt(land, x, y);
  const dx = x - land.minima[2 * i - 2];
  const dy = y - land.minima[2 * i - 1];
  return dx * dx + dy * dy <= epsilon * epsilon ? i : 0;
}

/**
 * Each ball must lie inside its own basin, so a point in ball i is in basin i and only that
 * minimum needs checking per step. Every point within ε of m_i has its nearest node within
 * ε + h/√2 of m_i: all those nodes must carry label i.
 */
function checkBalls(land: KernelLandscape2D, epsilon: number): void {
  const { n, h, L, labels, minima } = land;
  const reach = epsilon + h * Math.SQRT1_2;
  for (let m = 0; m < minima.length / 2; m++) {
    const mx = minima[2 * m];
    const my = minima[2 * m + 1];
    const i0 = Math.max(0, Math.floor((mx - reach + L) / h));
    const i1 = Math.min(n - 1, Math.ceil((mx + reach + L) / h));
    const j0 = Math.max(0, Math.floor((my - reach + L) / h));
    const j1 = Math.min(n - 1, Math.ceil((my + reach + L) / h));
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const inReach = Math.hypot(-L + i * h - mx, -L + j * h - my) <= reach;
        if (inReach && labels[j * n + i] !== m + 1) {
          throw new RangeError(`epsilon ${epsilon} puts the ball of m${m + 1} outside its basin`);
        }
      }
    }
  }
}
