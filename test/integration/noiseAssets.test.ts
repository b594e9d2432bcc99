import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { LabService } from '../../src-main/lab';
import { LabError, type NoiseAssetSamples } from '../../src-shared/api';
import { assetName } from '../../src-main/service/noiseAssets';
import { parseNoiseFile } from '../../src-shared/stats/noiseFile';
import { bundledWorker } from './executorTestKit';
import { lab, query, scratch, storedRuns } from './cliHarness';

/**
 * Measured noise end to end on a real SQLite file and the real bundled workers: import (checked,
 * previewed, stored once by hash), a run that samples it on worker threads, the theory's tail,
 * and the CLI's `file` form. Samples: a symmetric Lomax law, |z| = (1 − u)^{−1/α} − 1, at the
 * quantiles u = (i + ½)/n (deterministic; alternate signs), so the tail index is known.
 */
function lomaxText(n: number, alpha: number, header = 'grad'): string {
  const lines = [header];
  for (let i = 0; i < n; i++) {
    const u = (i + 0.5) / n;
    const z = Math.pow(1 - u, -1 / alpha) - 1;
    lines.push(String(i % 2 === 0 ? z : -z));
  }
  return lines.join('\n');
}

const tmp = scratch('lab-noise-');
const open: LabService[] = [];
function service(name: string): LabService {
  const s = new LabService({ dbPath: tmp.path(name), workers: 2, workerUrl: bundledWorker });
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(() => tmp.cleanup());

async function labError(p: Promise<unknown>): Promise<LabError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    return error as LabError;
  }
  throw new Error('expected a LabError');
}

const assetRows = (db: string) => query<number>(db, 'SELECT count(*) FROM assets');

function longRun(noise: unknown): Record<string, unknown> {
  return {
    kind: 'long-run',
    landscape: { preset: 'paper' },
    x0: -0.7,
    eta: 0.01,
    paths: 2,
    iterations: 20_000,
    arms: [{ label: 'measured', noise, clip: 0.5 }],
  };
}

describe('measured noise', () => {
  it('refuses bad files with the file and line, and stores nothing', async () => {
    const lab = service('bad.db');
    const cases: [string, string, RegExp][] = [
      ['empty.csv', '', /empty\.csv: no samples/],
      ['words.csv', `${lomaxText(1500, 3)}\n0.5\nabc\n`, /words\.csv, line 1503: "abc" is not a finite number/],
      ['few.csv', lomaxText(999, 3), /few\.csv: 999 samples; at least 1000/],
      ['cauchy.csv', lomaxText(4000, 0.7), /cauchy\.csv: the fitted tail index α = 1\/ξ = .* is ≤ 1/],
    ];
    for (const [name, text, message] of cases) {
      const error = await labError(lab.importNoise(name, text));
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(message);
    }
    expect(assetRows(tmp.path('bad.db'))).toBe(0);
  });

  it('stores an import once by the hash of its samples and previews its tail', async () => {
    const lab = service('import.db');
    const first = await lab.importNoise('lomax.csv', lomaxText(4000, 3));
    expect(first.asset.asset).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.asset.count).toBe(4000);
    const p = first.preview;
    expect(p.tailCount).toBe(200);
    // Deterministic quantiles of an exact Lomax(3) law: the fitted α is close to 3 (its CI covers it).
    expect(p.gpd.alphaInterval[0]).toBeLessThan(3);
    expect(p.gpd.alphaInterval[1]).toBeGreaterThan(3);
    expect(p.pPlus).toBeCloseTo(0.5, 1);
    expect(p.hill.length).toBeGreaterThan(10);
    expect(p.histogram.counts.reduce((s, n) => s + n, 0) + p.histogram.below + p.histogram.above).toBe(4000);
    // The same numbers written differently are the same asset: one row.
    const again = await lab.importNoise('again.txt', lomaxText(4000, 3, '# the same samples').replace(/\n/g, '\r\n'));
    expect(again.asset.asset).toBe(first.asset.asset);
    expect(assetRows(tmp.path('import.db'))).toBe(1);
  });

  it('runs an arm on the stored samples, gives its tail in the theory, and refuses an unknown asset', async () => {
    const db = tmp.path('run.db');
    const lab = service('run.db');
    const { asset } = await lab.importNoise('lomax.csv', lomaxText(4000, 3));
    const noise = { family: 'empirical', asset: asset.asset };
    const started = await lab.startRun(longRun(noise));
    const run = await lab.whenSettled(started.id);
    expect(run.status).toBe('completed');
    expect(run.config.arms[0].noise).toEqual(noise);
    const theory = await lab.theory(longRun(noise), 0.01);
    // A long run on the real line: the real line's report (neither a sweep's cells nor 2-D).
    if ('cells' in theory || 'dimension' in theory) throw new Error('expected the real line\'s report');
    expect(theory.arms[0].applicable).toBe(true);
    expect(theory.arms[0].tail?.alpha).toBeGreaterThan(2);
    expect(theory.arms[0].tail?.h).toBeGreaterThan(0);
    // The samples are not copied into the run or its chunks.
    expect(query<number>(db, 'SELECT max(length(config)) FROM runs')).toBeLessThan(2000);

    const unknown = await labError(lab.startRun(longRun({ family: 'empirical', asset: `sha256:${'0'.repeat(64)}` })));
    expect(unknown.issues?.[0].path).toBe('arms[0].noise.asset');
    expect(storedRuns(db)).toBe(1);
  });

  it('hands a stored asset back to a client, exactly, from a service that did not import it', async () => {
    const text = lomaxText(4000, 3);
    const { asset } = await service('read.db').importNoise('lomax.csv', text);
    const reader = service('read.db');
    // Through JSON as the HTTP door sends it: the samples come back bit for bit (same hash).
    const read = JSON.parse(JSON.stringify(await reader.getNoiseAsset(asset.asset))) as NoiseAssetSamples;
    expect({ ...read, samples: read.samples.length }).toEqual({ asset: asset.asset, name: 'lomax.csv', count: 4000, samples: 4000 });
    expect(assetName(Float64Array.from(read.samples))).toBe(asset.asset);
    expect(Float64Array.from(read.samples)).toEqual(parseNoiseFile(text, 'lomax.csv')[0]);

    const missing = await labError(reader.getNoiseAsset(`sha256:${'0'.repeat(64)}`));
    expect(missing.code).toBe('not-found');
    const bad = await labError(reader.getNoiseAsset('noise.csv'));
    expect([bad.code, bad.issues?.[0].path]).toEqual(['invalid', 'asset']);
  });

  it('gives the same numbers for the same seed (the law is rebuilt from the asset in every worker)', async () => {
    const lab = service('twice.db');
    const { asset } = await lab.importNoise('lomax.csv', lomaxText(4000, 3));
    const config = longRun({ family: 'empirical', asset: asset.asset });
    const a = await lab.whenSettled((await lab.startRun(config)).id);
    const b = await lab.whenSettled((await lab.startRun(config)).id);
    expect(a.result).toEqual(b.result);
  });

  it('lab run reads {"file": …} relative to the config and stores it as an asset; a bad file stores nothing', async () => {
    writeFileSync(tmp.path('noise.csv'), lomaxText(4000, 3));
    writeFileSync(tmp.path('short.csv'), lomaxText(10, 3));
    const good = tmp.writeJson('good.json', { ...longRun({ family: 'empirical', file: 'noise.csv' }), iterations: 2000 });
    const bad = tmp.writeJson('bad.json', longRun({ family: 'empirical', file: 'short.csv' }));
    const db = tmp.path('cli.db');
    const refused = await lab(['run', '--config', bad, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/arms\[0\]\.noise\.file: short\.csv: 10 samples/);
    const ran = await lab(['run', '--config', good, '--db', db, '--workers', '1']);
    expect(ran.code).toBe(0);
    expect(assetRows(db)).toBe(1);
    expect(query<string>(db, 'SELECT config FROM runs')).toMatch(/"asset":"sha256:[0-9a-f]{64}"/);
    const theory = await lab(['theory', '--config', good, '--eta', '0.01']);
    expect(theory.stdout).toMatch(/tail: alpha = \d/);
  });
});
