import type { KernelTick, LongRunChunkResult, LongRunState, LongRunTask } from '../tasks';
import { longRunStream } from '../random/streamKey';
import { gradientAt } from './gradient';
import { landscapeTables } from './landscapeTables';
import { noiseSource } from './noiseSource';
import { TICK_INTERVAL } from './exitTime';

/**
 * One chunk of a long path (Figures 1 and 5). Iterates X(n+1 … n+iterations) and keeps only
 * fixed-size tallies, so memory does not grow with the number of iterations (the thinned
 * trajectory excepted):
 * - histogram of the iterates over [−L, L] in `bins` equal bins (X = L in the last bin);
 * - counts per field Ω_i (a point exactly on a saddle counts with the field on its left);
 * - X(k) for k % thin = 0 (X(0) in the path's first chunk);
 * - minimum-to-minimum transitions: the path is "at m_i" from the moment it enters
 *   [m_i − ε, m_i + ε]; entering the ε-ball of another minimum m_j counts a move i → j and
 *   completes a sojourn at m_i of length (entry time of m_j's ball − entry time of m_i's).
 *   expandConfig guarantees each ball lies inside its field, so only the ball of the field the
 *   iterate is in needs checking. X(0) counts as an entry.
 * The returned state (X(n), n, generator words, last ball) continues the path bit-identically.
 */
export function runLongRun(task: LongRunTask, tick?: KernelTick): LongRunChunkResult | null {
  const { params, bins, thin, epsilon } = task;
  const { c, saddles, minima } = landscapeTables(params.criticalPoints);
  checkBalls(minima, saddles, epsilon);
  const kappa = params.gradientScale;
  const eta = params.eta;
  const L = params.L;
  const clipped = params.clip !== null;
  const b = params.clip ?? Infinity;
  const nMin = minima.length;
  const z = noiseSource(params.noise);

  const histogram = new Float64Array(bins);
  const fieldCounts = new Float64Array(nMin);
  const transitions = new Float64Array(nMin * nMin);
  const sojournCount = new Float64Array(nMin);
  const sojournSum = new Float64Array(nMin);
  const sojournSumSq = new Float64Array(nMin);
  const trajectory: number[] = [];

  let x: number;
  let n: number;
  let last: number;
  let enteredAt: number;
  let rng: Int32Array;
  if (task.state === null) {
    x = task.x0;
    n = 0;
    last = 0;
    enteredAt = 0;
    rng = longRunStream(task.seed, task.arm, task.path);
    trajectory.push(x);
    const i = ballOf(x, saddles, minima, epsilon);
    if (i > 0) last = i;
  } else {
    ({ x, n, lastMinimum: last, enteredAt } = task.state);
    rng = Int32Array.from(task.state.rng);
  }

  const binScale = bins / (2 * L);
  const end = n + task.iterations;
  let nextThin = Math.ceil((n + 1) / thin) * thin;
  let nextTick = n + TICK_INTERVAL;
  const start = n;
  while (n < end) {
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

    let bin = Math.floor((x + L) * binScale);
    if (bin >= bins) bin = bins - 1;
    histogram[bin]++;
    let f = 0;
    while (f < nMin - 1 && x > saddles[f]) f++;
    fieldCounts[f]++;
    if (f + 1 !== last && Math.abs(x - minima[f]) <= epsilon) {
      if (last > 0) {
        transitions[(last - 1) * nMin + f]++;
        const sojourn = n - enteredAt;
        sojournCount[last - 1]++;
        sojournSum[last - 1] += sojourn;
        sojournSumSq[last - 1] += sojourn * sojourn;
      }
      last = f + 1;
      enteredAt = n;
    }
    if (n === nextThin) {
      trajectory.push(x);
      nextThin += thin;
    }
    if (n === nextTick) {
      if (tick && !tick(n - start)) return null;
      nextTick += TICK_INTERVAL;
    }
  }

  const state: LongRunState = { x, n, rng: Array.from(rng), lastMinimum: last, enteredAt };
  return {
    kind: 'long-run',
    histogram: Array.from(histogram),
    fieldCounts: Array.from(fieldCounts),
    trajectory,
    transitions: Array.from(transitions),
    sojournCount: Array.from(sojournCount),
    sojournSum: Array.from(sojournSum),
    sojournSumSq: Array.from(sojournSumSq),
    state,
    iterations: task.iterations,
  };
}

/** 1-based minimum whose ε-ball holds x, 0 when none (the balls lie inside their fields). */
export function ballOf(x: number, saddles: Float64Array, minima: Float64Array, epsilon: number): number {
  let f = 0;
  while (f < minima.length - 1 && x > saddles[f]) f++;
  return Math.abs(x - minima[f]) <= epsilon ? f + 1 : 0;
}

function checkBalls(minima: Float64Array, saddles: Float64Array, epsilon: number): void {
  for (let i = 0; i < minima.length; i++) {
    const left = i === 0 ? -Infinity : saddles[i - 1];
    const right = i === minima.length - 1 ? Infinity : saddles[i];
    if (minima[i] - epsilon <= left || minima[i] + epsilon >= right) {
      throw new RangeError(`epsilon ${epsilon} puts the ball of m${i + 1} outside its field`);
    }
  }
}
