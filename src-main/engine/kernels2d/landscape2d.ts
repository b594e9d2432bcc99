import { basinMap } from '../../../src-shared/theory2d/basinMap';
import { findMinima } from '../../../src-shared/theory2d/criticalPoints';
import { gaussianTerms } from '../../../src-shared/theory2d/gaussianTerms';
import type { Landscape2DConfig } from '../../../src-shared/theory2d/landscape';
import { wellCentres } from '../../../src-shared/theory2d/landscapeTheory';
import { surfaceOf } from '../../../src-shared/theory2d/presets';

/**
 * What a 2-D kernel reads in its loop, as typed arrays:
 * - f as Gaussian terms (gaussianTerms.ts), 6 doubles per term: mx, my, 2a, b, 2c, A. With
 *   d = (dx, dy) and p = (2a dx + b dy, b dx + 2c dy), the exponent is (p·d)/2 and the term
 *   adds A e^{(p·d)/2} p to ∇f;
 * - the basin map of src-shared/theory2d (the one the theory and the views use): minima and
 *   node labels. A point is in the basin of its nearest node, found with the same arithmetic
 *   as `nodeIndex` there, so kernel, theory and views never disagree about a point.
 */
export interface KernelLandscape2D {
  L: number;
  /**
   * Nodes per side n, spacing h = 2L/(n − 1), labels[j n + i] (1-based minimum): the theory's
   * labels as bytes, so the walk's lookups hit a 66 KB table instead of 264 KB (the lookup was a
   * tenth of a step's profile; at most 255 minima).
   */
  n: number;
  h: number;
  labels: Uint8Array;
  /** m_i as x, y pairs, index 2(i − 1). */
  minima: Float64Array;
  /** κ of (κ/2)|x|². */
  confinement: number;
  termCount: number;
  /** mx, my, 2a, b, 2c, A per term (A, not η A: the walk scales by η once per task). */
  terms: Float64Array;
}

export const TERM_WORDS = 6;

const cache = new Map<string, KernelLandscape2D>();

/**
 * The landscape of a task, built once per thread and config: finding the minima and the basin
 * map costs about a second of CPU (docs/theory-2d.md), and every chunk of a run shares them.
 * The map is a deterministic function of the config, so every worker builds the same one.
 */
export function kernelLandscape2d(config: Landscape2DConfig, nodes: number): KernelLandscape2D {
  const key = `${nodes} ${JSON.stringify(config)}`;
  let built = cache.get(key);
  if (built === undefined) {
    built = buildLandscape(config, nodes);
    if (cache.size >= 8) cache.delete(cache.keys().next().value as string);
    cache.set(key, built);
  }
  return built;
}

function buildLandscape(config: Landscape2DConfig, nodes: number): KernelLandscape2D {
  const surface = surfaceOf(config);
  const minima = findMinima(surface, wellCentres(config)).map((m) => m.point);
  if (minima.length > 255) throw new RangeError(`${minima.length} minima: the 2-D kernels handle at most 255`);
  const map = basinMap(surface, minima, nodes);
  const g = gaussianTerms(config);
  if (g.L !== map.L) throw new Error(`the terms' box (L = ${g.L}) is not the map's (L = ${map.L})`);
  const terms = new Float64Array(TERM_WORDS * g.terms.length);
  g.terms.forEach((t, k) => terms.set([t.mx, t.my, 2 * t.a, t.b, 2 * t.c, t.A], TERM_WORDS * k));
  return {
    L: map.L,
    n: map.n,
    h: map.h,
    labels: Uint8Array.from(map.labels),
    minima: Float64Array.from(minima.flat()),
    confinement: g.confinement,
    termCount: g.terms.length,
    terms,
  };
}

/** 1-based basin of (x, y): that of the nearest map node (the arithmetic of theory2d's nodeIndex). */
export function basinAt(land: KernelLandscape2D, x: number, y: number): number {
  const { n, h, L } = land;
  const i = Math.min(n - 1, Math.max(0, Math.round((x + L) / h)));
  const j = Math.min(n - 1, Math.max(0, Math.round((y + L) / h)));
  return land.labels[j * n + i];
}
