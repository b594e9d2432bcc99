/**
 * The 2-D landscape config exactly as a user writes it (plain types; the zod schema that
 * validates it at the doors is derived elsewhere). Either the wells form
 * f(x) = (c/2)|x|² − Σ_k a_k exp(−|x − μ_k|² / (2 w_k²)) on [−L, L]², or a named preset.
 */
export interface Well2D {
  /** μ_k */
  center: [number, number];
  /** a_k > 0: how far the well lowers f at its centre. */
  depth: number;
  /** w_k > 0: the Gaussian's standard deviation; small w = sharp well. */
  width: number;
}

export interface WellsLandscape2D {
  dimension: 2;
  L: number;
  /** c ≥ 0: the quadratic confinement (c/2)|x|² that keeps the box edges uphill. */
  confinement: number;
  wells: Well2D[];
}

export type Landscape2DPresetName = 'wide-and-sharp' | 'muller-brown';

export interface PresetLandscape2D {
  dimension: 2;
  preset: Landscape2DPresetName;
}

export type Landscape2DConfig = WellsLandscape2D | PresetLandscape2D;
