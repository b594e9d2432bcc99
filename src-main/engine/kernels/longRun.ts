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
  const w = new Walk(params, bins, thin, epsilon, saddles, minima);
  let rng: Int32Array;
  if (task.state === null) {
    rng = longRunStream(task.seed, task.arm, task.path);
    w.x = task.x0;
    w.trajectory.push(task.x0);
    w.last = ballOf(task.x0, saddles, minima, epsilon);
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
    tallyBlock(w, steps);
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
    trajectory: w.trajectory.toArray(),
    transitions: Array.from(w.transitions),
    sojournCount: Array.from(w.sojournCount),
    sojournSum: Array.from(w.sojournSum),
    sojournSumSq: Array.from(w.sojournSumSq),
    state,
    iterations: task.iterations,
  };
}

/**
 * Everything walkBlock reads, in one object of a fixed shape. The path's scalars (X, n, last
 * ball, its entry time) live in a Float64Array so their representation never changes between
 * tasks: V8 otherwise deoptimises the loop when one task starts at x0 = 0 (a small integer) and
 * another at 0.3.
 */
class Walk {
  readonly n: number;
  readonly c7: Float64Array;
  readonly c: Float64Array;
  readonly etaKappa: number;
  readonly clipped: boolean;
  readonly b: number;
  readonly L: number;
  readonly buf = new Float64Array(BLOCK);
  /** X(n+1 … n+steps) of the current block. */
  readonly xs = new Float64Array(BLOCK);
  readonly binScale: number;
  readonly histogram: Float64Array;
  readonly fieldCounts: Float64Array;
  readonly transitions: Float64Array;
  readonly sojournCount: Float64Array;
  readonly sojournSum: Float64Array;
  readonly sojournSumSq: Float64Array;
  readonly trajectory = new GrowableSeries();
  /** Per block: ball entries (time, 1-based minimum) and thinned points, booked after the loop. */
  readonly entryTime = new Float64Array(BLOCK);
  readonly entryBall = new Int32Array(BLOCK);
  readonly thinned = new Float64Array(BLOCK);
  /** [X(n), n, last ball (1-based, 0 = none yet), n at which it was entered]. */
  readonly scalars = new Float64Array(4);

  constructor(
    params: LongRunTask['params'],
    readonly bins: number,
    readonly thin: number,
    readonly epsilon: number,
    readonly saddles: Float64Array,
    readonly minima: Float64Array,
  ) {
    const g = gradientConstants(params.criticalPoints, params.gradientScale, params.eta);
    this.n = g.n;
    this.c7 = g.c7;
    this.c = g.c;
    this.etaKappa = g.etaKappa;
    this.clipped = params.clip !== null;
    this.b = params.clip ?? Infinity;
    this.L = params.L;
    this.binScale = bins / (2 * params.L);
    const nMin = minima.length;
    this.histogram = new Float64Array(bins);
    this.fieldCounts = new Float64Array(nMin);
    this.transitions = new Float64Array(nMin * nMin);
    this.sojournCount = new Float64Array(nMin);
    this.sojournSum = new Float64Array(nMin);
    this.sojournSumSq = new Float64Array(nMin);
  }

  get x(): number { return this.scalars[0]; }
  set x(v: number) { this.scalars[0] = v; }
  /** Iterations done on this path: the n of X(n). */
  get time(): number { return this.scalars[1]; }
  set time(v: number) { this.scalars[1] = v; }
  get last(): number { return this.scalars[2]; }
  set last(v: number) { this.scalars[2] = v; }
  get enteredAt(): number { return this.scalars[3]; }
  set enteredAt(v: number) { this.scalars[3] = v; }
}

/** An append-only series of doubles (the thinned trajectory) without boxing or elements-kind changes. */
class GrowableSeries {
  private data = new Float64Array(256);
  private length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(2 * this.data.length);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.length));
  }
}

/**
 * Advances the walk over buf[0 … steps): the recursion alone, writing X(n+1 …) into w.xs. A
 * loop that is nothing but the f' chain compiles to tight code; the tallies follow in their own
 * loop (tallyBlock), which has no chain at all (measured together in one loop: ~20 ns per
 * iteration; apart: ~7 + ~4).
 */
function walkBlock(w: Walk, steps: number): void {
  const { buf, xs, c, b, L } = w;
  const ek = w.etaKappa;
  const cn = w.n;
  const c7 = w.c7;
  const c0 = c7[0], c1 = c7[1], c2 = c7[2], c3 = c7[3], c4 = c7[4], c5 = c7[5], c6 = c7[6];
  let x = w.x;
  if (w.clipped) {
    for (let j = 0; j < steps; j++) {
      // φ(η f'(X) − e, b), truncating only in the rare case (see recursion.ts).
      let d = etaGradient(x, cn, ek, c0, c1, c2, c3, c4, c5, c6, c) - buf[j];
      if (!(d <= b && d >= -b)) d = d > b ? b : -b;
      x -= d;
      if (!(x <= L && x >= -L)) x = x > L ? L : -L;
      xs[j] = x;
    }
  } else {
    for (let j = 0; j < steps; j++) {
      x = x - etaGradient(x, cn, ek, c0, c1, c2, c3, c4, c5, c6, c) + buf[j];
      if (!(x <= L && x >= -L)) x = x > L ? L : -L;
      xs[j] = x;
    }
  }
  w.x = x;
}

/**
 * Tallies X(n+1 … n+steps) from w.xs. The loop makes no call (a call makes V8 spill registers
 * every iteration): ball entries and thinned points go to small typed buffers and are booked
 * after it.
 */
function tallyBlock(w: Walk, steps: number): void {
  const { xs, L, binScale, bins, saddles, minima, epsilon, thin, histogram, fieldCounts } = w;
  const { entryTime, entryBall, thinned } = w;
  const lastSaddle = minima.length - 1;
  const n0 = w.time;
  let last = w.last;
  let sinceThin = n0 % thin;
  let entries = 0;
  let points = 0;
  for (let j = 0; j < steps; j++) {
    const x = xs[j];
    const bin = Math.floor((x + L) * binScale);
    histogram[bin < bins ? bin : bins - 1]++;
    let f = 0;
    while (f < lastSaddle && x > saddles[f]) f++;
    fieldCounts[f]++;
    if (f + 1 !== last && Math.abs(x - minima[f]) <= epsilon) {
      last = f + 1;
      entryTime[entries] = n0 + j + 1;
      entryBall[entries] = last;
      entries++;
    }
    if (++sinceThin === thin) {
      sinceThin = 0;
      thinned[points++] = x;
    }
  }
  w.time = n0 + steps;
  for (let q = 0; q < points; q++) w.trajectory.push(thinned[q]);
  for (let q = 0; q < entries; q++) {
    if (w.last > 0) enterBall(w, w.last, entryBall[q], entryTime[q]);
    w.last = entryBall[q];
    w.enteredAt = entryTime[q];
  }
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
