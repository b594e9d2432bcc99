import { parseCommandArgs, positiveInteger, positiveNumber, requireString, runId, type ParsedArgs } from '../args';
import { UsageError } from '../errors';
import { parseRedisUrl } from '../../queue/redisUrl';
import { commandHelp } from '../help';
import { readConfigFile } from '../readConfig';
import { log, printHelp, withService } from '../service';
import { followRun } from '../followRun';
import { resolveNoiseFiles } from '../noiseFiles';

export async function runCommand(argv: string[]): Promise<number> {
  const help = commandHelp.run;
  const args = parseCommandArgs(
    argv,
    { config: { type: 'string' }, db: { type: 'string' }, workers: { type: 'string' }, redis: { type: 'string' }, 'memory-budget': { type: 'string' }, json: { type: 'boolean' } },
    0,
    help,
  );
  if (args.values.help) return printHelp(help);
  const configPath = requireString(args, 'config', help);
  const dbPath = requireString(args, 'db', help);
  const workers = positiveInteger(args, 'workers', help);
  const memoryBudgetMB = positiveNumber(args, 'memory-budget', help);
  const redis = redisUrl(args, help);
  // Read before the database opens: a missing file or broken JSON touches nothing.
  const { config, noise } = resolveNoiseFiles(readConfigFile(configPath), configPath);
  return withService(
    dbPath,
    async (service) => {
      const run = await service.startRunWith(config, noise);
      log(`Run ${run.id} started: ${run.name} (${run.kind}) in ${dbPath}${redis ? ', its chunks on the queue' : ''}`);
      return followRun(service, run.id, dbPath, Boolean(args.values.json));
    },
    { workers, memoryBudgetMB, access: 'create', redis },
  );
}

export async function resumeCommand(argv: string[]): Promise<number> {
  const help = commandHelp.resume;
  const args = parseCommandArgs(
    argv,
    { db: { type: 'string' }, workers: { type: 'string' }, redis: { type: 'string' }, json: { type: 'boolean' } },
    1,
    help,
  );
  if (args.values.help) return printHelp(help);
  const id = runId(args, help);
  const dbPath = requireString(args, 'db', help);
  return withService(
    dbPath,
    async (service) => {
      await service.resumeRun(id);
      log(`Run ${id} resumed from its committed chunks.`);
      return followRun(service, id, dbPath, Boolean(args.values.json));
    },
    { workers: positiveInteger(args, 'workers', help), redis: redisUrl(args, help) },
  );
}

/** --redis URL: chunks go to the queue's workers, so --workers (this machine's threads) has no say. */
function redisUrl(args: ParsedArgs, help: string): string | undefined {
  const url = args.values.redis;
  if (url === undefined) return undefined;
  if (typeof url !== 'string' || url === '') throw new UsageError('--redis needs a URL (redis://… or rediss://…)', help);
  if (args.values.workers !== undefined) throw new UsageError('--workers applies to this machine; with --redis the queue\'s workers run the chunks', help);
  try {
    parseRedisUrl(url);
  } catch (error) {
    throw new UsageError(`--redis: ${(error as Error).message}`, help);
  }
  return url;
}
