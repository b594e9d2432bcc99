import { z } from 'zod';
import { configLimits, exitTimeInput, longRunInput } from '../model/configSchema';
import { exitTime2dInput, isTwoDimensionalInput, longRun2dInput } from '../model/config2d';

/** The parameters a sweep axis may vary; which arms each one touches is in sweepFields.ts. */
export const sweepFieldNames = ['clip', 'alpha', 'nu', 'scale', 'sigma', 'eta'] as const;
export type SweepField = (typeof sweepFieldNames)[number];

export const sweepLimits = {
  /** Most cells of a grid (the product of the axes' lengths). */
  cells: 400,
  axes: 2,
} as const;

const wanted = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : what);

/** A number, or null (allowed by the schema for every field; expandSweep accepts it only for clip = unclipped). */
const axisValue = z
  .number({
    // zod turns ±Infinity and NaN away before any refinement; say why rather than "not a number".
    error: (issue) => (typeof issue.input === 'number' ? 'must be finite' : wanted('must be a number (or null for an unclipped clip)')(issue)),
  })
  .refine(Number.isFinite, 'must be finite')
  .nullable();

const axis = z.strictObject({
  field: z.enum(sweepFieldNames, { error: `must be one of ${sweepFieldNames.join(', ')}` }),
  values: z
    .array(axisValue, { error: wanted('must be a list of values') })
    .min(1, 'needs at least one value')
    .max(sweepLimits.cells, `at most ${sweepLimits.cells} values`)
    .superRefine((values, ctx) => {
      // A repeated value is a repeated cell: the same numbers twice, and a degenerate axis.
      values.forEach((v, k) => {
        const first = values.indexOf(v);
        if (first !== k) ctx.addIssue({ code: 'custom', path: [k], message: `${v} repeats values[${first}]; the values must be distinct` });
      });
    }),
});

const notAnExperiment = (issue: { code: string }) =>
  issue.code === 'invalid_union' ? 'a sweep\'s base must be an "exit-time" or "long-run" experiment' : undefined;

/**
 * The base of a sweep: the experiment kinds' own schemas, imported so a sweep's base accepts
 * exactly what a standalone run does (and never another sweep). A landscape with
 * `"dimension": 2` routes the base to the 2-D schemas, as it routes a standalone config.
 */
const oneDimensionalBase = z.discriminatedUnion('kind', [exitTimeInput, longRunInput], { error: notAnExperiment });
const twoDimensionalBase = z.discriminatedUnion('kind', [exitTime2dInput, longRun2dInput], { error: notAnExperiment });

export const sweepBaseInput = z.unknown().transform((base, ctx) => {
  const parsed = (isTwoDimensionalInput(base) ? twoDimensionalBase : oneDimensionalBase).safeParse(base);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as (string | number)[] });
  return z.NEVER;
});

/** `kind: "sweep"` as a user writes it: a base experiment and one or two axes. */
export const sweepInput = z.strictObject({
  kind: z.literal('sweep'),
  name: z
    .string({ error: wanted('must be a text') })
    .trim()
    .max(configLimits.name, `at most ${configLimits.name} characters`)
    .optional(),
  base: sweepBaseInput,
  over: z
    .array(axis, { error: wanted('must be a list of axes [{"field": …, "values": […]}]') })
    .min(1, 'needs at least one axis')
    .max(sweepLimits.axes, `at most ${sweepLimits.axes} axes`)
    .superRefine((axes, ctx) => {
      axes.forEach((a, k) => {
        const first = axes.findIndex((b) => b.field === a.field);
        if (first !== k) ctx.addIssue({ code: 'custom', path: [k, 'field'], message: `repeats over[${first}].field ("${a.field}")` });
      });
      const cells = axes.reduce((n, a) => n * a.values.length, 1);
      if (cells > sweepLimits.cells) {
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: `${axes.map((a) => a.values.length).join(' × ')} = ${cells} cells; at most ${sweepLimits.cells}`,
        });
      }
    }),
});

export type SweepInput = z.input<typeof sweepInput>;
