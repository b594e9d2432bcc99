import type { RunStatus, RunSummary } from '../../src-shared/api';
import type { ExperimentKind } from '../../src-shared/model/config';
import { storedConfig, storedHeadline, storedProgress, storedTags } from './storedJson';

/** A `runs` row's summary columns as SQLite returns them (tags folded in as a JSON array); never the result. */
export interface RunRow {
  id: number;
  name: string;
  kind: ExperimentKind;
  status: RunStatus;
  config: string;
  notes: string;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  error: string | null;
  headline: string | null;
  progress: string | null;
  owner_pid: number | null;
  owner_token: string | null;
  heartbeat_at: number | null;
  cancel_requested: number;
  tags: string;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function rowToSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    createdAt: iso(row.created_at) as string,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    tags: storedTags(row.tags),
    notes: row.notes,
    error: row.error,
    progress: row.progress === null ? null : storedProgress(row.progress),
    config: storedConfig(row.config),
    headline: row.headline === null ? null : storedHeadline(row.headline),
  };
}
