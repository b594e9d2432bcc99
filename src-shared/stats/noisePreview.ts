import type { BlockSumEstimate } from './blockSumTailIndex';
import type { GpdFit } from './gpdFit';
import type { HillPoint } from './hill';
import { analyseNoise } from './noiseAnalysis';
import type { SurvivalPlot } from './survivalPlot';

/**
 * What an import preview shows of measured noise, small enough to cross any door (no samples):
 * the spliced law's numbers, a histogram of the centred noise, the Hill plot, the block-sum
 * estimate, the GPD fit with its intervals and the log-log survival plot against the fitted tail.
 */
export interface NoisePreview {
  count: number;
  /** u on |z|, the exceedances above it and their balance p₊. */
  threshold: number;
  tailCount: number;
  pPlus: number;
  /** m, the spliced law's mean, subtracted from every draw. */
  mean: number;
  gpd: GpdFit;
  hill: HillPoint[];
  blockSum: BlockSumEstimate | null;
  survival: SurvivalPlot;
  /** Counts of z − m in equal bins between its 0.5% and 99.5% quantiles (the rest counted below/above). */
  histogram: { edges: number[]; counts: number[]; below: number; above: number };
}

const HISTOGRAM_BINS = 60;

export function noisePreview(samples: Float64Array, threshold?: number): NoisePreview {
  const analysis = analyseNoise(samples, threshold);
  const { law } = analysis;
  return {
    count: law.sampleCount,
    threshold: law.threshold,
    tailCount: law.tailCount,
    pPlus: analysis.pPlus,
    mean: law.mean,
    gpd: law.gpd,
    hill: analysis.hill,
    blockSum: analysis.blockSum,
    survival: analysis.survival,
    histogram: histogram(samples, law.mean),
  };
}

/** The bulk of the centred noise; the heavy tail would squash it into one bin, so it is counted apart. */
function histogram(samples: Float64Array, mean: number): NoisePreview['histogram'] {
  const centred = Float64Array.from(samples, (z) => z - mean).sort();
  const n = centred.length;
  const lo = centred[Math.floor(0.005 * (n - 1))];
  const hi = centred[Math.ceil(0.995 * (n - 1))];
  const width = hi > lo ? (hi - lo) / HISTOGRAM_BINS : 1;
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  let below = 0;
  let above = 0;
  for (const z of centred) {
    if (z < lo) below++;
    else if (z > hi) above++;
    else counts[Math.min(HISTOGRAM_BINS - 1, Math.floor((z - lo) / width))]++;
  }
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, k) => lo + k * width);
  return { edges, counts, below, above };
}
