import { EXP_OFFSET, INV_LN2_N, LN2_N_HI, LN2_N_LO, MANTISSA, OVER, POWER, SHIFT, UNDER } from './fastExp';
import { TERM_WORDS, type KernelLandscape2D } from './landscape2d';
import type { KernelParams2D } from './tasks2d';
import { BLOCK } from '../kernels/exitTime';

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
  /**
   * Set when every term is a round well (b = 0, a = c, as in the wells form): a term's gradient
   * is then (A·2a)·e·(x − μ), a squared distance, one exp and two multiply-adds instead of the
   * general quadratic form (about 10% faster), and `terms` holds mx, my, a, η A·2a per term.
   * Otherwise `terms` holds mx, my, 2a, b, 2c, η A per term. Which form a landscape takes
   * depends only on its terms, so its numbers never depend on anything else.
   */
  readonly radial: boolean;
  readonly terms: Float64Array;
  readonly n: number;
  readonly h: number;
  readonly labels: Uint8Array;
  /** X(n+1 …) of the current block and their basins, for the long-run tallies. */
  readonly xs = new Float64Array(BLOCK);
  readonly ys = new Float64Array(BLOCK);
  readonly basins = new Int32Array(BLOCK);
  /** [x, y] */
  readonly scalars = new Float64Array(2);

  constructor(readonly land: KernelLandscape2D, params: KernelParams2D) {
    this.L = land.L;
    this.b = params.clip ?? Infinity;
    this.b2 = this.b * this.b;
    this.etaConfinement = params.eta * land.confinement;
    this.termCount = land.termCount;
    const t = land.terms;
    const count = land.termCount;
    let radial = true;
    for (let k = 0; k < count; k++) radial &&= t[TERM_WORDS * k + 3] === 0 && t[TERM_WORDS * k + 2] === t[TERM_WORDS * k + 4];
    this.radial = radial;
    this.terms = Float64Array.from(t);
    for (let k = 0; k < count; k++) {
      const o = TERM_WORDS * k;
      if (radial) this.terms.set([t[o], t[o + 1], t[o + 2] / 2, params.eta * t[o + 5] * t[o + 2]], 4 * k);
      else this.terms[o + 5] = params.eta * t[o + 5];
    }
    this.n = land.n;
    this.h = land.h;
    this.labels = land.labels;
  }

  get x(): number { return this.scalars[0]; }
  set x(v: number) { this.scalars[0] = v; }
  get y(): number { return this.scalars[1]; }
  set y(v: number) { this.scalars[1] = v; }
}

/**
 * Steps from X(n) on the noise pairs buf[2·from … 2·to), writing each new iterate and its basin
 * to w.xs, w.ys, w.basins at the same index. With home > 0 it stops after the first step that
 * lands outside basin `home`; returns the number of steps taken. One step body for both forms of
 * the terms (the branch on w.radial is the same on every step, so it costs nothing measurable).
 * e^q is fastExp.ts, inlined. The basin is the nearest map node's label, with theory2d's
 * nodeIndex arithmetic.
 *
 * Drawing the next block's noise inside this loop, as 1-D's walkDrawing.ts does, was tried and
 * measured A/B in one process: never faster (medians of paired ratios 1.00–1.09 per noise over
 * two runs), so the samplers fill each block beforehand.
 */
export function walkBlock2d(w: Walk2D, buf: Float64Array, from: number, to: number, home: number): number {
  const { terms, termCount, radial, labels, n, h, L, b, b2, xs, ys, basins } = w;
  const ek = w.etaConfinement;
  const last = n - 1;
  let x = w.x;
  let y = w.y;
  let j = from;
  while (j < to) {
    let gx = ek * x;
    let gy = ek * y;
    if (radial) {
      for (let k = 0, o = 0; k < termCount; k++, o += 4) {
        const dx = x - terms[o];
        const dy = y - terms[o + 1];
        const q = terms[o + 2] * (dx * dx + dy * dy);
        let e = 0;
        if (q > UNDER) {
          const kd = q * INV_LN2_N + SHIFT - SHIFT;
          const r = q - kd * LN2_N_HI - kd * LN2_N_LO;
          const ki = kd | 0;
          const t = MANTISSA[ki & 255];
          const r2 = r * r;
          const p = r + (r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120)));
          e = POWER[(ki >> 8) + EXP_OFFSET] * (t + t * p) * terms[o + 3];
        }
        gx += e * dx;
        gy += e * dy;
      }
    } else {
      for (let k = 0, o = 0; k < termCount; k++, o += 6) {
        const dx = x - terms[o];
        const dy = y - terms[o + 1];
        const px = terms[o + 2] * dx + terms[o + 3] * dy;
        const py = terms[o + 3] * dx + terms[o + 4] * dy;
        const q = 0.5 * (px * dx + py * dy);
        let e = 0;
        if (q > UNDER && q < OVER) {
          const kd = q * INV_LN2_N + SHIFT - SHIFT;
          const r = q - kd * LN2_N_HI - kd * LN2_N_LO;
          const ki = kd | 0;
          const t = MANTISSA[ki & 255];
          const r2 = r * r;
          const p = r + (r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120)));
          e = POWER[(ki >> 8) + EXP_OFFSET] * (t + t * p);
        } else if (q >= OVER) {
          e = Infinity;
        }
        e *= terms[o + 5];
        gx += e * px;
        gy += e * py;
      }
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
    const ni = Math.round((x + L) / h);
    const nj = Math.round((y + L) / h);
    const basin = labels[(nj < last ? nj : last) * n + (ni < last ? ni : last)];
    xs[j] = x;
    ys[j] = y;
    basins[j] = basin;
    j++;
    if (home > 0 && basin !== home) break;
  }
  w.x = x;
  w.y = y;
  return j - from;
}
