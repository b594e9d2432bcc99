import { parseCommandArgs, positiveNumber, requireString } from '../args';
import { commandHelp } from '../help';
import { readConfigFile } from '../readConfig';
import { theoryText } from '../format/theoryText';
import { printHelp, printJson } from '../service';
import { labTheoryOn } from '../../service/theory';
import { TheoryPool } from '../../service/theoryPool';

/** No database and no workers: the theory is pure; the same validation as LabService.theory. */
export async function theoryCommand(argv: string[]): Promise<number> {
  const help = commandHelp.theory;
  const args = parseCommandArgs(argv, { config: { type: 'string' }, eta: { type: 'string' }, json: { type: 'boolean' } }, 0, help);
  if (args.values.help) return printHelp(help);
  const config = readConfigFile(requireString(args, 'config', help));
  const eta = positiveNumber(args, 'eta', help);
  // The same worker thread as every other door: one code path, and Ctrl-C still answers meanwhile.
  const pool = new TheoryPool({ workerUrl: new URL('./worker.js', import.meta.url) });
  let report;
  try {
    report = await labTheoryOn(pool, config, eta);
  } finally {
    await pool.destroy();
  }
  if (args.values.json) printJson(report);
  else process.stdout.write(`${theoryText(report)}\n`);
  return 0;
}
