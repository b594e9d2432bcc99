import type { Database, Statement } from 'better-sqlite3';
import { storedConfig } from './storedJson';
import type { ListRunsQuery, RunPage, RunProgress, RunStatus, RunUpdate } from '../../src-shared/api';
import type { ExperimentConfig } from '../../src-shared/model/config';
import type { RunResult } from '../../src-shared/model/results';
import { summarizeResult } from '../../src-shared/model/resultSummary';
import { isOwnerAlive } from './ownerLiveness';
import { armLabelsText, headlineOf } from './runSummaryColumns';
import { rowToSummary, type RunRow } from './runRow';

/** Who executes a run: this process's pid and its LabService instance's token. */
export interface RunOwner {
  pid: number;
  token: string;
}

export type FinalStatus = 'completed' | 'failed' | 'cancelled' | 'interrupted';

/** The summary columns only: a run's result lives in run_results and is read one run at a time. */
const SELECT_RUN = `
  SELECT r.id, r.name, r.kind, r.status, r.config, r.notes, r.created_at, r.started_at, r.finished_at, r.error,
         r.headline, r.progress, r.owner_pid, r.owner_token, r.heartbeat_at, r.cancel_requested,
         (SELECT json_group_array(tag) FROM (SELECT tag FROM run_tags WHERE run_id = r.id ORDER BY tag)) AS tags
  FROM runs r`;

/** ORDER BY per sort key; `id` breaks ties so pages never overlap or skip rows. */
const orderBy: Record<NonNullable<ListRunsQuery['sort']>, (dir: string) => string> = {
  createdAt: (d) => `r.created_at ${d}, r.id ${d}`,
  name: (d) => `r.name COLLATE NOCASE ${d}, r.id ${d}`,
  status: (d) => `r.status ${d}, r.created_at DESC, r.id DESC`,
  kind: (d) => `r.kind ${d}, r.created_at DESC, r.id DESC`,
  // Runs never started sort last either way; running ones count up to now.
  duration: (d) => `r.started_at IS NULL, coalesce(r.finished_at, @now) - r.started_at ${d}, r.id ${d}`,
};

/** The runs table and its tags: every SQL statement about runs lives here. */
export class RunsRepository {
  private readonly byId: Statement<[number], RunRow>;
  private readonly insertRun: Statement;
  private readonly insertTag: Statement;
  private readonly deleteTags: Statement;
  private readonly activeRows: Statement<[], RunRow>;

  constructor(private readonly db: Database) {
    this.byId = db.prepare(`${SELECT_RUN} WHERE r.id = ?`);
    this.insertRun = db.prepare(`
      INSERT INTO runs (name, kind, status, config, arm_labels, created_at, owner_pid, owner_token, heartbeat_at)
      VALUES (@name, @kind, 'queued', @config, @armLabels, @now, @pid, @token, @now)`);
    this.insertTag = db.prepare('INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?, ?)');
    this.deleteTags = db.prepare('DELETE FROM run_tags WHERE run_id = ?');
    this.activeRows = db.prepare(`${SELECT_RUN} WHERE r.status IN ('queued', 'running')`);
  }

  /** A new run, queued and owned by `owner`. */
  create(config: ExperimentConfig, owner: RunOwner, now = Date.now()): number {
    const info = this.insertRun.run({
      name: config.name,
      kind: config.kind,
      config: JSON.stringify(config),
      armLabels: armLabelsText(config),
      now,
      pid: owner.pid,
      token: owner.token,
    });
    return Number(info.lastInsertRowid);
  }

  get(id: number): RunRow | undefined {
    return this.byId.get(id);
  }

  /**
   * Queued or running runs whose owner died are interrupted: record it, so status filters
   * and every other process agree. Few runs are ever active, so this scan is cheap.
   */
  reapDeadOwners(now = Date.now()): number[] {
    // A database opened read-only is only looked at; its owners' liveness is not ours to record.
    if (this.db.readonly) return [];
    const dead = this.activeRows
      .all()
      .filter((r) => !isOwnerAlive({ pid: r.owner_pid, token: r.owner_token, heartbeatAt: r.heartbeat_at }, now));
    const mark = this.db.prepare(`
      UPDATE runs SET status = 'interrupted', owner_pid = NULL, owner_token = NULL
      WHERE id = ? AND status IN ('queued', 'running') AND owner_token IS ? AND heartbeat_at IS ?`);
    const reaped: number[] = [];
    for (const r of dead) {
      if (mark.run(r.id, r.owner_token, r.heartbeat_at).changes > 0) reaped.push(r.id);
    }
    return reaped;
  }

  /** One page of runs, filtered, sorted and cut in SQLite; `total` counts every match. */
  page(query: ListRunsQuery = {}, now = Date.now()): RunPage {
    const where: string[] = [];
    const params: Record<string, unknown> = { now };
    if (query.text !== undefined && query.text.trim() !== '') {
      const text = query.text.trim();
      params.text = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.textId = /^#?\d+$/.test(text) ? Number(text.replace('#', '')) : -1;
      where.push(`(r.name LIKE @text ESCAPE '\\' OR r.notes LIKE @text ESCAPE '\\' OR r.arm_labels LIKE @text ESCAPE '\\' OR r.id = @textId
        OR EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag LIKE @text ESCAPE '\\'))`);
    }
    if (query.kind !== undefined) {
      params.kind = query.kind;
      where.push('r.kind = @kind');
    }
    if (query.status !== undefined) {
      params.status = query.status;
      where.push('r.status = @status');
    }
    if (query.tag !== undefined && query.tag.trim() !== '') {
      // A prefix, case-insensitive: "fig" finds "fig4" and "Figure 1"; a whole tag finds itself.
      params.tag = `${query.tag.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag LIKE @tag ESCAPE '\\')`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const dir = query.order === 'asc' ? 'ASC' : 'DESC';
    const sort = orderBy[query.sort ?? 'createdAt'](dir);
    params.limit = query.limit ?? 50;
    params.offset = query.offset ?? 0;
    const read = this.db.transaction(() => {
      const { total } = this.db
        .prepare<Record<string, unknown>, { total: number }>(`SELECT count(*) AS total FROM runs r ${filter}`)
        .get(params) as { total: number };
      const rows = this.db
        .prepare<Record<string, unknown>, RunRow>(`${SELECT_RUN} ${filter} ORDER BY ${sort} LIMIT @limit OFFSET @offset`)
        .all(params);
      return { runs: rows.map(rowToSummary), total };
    });
    // One read transaction: the page and its total come from the same snapshot.
    return read.deferred();
  }

  /** queued → running, if this owner still holds the run. */
  markRunning(id: number, owner: RunOwner, now = Date.now()): boolean {
    return (
      this.db
        .prepare(`
          UPDATE runs SET status = 'running', started_at = coalesce(started_at, @now), heartbeat_at = @now
          WHERE id = @id AND owner_token = @token AND status IN ('queued', 'running')`)
        .run({ id, token: owner.token, now }).changes > 0
    );
  }

  /**
   * The owner's pulse: refresh the heartbeat and the last progress, and learn whether a
   * cancel was requested (by any process). `owned` false means the run is no longer ours:
   * reaped as interrupted (which clears the owner), finished, or claimed by another process.
   */
  heartbeat(id: number, owner: RunOwner, progress: RunProgress | null, now = Date.now()): { owned: boolean; cancelRequested: boolean } {
    const row = this.db
      .prepare<Record<string, unknown>, { cancel_requested: number }>(`
        UPDATE runs SET heartbeat_at = @now, progress = coalesce(@progress, progress)
        WHERE id = @id AND owner_token = @token
        RETURNING cancel_requested`)
      .get({ id, token: owner.token, now, progress: progress ? JSON.stringify(progress) : null });
    return { owned: row !== undefined, cancelRequested: row !== undefined && row.cancel_requested !== 0 };
  }

  /**
   * The run ends: record status, result or error, and release ownership. Only the result's
   * summary is written: its heavy series (exit times, trajectories) are already in the run's
   * chunks, and storing them twice is what made long runs cost tens of MB each.
   */
  finish(
    id: number,
    owner: RunOwner,
    end: { status: FinalStatus; result?: RunResult | null; error?: string | null; progress?: RunProgress | null },
    now = Date.now(),
  ): boolean {
    const tx = this.db.transaction((): boolean => {
      const changed =
        this.db
          .prepare(`
            UPDATE runs SET status = @status, error = @error, headline = @headline,
                   progress = coalesce(@progress, progress),
                   finished_at = CASE WHEN @status = 'interrupted' THEN NULL ELSE @now END,
                   owner_pid = NULL, owner_token = NULL, cancel_requested = 0
            WHERE id = @id AND owner_token = @token`)
          .run({
            id,
            token: owner.token,
            now,
            status: end.status,
            error: end.error ?? null,
            headline: storedHeadlineText(end.result),
            progress: end.progress ? JSON.stringify(end.progress) : null,
          }).changes > 0;
      if (changed && end.result) {
        this.db
          .prepare('INSERT OR REPLACE INTO run_results (run_id, summary, full) VALUES (?, ?, NULL)')
          .run(id, JSON.stringify(summarizeResult(end.result)));
      }
      return changed;
    });
    return tx.immediate();
  }

  /** A completed run's stored result: its summary, and the whole of it for runs stored before summaries. */
  storedResult(id: number): { summary: string; full: string | null } | undefined {
    return this.db.prepare<[number], { summary: string; full: string | null }>('SELECT summary, full FROM run_results WHERE run_id = ?').get(id);
  }

  /** Changes to runs logged after `seq` by any process (oldest first), and the latest seq. */
  changesSince(seq: number): { seq: number; runId: number; status: RunStatus; deleted: boolean }[] {
    return this.db
      .prepare<[number], { seq: number; run_id: number; status: RunStatus; deleted: number }>(
        'SELECT seq, run_id, status, deleted FROM run_changes WHERE seq > ? ORDER BY seq',
      )
      .all(seq)
      .map((r) => ({ seq: r.seq, runId: r.run_id, status: r.status, deleted: r.deleted !== 0 }));
  }

  lastChange(): number {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) FROM run_changes').pluck().get() as number) ?? 0;
  }

  /**
   * Take a run that no live process owns (interrupted, cancelled or failed) and queue it
   * again for `owner`. Checked and written in one IMMEDIATE transaction, so two processes
   * resuming the same run cannot both win.
   */
  claim(id: number, owner: RunOwner, resumable: readonly RunStatus[], now = Date.now()): 'claimed' | 'not-found' | RunStatus {
    const tx = this.db.transaction((): 'claimed' | 'not-found' | RunStatus => {
      this.reapDeadOwners(now);
      const row = this.get(id);
      if (!row) return 'not-found';
      if (!resumable.includes(row.status)) return row.status;
      this.db
        .prepare(`
          UPDATE runs SET status = 'queued', owner_pid = @pid, owner_token = @token, heartbeat_at = @now,
                 cancel_requested = 0, error = NULL, finished_at = NULL
          WHERE id = @id`)
        .run({ id, pid: owner.pid, token: owner.token, now });
      return 'claimed';
    });
    return tx.immediate();
  }

  /** Ask whoever runs it to stop; the owner sees it at its next heartbeat. */
  requestCancel(id: number): void {
    this.db.prepare(`UPDATE runs SET cancel_requested = 1 WHERE id = ? AND status IN ('queued', 'running')`).run(id);
  }

  /** A run nobody executes (interrupted) is cancelled on the spot. */
  cancelUnowned(id: number, now = Date.now()): boolean {
    return (
      this.db
        .prepare(`UPDATE runs SET status = 'cancelled', finished_at = @now, cancel_requested = 0 WHERE id = @id AND status = 'interrupted'`)
        .run({ id, now }).changes > 0
    );
  }

  update(id: number, update: RunUpdate): void {
    const tx = this.db.transaction(() => {
      // The stored config carries the name too (Config and Compare show it), so both change together.
      if (update.name !== undefined) this.rename(id, update.name);
      if (update.notes !== undefined) this.db.prepare('UPDATE runs SET notes = ? WHERE id = ?').run(update.notes, id);
      if (update.tags !== undefined) this.setTags(id, update.tags);
    });
    tx.immediate();
  }

  private rename(id: number, name: string): void {
    const row = this.db.prepare('SELECT config FROM runs WHERE id = ?').get(id) as { config: string } | undefined;
    if (!row) return;
    const config = storedConfig(row.config);
    this.db.prepare('UPDATE runs SET name = ?, config = ? WHERE id = ?').run(name, JSON.stringify({ ...config, name }), id);
  }

  setTags(id: number, tags: readonly string[]): void {
    this.deleteTags.run(id);
    for (const tag of tags) this.insertTag.run(id, tag);
  }

  /** Delete a run; its tags and chunks go with it (ON DELETE CASCADE). */
  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
  }
}

/** A result without a per-arm headline (a sweep's is per cell) stores none. */
function storedHeadlineText(result: unknown): string | null {
  const headline = result ? headlineOf(result) : null;
  return headline === null ? null : JSON.stringify(headline);
}
