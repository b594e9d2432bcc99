import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { heavy, lab, longRunConfig, query, scratch } from './cliHarness';
import { startTlsRedis, startWorker, stopWorker, type RedisProcess } from './redisServer';
import { checkRedis } from '../../src-main/queue/redisCheck';

/**
 * A queue behind TLS (`rediss://`): Debian's redis-server on a TLS-only port with a self-signed
 * certificate made here by openssl, and a password. The lab's processes trust that certificate
 * the way Node trusts any private CA, through NODE_EXTRA_CA_CERTS (docs/cluster-workers.md).
 */
const tmp = scratch('lab-queue-tls-');
const secret = 'tls-queue-secret';
let redis: RedisProcess;
let trust: Record<string, string>;

beforeAll(async () => {
  const cert = tmp.path('cert.pem');
  const key = tmp.path('key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  redis = await startTlsRedis({ cert, key }, secret);
  trust = { NODE_EXTRA_CA_CERTS: cert };
});
afterAll(async () => {
  await redis?.stop();
  tmp.cleanup();
});

const config = longRunConfig({ name: 'queue over TLS', arms: [heavy(0.5)], paths: 2, iterations: 200_000, thin: 10_000 });
const CHUNK = { LAB_CHUNK_ITERATIONS: '50000' };

describe('a queue behind TLS (rediss://)', () => {
  it('a run goes through a worker over TLS with a password, identical to a local run, no secret stored', async () => {
    expect(redis.url.startsWith('rediss://')).toBe(true);
    const file = tmp.writeJson('tls.json', config);
    const local = await lab(['run', '--config', file, '--db', tmp.path('local.db'), '--workers', '1', '--json'], CHUNK);
    expect(local.code, local.stderr).toBe(0);

    const w = startWorker(redis.url, 1, trust);
    const db = tmp.path('tls.db');
    const r = await lab(['run', '--config', file, '--db', db, '--redis', redis.url, '--json'], { ...CHUNK, ...trust });
    await stopWorker(w);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(r.stdout).result)).toBe(JSON.stringify(JSON.parse(local.stdout).result));
    expect(w.stderr()).toMatch(/chunk a0\/p\d\/c\d: 50000 iterations/);
    expect(query<string>(db, 'SELECT executor FROM runs')).toBe(`queue rediss://:***@127.0.0.1:${redis.port}`);
    expect([r.stdout, r.stderr, w.stderr()].join('\n')).not.toContain(secret);
  });

  it('a certificate the process does not trust is a clear error at start, with nothing stored', async () => {
    const db = tmp.path('untrusted.db');
    const r = await lab(['run', '--config', tmp.writeJson('tls.json', config), '--db', db, '--redis', redis.url], CHUNK);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/self[- ]signed certificate/i);
    expect(r.stderr).not.toContain(secret);
    expect(query<number>(db, 'SELECT count(*) FROM runs') ?? 0).toBe(0);
  });

  it("the Settings view's connection test reports the certificate problem, and plain redis:// to a TLS port fails", async () => {
    // This test process was not started with NODE_EXTRA_CA_CERTS: it must say why it cannot connect.
    const untrusted = await checkRedis(redis.url, 3000);
    expect(untrusted.ok).toBe(false);
    expect(untrusted.message).toMatch(/self[- ]signed certificate/i);
    expect(untrusted.message).not.toContain(secret);
    const plain = await checkRedis(redis.url.replace('rediss://', 'redis://'), 3000);
    expect(plain.ok).toBe(false);
  });
});
