import { TERM_WORDS, type KernelLandscape2D } from './landscape2d';
import type { KernelParams2D } from './tasks2d';

/**
 * The state and constants of one 2-D walk, in typed arrays of a fixed shape (a task that starts
 * at an integer x0 must not change their representation; see walk.ts in 1-D).
 *
 * One step (the model): v = η∇f(X) − ηZ; clipped, v ← v·b/|v| when |v|² > b²; X ← X − v, each
 * coordinate projected onto [−L, L]. Unclipped is the same loop with b² = ∞.
 */
export class Walk2D {
  readonly L: number;
  readonly b2: number;
  readonly b: number;
  /** η κ */
  readonly etaConfinement: number;
  readonly termCount: number;
  /** mx, my, 2a, b, 2c, η A per term. */
  readonly terms: Float64Array;
  readonly n: number;
  readonly h: number;
  readonly labels: Int32Array;
  /** [x, y, n] */
  readonly scalars = new Float64Array(3);

  constructor(readonly land: KernelLandscape2D, params: KernelParams2D) {
    this.L = land.L;
    this.b = params.clip ?? Infinity;
    this.b2 = this.b * this.b;
    this.etaConfinement = params.eta * land.confinement;
    this.termCount = land.termCount;
    this.terms = Float64Array.from(land.terms);
    for (let k = 0; k < land.termCount; k++) this.terms[TERM_WORDS * k + 5] *= params.eta;
    this.n = land.n;
    this.h = land.h;
    this.labels = land.labels;
  }

  get x(): number { return this.scalars[0]; }
  set x(v: number) { this.scalars[0] = v; }
  get y(): number { return this.scalars[1]; }
  set y(v: number) { this.scalars[1] = v; }
  /** Iterations done on this path: the n of X(n). */
  get time(): number { return this.scalars[2]; }
  set time(v: number) { this.scalars[2] = v; }
}

/**
 * Steps from X(n) on the noise pairs buf[2·from …) until X leaves basin `home` or `to` is
 * reached; returns the number of steps taken (the last one is the exit step when X left).
 */
export function walkUntilExit(w: Walk2D, buf: Float64Array, from: number, to: number, home: number): number {
  const { terms, termCount, labels, n, h, L, b, b2 } = w;
  const ek = w.etaConfinement;
  let x = w.x;
  let y = w.y;
  let j = from;
  while (j < to) {
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
    j++;
    const i = Math.round((x + L) / h);
    const jj = Math.round((y + L) / h);
    if (labels[(jj < n ? jj : n - 1) * n + (i < n ? i : n - 1)] !== home) break;
  }
  w.x = x;
  w.y = y;
  return j - from;
}
