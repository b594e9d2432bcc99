import { exitTime2dConfigSchema, exitTime2dInput, type ExitTime2DConfig } from '../model/config2d';
import type { ExitTime2DResult, ExitTime2DResultSummary } from '../model/results2d';
import { meanCells, num, si, table } from '../format/table';
import type { ExperimentKindModule } from './kindModule';
import { theoryReport2d } from '../theory2d/report';
import { describeLandscape2d, expand2d } from './twoDimensional';

/**
 * First exit time σ from the basin of x0 on a 2-D landscape, over a grid of η. The summary keeps
 * the exit times: a 2-D exit-time run is small beside its theory, and its chunks are read by no
 * 1-D series reader.
 */
export const exitTime2dKind: ExperimentKindModule<ExitTime2DConfig, ExitTime2DResult, ExitTime2DResult> = {
  kind: 'exit-time-2d',
  input: exitTime2dInput,
  stored: exitTime2dConfigSchema,
  defaultName: '2-D exit-time experiment',
  resultView: 'Results2D',
  // The R^2 report (`dimension: 2`): minima, saddles, radii and jump counts; no limit constants.
  theory: (c) => theoryReport2d(c.landscape, c.arms),
  expand: (parsed) => expand2d<ExitTime2DConfig>(parsed as ExitTime2DConfig, 'exit-time-2d', exitTime2dKind.defaultName),
  workUpperBound: (c) => c.arms.length * c.etas.length * c.samples * c.maxIterations,
  footprint: (config, chunkIterations) => {
    const samples = config.arms.length * config.etas.length * config.samples;
    return {
      result: [{ field: 'samples', what: `exit-time samples (arms × η × samples = ${samples}), 2 numbers each`, values: 2 * samples }],
      chunk: [{ field: 'samples', what: 'exit times of one chunk', values: 2 * Math.min(config.samples, chunkIterations) }],
    };
  },
  summarize: (result) => result,
  withSeries: (summary) => summary,
  describe: (c) => `${describeLandscape2d(c)}, η ∈ {${c.etas.join(', ')}}, ${c.samples} samples, maxIterations ${si(c.maxIterations)}`,
  resultText,
};

function resultText(result: ExitTime2DResult | ExitTime2DResultSummary): string {
  const out: string[] = [];
  for (const arm of result.arms) {
    out.push(`Arm "${arm.label}" — ${arm.clip === null ? 'unclipped' : `b = ${arm.clip}`}, from basin ${arm.home}`);
    out.push(
      table(
        ['η', 'samples', 'censored', 'mean σ', 'stderr', 'exits to'],
        arm.points.map((p) => [p.eta, p.samples, p.censored, ...meanCells(p), Object.entries(p.exitTo).map(([j, n]) => `basin ${j}: ${n}`).join(', ')]),
      ),
    );
    const fit = arm.fit ? `fitted exponent ${num(arm.fit.slope)} ± ${num(arm.fit.slopeStderr)}` : 'no fit';
    const theory = arm.theory ? `predicted ${num(arm.theory.exponent)} (l* = ${arm.theory.lStar}, ⌈r/b⌉ = ${arm.theory.jumpsByRadius ?? '—'})` : 'no prediction';
    out.push(`  ${fit}; ${theory}`, '');
  }
  return out.join('\n').trimEnd();
}
