// The queue's benchmark (README, "Running on many machines"): on this machine, a private
// redis-server, then
//   1. throughput: one CPU-bound long-run on 2 `lab worker` processes of 1 thread each through
//      the queue, against the same run on 1 local thread (wall time, after start-up), and, as a
//      control for how much parallelism the machine grants right now, on a local pool of 2
//      threads. The three are run in rounds, several times, rotating which goes first, because
//      the machine's load drifts; the ratios reported are medians over the rounds. The workers
//      are started once and serve every round (they are long-lived by design), so the first
//      round is the only one whose workers start cold; it is reported on its own as well.
//   2. overhead per chunk: a run of near-empty chunks that follow each other (one path, so each
//      piece waits for the previous one's commit), timed from one commit to the next.
// Usage: npm run build:node && node scripts/bench-queue.mjs [--json] [--rounds N]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

function lab(args, env = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [LAB, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`lab ${args[0]} exited ${code}: ${err}`))));
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
      await runs[name](db);
      round[name] = timings(db).seconds;
    }
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
  say(
    `medians over ${ROUNDS} rounds: queue ${speedup.toFixed(2)}× one local thread (first round, cold workers: ${rounds[0].speedup.toFixed(2)}×); ` +
      `local pool of 2 threads ${local2Speedup.toFixed(2)}×; queue at ${(100 * queueOverPool).toFixed(0)}% of the local pool's throughput`,
  );

  const empty = { ...cpuBound, name: 'bench overhead', paths: 1, iterations: 200, thin: 1 };
  const emptyFile = join(dir, 'empty.json');
  writeFileSync(emptyFile, JSON.stringify(empty));
  await lab(['run', '--config', emptyFile, '--db', join(dir, 'empty.db'), '--redis', url], { LAB_CHUNK_ITERATIONS: '1' });
  const { commits } = timings(join(dir, 'empty.db'));
  const gaps = commits.slice(1).map((t, k) => t - commits[k]);
  const gap = median(gaps);
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  say(`queue overhead per chunk (enqueue → worker → commit, empty work): median ${gap} ms, mean ${mean.toFixed(1)} ms over ${gaps.length} chunks`);
  if (json) process.stdout.write(`${JSON.stringify({ speedup, local2Speedup, queueOverPool, rounds, overheadMs: { median: gap, mean, chunks: gaps.length } })}\n`);
} finally {
  for (const w of workers) w.kill('SIGKILL');
  redis.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
