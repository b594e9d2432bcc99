import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import {
  LabError,
  type ExportedFile,
  type KernelSpeeds,
  type LabApi,
  type LabEventName,
  type LabEvents,
  type LabEventSource,
  type PresetInfo,
  type RunPage,
  type RunEndNotice,
  type RunProgress,
  type RunRecord,
  type RunStatus,
  type RunSummary,
} from '../src-shared/api';
import type { ExperimentConfig } from '../src-shared/model/config';
import type { TheoryReport } from '../src-shared/theory/types';
import { openDatabase, type Database } from './store/database';
import { RunsRepository, type RunOwner } from './store/runsRepository';
import { SqliteChunkCheckpoints } from './store/chunkCheckpoints';
import { rowToRecord, rowToSummary, type RunRow } from './store/runRow';
import { HEARTBEAT_INTERVAL_MS, registerOwnerToken, unregisterOwnerToken } from './store/ownerLiveness';
import { EnginePool } from './engine/executor/enginePool';
import type { RunExecution, RunOutcome } from './engine/runExecutor.types';
import { aggregateRun } from './engine/aggregate/aggregateRun';
import { measureKernelSpeeds } from './engine/kernelSpeed';
import { experimentPresets } from './presets';
import { exportRun } from './export/exportRun';
import { labTheory } from './service/theory';
import { validConfig, validFormat, validId, validListQuery, validUpdate } from './service/inputs';

export interface LabServiceOptions {
  /** The SQLite file holding runs and their committed chunks (created if missing). */
  dbPath: string;
  /** Worker threads; default: the pool's choice (one per core). */
  workers?: number;
  /** The bundled worker entry (out/node/worker.js, or Electron's bundled path). */
  workerUrl?: URL | string;
  /** better_sqlite3.node built for this runtime (Electron passes its ABI build). */
  nativeBinding?: string;
  /** Iterations per chunk (default: the engine's, about a second of work). Results never depend on it. */
  chunkIterations?: number;
  /** A run that took longer than this and ended carries a notice in its runChanged event (60). */
  noticeAfterSeconds?: number;
}

/** A run this service executes right now. */
interface ActiveRun {
  id: number;
  execution: RunExecution;
  /** Why we stop it, if we do: the outcome is then recorded accordingly. */
  stopping: null | 'cancel' | 'interrupt' | 'lost';
  progress: RunProgress | null;
  settled: Promise<void>;
}

/** Statuses from which resumeRun continues a run from its committed chunks. */
const resumable: readonly RunStatus[] = ['interrupted', 'cancelled', 'failed'];
/** How long cancelRun waits for another process to honour a cancel request. */
const REMOTE_CANCEL_WAIT_MS = 5000;
/** Runs longer than this end with a desktop notification (the user has likely looked away). */
const DEFAULT_NOTICE_AFTER_SECONDS = 60;
/** How long close() waits for cancelled executions before closing the pool anyway. */
const CLOSE_WAIT_MS = 10_000;

/**
 * LabApi implemented with the engine (worker pool) and the store (SQLite). The one place
 * where inputs are validated; the doors (IPC, HTTP, CLI) only pass arguments through.
 *
 * Durability: a run is owned by this process (pid + instance token + heartbeat) while queued or
 * running; every finished chunk is committed; a run whose owner died is reported interrupted
 * and resumeRun continues it. Cancel requests are recorded in the database, so any process
 * can cancel any run: the owner sees the request at its next heartbeat.
 */
export class LabService implements LabApi, LabEventSource {
  private readonly db: Database;
  private readonly runs: RunsRepository;
  private readonly checkpoints: SqliteChunkCheckpoints;
  private readonly owner: RunOwner;
  private readonly events = new EventEmitter();
  private readonly active = new Map<number, ActiveRun>();
  private readonly heartbeat: NodeJS.Timeout;
  private pool: EnginePool | null = null;
  private closing: Promise<void> | null = null;
  private speeds: Promise<KernelSpeeds> | null = null;

  constructor(private readonly options: LabServiceOptions) {
    this.db = openDatabase(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    this.runs = new RunsRepository(this.db);
    this.checkpoints = new SqliteChunkCheckpoints(this.db);
    this.owner = { pid: process.pid, token: randomUUID() };
    registerOwnerToken(this.owner.token);
    this.events.setMaxListeners(0);
    this.heartbeat = setInterval(() => this.pulse(), HEARTBEAT_INTERVAL_MS);
    // The pulse must not keep a process alive on its own (the CLI exits when its run ends).
    this.heartbeat.unref();
  }

  on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  async presets(): Promise<PresetInfo[]> {
    return structuredClone(experimentPresets as PresetInfo[]);
  }

  async theory(config: unknown, eta?: number): Promise<TheoryReport> {
    return labTheory(config, eta);
  }

  async startRun(input: unknown): Promise<RunSummary> {
    this.assertOpen();
    const config = validConfig(input);
    const id = this.runs.create(config, this.owner);
    this.emitStatus(id, 'queued');
    this.launch(id, config);
    return this.summary(id);
  }

  async listRuns(query?: unknown): Promise<RunPage> {
    const q = validListQuery(query);
    this.runs.reapDeadOwners();
    const { runs, total } = this.runs.page(q);
    return { runs: runs.map((r) => this.withLiveProgress(r)), total };
  }

  async getRun(id: number): Promise<RunRecord> {
    const row = this.row(validId(id));
    const record = rowToRecord(row);
    const live = this.active.get(row.id);
    if (live) {
      // Partial aggregates straight from the executor while it runs here.
      record.result = live.execution.partial() ?? record.result;
      record.progress = live.execution.progress();
    } else if (record.status !== 'completed' && record.result === null) {
      // Interrupted, cancelled, failed or running elsewhere: aggregate what is committed.
      record.result = aggregateRun(record.config, this.checkpoints.completed(row.id));
    }
    return record;
  }

  async cancelRun(id: number): Promise<RunSummary> {
    const row = this.row(validId(id));
    const live = this.active.get(row.id);
    if (live) {
      live.stopping ??= 'cancel';
      this.runs.requestCancel(row.id);
      live.execution.cancel();
      await live.settled;
      return this.summary(row.id);
    }
    switch (row.status) {
      case 'queued':
      case 'running':
        // Owned by another live process: record the request and give it time to stop.
        this.runs.requestCancel(row.id);
        return this.waitUntilStopped(row.id, REMOTE_CANCEL_WAIT_MS);
      case 'interrupted':
        this.runs.cancelUnowned(row.id);
        this.emitStatus(row.id, 'cancelled');
        return this.summary(row.id);
      case 'cancelled':
        return rowToSummary(row);
      default:
        throw new LabError({ code: 'conflict', message: `Run ${row.id} is already ${row.status}; there is nothing to cancel.` });
    }
  }

  async resumeRun(id: number): Promise<RunSummary> {
    this.assertOpen();
    const runId = validId(id);
    const claim = this.runs.claim(runId, this.owner, resumable);
    if (claim === 'not-found') throw notFound(runId);
    if (claim !== 'claimed') {
      const why = claim === 'completed' ? 'it is already completed' : `it is ${claim} (in a live process)`;
      throw new LabError({ code: 'conflict', message: `Run ${runId} cannot be resumed: ${why}. Only ${resumable.join(', ')} runs can.` });
    }
    this.emitStatus(runId, 'queued');
    const config = JSON.parse(this.row(runId).config) as ExperimentConfig;
    this.launch(runId, config);
    return this.summary(runId);
  }

  async deleteRun(id: number): Promise<void> {
    const row = this.row(validId(id));
    const live = this.active.get(row.id);
    if (live) {
      live.stopping ??= 'cancel';
      live.execution.cancel();
      await live.settled;
    } else if (row.status === 'queued' || row.status === 'running') {
      throw new LabError({ code: 'conflict', message: `Run ${row.id} is ${row.status} in another process; cancel it first.` });
    }
    this.runs.delete(row.id);
  }

  async updateRun(id: number, update: unknown): Promise<RunSummary> {
    const runId = validId(id);
    const change = validUpdate(update);
    this.row(runId);
    this.runs.update(runId, change);
    return this.summary(runId);
  }

  async exportRun(id: number, format: unknown): Promise<ExportedFile> {
    const fmt = validFormat(format);
    const run = await this.getRun(id);
    return exportRun(run, fmt, () => this.checkpoints.completed(run.id));
  }

  /**
   * Kernel speeds measured on a worker the first time anyone asks (about a second), then reused
   * for this service's life: the hardware does not change under it.
   */
  kernelSpeeds(): Promise<KernelSpeeds> {
    this.assertOpen();
    this.speeds ??= (async () => {
      const pool = this.enginePool();
      return { workers: pool.workers, perWorker: await measureKernelSpeeds((task) => pool.time(task)) };
    })();
    // A failed calibration is not cached: the next caller tries again.
    this.speeds.catch(() => (this.speeds = null));
    return this.speeds;
  }

  /** Resolves with the run once it is no longer queued or running here (CLI `run`, `resume`). */
  async whenSettled(id: number): Promise<RunRecord> {
    await this.active.get(id)?.settled;
    return this.getRun(id);
  }

  /**
   * Stop: runs still executing here are recorded as interrupted (their committed chunks stay,
   * `resume` continues them), the workers end, the database closes. Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /** Ids of runs this service is executing now. */
  activeRunIds(): number[] {
    return [...this.active.keys()];
  }

  private async shutDown(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const live of this.active.values()) {
      live.stopping ??= 'interrupt';
      if (live.stopping === 'interrupt') {
        this.runs.finish(live.id, this.owner, { status: 'interrupted', progress: live.execution.progress() });
        this.emitStatus(live.id, 'interrupted');
      }
      live.execution.cancel();
    }
    // Executions end promptly once cancelled; the bound only guards against a stuck engine.
    await settleWithin([...this.active.values()].map((a) => a.settled), CLOSE_WAIT_MS);
    await this.pool?.close();
    unregisterOwnerToken(this.owner.token);
    this.db.close();
    this.events.removeAllListeners();
  }

  private launch(id: number, config: ExperimentConfig): void {
    let execution: RunExecution;
    try {
      execution = this.enginePool().execute({
        runId: id,
        config,
        checkpoints: this.checkpoints,
        onProgress: (progress: RunProgress) => {
          const live = this.active.get(id);
          if (live) live.progress = progress;
          this.events.emit('runProgress', progress);
        },
      });
    } catch (error) {
      // The pool could not even start (e.g. the worker entry is missing): the run failed.
      this.runs.finish(id, this.owner, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
      this.emitStatus(id, 'failed');
      return;
    }
    this.runs.markRunning(id, this.owner);
    const live: ActiveRun = { id, execution, stopping: null, progress: null, settled: Promise.resolve() };
    live.settled = execution.done.then(
      (outcome: RunOutcome) => this.settle(live, outcome),
      (error: unknown) => this.settle(live, { status: 'failed', error: String(error) }),
    );
    this.active.set(id, live);
    this.emitStatus(id, 'running');
  }

  /** Record how a run ended, unless the run is no longer ours to record. */
  private settle(live: ActiveRun, outcome: RunOutcome): void {
    this.active.delete(live.id);
    if (live.stopping === 'interrupt' || live.stopping === 'lost' || !this.db.open) return;
    const status = live.stopping === 'cancel' && outcome.status !== 'completed' ? 'cancelled' : outcome.status;
    const progress = live.execution.progress();
    const recorded = this.runs.finish(live.id, this.owner, {
      status,
      result: outcome.status === 'completed' ? outcome.result : null,
      error: outcome.status === 'failed' ? outcome.error : null,
      progress,
    });
    if (recorded) this.emitStatus(live.id, status, status === 'cancelled' ? undefined : this.endNotice(live.id));
  }

  /** A notice for a run that ran longer than the threshold: nobody may be watching it end. */
  private endNotice(id: number): RunEndNotice | undefined {
    const run = rowToSummary(this.row(id));
    if (!run.startedAt || !run.finishedAt) return undefined;
    const seconds = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
    return seconds > (this.options.noticeAfterSeconds ?? DEFAULT_NOTICE_AFTER_SECONDS) ? { name: run.name, seconds } : undefined;
  }

  /**
   * The owner's heartbeat: keeps our runs visibly alive, saves their progress for other
   * processes, and honours cancel requests recorded by any process.
   */
  private pulse(): void {
    if (this.closing) return;
    for (const live of this.active.values()) {
      let beat: { owned: boolean; cancelRequested: boolean };
      try {
        beat = this.runs.heartbeat(live.id, this.owner, live.progress);
      } catch {
        // Database busy beyond its timeout (another process writing): try again next beat;
        // a stale heartbeat needs HEARTBEAT_STALE_MS of such failures.
        continue;
      }
      if (!beat.owned) {
        live.stopping ??= 'lost';
        live.execution.cancel();
      } else if (beat.cancelRequested && live.stopping === null) {
        live.stopping = 'cancel';
        live.execution.cancel();
      }
    }
  }

  private async waitUntilStopped(id: number, timeoutMs: number): Promise<RunSummary> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.runs.reapDeadOwners();
      const row = this.row(id);
      if ((row.status !== 'queued' && row.status !== 'running') || Date.now() >= deadline) return rowToSummary(row);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private enginePool(): EnginePool {
    this.pool ??= new EnginePool({
      ...(this.options.workers !== undefined ? { workers: this.options.workers } : {}),
      ...(this.options.workerUrl !== undefined ? { workerUrl: this.options.workerUrl } : {}),
      ...(this.options.chunkIterations !== undefined ? { chunkIterations: this.options.chunkIterations } : {}),
    });
    return this.pool;
  }

  private row(id: number): RunRow {
    this.assertDatabase();
    this.runs.reapDeadOwners();
    const row = this.runs.get(id);
    if (!row) throw notFound(id);
    return row;
  }

  private summary(id: number): RunSummary {
    return this.withLiveProgress(rowToSummary(this.row(id)));
  }

  private withLiveProgress(summary: RunSummary): RunSummary {
    const live = this.active.get(summary.id);
    return live ? { ...summary, progress: live.execution.progress() } : summary;
  }

  private emitStatus(id: number, status: RunStatus, notice?: RunEndNotice): void {
    this.events.emit('runChanged', notice ? { id, status, notice } : { id, status });
  }

  private assertOpen(): void {
    if (this.closing) throw new LabError({ code: 'conflict', message: 'The lab is shutting down; no new runs start.' });
  }

  private assertDatabase(): void {
    if (this.closing && !this.db.open) throw new LabError({ code: 'internal', message: 'The lab is closed.' });
  }
}

async function settleWithin(promises: Promise<void>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(promises), new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

function notFound(id: number): LabError {
  return new LabError({ code: 'not-found', message: `No run with id ${id}.` });
}
