import { z } from 'zod';
import { configLimits, empiricalNoiseSchema, stableNoiseSchema, studentNoiseSchema } from './configSchema';
import { bounded, count, distinctEtas, finite, uniqueLabels, wanted } from './schemaFields';
import { LANDSCAPE_2D_PRESETS, WIDE_AND_SHARP } from '../theory2d/presets';
import type { Landscape2DConfig, Landscape2DPresetName } from '../theory2d/landscape';

/**
 * Configs of runs on a 2-D landscape (`"dimension": 2`). A user writes `"kind": "exit-time"` or
 * `"long-run"` as in 1-D; the landscape's dimension routes the config to these schemas, and the
 * run stores the kind as `exit-time-2d` / `long-run-2d` so that every reader knows its shape.
 */

const point = () => z.tuple([finite(), finite()], { error: wanted('must be a point [x, y]') });

/** More wells than this make every step's gradient cost dominate; the theory's map grows too. */
const MAX_WELLS = 20;

const well = z.strictObject({
  center: point(),
  depth: bounded(configLimits.scale),
  width: bounded(configLimits.L),
});

const wellsLandscape = z.strictObject({
  dimension: z.literal(2),
  L: bounded(configLimits.L),
  confinement: finite().refine((v) => v >= 0 && v <= configLimits.scale, 'must lie in [0, 1e6]'),
  wells: z.array(well, { error: wanted('must be a list of wells') }).min(1, 'needs at least one well').max(MAX_WELLS, `at most ${MAX_WELLS} wells`),
});

const presetLandscape = z.strictObject({
  dimension: z.literal(2),
  preset: z.enum(LANDSCAPE_2D_PRESETS as [Landscape2DPresetName, ...Landscape2DPresetName[]], {
    error: `unknown 2-D landscape preset (expected one of ${LANDSCAPE_2D_PRESETS.join(', ')})`,
  }),
});

/**
 * The two forms told apart by `preset`, so an error names the field inside the form the user
 * meant (`landscape.wells[0].center[1]`), not only that neither form matched.
 */
export const landscape2dSchema = z.unknown().transform((value, ctx): Landscape2DConfig => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: value === undefined ? 'is required' : 'must be {"dimension": 2, "preset": name} or {"dimension": 2, "L", "confinement", "wells": [...]}' });
    return z.NEVER;
  }
  const parsed = ('preset' in value ? presetLandscape : wellsLandscape).safeParse(value);
  if (parsed.success) return parsed.data as Landscape2DConfig;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as (string | number)[] });
  return z.NEVER;
});

const pareto2d = z.strictObject({
  family: z.literal('pareto'),
  alpha: finite()
    .refine((v) => v > 1, 'α must be > 1 (finite mean)')
    .refine((v) => v <= configLimits.alpha, `α must be at most ${configLimits.alpha}`),
  scale: bounded(configLimits.scale).default(1),
  direction: z.enum(['isotropic', 'axes'], { error: 'must be "isotropic" or "axes"' }).default('isotropic'),
});

const gaussian2d = z.strictObject({
  family: z.literal('gaussian'),
  sigma: bounded(configLimits.scale).default(1),
});

/**
 * Stable, Student-t and measured noise have no isotropic form here (it would need a true
 * multivariate law, which none of them defines): in 2-D they are `axes` noise, independent
 * coordinates each drawn from the 1-D family. `direction` may be left out.
 */
function axesOnly(family: string) {
  return z
    .enum(['axes', 'isotropic'], { error: 'must be "axes"' })
    .default('axes')
    .refine(
      (d) => d === 'axes',
      `${family} noise runs in 2-D only as "axes" (independent coordinates, each the 1-D ${family} law): an isotropic version would need a true multivariate law, which the lab does not define`,
    )
    .transform(() => 'axes' as const);
}

const stable2d = stableNoiseSchema.extend({ direction: axesOnly('stable') });
const student2d = studentNoiseSchema.extend({ direction: axesOnly('Student-t') });
const empirical2d = empiricalNoiseSchema.extend({ direction: axesOnly('measured (empirical)') });

const noise2d = z.discriminatedUnion('family', [pareto2d, gaussian2d, stable2d, student2d, empirical2d], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'unknown noise family (expected "pareto", "gaussian", "stable", "student" or "empirical")' : undefined,
});

const arm2d = z.strictObject({
  label: z.string({ error: wanted('must be a text') }).trim().min(1, 'must not be empty').max(configLimits.label),
  noise: noise2d,
  clip: bounded(configLimits.scale).nullable(),
});

const common2d = {
  name: z.string({ error: wanted('must be a text') }).trim().max(configLimits.name).optional(),
  landscape: landscape2dSchema,
  x0: point(),
  seed: z
    .number({ error: wanted('must be a whole number') })
    .refine((v) => Number.isSafeInteger(v) && v >= 0, 'must be a whole number ≥ 0')
    .default(1),
  arms: z.array(arm2d, { error: wanted('must be a list of arms') }).min(1, 'needs at least one arm').max(configLimits.arms).superRefine(uniqueLabels),
};

export const exitTime2dInput = z.strictObject({
  kind: z.enum(['exit-time', 'exit-time-2d']),
  ...common2d,
  etas: z
    .array(bounded(configLimits.scale), { error: wanted('must be a list of learning rates') })
    .min(1, 'needs at least one η')
    .max(configLimits.etas)
    .superRefine(distinctEtas),
  samples: count(configLimits.samples),
  maxIterations: count(configLimits.iterations).default(1_000_000_000),
});

export const longRun2dInput = z.strictObject({
  kind: z.enum(['long-run', 'long-run-2d']),
  ...common2d,
  eta: bounded(configLimits.scale),
  paths: count(configLimits.paths),
  iterations: count(configLimits.iterations),
  // bins² cells per chunk: a tighter cap than 1-D's.
  bins: count(1000).default(100),
  thin: count(configLimits.iterations).default(250),
  epsilon: bounded(configLimits.L).default(0.05),
});

const stored2d = { name: z.string(), arms: z.array(z.strictObject({ label: z.string(), noise: noise2d, clip: z.number().nullable() })) };
export const exitTime2dConfigSchema = exitTime2dInput.extend({ kind: z.literal('exit-time-2d'), ...stored2d });
export const longRun2dConfigSchema = longRun2dInput.extend({ kind: z.literal('long-run-2d'), ...stored2d });

export type ExitTime2DConfig = z.output<typeof exitTime2dConfigSchema>;
export type LongRun2DConfig = z.output<typeof longRun2dConfigSchema>;
export type Config2D = ExitTime2DConfig | LongRun2DConfig;

/** Whether a config as written puts its run on a 2-D landscape. */
export function isTwoDimensionalInput(input: unknown): boolean {
  const landscape = (input as { landscape?: unknown } | null)?.landscape;
  return landscape !== null && typeof landscape === 'object' && (landscape as { dimension?: unknown }).dimension === 2;
}

/**
 * The landscape a run stores: the wells preset resolved into its wells (a stored run never
 * changes when the preset does); Müller–Brown stays named, its formula is not a sum of wells.
 */
export function storedLandscape2d(landscape: Landscape2DConfig): Landscape2DConfig {
  if ('preset' in landscape && landscape.preset === 'wide-and-sharp') {
    return { ...WIDE_AND_SHARP, wells: WIDE_AND_SHARP.wells.map((w) => ({ ...w, center: [...w.center] as [number, number] })) };
  }
  return 'preset' in landscape ? { ...landscape } : { ...landscape, wells: landscape.wells.map((w) => ({ ...w, center: [...w.center] as [number, number] })) };
}
