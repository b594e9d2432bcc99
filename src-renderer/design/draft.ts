import {
  ConfigError,
  expandConfig,
  landscapePresets,
  type ExperimentConfig,
  type ExperimentKind,
  type FieldIssue,
  type Landscape,
  type Noise,
  unknownFamily,
} from '../../src-shared/model';

/** One arm as the designer edits it: both noise families' parameters are kept while switching. */
export interface DraftArm {
  label: string;
  family: Noise['family'];
  alpha: number;
  scale: number;
  pPlus: number;
  sigma: number;
  clip: number | null;
}

/**
 * The designer's editable state. Numbers may be NaN while the user types something that is
 * not a number; validation (the shared schema) then names the field. Both kinds' settings are
 * kept so switching kind loses nothing.
 */
export interface Draft {
  name: string;
  kind: ExperimentKind;
  landscape: Landscape;
  x0: number;
  seed: number;
  arms: DraftArm[];
  exitTime: { etas: number[]; samples: number; maxIterations: number };
  longRun: { eta: number; paths: number; iterations: number; bins: number; thin: number; epsilon: number };
}

export function defaultArm(index: number): DraftArm {
  return { label: `arm ${index + 1}`, family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5, sigma: 1, clip: 0.5 };
}

export function defaultDraft(): Draft {
  return {
    name: '',
    kind: 'exit-time',
    landscape: structuredClone(landscapePresets.paper) as Landscape,
    x0: -0.7,
    seed: 1,
    arms: [
      { ...defaultArm(0), label: 'clipped b=0.5' },
      { ...defaultArm(1), label: 'no clipping', clip: null },
    ],
    exitTime: { etas: [0.3, 0.2, 0.1], samples: 20, maxIterations: 10_000_000 },
    longRun: { eta: 0.001, paths: 4, iterations: 1_000_000, bins: 200, thin: 250, epsilon: 0.05 },
  };
}

/** The config JSON the shared schema validates; paths of its issues match the form. */
export function draftToInput(d: Draft): Record<string, unknown> {
  const arms = d.arms.map((a) => ({
    label: a.label,
    noise: noiseOfDraft(a),
    clip: a.clip,
  }));
  const common = {
    ...(d.name.trim() ? { name: d.name.trim() } : {}),
    kind: d.kind,
    landscape: { ...d.landscape, criticalPoints: [...d.landscape.criticalPoints] },
    x0: d.x0,
    seed: d.seed,
    arms,
  };
  return d.kind === 'exit-time' ? { ...common, ...d.exitTime, etas: [...d.exitTime.etas] } : { ...common, ...d.longRun };
}

/** Fill a draft from a preset's config (may name a landscape preset) or a stored run's config. */
export function draftFromConfig(config: unknown): Draft {
  const d = defaultDraft();
  let c: ExperimentConfig;
  try {
    c = expandConfig(config);
  } catch {
    return d;
  }
  d.name = c.name;
  d.kind = c.kind;
  d.landscape = { ...c.landscape, criticalPoints: [...c.landscape.criticalPoints] };
  d.x0 = c.x0;
  d.seed = c.seed;
  d.arms = c.arms.map((a, k) => ({
    ...defaultArm(k),
    label: a.label,
    ...draftOfNoise(a.noise),
    clip: a.clip,
  }));
  if (c.kind === 'exit-time') d.exitTime = { etas: [...c.etas], samples: c.samples, maxIterations: c.maxIterations };
  else d.longRun = { eta: c.eta, paths: c.paths, iterations: c.iterations, bins: c.bins, thin: c.thin, epsilon: c.epsilon };
  return d;
}

export type Validation = { ok: true; config: ExperimentConfig } | { ok: false; issues: FieldIssue[] };

/** Validate with the same shared schema the service uses, so the form and the service agree. */
export function validateDraft(d: Draft): Validation {
  try {
    return { ok: true, config: expandConfig(draftToInput(d)) };
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, issues: e.issues };
    return { ok: false, issues: [{ path: '', message: (e as Error).message }] };
  }
}

/**
 * Messages for one form field: its own path and, for list fields, its elements
 * (`etas` collects `etas[2]`), so an error is shown next to the input that caused it.
 */
export function issuesAt(issues: readonly FieldIssue[], path: string): string[] {
  return issues
    .filter((i) => i.path === path || i.path.startsWith(`${path}[`) || (path !== '' && i.path.startsWith(`${path}.`)))
    .map((i) => {
      const rest = i.path.slice(path.length);
      return rest && rest.startsWith('[') && !rest.includes('.') ? `${rest.replace(/\[(\d+)\]/, (_, k) => `item ${Number(k) + 1}`)}: ${i.message}` : i.message;
    });
}

/** Parse "0.1, 0.03 0.01" into numbers; a token that is not a number becomes NaN so validation names it. */
export function parseNumberList(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter((t) => t.length > 0)
    .map(parseNumber);
}

export function formatNumberList(values: readonly number[]): string {
  return values.map((v) => (Number.isNaN(v) ? '?' : String(v))).join(', ');
}

/** Parse one number field; empty or junk is NaN (the schema then says "must be a number"). */
export function parseNumber(text: string): number {
  const t = text.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
}

/** The noise an arm's form fields describe. */
function noiseOfDraft(a: DraftArm): Noise {
  switch (a.family) {
    case 'pareto':
      return { family: 'pareto', alpha: a.alpha, scale: a.scale, pPlus: a.pPlus };
    case 'gaussian':
      return { family: 'gaussian', sigma: a.sigma };
    default:
      return unknownFamily(a.family);
  }
}

/** The form fields of a noise (the other families' fields keep their defaults). */
function draftOfNoise(noise: Noise): Partial<DraftArm> {
  switch (noise.family) {
    case 'pareto':
      return { family: 'pareto', alpha: noise.alpha, scale: noise.scale, pPlus: noise.pPlus };
    case 'gaussian':
      return { family: 'gaussian', sigma: noise.sigma };
    default:
      return unknownFamily(noise);
  }
}
