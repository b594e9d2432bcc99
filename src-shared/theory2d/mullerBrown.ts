import type { Surface2D } from './surface';

/**
 * The Müller–Brown potential (Müller & Brown, Theor. Chim. Acta 53, 1979):
 * V(x, y) = Σ_k A_k exp(a_k (x − x0_k)² + b_k (x − x0_k)(y − y0_k) + c_k (y − y0_k)²),
 * with the classic parameters below. Its three minima sit in tilted, anisotropic valleys
 * (the b_k cross terms) that isotropic Gaussian wells cannot express.
 */
const A = [-200, -100, -170, 15];
const a = [-1, -1, -6.5, 0.7];
const b = [0, 0, 11, 0.6];
const c = [-10, -10, -6.5, 0.7];
const X0 = [1, 0, -0.5, -1];
const Y0 = [0, 0.5, 1.5, 1];

/** The classic parameters, for code that evaluates V in its own form (the 2-D kernels). */
export const MB_PARAMETERS = { A, a, b, c, X0, Y0 } as const;

/**
 * The lab's box [−L, L]² maps onto the classic plotting window by
 *   x_MB = MB_CENTER[0] + MB_SCALE_PER_L · (x / L),  y_MB = MB_CENTER[1] + MB_SCALE_PER_L · (y / L),
 * i.e. x_MB ∈ [−1.5, 1.2], y_MB ∈ [−0.6, 2.1]: all three minima and both saddles inside,
 * with V rising steeply toward every edge. Values are divided by MB_VALUE_SCALE so that
 * the barriers are O(1) and, on a box with L = 2, the Hessian eigenvalues at the minima are
 * O(1)–O(10), the same order as the 1-D landscapes: step sizes η that make sense there make
 * sense here (the sharpest minimum still needs η ≲ 0.1 for a stable step).
 */
export const MB_CENTER: [number, number] = [-0.15, 0.75];
export const MB_SCALE_PER_L = 1.35;
export const MB_VALUE_SCALE = 100;
export const MB_DEFAULT_L = 2;

export function mullerBrownSurface(L: number = MB_DEFAULT_L): Surface2D {
  const s = MB_SCALE_PER_L / L;
  // Chain rule: ∂/∂x_lab = s ∂/∂x_MB, so the gradient carries s/κ and the Hessian s²/κ.
  const g = s / MB_VALUE_SCALE;
  const hs = (s * s) / MB_VALUE_SCALE;
  // One pass over the four terms, no allocation: the basin map calls this millions of times.
  const sum = (x: number, y: number, want: 'value' | 'gradient' | 'hessian') => {
    const X = MB_CENTER[0] + s * x;
    const Y = MB_CENTER[1] + s * y;
    let v = 0;
    let gx = 0;
    let gy = 0;
    let xx = 0;
    let xy = 0;
    let yy = 0;
    for (let k = 0; k < 4; k++) {
      const dx = X - X0[k];
      const dy = Y - Y0[k];
      const e = A[k] * Math.exp(a[k] * dx * dx + b[k] * dx * dy + c[k] * dy * dy);
      if (want === 'value') {
        v += e;
        continue;
      }
      // ∂/∂X and ∂/∂Y of the exponent
      const px = 2 * a[k] * dx + b[k] * dy;
      const py = b[k] * dx + 2 * c[k] * dy;
      gx += e * px;
      gy += e * py;
      if (want === 'hessian') {
        xx += e * (px * px + 2 * a[k]);
        xy += e * (px * py + b[k]);
        yy += e * (py * py + 2 * c[k]);
      }
    }
    return { v, gx, gy, xx, xy, yy };
  };
  return {
    L,
    value: (x, y) => sum(x, y, 'value').v / MB_VALUE_SCALE,
    gradient(x, y) {
      const t = sum(x, y, 'gradient');
      return [t.gx * g, t.gy * g];
    },
    hessian(x, y) {
      const t = sum(x, y, 'hessian');
      return { xx: t.xx * hs, xy: t.xy * hs, yy: t.yy * hs };
    },
  };
}
