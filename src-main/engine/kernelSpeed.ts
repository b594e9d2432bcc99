import type { KernelSpeed } from '../../src-shared/api';
import { landscapePresets } from '../../src-shared/model/landscape';
import type { Noise } from '../../src-shared/model/noise';
import type { KernelTask } from './tasks';

/** What a worker reports for one timed task: iterations done and the wall seconds they took there. */
export interface TaskTiming {
  iterations: number;
  seconds: number;
}

const paper = landscapePresets.paper;
const noises: Record<KernelSpeed['family'], Noise> = {
  pareto: { family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5 },
  gaussian: { family: 'gaussian', sigma: 1 },
  stable: { family: 'stable', alpha: 1.2, scale: 0.1 },
  student: { family: 'student', nu: 1.2, scale: 0.1 },
};
/** About 0.05–0.1 s of kernel work per task: long enough to time, short enough to ask for on demand. */
const CALIBRATION_ITERATIONS = 1 << 22;

/**
 * One production-kernel task per experiment kind and noise family, on the paper landscape at
 * η = 0.001 with b = 0.5 (clipping changes a kernel's speed by a few per cent only). Exit-time
 * samples are capped at maxIterations, so the work is bounded and counted exactly.
 */
export function calibrationTasks(): { kind: KernelSpeed['kind']; family: KernelSpeed['family']; task: KernelTask }[] {
  return (['exit-time', 'long-run'] as const).flatMap((kind) =>
    (['pareto', 'gaussian', 'stable', 'student'] as const).map((family) => {
      // Stable and Student-t draws cost ~10× a Pareto draw: fewer iterations give the same timing span.
      const iterations = family === 'stable' || family === 'student' ? CALIBRATION_ITERATIONS / 8 : CALIBRATION_ITERATIONS;
      const params = { criticalPoints: [...paper.criticalPoints], L: paper.L, gradientScale: paper.gradientScale, noise: noises[family], clip: 0.5, eta: 0.001 };
      const common = { params, x0: -0.7, seed: 1, arm: 0 };
      const task: KernelTask =
        kind === 'exit-time'
          ? { kind, ...common, left: -1.3, right: 0.2, maxIterations: iterations / 8, etaIndex: 0, sampleStart: 0, sampleCount: 8 }
          : { kind, ...common, path: 0, iterations, bins: 200, thin: 250, epsilon: 0.05, state: null };
      return { kind, family, task };
    }),
  );
}

/**
 * Iterations per second of one worker for each kind and noise family. Each task runs twice and
 * the faster run counts: the first may include compiling the kernel. The tasks run one after
 * another, so they never compete with each other for a core.
 */
export async function measureKernelSpeeds(time: (task: KernelTask) => Promise<TaskTiming>): Promise<KernelSpeed[]> {
  const speeds: KernelSpeed[] = [];
  for (const { kind, family, task } of calibrationTasks()) {
    let best = 0;
    for (let r = 0; r < 2; r++) {
      const t = await time(task);
      if (t.seconds > 0) best = Math.max(best, t.iterations / t.seconds);
    }
    speeds.push({ kind, family, iterationsPerSecond: best });
  }
  return speeds;
}
