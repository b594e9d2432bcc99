import { z } from 'zod';
import { exitTimeConfigSchema, longRunConfigSchema } from '../model/configSchema';
import { exitTime2dConfigSchema, longRun2dConfigSchema } from '../model/config2d';
import type { Footprint } from '../model/memoryBudget';
import { si } from '../format/table';
import { cellValuesText, expandSweep, sweepCells, type SweepConfig } from '../sweep/expandSweep';
import type { SweepResult, SweepResultSummary } from '../sweep/sweepResult';
import { sweepFieldNames, sweepInput } from '../sweep/sweepSchema';
import { sweepTheory } from '../sweep/sweepTheory';
import type { ExperimentKindModule } from './kindModule';
import { experimentKind } from './registry';

/** A sweep as a run stores it: the base expanded as a standalone run, and the axes as given. */
const sweepStored = z.object({
  kind: z.literal('sweep'),
  name: z.string(),
  base: z.discriminatedUnion('kind', [exitTimeConfigSchema, longRunConfigSchema, exitTime2dConfigSchema, longRun2dConfigSchema]),
  over: z.array(z.object({ field: z.enum(sweepFieldNames), values: z.array(z.number().nullable()) })),
}) as unknown as z.ZodType<SweepConfig>;

/**
 * A grid of standalone runs of one base experiment (exit-time or long-run) over one or two of
 * its parameters. Each cell is exactly the run its expanded config would be alone; the sweep
 * only schedules the cells' chunks together and lays their results out in grid order.
 */
export const sweepKind: ExperimentKindModule<SweepConfig, SweepResult, SweepResultSummary> = {
  kind: 'sweep',
  input: sweepInput,
  stored: sweepStored,
  defaultName: 'Sweep',
  resultView: 'SweepResults',
  expand: (parsed) => expandSweep(parsed),
  workUpperBound: (c) => sweepCells(c).reduce((sum, cell) => sum + experimentKind(cell.config.kind).workUpperBound(cell.config), 0),
  footprint(c, chunkIterations) {
    // Every cell's results are held together; one chunk is one cell's chunk.
    const cells = sweepCells(c).map((cell) => experimentKind(cell.config.kind).footprint(cell.config, chunkIterations) as { result: Footprint[]; chunk: Footprint[] });
    const result = cells[0].result.map((f, q) => ({ ...f, what: `${f.what}, summed over ${cells.length} cells`, values: cells.reduce((s, cell) => s + (cell.result[q]?.values ?? 0), 0) }));
    const chunk = cells[0].chunk.map((f, q) => ({ ...f, values: Math.max(...cells.map((cell) => cell.chunk[q]?.values ?? 0)) }));
    return { result, chunk };
  },
  summarize: (result) => ({
    ...result,
    cells: result.cells.map((cell) => ({ values: cell.values, arms: (experimentKind(result.baseKind).summarize({ kind: result.baseKind, arms: cell.arms }) as { arms: unknown[] }).arms })),
  }) as SweepResultSummary,
  // A sweep's series live under each cell's chunk keys; its whole result is aggregated from its chunks (see wholeFromChunks).
  withSeries: (summary) => summary as unknown as SweepResult,
  wholeFromChunks: true,
  describe: (c) =>
    `${c.base.kind} base "${c.base.name}" (${experimentKind(c.base.kind).describe(c.base)}) over ${c.over.map((a) => `${a.field} ∈ {${a.values.map((v) => (v === null ? 'unclipped' : v)).join(', ')}}`).join(' × ')}, ${sweepCells(c).length} cells, at most ${si(sweepKind.workUpperBound(c))} iterations`,
  resultText: (result) =>
    result.cells
      .map((cell) => `— Cell ${cellValuesText(cell.values)}\n${experimentKind(result.baseKind).resultText({ kind: result.baseKind, arms: cell.arms })}`)
      .join('\n\n'),
  theory: (c, eta) => sweepTheory(c, eta),
};
