import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LabService } from '../../src-main/lab';
import { sweepCells, expandSweep } from '../../src-shared/sweep/expandSweep';
import type { SweepResult } from '../../src-shared/sweep/sweepResult';
import { invokeEncoded } from '../../src-main/service/encodedReads';
import { exitTimeConfig, heavy, lab, longRunConfig, scratch, storedRuns } from './cliHarness';

/** Sweeps through LabService on a real SQLite file and the real bundled worker threads, and through the real CLI. */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-sweep-');
afterAll(() => tmp.cleanup());

const open: LabService[] = [];
function service(name: string): LabService {
  const s = new LabService({ dbPath: tmp.path(name), workers: 2, workerUrl });
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const clipSweep = {
  kind: 'sweep',
  name: 'three clips',
  base: exitTimeConfig({ arms: [heavy(0.5)], etas: [0.1, 0.05], samples: 8, seed: 11 }),
  over: [{ field: 'clip', values: [0.3, 0.6, null] }],
};

describe('a sweep', () => {
  it('gives in each cell exactly the numbers of a standalone run of the cell with the same seed', async () => {
    const lab = service('cells.db');
    const started = await lab.startRun(clipSweep);
    const done = await lab.whenSettled(started.id);
    expect(done.status, done.error ?? '').toBe('completed');
    const result = done.result as unknown as SweepResult;
    expect(result.kind).toBe('sweep');
    if (result.baseKind !== 'exit-time') throw new Error(`an exit-time base, not ${result.baseKind}`);
    expect(result.cells.map((c) => c.values)).toEqual([{ clip: 0.3 }, { clip: 0.6 }, { clip: null }]);

    const cells = sweepCells(expandSweep(clipSweep));
    for (const [c, cell] of cells.entries()) {
      const alone = await lab.whenSettled((await lab.startRun(cell.config)).id);
      expect(alone.status, alone.error ?? '').toBe('completed');
      // Identical, not close: the same tasks with the same seeds on the same kernels.
      expect(result.cells[c].arms).toEqual((alone.result as { arms: unknown[] }).arms);
      expect(result.cells[c].arms[0].points.every((p) => p.samples === 8)).toBe(true);
    }
    // The cells differ from one another (the axis really changed the runs).
    expect(result.cells[0].arms[0].points[0].mean).not.toBe(result.cells[2].arms[0].points[0].mean);
    expect(result.cells[0].arms[0].theory).toMatchObject({ field: expect.any(Number), lStar: expect.any(Number), exponent: expect.any(Number) });
  });

  it("answers getExitTimes for a cell with exactly the standalone run's samples, on the main thread and the reader thread", async () => {
    const lab = service('cell-exit-times.db');
    const sweep = await lab.whenSettled((await lab.startRun(clipSweep)).id);
    expect(sweep.status, sweep.error ?? '').toBe('completed');
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    for (const [c, cell] of sweepCells(expandSweep(clipSweep)).entries()) {
      const alone = await lab.whenSettled((await lab.startRun(cell.config)).id);
      for (const eta of [0, 1]) {
        const own = await lab.getExitTimes(alone.id, 0, eta);
        expect(own).toHaveLength(8);
        expect(await lab.getExitTimes(sweep.id, 0, eta, c)).toEqual(own);
        // The HTTP and IPC doors' path: the same call by name, read and serialised off-thread.
        const encoded = invokeEncoded(lab, 'getExitTimes', [sweep.id, 0, eta, c], 'json');
        expect(encoded).not.toBeNull();
        expect(text(await encoded!)).toBe(JSON.stringify(own));
      }
    }
    // Cells really differ (so equality above is not that of one cell read three times).
    expect(await lab.getExitTimes(sweep.id, 0, 0, 0)).not.toEqual(await lab.getExitTimes(sweep.id, 0, 0, 2));
    await expect(lab.getExitTimes(sweep.id, 0, 0)).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'cell' }] });
    await expect(lab.getExitTimes(sweep.id, 0, 0, 3)).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'cell' }] });
    await expect(invokeEncoded(lab, 'getExitTimes', [sweep.id, 0, 0], 'json')).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'cell' }] });
    const standalone = (await lab.listRuns()).runs.find((r) => r.config.kind === 'exit-time')!;
    await expect(lab.getExitTimes(standalone.id, 0, 0, 0)).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'cell' }] });
    // null is "no cell", as a JSON door sends a left-out argument.
    expect(await lab.getExitTimes(standalone.id, 0, 0, null)).toEqual(await lab.getExitTimes(standalone.id, 0, 0));
  });

  it("answers getTrajectories for a long-run cell with exactly the standalone run's paths", async () => {
    const lab = service('cell-trajectories.db');
    const longSweep = { kind: 'sweep', name: 'two clips, long run', base: longRunConfig({ iterations: 40_000, thin: 1_000 }), over: [{ field: 'clip', values: [0.3, null] }] };
    const sweep = await lab.whenSettled((await lab.startRun(longSweep)).id);
    expect(sweep.status, sweep.error ?? '').toBe('completed');
    const query = { arm: 0, columns: 100 };
    const windows = [];
    for (const [c, cell] of sweepCells(expandSweep(longSweep)).entries()) {
      const alone = await lab.whenSettled((await lab.startRun(cell.config)).id);
      const own = await lab.getTrajectories(alone.id, query);
      expect(own.paths).toHaveLength(2);
      expect(own.paths[0].stored).toBe(41); // x0 and every 1,000th iterate
      const window = await lab.getTrajectories(sweep.id, query, c);
      expect(window).toEqual(own);
      windows.push(window);
    }
    expect(windows[0].paths[0].points).not.toEqual(windows[1].paths[0].points);
    await expect(lab.getTrajectories(sweep.id, query)).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'cell' }] });
  });

  it('exports a CSV with the axis field as its leading column', async () => {
    const lab = service('csv.db');
    const done = await lab.whenSettled((await lab.startRun(clipSweep)).id);
    const csv = (await lab.exportRun(done.id, 'csv')).content;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('clip,arm,eta,sample,exit_time,censored,exit_to');
    // 3 cells × 2 η × 8 samples.
    expect(lines.length - 1).toBe(48);
    expect(lines[1].startsWith('0.3,')).toBe(true);
    expect(lines.at(-1)?.startsWith('null,')).toBe(true);
  });

  it('answers lab theory with a report per cell and the clip boundaries', async () => {
    const report = await service('theory.db').theory(clipSweep);
    if (!('cells' in report)) throw new Error('expected a sweep\'s report');
    expect(report.cells.map((c) => c.values)).toEqual([{ clip: 0.3 }, { clip: 0.6 }, { clip: null }]);
    expect(report.boundaries[0].field).toBe('clip');
  });

  it('invalid through the real CLI: exit 2 naming over[0].values[2], nothing stored', async () => {
    const file = tmp.writeJson('bad-sweep.json', { ...clipSweep, over: [{ field: 'clip', values: [0.3, 0.6, -1] }] });
    const db = tmp.path('bad-sweep.db');
    const r = await lab(['run', '--config', file, '--db', db]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('over[0].values[2]');
    expect(r.stdout).toBe('');
    expect(storedRuns(db)).toBe(0);
  });

  it('runs, shows and explains a sweep through the real CLI', async () => {
    const file = tmp.writeJson('sweep.json', clipSweep);
    const db = tmp.path('cli-sweep.db');
    const run = await lab(['run', '--config', file, '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    const show = await lab(['show', '1', '--db', db]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('— Cell clip = unclipped');
    const json = JSON.parse((await lab(['show', '1', '--json', '--db', db])).stdout) as { result: SweepResult };
    expect(json.result.cells.map((c) => c.values)).toEqual([{ clip: 0.3 }, { clip: 0.6 }, { clip: null }]);
    const theory = await lab(['theory', '--config', file]);
    expect(theory.code, theory.stderr).toBe(0);
    expect(theory.stdout).toContain('— Cell clip = 0.6');
    // Where the staircase steps between 0.3 and 0.6 for the field of x0 (r₂ = 0.64).
    expect(theory.stdout).toContain('— Where l* changes along axis 1 (clip)\n  Ω₂: l* 3 → 2 at b = r₂/2 = 0.32\n');
  });
});
