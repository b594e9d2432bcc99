import type { z } from 'zod';
import type { LongRunConfig } from '../model/config';
import { longRunConfigSchema, longRunInput } from '../model/configSchema';
import { fields } from '../model/landscape';
import { longRunFootprint } from '../model/memoryBudget';
import type { LongRunResult, LongRunResultSummary } from '../model/results';
import type { FieldIssue } from '../model/validation';
import { percent, si, table } from '../format/table';
import type { ExperimentKindModule } from './kindModule';
import { expandSingleRun, type SingleRunInput } from '../model/expandConfig';
import { assertType, type Equals } from './typeEquality';

assertType<Equals<z.output<typeof longRunConfigSchema>, LongRunConfig>>();

/** Long paths at one η: occupancy, histogram, transitions, sojourns, trajectories (Figures 1 and 5). */
export const longRunKind: ExperimentKindModule<LongRunConfig, LongRunResult, LongRunResultSummary> = {
  kind: 'long-run',
  input: longRunInput,
  stored: longRunConfigSchema,
  defaultName: 'Long-run experiment',
  resultView: 'LongRunResults',
  expand: (parsed) => expandSingleRun<LongRunConfig>(parsed as SingleRunInput, longRunKind.defaultName, epsilonIssues),
  workUpperBound: (c) => c.arms.length * c.paths * c.iterations,
  footprint: longRunFootprint,
  summarize: (result) => ({ kind: 'long-run', arms: result.arms.map(({ trajectories: _, ...arm }) => arm) }),
  withSeries: (summary, series) => ({
    kind: 'long-run',
    arms: summary.arms.map((arm, a) => ({
      label: arm.label,
      clip: arm.clip,
      iterations: arm.iterations,
      occupancy: arm.occupancy,
      histogram: arm.histogram,
      trajectories: series.trajectories(a),
      transitions: arm.transitions,
      sojourns: arm.sojourns,
    })),
  }),
  describe: (c) => `η = ${c.eta}, ${c.paths} paths × ${si(c.iterations)} iterations`,
  resultText,
};

/** The ε-ball around m_i must lie inside Ω_i, or a minimum-to-minimum move is ill-defined. */
function epsilonIssues(config: LongRunConfig): FieldIssue[] {
  for (const f of fields(config.landscape)) {
    if (f.minimum - config.epsilon <= f.left || f.minimum + config.epsilon >= f.right) {
      return [
        {
          path: 'epsilon',
          message: `the ball [m${f.index} − ε, m${f.index} + ε] must lie inside Ω${f.index} = (${f.left}, ${f.right})`,
        },
      ];
    }
  }
  return [];
}

function resultText(result: LongRunResultSummary): string {
  const out: string[] = [];
  for (const arm of result.arms) {
    const n = arm.occupancy.length;
    out.push(`Arm "${arm.label}" — ${arm.clip === null ? 'unclipped' : `b = ${arm.clip}`} · ${si(arm.iterations)} iterations`);
    out.push(
      table(
        ['field', 'time in Ω_i', 'sojourns', 'mean sojourn', 'stderr'],
        arm.occupancy.map((o, i) => {
          // Runs stored before these were null hold 0 for them; the count decides what exists.
          const s = arm.sojourns[i];
          const count = s?.count ?? 0;
          const mean = count > 0 && s?.mean != null ? s.mean : 'none';
          const stderr = count > 1 && s?.stderr != null ? s.stderr : count === 1 ? '— (one sojourn)' : 'none';
          return [`Ω${i + 1}`, percent(o), count, mean, stderr];
        }),
      ),
    );
    out.push('  transitions m_i → m_j:');
    out.push(
      table(
        ['from \\ to', ...Array.from({ length: n }, (_, j) => `m${j + 1}`)],
        arm.transitions.map((row, i) => [`m${i + 1}`, ...row]),
      )
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
    out.push('');
  }
  return out.join('\n').trimEnd();
}
