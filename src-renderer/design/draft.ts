import {
  ConfigError,
  expandConfig,
  landscapePresets,
  type ExperimentConfig,
  type ExperimentKind,
  type FieldIssue,
  type Landscape,
  type Noise,
  type NoiseFamily,
} from '../../src-shared/model';
import type { Config2D } from '../../src-shared/model/config2d';
import { defaultDraft2d, draft2dFromConfig, draft2dInput, type Draft2D } from './draft2d';

/** One arm as the designer edits it: every noise family's parameters are kept while switching. */
export interface DraftArm {
  label: string;
  family: NoiseFamily;
  /** Pareto's and the stable law's α. */
  alpha: number;
  scale: number;
  pPlus: number;
  sigma: number;
  /** Student-t's ν. */
  nu: number;
  /** Measured noise: the imported asset's name ("sha256:…"), null before an import. */
  asset: string | null;
  /** The file it came from (display only). */
  assetLabel: string;
  /** u on |z|; null for the default quantile. */
  threshold: number | null;
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
  /** A run on the real line (landscape, x0, arms below) or on a 2-D landscape (`twoD`). */
  dimension: 1 | 2;
  twoD: Draft2D;
  landscape: Landscape;
  x0: number;
  seed: number;
  arms: DraftArm[];
  exitTime: { etas: number[]; samples: number; maxIterations: number };
  longRun: { eta: number; paths: number; iterations: number; bins: number; thin: number; epsilon: number };
}

export function defaultArm(index: number): DraftArm {
  return { label: `arm ${index + 1}`, family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5, sigma: 1, nu: 1.2, asset: null, assetLabel: '', threshold: null, clip: 0.5 };
}

export function defaultDraft(): Draft {
  return {
    name: '',
    kind: 'exit-time',
    dimension: 1,
    twoD: defaultDraft2d(),
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

/** The registered kind the draft designs: a 2-D draft's kind is its 1-D name's 2-D variant. */
export function draftKind(d: Draft): string {
  return d.dimension === 2 ? `${d.kind}-2d` : d.kind;
}

/** The kind's own settings as the schema reads them (the same field names in 1-D and 2-D). */
function kindSettings(d: Draft): Record<string, unknown> {
  return d.kind === 'exit-time' ? { ...d.exitTime, etas: [...d.exitTime.etas] } : { ...d.longRun };
}

/** The config JSON the shared schema validates; paths of its issues match the form. */
export function draftToInput(d: Draft): Record<string, unknown> {
  if (d.dimension === 2) return { ...(d.name.trim() ? { name: d.name.trim() } : {}), kind: d.kind, ...draft2dInput(d.twoD), seed: d.seed, ...kindSettings(d) };
  const arms = d.arms.map((a) => ({ label: a.label, noise: draftNoise(a), clip: a.clip }));
  const common = {
    ...(d.name.trim() ? { name: d.name.trim() } : {}),
    kind: d.kind,
    landscape: { ...d.landscape, criticalPoints: [...d.landscape.criticalPoints] },
    x0: d.x0,
    seed: d.seed,
    arms,
  };
  return { ...common, ...kindSettings(d) };
}

/** Fill a draft from a preset's config (may name a landscape preset) or a stored run's config. */
export function draftFromConfig(config: unknown): Draft {
  const d = defaultDraft();
  let c: ExperimentConfig | Config2D;
  try {
    c = expandConfig(config) as ExperimentConfig | Config2D;
  } catch {
    return d;
  }
  d.name = c.name;
  d.seed = c.seed;
  if (isTwoDimensional(c)) {
    d.dimension = 2;
    d.kind = c.kind === 'exit-time-2d' ? 'exit-time' : 'long-run';
    d.twoD = draft2dFromConfig(c);
    if (c.kind === 'exit-time-2d') d.exitTime = { etas: [...c.etas], samples: c.samples, maxIterations: c.maxIterations };
    else d.longRun = { eta: c.eta, paths: c.paths, iterations: c.iterations, bins: c.bins, thin: c.thin, epsilon: c.epsilon };
    return d;
  }
  d.kind = c.kind;
  d.landscape = { ...c.landscape, criticalPoints: [...c.landscape.criticalPoints] };
  d.x0 = c.x0;
  d.arms = c.arms.map((a, k) => ({ ...defaultArm(k), label: a.label, family: a.noise.family, ...noiseFields(a.noise), clip: a.clip }));
  if (c.kind === 'exit-time') d.exitTime = { etas: [...c.etas], samples: c.samples, maxIterations: c.maxIterations };
  else d.longRun = { eta: c.eta, paths: c.paths, iterations: c.iterations, bins: c.bins, thin: c.thin, epsilon: c.epsilon };
  return d;
}

/** The model's config union names the runs on the real line; a 2-D run's config comes through the same doors. */
function isTwoDimensional(c: ExperimentConfig | Config2D): c is Config2D {
  return c.kind === 'exit-time-2d' || c.kind === 'long-run-2d';
}

/** The noise of a draft arm as the schema reads it (an empirical arm with no import yet has asset ""). */
function draftNoise(a: DraftArm): Record<string, unknown> {
  switch (a.family) {
    case 'pareto':
      return { family: 'pareto', alpha: a.alpha, scale: a.scale, pPlus: a.pPlus };
    case 'gaussian':
      return { family: 'gaussian', sigma: a.sigma };
    case 'stable':
      return { family: 'stable', alpha: a.alpha, scale: a.scale };
    case 'student':
      return { family: 'student', nu: a.nu, scale: a.scale };
    case 'empirical':
      return { family: 'empirical', asset: a.asset ?? '', ...(a.threshold !== null ? { threshold: a.threshold } : {}) };
    default:
      return unknownDraftFamily(a.family);
  }
}

/** The draft fields of a config's noise. */
function noiseFields(noise: Noise): Partial<DraftArm> {
  switch (noise.family) {
    case 'pareto':
      return { alpha: noise.alpha, scale: noise.scale, pPlus: noise.pPlus };
    case 'gaussian':
      return { sigma: noise.sigma };
    case 'stable':
      return { alpha: noise.alpha, scale: noise.scale };
    case 'student':
      return { nu: noise.nu, scale: noise.scale };
    case 'empirical':
      return { asset: noise.asset, assetLabel: noise.asset.slice(0, 15), threshold: noise.threshold ?? null };
    default:
      return unknownDraftFamily(noise);
  }
}

function unknownDraftFamily(family: never): never {
  throw new Error(`unknown noise family ${JSON.stringify(family)}`);
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

