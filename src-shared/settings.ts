import type { QueueWorkers } from './api';

/**
 * What the Settings view edits: where runs started or resumed here execute, and how much memory
 * a run may hold. Each door keeps them its own way (the app in its settings file, `serve` and
 * the CLI from their command line, for the life of the process).
 */
export interface LabSettings {
  /** A redis:// or rediss:// URL: chunks go to `lab worker` processes there; null: this machine's threads. */
  redisUrl: string | null;
  /** Memory a run may hold, in megabytes; larger configs are refused when they are started. */
  memoryBudgetMB: number;
}

/** The settings as a door shows them, with what may be changed there and where changes are kept. */
export interface SettingsView extends LabSettings {
  /** Which fields a client of this door may change. */
  editable: { redisUrl: boolean; memoryBudgetMB: boolean };
  /** Where a change is kept, in words (e.g. "the app's settings file", "this server process, until it stops"). */
  keptIn: string;
  /** The budget when none is set. */
  defaultMemoryBudgetMB: number;
  /** Runs executing in this process now; the executor changes only while there are none. */
  activeRuns: number;
}

/** The answer of a connection test: whether Redis answered, and who serves its queue. */
export interface RedisCheck {
  ok: boolean;
  /** What happened, in words, without the URL's password. */
  message: string;
  /** The `lab worker` processes connected to the queue, when Redis answered. */
  workers?: QueueWorkers;
}

/**
 * Largest memory budget a setting accepts (1 TiB): beyond any machine the lab runs on, and far
 * below the sizes where the budget's own arithmetic would lose precision.
 */
export const MAX_MEMORY_BUDGET_MB = 1 << 20;
