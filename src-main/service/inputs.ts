import { z } from 'zod';
import { LabError, runSortKeys, runStatuses, type ExportFormat, type ListRunsQuery, type RunUpdate, type TrajectoryQuery } from '../../src-shared/api';
import { ConfigError, jsonPath } from '../../src-shared/model/validation';
import { ASSET_NAME } from '../../src-shared/model/noiseAsset';
import { expandConfig } from '../../src-shared/model/expandConfig';
import type { ExperimentConfig } from '../../src-shared/model/config';
import { budgetIssues, type BudgetContext } from '../../src-shared/model/memoryBudget';
import { experimentKindNames, findExperimentKind } from '../../src-shared/kinds/registry';
import { landscape2dSchema } from '../../src-shared/model/config2d';
import type { Landscape2DConfig } from '../../src-shared/theory2d/landscape';
import { DEFAULT_LANDSCAPE_MAP_NODES, LANDSCAPE_MAP_NODES, type LandscapeMapNodes } from '../../src-shared/theory2d/landscapeMap';

/**
 * Every input that crosses a door (IPC, HTTP, CLI) is checked here, once, and turned into a
 * LabError({code: 'invalid'}) whose issues name the offending field by its JSON path.
 */

function invalid(issues: { path: string; message: string }[]): LabError {
  const message = issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('\n');
  return new LabError({ code: 'invalid', message, issues });
}

function parse<T>(schema: z.ZodType<T>, input: unknown, prefix: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((i) => ({ path: prefixed(prefix, i.path), message: i.message })));
}

function prefixed(prefix: string, path: readonly PropertyKey[]): string {
  if (path.length === 0) return prefix;
  return typeof path[0] === 'number' ? `${prefix}${jsonPath(path)}` : `${prefix}.${jsonPath(path)}`;
}

/** A config as a user wrote it → the fully expanded config a run stores. */
export function validConfig(input: unknown): ExperimentConfig {
  try {
    return expandConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) throw invalid(error.issues);
    throw error;
  }
}

/** A config that fits the memory budget (checked before anything is stored). */
export function withinBudget(config: ExperimentConfig, context: BudgetContext): ExperimentConfig {
  const issues = budgetIssues(config, context);
  if (issues.length) throw invalid(issues);
  return config;
}

export function validId(id: unknown): number {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw invalid([{ path: 'id', message: 'must be a run id (a whole number ≥ 1)' }]);
  }
  return id;
}

export function validEta(eta: unknown): number | undefined {
  if (eta === undefined || eta === null) return undefined;
  if (typeof eta !== 'number' || !Number.isFinite(eta) || eta <= 0) {
    throw invalid([{ path: 'eta', message: 'η must be a number > 0' }]);
  }
  return eta;
}

/** The registered kinds, as a list query's `kind` must name one. */
function kindNamesMessage(): string {
  const names = experimentKindNames().map((k) => `"${k}"`);
  return `must be ${names.length === 2 ? names.join(' or ') : `one of ${names.join(', ')}`}`;
}

const listQuery = z
  .strictObject({
    text: z.string({ error: 'must be a text' }).max(200, 'at most 200 characters').optional(),
    kind: z
      .string({ error: kindNamesMessage })
      .refine((k) => findExperimentKind(k) !== undefined, { error: kindNamesMessage })
      .optional(),
    status: z.enum(runStatuses, { error: 'unknown run status' }).optional(),
    tag: z.string({ error: 'must be a text' }).max(50, 'at most 50 characters').optional(),
    sort: z.enum(runSortKeys, { error: 'unknown sort key' }).optional(),
    order: z.enum(['asc', 'desc'], { error: 'must be "asc" or "desc"' }).optional(),
    offset: z.number({ error: 'must be a whole number ≥ 0' }).int('must be a whole number ≥ 0').min(0, 'must be a whole number ≥ 0').optional(),
    limit: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'at most 1000').optional(),
  })
  .optional();

export function validListQuery(query: unknown): ListRunsQuery {
  return parse(listQuery, query ?? undefined, 'query') ?? {};
}

const tag = z
  .string({ error: 'must be a text' })
  .trim()
  .min(1, 'a tag must not be empty')
  .max(50, 'a tag has at most 50 characters');

const runUpdate = z.strictObject({
  name: z.string({ error: 'must be a text' }).trim().min(1, 'must not be empty').max(200, 'at most 200 characters').optional(),
  tags: z
    .array(tag, { error: 'must be a list of tags' })
    .max(20, 'at most 20 tags')
    .transform((tags) => [...new Set(tags)])
    .optional(),
  notes: z.string({ error: 'must be a text' }).max(10_000, 'at most 10,000 characters').optional(),
});

export function validUpdate(update: unknown): RunUpdate {
  return parse(runUpdate, update, 'update');
}

export function validFormat(format: unknown): ExportFormat {
  if (format !== 'csv' && format !== 'json') throw invalid([{ path: 'format', message: 'must be "csv" or "json"' }]);
  return format;
}

/** An index into one of a run's lists (arms, ηs): a whole number below `length`. */
export function validIndex(value: unknown, path: string, length: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value >= length) {
    throw invalid([{ path, message: `must be a whole number from 0 to ${length - 1}` }]);
  }
  return value;
}

const iteration = z.number({ error: 'must be an iteration number ≥ 0' }).min(0, 'must be an iteration number ≥ 0').max(1e15, 'at most 1e15');

export function validTrajectoryQuery(query: unknown, arms: number): TrajectoryQuery {
  const schema = z
    .strictObject({
      arm: z.number({ error: 'must be an arm index' }).int('must be an arm index').min(0, 'must be an arm index').max(arms - 1, `this run has ${arms} arm(s): 0 to ${arms - 1}`),
      from: iteration.optional(),
      to: iteration.optional(),
      columns: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(10, 'at least 10').max(5000, 'at most 5000').optional(),
      maxPaths: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'at least 1').max(100, 'at most 100').optional(),
    })
    .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not exceed to', path: ['to'] });
  return parse(schema, query, 'query');
}

/** importNoise's arguments: a file name (display and errors), its text, an optional threshold u. */
export function validNoiseImport(name: unknown, text: unknown, threshold: unknown): { name: string; text: string; threshold: number | undefined } {
  const issues: { path: string; message: string }[] = [];
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) issues.push({ path: 'name', message: 'must be a file name (1 to 200 characters)' });
  if (typeof text !== 'string') issues.push({ path: 'text', message: 'must be the file\'s text' });
  if (threshold !== undefined && threshold !== null && !(typeof threshold === 'number' && Number.isFinite(threshold) && threshold > 0)) {
    issues.push({ path: 'threshold', message: 'must be a number > 0' });
  }
  if (issues.length) throw invalid(issues);
  return { name: (name as string).trim(), text: text as string, threshold: typeof threshold === 'number' ? threshold : undefined };
}

/** getNoiseAsset's argument: an asset name as importNoise answers it. */
export function validAssetName(asset: unknown): string {
  if (typeof asset !== 'string' || !ASSET_NAME.test(asset)) throw invalidInput('asset', 'must be an asset name ("sha256:" and 64 hex digits), as importNoise returns');
  return asset;
}

/** A problem with one input, as a LabError (for checks made outside a schema). */
export function invalidInput(path: string, message: string): LabError {
  return invalid([{ path, message }]);
}

const landscapeMapOptions = z
  .strictObject({
    nodes: z
      .union(
        LANDSCAPE_MAP_NODES.map((n) => z.literal(n)),
        { error: `must be one of ${LANDSCAPE_MAP_NODES.join(', ')} (nodes per side of the basin map or a sub-grid of it)` },
      )
      .optional(),
  })
  .optional();

/** landscapeMap's input: a 2-D landscape as a config writes it, and the grid to sample it on. */
export function validLandscapeMapInput(landscape: unknown, options: unknown): { landscape: Landscape2DConfig; nodes: LandscapeMapNodes } {
  const parsedLandscape = landscape2dSchema.safeParse(landscape);
  const parsedOptions = landscapeMapOptions.safeParse(options ?? undefined);
  const issues = [
    ...(parsedLandscape.success ? [] : parsedLandscape.error.issues.map((i) => ({ path: prefixed('landscape', i.path), message: i.message }))),
    ...(parsedOptions.success ? [] : parsedOptions.error.issues.map((i) => ({ path: prefixed('options', i.path), message: i.message }))),
  ];
  if (issues.length || !parsedLandscape.success || !parsedOptions.success) throw invalid(issues);
  return { landscape: parsedLandscape.data, nodes: parsedOptions.data?.nodes ?? DEFAULT_LANDSCAPE_MAP_NODES };
}
