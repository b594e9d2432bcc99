import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LabService } from '../../src-main/lab';
import type { ChunkRunner, ChunkRunOptions } from '../../src-main/engine/chunkRunner';
import type { ChunkJob, ChunkSource } from '../../src-main/engine/executor/chunkSource';
import type { EngineKind } from '../../src-main/engine/kinds/engineKind';
import { engineKind, registerEngineKind, unregisterEngineKind } from '../../src-main/engine/kinds/engineKinds';
import type { KernelChunkResult, KernelTask } from '../../src-main/engine/tasks';
import type { ExperimentKindModule } from '../../src-shared/kinds/kindModule';
import { registerExperimentKind, unregisterExperimentKind } from '../../src-shared/kinds/registry';
import { exitTimeInput } from '../../src-shared/model/configSchema';
import { expandSingleRun, type SingleRunInput } from '../../src-shared/model/expandConfig';
import type { Arm } from '../../src-shared/model/config';
import { LabError } from '../../src-shared/api';
import { query, scratch } from './cliHarness';

/**
 * A kind is one module: this test declares a whole kind here, registers it, and runs it through
 * LabService on a real SQLite file without a line of the lab changed. "sum-of-squares" adds up
 * k² for k = 1..count per arm, `per` numbers a chunk, so the answer is known in closed form.
 */
interface SumConfig {
  kind: 'sum-of-squares';
  name: string;
  landscape: { criticalPoints: number[]; L: number; gradientScale: number };
  x0: number;
  seed: number;
  arms: Arm[];
  count: number;
  per: number;
}
interface SumTask { kind: 'sum-of-squares'; arm: number; first: number; last: number }
interface SumChunk { kind: 'sum-of-squares'; sum: number; iterations: number }
interface SumResult { kind: 'sum-of-squares'; arms: { label: string; sum: number; terms: number }[] }

const sumInput = exitTimeInput.omit({ kind: true, etas: true, samples: true, maxIterations: true }).extend({
  kind: z.literal('sum-of-squares'),
  count: z.number().int().min(1),
  per: z.number().int().min(1).default(10),
});

const sumKind: ExperimentKindModule<SumConfig, SumResult, SumResult> = {
  kind: 'sum-of-squares',
  input: sumInput,
  stored: sumInput as unknown as z.ZodType<SumConfig>,
  defaultName: 'Sum of squares',
  resultView: 'SumOfSquaresResults',
  expand: (parsed) =>
    expandSingleRun<SumConfig>(parsed as SingleRunInput, 'Sum of squares', (c) =>
      c.per > c.count ? [{ path: 'per', message: `must be at most count (${c.count})` }] : [],
    ),
  workUpperBound: (c) => c.arms.length * c.count,
  footprint: (c) => ({ result: [{ field: 'count', what: 'sums', values: c.arms.length }], chunk: [{ field: 'per', what: 'a sum', values: 1 }] }),
  summarize: (r) => r,
  withSeries: (s) => s,
  describe: (c) => `${c.count} squares, ${c.per} a chunk`,
  resultText: (r) => r.arms.map((a) => `${a.label}: ${a.sum}`).join('\n'),
};

const keyOf = (t: SumTask) => `a${t.arm}/k${t.first}-${t.last}`;
const keyPattern = /^a(\d+)\/k(\d+)-(\d+)$/;

/** Every chunk known up front; the ones already committed are skipped (resume). */
class SumPlan implements ChunkSource {
  private readonly pending: SumTask[] = [];
  private done = 0;
  private readonly total: number;
  constructor(config: SumConfig, completed: ReadonlyMap<string, SumChunk>) {
    this.total = config.arms.length * config.count;
    config.arms.forEach((_, arm) => {
      for (let first = 1; first <= config.count; first += config.per) {
        const task: SumTask = { kind: 'sum-of-squares', arm, first, last: Math.min(config.count, first + config.per - 1) };
        const stored = completed.get(keyOf(task));
        if (stored) this.done += stored.iterations;
        else this.pending.push(task);
      }
    });
  }
  next(): ChunkJob | null {
    const task = this.pending.shift();
    return task ? { key: keyOf(task), task: task as unknown as KernelTask } : null;
  }
  complete(_job: ChunkJob, result: KernelChunkResult): void {
    this.done += (result as unknown as SumChunk).iterations;
  }
  finished(): boolean {
    return this.done === this.total;
  }
  work() {
    return { done: this.done, total: this.total, estimated: false };
  }
}

function sumOf(config: SumConfig, chunks: ReadonlyMap<string, SumChunk>): SumResult {
  const arms = config.arms.map((a) => ({ label: a.label, sum: 0, terms: 0 }));
  for (const [key, chunk] of chunks) {
    const m = keyPattern.exec(key);
    if (!m || chunk.kind !== 'sum-of-squares') continue;
    arms[Number(m[1])].sum += chunk.sum;
    arms[Number(m[1])].terms += chunk.iterations;
  }
  return { kind: 'sum-of-squares', arms };
}

const sumEngine: EngineKind<SumConfig, SumTask, SumChunk, SumResult, SumResult> = {
  kind: 'sum-of-squares',
  plan: (config, completed) => new SumPlan(config, completed),
  kernel(task) {
    let sum = 0;
    for (let k = task.first; k <= task.last; k++) sum += k * k;
    return { kind: 'sum-of-squares', sum, iterations: task.last - task.first + 1 };
  },
  aggregate: (config, chunks) => sumOf(config, chunks),
  running(config) {
    const chunks = new Map<string, SumChunk>();
    return {
      add: (key, chunk) => (keyPattern.test(key) ? (chunks.set(key, chunk as unknown as SumChunk), true) : false),
      summary: () => sumOf(config, chunks),
    };
  },
  csv: {
    header: ['arm', 'sum'],
    rows: (run) => ((run.result as unknown as SumResult | null)?.arms ?? []).map((a) => [a.label, a.sum]),
  },
};

/**
 * The bundled worker (out/node/worker.js) knows only the lab's own kinds, so this kind's kernel
 * cannot run there. It runs through the chunk-runner seam instead: an injected runner that calls
 * the kind's kernel from the registry, as a worker would. Everything else is the real service,
 * scheduler, store and file.
 */
class InProcessRunner implements ChunkRunner {
  readonly capacity = 2;
  tasks = 0;
  async run(task: KernelTask, options: ChunkRunOptions): Promise<KernelChunkResult | null> {
    this.tasks++;
    await new Promise((r) => setTimeout(r, 1));
    if (options.signal.aborted) return null;
    return engineKind(task.kind).kernel(task);
  }
  async close(): Promise<void> {}
}

const tmp = scratch('dummy-kind-');
const open: LabService[] = [];
beforeAll(() => {
  registerExperimentKind(sumKind);
  registerEngineKind(sumEngine);
});
afterAll(() => {
  unregisterExperimentKind(sumKind.kind);
  unregisterEngineKind(sumEngine.kind);
  tmp.cleanup();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const arms = [
  { label: 'first', noise: { family: 'gaussian', sigma: 1 }, clip: null },
  { label: 'second', noise: { family: 'gaussian', sigma: 1 }, clip: 0.5 },
];
const config = { kind: 'sum-of-squares', landscape: { preset: 'paper' }, x0: -0.7, arms, count: 95, per: 10 };

describe('a kind registered by a test alone', () => {
  it('runs through LabService on a real SQLite file: stored, aggregated, listed, exported', async () => {
    const dbPath = tmp.path('sum.db');
    const runner = new InProcessRunner();
    const lab = new LabService({ dbPath, runner });
    open.push(lab);
    const { id } = await lab.startRun(config);
    let run = await lab.getRun(id);
    for (const deadline = Date.now() + 30_000; ['queued', 'running'].includes(run.status) && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 20));
      run = await lab.getRun(id);
    }
    expect(run.status).toBe('completed');
    expect(run.name).toBe('Sum of squares');
    // Σ k², k = 1..95, is 95·96·191/6.
    const expected = (95 * 96 * 191) / 6;
    expect(run.result).toEqual({ kind: 'sum-of-squares', arms: [{ label: 'first', sum: expected, terms: 95 }, { label: 'second', sum: expected, terms: 95 }] });
    expect(runner.tasks).toBe(20);
    expect(query<number>(dbPath, 'SELECT count(*) FROM chunks WHERE run_id = ?', id)).toBe(20);
    expect(query<string>(dbPath, 'SELECT kind FROM runs WHERE id = ?', id)).toBe('sum-of-squares');
    const listed = await lab.listRuns({ kind: 'sum-of-squares' });
    expect(listed.runs.map((r) => r.id)).toEqual([id]);
    expect((await lab.exportRun(id, 'csv')).content.split(/\r?\n/).filter(Boolean)).toEqual(['arm,sum', `first,${expected}`, `second,${expected}`]);
  });

  it('checks its config with its own rules, with JSON paths', async () => {
    const lab = new LabService({ dbPath: tmp.path('bad.db'), runner: new InProcessRunner() });
    open.push(lab);
    const refused = await lab.startRun({ ...config, per: 200 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LabError);
    expect((refused as LabError).issues).toEqual([{ path: 'per', message: 'must be at most count (95)' }]);
  });
});
