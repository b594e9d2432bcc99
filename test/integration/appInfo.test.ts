import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src-main/lab';
import { http, startServe } from './serverProcess';

const base = mkdtempSync(join(tmpdir(), 'lab app-info-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('appInfo: which database a door uses', () => {
  it('the service reports the absolute path of its SQLite file and the package version', async () => {
    const dbPath = join(base, 'service.sqlite');
    const service = new LabService({ dbPath, workers: 1 });
    try {
      const info = await service.appInfo();
      expect(info).toEqual({ databasePath: resolve(dbPath), version, electron: null, node: process.versions.node, platform: process.platform });
    } finally {
      await service.close();
    }
  });

  it('the browser door answers with the file given to `serve --db`, spaces and all', async () => {
    const dbPath = join(base, 'my runs.sqlite');
    const serve = await startServe(['--db', dbPath, '--workers', '1']);
    try {
      const res = await http(serve.port, '/api/appInfo', { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } });
      expect(res.status, res.body).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ databasePath: resolve(dbPath), version, electron: null });
    } finally {
      await serve.stop();
    }
  });
});
