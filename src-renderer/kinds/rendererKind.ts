import type { ExperimentConfig } from '../../src-shared/model';
import type { RunDetail } from '../../src-shared/api';
import type { TheoryReport } from '../../src-shared/theory';
import type { ExitTimeCurve } from '../charts/exitTimeOption';
import type { SweepExponentInput } from '../charts/sweepExponentOption';
import type { ComparedSweep } from '../charts/sweepCompare';
import type { WorkEstimate } from '../design/estimate';

/** One run's contribution to the Compare page's shared charts (a kind adds to the charts it has data for). */
export interface CompareSeries {
  exitCurves: ExitTimeCurve[];
  occupancy: { label: string; occupancy: number[] }[];
  /** A one-axis exit-time sweep: each arm's fitted exponent per cell, for the shared staircase chart. */
  sweepExponents?: { field: string; input: SweepExponentInput };
  /** A two-axis sweep (heatmaps side by side) or a one-axis long-run sweep (share charts side by side). */
  sweepGrid?: ComparedSweep;
}

/**
 * The renderer half of an experiment kind, without components: what the views need beyond the
 * pure module (src-shared/kinds). Its components (result view, settings inputs) are registered in
 * kindViews.ts; everything else a view would branch on lives here, so a view looks the kind up
 * instead of testing its name. Kept free of components so that plain functions (estimates,
 * theory per η) and their tests need no browser. docs/architecture.md ("Experiment kinds") has the checklist.
 */
export interface RendererKind<Config extends ExperimentConfig = ExperimentConfig> {
  readonly kind: Config['kind'];
  /** Heading of the Design page's card with the kind's own settings. */
  readonly settingsTitle: string;
  /**
   * Top-level config fields the settings view has an input for; an issue at any other path
   * the Design page cannot place is listed above the form, so none is swallowed.
   */
  readonly settingsPaths: readonly string[];
  /**
   * The kind's theory is too costly for the renderer's thread: views ask the lab for it
   * (LabApi.theory) and show the R^d panel instead of computing the real-line report here.
   */
  readonly theoryOnLab?: boolean;
  /** The learning rates at which the theory panel reports, in the config's order. */
  theoryEtas(config: Config): number[];
  /** Which of those reports to show: the one closest to Theorem 1's small-η limit. */
  shownTheoryIndex(config: Config): number;
  /** The field Ω_i(x0) the theory panel highlights, or null when the kind's result is not about one field. */
  startField(config: Config): number | null;
  /** The key parameters in one line, for tables. */
  keyParams(config: Config): string;
  /** The work a run will do; `theoryByEta` follows `theoryEtas`. */
  estimateWork(config: Config, theoryByEta: (TheoryReport | undefined)[]): WorkEstimate;
  /** True when `estimateWork` uses the theory's predicted times (the Design page says so, with the bound). */
  readonly estimateFromTheory: boolean;
  /** Independent pieces of work (samples, paths): more workers than these cannot help. */
  parallelUnits(config: Config): number;
  /** What a run of this kind draws on the Compare page. */
  compareSeries(run: RunDetail & { config: Config }, theoryByEta: TheoryReport[]): CompareSeries;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRendererKind = RendererKind<any>;

/** "n arm(s)", as every kind's key parameters end. */
export function armCount(config: ExperimentConfig): string {
  return `${config.arms.length} arm${config.arms.length === 1 ? '' : 's'}`;
}
