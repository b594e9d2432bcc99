import type { ExitTimeChunkResult, ExitTimeTask, KernelTick } from '../tasks';
import { exitTimeStream } from '../random/streamKey';
import { gradientAt } from './gradient';
import { fieldOf, landscapeTables } from './landscapeTables';
import { noiseSource } from './noiseSource';

/** Ticks come every 2^20 iterations: often enough to cancel within milliseconds, rare enough to cost nothing. */
export const TICK_INTERVAL = 1 << 20;

/**
 * First exit times σ = min{n ≥ 0 : X(n) ∉ Ω} for samples sampleStart … of one (arm, η),
 * each from its own stream (seed, arm, η index, sample). Clipped SGD (eq. 2–3):
 * X ← φ(X − φ(η(f'(X) − Z), b), L); unclipped (eq. 10): X ← φ(X − ηf'(X) + ηZ, L).
 * A sample still in Ω after maxIterations is censored: σ = maxIterations, exit field 0.
 */
export function runExitTime(task: ExitTimeTask, tick?: KernelTick): ExitTimeChunkResult | null {
  const { params, x0, left, right, maxIterations } = task;
  const { c, saddles } = landscapeTables(params.criticalPoints);
  const kappa = params.gradientScale;
  const eta = params.eta;
  const L = params.L;
  const clipped = params.clip !== null;
  const b = params.clip ?? Infinity;
  const exitTimes: number[] = [];
  const exitTo: number[] = [];
  let iterations = 0;
  let nextTick = TICK_INTERVAL;
  for (let k = 0; k < task.sampleCount; k++) {
    const rng = exitTimeStream(task.seed, task.arm, task.etaIndex, task.sampleStart + k);
    const z = noiseSource(params.noise);
    let x = x0;
    let n = 0;
    while (n < maxIterations && x > left && x < right) {
      const g = gradientAt(x, c, kappa);
      let y: number;
      if (clipped) {
        let step = eta * (g - z(rng));
        step = step > b ? b : step < -b ? -b : step;
        y = x - step;
      } else {
        y = x - eta * g + eta * z(rng);
      }
      x = y > L ? L : y < -L ? -L : y;
      n++;
      if (iterations + n >= nextTick) {
        if (tick && !tick(iterations + n)) return null;
        nextTick += TICK_INTERVAL;
      }
    }
    iterations += n;
    if (x > left && x < right) {
      exitTimes.push(maxIterations);
      exitTo.push(0);
    } else {
      exitTimes.push(n);
      // A landing exactly on the right saddle belongs to the field beyond it.
      exitTo.push(fieldOf(x, saddles) + (x === right ? 1 : 0));
    }
  }
  return { kind: 'exit-time', exitTimes, exitTo, iterations };
}
