import { parseCommandArgs, positiveInteger, positiveNumber, requireString, runId } from '../args';
import { commandHelp } from '../help';
import { readConfigFile } from '../readConfig';
import { log, printHelp, withService } from '../service';
import { followRun } from '../followRun';

export async function runCommand(argv: string[]): Promise<number> {
  const help = commandHelp.run;
  const args = parseCommandArgs(
    argv,
    { config: { type: 'string' }, db: { type: 'string' }, workers: { type: 'string' }, 'memory-budget': { type: 'string' }, json: { type: 'boolean' } },
    0,
    help,
  );
  if (args.values.help) return printHelp(help);
  const configPath = requireString(args, 'config', help);
  const dbPath = requireString(args, 'db', help);
  const workers = positiveInteger(args, 'workers', help);
  const memoryBudgetMB = positiveNumber(args, 'memory-budget', help);
  // Read before the database opens: a missing file or broken JSON touches nothing.
  const config = readConfigFile(configPath);
  return withService(
    dbPath,
    async (service) => {
      const run = await service.startRun(config);
      log(`Run ${run.id} started: ${run.name} (${run.kind}) in ${dbPath}`);
      return followRun(service, run.id, dbPath, Boolean(args.values.json));
    },
    { workers, memoryBudgetMB, access: 'create' },
  );
}

export async function resumeCommand(argv: string[]): Promise<number> {
  const help = commandHelp.resume;
  const args = parseCommandArgs(argv, { db: { type: 'string' }, workers: { type: 'string' }, json: { type: 'boolean' } }, 1, help);
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
    { workers: positiveInteger(args, 'workers', help) },
  );
}
