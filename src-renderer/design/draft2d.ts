import type { Config2D } from '../../src-shared/model/config2d';
import type { Landscape2DConfig, Well2D, WellsLandscape2D } from '../../src-shared/theory2d/landscape';
import { WIDE_AND_SHARP } from '../../src-shared/theory2d/presets';

/**
 * One arm of a 2-D run as the designer edits it: every family's parameters are kept while switching.
 * α-stable, Student-t and measured noise exist in 2-D only along the axes (no multivariate law).
 */
export interface DraftArm2D {
  label: string;
  family: 'pareto' | 'gaussian' | 'stable' | 'student' | 'empirical';
  /** Pareto: one isotropic radius with a uniform angle, or independent 1-D Pareto noise per axis. */
  direction: 'isotropic' | 'axes';
  alpha: number;
  scale: number;
  sigma: number;
  nu: number;
  /** Measured noise: the imported asset (imported on the 1-D arms editor) and its tail threshold. */
  asset: string;
  threshold?: number;
  clip: number | null;
}

/** The noise config of a draft arm, as the shared schema reads it. */
function draftNoise2d(a: DraftArm2D): Record<string, unknown> {
  switch (a.family) {
    case 'pareto':
      return { family: 'pareto', alpha: a.alpha, scale: a.scale, direction: a.direction };
    case 'gaussian':
      return { family: 'gaussian', sigma: a.sigma };
    case 'stable':
      return { family: 'stable', alpha: a.alpha, scale: a.scale, direction: 'axes' };
    case 'student':
      return { family: 'student', nu: a.nu, scale: a.scale, direction: 'axes' };
    case 'empirical':
      return { family: 'empirical', asset: a.asset, direction: 'axes', ...(a.threshold === undefined ? {} : { threshold: a.threshold }) };
  }
}

/** A stored arm's noise as draft fields. */
function noiseFields(n: Config2D['arms'][number]['noise']): Partial<DraftArm2D> {
  switch (n.family) {
    case 'pareto':
      return { alpha: n.alpha, scale: n.scale, direction: n.direction };
    case 'gaussian':
      return { sigma: n.sigma };
    case 'stable':
      return { alpha: n.alpha, scale: n.scale, direction: 'axes' };
    case 'student':
      return { nu: n.nu, scale: n.scale, direction: 'axes' };
    case 'empirical':
      return { asset: n.asset, threshold: n.threshold, direction: 'axes' };
  }
}

/**
 * A 2-D landscape as the designer edits it. Müller–Brown is a formula of its own (sent by name);
 * every other landscape is a table of wells, and the wide-and-sharp preset fills that table so its
 * wells can be edited. The wells are kept while Müller–Brown is chosen, so switching back loses nothing.
 */
export interface DraftLandscape2D {
  form: 'wells' | 'muller-brown';
  L: number;
  confinement: number;
  wells: Well2D[];
}

/** The 2-D half of a draft: landscape, start and arms (the kinds' own settings are shared with 1-D). */
export interface Draft2D {
  landscape: DraftLandscape2D;
  x0: [number, number];
  arms: DraftArm2D[];
}

const copyWells = (wells: readonly Well2D[]): Well2D[] => wells.map((w) => ({ center: [w.center[0], w.center[1]], depth: w.depth, width: w.width }));

/** The wells of the wide-and-sharp preset, to fill the table with. */
export function wideAndSharpLandscape(): DraftLandscape2D {
  return { form: 'wells', L: WIDE_AND_SHARP.L, confinement: WIDE_AND_SHARP.confinement, wells: copyWells(WIDE_AND_SHARP.wells) };
}

/** Whether the wells table holds exactly the wide-and-sharp preset (the preset menu then names it). */
export function isWideAndSharp(l: DraftLandscape2D): boolean {
  const p: WellsLandscape2D = WIDE_AND_SHARP;
  return (
    l.form === 'wells' &&
    l.L === p.L &&
    l.confinement === p.confinement &&
    l.wells.length === p.wells.length &&
    l.wells.every((w, k) => w.center[0] === p.wells[k].center[0] && w.center[1] === p.wells[k].center[1] && w.depth === p.wells[k].depth && w.width === p.wells[k].width)
  );
}

export function defaultArm2d(index: number): DraftArm2D {
  return { label: `arm ${index + 1}`, family: 'pareto', direction: 'isotropic', alpha: 1.2, scale: 0.1, sigma: 0.5, nu: 1.5, asset: '', clip: 0.5 };
}

/** The start of a new 2-D design: the wide basin of wide-and-sharp, clipped against unclipped. */
export function defaultDraft2d(): Draft2D {
  return {
    landscape: wideAndSharpLandscape(),
    x0: [-0.8, -0.2],
    arms: [
      { ...defaultArm2d(0), label: 'isotropic, clipped b=0.5' },
      { ...defaultArm2d(1), label: 'isotropic, no clipping', clip: null },
    ],
  };
}

/** The landscape config the draft describes (what a plot of the design draws; check it with the schema first). */
export function draftLandscape2d(l: DraftLandscape2D): Landscape2DConfig {
  return l.form === 'muller-brown' ? { dimension: 2, preset: 'muller-brown' } : { dimension: 2, L: l.L, confinement: l.confinement, wells: copyWells(l.wells) };
}

/** The landscape, x0 and arms of a 2-D config as the shared schema reads them; paths of its issues match the form. */
export function draft2dInput(d: Draft2D): Record<string, unknown> {
  const landscape = draftLandscape2d(d.landscape);
  const arms = d.arms.map((a) => ({
    label: a.label,
    noise: draftNoise2d(a),
    clip: a.clip,
  }));
  return { landscape, x0: [d.x0[0], d.x0[1]], arms };
}

/** The 2-D half of a draft from an expanded (stored) 2-D config. */
export function draft2dFromConfig(c: Config2D): Draft2D {
  const d = defaultDraft2d();
  const l = c.landscape;
  d.landscape = 'preset' in l ? (l.preset === 'muller-brown' ? { ...wideAndSharpLandscape(), form: 'muller-brown' } : wideAndSharpLandscape()) : { form: 'wells', L: l.L, confinement: l.confinement, wells: copyWells(l.wells) };
  d.x0 = [c.x0[0], c.x0[1]];
  d.arms = c.arms.map((a, k) => ({
    ...defaultArm2d(k),
    label: a.label,
    family: a.noise.family,
    ...noiseFields(a.noise),
    clip: a.clip,
  }));
  return d;
}
