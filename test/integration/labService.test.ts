import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LabService, type LabServiceOptions } from '../../src-main/lab';
import { LabError, type RunStatus } from '../../src-shared/api';
import { expandConfig } from '../../src-shared/model/expandConfig';
import type { SweepConfig } from '../../src-shared/sweep/expandSweep';
import { runDocument } from '../../src-main/export/runDocument';
import { openDatabase } from '../../src-main/store/database';
import { ChunkRows } from '../../src-main/store/chunkRows';
import { ENGINE_VERSION } from '../../src-main/engine/taskCodec';
import { exitTimeConfig, heavy, longRunConfig, scratch, waitFor } from './cliHarness';

/** LabService in this process on a real SQLite file and the real bundled worker threads. */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-service-');
afterAll(() => tmp.cleanup());

const open: LabService[] = [];
function service(name: string, options: Partial<LabServiceOptions> = {}): LabService {
  const s = new LabService({ dbPath: tmp.path(name), workers: 2, workerUrl, ...options });
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function labError(p: Promise<unknown>): Promise<LabError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    return error as LabError;
  }
  throw new Error('expected a LabError');
}

describe('LabService', () => {
  it('serves the presets, the sweeps last; each is a valid config as the README describes it', async () => {
    const presets = await service('presets.db').presets();
    expect(presets.map((p) => p.id)).toEqual([
      'figure-4-exit-times',
      'figures-1-5-long-run',
      'figure-3-three-wells',
      'noise-families-exit-times',
      'figure-4-2d-exit-times',
      'figure-1-2d-long-run',
      'axes-vs-isotropic-2d',
      'sweep-b-staircase',
      'sweep-sharp-minima-share',
      'sweep-2d-clip',
    ]);
    const [fig4, fig15, fig3] = presets.map((p) => expandConfig(p.config));
    const sweeps = presets.slice(-3).map((p) => expandConfig(p.config) as unknown as SweepConfig);
    expect(sweeps.map((s) => [s.kind, s.base.kind, s.over.map((a) => a.field)])).toEqual([
      ['sweep', 'exit-time', ['clip']],
      ['sweep', 'long-run', ['clip', 'alpha']],
      ['sweep', 'exit-time-2d', ['clip']],
    ]);
    expect(fig4).toMatchObject({ kind: 'exit-time', x0: -0.7, etas: [0.1, 0.03, 0.01, 0.003, 0.001, 0.0003, 0.0001], samples: 20, maxIterations: 1e9 });
    expect(fig4.arms.map((a) => a.clip)).toEqual([0.5, null]);
    expect(fig15).toMatchObject({ kind: 'long-run', x0: 0.3, eta: 0.001, paths: 20, iterations: 3_000_000, thin: 250, bins: 200, epsilon: 0.05 });
    expect(fig15.arms.map((a) => [a.noise.family, a.clip])).toEqual([['pareto', null], ['pareto', 0.5], ['gaussian', null], ['gaussian', 0.5]]);
    expect(fig3.landscape.criticalPoints).toEqual([-1.05, -0.6, 0, 0.9, 1.25]);
    expect(fig3.arms.map((a) => a.clip)).toEqual([0.5, 0.4]);
  });

  it('validates once: an invalid config is a LabError naming the field, and nothing is stored', async () => {
    const lab = service('invalid.db');
    const e = await labError(lab.startRun({ ...exitTimeConfig(), samples: 0 }));
    expect(e.code).toBe('invalid');
    expect(e.issues).toEqual([{ path: 'samples', message: 'must be at least 1' }]);
    expect((await lab.listRuns()).total).toBe(0);
    expect((await labError(lab.theory(exitTimeConfig(), -1))).issues?.[0].path).toBe('eta');
    expect((await labError(lab.getRun(0))).issues?.[0].path).toBe('id');
    expect((await labError(lab.getRun('7' as unknown as number))).code).toBe('invalid');
    expect((await labError(lab.getRun(7))).code).toBe('not-found');
    expect((await labError(lab.listRuns({ limit: 0 }))).issues?.[0].path).toBe('query.limit');
    expect((await labError(lab.listRuns({ sort: 'size' } as never))).issues?.[0].path).toBe('query.sort');
  });

  it('runs to completion: events queued → running → completed, progress, stored result', async () => {
    const lab = service('complete.db');
    const statuses: RunStatus[] = [];
    let progressEvents = 0;
    lab.on('runChanged', (e) => statuses.push(e.status));
    lab.on('runProgress', () => progressEvents++);
    const started = await lab.startRun(exitTimeConfig());
    expect(['queued', 'running']).toContain(started.status);
    const done = await lab.whenSettled(started.id);
    expect(done.status, done.error ?? '').toBe('completed');
    expect(statuses).toEqual(['queued', 'running', 'completed']);
    expect(progressEvents).toBeGreaterThan(0);
    expect(done.result?.kind).toBe('exit-time');
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    const page = await lab.listRuns({ status: 'completed' });
    expect(page.runs.map((r) => r.id)).toEqual([started.id]);
    const exported = await lab.exportRun(started.id, 'json');
    expect(exported.mimeType).toBe('application/json');
    expect(exported.filename).toBe(`run-${started.id}-cli-exit-time.json`);
    expect(JSON.parse(exported.content)).toEqual(JSON.parse(JSON.stringify(runDocument(done))));
    expect((await labError(lab.exportRun(started.id, 'xml' as never))).issues?.[0].path).toBe('format');
  });

  it('updates name, tags and notes; deletes a run', async () => {
    const lab = service('update.db');
    const { id } = await lab.startRun(longRunConfig({ iterations: 1000 }));
    await lab.whenSettled(id);
    const updated = await lab.updateRun(id, { name: ' renamed ', tags: ['fig1', 'fig1', 'clip'], notes: 'looks right' });
    expect(updated).toMatchObject({ name: 'renamed', tags: ['clip', 'fig1'], notes: 'looks right' });
    expect((await lab.listRuns({ tag: 'fig1' })).total).toBe(1);
    expect((await labError(lab.updateRun(id, { tags: [''] }))).issues?.[0].path).toBe('update.tags[0]');
    expect((await labError(lab.updateRun(id, { colour: 'red' } as never))).code).toBe('invalid');
    await lab.deleteRun(id);
    expect((await labError(lab.getRun(id))).code).toBe('not-found');
    expect((await lab.listRuns()).total).toBe(0);
    // Deleting a run that is executing here stops it first; its chunks go with it.
    const busy = await lab.startRun(longRunConfig({ iterations: 50_000_000 }));
    await lab.deleteRun(busy.id);
    expect(lab.activeRunIds()).toEqual([]);
    expect((await lab.listRuns()).total).toBe(0);
  });

  it('returns partial aggregates while running; cancel keeps committed chunks; resume finishes identically', async () => {
    const config = longRunConfig({ name: 'partial', arms: [heavy(0.5)], paths: 2, iterations: 1_000_000, thin: 10_000 });
    const clean = service('clean.db', { chunkIterations: 50_000 });
    const reference = await clean.whenSettled((await clean.startRun(config)).id);
    expect(reference.status, reference.error ?? '').toBe('completed');

    const lab = service('partial.db', { chunkIterations: 50_000, workers: 1 });
    const { id } = await lab.startRun(config);
    let partial = await lab.getRun(id);
    await waitFor(() => {
      void lab.getRun(id).then((r) => (partial = r));
      return partial.result !== null && partial.status === 'running';
    }, 'a partial result', 60_000, 10);
    expect(partial.progress?.done).toBeGreaterThan(0);
    const cancelled = await lab.cancelRun(id);
    expect(cancelled.status).toBe('cancelled');
    const kept = await lab.getRun(id);
    expect(kept.result?.kind).toBe('long-run');
    expect(await lab.cancelRun(id)).toMatchObject({ status: 'cancelled' });

    const resumed = await lab.resumeRun(id);
    expect(['queued', 'running']).toContain(resumed.status);
    const finished = await lab.whenSettled(id);
    expect(finished.status, finished.error ?? '').toBe('completed');
    expect(JSON.stringify(finished.result)).toBe(JSON.stringify(reference.result));
    expect((await labError(lab.resumeRun(id))).code).toBe('conflict');
  });

  it('close() leaves a running run interrupted; another service resumes it to the same numbers', async () => {
    // Enough work (≈ 10^7 iterations, mostly at η = 0.005) that close() lands mid-run.
    const config = exitTimeConfig({ name: 'interrupt me', etas: [0.1, 0.03, 0.01, 0.005], samples: 100 });
    const clean = service('clean-exit.db', { chunkIterations: 20_000 });
    const reference = await clean.whenSettled((await clean.startRun(config)).id);
    expect(reference.status, reference.error ?? '').toBe('completed');

    const path = 'interrupted-exit.db';
    const first = service(path, { chunkIterations: 20_000, workers: 1 });
    const { id } = await first.startRun(config);
    let partial = await first.getRun(id);
    await waitFor(() => {
      void first.getRun(id).then((r) => (partial = r));
      return partial.result !== null;
    }, 'a committed chunk', 60_000, 5);
    await first.close();
    const second = service(path, { chunkIterations: 20_000 });
    const seen = await second.getRun(id);
    expect(seen.status).toBe('interrupted');
    expect(seen.finishedAt).toBeNull();
    await second.resumeRun(id);
    const finished = await second.whenSettled(id);
    expect(finished.status, finished.error ?? '').toBe('completed');
    expect(JSON.stringify(finished.result)).toBe(JSON.stringify(reference.result));
  });

  it('runs several runs at once on one shared pool', async () => {
    const lab = service('several.db');
    const runs = await Promise.all([
      lab.startRun(exitTimeConfig({ name: 'one' })),
      lab.startRun(longRunConfig({ name: 'two' })),
      lab.startRun(exitTimeConfig({ name: 'three', seed: 9 })),
    ]);
    expect(new Set(lab.activeRunIds()).size).toBeGreaterThan(0);
    const done = await Promise.all(runs.map((r) => lab.whenSettled(r.id)));
    expect(done.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
    expect((await lab.listRuns({ sort: 'name', order: 'asc' })).runs.map((r) => r.name)).toEqual(['one', 'three', 'two']);
  });

  it('refuses to resume a run whose committed chunks came from another engine version, and says to duplicate it', async () => {
    const path = tmp.path('engine-version.db');
    const lab = service('engine-version.db', { chunkIterations: 20_000 });
    const { id } = await lab.startRun(longRunConfig({ iterations: 50_000_000 }));
    await lab.cancelRun(id);
    const other = openDatabase(path);
    new ChunkRows(other).insert(id, 'a0/p1/c999', ENGINE_VERSION + 1, '{}');
    other.close();
    const e = await labError(lab.resumeRun(id));
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(new RegExp(`engine version ${ENGINE_VERSION + 1}.*Duplicate the run`));
    expect((await lab.getRun(id)).status).toBe('cancelled');
  });
});
