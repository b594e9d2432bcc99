import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exitTimeConfig, heavy, lab, longRunConfig, scratch } from './cliHarness';
import { LAB_APPLICATION_ID } from '../../src-main/store/database';

const tmp = scratch('lab-roundtrip-');
afterAll(() => tmp.cleanup());

/** Parse the CSV the export writes (RFC 4180 quoting; no line breaks inside fields here). */
function parseCsv(text: string): Record<string, string>[] {
  const lines = text.trimEnd().split('\r\n');
  const header = splitCsvLine(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(splitCsvLine(l).map((v, k) => [header[k], v])));
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k];
    if (quoted) {
      if (ch === '"' && line[k + 1] === '"') {
        cur += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

describe('lab run → show → list → export on a real SQLite file', () => {
  const db = tmp.path('runs.db');

  it('stores an exit-time run; show returns the same document; CSV has one row per sample', async () => {
    // maxIterations 3000 censors some samples at η = 0.05 (mean σ is in the thousands there).
    const config = exitTimeConfig({ name: 'round, "trip"', arms: [heavy(0.5, 'clipped, b=0.5'), heavy(null)], maxIterations: 3000 });
    const file = tmp.writeJson('exit.json', config);
    const run = await lab(['run', '--config', file, '--db', db, '--workers', '2', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc).slice(0, 10)).toEqual(['id', 'name', 'kind', 'status', 'config', 'createdAt', 'startedAt', 'finishedAt', 'error', 'result']);
    expect(doc).toMatchObject({ name: 'round, "trip"', kind: 'exit-time', status: 'completed', error: null });
    // The stored config is expanded: the preset resolved, defaults filled.
    expect(doc.config.landscape).toEqual({ criticalPoints: [-1.51, -1.3, -0.66, 0.2, 0.49, 0.7, 1.32], L: 1.6, gradientScale: 3 });
    expect(doc.config.arms[1].noise).toEqual({ family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5 });
    expect(doc.result.arms).toHaveLength(2);
    for (const arm of doc.result.arms) {
      expect(arm.points.map((p: { eta: number; samples: number }) => [p.eta, p.samples])).toEqual([[0.1, 6], [0.05, 6]]);
    }
    expect(run.stderr).toMatch(/Run \d+ started/);

    const show = await lab(['show', String(doc.id), '--db', db, '--json']);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toEqual(doc);

    const human = await lab(['show', String(doc.id), '--db', db]);
    expect(human.stdout).toContain('clipped, b=0.5');
    expect(human.stdout).toMatch(/mean σ/);

    const csvFile = tmp.path('exit.csv');
    const exp = await lab(['export', String(doc.id), '--db', db, '--format', 'csv', '--out', csvFile]);
    expect(exp.code, exp.stderr).toBe(0);
    const text = readFileSync(csvFile, 'utf8');
    expect(text.split('\r\n')[0]).toBe('arm,eta,sample,exit_time,censored,exit_to');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(2 * 2 * 6);
    let censoredSeen = 0;
    doc.result.arms.forEach((arm: { label: string; points: { eta: number; exitTimes: number[]; censored: number; exitTo: Record<string, number> }[] }) => {
      for (const point of arm.points) {
        const mine = rows.filter((r) => r.arm === arm.label && Number(r.eta) === point.eta);
        expect(mine.map((r) => Number(r.sample))).toEqual([1, 2, 3, 4, 5, 6]);
        expect(mine.map((r) => Number(r.exit_time))).toEqual(point.exitTimes);
        const censored = mine.filter((r) => r.censored === '1');
        expect(censored).toHaveLength(point.censored);
        for (const r of censored) expect([Number(r.exit_time), r.exit_to]).toEqual([3000, '']);
        censoredSeen += censored.length;
        const to: Record<string, number> = {};
        for (const r of mine.filter((x) => x.censored === '0')) to[r.exit_to] = (to[r.exit_to] ?? 0) + 1;
        expect(to).toEqual(point.exitTo);
      }
    });
    // The config was chosen so that censoring occurs; otherwise the censored column is untested.
    expect(censoredSeen).toBeGreaterThan(0);

    const json = await lab(['export', String(doc.id), '--db', db, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(doc);
  });

  it('stores a long run; CSV is tidy: occupancy sums to 1, histogram counts sum to the iterations', async () => {
    const file = tmp.writeJson('long.json', longRunConfig({ arms: [heavy(0.5), heavy(null)] }));
    const run = await lab(['run', '--config', file, '--db', db, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.status).toBe('completed');
    const csv = await lab(['export', String(doc.id), '--db', db, '--format', 'csv']);
    const rows = parseCsv(csv.stdout);
    expect(Object.keys(rows[0])).toEqual(['arm', 'quantity', 'field', 'to_field', 'bin_lower', 'bin_upper', 'path', 'step', 'value']);
    for (const arm of doc.result.arms) {
      const of = (q: string) => rows.filter((r) => r.arm === arm.label && r.quantity === q);
      const occupancy = of('occupancy');
      expect(occupancy.map((r) => Number(r.field))).toEqual([1, 2, 3, 4]);
      expect(occupancy.reduce((s, r) => s + Number(r.value), 0)).toBeCloseTo(1, 12);
      const hist = of('histogram');
      expect(hist).toHaveLength(200);
      expect(Number(hist[0].bin_lower)).toBe(-1.6);
      expect(hist.reduce((s, r) => s + Number(r.value), 0)).toBe(2 * 100_000);
      expect(of('transitions')).toHaveLength(16);
      expect(of('transitions').map((r) => Number(r.value))).toEqual(arm.transitions.flat());
      const traj = of('trajectory');
      expect(traj.filter((r) => r.path === '1').map((r) => Number(r.step)).slice(0, 3)).toEqual([0, 5000, 10000]);
      expect(traj.filter((r) => r.path === '2').map((r) => Number(r.value))).toEqual(arm.trajectories[1]);
      expect(of('iterations').map((r) => Number(r.value))).toEqual([200_000]);
    }
  });

  it('lists runs newest first, filters, and shows an unknown id as a failure', async () => {
    const list = await lab(['list', '--db', db, '--json']);
    const page = JSON.parse(list.stdout);
    expect(page.total).toBe(2);
    expect(page.runs.map((r: { kind: string }) => r.kind)).toEqual(['long-run', 'exit-time']);
    const filtered = JSON.parse((await lab(['list', '--db', db, '--kind', 'exit-time', '--json'])).stdout);
    expect(filtered.runs.map((r: { name: string }) => r.name)).toEqual(['round, "trip"']);
    const table = await lab(['list', '--db', db]);
    expect(table.stdout).toMatch(/id\s+status\s+kind\s+name/);
    expect(table.stdout).toMatch(/1–2 of 2/);
    const bad = await lab(['list', '--db', db, '--status', 'sleeping']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/query\.status/);
    const missing = await lab(['show', '999', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No run with id 999/);
  });

  it('lab theory --json gives the documented shape, with q and predictions for --eta', async () => {
    const file = tmp.writeJson('theory.json', exitTimeConfig());
    const r = await lab(['theory', '--config', file, '--eta', '0.01', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.fields.map((f: { index: number }) => f.index)).toEqual([1, 2, 3, 4]);
    expect(report.arms[0].fields.map((f: { lStar: number }) => f.lStar)).toEqual([1, 2, 1, 2]);
    expect(report.arms[0]).toMatchObject({ irreducible: true, largeMinima: [2, 4] });
    expect(report.arms[0].fields[1].predictedMeanExit).toBeGreaterThan(0);
    expect(report.arms[0].fields[1].qError).toBeLessThan(1e-9 * report.arms[0].fields[1].q);
    expect(report.arms[0].fields[0].qError).toBe(0);
  });

  it('lab theory --eta gives q ± its numerical error and the predicted mean for an l* = 3 field', async () => {
    const file = tmp.writeJson('theory3.json', exitTimeConfig({ arms: [heavy(0.3)] }));
    const r = await lab(['theory', '--config', file, '--eta', '0.01']);
    expect(r.code, r.stderr).toBe(0);
    // Ω2 of the paper landscape with b = 0.3: r_2 = 0.64, l*_2 = 3, q_2 ≈ 1.971 (≈ 99% of exits to Ω1).
    expect(r.stdout).toMatch(/\n2\s+0\.64\s+3\s+1\.6\s+yes\s+1\.971\s+\de-1\d\s+Ω1: 0\.9897, Ω3: 0\.01034, Ω4: 0\s+3,\d{3},\d{3}\n/);
    expect(r.stdout).not.toMatch(/only for l\*/);
  });

  it('lab theory: "large" is per communicating class, and the JSON, the table and the summary agree', async () => {
    const file = tmp.writeJson('three-wells.json', {
      ...exitTimeConfig(),
      landscape: { preset: 'three-wells' },
      x0: 0,
      arms: [heavy(0.4)],
    });
    const json = await lab(['theory', '--config', file, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const arm = JSON.parse(json.stdout).arms[0];
    expect(arm.fields.map((f: { large: boolean }) => f.large)).toEqual([true, true, true]);
    expect(arm.classes.map((c: { largeMinima: number[] }) => c.largeMinima)).toEqual([[1, 2], [3]]);
    expect(arm).not.toHaveProperty('largeMinima');
    const text = await lab(['theory', '--config', file]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('large per class: {m1, m2} in {m1, m2} (absorbing); {m3} in {m3} (transient)');
    expect(text.stdout).not.toContain('M^large');
  });

  it('refuses a database from a newer lab with a clear message (exit 1), leaving it untouched', async () => {
    const future = tmp.path('future.db');
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    const raw = new BetterSqlite3(future);
    // A newer lab stamps its files like this one does.
    raw.pragma(`application_id = ${LAB_APPLICATION_ID}`);
    raw.pragma('user_version = 999');
    raw.close();
    const before = readFileSync(future);
    const r = await lab(['list', '--db', future]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/schema version 999.*newer version of the lab/);
    expect(readFileSync(future).equals(before)).toBe(true);
  });

  it('every command answers --help with exit 0', async () => {
    const results = await Promise.all(['theory', 'run', 'show', 'list', 'resume', 'cancel', 'export', 'bench'].map((c) => lab([c, '--help'])));
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^lab \w+/);
    }
    expect((await lab(['--help'])).stdout).toMatch(/Commands:/);
  });
});
