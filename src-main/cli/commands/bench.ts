import { parseCommandArgs } from '../args';
import { commandHelp } from '../help';
import { printHelp } from './theory';

export async function benchCommand(argv: string[]): Promise<number> {
  const help = commandHelp.bench;
  const args = parseCommandArgs(argv, { json: { type: 'boolean' } }, 0, help);
  if (args.values.help) return printHelp(help);
  throw new Error('the benchmarks are not wired in yet');
}
