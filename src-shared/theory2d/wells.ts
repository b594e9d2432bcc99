import type { WellsLandscape2D } from './landscape';
import type { Hessian2, Surface2D } from './surface';

/**
 * f(x) = (c/2)|x|² − Σ_k a_k g_k(x), g_k = exp(−|x − μ_k|²/(2 w_k²)).
 * ∇f = c x + Σ_k a_k g_k (x − μ_k)/w_k²;
 * ∇²f = c I + Σ_k a_k g_k (I/w_k² − (x − μ_k)(x − μ_k)ᵀ/w_k⁴).
 */
export function wellsSurface(config: WellsLandscape2D): Surface2D {
  const c = config.confinement;
  const wells = config.wells.map((w) => ({
    mx: w.center[0],
    my: w.center[1],
    a: w.depth,
    inv2: 1 / (w.width * w.width),
  }));
  return {
    L: config.L,
    value(x, y) {
      let f = (c / 2) * (x * x + y * y);
      for (const w of wells) {
        const dx = x - w.mx;
        const dy = y - w.my;
        f -= w.a * Math.exp(-0.5 * (dx * dx + dy * dy) * w.inv2);
      }
      return f;
    },
    gradient(x, y) {
      let gx = c * x;
      let gy = c * y;
      for (const w of wells) {
        const dx = x - w.mx;
        const dy = y - w.my;
        const s = w.a * Math.exp(-0.5 * (dx * dx + dy * dy) * w.inv2) * w.inv2;
        gx += s * dx;
        gy += s * dy;
      }
      return [gx, gy];
    },
    hessian(x, y) {
      const h: Hessian2 = { xx: c, xy: 0, yy: c };
      for (const w of wells) {
        const dx = x - w.mx;
        const dy = y - w.my;
        const s = w.a * Math.exp(-0.5 * (dx * dx + dy * dy) * w.inv2) * w.inv2;
        h.xx += s * (1 - dx * dx * w.inv2);
        h.xy -= s * dx * dy * w.inv2;
        h.yy += s * (1 - dy * dy * w.inv2);
      }
      return h;
    },
  };
}
