import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { landscapePresets } from '../../../src-shared/model/landscape';
import type { Noise } from '../../../src-shared/model/noise';
import { runTask } from '../runTask';
import type { ExitTimeTask } from '../tasks';
import { benchKernels2d, type CReference2D, type Kernel2DBenchRow } from './kernelBench2d';

/**
 * `lab bench`: CPU nanoseconds per iteration of each kernel variant — Pareto
 * (α = 1.2, scale 0.1) or Gaussian (σ = 1), clipped (b = 0.5) or not — on the paper landscape at
 * η = 0.001, running the production exit-time kernel from x0 = −0.7 (Ω2) with samples restarted
 * as they exit. Each variant is timed `repetitions` times and the median reported. CPU time
 * (process.cpuUsage), not wall time, because the machine may be shared: on an idle machine they
 * agree. The plain C loop of the same recursion (reference.c: glibc pow, xoshiro256**) is
 * compiled with `gcc -O3` into a temporary folder and timed the same way, when gcc exists.
 */
export interface KernelBenchResult {
  dimension: 1;
  noise: 'pareto' | 'gaussian';
  clip: number | null;
  nsPerIteration: number;
  /** Every repetition's ns/iteration, for judging the noise of the median. */
  samples: number[];
}

export type CReference =
  | { nsPerIteration: number; ratio: number; compiler: string; samples: number[] }
  | { skipped: string };

export interface KernelBenchReport {
  /** The 1-D rows, then the 2-D rows (kernelBench2d.ts). */
  results: (KernelBenchResult | Kernel2DBenchRow)[];
  /** ratio = ours / C for clipped Pareto (the production kernel; target ≤ 1). */
  cReference: CReference;
  /** The other C references: the 2-D kernel's, one per clipped 2-D variant (ratio = ours / C, target ≤ 1). */
  cReferences: CReference2D[];
  iterations: number;
  repetitions: number;
  timing: 'cpu';
}

export interface KernelBenchOptions {
  repetitions?: number;
  /** Iterations per repetition (rounded up to a multiple of 2^20). */
  iterations?: number;
}

const heavy: Noise = { family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5 };
const light: Noise = { family: 'gaussian', sigma: 1 };
const ETA = 0.001;

export async function benchKernels(options: KernelBenchOptions = {}): Promise<KernelBenchReport> {
  const repetitions = options.repetitions ?? 5;
  const iterations = options.iterations ?? 1 << 23;
  const variants = [
    { noise: heavy, clip: 0.5 },
    { noise: heavy, clip: null },
    { noise: light, clip: 0.5 },
    { noise: light, clip: null },
  ];
  const samples = variants.map(() => [] as number[]);
  for (const v of variants) runVariant(v.noise, v.clip, 1 << 20); // warm-up: let V8 compile every variant
  for (let r = 0; r < repetitions; r++) {
    // Interleaved so a burst of load elsewhere spreads over all variants.
    variants.forEach((v, k) => samples[k].push(runVariant(v.noise, v.clip, iterations)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const results = variants.map((v, k) => ({
    dimension: 1 as const,
    noise: v.noise.family,
    clip: v.clip,
    nsPerIteration: median(samples[k]),
    samples: samples[k],
  }));
  const c = cReference(iterations, repetitions, results[0].nsPerIteration);
  // A 2-D step costs several 1-D steps: a quarter of the iterations gives repetitions of similar length.
  const plane = await benchKernels2d(Math.max(1 << 18, iterations >> 2), repetitions);
  return { results: [...results, ...plane.results], cReference: c, cReferences: plane.cReferences, iterations, repetitions, timing: 'cpu' };
}

/** CPU ns per iteration of one run of about `iterations` iterations. */
function runVariant(noise: Noise, clip: number | null, iterations: number): number {
  const paper = landscapePresets.paper;
  const task: ExitTimeTask = {
    kind: 'exit-time',
    params: { criticalPoints: [...paper.criticalPoints], L: paper.L, gradientScale: paper.gradientScale, noise, clip, eta: ETA },
    x0: -0.7,
    left: -1.3,
    right: 0.2,
    maxIterations: 1e12,
    seed: 1,
    arm: 0,
    etaIndex: 0,
    sampleStart: 0,
    sampleCount: 10_000,
  };
  let done = 0;
  const t0 = process.cpuUsage();
  // The tick stops the run once enough iterations are done; the kernel then returns null.
  runTask(task, (n) => {
    done = n;
    return n < iterations;
  });
  const used = process.cpuUsage(t0);
  return ((used.user + used.system) * 1000) / done;
}

function cReference(iterations: number, repetitions: number, oursClippedPareto: number): CReference {
  const source = findReferenceSource();
  if (source === null) return { skipped: 'reference.c not found next to the bench or under src-main/engine/bench' };
  let compiler: string;
  try {
    compiler = execFileSync('gcc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return { skipped: 'gcc not found: the C reference needs `gcc` on the PATH' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lab-bench-'));
  try {
    const exe = join(dir, 'reference');
    execFileSync('gcc', ['-O3', '-o', exe, source, '-lm']);
    const out = execFileSync(exe, [String(iterations), String(repetitions)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const samples = out.trim().split('\n').map(Number);
    const ns = median(samples);
    return { nsPerIteration: ns, ratio: oursClippedPareto / ns, compiler: `${compiler} -O3`, samples };
  } catch (e) {
    return { skipped: `C reference failed: ${(e as Error).message}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function findReferenceSource(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'reference.c'),
    join(process.cwd(), 'src-main', 'engine', 'bench', 'reference.c'),
    join(here, '..', '..', 'src-main', 'engine', 'bench', 'reference.c'),
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}
