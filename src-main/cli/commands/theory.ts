import { parseCommandArgs, positiveNumber, requireString } from '../args';
import { commandHelp } from '../help';
import { readConfigFile } from '../readConfig';
import { theoryText } from '../format/theoryText';
import { printHelp, printJson } from '../service';
import { labTheory } from '../../service/theory';

/** No database and no workers: the theory is pure; the same validation as LabService.theory. */
export async function theoryCommand(argv: string[]): Promise<number> {
  const help = commandHelp.theory;
  const args = parseCommandArgs(argv, { config: { type: 'string' }, eta: { type: 'string' }, json: { type: 'boolean' } }, 0, help);
  if (args.values.help) return printHelp(help);
  const config = readConfigFile(requireString(args, 'config', help));
  const eta = positiveNumber(args, 'eta', help);
  const report = labTheory(config, eta);
  if (args.values.json) printJson(report);
  else process.stdout.write(`${theoryText(report)}\n`);
  return 0;
}
