import { LabError } from '../../src-shared/api';
import { DatabaseRefusedError, DatabaseVersionError } from '../store/database';
import { ConfigFileError, EXIT_FAILURE, EXIT_INVALID, UsageError } from './errors';
import { mainHelp, type CommandName } from './help';
import { theoryCommand } from './commands/theory';
import { resumeCommand, runCommand } from './commands/run';
import { cancelCommand, exportCommand, listCommand, showCommand } from './commands/runs';
import { benchCommand } from './commands/bench';
import { workerCommand } from './commands/worker';

/** The `lab` command: one LabService, called directly. */
const commands: Record<CommandName, (argv: string[]) => Promise<number>> = {
  theory: theoryCommand,
  run: runCommand,
  show: showCommand,
  list: listCommand,
  resume: resumeCommand,
  cancel: cancelCommand,
  export: exportCommand,
  worker: workerCommand,
  bench: benchCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${mainHelp}\n`);
    return EXIT_INVALID;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp}\n`);
    return 0;
  }
  if (!(name in commands)) throw new UsageError(`unknown command "${name}"`, mainHelp);
  return commands[name as CommandName](rest);
}

/** Map every failure to its exit status and a message on stderr that says what to fix. */
function fail(error: unknown): number {
  const say = (s: string) => process.stderr.write(`${s}\n`);
  if (error instanceof UsageError) {
    say(`lab: ${error.message}`);
    if (error.help) say(`\n${error.help.split('\n')[0]}\n(see --help)`);
    return EXIT_INVALID;
  }
  if (error instanceof ConfigFileError) {
    say(`lab: ${error.message}`);
    return EXIT_INVALID;
  }
  if (error instanceof LabError) {
    if (error.code === 'invalid') {
      say('lab: invalid input; nothing was stored.');
      for (const issue of error.issues ?? [{ path: '', message: error.message }]) say(`  ${issue.path || '(config)'}: ${issue.message}`);
      return EXIT_INVALID;
    }
    say(`lab: ${error.message}`);
    return EXIT_FAILURE;
  }
  if (error instanceof DatabaseVersionError || error instanceof DatabaseRefusedError) {
    say(`lab: ${error.message}`);
    return EXIT_FAILURE;
  }
  say(`lab: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.LAB_DEBUG && error instanceof Error) say(error.stack ?? '');
  return EXIT_FAILURE;
}

// Exit only once stdout has drained: a large --json document must reach a pipe whole.
main(process.argv.slice(2))
  .catch(fail)
  .then((code) => {
    process.exitCode = code;
    process.stdout.write('', () => process.exit(code));
  });
