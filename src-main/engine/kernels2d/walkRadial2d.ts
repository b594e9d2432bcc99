import { EXP_OFFSET, INV_LN2_N, LN2_N_HI, LN2_N_LO, MANTISSA, POWER, SHIFT, UNDER } from './fastExp';
import type { Walk2D } from './walk2d';

/**
 * walkBlock2d for landscapes of round wells, A·exp(a|x − μ|²) (a < 0): the term's gradient is
 * (A·2a)·e·(x − μ), so a term costs a squared distance, one exp and two multiply-adds instead of
 * the general quadratic form. The exponent is never positive here, so only underflow needs a
 * guard. Same contract as walkBlock2d; which loop a landscape takes depends only on its terms,
 * so its numbers never depend on anything else.
 */
export function walkRadial2d(w: Walk2D, buf: Float64Array, from: number, to: number, home: number): number {
  const { radialTerms: terms, termCount, labels, n, h, L, b, b2, xs, ys, basins } = w;
  const ek = w.etaConfinement;
  const last = n - 1;
  let x = w.x;
  let y = w.y;
  let j = from;
  while (j < to) {
    let gx = ek * x;
    let gy = ek * y;
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
