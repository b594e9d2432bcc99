import type { Landscape2DConfig } from './landscape';
import { MB_CENTER, MB_DEFAULT_L, MB_PARAMETERS, MB_SCALE_PER_L, MB_VALUE_SCALE } from './mullerBrown';
import { WIDE_AND_SHARP } from './presets';

/**
 * One term A·exp(a dx² + b dx dy + c dy²) with (dx, dy) = (x − mx, y − my), in lab coordinates.
 * Both landscape forms are sums of such terms plus (κ/2)|x|²: a well is A = −depth,
 * a = c = −1/(2 width²), b = 0; a Müller–Brown term is its classic term moved into the box.
 */
export interface GaussianTerm {
  A: number;
  mx: number;
  my: number;
  a: number;
  b: number;
  c: number;
}

export interface GaussianTerms2D {
  L: number;
  /** κ of the confinement (κ/2)|x|²; 0 for Müller–Brown. */
  confinement: number;
  terms: GaussianTerm[];
}

/**
 * f of a config as Gaussian terms, the form the kernels evaluate (one exp per term). Müller–Brown:
 * with X = X_c + s x (s = MB_SCALE_PER_L / L, see mullerBrown.ts), X − X0_k = s (x − mx_k) for
 * mx_k = (X0_k − X_c)/s, so the exponent's coefficients become a_k s², b_k s², c_k s² and the
 * amplitude A_k / MB_VALUE_SCALE: the same function as mullerBrownSurface, up to rounding.
 */
export function gaussianTerms(config: Landscape2DConfig): GaussianTerms2D {
  if ('preset' in config && config.preset === 'muller-brown') {
    const L = MB_DEFAULT_L;
    const s = MB_SCALE_PER_L / L;
    const { A, a, b, c, X0, Y0 } = MB_PARAMETERS;
    return {
      L,
      confinement: 0,
      terms: A.map((Ak, k) => ({
        A: Ak / MB_VALUE_SCALE,
        mx: (X0[k] - MB_CENTER[0]) / s,
        my: (Y0[k] - MB_CENTER[1]) / s,
        a: a[k] * s * s,
        b: b[k] * s * s,
        c: c[k] * s * s,
      })),
    };
  }
  const wells = 'preset' in config ? WIDE_AND_SHARP : config;
  return {
    L: wells.L,
    confinement: wells.confinement,
    terms: wells.wells.map((w) => {
      const q = -0.5 / (w.width * w.width);
      return { A: -w.depth, mx: w.center[0], my: w.center[1], a: q, b: 0, c: q };
    }),
  };
}
