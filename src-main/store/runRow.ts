import type { RunHeadline, RunProgress, RunStatus, RunSummary } from '../../src-shared/api';
import type { ExperimentConfig, ExperimentKind } from '../../src-shared/model/config';

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
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    error: row.error,
    progress: row.progress === null ? null : (JSON.parse(row.progress) as RunProgress),
    config: JSON.parse(row.config) as ExperimentConfig,
    headline: row.headline === null ? null : (JSON.parse(row.headline) as RunHeadline),
  };
}
