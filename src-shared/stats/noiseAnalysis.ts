import { blockSumTailIndex, type BlockSumEstimate } from './blockSumTailIndex';
import { hillPlot, type HillPoint } from './hill';
import { buildSplicedLaw, splicedPPlus, type SplicedLaw } from './splicedLaw';
import { survivalPlot, type SurvivalPlot } from './survivalPlot';

/**
 * Everything a preview of imported noise shows, from one call: the spliced law (threshold, fitted
 * GPD with intervals, p₊, centring shift), the Hill plot, the block-sum estimate and the survival
 * plot. The block-sum estimator gets the samples as measured: gradient noise is centred by
 * construction, and centring heavy-tailed data by their own mean biases it (blockSumTailIndex.ts).
 */
export interface NoiseAnalysis {
  law: SplicedLaw;
  pPlus: number;
  hill: HillPoint[];
  /** null when the estimator cannot run: a sample or block sum exactly zero (e.g. quantized data). */
  blockSum: BlockSumEstimate | null;
  survival: SurvivalPlot;
}

export function analyseNoise(samples: ArrayLike<number>, threshold?: number): NoiseAnalysis {
  const law = buildSplicedLaw(samples, threshold);
  let blockSum: BlockSumEstimate | null = null;
  try {
    blockSum = blockSumTailIndex(samples);
  } catch {
    blockSum = null;
  }
  return { law, pPlus: splicedPPlus(law), hill: hillPlot(samples), blockSum, survival: survivalPlot(samples, law) };
}
