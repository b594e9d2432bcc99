import { writeFileSync } from 'node:fs';
import type { ListRunsQuery } from '../../../src-shared/api';
import { parseCommandArgs, requireString, runId } from '../args';
import { commandHelp } from '../help';
import { log, printHelp, printJson, withService } from '../service';
import { runDocument } from '../../export/runDocument';
import { runText, runsTable } from '../format/runText';
import { UsageError } from '../errors';

export async function showCommand(argv: string[]): Promise<number> {
  const help = commandHelp.show;
  const args = parseCommandArgs(argv, { db: { type: 'string' }, json: { type: 'boolean' } }, 1, help);
  if (args.values.help) return printHelp(help);
  const id = runId(args, help);
  const run = await withService(requireString(args, 'db', help), (service) => service.getRun(id), { access: 'read' });
  if (args.values.json) printJson(runDocument(run));
  else process.stdout.write(`${runText(run)}\n`);
  return 0;
}

export async function listCommand(argv: string[]): Promise<number> {
  const help = commandHelp.list;
  const text = { type: 'string' } as const;
  const args = parseCommandArgs(
    argv,
    { db: text, status: text, kind: text, tag: text, text, sort: text, order: text, limit: text, offset: text, json: { type: 'boolean' } },
    0,
    help,
  );
  if (args.values.help) return printHelp(help);
  const query: Record<string, unknown> = {};
  for (const key of ['status', 'kind', 'tag', 'text', 'sort', 'order'] as const) {
    if (args.values[key] !== undefined) query[key] = args.values[key];
  }
  for (const key of ['limit', 'offset'] as const) {
    const raw = args.values[key];
    if (raw === undefined) continue;
    if (!/^\d+$/.test(String(raw))) throw new UsageError(`--${key}: "${String(raw)}" must be a whole number`, help);
    query[key] = Number(raw);
  }
  const page = await withService(requireString(args, 'db', help), (service) => service.listRuns(query as ListRunsQuery), { access: 'read' });
  if (args.values.json) printJson(page);
  else process.stdout.write(`${runsTable(page.runs, page.total, (query.offset as number | undefined) ?? 0)}\n`);
  return 0;
}

export async function cancelCommand(argv: string[]): Promise<number> {
  const help = commandHelp.cancel;
  const args = parseCommandArgs(argv, { db: { type: 'string' }, json: { type: 'boolean' } }, 1, help);
  if (args.values.help) return printHelp(help);
  const id = runId(args, help);
  const run = await withService(requireString(args, 'db', help), (service) => service.cancelRun(id));
  if (args.values.json) printJson(run);
  if (run.status === 'cancelled') {
    log(`Run ${id} is cancelled; its committed chunks are kept (\`lab resume ${id}\` continues it).`);
    return 0;
  }
  log(`Cancel requested for run ${id}, but it is still ${run.status}: its process has not answered yet.`);
  return 1;
}

export async function exportCommand(argv: string[]): Promise<number> {
  const help = commandHelp.export;
  const args = parseCommandArgs(argv, { db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } }, 1, help);
  if (args.values.help) return printHelp(help);
  const id = runId(args, help);
  const dbPath = requireString(args, 'db', help);
  const format = requireString(args, 'format', help);
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format: "${format}" must be csv or json`, help);
  const file = await withService(dbPath, (service) => service.exportRun(id, format), { access: 'read' });
  const out = args.values.out;
  if (typeof out === 'string' && out !== '') {
    writeFileSync(out, file.content);
    log(`Wrote ${out} (${file.mimeType}, ${file.content.length} characters).`);
  } else {
    process.stdout.write(file.content);
  }
  return 0;
}
