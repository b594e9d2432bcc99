import type { RunHeadline } from '../../src-shared/api';

/**
 * What the runs table keeps beside each run so the list never opens a result: the arms'
 * labels (searchable) and the headline numbers. Inputs are parsed JSON of any schema version,
 * so every field is read defensively.
 */
export function armLabelsText(config: unknown): string {
  // A composite kind (a sweep) runs its base's arms in every cell.
  const c = config as { arms?: { label?: unknown }[]; base?: { arms?: { label?: unknown }[] } } | null;
  const arms = c?.arms ?? c?.base?.arms;
  return Array.isArray(arms) ? arms.map((a) => (typeof a?.label === 'string' ? a.label : '')).join('\n') : '';
}

export function headlineOf(result: unknown): RunHeadline | null {
  const r = result as { kind?: string; arms?: unknown[] } | null;
  if (!r || !Array.isArray(r.arms)) return null;
  return {
    arms: r.arms.map((arm) => {
      const a = arm as { label?: unknown; fit?: { slope?: unknown } | null; iterations?: unknown };
      return {
        label: typeof a.label === 'string' ? a.label : '',
        slope: typeof a.fit?.slope === 'number' ? a.fit.slope : null,
        iterations: typeof a.iterations === 'number' ? a.iterations : null,
      };
    }),
  };
}
