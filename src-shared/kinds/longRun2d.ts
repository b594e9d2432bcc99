import { longRun2dConfigSchema, longRun2dInput, type LongRun2DConfig } from '../model/config2d';
import type { LongRun2DResult, LongRun2DResultSummary } from '../model/results2d';
import { si, table } from '../format/table';
import type { ExperimentKindModule } from './kindModule';
import { theoryReport2d } from '../theory2d/report';
import { describeLandscape2d, expand2d } from './twoDimensional';

/** Long paths on a 2-D landscape at one η: share per basin, histogram, moves, sojourns, trajectories. */
export const longRun2dKind: ExperimentKindModule<LongRun2DConfig, LongRun2DResult, LongRun2DResult> = {
  kind: 'long-run-2d',
  input: longRun2dInput,
  stored: longRun2dConfigSchema,
  defaultName: '2-D long-run experiment',
  resultView: 'Results2D',
  // The R^2 report (`dimension: 2`): minima, saddles, radii and jump counts; no limit constants.
  theory: (c) => theoryReport2d(c.landscape, c.arms),
  expand: (parsed) => expand2d<LongRun2DConfig>(parsed as LongRun2DConfig, 'long-run-2d', longRun2dKind.defaultName),
  workUpperBound: (c) => c.arms.length * c.paths * c.iterations,
  footprint: (config, chunkIterations) => {
    const perPath = Math.floor(config.iterations / config.thin) + 1;
    const points = config.arms.length * config.paths * perPath;
    const cells = config.bins * config.bins;
    const chunks = config.arms.length * config.paths * Math.ceil(config.iterations / Math.max(1, chunkIterations));
    return {
      result: [
        { field: 'thin', what: `stored trajectory points (${points}), 2 numbers each`, values: 2 * points },
        { field: 'bins', what: `histograms kept per committed chunk (${chunks} × ${cells} cells)`, values: chunks * cells },
      ],
      chunk: [{ field: 'bins', what: `histogram cells of one chunk (${cells})`, values: cells }],
    };
  },
  summarize: (result) => result,
  withSeries: (summary) => summary,
  describe: (c) => `${describeLandscape2d(c)}, η = ${c.eta}, ${c.paths} paths × ${si(c.iterations)} iterations`,
  resultText,
};

function resultText(result: LongRun2DResult | LongRun2DResultSummary): string {
  const out: string[] = [];
  for (const arm of result.arms) {
    out.push(`Arm "${arm.label}" — ${arm.clip === null ? 'unclipped' : `b = ${arm.clip}`}`);
    out.push(
      table(
        ['basin', 'share', 'sojourns', 'mean sojourn'],
        arm.share.map((s, i) => [i + 1, `${(100 * s).toFixed(2)}%`, arm.sojourns[i]?.count ?? 0, arm.sojourns[i]?.count ? arm.sojourns[i].mean : 'none']),
      ),
    );
    out.push('');
  }
  return out.join('\n').trimEnd();
}
