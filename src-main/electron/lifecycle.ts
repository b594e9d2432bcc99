import type { LabApi, RunSummary } from '../../src-shared/api';

/**
 * What the app asks at quit and at start. Pure apart from the LabApi calls, so the wording and
 * the decisions are tested without Electron; main.ts only shows the dialogs.
 */
export async function runsInFlight(lab: LabApi): Promise<number> {
  const [running, queued] = await Promise.all([lab.listRuns({ status: 'running', limit: 1 }), lab.listRuns({ status: 'queued', limit: 1 })]);
  return running.total + queued.total;
}

export interface DialogSpec {
  type: 'question' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}

/** Button 0 quits. Committed chunks are already on disk; the interrupt only marks the runs. */
export function quitDialog(inFlight: number): DialogSpec {
  const runs = inFlight === 1 ? 'A run is' : `${inFlight} runs are`;
  return {
    type: 'question',
    title: 'Runs in progress',
    message: `${runs} still in progress. Quit anyway?`,
    detail: 'Completed chunks are saved; the runs are left interrupted and can be resumed at the next start, losing only the chunks in flight.',
    buttons: ['Quit and resume later', 'Keep running'],
    defaultId: 1,
    cancelId: 1,
  };
}

/** Button 0 switches; the runs in flight are left interrupted in the database being closed. */
export function switchDatabaseDialog(inFlight: number): DialogSpec {
  const runs = inFlight === 1 ? 'A run is' : `${inFlight} runs are`;
  return {
    type: 'question',
    title: 'Runs in progress',
    message: `${runs} still in progress. Open the other database anyway?`,
    detail: 'Completed chunks are saved; the runs are left interrupted and resume when you open this database again.',
    buttons: ['Open and resume later', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  };
}

/** Button 0 resumes all of them. */
export function resumeDialog(page: { runs: RunSummary[]; total: number }): DialogSpec {
  const names = page.runs.slice(0, 5).map((r) => `• ${r.name} (#${r.id})`);
  if (page.total > names.length) names.push(`… and ${page.total - names.length} more`);
  return {
    type: 'question',
    title: 'Interrupted runs',
    message: page.total === 1 ? 'A run was interrupted. Resume it?' : `${page.total} runs were interrupted. Resume them?`,
    detail: `${names.join('\n')}\n\nThey continue from their saved chunks; you can also resume them later from the run list.`,
    buttons: ['Resume', 'Not now'],
    defaultId: 0,
    cancelId: 1,
  };
}

export async function interruptedRuns(lab: LabApi): Promise<{ runs: RunSummary[]; total: number }> {
  return lab.listRuns({ status: 'interrupted', sort: 'createdAt', order: 'asc', limit: 100 });
}

/** Resume each; one that fails (e.g. resumed meanwhile from another door) does not stop the rest. */
export async function resumeAll(lab: LabApi, runs: readonly RunSummary[]): Promise<{ resumed: number[]; failed: { id: number; message: string }[] }> {
  const resumed: number[] = [];
  const failed: { id: number; message: string }[] = [];
  for (const run of runs) {
    try {
      await lab.resumeRun(run.id);
      resumed.push(run.id);
    } catch (error) {
      failed.push({ id: run.id, message: (error as Error).message });
    }
  }
  return { resumed, failed };
}
