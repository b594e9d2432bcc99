import { afterAll, describe, expect, it } from 'vitest';
import { lab, longRunConfig, scratch, storedRuns } from './cliHarness';

/**
 * A config whose results cannot fit the memory budget is refused before anything is stored,
 * naming the field and the limit; `--memory-budget` raises the limit for users with more memory.
 */
const tmp = scratch('lab-budget-');
afterAll(() => tmp.cleanup());

describe('lab run and the memory budget', () => {
  it('refuses thin 1 × 1e8 iterations × 2 paths with exit 2, naming thin and the budget; nothing stored', async () => {
    const file = tmp.writeJson('huge.json', longRunConfig({ thin: 1, iterations: 100_000_000, paths: 2 }));
    const db = tmp.path('huge.db');
    const r = await lab(['run', '--config', file, '--db', db]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^\s+thin: .*over the memory budget of 1,024 MB/m);
    expect(r.stderr).toMatch(/nothing was stored/);
    expect(storedRuns(db)).toBe(0);
  });

  it('--memory-budget sets the limit: refused under 10 MB, run to completion with the default', async () => {
    // 2 paths × 200,001 points ≈ 19 MB at the budget's 48 bytes a number.
    const file = tmp.writeJson('mid.json', longRunConfig({ thin: 1, iterations: 200_000 }));
    const db = tmp.path('mid.db');
    const small = await lab(['run', '--config', file, '--db', db, '--memory-budget', '10', '--workers', '1']);
    expect(small.code, small.stderr).toBe(2);
    expect(small.stderr).toMatch(/thin: .*over the memory budget of 10 MB/);
    expect(storedRuns(db)).toBe(0);
    const env = await lab(['run', '--config', file, '--db', db, '--workers', '1'], { LAB_MEMORY_BUDGET_MB: '10' });
    expect(env.code, env.stderr).toBe(2);
    const ok = await lab(['run', '--config', file, '--db', db, '--workers', '1', '--memory-budget', '64']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(storedRuns(db)).toBe(1);
  });

  it('rejects a --memory-budget that is not a number of megabytes', async () => {
    const file = tmp.writeJson('small.json', longRunConfig());
    const r = await lab(['run', '--config', file, '--db', tmp.path('x.db'), '--memory-budget', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--memory-budget/);
  });
});
