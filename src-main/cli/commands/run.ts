import { parseCommandArgs, positiveInteger, requireString, runId } from '../args';
import { commandHelp } from '../help';
import { readConfigFile } from '../readConfig';
import { log, openService } from '../service';
import { followRun } from '../followRun';
import { printHelp } from './theory';

export async function runCommand(argv: string[]): Promise<number> {
  const help = commandHelp.run;
  const args = parseCommandArgs(
    argv,
    { config: { type: 'string' }, db: { type: 'string' }, workers: { type: 'string' }, json: { type: 'boolean' } },
    0,
    help,
  );
  if (args.values.help) return printHelp(help);
  const configPath = requireString(args, 'config', help);
  const dbPath = requireString(args, 'db', help);
  const workers = positiveInteger(args, 'workers', help);
  // Read before the database opens: a missing file or broken JSON touches nothing.
  const config = readConfigFile(configPath);
  const service = openService(dbPath, workers);
  try {
    const run = await service.startRun(config);
    log(`Run ${run.id} started: ${run.name} (${run.kind}) in ${dbPath}`);
    return await followRun(service, run.id, dbPath, Boolean(args.values.json));
  } finally {
    await service.close();
  }
}

export async function resumeCommand(argv: string[]): Promise<number> {
  const help = commandHelp.resume;
  const args = parseCommandArgs(argv, { db: { type: 'string' }, workers: { type: 'string' }, json: { type: 'boolean' } }, 1, help);
  if (args.values.help) return printHelp(help);
  const id = runId(args, help);
  const dbPath = requireString(args, 'db', help);
  const service = openService(dbPath, positiveInteger(args, 'workers', help));
  try {
    await service.resumeRun(id);
    log(`Run ${id} resumed from its committed chunks.`);
    return await followRun(service, id, dbPath, Boolean(args.values.json));
  } finally {
    await service.close();
  }
}
