import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import type { ExperimentConfig } from '../../../src-shared/model/config';

/** A fresh directory for real SQLite files; removed by the returned cleanup. */
export function tempDir(prefix = 'lab-store-'): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function exitTimeConfig(overrides: Record<string, unknown> = {}): ExperimentConfig {
  return expandConfig({
    kind: 'exit-time',
    name: 'exit test',
    landscape: { preset: 'paper' },
    x0: -0.7,
    arms: [{ label: 'clipped', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
    etas: [0.1],
    samples: 4,
    ...overrides,
  });
}

export function longRunConfig(overrides: Record<string, unknown> = {}): ExperimentConfig {
  return expandConfig({
    kind: 'long-run',
    name: 'long test',
    landscape: { preset: 'paper' },
    x0: 0.3,
    eta: 0.01,
    paths: 2,
    iterations: 1000,
    arms: [{ label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: null }],
    ...overrides,
  });
}
