import type { LongRunTask } from '../tasks';
import { BLOCK } from './exitTime';
import { etaGradient, gradientConstants } from './gradient';

/**
 * Everything walkBlock reads, in one object of a fixed shape. The path's scalars (X, n, last
 * ball, its entry time) live in a Float64Array so their representation never changes between
 * tasks: V8 otherwise deoptimises the loop when one task starts at x0 = 0 (a small integer) and
 * another at 0.3.
 */
export class Walk {
  readonly n: number;
  readonly c7: Float64Array;
  readonly c: Float64Array;
  readonly etaKappa: number;
  readonly clipped: boolean;
  readonly b: number;
  readonly L: number;
  /** Noise η·Z of the current block, and of the next one while it is being drawn. */
  buf = new Float64Array(BLOCK);
  next = new Float64Array(BLOCK);
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
  /** How many thinned points and ball entries tallyBlock left for bookBlock. */
  blockPoints = 0;
  blockEntries = 0;
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

  swapBuffers(): void {
    const b = this.buf;
    this.buf = this.next;
    this.next = b;
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
 * Advances the walk over buf[from … to): the recursion alone, writing X(n+1 …) into w.xs. A
 * loop that is nothing but the f' chain compiles to tight code; the tallies follow in their own
 * loop (tallyBlock), which has no chain at all (measured together in one loop: ~20 ns per
 * iteration; apart: ~7 + ~4).
 */
export function walkBlock(w: Walk, from: number, to: number): void {
  const { buf, xs, c, b, L } = w;
  const ek = w.etaKappa;
  const cn = w.n;
  const c7 = w.c7;
  const c0 = c7[0], c1 = c7[1], c2 = c7[2], c3 = c7[3], c4 = c7[4], c5 = c7[5], c6 = c7[6];
  let x = w.x;
  if (w.clipped) {
    for (let j = from; j < to; j++) {
      // φ(η f'(X) − e, b), truncating only in the rare case (see recursion.ts).
      let d = etaGradient(x, cn, ek, c0, c1, c2, c3, c4, c5, c6, c) - buf[j];
      if (!(d <= b && d >= -b)) d = d > b ? b : -b;
      x -= d;
      if (!(x <= L && x >= -L)) x = x > L ? L : -L;
      xs[j] = x;
    }
  } else {
    for (let j = from; j < to; j++) {
      x = x - etaGradient(x, cn, ek, c0, c1, c2, c3, c4, c5, c6, c) + buf[j];
      if (!(x <= L && x >= -L)) x = x > L ? L : -L;
      xs[j] = x;
    }
  }
  w.x = x;
}

/**
 * Tallies X(n+1 …) from w.xs[from … to). The loop makes no call (a call makes V8 spill registers
 * every iteration): ball entries and thinned points go to small typed buffers for bookBlock.
 */
export function tallyBlock(w: Walk, from: number, to: number): void {
  const { xs, L, binScale, bins, saddles, minima, epsilon, thin, histogram, fieldCounts } = w;
  const { entryTime, entryBall, thinned } = w;
  const lastSaddle = minima.length - 1;
  const n0 = w.time;
  let last = w.last;
  let sinceThin = n0 % thin;
  let entries = 0;
  let points = 0;
  for (let j = from; j < to; j++) {
    const x = xs[j];
    const bin = Math.floor((x + L) * binScale);
    histogram[bin < bins ? bin : bins - 1]++;
    let f = 0;
    while (f < lastSaddle && x > saddles[f]) f++;
    fieldCounts[f]++;
    if (f + 1 !== last && Math.abs(x - minima[f]) <= epsilon) {
      last = f + 1;
      entryTime[entries] = n0 + (j - from) + 1;
      entryBall[entries] = last;
      entries++;
    }
    if (++sinceThin === thin) {
      sinceThin = 0;
      thinned[points++] = x;
    }
  }
  w.time = n0 + (to - from);
  w.blockPoints = points;
  w.blockEntries = entries;
}

/**
 * Books what tallyBlock buffered: thinned points and ball entries (moves and sojourns). Kept out
 * of tallyBlock on purpose: this code runs rarely, and when V8 met it inside the hot function
 * without type feedback it deoptimised that function again and again (~20 times per path).
 */
export function bookBlock(w: Walk): void {
  const { entryTime, entryBall, thinned } = w;
  for (let q = 0; q < w.blockPoints; q++) w.trajectory.push(thinned[q]);
  for (let q = 0; q < w.blockEntries; q++) {
    const ball = entryBall[q];
    const time = entryTime[q];
    if (w.last > 0) enterBall(w, w.last, ball, time);
    w.last = ball;
    w.enteredAt = time;
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
