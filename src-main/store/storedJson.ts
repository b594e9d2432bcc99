import { z } from 'zod';
import type { RunHeadline, RunProgress } from '../../src-shared/api';
import type { ExperimentConfig } from '../../src-shared/model/config';
import { experimentKind } from '../../src-shared/kinds/registry';

/**
 * The JSON the store keeps, read back through schemas instead of cast: a row written by another
 * version of the lab, or edited by hand, fails here with the column it came from rather than
 * somewhere later as a missing field.
 */
export class StoredJsonError extends Error {
  constructor(what: string, detail: string) {
    super(`stored ${what} is not valid: ${detail}`);
    this.name = 'StoredJsonError';
  }
}

function parsed<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StoredJsonError(what, error instanceof Error ? error.message : String(error));
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredJsonError(what, result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  return result.data;
}

const kindOnly = z.looseObject({ kind: z.string() });

/**
 * Configs already parsed, as the JSON of the schema's output: the history list reads the same
 * stored configs on every poll, and a schema parse costs several times a JSON.parse, so a text
 * seen before costs one JSON.parse of its parsed form (a fresh object each time).
 */
const parsedConfigs = new Map<string, string>();
const PARSED_CONFIGS_KEPT = 4096;

/** A run's expanded config, through its kind's stored schema (its output type is the config type). */
export function storedConfig(text: string): ExperimentConfig {
  const known = parsedConfigs.get(text);
  if (known !== undefined) return JSON.parse(known) as ExperimentConfig;
  const { kind } = parsed(kindOnly, text, 'config');
  const config = parsed(experimentKind(kind).stored, text, `${kind} config`) as ExperimentConfig;
  if (parsedConfigs.size >= PARSED_CONFIGS_KEPT) parsedConfigs.delete(parsedConfigs.keys().next().value as string);
  parsedConfigs.set(text, JSON.stringify(config));
  return config;
}

const tags = z.array(z.string());
export const storedTags = (text: string): string[] => parsed(tags, text, 'tags');

const headline: z.ZodType<RunHeadline> = z.object({
  arms: z.array(z.object({ label: z.string(), slope: z.number().nullable(), iterations: z.number().nullable() })),
});
export const storedHeadline = (text: string): RunHeadline => parsed(headline, text, 'headline');

const progress: z.ZodType<RunProgress> = z.object({
  id: z.number(),
  done: z.number(),
  total: z.number(),
  estimated: z.boolean(),
  iterationsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  // What a remote runner adds is shown as it was recorded.
  workers: z.custom<NonNullable<RunProgress['workers']>>((v) => typeof v === 'object' && v !== null).optional(),
  waiting: z.enum(['no-workers', 'redis-unreachable']).nullable().optional(),
});
export const storedProgress = (text: string): RunProgress => parsed(progress, text, 'progress');
