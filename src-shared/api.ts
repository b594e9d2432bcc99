import type { ExperimentConfig, ExperimentKind } from './model/config';
import type { FieldIssue } from './model/validation';
import type { RunResult } from './model/results';
import type { TheoryReport } from './theory/types';

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
}

export interface RunRecord extends RunSummary {
  /** Aggregates so far while running; final when completed. */
  result: RunResult | null;
}

export interface ListRunsQuery {
  text?: string;
  kind?: ExperimentKind;
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

/** One worker's measured speed for one experiment kind and noise family. */
export interface KernelSpeed {
  kind: ExperimentKind;
  family: 'pareto' | 'gaussian';
  iterationsPerSecond: number;
}

/** What the designer's time estimate divides the work by: measured here, not guessed. */
export interface KernelSpeeds {
  /** Worker threads a run's chunks spread over. */
  workers: number;
  /** Per worker, from a short calibration on a worker (run once per service, then cached). */
  perWorker: KernelSpeed[];
}

/** The one contract every door serves (Electron IPC, HTTP, CLI). All methods are async. */
export interface LabApi {
  presets(): Promise<PresetInfo[]>;
  theory(config: unknown, eta?: number): Promise<TheoryReport>;
  startRun(config: unknown): Promise<RunSummary>;
  listRuns(query?: ListRunsQuery): Promise<RunPage>;
  getRun(id: number): Promise<RunRecord>;
  cancelRun(id: number): Promise<RunSummary>;
  resumeRun(id: number): Promise<RunSummary>;
  deleteRun(id: number): Promise<void>;
  updateRun(id: number, update: RunUpdate): Promise<RunSummary>;
  exportRun(id: number, format: ExportFormat): Promise<ExportedFile>;
  kernelSpeeds(): Promise<KernelSpeeds>;
}

/** The method list, declared once; every door derives its handlers or client from it. */
export const labMethods = [
  'presets',
  'theory',
  'startRun',
  'listRuns',
  'getRun',
  'cancelRun',
  'resumeRun',
  'deleteRun',
  'updateRun',
  'exportRun',
  'kernelSpeeds',
] as const satisfies readonly (keyof LabApi)[];

export type LabMethod = (typeof labMethods)[number];

/** A long run just ended: the doors tell the user, who may not be watching. */
export interface RunEndNotice {
  name: string;
  /** Wall seconds from start to end. */
  seconds: number;
}

export interface LabEvents {
  runProgress: RunProgress;
  /** `notice` is set when a run that took longer than the service's notice threshold ended. */
  runChanged: { id: number; status: RunStatus; notice?: RunEndNotice };
}

export const labEvents = ['runProgress', 'runChanged'] as const satisfies readonly (keyof LabEvents)[];
export type LabEventName = keyof LabEvents;

export interface LabEventSource {
  on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void;
}

/** Errors cross every door in this shape. */
export type LabErrorCode = 'invalid' | 'not-found' | 'conflict' | 'internal';

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
