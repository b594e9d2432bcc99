import type { LabSettings, SettingsView } from '../../src-shared/settings';

/**
 * Where a door keeps its settings. The service reads them when it needs them (the budget at
 * each startRun) and writes them only for the fields `editable` allows.
 */
export interface SettingsStore {
  read(): LabSettings;
  readonly editable: SettingsView['editable'];
  /** Where a change is kept, in words, for the Settings view. */
  readonly keptIn: string;
  /** Keep `settings` (already validated, only editable fields changed); throws when it cannot. */
  write(settings: LabSettings): void;
}

/**
 * Settings of a process that got them on its command line (`serve`, the CLI): the memory budget
 * may be changed by a client for the life of the process; the executor may not, because a
 * browser must not point the server's runs, and its connections, at another host, and because
 * the server's URL may hold a password that no browser should see (it is shown redacted).
 */
export function processSettings(initial: LabSettings): SettingsStore {
  let current = { ...initial };
  return {
    read: () => ({ ...current }),
    editable: { redisUrl: false, memoryBudgetMB: true },
    keptIn: 'this server process, until it stops (start it with --memory-budget MB to keep a budget)',
    write: (settings) => (current = { ...settings }),
  };
}
