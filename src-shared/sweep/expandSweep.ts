import { configLimits } from '../model/configSchema';
import { expandConfig } from '../model/expandConfig';
import { ConfigError, jsonPath, type FieldIssue } from '../model/validation';
import { fieldProblem, sweepFieldLabels, withField, type SweepBaseConfig, type SweepValue } from './sweepFields';
import { sweepInput, type SweepField } from './sweepSchema';

export interface SweepAxis {
  field: SweepField;
  values: SweepValue[];
}

/** A sweep expanded: its base expanded as a standalone run would be; this is what a sweep run stores. */
export interface SweepConfig {
  kind: 'sweep';
  name: string;
  base: SweepBaseConfig;
  over: SweepAxis[];
}

/** One cell's axis values, keyed by field in axis order, e.g. {clip: 0.3} or {clip: null, alpha: 1.4}. */
export type SweepValues = Partial<Record<SweepField, SweepValue>>;

export interface SweepCell {
  /** Position in grid order (first axis outermost). */
  index: number;
  values: SweepValues;
  /** The complete expanded config of the cell: run alone with it, it gives the cell's numbers. */
  config: SweepBaseConfig;
}

/**
 * Validate a sweep as a user wrote it and expand it. Throws ConfigError naming every offending
 * field by its JSON path within the sweep (`base.arms[0].clip`, `over[0].values[2]`). A value
 * is valid when the cell it makes is a valid standalone config, so each field's range is the base
 * kind's own (α > 1 for Pareto, ν > 1, a positive clip, …) and a family added to the schema
 * brings its rules along.
 */
export function expandSweep(input: unknown): SweepConfig {
  const parsed = sweepInput.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ path: jsonPath(i.path) || 'over', message: i.message })));
  }
  const raw = parsed.data;
  let base: SweepBaseConfig;
  try {
    base = expandConfig(raw.base) as SweepBaseConfig;
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(e.issues.map((i) => ({ path: `base.${i.path}`, message: i.message })));
    throw e;
  }
  const issues: FieldIssue[] = [];
  raw.over.forEach((axis, k) => issues.push(...axisIssues(base, axis, k)));
  if (issues.length) throw new ConfigError(issues);
  const name = raw.name && raw.name.length > 0 ? raw.name : `Sweep of ${base.name} over ${raw.over.map((a) => a.field).join(' × ')}`;
  return { kind: 'sweep', name: name.slice(0, configLimits.name), base, over: raw.over.map((a) => ({ field: a.field, values: [...a.values] })) };
}

function axisIssues(base: SweepBaseConfig, axis: SweepAxis, k: number): FieldIssue[] {
  const problem = fieldProblem(axis.field, base);
  if (problem) return [{ path: `over[${k}].field`, message: problem }];
  const issues: FieldIssue[] = [];
  axis.values.forEach((value, j) => {
    const path = `over[${k}].values[${j}]`;
    if (value === null && axis.field !== 'clip') {
      issues.push({ path, message: `null (unclipped) is a value only for clip; a ${sweepFieldLabels[axis.field]} must be a number` });
      return;
    }
    try {
      expandConfig(withField(base, axis.field, value));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      // The cell's own message, and where in the cell it bites (the arm, the η).
      const first = e.issues[0];
      issues.push({ path, message: `${value}: ${first.message} (at ${first.path} of the cell's config)` });
    }
  });
  return issues;
}

/** The cells in grid order: the first axis outermost, each a complete standalone config. */
export function sweepCells(sweep: SweepConfig): SweepCell[] {
  const cells: SweepCell[] = [];
  const walk = (k: number, values: SweepValues, config: SweepBaseConfig): void => {
    if (k === sweep.over.length) {
      cells.push({ index: cells.length, values, config: { ...config, name: cellName(sweep, values) } });
      return;
    }
    const axis = sweep.over[k];
    for (const v of axis.values) walk(k + 1, { ...values, [axis.field]: v }, withField(config, axis.field, v));
  };
  walk(0, {}, sweep.base);
  return cells;
}

/** How many cells the grid has. */
export function sweepCellCount(over: readonly { values: readonly unknown[] }[]): number {
  return over.reduce((n, a) => n * a.values.length, 1);
}

/** "clip = 0.3, alpha = 1.4" ("clip = unclipped" for null). */
export function cellValuesText(values: SweepValues): string {
  return Object.entries(values)
    .map(([field, v]) => `${field} = ${v === null ? 'unclipped' : v}`)
    .join(', ');
}

function cellName(sweep: SweepConfig, values: SweepValues): string {
  const suffix = ` · ${cellValuesText(values)}`;
  return sweep.name.slice(0, Math.max(0, configLimits.name - suffix.length)) + suffix;
}
