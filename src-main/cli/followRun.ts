import type { RunRecord } from '../../src-shared/api';
import type { LabService } from '../lab';
import { runDocument } from '../export/runDocument';
import { runText } from './format/runText';
import { ProgressReporter } from './progressReporter';
import { log, printJson } from './service';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK } from './errors';

/**
 * Wait for a run this process executes, showing progress on stderr, and print it when it
 * ends. Ctrl-C (or SIGTERM) stops it as `interrupted`: chunks already committed stay, and
 * `lab resume` continues from them.
 */
export async function followRun(service: LabService, id: number, dbPath: string, json: boolean): Promise<number> {
  const reporter = new ProgressReporter();
  const unsubscribe = service.on('runProgress', (p) => {
    if (p.id === id) reporter.update(p);
  });
  let onSignal: () => void = () => {};
  const interrupted = new Promise<'interrupted'>((resolve) => {
    onSignal = () => {
      // A second Ctrl-C while we wind down means "now".
      process.once('SIGINT', () => process.exit(EXIT_INTERRUPTED));
      resolve('interrupted');
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  try {
    const ended = await Promise.race([service.whenSettled(id), interrupted]);
    reporter.finish();
    if (ended === 'interrupted') {
      log(`Interrupting run ${id}: committed chunks are kept, chunks in flight are dropped…`);
      await service.close();
      log(`Run ${id} is interrupted. Resume it with: lab resume ${id} --db ${shellQuote(dbPath)}`);
      return EXIT_INTERRUPTED;
    }
    return report(ended, json);
  } finally {
    unsubscribe();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function report(run: RunRecord, json: boolean): number {
  if (json) printJson(runDocument(run));
  else process.stdout.write(`${runText(run)}\n`);
  if (run.status === 'completed') return EXIT_OK;
  log(`Run ${run.id} ended ${run.status}${run.error ? `: ${run.error}` : ''}.`);
  return EXIT_FAILURE;
}

function shellQuote(s: string): string {
  return /^[\w./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
