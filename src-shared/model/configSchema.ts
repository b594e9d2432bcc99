import { z } from 'zod';
import { landscapePresets } from './landscape';

/** A missing field says so; a present one of the wrong type says what it must be. */
const wanted = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : what;

const finite = () => z.number({ error: wanted('must be a number') }).refine(Number.isFinite, 'must be finite');
const positive = () => finite().refine((v) => v > 0, 'must be > 0');
const count = () =>
  z
    .number({ error: wanted('must be a whole number') })
    .refine((v) => Number.isSafeInteger(v), 'must be a whole number')
    .refine((v) => v >= 1, 'must be at least 1');

const pareto = z.strictObject({
  family: z.literal('pareto'),
  alpha: finite().refine((v) => v > 1, 'α must be > 1 (Assumption 2: finite mean)'),
  scale: positive().default(1),
  pPlus: finite()
    .refine((v) => v >= 0 && v <= 1, 'p₊ must lie in [0, 1]')
    .default(0.5),
});

const gaussian = z.strictObject({
  family: z.literal('gaussian'),
  sigma: positive().default(1),
});

const noise = z.discriminatedUnion('family', [pareto, gaussian], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'unknown noise family (expected "pareto" or "gaussian")' : undefined,
});

const arm = z.strictObject({
  label: z.string({ error: wanted('must be a text') }).trim().min(1, 'must not be empty'),
  noise,
  clip: positive().nullable(),
});

/** Labels name the arms in legends, tables and the CSV `arm` column, so two arms must never share one. */
function uniqueLabels(arms: { label: string }[], ctx: z.RefinementCtx): void {
  const first = new Map<string, number>();
  arms.forEach((a, i) => {
    const earlier = first.get(a.label);
    if (earlier === undefined) first.set(a.label, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `must differ from arms[${earlier}].label ("${a.label}")` });
  });
}

const explicitLandscape = z.strictObject({
  criticalPoints: z.array(finite(), { error: wanted('must be a list of numbers') }),
  L: positive(),
  gradientScale: positive().default(1),
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
  name: z.string({ error: wanted('must be a text') }).trim().max(200, 'at most 200 characters').optional(),
  landscape,
  x0: finite(),
  seed: z
    .number({ error: wanted('must be a whole number') })
    .refine((v) => Number.isSafeInteger(v) && v >= 0, 'must be a whole number ≥ 0')
    .default(1),
  arms: z
    .array(arm, { error: wanted('must be a list of arms') })
    .min(1, 'needs at least one arm')
    .superRefine(uniqueLabels),
};

export const exitTimeInput = z.strictObject({
  kind: z.literal('exit-time'),
  ...common,
  etas: z.array(positive(), { error: wanted('must be a list of learning rates') }).min(1, 'needs at least one η'),
  samples: count(),
  maxIterations: count().default(1_000_000_000),
});

export const longRunInput = z.strictObject({
  kind: z.literal('long-run'),
  ...common,
  eta: positive(),
  paths: count(),
  iterations: count(),
  bins: count().default(200),
  thin: count().default(250),
  epsilon: positive().default(0.05),
});

/** The config JSON as a user writes it (presets allowed, defaults optional). */
export const configInput = z.discriminatedUnion('kind', [exitTimeInput, longRunInput], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'unknown experiment kind (expected "exit-time" or "long-run")' : undefined,
});

export type ConfigInput = z.input<typeof configInput>;
