import { afterAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src-main/lab';
import { bundledWorker } from './executorTestKit';
import { scratch } from './cliHarness';

const tmp = scratch('lab-speeds-');
const lab = new LabService({ dbPath: tmp.path('speeds.db'), workers: 2, workerUrl: bundledWorker });
afterAll(async () => {
  await lab.close();
  tmp.cleanup();
});

describe('kernel speeds for the work estimate', () => {
  it('measures each kind and noise family on a real worker, once, and reports the worker count', async () => {
    const speeds = await lab.kernelSpeeds();
    expect(speeds.workers).toBe(2);
    expect(speeds.perWorker.map((s) => `${s.kind}/${s.family}`)).toEqual([
      'exit-time/pareto',
      'exit-time/gaussian',
      'exit-time/stable',
      'exit-time/student',
      'long-run/pareto',
      'long-run/gaussian',
      'long-run/stable',
      'long-run/student',
    ]);
    // The kernels do an iteration in 10–40 ns; even on a crowded machine that is far above the
    // 9.4e5 it/s a tiny run's wall time suggested (start-up dominated), which misled the estimate.
    // Stable and Student-t noise call transcendental functions per draw (0.4–1.1 µs measured).
    for (const s of speeds.perWorker) expect(s.iterationsPerSecond).toBeGreaterThan(s.family === 'stable' || s.family === 'student' ? 1e5 : 3e6);
    // Cached: the same numbers, not a second calibration.
    expect(await lab.kernelSpeeds()).toBe(speeds);
  });
});
