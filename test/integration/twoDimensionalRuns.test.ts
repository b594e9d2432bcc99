import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LabService, type LabServiceOptions } from '../../src-main/lab';
import type { ExitTime2DResult, LongRun2DResult } from '../../src-shared/model/results2d';
import { lab as labCli, scratch, storedRuns, waitFor } from './cliHarness';

/**
 * 2-D runs through LabService on a real SQLite file and the real bundled worker threads: the
 * numbers do not depend on the worker count or on an interruption and resume, and the results
 * have the documented shapes.
 */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-2d-');
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

const exitTime2d = {
  kind: 'exit-time',
  name: '2-D exit',
  landscape: { dimension: 2, preset: 'wide-and-sharp' },
  // In the sharp lower-right well (basin 3): one truncated jump of b = 0.5 leaves it.
  x0: [1.0, -0.8],
  seed: 11,
  arms: [
    { label: 'isotropic', noise: { family: 'pareto', alpha: 1.5, scale: 1, direction: 'isotropic' }, clip: 0.5 },
    { label: 'axes', noise: { family: 'pareto', alpha: 1.5, scale: 1, direction: 'axes' }, clip: 0.5 },
  ],
  etas: [0.1, 0.05, 0.02],
  samples: 40,
  maxIterations: 1_000_000,
};

const longRun2d = {
  kind: 'long-run',
  name: '2-D long run',
  landscape: { dimension: 2, preset: 'wide-and-sharp' },
  x0: [-0.8, -0.2],
  seed: 5,
  eta: 0.05,
  paths: 2,
  iterations: 300_000,
  bins: 16,
  thin: 1000,
  epsilon: 0.05,
  arms: [
    { label: 'clipped', noise: { family: 'pareto', alpha: 1.5, direction: 'isotropic' }, clip: 0.5 },
    { label: 'gaussian', noise: { family: 'gaussian', sigma: 1 }, clip: null },
  ],
};

async function completed(lab: LabService, config: unknown) {
  const run = await lab.whenSettled((await lab.startRun(config)).id);
  expect(run.status, run.error ?? '').toBe('completed');
  return run;
}

describe('2-D runs through LabService', () => {
  it('exit time: stored as exit-time-2d, the same numbers on 1 and 2 workers, the documented shape', async () => {
    const one = await completed(service('exit-1.db', { workers: 1 }), exitTime2d);
    const two = await completed(service('exit-2.db', { workers: 2 }), exitTime2d);
    expect(one.config.kind).toBe('exit-time-2d');
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result));
    const result = one.result as unknown as ExitTime2DResult;
    expect(result.kind).toBe('exit-time-2d');
    for (const arm of result.arms) {
      expect(arm.home).toBe(3);
      expect(arm.points.map((p) => p.eta)).toEqual([0.1, 0.05, 0.02]);
      for (const p of arm.points) {
        expect(p.samples).toBe(40);
        expect(p.exitTimes).toHaveLength(40);
        const exits = Object.values(p.exitTo).reduce((s, v) => s + v, 0);
        expect(exits + p.censored).toBe(40);
        expect(Object.keys(p.exitTo).every((j) => j !== '3')).toBe(true);
      }
      expect(arm.fit).not.toBeNull();
    }
    // The theory of basin 3 for b = 0.5 (r₃ ≈ 0.43 < b): one jump, exponent α = 1.5.
    expect(result.arms[0].theory).toMatchObject({ basin: 3, lStar: 1, jumpsByRadius: 1, exponent: 1.5 });
  }, 120_000);

  it('long run: shares, histogram, moves, sojourns and [x, y] trajectories; identical on 1 and 2 workers', async () => {
    const one = await completed(service('long-1.db', { workers: 1, chunkIterations: 50_000 }), longRun2d);
    const two = await completed(service('long-2.db', { workers: 2 }), longRun2d);
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result));
    const result = one.result as unknown as LongRun2DResult;
    expect(result.kind).toBe('long-run-2d');
    for (const arm of result.arms) {
      expect(arm.share).toHaveLength(3);
      expect(arm.share.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      expect(arm.histogram.xEdges).toHaveLength(17);
      expect(arm.histogram.xEdges[0]).toBe(-2);
      expect(arm.histogram.counts).toHaveLength(16);
      const cells = arm.histogram.counts.flat().reduce((s, v) => s + v, 0);
      expect(cells).toBe(2 * 300_000);
      expect(arm.moves).toHaveLength(3);
      expect(arm.sojourns.map((s) => s.minimum)).toEqual([1, 2, 3]);
      expect(arm.trajectories).toHaveLength(2);
      // X(0), X(1000), …, X(300 000).
      expect(arm.trajectories[0]).toHaveLength(301);
      expect(arm.trajectories[0][0]).toEqual([-0.8, -0.2]);
    }
    // Clipped heavy tails leave the wide basin only rarely at η = 0.05 but do visit the sharp ones.
    expect(result.arms[0].share[0]).toBeGreaterThan(0.9);
  }, 120_000);

  it('an interrupted 2-D long run resumes to the numbers of an uninterrupted one', async () => {
    const config = { ...longRun2d, name: 'interrupt me', iterations: 2_000_000 };
    const reference = await completed(service('long-ref.db', { chunkIterations: 20_000 }), config);
    const path = 'long-interrupted.db';
    const first = service(path, { chunkIterations: 20_000, workers: 1 });
    const { id } = await first.startRun(config);
    let partial = await first.getRun(id);
    await waitFor(() => {
      void first.getRun(id).then((r) => (partial = r));
      return partial.result !== null;
    }, 'a committed chunk', 60_000, 5);
    await first.close();
    const second = service(path, { chunkIterations: 20_000 });
    expect((await second.getRun(id)).status).toBe('interrupted');
    await second.resumeRun(id);
    const finished = await second.whenSettled(id);
    expect(finished.status, finished.error ?? '').toBe('completed');
    expect(JSON.stringify(finished.result)).toBe(JSON.stringify(reference.result));
  }, 180_000);

  it('lab run with a bad 2-D config exits 2 naming the JSON paths, nothing stored', async () => {
    const bad = {
      ...exitTime2d,
      landscape: { dimension: 2, L: 2, confinement: 0.5, wells: [{ center: [0, 'x'], depth: 1, width: 0.3 }] },
      arms: [{ label: 'a', noise: { family: 'pareto', alpha: 1.5, direction: 'diagonal' }, clip: 0.5 }],
    };
    const file = tmp.writeJson('bad-2d.json', bad);
    const db = tmp.path('bad-2d.db');
    const r = await labCli(['run', '--config', file, '--db', db]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/landscape\.wells\[0\]\.center\[1\]: must be a number/);
    expect(r.stderr).toMatch(/arms\[0\]\.noise\.direction: must be "isotropic" or "axes"/);
    expect(r.stderr).toMatch(/nothing was stored/);
    expect(storedRuns(db)).toBe(0);
  });
});
