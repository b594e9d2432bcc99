import { describe, expect, it } from 'vitest';
import { parseRedisUrl, redactRedisUrl } from '../../../src-main/queue/redisUrl';

describe('Redis URLs', () => {
  it('accept redis:// and rediss:// with user, password, port and database', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379').redacted).toBe('redis://127.0.0.1:6379');
    expect(parseRedisUrl('rediss://lab:s3cret@queue.example.org:6380/2').redacted).toBe('rediss://lab:***@queue.example.org:6380/2');
    expect(parseRedisUrl('redis://:s3cret@host/0').redacted).toBe('redis://:***@host/0');
  });

  it('refuse other schemes, a missing host and a database that is not a number, without echoing a password', () => {
    expect(() => parseRedisUrl('http://host:6379')).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => parseRedisUrl('redis://host/queue')).toThrow(/database "queue" is not a number/);
    let message = '';
    try {
      parseRedisUrl('redis//user:hunter2@host');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/not a URL/);
    expect(message).not.toContain('hunter2');
  });

  it('redaction keeps everything but the password', () => {
    expect(redactRedisUrl('redis://u:p@h:1/3')).toBe('redis://u:***@h:1/3');
    expect(redactRedisUrl('redis://h:1')).toBe('redis://h:1');
  });
});
