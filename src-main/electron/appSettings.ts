import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { MAX_MEMORY_BUDGET_MB, type LabSettings } from '../../src-shared/settings';
import type { SettingsStore } from '../service/settingsStore';
import { readQueueSetting } from './queueSetting';

/**
 * The app's settings in settings.json in the user-data folder: `redisUrl` (absent: this
 * machine) and `memoryBudgetMB` (absent: LAB_MEMORY_BUDGET_MB or the lab's default). Other keys
 * in the file are the user's or a later version's and are kept as they are.
 */
export function readAppSettings(file: string, defaultBudgetMB: number): { settings: LabSettings; problem: string | null } {
  const queue = readQueueSetting(file);
  const settings: LabSettings = { redisUrl: queue.redisUrl, memoryBudgetMB: defaultBudgetMB };
  if (queue.problem) return { settings, problem: queue.problem };
  const budget = readObject(file).memoryBudgetMB;
  if (budget === undefined || budget === null) return { settings, problem: null };
  if (typeof budget !== 'number' || !Number.isFinite(budget) || budget <= 0 || budget > MAX_MEMORY_BUDGET_MB) {
    return { settings, problem: `memoryBudgetMB in ${file} must be a number of megabytes in (0, ${MAX_MEMORY_BUDGET_MB}]` };
  }
  return { settings: { ...settings, memoryBudgetMB: budget }, problem: null };
}

/** The Settings view's store in the app: both fields editable, each change written to the file. */
export function appSettingsStore(file: string, initial: LabSettings): SettingsStore {
  let current = { ...initial };
  return {
    read: () => ({ ...current }),
    editable: { redisUrl: true, memoryBudgetMB: true },
    keptIn: "the app's settings file (settings.json in its data folder)",
    write(settings) {
      const kept = readObject(file);
      const next: Record<string, unknown> = { ...kept, memoryBudgetMB: settings.memoryBudgetMB };
      if (settings.redisUrl === null) delete next.redisUrl;
      else next.redisUrl = settings.redisUrl;
      // Whole or not at all: a crash mid-write must not leave a file the next start refuses.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, file);
      current = { ...settings };
    },
  };
}

function readObject(file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
