import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RunDetail } from '../../src-shared/api';
import type { ExitTimeArmSummary } from '../../src-shared/model/results';
import type { SweepResultSummary } from '../../src-shared/sweep/sweepResult';
import { LabService } from '../lab';

export interface SweepBenchOptions {
  workerUrl: URL;
  /** Cells of the sweep (clip values spread evenly over [0.40, 0.60]). */
  cells?: number;
  /** Samples per cell and η. */
  samples?: number;
  rounds?: number;
}

export interface SweepBenchRound {
  /** Wall seconds from startRun to the run's completion event. */
  sweepSeconds: number;
  armSeconds: number;
  /** CPU seconds of this process (main thread and workers) over the same span. */
  sweepCpuSeconds: number;
  armCpuSeconds: number;
  sweepIterations: number;
  armIterations: number;
  /** (sweep wall seconds per iteration) / (one arm's wall seconds per iteration): 1 = no overhead. */
  ratio: number;
  /** The same with CPU seconds, which other processes on the machine move far less. */
  cpuRatio: number;
}

export interface SweepBenchResult {
  sweep: unknown;
  arm: unknown;
  /** Worker threads (the service's default: one per core). */
  workers: number;
  rounds: SweepBenchRound[];
  /** Median of the rounds' ratios. */
  medianRatio: number;
  medianCpuRatio: number;
}

const base = {
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  seed: 4,
  etas: [0.03, 0.01],
  maxIterations: 1e9,
};
const heavy = (clip: number) => ({ label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip });

/**
 * What a sweep costs over the same work done as one run: a `cells`-cell exit-time sweep over the
 * clip b against one exit-time run of a single arm with `cells` times the samples, at the same
 * η and seed. Every b lies in (r₂/2, r₂) = (0.32, 0.64), one step of the staircase (l*₂ = 2), so
 * each cell's kernel is the same clipped Pareto kernel as the arm's. The cells' σ differ with b,
 * so the two runs do not do exactly the same number of iterations: the ratio compares wall
 * seconds per iteration. The two runs alternate within each round (which goes first rotates),
 * on one service and one worker pool, so the machine's drifting load hits both alike.
 */
export async function benchSweep(options: SweepBenchOptions): Promise<SweepBenchResult> {
  const cells = options.cells ?? 100;
  const samples = options.samples ?? 50;
  const rounds = options.rounds ?? 3;
  const clips = Array.from({ length: cells }, (_, k) => Number((0.4 + (0.2 * k) / Math.max(1, cells - 1)).toFixed(6)));
  const sweep = { kind: 'sweep', name: `bench: ${cells}-cell clip sweep`, base: { ...base, name: 'bench cell', samples, arms: [heavy(0.5)] }, over: [{ field: 'clip', values: clips }] };
  const arm = { ...base, name: 'bench: one arm', samples: samples * cells, arms: [heavy(0.5)] };
  const dir = mkdtempSync(join(tmpdir(), 'lab-bench-sweep-'));
  const lab = new LabService({ dbPath: join(dir, 'bench.db'), workerUrl: options.workerUrl });
  try {
    const timed = async (config: unknown): Promise<{ seconds: number; cpuSeconds: number; detail: RunDetail }> => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      let id = -1;
      let stop = (): void => {};
      const done = new Promise<number>((resolve) => {
        stop = lab.on('runChanged', (e) => {
          if (e.id === id && e.status !== 'running' && e.status !== 'queued') resolve(performance.now());
        });
      });
      id = (await lab.startRun(config)).id;
      const seconds = ((await done) - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      stop();
      const detail = await lab.getRunDetail(id);
      if (detail.status !== 'completed') throw new Error(`bench run ${id} ended ${detail.status}: ${detail.error ?? ''}`);
      return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, detail };
    };
    const out: SweepBenchRound[] = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['sweep', 'arm'] as const) : (['arm', 'sweep'] as const);
      const t: Partial<Record<'sweep' | 'arm', { seconds: number; cpuSeconds: number; iterations: number }>> = {};
      for (const which of order) {
        const { seconds, cpuSeconds, detail } = await timed(which === 'sweep' ? sweep : arm);
        const arms = which === 'sweep' ? (detail.result as unknown as SweepResultSummary).cells.flatMap((c) => c.arms as ExitTimeArmSummary[]) : (detail.result!.arms as ExitTimeArmSummary[]);
        t[which] = { seconds, cpuSeconds, iterations: iterationsOf(arms) };
      }
      const s = t.sweep!;
      const a = t.arm!;
      out.push({
        sweepSeconds: s.seconds,
        armSeconds: a.seconds,
        sweepCpuSeconds: s.cpuSeconds,
        armCpuSeconds: a.cpuSeconds,
        sweepIterations: s.iterations,
        armIterations: a.iterations,
        ratio: s.seconds / s.iterations / (a.seconds / a.iterations),
        cpuRatio: s.cpuSeconds / s.iterations / (a.cpuSeconds / a.iterations),
      });
    }
    return { sweep, arm, workers: availableParallelism(), rounds: out, medianRatio: median(out.map((r) => r.ratio)), medianCpuRatio: median(out.map((r) => r.cpuRatio)) };
  } finally {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Iterations simulated: every sample's σ (a censored one at maxIterations), Σ mean × samples. */
function iterationsOf(arms: readonly ExitTimeArmSummary[]): number {
  return arms.reduce((sum, a) => sum + a.points.reduce((s, p) => s + p.mean * p.samples, 0), 0);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
