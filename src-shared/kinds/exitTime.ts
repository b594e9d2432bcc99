import type { z } from 'zod';
import type { ExitTimeConfig } from '../model/config';
import { exitTimeConfigSchema, exitTimeInput } from '../model/configSchema';
import { exitTimeFootprint } from '../model/memoryBudget';
import type { ExitTimeResult, ExitTimeResultSummary } from '../model/results';
import { meanCells, num, si, table } from '../format/table';
import type { ExperimentKindModule } from './kindModule';
import { expandSingleRun, type SingleRunInput } from '../model/expandConfig';
import { assertType, type Equals } from './typeEquality';

assertType<Equals<z.output<typeof exitTimeConfigSchema>, ExitTimeConfig>>();

/** First exit time σ from the field that contains x0, over a grid of η (Figure 4). */
export const exitTimeKind: ExperimentKindModule<ExitTimeConfig, ExitTimeResult, ExitTimeResultSummary> = {
  kind: 'exit-time',
  input: exitTimeInput,
  stored: exitTimeConfigSchema,
  defaultName: 'Exit-time experiment',
  resultView: 'ExitTimeResults',
  expand: (parsed) => expandSingleRun<ExitTimeConfig>(parsed as SingleRunInput, exitTimeKind.defaultName, () => []),
  workUpperBound: (c) => c.arms.length * c.etas.length * c.samples * c.maxIterations,
  footprint: exitTimeFootprint,
  summarize: (result) => ({
    kind: 'exit-time',
    arms: result.arms.map((arm) => ({ ...arm, points: arm.points.map(({ exitTimes: _, ...point }) => point) })),
  }),
  // Keys in the order a full result has always had them.
  withSeries: (summary, series) => ({
    kind: 'exit-time',
    arms: summary.arms.map((arm, a) => ({
      ...arm,
      points: arm.points.map((p, e) => ({
        eta: p.eta,
        samples: p.samples,
        censored: p.censored,
        mean: p.mean,
        stderr: p.stderr,
        exitTimes: series.exitTimes(a, e),
        exitTo: p.exitTo,
      })),
    })),
  }),
  describe: (c) => `η ∈ {${c.etas.join(', ')}}, ${c.samples} samples, maxIterations ${si(c.maxIterations)}`,
  resultText,
};

function resultText(result: ExitTimeResultSummary): string {
  const out: string[] = [];
  for (const arm of result.arms) {
    out.push(`Arm "${arm.label}" — ${arm.clip === null ? 'unclipped' : `b = ${arm.clip}`}`);
    out.push(
      table(
        ['η', 'samples', 'censored', 'mean σ', 'stderr', 'exits to'],
        arm.points.map((p) => [p.eta, p.samples, p.censored, ...meanCells(p), Object.entries(p.exitTo).map(([j, n]) => `Ω${j}: ${n}`).join(', ')]),
      ),
    );
    const fit = arm.fit ? `fitted exponent ${num(arm.fit.slope)} ± ${num(arm.fit.slopeStderr)} (r² ${num(arm.fit.r2)}, ${arm.fit.points} points)` : 'no fit (fewer than 2 distinct η with uncensored points)';
    const theory = arm.theory ? `predicted β_${arm.theory.field} = ${num(arm.theory.exponent)} (l* = ${arm.theory.lStar})` : 'no prediction (Theorem 1 does not apply)';
    out.push(`  ${fit}; ${theory}`, '');
  }
  return out.join('\n').trimEnd();
}
