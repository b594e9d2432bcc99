import { EXP_OFFSET, INV_LN2_N, LN2_N_HI, LN2_N_LO, MANTISSA, OVER, POWER, SHIFT, UNDER } from './fastExp';
import type { Walk2D } from './walk2d';

/**
 * Two exit-time samples stepped side by side: lane l at (pos[2l], pos[2l+1]) on the noise pairs
 * bufs[l][2·(from[l] + i)], i = 0 … steps − 1. Each lane's arithmetic is walkBlock2d's, operation for
 * operation, so a sample's path is the same whichever lane or mode ran it. One step is a long
 * dependency chain (the gradient's exp, the clip, the projection); two independent chains let
 * the CPU fill one's waits with the other's work (measured in `lab bench`). Stops after the first
 * step where either lane lands outside basin `home`; returns the steps taken, and leaves each
 * lane's last basin in basins[l].
 */
export function walkPair2d(
  w: Walk2D, pos: Float64Array, basins: Int32Array,
  buf0: Float64Array, from0: number, buf1: Float64Array, from1: number, steps: number, home: number,
): number {
  const { terms, termCount, labels, n, h, L, b, b2 } = w;
  const ek = w.etaConfinement;
  const last = n - 1;
  let x0 = pos[0];
  let y0 = pos[1];
  let x1 = pos[2];
  let y1 = pos[3];
  let basin0 = home;
  let basin1 = home;
  let i = 0;
  while (i < steps) {
    let gx0 = ek * x0;
    let gy0 = ek * y0;
    let gx1 = ek * x1;
    let gy1 = ek * y1;
    for (let k = 0, o = 0; k < termCount; k++, o += 6) {
      const mx = terms[o];
      const my = terms[o + 1];
      const a2 = terms[o + 2];
      const bb = terms[o + 3];
      const c2 = terms[o + 4];
      const amp = terms[o + 5];
      const dx0 = x0 - mx;
      const dy0 = y0 - my;
      const dx1 = x1 - mx;
      const dy1 = y1 - my;
      const px0 = a2 * dx0 + bb * dy0;
      const py0 = bb * dx0 + c2 * dy0;
      const px1 = a2 * dx1 + bb * dy1;
      const py1 = bb * dx1 + c2 * dy1;
      const q0 = 0.5 * (px0 * dx0 + py0 * dy0);
      const q1 = 0.5 * (px1 * dx1 + py1 * dy1);
      let e0 = 0;
      let e1 = 0;
      if (q0 > UNDER && q0 < OVER) {
        const kd = q0 * INV_LN2_N + SHIFT - SHIFT;
        const r = q0 - kd * LN2_N_HI - kd * LN2_N_LO;
        const ki = kd | 0;
        const t = MANTISSA[ki & 255];
        const r2 = r * r;
        const p = r + (r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120)));
        e0 = POWER[(ki >> 8) + EXP_OFFSET] * (t + t * p);
      } else if (q0 >= OVER) {
        e0 = Infinity;
      }
      if (q1 > UNDER && q1 < OVER) {
        const kd = q1 * INV_LN2_N + SHIFT - SHIFT;
        const r = q1 - kd * LN2_N_HI - kd * LN2_N_LO;
        const ki = kd | 0;
        const t = MANTISSA[ki & 255];
        const r2 = r * r;
        const p = r + (r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120)));
        e1 = POWER[(ki >> 8) + EXP_OFFSET] * (t + t * p);
      } else if (q1 >= OVER) {
        e1 = Infinity;
      }
      e0 *= amp;
      e1 *= amp;
      gx0 += e0 * px0;
      gy0 += e0 * py0;
      gx1 += e1 * px1;
      gy1 += e1 * py1;
    }
    const j0 = 2 * (from0 + i);
    const j1 = 2 * (from1 + i);
    let vx0 = gx0 - buf0[j0];
    let vy0 = gy0 - buf0[j0 + 1];
    let vx1 = gx1 - buf1[j1];
    let vy1 = gy1 - buf1[j1 + 1];
    const v20 = vx0 * vx0 + vy0 * vy0;
    const v21 = vx1 * vx1 + vy1 * vy1;
    if (v20 > b2) {
      const s = b / Math.sqrt(v20);
      vx0 *= s;
      vy0 *= s;
    }
    if (v21 > b2) {
      const s = b / Math.sqrt(v21);
      vx1 *= s;
      vy1 *= s;
    }
    x0 -= vx0;
    y0 -= vy0;
    x1 -= vx1;
    y1 -= vy1;
    if (!(x0 <= L && x0 >= -L)) x0 = x0 > L ? L : -L;
    if (!(y0 <= L && y0 >= -L)) y0 = y0 > L ? L : -L;
    if (!(x1 <= L && x1 >= -L)) x1 = x1 > L ? L : -L;
    if (!(y1 <= L && y1 >= -L)) y1 = y1 > L ? L : -L;
    const ni0 = Math.round((x0 + L) / h);
    const nj0 = Math.round((y0 + L) / h);
    const ni1 = Math.round((x1 + L) / h);
    const nj1 = Math.round((y1 + L) / h);
    basin0 = labels[(nj0 < last ? nj0 : last) * n + (ni0 < last ? ni0 : last)];
    basin1 = labels[(nj1 < last ? nj1 : last) * n + (ni1 < last ? ni1 : last)];
    i++;
    if (basin0 !== home || basin1 !== home) break;
  }
  pos[0] = x0;
  pos[1] = y0;
  pos[2] = x1;
  pos[3] = y1;
  basins[0] = basin0;
  basins[1] = basin1;
  return i;
}
