import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readQueueSetting } from '../../../src-main/electron/queueSetting';

const dir = mkdtempSync(join(tmpdir(), 'lab-setting-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("the app's queue setting", () => {
  it('no file or no redisUrl: this machine', () => {
    expect(readQueueSetting(join(dir, 'missing.json'))).toEqual({ redisUrl: null, problem: null });
    expect(readQueueSetting(file('empty.json', '{"theme": "dark"}'))).toEqual({ redisUrl: null, problem: null });
  });

  it('a Redis URL, password and TLS included', () => {
    expect(readQueueSetting(file('ok.json', '{"redisUrl": "rediss://:pw@queue:6380/1"}'))).toEqual({ redisUrl: 'rediss://:pw@queue:6380/1', problem: null });
  });

  it('a broken setting is a problem to report, never a silent fallback, and never echoes a password', () => {
    expect(readQueueSetting(file('junk.json', '{redisUrl')).problem).toMatch(/not JSON/);
    expect(readQueueSetting(file('num.json', '{"redisUrl": 6379}')).problem).toMatch(/must be a string/);
    const bad = readQueueSetting(file('scheme.json', '{"redisUrl": "http://u:secretpw@host"}'));
    expect(bad.redisUrl).toBeNull();
    expect(bad.problem).toMatch(/redis:\/\/ or rediss:\/\//);
    expect(bad.problem).not.toContain('secretpw');
  });
});
