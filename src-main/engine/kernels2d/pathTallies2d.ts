/** The iterates of a walked block (a Walker2D's). */
interface WalkedBlock {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly basins: Int32Array;
}

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
  readonly L: number;
  readonly balls = new Float64Array(2);

  /** `counts`: zeroed storage for the histogram and the counts per basin (default: new arrays). */
  constructor(
    readonly minima: Float64Array,
    readonly bins: number,
    readonly thin: number,
    epsilon: number,
    L: number,
    counts?: { histogram: Float64Array; basinCounts: Float64Array },
  ) {
    const count = minima.length / 2;
    this.histogram = counts?.histogram ?? new Float64Array(bins * bins);
    this.basinCounts = counts?.basinCounts ?? new Float64Array(count);
    this.transitions = new Float64Array(count * count);
    this.sojournCount = new Float64Array(count);
    this.sojournSum = new Float64Array(count);
    this.sojournSumSq = new Float64Array(count);
    this.L = L;
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
 * Tallies the iterates the walk left in w.xs, w.ys, w.basins[0 … steps), X(n0 + 1 …): each one's
 * histogram cell (x-bin outer; X = L in the last bin), its basin, a ball entry when it is within
 * ε of the minimum of its basin (|X − m|² ≤ ε²) and that is not the ball entered last (the balls
 * lie inside their basins, checked by the kernel, so only that minimum needs checking), and every
 * thin-th point.
 */
export function tallyBlock2d(w: WalkedBlock, t: PathTallies2D, n0: number, steps: number): void {
  const { xs, ys, basins } = w;
  const { histogram, basinCounts, minima, bins, binScale, epsilon2, thin, L } = t;
  const top = bins - 1;
  let sinceThin = n0 % thin;
  let last = t.last;
  for (let j = 0; j < steps; j++) {
    const x = xs[j];
    const y = ys[j];
    const bx = Math.floor((x + L) * binScale);
    const by = Math.floor((y + L) * binScale);
    histogram[(bx < top ? bx : top) * bins + (by < top ? by : top)]++;
    const basin = basins[j];
    basinCounts[basin - 1]++;
    if (basin !== last) {
      const mx = x - minima[2 * basin - 2];
      const my = y - minima[2 * basin - 1];
      if (mx * mx + my * my <= epsilon2) {
        t.enter(basin, n0 + j + 1);
        last = basin;
      }
    }
    if (++sinceThin === thin) {
      sinceThin = 0;
      t.trajectory.push2(x, y);
    }
  }
}
