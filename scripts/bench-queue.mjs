// The queue's benchmark (README, "Running on many machines"): on this machine, a private
// redis-server, then
//   1. throughput: one CPU-bound long-run on 2 `lab worker` processes of 1 thread each through
//      the queue, against the same run on 1 local thread (wall time, after start-up), and, as a
//      control for how much parallelism the machine grants right now, on a local pool of 2
//      threads. The three are run in rounds, several times, rotating which goes first, because
//      the machine's load drifts; the ratios reported are medians over the rounds. The workers
//      are started once and serve every round (they are long-lived by design), so the first
//      round is the only one whose workers start cold; it is reported on its own as well.
//      It also counts CPU seconds (Linux /proc, every thread, JIT and GC helpers included): the
//      local run's process against everything the queue run used (coordinator, both workers,
//      Redis). The difference is what the queue costs in CPU, which the machine's load moves far
//      less than wall times.
//   2. overhead per chunk: a run of near-empty chunks that follow each other (one path, so each
//      piece waits for the previous one's commit), timed from one commit to the next.
// Usage: npm run build:node && node scripts/bench-queue.mjs [--json] [--rounds N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

const LAB = resolve('out/node/lab.js');
const dir = mkdtempSync(join(tmpdir(), 'lab-bench-queue-'));
const json = process.argv.includes('--json');
const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 5;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const say = (s) => json || process.stderr.write(`${s}\n`);

const port = await new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => ok(p));
  });
});
const redis = spawn(process.env.REDIS_SERVER ?? 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
const url = `redis://127.0.0.1:${port}`;
await new Promise((r) => setTimeout(r, 500));

const TICKS_PER_SECOND = 100;
/** CPU seconds of each thread of a process (utime + stime), by thread id; empty off Linux. */
function threadCpu(pid) {
  const out = new Map();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(tid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    }
  } catch {
    // not Linux, or the process is gone
  }
  return out;
}
const sum = (m) => [...m.values()].reduce((s, v) => s + v, 0);

/** Runs `lab …`; resolves with the CPU seconds it used, as last sampled (every 50 ms) before it exited. */
function lab(args, env = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [LAB, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let cpu = 0;
    const sampler = setInterval(() => (cpu = Math.max(cpu, sum(threadCpu(child.pid)))), 50);
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code === 0) ok(cpu);
      else fail(new Error(`lab ${args[0]} exited ${code}: ${err}`));
    });
  });
}

/** Seconds from the run's start to its last commit, and the gaps between consecutive commits. */
function timings(db) {
  const d = new BetterSqlite3(db, { readonly: true });
  const started = d.prepare('SELECT started_at FROM runs').pluck().get();
  const commits = d.prepare('SELECT created_at FROM chunks ORDER BY created_at').pluck().all();
  d.close();
  return { seconds: (commits[commits.length - 1] - started) / 1000, commits };
}

const heavy = { label: 'b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 };
const cpuBound = { name: 'bench cpu', kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, seed: 1, eta: 0.01, paths: 4, iterations: 20_000_000, thin: 1_000_000, arms: [heavy] };
const cpuFile = join(dir, 'cpu.json');
writeFileSync(cpuFile, JSON.stringify(cpuBound));
// 16 chunks of about 0.3 s: at the end of a run one worker may idle while the other finishes its
// last chunk, so the chunks are small enough for that tail to stay a few percent of the run.
const CPU_CHUNK = { LAB_CHUNK_ITERATIONS: String(5_000_000) };

const workers = [0, 1].map(() => spawn(process.execPath, [LAB, 'worker', '--redis', url, '--workers', '1'], { stdio: 'ignore' }));
const cpuOfQueue = () => ({ workers: workers.map((w) => threadCpu(w.pid)), redis: sum(threadCpu(redis.pid)) });
await new Promise((r) => setTimeout(r, 2000));
try {
  const rounds = [];
  for (let k = 0; k < ROUNDS; k++) {
    const runs = {
      local: async (db) => lab(['run', '--config', cpuFile, '--db', db, '--workers', '1'], CPU_CHUNK),
      local2: async (db) => lab(['run', '--config', cpuFile, '--db', db, '--workers', '2'], CPU_CHUNK),
      queued: async (db) => lab(['run', '--config', cpuFile, '--db', db, '--redis', url], CPU_CHUNK),
    };
    const names = Object.keys(runs);
    const round = {};
    for (let j = 0; j < names.length; j++) {
      const name = names[(j + k) % names.length];
      const db = join(dir, `${name}${k}.db`);
      const before = name === 'queued' ? cpuOfQueue() : null;
      const processCpu = await runs[name](db);
      round[name] = timings(db).seconds;
      if (name === 'local') round.localCpu = processCpu;
      if (before) {
        const after = cpuOfQueue();
        // Per worker, its busiest thread is the one running kernels; the rest is its main thread and helpers.
        let kernel = 0;
        let workerRest = 0;
        after.workers.forEach((threads, w) => {
          const deltas = [...threads].map(([tid, t]) => t - (before.workers[w].get(tid) ?? 0));
          const busiest = Math.max(...deltas);
          kernel += busiest;
          workerRest += deltas.reduce((s, d) => s + d, 0) - busiest;
        });
        round.queueCpu = { coordinator: processCpu, workerKernelThreads: kernel, workerOtherThreads: workerRest, redis: after.redis - before.redis };
      }
    }
    round.queueCpuTotal = Object.values(round.queueCpu).reduce((s, v) => s + v, 0);
    round.speedup = round.local / round.queued;
    round.local2Speedup = round.local / round.local2;
    rounds.push(round);
    say(
      `round ${k + 1}/${ROUNDS}: 1 local thread ${round.local.toFixed(2)} s, 2 local threads ${round.local2.toFixed(2)} s, ` +
        `2 workers × 1 thread ${round.queued.toFixed(2)} s → queue ${round.speedup.toFixed(2)}×, local pool ${round.local2Speedup.toFixed(2)}×`,
    );
  }
  const speedup = median(rounds.map((r) => r.speedup));
  const local2Speedup = median(rounds.map((r) => r.local2Speedup));
  const queueOverPool = median(rounds.map((r) => r.local2 / r.queued));
  const queueCpuExtra = median(rounds.map((r) => r.queueCpuTotal / r.localCpu - 1));
  say(
    `medians over ${ROUNDS} rounds: queue ${speedup.toFixed(2)}× one local thread (first round, cold workers: ${rounds[0].speedup.toFixed(2)}×); ` +
      `local pool of 2 threads ${local2Speedup.toFixed(2)}×; queue at ${(100 * queueOverPool).toFixed(0)}% of the local pool's throughput`,
  );
  say(`CPU seconds, the queue run against the local one: ${(100 * queueCpuExtra).toFixed(0)}% more (median); per round:`);
  for (const r of rounds) {
    const q = r.queueCpu;
    say(
      `  local ${r.localCpu.toFixed(2)} s; queue ${r.queueCpuTotal.toFixed(2)} s = coordinator ${q.coordinator.toFixed(2)} + worker kernel threads ${q.workerKernelThreads.toFixed(2)} ` +
        `+ worker other threads ${q.workerOtherThreads.toFixed(2)} + Redis ${q.redis.toFixed(2)}`,
    );
  }

  const empty = { ...cpuBound, name: 'bench overhead', paths: 1, iterations: 200, thin: 1 };
  const emptyFile = join(dir, 'empty.json');
  writeFileSync(emptyFile, JSON.stringify(empty));
  await lab(['run', '--config', emptyFile, '--db', join(dir, 'empty.db'), '--redis', url], { LAB_CHUNK_ITERATIONS: '1' });
  const { commits } = timings(join(dir, 'empty.db'));
  const gaps = commits.slice(1).map((t, k) => t - commits[k]);
  const gap = median(gaps);
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  say(`queue overhead per chunk (enqueue → worker → commit, empty work): median ${gap} ms, mean ${mean.toFixed(1)} ms over ${gaps.length} chunks`);
  if (json) process.stdout.write(`${JSON.stringify({ speedup, local2Speedup, queueOverPool, queueCpuExtra, rounds, overheadMs: { median: gap, mean, chunks: gaps.length } })}\n`);
} finally {
  for (const w of workers) w.kill('SIGKILL');
  redis.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
