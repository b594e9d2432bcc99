import type { KernelTick, LongRunChunkResult, LongRunState, LongRunTask } from '../tasks';
import { longRunStream } from '../random/streamKey';
import { noiseSamplerFor } from '../samplers/noiseSamplerFor';
import { BLOCK, TICK_INTERVAL } from './exitTime';
import { etaGradient, gradientConstants } from './gradient';
import { landscapeTables } from './landscapeTables';

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
  const { params, bins, thin, epsilon } = task;
  const { saddles, minima } = landscapeTables(params.criticalPoints);
  checkBalls(minima, saddles, epsilon);
  const sampler = noiseSamplerFor(params.noise, params.eta);
  const nMin = minima.length;
  const w: Walk = {
    ...gradientConstants(params.criticalPoints, params.gradientScale, params.eta),
    clipped: params.clip !== null,
    b: params.clip ?? Infinity,
    L: params.L,
    buf: new Float64Array(BLOCK),
    binScale: bins / (2 * params.L),
    bins,
    saddles,
    minima,
    epsilon,
    thin,
    histogram: new Float64Array(bins),
    fieldCounts: new Float64Array(nMin),
    transitions: new Float64Array(nMin * nMin),
    sojournCount: new Float64Array(nMin),
    sojournSum: new Float64Array(nMin),
    sojournSumSq: new Float64Array(nMin),
    trajectory: [],
    x: task.x0,
    time: 0,
    last: 0,
    enteredAt: 0,
  };
  let rng: Int32Array;
  if (task.state === null) {
    rng = longRunStream(task.seed, task.arm, task.path);
    w.trajectory.push(w.x);
    w.last = ballOf(w.x, saddles, minima, epsilon);
  } else {
    rng = Int32Array.from(task.state.rng);
    w.x = task.state.x;
    w.time = task.state.n;
    w.last = task.state.lastMinimum;
    w.enteredAt = task.state.enteredAt;
  }

  const start = w.time;
  const end = start + task.iterations;
  let nextTick = start + TICK_INTERVAL;
  while (w.time < end) {
    const steps = Math.min(BLOCK, end - w.time);
    sampler.fill(rng, w.buf, 0, steps);
    walkBlock(w, steps);
    if (w.time >= nextTick) {
      nextTick += TICK_INTERVAL;
      if (tick && !tick(w.time - start)) return null;
    }
  }

  const state: LongRunState = { x: w.x, n: w.time, rng: Array.from(rng), lastMinimum: w.last, enteredAt: w.enteredAt };
  return {
    kind: 'long-run',
    histogram: Array.from(w.histogram),
    fieldCounts: Array.from(w.fieldCounts),
    trajectory: w.trajectory,
    transitions: Array.from(w.transitions),
    sojournCount: Array.from(w.sojournCount),
    sojournSum: Array.from(w.sojournSum),
    sojournSumSq: Array.from(w.sojournSumSq),
    state,
    iterations: task.iterations,
  };
}

interface Walk {
  /** Number of critical points (from gradientConstants). */
  n: number;
  /** Iterations done on this path: the n of X(n). */
  time: number;
  c7: Float64Array;
  c: Float64Array;
  etaKappa: number;
  clipped: boolean;
  b: number;
  L: number;
  buf: Float64Array;
  binScale: number;
  bins: number;
  saddles: Float64Array;
  minima: Float64Array;
  epsilon: number;
  thin: number;
  histogram: Float64Array;
  fieldCounts: Float64Array;
  transitions: Float64Array;
  sojournCount: Float64Array;
  sojournSum: Float64Array;
  sojournSumSq: Float64Array;
  trajectory: number[];
  x: number;
  last: number;
  enteredAt: number;
}

/**
 * Advances the walk over buf[0 … steps) and tallies each new iterate. The tallies read X but
 * nothing feeds back into the recursion, so the CPU overlaps them with the f' chain.
 */
function walkBlock(w: Walk, steps: number): void {
  const { buf, c, clipped, b, L, binScale, bins, saddles, minima, epsilon, thin, histogram, fieldCounts } = w;
  const ek = w.etaKappa;
  const cn = w.n;
  const c7 = w.c7;
  const c0 = c7[0], c1 = c7[1], c2 = c7[2], c3 = c7[3], c4 = c7[4], c5 = c7[5], c6 = c7[6];
  const nMin = minima.length;
  const lastSaddle = nMin - 1;
  let x = w.x;
  let n = w.time;
  let last = w.last;
  let sinceThin = n % thin;
  for (let j = 0; j < steps; j++) {
    const g = etaGradient(x, cn, ek, c0, c1, c2, c3, c4, c5, c6, c);
    if (clipped) {
      // φ(η f'(X) − e, b), truncating only in the rare case (see recursion.ts).
      let d = g - buf[j];
      if (!(d <= b && d >= -b)) d = d > b ? b : -b;
      x -= d;
    } else {
      x = x - g + buf[j];
    }
    if (!(x <= L && x >= -L)) x = x > L ? L : -L;
    n++;
    const bin = Math.floor((x + L) * binScale);
    histogram[bin < bins ? bin : bins - 1]++;
    let f = 0;
    while (f < lastSaddle && x > saddles[f]) f++;
    fieldCounts[f]++;
    if (f + 1 !== last && Math.abs(x - minima[f]) <= epsilon) {
      if (last > 0) enterBall(w, last, f + 1, n);
      last = f + 1;
      w.enteredAt = n;
    }
    if (++sinceThin === thin) {
      sinceThin = 0;
      w.trajectory.push(x);
    }
  }
  w.x = x;
  w.time = n;
  w.last = last;
}

/** A move m_i → m_j at time n completes the sojourn at m_i that began at w.enteredAt. */
function enterBall(w: Walk, i: number, j: number, n: number): void {
  const nMin = w.minima.length;
  w.transitions[(i - 1) * nMin + (j - 1)]++;
  const sojourn = n - w.enteredAt;
  w.sojournCount[i - 1]++;
  w.sojournSum[i - 1] += sojourn;
  w.sojournSumSq[i - 1] += sojourn * sojourn;
}

/** 1-based minimum whose ε-ball holds x, 0 when none (the balls lie inside their fields). */
export function ballOf(x: number, saddles: Float64Array, minima: Float64Array, epsilon: number): number {
  let f = 0;
  while (f < minima.length - 1 && x > saddles[f]) f++;
  return Math.abs(x - minima[f]) <= epsilon ? f + 1 : 0;
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
