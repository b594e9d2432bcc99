import { describe, expect, it } from 'vitest';
import { bearerMatches, generateToken, isLoopbackHost, isLoopbackHostHeader, tokenMatches } from '../../../src-main/server/auth';
import { formatSse } from '../../../src-main/server/eventStream';
import { HelpRequested, openUrl, parseServeArgs, UsageError } from '../../../src-main/server/serveArgs';
import { contentSecurityPolicy, httpStatusOf, labErrorCodeOf } from '../../../src-shared/protocol';

describe('serve arguments', () => {
  it('defaults to loopback and no token', () => {
    expect(parseServeArgs(['--db', 'lab.db'])).toEqual({ port: 5180, db: 'lab.db', host: '127.0.0.1', token: null, workers: undefined, staticDir: null, redis: null, noticeAfter: undefined });
    expect(parseServeArgs([]).db).toBe('lab.sqlite');
    expect(() => parseServeArgs(['--help'])).toThrow(HelpRequested);
  });
  it('reads every option', () => {
    expect(parseServeArgs(['--port', '0', '--db', 'x.db', '--host', '0.0.0.0', '--token', 'abcdefgh12', '--workers', '2', '--static', 'dist', '--notice-after', '0'])).toEqual({
      port: 0, db: 'x.db', host: '0.0.0.0', token: 'abcdefgh12', workers: 2, staticDir: 'dist', redis: null, noticeAfter: 0,
    });
    expect(parseServeArgs(['--redis', 'rediss://:pw@queue:6380']).redis).toBe('rediss://:pw@queue:6380');
  });
  it.each([[['--port', 'http']], [['--db', 'x', '--port', '70000']], [['--db', 'x', '--workers', '0']], [['--db', 'x', '--bogus']], [['--db', 'x', '--token', 'short']], [['--redis', 'redis://h', '--workers', '2']], [['--notice-after', '-1']]])(
    'rejects %j with a usage error',
    (argv) => expect(() => parseServeArgs(argv)).toThrow(UsageError),
  );
  it('prints a URL a browser can open, with the token once', () => {
    expect(openUrl('127.0.0.1', 5180, null)).toBe('http://127.0.0.1:5180/');
    expect(openUrl('0.0.0.0', 80, 'a+b')).toBe('http://127.0.0.1:80/?token=a%2Bb');
    expect(openUrl('::1', 1, null)).toBe('http://[::1]:1/');
  });
});

describe('token and host checks', () => {
  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.4', 'example.com', '127.0.0.1.example.com']) expect(isLoopbackHost(h)).toBe(false);
  });
  it('accepts only loopback Host headers (DNS rebinding)', () => {
    expect(isLoopbackHostHeader('127.0.0.1:5180')).toBe(true);
    expect(isLoopbackHostHeader('localhost:5180')).toBe(true);
    expect(isLoopbackHostHeader('[::1]:5180')).toBe(true);
    expect(isLoopbackHostHeader('evil.example:5180')).toBe(false);
    expect(isLoopbackHostHeader(undefined)).toBe(false);
  });
  it('matches the bearer token exactly', () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(token);
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerMatches(token, token)).toBe(false);
    expect(bearerMatches(undefined, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
  });
});

describe('wire formats', () => {
  it('writes one server-sent event per payload, on one data line', () => {
    expect(formatSse('runChanged', { id: 1, status: 'running', note: 'a\nb' })).toBe(
      'event: runChanged\ndata: {"id":1,"status":"running","note":"a\\nb"}\n\n',
    );
  });
  it('has a CSP without inline or remote script and without eval', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|http)/);
    expect(csp).toContain("default-src 'none'");
    expect(contentSecurityPolicy(['ws://localhost:5173'])).toContain("connect-src 'self' ws://localhost:5173");
  });
});

describe('labErrorCodeOf', () => {
  it('inverts httpStatusOf and reads any other status as internal', () => {
    for (const [code, status] of Object.entries(httpStatusOf)) expect(labErrorCodeOf(status)).toBe(code);
    expect(labErrorCodeOf(401)).toBe('unauthorized');
    expect(labErrorCodeOf(403)).toBe('forbidden');
    expect(labErrorCodeOf(502)).toBe('internal');
  });
});
