import { z } from 'zod';
import { landscapePresets } from './landscape';
import { ASSET_NAME } from './noiseAsset';
import { bounded, count, distinctEtas, finite, positive, text, uniqueLabels, wanted } from './schemaFields';

/**
 * Bounds on sizes and scales, so that nothing the schema accepts can fail later for size. Sizes
 * that multiply (paths × iterations / thin, bins × chunks, samples) are further checked against
 * the memory budget (memoryBudget.ts) once the config is expanded.
 */
export const configLimits = {
  /** Largest |L|: 2L and x^(critical points) stay far from overflow, histogram edges stay numbers. */
  L: 1e6,
  /** Largest κ, noise scale and σ. */
  scale: 1e6,
  /** Largest α: beyond it the Pareto tail is lighter than any experiment can see. */
  alpha: 1e3,
  /** Most critical points (m1, s1, …, mn): the theory's cost grows with n² · fields, see README. */
  criticalPoints: 101,
  arms: 20,
  etas: 100,
  label: 100,
  name: 200,
  /** Most iterations per path or per exit-time sample (10^15: about a year of one core). */
  iterations: 1e15,
  paths: 10_000,
  samples: 10_000_000,
  /** Far more than any screen shows; each chunk carries its own histogram. */
  bins: 100_000,
} as const;

const pareto = z.strictObject({
  family: z.literal('pareto'),
  alpha: finite()
    .refine((v) => v > 1, 'α must be > 1 (Assumption 2: finite mean)')
    .refine((v) => v <= configLimits.alpha, `α must be at most ${configLimits.alpha}`),
  scale: bounded(configLimits.scale).default(1),
  pPlus: finite()
    .refine((v) => v >= 0 && v <= 1, 'p₊ must lie in [0, 1]')
    .default(0.5),
});

const gaussian = z.strictObject({
  family: z.literal('gaussian'),
  sigma: bounded(configLimits.scale).default(1),
});

/** Symmetric α-stable; α = 2 would be Gaussian (light-tailed), so the open interval. */
export const stableNoiseSchema = z.strictObject({
  family: z.literal('stable'),
  alpha: finite().refine((v) => v > 1 && v < 2, 'α must lie in (1, 2) (α > 1: finite mean; α = 2 is Gaussian)'),
  scale: bounded(configLimits.scale).default(1),
});

export const studentNoiseSchema = z.strictObject({
  family: z.literal('student'),
  nu: finite()
    .refine((v) => v > 1, 'ν must be > 1 (finite mean)')
    .refine((v) => v <= configLimits.alpha, `ν must be at most ${configLimits.alpha}`),
  scale: bounded(configLimits.scale).default(1),
});

/** Measured noise as a run stores it: by asset name, never by file. */
export const empiricalNoiseSchema = z.strictObject({
  family: z.literal('empirical'),
  asset: z
    .string({ error: wanted('must be an asset name ("sha256:" and 64 hex digits)') })
    .regex(ASSET_NAME, 'must be an asset name ("sha256:" and 64 hex digits), as importNoise returns'),
  threshold: finite().refine((v) => v > 0, 'must be > 0').optional(),
});

/**
 * Measured noise as a user writes it. Only the CLI reads files, turning `file` (or `samples`) into
 * `asset` before validation; every other door uploads the samples first (importNoise), so a
 * `file` that reaches the schema gets an answer saying so rather than "unknown key".
 */
const empiricalInput = empiricalNoiseSchema.extend({
  file: z.never({ error: 'a file is read only by the CLI (lab run/theory); elsewhere import the samples and give their "asset"' }).optional(),
});

const noiseOf = <E extends typeof empiricalNoiseSchema | typeof empiricalInput>(empiricalNoise: E) =>
  z.discriminatedUnion('family', [pareto, gaussian, stableNoiseSchema, studentNoiseSchema, empiricalNoise], {
    error: (issue) =>
      issue.code === 'invalid_union' ? 'unknown noise family (expected "pareto", "gaussian", "stable", "student" or "empirical")' : undefined,
  });

const armsOf = <E extends typeof empiricalNoiseSchema | typeof empiricalInput>(empiricalNoise: E) =>
  z
    .array(
      z.strictObject({
        label: text(configLimits.label),
        noise: noiseOf(empiricalNoise),
        clip: bounded(configLimits.scale).nullable(),
      }),
      { error: wanted('must be a list of arms') },
    )
    .min(1, 'needs at least one arm')
    .max(configLimits.arms, `at most ${configLimits.arms} arms`)
    .superRefine(uniqueLabels);

const explicitLandscape = z.strictObject({
  // The count is capped in landscapeIssues, where the message names this field.
  criticalPoints: z.array(finite(), { error: wanted('must be a list of numbers') }),
  L: bounded(configLimits.L),
  gradientScale: bounded(configLimits.scale).default(1),
});

const presetLandscape = z.strictObject({
  preset: z.enum(Object.keys(landscapePresets) as [keyof typeof landscapePresets], {
    error: `unknown landscape preset (expected one of ${Object.keys(landscapePresets).join(', ')})`,
  }),
});

const landscape = z.union([presetLandscape, explicitLandscape], {
  error: (issue) => issue.input === undefined ? 'is required' : 'must be {"preset": name} or {"criticalPoints": [...], "L": number, "gradientScale": number}',
});

const common = {
  name: z.string({ error: wanted('must be a text') }).trim().max(configLimits.name, `at most ${configLimits.name} characters`).optional(),
  landscape,
  x0: finite(),
  seed: z
    .number({ error: wanted('must be a whole number') })
    .refine((v) => Number.isSafeInteger(v) && v >= 0, 'must be a whole number ≥ 0')
    .default(1),
  arms: armsOf(empiricalInput),
};

export const exitTimeInput = z.strictObject({
  kind: z.literal('exit-time'),
  ...common,
  etas: z
    .array(bounded(configLimits.scale), { error: wanted('must be a list of learning rates') })
    .min(1, 'needs at least one η')
    .max(configLimits.etas, `at most ${configLimits.etas} values of η`)
    .superRefine(distinctEtas),
  samples: count(configLimits.samples),
  maxIterations: count(configLimits.iterations).default(1_000_000_000),
});

export const longRunInput = z.strictObject({
  kind: z.literal('long-run'),
  ...common,
  eta: bounded(configLimits.scale),
  paths: count(configLimits.paths),
  iterations: count(configLimits.iterations),
  bins: count(configLimits.bins).default(200),
  thin: count(configLimits.iterations).default(250),
  epsilon: positive().default(0.05),
});

/**
 * The config JSON as a user writes it (presets allowed, defaults optional) for the lab's own
 * kinds. Parsing goes through the kind registry (expandConfig), which knows every registered kind.
 */
export type ConfigInput = z.input<typeof exitTimeInput> | z.input<typeof longRunInput>;

/**
 * The expanded configs as a run stores them (presets resolved, defaults filled, a name given):
 * stored configs are read back through these, and their output types are the config types
 * (each kind module checks that at compile time).
 */
const storedCommon = {
  name: z.string(),
  landscape: explicitLandscape,
  arms: armsOf(empiricalNoiseSchema),
};
export const exitTimeConfigSchema = exitTimeInput.extend(storedCommon);
export const longRunConfigSchema = longRunInput.extend(storedCommon);
