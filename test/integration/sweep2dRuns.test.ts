import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LabService } from '../../src-main/lab';
import { expandSweep, sweepCells } from '../../src-shared/sweep/expandSweep';
import type { SweepResult } from '../../src-shared/sweep/sweepResult';
import type { ExitTime2DResult } from '../../src-shared/model/results2d';
import type { TheoryReport2D } from '../../src-shared/theory2d/types';
import { invokeEncoded } from '../../src-main/service/encodedReads';
import { lab as cli, scratch, waitFor } from './cliHarness';

/** Sweeps over a 2-D base through LabService on a real SQLite file and the bundled worker threads, and through the real CLI. */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-sweep2d-');
afterAll(() => tmp.cleanup());

const open: LabService[] = [];
function service(name: string, options: { workers?: number } = {}): LabService {
  const s = new LabService({ dbPath: tmp.path(name), workers: options.workers ?? 2, workerUrl });
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

// Wide-and-sharp from the wide basin; 20 samples per η = two chunks of a group (16 + 4).
const sweep2d = {
  kind: 'sweep',
  name: 'three clips in 2-D',
  base: {
    kind: 'exit-time',
    landscape: { dimension: 2, preset: 'wide-and-sharp' },
    x0: [-0.8, -0.2],
    seed: 5,
    arms: [
      { label: 'iso', noise: { family: 'pareto', alpha: 1.5, scale: 1, direction: 'isotropic' }, clip: 0.5 },
      { label: 'axes', noise: { family: 'pareto', alpha: 1.5, scale: 1, direction: 'axes' }, clip: 0.5 },
    ],
    etas: [0.1, 0.05],
    samples: 20,
    maxIterations: 1_000_000,
  },
  over: [{ field: 'clip', values: [0.5, 0.8, null] }],
};

describe('a sweep over a 2-D base', () => {
  it("gives in each cell exactly the standalone 2-D run's result and exit times", async () => {
    const lab = service('cells2d.db');
    const done = await lab.whenSettled((await lab.startRun(sweep2d)).id);
    expect(done.status, done.error ?? '').toBe('completed');
    const result = done.result as unknown as SweepResult;
    expect(result).toMatchObject({ kind: 'sweep', baseKind: 'exit-time-2d' });
    expect(result.cells.map((c) => c.values)).toEqual([{ clip: 0.5 }, { clip: 0.8 }, { clip: null }]);
    for (const [c, cell] of sweepCells(expandSweep(sweep2d)).entries()) {
      const alone = await lab.whenSettled((await lab.startRun(cell.config)).id);
      expect(alone.status, alone.error ?? '').toBe('completed');
      expect(alone.config.kind as string).toBe('exit-time-2d');
      // Identical, not close: the same tasks and seeds on the same kernels.
      expect(result.cells[c].arms).toEqual((alone.result as unknown as ExitTime2DResult).arms);
      for (const arm of [0, 1]) {
        for (const eta of [0, 1]) {
          const own = await lab.getExitTimes(alone.id, arm, eta);
          expect(own).toHaveLength(20);
          expect(own).toEqual((alone.result as unknown as ExitTime2DResult).arms[arm].points[eta].exitTimes);
          expect(await lab.getExitTimes(done.id, arm, eta, c)).toEqual(own);
          // The HTTP and IPC doors' path: read and serialised on the reader thread.
          const encoded = await invokeEncoded(lab, 'getExitTimes', [done.id, arm, eta, c], 'json');
          expect(new TextDecoder().decode(encoded!)).toBe(JSON.stringify(own));
        }
      }
    }
    const arms = result.cells.map((c) => (c.arms as ExitTime2DResult['arms'])[0]);
    // The axis really changed the runs, and each cell's arms carry the 2-D prediction of its own b.
    expect(arms[0].points[0].mean).not.toBe(arms[2].points[0].mean);
    expect(arms.map((a) => a.theory?.lStar)).toEqual([3, 2, 1]);
    expect(arms.every((a) => a.home === 1)).toBe(true);
  });

  it("gives in each long-run cell the standalone 2-D run's shares, histogram and paths (the paths are in the result, not windowed)", async () => {
    const lab = service('long2d.db');
    const { etas: _e, samples: _s, maxIterations: _m, ...shared } = sweep2d.base;
    const longSweep = { kind: 'sweep', base: { ...shared, kind: 'long-run', eta: 0.01, paths: 2, iterations: 20_000, thin: 100, bins: 40 }, over: [{ field: 'eta', values: [0.01, 0.02] }] };
    const done = await lab.whenSettled((await lab.startRun(longSweep)).id);
    expect(done.status, done.error ?? '').toBe('completed');
    const result = done.result as unknown as SweepResult;
    expect(result.baseKind).toBe('long-run-2d');
    for (const [c, cell] of sweepCells(expandSweep(longSweep)).entries()) {
      const alone = await lab.whenSettled((await lab.startRun(cell.config)).id);
      expect(result.cells[c].arms).toEqual((alone.result as unknown as { arms: unknown[] }).arms);
    }
    expect(result.cells[0].arms[0]).not.toEqual(result.cells[1].arms[0]);
    await expect(lab.getTrajectories(done.id, { arm: 0 }, 0)).rejects.toThrow(/2-D long run: its thinned \[x, y\] paths are in its result/);
  });

  it('resumes a cancelled 2-D sweep to the numbers of an uninterrupted one', async () => {
    // Enough chunks (3 cells × 2 arms × 2 η × 6 chunks of 16 samples) that the cancel lands mid-run.
    const longer = { ...sweep2d, base: { ...sweep2d.base, etas: [0.05, 0.02], samples: 96 } };
    const clean = service('clean2d.db');
    const reference = await clean.whenSettled((await clean.startRun(longer)).id);
    expect(reference.status, reference.error ?? '').toBe('completed');
    const lab = service('resume2d.db', { workers: 1 });
    const { id } = await lab.startRun(longer);
    let partial = await lab.getRun(id);
    await waitFor(() => {
      void lab.getRun(id).then((r) => (partial = r));
      return partial.result !== null;
    }, 'a committed chunk', 60_000, 5);
    const cancelled = await lab.cancelRun(id);
    expect(cancelled.status).toBe('cancelled');
    const kept = await lab.getRun(id);
    const samples = (kept.result as unknown as SweepResult).cells.flatMap((c) => (c.arms as ExitTime2DResult['arms']).flatMap((a) => a.points.map((p) => p.samples)));
    expect(samples.reduce((t, n) => t + n, 0)).toBeLessThan(3 * 2 * 2 * 96);
    await lab.resumeRun(id);
    const finished = await lab.whenSettled(id);
    expect(finished.status, finished.error ?? '').toBe('completed');
    expect(JSON.stringify(finished.result)).toBe(JSON.stringify(reference.result));
  });

  it('answers lab theory with the R^2 report per cell and the l* steps of the clip axis', async () => {
    const report = await service('theory2d.db').theory(sweep2d);
    if (!('cells' in report)) throw new Error("expected a sweep's report");
    const reports = report.cells.map((c) => c.report as TheoryReport2D);
    expect(reports.every((r) => r.dimension === 2)).toBe(true);
    expect(reports.map((r) => r.arms[0].fields[0].lStar)).toEqual([3, 2, 1]);
    const [axis] = report.boundaries;
    if (!('steps' in axis)) throw new Error('expected the 2-D clip steps');
    expect(axis.steps.filter((s) => s.startBasin && s.arm === 0)).toEqual([expect.objectContaining({ basin: 1, between: [0.5, 0.8], lStar: [3, 2] })]);
  });

  it('exports a CSV with the clip axis leading, then the 2-D columns without a second clip', async () => {
    const lab = service('csv2d.db');
    const done = await lab.whenSettled((await lab.startRun(sweep2d)).id);
    const lines = (await lab.exportRun(done.id, 'csv')).content.trim().split('\r\n');
    expect(lines[0]).toBe('clip,arm,eta,sample,exit_time,censored,home_basin,exit_basin');
    // 3 cells × 2 arms × 2 η × 20 samples.
    expect(lines.length - 1).toBe(240);
    expect(lines[1].startsWith('0.5,iso,0.1,0,')).toBe(true);
    expect(lines.at(-1)?.startsWith('null,axes,0.05,19,')).toBe(true);
  });

  it('runs and shows through the real CLI', async () => {
    const file = tmp.writeJson('sweep2d.json', sweep2d);
    const db = tmp.path('cli2d.db');
    const run = await cli(['run', '--config', file, '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    const show = await cli(['show', '1', '--db', db]);
    expect(show.stdout).toContain('— Cell clip = unclipped');
    expect(show.stdout).toContain('x0 = (-0.8, -0.2)');
    // The wide basin's step for each arm, located on the basin map between b = 0.5 and 0.8, in
    // increasing b: axis-aligned jumps need one more than isotropic ones of the same length.
    const theory = await cli(['theory', '--config', file]);
    expect(theory.code, theory.stderr).toBe(0);
    const steps = theory.stdout.slice(theory.stdout.indexOf('— Where l* changes along axis 1 (clip)')).split('\n');
    expect(steps[1]).toMatch(/^ {2}axes, basin 1: l\* 4 → 3 at b ≈ 0\.6\d* \(between 0\.5 and 0\.8\)$/);
    expect(steps[2]).toMatch(/^ {2}iso, basin 1: l\* 3 → 2 at b ≈ 0\.66\d* \(between 0\.5 and 0\.8\)$/);
  });
});
