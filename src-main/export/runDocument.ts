import type { RunRecord } from '../../src-shared/api';

/**
 * The `lab show --json` document: the keys scripts rely on first, in that
 * order, then the bookkeeping (tags, notes, last progress). `lab run --json` and the JSON
 * export print the same document.
 */
export function runDocument(run: RunRecord) {
  return {
    id: run.id,
    name: run.name,
    kind: run.kind,
    status: run.status,
    config: run.config,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
    result: run.result,
    tags: run.tags,
    notes: run.notes,
    progress: run.progress,
  };
}

export type RunDocument = ReturnType<typeof runDocument>;
