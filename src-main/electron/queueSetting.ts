import { readFileSync } from 'node:fs';
import { parseRedisUrl } from '../queue/redisUrl';

/**
 * The app's executor setting: `{"redisUrl": "redis://…"}` in settings.json in the user-data
 * folder sends runs started or resumed in the app to that queue's workers; no file, or no
 * `redisUrl`, keeps them on this machine. The file is the user's own (it may hold a password, as
 * any client config does); the lab never copies the URL's password into runs or logs.
 */
export function readQueueSetting(file: string): { redisUrl: string | null; problem: string | null } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { redisUrl: null, problem: null };
  }
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    return { redisUrl: null, problem: `${file} is not JSON` };
  }
  const url = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>).redisUrl : undefined;
  if (url === undefined || url === null || url === '') return { redisUrl: null, problem: null };
  if (typeof url !== 'string') return { redisUrl: null, problem: `redisUrl in ${file} must be a string` };
  try {
    parseRedisUrl(url);
  } catch (error) {
    return { redisUrl: null, problem: `redisUrl in ${file}: ${(error as Error).message}` };
  }
  return { redisUrl: url, problem: null };
}
