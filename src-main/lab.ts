import { EventEmitter } from 'node:events';
import { storedConfig } from './store/storedJson';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import {
  LabError,
  type AppInfo,
  type ExportedFile,
  type KernelSpeeds,
  type LabApi,
  type LabTheoryReport,
  type LandscapeMapOptions,
  type NoiseImport,
  type NoiseAssetSamples,
  type LabEventName,
  type LabEvents,
  type LabEventSource,
  type PresetInfo,
  type RunDetail,
  type RunPage,
  type RunEndNotice,
  type RunProgress,
  type RunRecord,
  type TrajectoryWindow,
  type RunStatus,
  type RunSummary,
} from '../src-shared/api';
import type { ExperimentConfig } from '../src-shared/model/config';
import type { RunResultSummary } from '../src-shared/model/results';
import { summarizeResult } from '../src-shared/model/resultSummary';
import { minMaxColumns } from '../src-shared/series/minMaxColumns';
import type { LandscapeMap } from '../src-shared/theory2d/landscapeMap';
import { openDatabase, type Database, type DatabaseAccess } from './store/database';
import { RunsRepository, type RunOwner } from './store/runsRepository';
import { ChunkRows } from './store/chunkRows';
import { RunPlacement } from './store/runPlacement';
import { StoredChunks } from './service/storedChunks';
import { rowToSummary, type RunRow } from './store/runRow';
import { HEARTBEAT_INTERVAL_MS, registerOwnerToken, unregisterOwnerToken } from './store/ownerLiveness';
import type { ChunkRunner } from './engine/chunkRunner';
import { ENGINE_VERSION } from './engine/taskCodec';
import { DEFAULT_CHUNK_ITERATIONS, EnginePool } from './engine/executor/enginePool';
import type { RunExecution, RunOutcome } from './engine/runExecutor.types';
import { aggregateRun } from './engine/aggregate/aggregateRun';
import { measureKernelSpeeds } from './engine/kernelSpeed';
import { experimentPresets } from './presets';
import { sweepPresets } from './sweepPresets';
import { sweepCells, type SweepConfig } from '../src-shared/sweep/expandSweep';
import { sweepCellPrefix } from './engine/executor/sweepPlan';
import { exportRun } from './export/exportRun';
import { appVersion } from './appVersion';
import { labTheoryOn } from './service/theory';
import { TheoryPool } from './service/theoryPool';
import { ReaderPool } from './service/readerPool';
import { wholeRecord } from './service/wholeRun';
import type { EncodedReads, WireEncoding } from './service/encodedReads';
import type { HeavyReadRequest } from './service/readerWorker';
import { invalidInput, validConfig, validFormat, validId, validIndex, validListQuery, validAssetName, validLandscapeMapInput, validNoiseImport, validTrajectoryQuery, validUpdate, withinBudget } from './service/inputs';
import { AssetsRepository } from './store/assetsRepository';
import { NoiseAssetStore, assetName, samplesFromText } from './service/noiseAssets';
import { DEFAULT_MEMORY_BUDGET_MB } from '../src-shared/model/memoryBudget';
import type { LabSettings, RedisCheck, SettingsView } from '../src-shared/settings';
import { processSettings, type SettingsStore } from './service/settingsStore';
import { validRedisUrl, validSettingsPatch } from './service/settingsInput';
import { QueueChunkRunner } from './queue/queueChunkRunner';
import { checkRedis } from './queue/redisCheck';
import { redactRedisUrl } from './queue/redisUrl';

export interface LabServiceOptions {
  /** The SQLite file holding runs and their committed chunks. */
  dbPath: string;
  /** Where chunks run (e.g. a queue of remote workers); default local worker threads. Closed with the service. */
  runner?: ChunkRunner;
  /** Create the file if missing (default), require it, or also accept it read-only (see openDatabase). */
  access?: DatabaseAccess;
  /**
   * How `runner` is recorded with the runs it executes, e.g. 'queue redis://host:6379/0' (never
   * a password). A name starting with 'queue' means a run needs a queue again to resume.
   */
  runnerName?: string;
  /** Worker threads of the default local runner; default one per core. */
  workers?: number;
  /** The bundled worker entry (out/node/worker.js, or Electron's bundled path). */
  workerUrl?: URL | string;
  /** The bundled reader entry that serialises whole runs off the main thread (default: reader.js beside the worker). */
  readerUrl?: URL | string;
  /** better_sqlite3.node built for this runtime (Electron passes its ABI build). */
  nativeBinding?: string;
  /** Iterations per chunk (default: the engine's, about a second of work). Results never depend on it. */
  chunkIterations?: number;
  /** Memory a run may hold, in MB (default DEFAULT_MEMORY_BUDGET_MB); larger configs are refused. */
  memoryBudgetMB?: number;
  /** A run that took longer than this and ended carries a notice in its runChanged event (60). */
  noticeAfterSeconds?: number;
  /**
   * Where the Settings view's values are kept (the app's settings file). Default: this process's
   * command line (`runner`/`runnerName` and `memoryBudgetMB`), with only the budget changeable.
   */
  settings?: SettingsStore;
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

type RunEnd = Parameters<RunsRepository['finish']>[2];

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
export class LabService implements LabApi, LabEventSource, EncodedReads {
  private readonly db: Database;
  private readonly runs: RunsRepository;
  private readonly checkpoints: StoredChunks;
  private readonly placement: RunPlacement;
  private readonly noise: NoiseAssetStore;
  private readonly owner: RunOwner;
  private readonly events = new EventEmitter();
  private readonly active = new Map<number, ActiveRun>();
  /** Runs that ended here but whose end the store could not take yet (disk full, I/O error). */
  private readonly unrecorded = new Map<number, RunEnd>();
  private readonly heartbeat: NodeJS.Timeout;
  private pool: EnginePool | null = null;
  private theoryPool: TheoryPool | null = null;
  private readerPool: ReaderPool | null = null;
  private closing: Promise<void> | null = null;
  /** Where this service stands in the store's change log, and the file's data_version when it last looked. */
  private seenChange: number;
  private dataVersion: number;
  private speeds: Promise<KernelSpeeds> | null = null;
  private readonly settings: SettingsStore;
  /** Where chunks run now: the injected runner, or one the settings chose since. */
  private executor: { runner?: ChunkRunner; name?: string };

  constructor(private readonly options: LabServiceOptions) {
    this.executor = { ...(options.runner ? { runner: options.runner } : {}), ...(options.runnerName ? { name: options.runnerName } : {}) };
    this.settings =
      options.settings ??
      processSettings({
        redisUrl: options.runner instanceof QueueChunkRunner ? options.runner.target.url : null,
        memoryBudgetMB: options.memoryBudgetMB ?? DEFAULT_MEMORY_BUDGET_MB,
      });
    this.db = openDatabase(options.dbPath, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.access ? { access: options.access } : {}),
    });
    this.runs = new RunsRepository(this.db);
    this.checkpoints = new StoredChunks(new ChunkRows(this.db));
    this.placement = new RunPlacement(this.db);
    this.noise = new NoiseAssetStore(new AssetsRepository(this.db));
    this.owner = { pid: process.pid, token: randomUUID() };
    registerOwnerToken(this.owner.token);
    this.seenChange = this.runs.lastChange();
    this.dataVersion = this.db.pragma('data_version', { simple: true }) as number;
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
    return structuredClone([...experimentPresets, ...sweepPresets] as PresetInfo[]);
  }

  async theory(config: unknown, eta?: number): Promise<LabTheoryReport> {
    return labTheoryOn(this.theoryThreads(), config, eta, (c) => this.noise.forConfig(c));
  }

  async landscapeMap(landscape: unknown, options?: LandscapeMapOptions): Promise<LandscapeMap> {
    return this.theoryThreads().landscapeMap(validLandscapeMapInput(landscape, options));
  }

  async importNoise(name: string, text: string, threshold?: number): Promise<NoiseImport> {
    this.assertOpen();
    const input = validNoiseImport(name, text, threshold);
    const samples = samplesFromText(input.text, input.name, 'text', input.threshold);
    const answer = await this.theoryThreads().preview(samples, input.threshold);
    if ('refused' in answer) throw invalidInput(input.threshold === undefined ? 'text' : 'threshold', `${input.name}: ${answer.refused}`);
    // Stored only once the whole analysis succeeded: a refused file leaves nothing behind.
    return { asset: this.noise.store(input.name, samples), preview: answer.preview };
  }

  async getNoiseAsset(asset: unknown): Promise<NoiseAssetSamples> {
    this.assertOpen();
    return this.noise.read(validAssetName(asset));
  }

  async startRun(input: unknown): Promise<RunSummary> {
    return this.startRunWith(input);
  }

  /**
   * startRun for the CLI, whose config may name measured noise read from files: `noise` holds
   * those samples by asset name, stored once the whole config is valid (an invalid one stores nothing).
   */
  async startRunWith(input: unknown, noise?: { name: string; samples: Float64Array }[]): Promise<RunSummary> {
    this.assertOpen();
    const config = withinBudget(validConfig(input), {
      budgetMB: this.settings.read().memoryBudgetMB,
      chunkIterations: this.options.chunkIterations ?? DEFAULT_CHUNK_ITERATIONS,
      workers: this.options.workers ?? availableParallelism(),
    });
    // Measured noise the config names must be here (or offered), and usable, before the run is recorded.
    const offered = new Map((noise ?? []).map((n) => [assetName(n.samples), n]));
    const used = this.noise.forConfig(config, new Map([...offered].map(([a, n]) => [a, n.samples])));
    for (const [asset, n] of offered) if (used.has(asset)) this.noise.store(n.name, n.samples);
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
    const record: RunRecord = { ...rowToSummary(row), result: null };
    const live = this.active.get(row.id);
    if (live) {
      // Partial aggregates straight from the executor while it runs here.
      record.result = live.execution.partial();
      record.progress = live.execution.progress();
      return record;
    }
    return wholeRecord({ runs: this.runs, checkpoints: this.checkpoints }, row);
  }

  /**
   * getRun's record as the bytes a door sends (`json`: exactly JSON.stringify of getRun's value),
   * rebuilt and serialised on a reader thread: a whole run can take seconds, during which this
   * thread keeps answering other calls.
   */
  async getRunEncoded(id: unknown, encoding: WireEncoding): Promise<Uint8Array> {
    return this.readOffThread(this.row(validId(id)), { method: 'getRun' }, encoding);
  }

  /** exportRun's file as the bytes a door sends, built like getRunEncoded. */
  async exportRunEncoded(id: unknown, format: unknown, encoding: WireEncoding): Promise<Uint8Array> {
    const fmt = validFormat(format);
    return this.readOffThread(this.row(validId(id)), { method: 'exportRun', format: fmt }, encoding);
  }

  async getRunDetail(id: number): Promise<RunDetail> {
    const row = this.row(validId(id));
    const detail: RunDetail = { ...rowToSummary(row), result: null };
    const live = this.active.get(row.id);
    if (live) {
      detail.result = live.execution.partialSummary();
      detail.progress = live.execution.progress();
      return detail;
    }
    this.noise.provideKnown(detail.config);
    const stored = row.status === 'completed' ? this.runs.storedResult(row.id) : undefined;
    if (stored) {
      detail.result = JSON.parse(stored.summary) as RunResultSummary;
    } else {
      // Interrupted, cancelled, failed or running elsewhere: the aggregates of what is committed.
      const partial = aggregateRun(detail.config, this.checkpoints.completedLight(row.id));
      detail.result = partial && summarizeResult(partial);
    }
    return detail;
  }

  async getExitTimes(id: number, arm: number, etaIndex: number, cell?: number | null): Promise<number[]> {
    const group = this.exitTimeGroup(id, arm, etaIndex, cell);
    return this.checkpoints.exitTimes(group.row.id, group.arm, group.etaIndex, group.within);
  }

  /** getExitTimes as the bytes a door sends, read like getRunEncoded (one η can hold millions of samples). */
  async getExitTimesEncoded(id: unknown, arm: unknown, etaIndex: unknown, cell: unknown, encoding: WireEncoding): Promise<Uint8Array> {
    const group = this.exitTimeGroup(id, arm, etaIndex, cell);
    return this.readOffThread(group.row, { method: 'getExitTimes', arm: group.arm, etaIndex: group.etaIndex, within: group.within }, encoding);
  }

  async getTrajectories(id: number, query: unknown, cell?: number | null): Promise<TrajectoryWindow> {
    const { row, config, within } = this.cellOf(id, cell);
    if ((config.kind as string) === 'long-run-2d') {
      throw new LabError({ code: 'invalid', message: `Run ${row.id} is a 2-D long run: its thinned [x, y] paths are in its result (arms[].trajectories), not read by window.` });
    }
    if (config.kind !== 'long-run') throw new LabError({ code: 'invalid', message: `Run ${row.id} is an ${config.kind} run; it has no trajectories.` });
    const q = validTrajectoryQuery(query, config.arms.length);
    const from = q.from ?? 0;
    const to = q.to ?? config.iterations;
    const shown = Math.min(q.maxPaths ?? 8, config.paths);
    const paths: TrajectoryWindow['paths'] = [];
    for (const [path, keys] of this.checkpoints.pathKeys(row.id, q.arm, shown, within).entries()) {
      // One path at a time, letting other requests in between: a long path is megabytes to read.
      if (path > 0) await new Promise((r) => setImmediate(r));
      this.assertDatabase();
      const values = this.checkpoints.path(row.id, keys);
      paths.push({ path, stored: values.length, points: minMaxColumns(values, config.thin, from, to, q.columns ?? 800) });
    }
    return { arm: q.arm, thin: config.thin, from, to, totalPaths: config.paths, paths };
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
    const ranOn = this.placement.executor(runId);
    if (ranOn?.startsWith('queue') && !this.runnerName.startsWith('queue')) {
      throw new LabError({
        code: 'conflict',
        message:
          `Run ${runId} ran on a queue of remote workers (${ranOn.slice('queue '.length)}). Resume it on a queue again ` +
          `(lab resume ${runId} --redis URL, or serve with --redis URL): the executor is chosen by each invocation and no password is stored.`,
      });
    }
    const foreign = this.checkpoints.foreignEngines(runId);
    if (foreign.length > 0) {
      throw new LabError({
        code: 'conflict',
        message:
          `Run ${runId} cannot be resumed: its committed chunks were computed by engine version ${foreign.join(', ')}, ` +
          `and this lab's engine (version ${ENGINE_VERSION}) draws different numbers, so the result would mix two engines. ` +
          `Duplicate the run to start it afresh with the same config.`,
      });
    }
    const claim = this.runs.claim(runId, this.owner, resumable);
    if (claim === 'not-found') throw notFound(runId);
    if (claim !== 'claimed') {
      const why = claim === 'completed' ? 'it is already completed' : `it is ${claim} (in a live process)`;
      throw new LabError({ code: 'conflict', message: `Run ${runId} cannot be resumed: ${why}. Only ${resumable.join(', ')} runs can.` });
    }
    this.emitStatus(runId, 'queued');
    const config = storedConfig(this.row(runId).config);
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
    this.events.emit('runChanged', { id: row.id, status: row.status, deleted: true });
  }

  async updateRun(id: number, update: unknown): Promise<RunSummary> {
    const runId = validId(id);
    const change = validUpdate(update);
    this.row(runId);
    this.runs.update(runId, change);
    const summary = this.summary(runId);
    this.emitStatus(runId, summary.status);
    return summary;
  }

  async exportRun(id: number, format: unknown): Promise<ExportedFile> {
    const fmt = validFormat(format);
    const run = await this.getRun(id);
    return exportRun(run, fmt, () => this.checkpoints.completed(run.id));
  }

  async appInfo(): Promise<AppInfo> {
    return {
      databasePath: resolve(this.options.dbPath),
      version: appVersion,
      electron: process.versions.electron ?? null,
      node: process.versions.node,
      platform: process.platform,
    };
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

  async getSettings(): Promise<SettingsView> {
    const settings = this.settings.read();
    return {
      ...settings,
      // A URL the client may not change is not the client's to read either: no password.
      redisUrl: this.settings.editable.redisUrl || settings.redisUrl === null ? settings.redisUrl : redactRedisUrl(settings.redisUrl),
      editable: { ...this.settings.editable },
      keptIn: this.settings.keptIn,
      defaultMemoryBudgetMB: DEFAULT_MEMORY_BUDGET_MB,
      activeRuns: this.active.size,
    };
  }

  /**
   * Change the memory budget (applies to runs started from now on) and, where the door allows,
   * the executor: only while no run executes here, since a run's chunks cannot move between
   * executors mid-run. A new queue connects at once; like any queue run, the next run waits for
   * its workers and says so.
   */
  async setSettings(input: unknown): Promise<SettingsView> {
    this.assertOpen();
    const patch = validSettingsPatch(input);
    const current = this.settings.read();
    const next: LabSettings = { ...current, ...patch };
    for (const field of Object.keys(patch) as (keyof LabSettings)[]) {
      if (next[field] !== current[field] && !this.settings.editable[field]) {
        throw new LabError({ code: 'forbidden', message: `settings.${field} cannot be changed through this door: it is set when the process starts (--redis URL).` });
      }
    }
    const executorChanges = next.redisUrl !== current.redisUrl;
    if (executorChanges && this.active.size > 0) {
      const n = this.active.size;
      throw new LabError({
        code: 'conflict',
        message: `${n} run${n === 1 ? ' is' : 's are'} executing here; the executor can change once ${n === 1 ? 'it ends' : 'they end'} (or ${n === 1 ? 'is' : 'are'} cancelled).`,
      });
    }
    this.settings.write(next);
    if (executorChanges) await this.useExecutor(next.redisUrl);
    return this.getSettings();
  }

  async testRedis(url?: unknown): Promise<RedisCheck> {
    const current = this.settings.read().redisUrl;
    const wanted = url === undefined ? current : validRedisUrl(url);
    // A door that keeps the executor fixed tests its own queue only: a browser must not make the
    // server probe other hosts.
    if (wanted !== current && !this.settings.editable.redisUrl) {
      throw new LabError({ code: 'forbidden', message: 'only the queue this process was started with can be tested through this door' });
    }
    if (wanted === null) return { ok: true, message: 'Runs execute on this machine; there is no Redis to test.' };
    return checkRedis(wanted);
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

  private exitTimeGroup(id: unknown, arm: unknown, etaIndex: unknown, cell: unknown): { row: RunRow; arm: number; etaIndex: number; within: string } {
    const { row, config, within } = this.cellOf(id, cell);
    // A 2-D exit-time run stores its samples under the same keys, so the same read serves it.
    const exits = config as unknown as { kind: string; arms: unknown[]; etas?: number[] };
    if (exits.kind !== 'exit-time' && exits.kind !== 'exit-time-2d') throw new LabError({ code: 'invalid', message: `Run ${row.id} is a ${config.kind} run; it has no exit times.` });
    return { row, arm: validIndex(arm, 'arm', exits.arms.length), etaIndex: validIndex(etaIndex, 'etaIndex', exits.etas?.length ?? 0), within };
  }

  /**
   * The run a heavy-series read addresses: the run itself, or for a sweep one cell, whose chunks
   * sit under the cell's key prefix exactly as its standalone run would store them.
   */
  private cellOf(id: unknown, cell: unknown): { row: RunRow; config: ExperimentConfig; within: string } {
    const row = this.row(validId(id));
    const config = storedConfig(row.config);
    const named = cell !== undefined && cell !== null;
    if ((config.kind as string) !== 'sweep') {
      if (named) throw invalidInput('cell', `run ${row.id} is a ${config.kind} run, not a sweep; it has no cells`);
      return { row, config, within: '' };
    }
    const cells = sweepCells(config as unknown as SweepConfig);
    if (!named) throw invalidInput('cell', `run ${row.id} is a sweep: name one of its ${cells.length} cells (0 to ${cells.length - 1})`);
    const c = validIndex(cell, 'cell', cells.length);
    return { row, config: cells[c].config as ExperimentConfig, within: sweepCellPrefix(c) };
  }

  /**
   * A heavy read of `row`'s run on a reader thread, from its own read-only connection. A run
   * executing here is read from its committed chunks, which are exactly what its executor
   * aggregates in memory; only its live progress comes from this thread.
   */
  private readOffThread(row: RunRow, read: HeavyReadRequest['read'], encoding: WireEncoding): Promise<Uint8Array> {
    const live = this.active.get(row.id);
    this.readerPool ??= new ReaderPool(this.options.readerUrl ?? siblingOf(this.options.workerUrl ?? new URL('./worker.js', import.meta.url), 'reader.js'));
    return this.readerPool.read({
      dbPath: resolve(this.options.dbPath),
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
      row,
      ...(live ? { progress: live.execution.progress() } : {}),
      read,
      encoding,
    });
  }

  /**
   * Changes other processes made to runs (a CLI cancel or resume, another app window on the same
   * file) reach this process's views: SQLite's data_version moves when another connection commits,
   * and the store's change log says which runs changed. Own changes are emitted where they happen.
   */
  private followStore(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    const changes = this.runs.changesSince(this.seenChange);
    if (changes.length === 0) return;
    this.seenChange = changes[changes.length - 1].seq;
    const latest = new Map<number, (typeof changes)[number]>();
    for (const c of changes) latest.set(c.runId, c);
    for (const c of latest.values()) {
      this.events.emit('runChanged', c.deleted ? { id: c.runId, status: c.status, deleted: true } : { id: c.runId, status: c.status });
    }
  }

  private async shutDown(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const live of this.active.values()) {
      live.stopping ??= 'interrupt';
      if (live.stopping === 'interrupt') this.record(live.id, { status: 'interrupted', progress: live.execution.progress() });
      live.execution.cancel();
    }
    // Ends the store still refuses are left to the next process: owners that stopped beating are reaped as interrupted.
    for (const [id, end] of this.unrecorded) this.record(id, end);
    // Executions end promptly once cancelled; the bound only guards against a stuck engine.
    await settleWithin([...this.active.values()].map((a) => a.settled), CLOSE_WAIT_MS);
    // The pool closes its runner; an injected runner no run ever used (a queue connection) is closed here.
    await Promise.all([this.pool ? this.pool.close() : this.executor.runner?.close(), this.theoryPool?.destroy(), this.readerPool?.destroy()]);
    unregisterOwnerToken(this.owner.token);
    this.db.close();
    this.events.removeAllListeners();
  }

  private get runnerName(): string {
    return this.executor.name ?? (this.executor.runner ? 'custom' : 'local');
  }

  /** Close the current executor (no run uses it) and take the queue at `url`, or this machine's threads. */
  private async useExecutor(url: string | null): Promise<void> {
    const old = this.pool;
    const unused = old ? null : this.executor.runner;
    this.pool = null;
    this.speeds = null;
    if (url === null) {
      this.executor = {};
    } else {
      const queue = new QueueChunkRunner({ url });
      this.executor = { runner: queue, name: `queue ${queue.target.redacted}` };
    }
    await (old ? old.close() : unused?.close());
  }

  private launch(id: number, config: ExperimentConfig): void {
    let execution: RunExecution;
    try {
      this.placement.record(id, this.runnerName);
      const assets = this.noise.forConfig(config);
      execution = this.enginePool().execute({
        runId: id,
        assets,
        runUuid: this.placement.uuid(id),
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
      this.record(id, { status: 'failed', error: messageOf(error) });
      return;
    }
    try {
      this.runs.markRunning(id, this.owner);
    } catch {
      // The store refused the write (disk full): the run executes anyway and its end is recorded when it can be.
    }
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
    this.record(live.id, {
      status,
      result: outcome.status === 'completed' ? outcome.result : null,
      error: outcome.status === 'failed' ? outcome.error : null,
      progress: live.execution.progress(),
    });
  }

  /**
   * Write a run's end. A full disk or an I/O error must not take the process down: the end is
   * kept and written again at every pulse until the store takes it (the run stays ours, so no
   * other process claims it meanwhile); the committed chunks are safe either way.
   */
  private record(id: number, end: RunEnd): void {
    let recorded: boolean;
    try {
      recorded = this.runs.finish(id, this.owner, end);
    } catch (error) {
      if (!this.unrecorded.has(id)) console.error(`run ${id}: could not record that it ended ${end.status}; retrying`, messageOf(error));
      this.unrecorded.set(id, end);
      return;
    }
    this.unrecorded.delete(id);
    if (recorded) this.emitStatus(id, end.status, end.status === 'cancelled' ? undefined : this.endNotice(id));
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
    for (const [id, end] of this.unrecorded) {
      this.record(id, end);
      if (this.unrecorded.has(id)) this.tryHeartbeat(id);
    }
    try {
      this.followStore();
    } catch {
      // Busy for a moment: the log keeps the changes until the next beat.
    }
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

  private tryHeartbeat(id: number): void {
    try {
      this.runs.heartbeat(id, this.owner, null);
    } catch {
      // Still failing: the next pulse tries again.
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

  private theoryThreads(): TheoryPool {
    this.theoryPool ??= new TheoryPool({ workerUrl: this.options.workerUrl ?? new URL('./worker.js', import.meta.url) });
    return this.theoryPool;
  }

  private enginePool(): EnginePool {
    this.pool ??= new EnginePool({
      ...(this.executor.runner !== undefined ? { runner: this.executor.runner } : {}),
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

/** A file beside `file` (a URL, a file: URL string or a path). */
function siblingOf(file: URL | string, name: string): URL {
  const base = file instanceof URL || file.startsWith('file:') ? new URL(file) : pathToFileURL(file);
  return new URL(`./${name}`, base);
}

async function settleWithin(promises: Promise<void>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(promises), new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function notFound(id: number): LabError {
  return new LabError({ code: 'not-found', message: `No run with id ${id}.` });
}
