import type { RunProgress } from '../../../src-shared/api';

interface Reading {
  /** ms */
  t: number;
  done: number;
}

/**
 * Iterations per second over the last `windowMs` of readings, and the time left at that speed.
 * Work done before this process started (a resumed run's committed chunks) is in `done` but
 * not in the speed, since the first reading already includes it.
 */
export class ProgressMeter {
  private readings: Reading[] = [];

  constructor(
    private readonly windowMs = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  read(id: number, done: number, total: number, estimated: boolean): RunProgress {
    const t = this.now();
    this.readings.push({ t, done });
    while (this.readings.length > 2 && this.readings[1].t <= t - this.windowMs) this.readings.shift();
    const first = this.readings[0];
    const seconds = (t - first.t) / 1000;
    const iterationsPerSecond = seconds > 0.2 ? Math.max(0, done - first.done) / seconds : 0;
    const shownTotal = Math.max(total, done);
    const etaSeconds = iterationsPerSecond > 0 ? (shownTotal - done) / iterationsPerSecond : shownTotal === done ? 0 : null;
    return { id, done, total: shownTotal, estimated, iterationsPerSecond, etaSeconds };
  }
}
