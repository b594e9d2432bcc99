import type { Walk2D } from './walk2d';

/**
 * The fixed-size tallies of a long 2-D path (memory flat in iterations; the thinned trajectory
 * grows by one pair per `thin` steps), and its ball bookkeeping: [last ball (1-based, 0 = none
 * yet), n at which it was entered].
 */
export class PathTallies2D {
  readonly histogram: Float64Array;
  readonly basinCounts: Float64Array;
  readonly transitions: Float64Array;
  readonly sojournCount: Float64Array;
  readonly sojournSum: Float64Array;
  readonly sojournSumSq: Float64Array;
  readonly trajectory = new GrowableSeries();
  readonly binScale: number;
  readonly epsilon2: number;
  readonly balls = new Float64Array(2);

  constructor(
    readonly minima: Float64Array,
    readonly bins: number,
    readonly thin: number,
    epsilon: number,
    L: number,
  ) {
    const count = minima.length / 2;
    this.histogram = new Float64Array(bins * bins);
    this.basinCounts = new Float64Array(count);
    this.transitions = new Float64Array(count * count);
    this.sojournCount = new Float64Array(count);
    this.sojournSum = new Float64Array(count);
    this.sojournSumSq = new Float64Array(count);
    this.binScale = bins / (2 * L);
    this.epsilon2 = epsilon * epsilon;
  }

  get last(): number { return this.balls[0]; }
  set last(v: number) { this.balls[0] = v; }
  get enteredAt(): number { return this.balls[1]; }
  set enteredAt(v: number) { this.balls[1] = v; }

  /** The path entered the ball of minimum `ball` (1-based) at time n: a move last → ball, if any, and a finished sojourn. */
  enter(ball: number, n: number): void {
    const i = this.last;
    if (i > 0) {
      const count = this.basinCounts.length;
      this.transitions[(i - 1) * count + (ball - 1)]++;
      const sojourn = n - this.enteredAt;
      this.sojournCount[i - 1]++;
      this.sojournSum[i - 1] += sojourn;
      this.sojournSumSq[i - 1] += sojourn * sojourn;
    }
    this.last = ball;
    this.enteredAt = n;
  }
}

/** An append-only series of doubles without boxing or elements-kind changes. */
export class GrowableSeries {
  private data = new Float64Array(256);
  private length = 0;

  push2(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const bigger = new Float64Array(2 * this.data.length);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }

  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.length));
  }
}

/**
 * Steps X(n) → X(n+1) … on the noise pairs buf[2·from … 2·to) and tallies each new iterate:
 * its histogram cell (x-bin outer; X = L in the last bin), its basin, a ball entry when it is
 * within ε of the minimum of its basin and that is not the ball entered last (the balls lie
 * inside their basins, checked by the kernel, so only that minimum needs checking), and every
 * thin-th point.
 */
export function walkAndTally(w: Walk2D, t: PathTallies2D, buf: Float64Array, from: number, to: number): void {
  const { terms, termCount, labels, n, h, L, b, b2 } = w;
  const { histogram, basinCounts, minima, bins, binScale, epsilon2, thin } = t;
  const ek = w.etaConfinement;
  const top = bins - 1;
  let x = w.x;
  let y = w.y;
  const n0 = w.time;
  let sinceThin = n0 % thin;
  let last = t.last;
  for (let j = from; j < to; j++) {
    let gx = ek * x;
    let gy = ek * y;
    for (let k = 0, o = 0; k < termCount; k++, o += 6) {
      const dx = x - terms[o];
      const dy = y - terms[o + 1];
      const px = terms[o + 2] * dx + terms[o + 3] * dy;
      const py = terms[o + 3] * dx + terms[o + 4] * dy;
      const e = terms[o + 5] * Math.exp(0.5 * (px * dx + py * dy));
      gx += e * px;
      gy += e * py;
    }
    let vx = gx - buf[2 * j];
    let vy = gy - buf[2 * j + 1];
    const v2 = vx * vx + vy * vy;
    if (v2 > b2) {
      const s = b / Math.sqrt(v2);
      vx *= s;
      vy *= s;
    }
    x -= vx;
    y -= vy;
    if (!(x <= L && x >= -L)) x = x > L ? L : -L;
    if (!(y <= L && y >= -L)) y = y > L ? L : -L;

    const bx = Math.floor((x + L) * binScale);
    const by = Math.floor((y + L) * binScale);
    histogram[(bx < top ? bx : top) * bins + (by < top ? by : top)]++;
    const ni = Math.round((x + L) / h);
    const nj = Math.round((y + L) / h);
    const basin = labels[(nj < n ? nj : n - 1) * n + (ni < n ? ni : n - 1)];
    basinCounts[basin - 1]++;
    if (basin !== last) {
      const mx = x - minima[2 * basin - 2];
      const my = y - minima[2 * basin - 1];
      if (mx * mx + my * my <= epsilon2) {
        t.enter(basin, n0 + (j - from) + 1);
        last = basin;
      }
    }
    if (++sinceThin === thin) {
      sinceThin = 0;
      t.trajectory.push2(x, y);
    }
  }
  w.x = x;
  w.y = y;
  w.time = n0 + (to - from);
}
