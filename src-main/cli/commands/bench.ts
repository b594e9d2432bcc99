import { parseCommandArgs, positiveInteger } from '../args';
import { UsageError } from '../errors';
import { commandHelp } from '../help';
import { log, printHelp, printJson } from '../service';
import { num, table } from '../format/table';
import { benchKernels } from '../../engine/bench/kernelBench';
import { benchPool } from '../../engine/bench/poolBench';
import { benchHistory } from '../../bench/historyBench';
import { benchSweep } from '../../bench/sweepBench';

/** `lab bench`: the pool's speedup and Figure 1 wall time, then the kernels' ns per iteration. */
export async function benchCommand(argv: string[]): Promise<number> {
  const help = commandHelp.bench;
  const args = parseCommandArgs(argv, { json: { type: 'boolean' }, history: { type: 'boolean' }, sweep: { type: 'boolean' }, samples: { type: 'string' } }, 0, help);
  if (args.values.help) return printHelp(help);
  if (args.values.history) return historyCommand(args.values.json === true);
  const samples = positiveInteger(args, 'samples', help);
  if (samples !== undefined && !args.values.sweep) throw new UsageError('--samples applies to --sweep only', help);
  if (args.values.sweep) return sweepCommand(args.values.json === true, samples);
  // The pool first: run after the in-process kernel timing, its 2-worker number came out ~10%
  // lower (1.67–1.70× against 1.84–1.87× in a fresh process), the main thread's own JIT and GC
  // work still competing for the two cores.
  log('Timing the worker pool: a CPU-bound run on 1 and on 2 workers, then Figure 1 on every worker…');
  const pool = await benchPool({ workerUrl: new URL('./worker.js', import.meta.url) });
  log('Timing each kernel variant (CPU time, median of repetitions)…');
  const kernels = await benchKernels();
  if (args.values.json) {
    printJson({ kernels, pool });
    return 0;
  }
  const out: string[] = [];
  out.push(`Kernels (${num(kernels.iterations)} iterations × ${kernels.repetitions} repetitions, ${kernels.timing} time)`);
  out.push(
    table(
      ['dimension', 'kernel', 'noise', 'clip', 'implementation', 'paths / chunk', 'ns / iteration'],
      kernels.results.map((r) => [
        `${r.dimension}-D`,
        r.kind,
        'direction' in r && r.direction ? `${r.noise} ${r.direction}` : r.noise,
        r.clip === null ? 'none' : `b = ${r.clip}`,
        'implementation' in r ? r.implementation : 'js',
        'paths' in r && r.paths ? r.paths : 1,
        r.nsPerIteration,
      ]),
    ),
  );
  if (kernels.wasmSkipped) out.push(`WebAssembly: skipped (${kernels.wasmSkipped})`);
  for (const s of kernels.speedups) {
    const group = s.paths ? ` (${s.paths} paths per chunk)` : '';
    out.push(`${s.kind} ${s.noise} ${s.clip === null ? 'unclipped' : 'clipped'}: WebAssembly${group} ${num(s.wasmOverJs)}× as fast as JavaScript`);
  }
  const c = kernels.cReference;
  const ratios = 'skipped' in c ? '' : Object.entries(c.ratio).map(([impl, r]) => `${impl} / C = ${num(r)}`).join(', ');
  out.push('skipped' in c ? `C reference: skipped (${c.skipped})` : `C reference (${c.compiler}): ${num(c.nsPerIteration)} ns / iteration; clipped Pareto exit-time ${ratios}`);
  if (!('skipped' in c)) {
    out.push(`clipped Pareto long-run: ${Object.entries(c.longRunRatio).map(([variant, r]) => `${variant} / C = ${num(r)}`).join(', ')}`);
  }
  for (const r of kernels.cReferences) {
    const what = `2-D C reference, ${r.kind} ${r.noise}${r.direction ? ` ${r.direction}` : ''} b = ${r.clip}`;
    const ratios = 'skipped' in r ? '' : Object.entries(r.ratio).map(([impl, x]) => `${impl} / C = ${num(x)}`).join(', ');
    out.push('skipped' in r ? `${what}: skipped (${r.skipped})` : `${what}: ${num(r.nsPerIteration)} ns / iteration; ${ratios}`);
  }
  out.push('');
  out.push(`Worker pool: 2 workers are ${num(pool.speedup2over1)}× as fast as 1 on a CPU-bound run (target ≥ 1.8 on 2 idle cores)`);
  out.push(`Figure 1 preset (4 arms × 20 paths × 3,000,000): ${num(pool.figure1WallSeconds)} s wall on ${pool.workers} workers`);
  out.push('Timings depend on the machine and on whatever else it is running.');
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** `lab bench --history`: the run history at scale (what the Runs view and the run detail call). */
async function historyCommand(json: boolean): Promise<number> {
  log('Building a database of 1,000 runs, 20 of them with 20 MB of trajectories each, then timing the reads…');
  const result = await benchHistory();
  if (json) {
    printJson(result);
    return 0;
  }
  const out = [
    `${num(result.runs)} runs, ${result.heavyRuns} with ${num(result.heavyRunMB)} MB of trajectories each; database ${num(result.databaseMB)} MB`,
    table(
      ['call', 'ms'],
      Object.entries(result.ms).map(([call, ms]) => [call, ms]),
    ),
    `Medians of ${result.repetitions} calls after a warm-up (first call and getRun: one call). Each call holds the event loop for that long.`,
    '',
    'listRuns through the HTTP door while the whole heavy run is served (getRun), medians of 3 rounds:',
    table(
      ['getRun read on', 'getRun ms', 'listRuns calls meanwhile', 'listRuns median ms', 'listRuns max ms', 'longest thread hold ms'],
      result.duringGetRun.map((r) => [r.readOn, r.getRunMs, r.smallCalls, r.smallMedianMs, r.smallMaxMs, r.longestBlockMs]),
    ),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** `lab bench --sweep`: a 100-cell exit-time sweep against the same work as one arm. */
async function sweepCommand(json: boolean, samples: number | undefined): Promise<number> {
  log(`Timing a 100-cell exit-time sweep over b (${samples ?? 50} samples a cell) against one arm with 100 times the samples, 3 rounds…`);
  const result = await benchSweep({ workerUrl: new URL('./worker.js', import.meta.url), samples });
  if (json) {
    printJson(result);
    return 0;
  }
  const out = [
    table(
      ['round', 'sweep s', 'sweep CPU s', 'sweep iterations', 'one arm s', 'one arm CPU s', 'one arm iterations', 'ratio (wall)', 'ratio (CPU)'],
      result.rounds.map((r, k) => [k + 1, r.sweepSeconds, r.sweepCpuSeconds, r.sweepIterations, r.armSeconds, r.armCpuSeconds, r.armIterations, r.ratio, r.cpuRatio]),
    ),
    'Ratios: the sweep\'s seconds per iteration over the one arm\'s (1 = no per-cell overhead; target < 1.05).',
    `Medians on ${result.workers} workers: ${num(result.medianRatio)} in wall time, ${num(result.medianCpuRatio)} in CPU time (this process's threads).`,
    'Timings depend on the machine and on whatever else it is running.',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
