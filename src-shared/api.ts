import type { ExperimentConfig, ExperimentKind } from './model/config';
import type { FieldIssue } from './model/validation';
import type { RunResult, RunResultSummary } from './model/results';
import type { TheoryReport } from './theory/types';
import type { TheoryReport2D } from './theory2d/types';
import type { SweepTheoryReport } from './sweep/sweepTheory';
import type { NoiseAssetInfo } from './model/noiseAsset';
import type { NoisePreview } from './stats/noisePreview';
import type { RedisCheck, SettingsView } from './settings';
import type { LandscapeMap, LandscapeMapNodes } from './theory2d/landscapeMap';

/** How landscapeMap samples the landscape: nodes per side (the basin map's 257 or every 2nd or 4th node; default 129). */
export interface LandscapeMapOptions {
  nodes?: LandscapeMapNodes;
}

/** Every run status, declared once: the type, LabService's list filter and the run list UI derive from it. */
export const runStatuses = ['queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof runStatuses)[number];

/** The keys listRuns sorts by. */
export const runSortKeys = ['createdAt', 'name', 'status', 'kind', 'duration'] as const;
export type RunSortKey = (typeof runSortKeys)[number];

export interface RunProgress {
  id: number;
  /** Iterations done. */
  done: number;
  /** Total iterations; for exit-time runs an estimate (see `estimated`). */
  total: number;
  estimated: boolean;
  iterationsPerSecond: number;
  /** Seconds left at the current speed; null when unknown. */
  etaSeconds: number | null;
  /** Remote workers serving the run's queue, when it runs on one (absent for this machine's threads). */
  workers?: QueueWorkers;
  /** Why a queued run makes no progress right now; null or absent when nothing holds it up. */
  waiting?: 'no-workers' | 'redis-unreachable' | null;
}

/** The `lab worker` processes connected to a run's queue, as last seen. */
export interface QueueWorkers {
  /** Worker processes. */
  count: number;
  /** Their threads together. */
  threads: number;
  /** Their recent speed together (all runs they serve). */
  iterationsPerSecond: number;
}

export interface RunSummary {
  id: number;
  name: string;
  kind: ExperimentKind;
  status: RunStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  tags: string[];
  notes: string;
  error: string | null;
  progress: RunProgress | null;
  /** Key parameters for tables: arms' labels, η or ηs, samples or paths × iterations. */
  config: ExperimentConfig;
  /** A few numbers per arm once completed; null before. */
  headline: RunHeadline | null;
}

/** Per arm: the fitted exit-time exponent (exit-time runs) or the iterations simulated (long runs). */
export interface RunHeadline {
  arms: { label: string; slope: number | null; iterations: number | null }[];
}

/** A run with its result minus the heavy series: what a detail view loads first. */
export interface RunDetail extends RunSummary {
  result: RunResultSummary | null;
}

/** Which part of one arm's trajectories to draw, and how wide the chart is. */
export interface TrajectoryQuery {
  arm: number;
  /** Iteration range [from, to]; default the whole path. */
  from?: number;
  to?: number;
  /** Pixel columns: each path comes back as at most 2 points per column (default 800). */
  columns?: number;
  /** Paths to return, the first ones (default 8). */
  maxPaths?: number;
}

export interface TrajectoryWindow {
  arm: number;
  thin: number;
  from: number;
  to: number;
  /** Paths the arm has; `paths` holds the first min(maxPaths, totalPaths). */
  totalPaths: number;
  /** Per path: [iteration, X] points reduced to the window, and how many stored points it has in all. */
  paths: { path: number; stored: number; points: [number, number][] }[];
}

export interface RunRecord extends RunSummary {
  /** Aggregates so far while running; final when completed. */
  result: RunResult | null;
}

export interface ListRunsQuery {
  text?: string;
  kind?: string;
  status?: RunStatus;
  tag?: string;
  sort?: RunSortKey;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface RunPage {
  runs: RunSummary[];
  total: number;
}

export interface RunUpdate {
  name?: string;
  tags?: string[];
  notes?: string;
}

export interface PresetInfo {
  id: string;
  title: string;
  description: string;
  /** The config as written in resources/presets (not expanded). */
  config: unknown;
}

export type ExportFormat = 'csv' | 'json';

export interface ExportedFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** What the About view shows: which database this door's service keeps its runs in, and what runs it. */
export interface AppInfo {
  /** Absolute path of the SQLite file; the CLI and `serve` take the same file with --db. */
  databasePath: string;
  version: string;
  /** Electron's version in the desktop app, null behind the CLI and the HTTP server. */
  electron: string | null;
  node: string;
  platform: string;
}

/** One worker's measured speed for one experiment kind and noise family. */
export interface KernelSpeed {
  kind: ExperimentKind;
  /** Measured noise is not calibrated on its own: its sampler costs about what Pareto's does. */
  family: 'pareto' | 'gaussian' | 'stable' | 'student';
  iterationsPerSecond: number;
}

/** What the designer's time estimate divides the work by: measured here, not guessed. */
export interface KernelSpeeds {
  /** Worker threads a run's chunks spread over. */
  workers: number;
  /** Per worker, from a short calibration on a worker (run once per service, then cached). */
  perWorker: KernelSpeed[];
}

/** What importNoise answers: the stored asset (name it in a config) and what its samples look like. */
export interface NoiseImport {
  asset: NoiseAssetInfo;
  preview: NoisePreview;
}

/**
 * A stored asset's samples, so a client can explain a run on measured noise with the same shared
 * code the service uses (the theory's tail H at 1/η also counts body samples, so the fitted tail
 * alone would not do). Plain JSON numbers: a float64 survives JSON exactly (−0 comes back as 0,
 * which no law, mean or order statistic tells apart).
 */
export interface NoiseAssetSamples extends NoiseAssetInfo {
  samples: number[];
}

/**
 * What `theory` answers: the kind's own report (the real line's, the R^d analysis of a 2-D
 * landscape, or a sweep's per-cell reports). A 2-D report says `dimension: 2`; a sweep's has `cells`.
 */
export type LabTheoryReport = TheoryReport | TheoryReport2D | SweepTheoryReport;

/** The one contract every door serves (Electron IPC, HTTP, CLI). All methods are async. */
export interface LabApi {
  presets(): Promise<PresetInfo[]>;
  theory(config: unknown, eta?: number): Promise<LabTheoryReport>;
  /**
   * A 2-D landscape (`{"dimension": 2, …}` as a config writes it) as a contour plot needs it: f on
   * a grid over the box, the basin of each node (from the basin map the kernels and the theory
   * use), numbered minima, index-1 saddles and radii. Computed on a theory thread, cached per landscape.
   */
  landscapeMap(landscape: unknown, options?: LandscapeMapOptions): Promise<LandscapeMap>;
  startRun(config: unknown): Promise<RunSummary>;
  listRuns(query?: ListRunsQuery): Promise<RunPage>;
  getRun(id: number): Promise<RunRecord>;
  /** The run and a small summary of its result (no exit times, no trajectories). */
  getRunDetail(id: number): Promise<RunDetail>;
  /**
   * Every sample's σ for one arm and η (by index), in sample order; what is committed so far.
   * For a sweep, `cell` (its grid index) is required and names the cell: the answer is what the
   * cell's standalone run would give. Other runs take no cell (null or left out).
   */
  getExitTimes(id: number, arm: number, etaIndex: number, cell?: number | null): Promise<number[]>;
  /** One arm's trajectories reduced on the server to a window and a chart width; `cell` as for getExitTimes. */
  getTrajectories(id: number, query: TrajectoryQuery, cell?: number | null): Promise<TrajectoryWindow>;
  cancelRun(id: number): Promise<RunSummary>;
  resumeRun(id: number): Promise<RunSummary>;
  deleteRun(id: number): Promise<void>;
  updateRun(id: number, update: RunUpdate): Promise<RunSummary>;
  exportRun(id: number, format: ExportFormat): Promise<ExportedFile>;
  appInfo(): Promise<AppInfo>;
  kernelSpeeds(): Promise<KernelSpeeds>;
  /**
   * Store measured noise (the text of a CSV or plain file, one number a line) as a content-
   * addressed asset and preview it; `name` is the file's name, used in errors and for display.
   * `threshold` is u on |z| (default the 95% quantile). Bad input stores nothing.
   */
  importNoise(name: string, text: string, threshold?: number): Promise<NoiseImport>;
  /** The samples of a stored asset ("sha256:…", as importNoise answers and configs name it). */
  getNoiseAsset(asset: string): Promise<NoiseAssetSamples>;
  /** The executor and memory budget of this door, and which of them a client may change. */
  getSettings(): Promise<SettingsView>;
  /** Change some settings (a partial LabSettings); refused for fields this door keeps fixed. */
  setSettings(settings: unknown): Promise<SettingsView>;
  /** Whether Redis at `url` (default: the current setting) answers, and which workers serve its queue. */
  testRedis(url?: unknown): Promise<RedisCheck>;
}

/** The method list, declared once; every door derives its handlers or client from it. */
export const labMethods = [
  'presets',
  'theory',
  'landscapeMap',
  'startRun',
  'listRuns',
  'getRun',
  'getRunDetail',
  'getExitTimes',
  'getTrajectories',
  'cancelRun',
  'resumeRun',
  'deleteRun',
  'updateRun',
  'exportRun',
  'appInfo',
  'kernelSpeeds',
  'importNoise',
  'getNoiseAsset',
  'getSettings',
  'setSettings',
  'testRedis',
] as const satisfies readonly (keyof LabApi)[];

export type LabMethod = (typeof labMethods)[number];

/** A long run just ended: the doors tell the user, who may not be watching. */
export interface RunEndNotice {
  name: string;
  /** Wall seconds from start to end. */
  seconds: number;
}

/** How many arguments each method takes, [required, at most]: the doors refuse any other count. */
export const labMethodArity: Record<LabMethod, readonly [number, number]> = {
  presets: [0, 0],
  theory: [1, 2],
  landscapeMap: [1, 2],
  startRun: [1, 1],
  listRuns: [0, 1],
  getRun: [1, 1],
  getRunDetail: [1, 1],
  getExitTimes: [3, 4],
  getTrajectories: [2, 3],
  cancelRun: [1, 1],
  resumeRun: [1, 1],
  deleteRun: [1, 1],
  updateRun: [2, 2],
  exportRun: [2, 2],
  appInfo: [0, 0],
  kernelSpeeds: [0, 0],
  importNoise: [2, 3],
  getNoiseAsset: [1, 1],
  getSettings: [0, 0],
  setSettings: [1, 1],
  testRedis: [0, 1],
};

export interface LabEvents {
  runProgress: RunProgress;
  /**
   * A run was created, changed (status, name, notes, tags) or deleted, by this or any other process;
   * `notice` is set when a run that took longer than the service's notice threshold ended.
   */
  runChanged: { id: number; status: RunStatus; deleted?: boolean; notice?: RunEndNotice };
}

export const labEvents = ['runProgress', 'runChanged'] as const satisfies readonly (keyof LabEvents)[];
export type LabEventName = keyof LabEvents;

export interface LabEventSource {
  on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void;
  /**
   * Called each time an event stream that can drop events (HTTP's, which connects after the page has
   * loaded and reconnects after a break) is connected; events before that moment were missed, so a
   * listener refetches what it shows. Absent where no event can be missed (Electron's IPC).
   */
  onConnected?(listener: () => void): () => void;
}

/** Errors cross every door in this shape. */
export const labErrorCodes = ['invalid', 'unauthorized', 'forbidden', 'not-found', 'conflict', 'internal'] as const;
export type LabErrorCode = (typeof labErrorCodes)[number];

export interface LabErrorData {
  code: LabErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export class LabError extends Error implements LabErrorData {
  readonly code: LabErrorCode;
  readonly issues?: FieldIssue[];
  constructor(data: LabErrorData) {
    super(data.message);
    this.name = 'LabError';
    this.code = data.code;
    if (data.issues) this.issues = data.issues;
  }
  toJSON(): LabErrorData {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}
