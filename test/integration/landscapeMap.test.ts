import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src-main/lab';
import { createLabServer } from '../../src-main/server/labServer';
import { kernelLandscape2d } from '../../src-main/engine/kernels2d/landscape2d';
import { LabError } from '../../src-shared/api';
import { BASIN_MAP_NODES } from '../../src-shared/theory2d/basinMap';
import { theoryReport2d } from '../../src-shared/theory2d/report';
import { surfaceOf } from '../../src-shared/theory2d/presets';
import type { LandscapeMap } from '../../src-shared/theory2d/landscapeMap';
import type { WellsLandscape2D } from '../../src-shared/theory2d/landscape';
import { http } from './serverProcess';
import { lab as labCli, scratch } from './cliHarness';

/**
 * LabService.landscapeMap on the real bundled worker: the grid samples the very basin map the
 * 2-D kernels build (so plot, kernels and theory agree on every node), minima and saddles are the
 * theory report's, the HTTP door serves it, and bad input names its JSON path.
 */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-map-');
const lab = new LabService({ dbPath: tmp.path('map.db'), workers: 1, workerUrl });
afterAll(async () => {
  await lab.close();
  tmp.cleanup();
});

const wells: WellsLandscape2D = {
  dimension: 2,
  L: 2,
  confinement: 0.4,
  wells: [
    { center: [-0.9, 0], depth: 1, width: 0.5 },
    { center: [0.8, 0.3], depth: 1.2, width: 0.2 },
  ],
};

describe('landscapeMap', () => {
  it('samples the kernels’ basin map node for node, with the theory’s minima and saddles', async () => {
    const map = await lab.landscapeMap(wells, { nodes: 129 });
    expect(map.nodes).toBe(129);
    expect(map.f).toHaveLength(129 * 129);
    expect(map.basins).toHaveLength(129 * 129);
    const kernel = kernelLandscape2d(wells, BASIN_MAP_NODES);
    const stride = (BASIN_MAP_NODES - 1) / 128;
    for (let j = 0; j < 129; j += 7) {
      for (let i = 0; i < 129; i += 3) expect(map.basins[j * 129 + i]).toBe(kernel.labels[j * stride * BASIN_MAP_NODES + i * stride]);
    }
    const report = theoryReport2d(wells, []);
    expect(map.minima).toEqual(report.fields);
    expect(map.saddles).toEqual(report.saddles);
    expect(map.radii).toHaveLength(2);
    // f at a node is the surface's value there (to the 6 digits the map keeps).
    const surface = surfaceOf(wells);
    const h = map.spacing;
    for (const [i, j] of [[0, 0], [64, 64], [100, 17]]) {
      expect(map.f[j * 129 + i]).toBeCloseTo(surface.value(-2 + i * h, -2 + j * h), 5);
    }
    // Each minimum sits in its own basin on the drawn grid.
    for (const m of map.minima) {
      const i = Math.round((m.minimum[0] + map.L) / h);
      const j = Math.round((m.minimum[1] + map.L) / h);
      expect(map.basins[j * 129 + i]).toBe(m.index);
    }
  });

  it('defaults to 129 nodes and caches per landscape', async () => {
    const first = lab.landscapeMap({ dimension: 2, preset: 'wide-and-sharp' });
    const [a, b] = await Promise.all([first, lab.landscapeMap({ dimension: 2, preset: 'wide-and-sharp' })]);
    expect(a.nodes).toBe(129);
    expect(b).toBe(a);
    const coarse = await lab.landscapeMap({ dimension: 2, preset: 'wide-and-sharp' }, { nodes: 65 });
    // Every 2nd node of the 129² grid: the same labels.
    expect(coarse.basins).toEqual(coarse.basins.map((_, k) => a.basins[2 * Math.floor(k / 65) * 129 + 2 * (k % 65)]));
  });

  it('refuses bad input with JSON paths', async () => {
    const bad = { ...wells, wells: [{ center: [0, 0], depth: 1, width: -1 }] };
    const error = await lab.landscapeMap(bad, { nodes: 100 as 129 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).issues?.map((i) => i.path)).toEqual(['landscape.wells[0].width', 'options.nodes']);
    const oneD = await lab.landscapeMap({ criticalPoints: [-1, 0, 1], L: 2 }).catch((e: unknown) => e);
    expect((oneD as LabError).code).toBe('invalid');
  });

  it('is printed by `lab theory --landscape-map`, and its errors name the field', async () => {
    const file = tmp.writeJson('mb.json', { kind: 'exit-time', landscape: { dimension: 2, preset: 'muller-brown' }, x0: [0, 0], arms: [], etas: [0.1], samples: 1 });
    const out = await labCli(['theory', '--config', file, '--landscape-map', '--nodes', '65']);
    expect(out.code).toBe(0);
    const map = JSON.parse(out.stdout) as LandscapeMap;
    expect(map.nodes).toBe(65);
    expect(map).toEqual(await lab.landscapeMap({ dimension: 2, preset: 'muller-brown' }, { nodes: 65 }));
    const bad = await labCli(['theory', '--config', file, '--landscape-map', '--nodes', '100']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('options.nodes');
  });

  it('is served by the HTTP door', async () => {
    const server = createLabServer({ service: lab, staticDir: tmp.dir, token: null, log: () => {} });
    await new Promise<void>((r) => server.server.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (server.server.address() as AddressInfo).port;
      const body = JSON.stringify([{ dimension: 2, preset: 'muller-brown' }, { nodes: 65 }]);
      const res = await http(port, '/api/landscapeMap', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(200);
      const map = JSON.parse(res.body) as LandscapeMap;
      expect(map.minima.map((m) => m.index)).toEqual([1, 2, 3]);
      expect(map.saddles).toHaveLength(2);
      expect(new Set(map.basins)).toEqual(new Set([1, 2, 3]));
    } finally {
      await server.close();
    }
  });
});
