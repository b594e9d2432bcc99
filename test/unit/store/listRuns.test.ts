import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../src-main/store/database';
import { RunsRepository } from '../../../src-main/store/runsRepository';
import type { RunStatus } from '../../../src-shared/api';
import { exitTimeConfig, longRunConfig, tempDir } from './helpers';

/** 10,000 runs with known names, kinds, statuses, tags and times, so every page is predictable. */
const N = 10_000;
const statuses: RunStatus[] = ['completed', 'failed', 'cancelled', 'interrupted'];

describe('listRuns over 10,000 runs (paginated in SQLite)', () => {
  const tmp = tempDir();
  let db: Database;
  let runs: RunsRepository;

  beforeAll(() => {
    db = openDatabase(tmp.file('many.db'));
    runs = new RunsRepository(db);
    const exit = JSON.stringify(exitTimeConfig());
    const long = JSON.stringify(longRunConfig());
    const insert = db.prepare(
      'INSERT INTO runs (id, name, kind, status, config, created_at, started_at, finished_at, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const tag = db.prepare('INSERT INTO run_tags (run_id, tag) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 1; i <= N; i++) {
        const kind = i % 2 === 0 ? 'long-run' : 'exit-time';
        // Durations are distinct: run i took (i * 7919) % N + 1 ms.
        insert.run(i, `run ${String(i).padStart(5, '0')}`, kind, statuses[i % 4], kind === 'long-run' ? long : exit, 1_000_000 + i, 2_000_000, 2_000_000 + ((i * 7919) % N) + 1, i % 100 === 0 ? 'needle' : '');
        if (i % 10 === 0) tag.run(i, 'tenth');
      }
    })();
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('pages through every run newest first, without overlap or gaps', () => {
    const seen: number[] = [];
    for (let offset = 0; ; offset += 700) {
      const page = runs.page({ offset, limit: 700 });
      expect(page.total).toBe(N);
      if (page.runs.length === 0) break;
      seen.push(...page.runs.map((r) => r.id));
    }
    expect(seen).toEqual(Array.from({ length: N }, (_, k) => N - k));
  });

  it('filters by kind, status, tag and text, and counts the total before the limit', () => {
    expect(runs.page({ kind: 'long-run', limit: 1 }).total).toBe(N / 2);
    const failed = runs.page({ status: 'failed', limit: 5, order: 'asc' });
    expect(failed.total).toBe(N / 4);
    expect(failed.runs.map((r) => r.id)).toEqual([1, 5, 9, 13, 17]);
    const tagged = runs.page({ tag: 'tenth', kind: 'long-run', limit: 3 });
    expect(tagged.total).toBe(N / 10);
    expect(tagged.runs.map((r) => r.id)).toEqual([10000, 9990, 9980]);
    expect(tagged.runs[0].tags).toEqual(['tenth']);
    expect(runs.page({ text: 'needle', limit: 1000 }).total).toBe(N / 100);
    expect(runs.page({ text: 'run 0004' }).runs.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, k) => 40 + k),
    );
    expect(runs.page({ text: '#1234' }).runs.map((r) => r.id)).toEqual([1234]);
    // LIKE wildcards in the text are literal.
    expect(runs.page({ text: '%' }).total).toBe(0);
    expect(runs.page({ status: 'queued' }).total).toBe(0);
  });

  it('sorts by name, duration and status in either direction', () => {
    expect(runs.page({ sort: 'name', order: 'asc', limit: 2 }).runs.map((r) => r.name)).toEqual(['run 00001', 'run 00002']);
    expect(runs.page({ sort: 'name', order: 'desc', offset: 1, limit: 1 }).runs[0].name).toBe('run 09999');
    const byDuration = runs.page({ sort: 'duration', order: 'asc', limit: 3 }).runs;
    const durations = byDuration.map((r) => Date.parse(r.finishedAt!) - Date.parse(r.startedAt!));
    expect(durations).toEqual([1, 2, 3]);
    const longest = runs.page({ sort: 'duration', order: 'desc', limit: 1 }).runs[0];
    expect(Date.parse(longest.finishedAt!) - Date.parse(longest.startedAt!)).toBe(N);
    const byStatus = runs.page({ sort: 'status', order: 'asc', limit: 1, offset: N / 4 }).runs[0];
    expect(byStatus.status).toBe('completed');
  });

  it('uses an index for the default page and for status filters', () => {
    const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => (r as { detail: string }).detail).join(' | ');
    expect(plan('SELECT id FROM runs r ORDER BY r.created_at DESC, r.id DESC LIMIT 50')).toMatch(/runs_by_created/);
    expect(plan("SELECT id FROM runs r WHERE r.status = 'failed' ORDER BY r.created_at DESC, r.id DESC LIMIT 50")).toMatch(/runs_by_status/);
  });
});
