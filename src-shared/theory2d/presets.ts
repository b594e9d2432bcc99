import type { Landscape2DConfig, Landscape2DPresetName, WellsLandscape2D } from './landscape';
import { MB_DEFAULT_L, mullerBrownSurface } from './mullerBrown';
import type { Surface2D } from './surface';
import { wellsSurface } from './wells';

/**
 * "wide-and-sharp": one wide, shallow-walled basin on the left and two narrow wells on the
 * right, the deeper of them the sharpest. Gradient descent happily settles in either
 * narrow well, and the deepest point of the box is in one of them; but their basins are
 * small (radius ≈ a few widths), so clipped heavy-tailed SGD leaves them with a single
 * truncated jump while the wide basin needs several — the 2-D picture of the paper's claim
 * that truncated heavy tails avoid sharp minima whatever their depth.
 */
export const WIDE_AND_SHARP: WellsLandscape2D = {
  dimension: 2,
  L: 2,
  confinement: 0.5,
  wells: [
    { center: [-0.8, -0.2], depth: 1.0, width: 0.6 },
    { center: [0.9, 0.8], depth: 1.3, width: 0.15 },
    { center: [1.0, -0.8], depth: 0.8, width: 0.2 },
  ],
};

export const LANDSCAPE_2D_PRESETS: readonly Landscape2DPresetName[] = ['wide-and-sharp', 'muller-brown'];

/** The surface a config describes: the wells form, or a preset's own formula. */
export function surfaceOf(config: Landscape2DConfig): Surface2D {
  if (!('preset' in config)) return wellsSurface(config);
  if (config.preset === 'muller-brown') return mullerBrownSurface(MB_DEFAULT_L);
  return wellsSurface(WIDE_AND_SHARP);
}
