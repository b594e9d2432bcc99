import { z } from 'zod';
import { LabError } from '../../src-shared/api';
import { MAX_MEMORY_BUDGET_MB, type LabSettings } from '../../src-shared/settings';
import { parseRedisUrl } from '../queue/redisUrl';

const patchSchema = z
  .object({
    // Blank means this machine, as the Settings view's empty field does.
    redisUrl: z.union([z.string({ error: 'must be a text or null' }).trim(), z.null()], { error: 'must be a redis:// or rediss:// URL, or null for this machine' }).optional(),
    memoryBudgetMB: z
      .number({ error: 'must be a number of megabytes' })
      .refine(Number.isFinite, 'must be finite')
      .refine((v) => v > 0, 'must be > 0')
      .refine((v) => v <= MAX_MEMORY_BUDGET_MB, `must be at most ${MAX_MEMORY_BUDGET_MB.toLocaleString('en-US')} MB`)
      .optional(),
  })
  .strict();

function invalid(path: string, message: string): LabError {
  return new LabError({ code: 'invalid', message: `${path}: ${message}`, issues: [{ path, message }] });
}

/** A partial LabSettings as a client sends it → the fields it changes, checked (a URL that parses). */
export function validSettingsPatch(input: unknown): Partial<LabSettings> {
  const parsed = patchSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['settings', ...issue.path.map(String)].join('.');
    throw invalid(path, issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}; known: redisUrl, memoryBudgetMB` : issue.message);
  }
  const patch: Partial<LabSettings> = {};
  if (parsed.data.redisUrl !== undefined) patch.redisUrl = validRedisUrl(parsed.data.redisUrl, 'settings.redisUrl');
  if (parsed.data.memoryBudgetMB !== undefined) patch.memoryBudgetMB = parsed.data.memoryBudgetMB;
  return patch;
}

/** A Redis URL or null (blank) for this machine; the error never repeats the URL's password. */
export function validRedisUrl(input: unknown, path = 'url'): string | null {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') throw invalid(path, 'must be a redis:// or rediss:// URL');
  const text = input.trim();
  if (text === '') return null;
  try {
    parseRedisUrl(text);
  } catch (error) {
    throw invalid(path, (error as Error).message);
  }
  return text;
}
