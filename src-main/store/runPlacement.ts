import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * Where a run's chunks are computed: its UUID (unique across databases, so its jobs on a shared
 * queue never collide with another database's run of the same id) and the executor it last ran
 * on. The executor belongs to the invocation, not the run; it is recorded so `resume` can say
 * that a run which ran on a queue needs a queue again. It never holds a password.
 */
export class RunPlacement {
  constructor(private readonly db: Database) {}

  /** The run's UUID, given one now if it has none (runs from before UUIDs existed). */
  uuid(id: number): string {
    const row = this.db.prepare('SELECT uuid FROM runs WHERE id = ?').get(id) as { uuid: string | null } | undefined;
    if (!row) throw new Error(`no run ${id}`);
    if (row.uuid) return row.uuid;
    const uuid = randomUUID();
    this.db.prepare('UPDATE runs SET uuid = ? WHERE id = ? AND uuid IS NULL').run(uuid, id);
    return (this.db.prepare('SELECT uuid FROM runs WHERE id = ?').get(id) as { uuid: string }).uuid;
  }

  executor(id: number): string | null {
    const row = this.db.prepare('SELECT executor FROM runs WHERE id = ?').get(id) as { executor: string | null } | undefined;
    return row?.executor ?? null;
  }

  record(id: number, executor: string): void {
    this.db.prepare('UPDATE runs SET executor = ? WHERE id = ?').run(executor, id);
  }
}
