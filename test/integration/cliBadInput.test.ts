import { afterAll, describe, expect, it } from 'vitest';
import { exitTimeConfig, lab, longRunConfig, scratch, storedRuns } from './cliHarness';

/**
 * Issue 2, "Bad input": every invalid config makes the real `lab run` exit 2 with a message
 * naming the field by its JSON path and saying what is wrong; nothing is stored.
 */
const tmp = scratch('lab-bad-');
afterAll(() => tmp.cleanup());

const exitTime = exitTimeConfig();
const longRun = longRunConfig();
const explicit = { criticalPoints: [-1.51, -1.3, -0.66, 0.2, 0.49, 0.7, 1.32], L: 1.6, gradientScale: 3 };

const cases: { name: string; config: Record<string, unknown>; path: string; says: RegExp }[] = [
  { name: 'α ≤ 1', config: { ...exitTime, arms: [{ label: 'a', noise: { family: 'pareto', alpha: 1, scale: 0.1 }, clip: 0.5 }] }, path: 'arms[0].noise.alpha', says: /> 1/ },
  { name: 'α < 1 in the second arm', config: { ...exitTime, arms: [exitTime.arms && (exitTime.arms as unknown[])[0], { label: 'b', noise: { family: 'pareto', alpha: 0.8 }, clip: null }] }, path: 'arms[1].noise.alpha', says: /> 1/ },
  { name: 'critical points not increasing', config: { ...longRun, landscape: { ...explicit, criticalPoints: [-1.51, -1.3, -1.4, 0.2, 0.49, 0.7, 1.32] } }, path: 'landscape.criticalPoints[2]', says: /strictly increasing/ },
  { name: 'an even count of critical points', config: { ...longRun, landscape: { ...explicit, criticalPoints: [-1.51, -1.3, -0.66, 0.2] } }, path: 'landscape.criticalPoints', says: /odd/ },
  { name: 'L not enclosing the critical points', config: { ...longRun, landscape: { ...explicit, L: 1.4 } }, path: 'landscape.L', says: /enclose/ },
  { name: 'b = 0', config: { ...exitTime, arms: [{ ...(exitTime.arms as object[])[0], clip: 0 }] }, path: 'arms[0].clip', says: /> 0/ },
  { name: 'b < 0', config: { ...longRun, arms: [{ ...(longRun.arms as object[])[0], clip: -0.5 }] }, path: 'arms[0].clip', says: /> 0/ },
  { name: 'η ≤ 0 in etas', config: { ...exitTime, etas: [0.1, 0] }, path: 'etas[1]', says: /> 0/ },
  { name: 'η < 0 for a long run', config: { ...longRun, eta: -0.01 }, path: 'eta', says: /> 0/ },
  { name: 'non-integer samples', config: { ...exitTime, samples: 2.5 }, path: 'samples', says: /whole number/ },
  { name: 'samples < 1', config: { ...exitTime, samples: 0 }, path: 'samples', says: /at least 1/ },
  { name: 'paths < 1', config: { ...longRun, paths: 0 }, path: 'paths', says: /at least 1/ },
  { name: 'non-integer iterations', config: { ...longRun, iterations: 1000.5 }, path: 'iterations', says: /whole number/ },
  { name: 'iterations < 1', config: { ...longRun, iterations: -5 }, path: 'iterations', says: /at least 1/ },
  { name: 'empty arms', config: { ...exitTime, arms: [] }, path: 'arms', says: /at least one arm/ },
  { name: 'unknown kind', config: { ...exitTime, kind: 'phase-diagram' }, path: 'kind', says: /unknown experiment kind/ },
  { name: 'unknown noise family', config: { ...exitTime, arms: [{ label: 'c', noise: { family: 'cauchy' }, clip: null }] }, path: 'arms[0].noise.family', says: /unknown noise family/ },
  { name: 'x0 outside [−L, L]', config: { ...longRun, x0: 1.7 }, path: 'x0', says: /\[−L, L\]/ },
  { name: 'x0 on a saddle', config: { ...longRun, x0: 0.2 }, path: 'x0', says: /saddle/ },
];

describe('lab run with an invalid config', () => {
  it.each(cases)('$name → exit 2 naming $path, nothing stored', async ({ name, config, path, says }) => {
    const file = tmp.writeJson(`${name.replace(/\W+/g, '_')}.json`, config);
    const db = tmp.path(`${name.replace(/\W+/g, '_')}.db`);
    const r = await lab(['run', '--config', file, '--db', db]);
    expect(r.code, r.stderr).toBe(2);
    const line = r.stderr.split('\n').find((l) => l.trim().startsWith(`${path}:`));
    expect(line, `stderr should name ${path}:\n${r.stderr}`).toBeDefined();
    expect(line).toMatch(says);
    expect(r.stderr).toMatch(/nothing was stored/);
    expect(r.stdout).toBe('');
    expect(storedRuns(db)).toBe(0);
  });

  it('broken JSON → exit 2 naming the file and the place, no database created', async () => {
    const file = tmp.writeJson('broken.json', '{\n  "kind": "exit-time",\n  "x0": -0.7,,\n}');
    const db = tmp.path('broken.db');
    const r = await lab(['run', '--config', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/not valid JSON.*line 3/);
    expect(storedRuns(db)).toBe(0);
  });

  it('a missing file → exit 2 naming it', async () => {
    const file = tmp.path('does-not-exist.json');
    const db = tmp.path('missing.db');
    const r = await lab(['run', '--config', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does-not-exist\.json.*no such file/);
    expect(storedRuns(db)).toBe(0);
  });

  it('lab theory validates the same way (exit 2, field named)', async () => {
    const file = tmp.writeJson('theory-bad.json', { ...exitTime, x0: 5 });
    const r = await lab(['theory', '--config', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\s*x0: must lie in/m);
    expect(r.stdout).toBe('');
  });

  it('usage errors exit 2: unknown option, bad --workers, bad --eta, missing --db, unknown command', async () => {
    const file = tmp.writeJson('ok.json', exitTime);
    const db = tmp.path('usage.db');
    const results = await Promise.all([
      lab(['run', '--config', file, '--db', db, '--frobnicate']),
      lab(['run', '--config', file, '--db', db, '--workers', '0']),
      lab(['theory', '--config', file, '--eta=-1']),
      lab(['run', '--config', file]),
      lab(['launch']),
    ]);
    const messages = [/--frobnicate/, /--workers: "0" must be a whole number ≥ 1/, /--eta: "-1" must be a number > 0/, /--db is required/, /unknown command "launch"/];
    results.forEach((r, k) => {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(messages[k]);
    });
    expect(storedRuns(db)).toBe(0);
  });
});
