import type { ExperimentConfig } from '../../src-shared/model';

/** A null clip (an arm's, or a clip axis's value: the only axis that takes null) means no clipping. */
const nullText = (path: string): string => (/(^|\.)clip$|^over\[\d+\]\.values\[\d+\]$/.test(path) ? 'unclipped' : 'none');

/** A config as rows of (JSON path, shown value), in a reading order: what, where, arms, settings. */
export function flattenConfig(config: ExperimentConfig): [string, string][] {
  const rows: [string, string][] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value) && value.every((v) => typeof v === 'number')) rows.push([path, value.join(', ')]);
    else if (Array.isArray(value)) value.forEach((v, k) => visit(v, `${path}[${k}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    } else rows.push([path, value === null ? nullText(path) : String(value)]);
  };
  visit(config, '');
  return rows;
}

export interface ConfigDiffRow {
  path: string;
  values: (string | undefined)[];
  differs: boolean;
}

/** Side-by-side config rows of several runs; a row differs when any two runs disagree or one lacks it. */
export function configDiff(configs: readonly ExperimentConfig[]): ConfigDiffRow[] {
  const maps = configs.map((c) => new Map(flattenConfig(c)));
  const order: string[] = [];
  const seen = new Set<string>();
  for (const c of configs) {
    for (const [path] of flattenConfig(c)) {
      if (!seen.has(path)) {
        seen.add(path);
        order.push(path);
      }
    }
  }
  return order.map((path) => {
    const values = maps.map((m) => m.get(path));
    return { path, values, differs: values.some((v) => v !== values[0]) };
  });
}
