import { parseCommandArgs, positiveNumber, requireString } from '../args';
import { commandHelp } from '../help';
import { readConfigFile } from '../readConfig';
import { theoryText } from '../format/theoryText';
import { printHelp, printJson } from '../service';
import { labTheoryOn } from '../../service/theory';
import { TheoryPool } from '../../service/theoryPool';
import { invalidInput, validLandscapeMapInput } from '../../service/inputs';
import { armsOf, assetName } from '../../service/noiseAssets';
import { cellValuesText, expandSweep } from '../../../src-shared/sweep/expandSweep';
import { clipStepLines } from '../../../src-shared/sweep/clipStepLines';
import { resolveNoiseFiles } from '../noiseFiles';

/** No database and no workers: the theory is pure; the same validation as LabService.theory. */
export async function theoryCommand(argv: string[]): Promise<number> {
  const help = commandHelp.theory;
  const args = parseCommandArgs(
    argv,
    { config: { type: 'string' }, eta: { type: 'string' }, json: { type: 'boolean' }, 'landscape-map': { type: 'boolean' }, nodes: { type: 'string' } },
    0,
    help,
  );
  if (args.values.help) return printHelp(help);
  const configPath = requireString(args, 'config', help);
  if (args.values['landscape-map']) {
    const nodes = args.values.nodes;
    return landscapeMapCommand(readConfigFile(configPath), typeof nodes === 'string' ? nodes : undefined);
  }
  const { config, noise } = resolveNoiseFiles(readConfigFile(configPath), configPath);
  // Measured noise from files only: with no database, a config naming an asset by hash alone has no samples.
  const assets = new Map(noise.map((n) => [assetName(n.samples), n.samples]));
  const eta = positiveNumber(args, 'eta', help);
  // The same worker thread as every other door: one code path, and Ctrl-C still answers meanwhile.
  const pool = new TheoryPool({ workerUrl: new URL('./worker.js', import.meta.url) });
  let report;
  try {
    report = await labTheoryOn(pool, config, eta, (c) => {
      armsOf(c).forEach((arm, i) => {
        if (arm.noise.family === 'empirical' && !assets.has(arm.noise.asset)) {
          throw invalidInput(`arms[${i}].noise.asset`, 'lab theory reads no database: name the measured noise by "file" instead');
        }
      });
      return assets;
    });
  } finally {
    await pool.destroy();
  }
  if (args.values.json) printJson(report);
  else if ('cells' in report) {
    // A sweep: each cell's report in grid order, then where l* changes along each clip axis (every boundary is in --json).
    const sweep = expandSweep(config);
    const steps = sweep.over.flatMap((axis, k) => {
      if (axis.field !== 'clip') return [];
      const lines = clipStepLines(sweep, report.boundaries[k]);
      return [`— Where l* changes along axis ${k + 1} (clip)\n${lines.length ? lines.map((l) => `  ${l}`).join('\n') : '  nowhere between its values'}`];
    });
    process.stdout.write(`${[...report.cells.map((cell) => `— Cell ${cellValuesText(cell.values)}\n${theoryText(cell.report)}`), ...steps].join('\n\n')}\n`);
  } else process.stdout.write(`${theoryText(report)}\n`);
  return 0;
}

/** `--landscape-map`: what LabApi landscapeMap answers for the config's 2-D landscape, as JSON. */
async function landscapeMapCommand(config: unknown, nodes: string | undefined): Promise<number> {
  const landscape = (config as { landscape?: unknown } | null)?.landscape;
  const input = validLandscapeMapInput(landscape, nodes === undefined ? undefined : { nodes: Number(nodes) });
  const pool = new TheoryPool({ workerUrl: new URL('./worker.js', import.meta.url) });
  try {
    printJson(await pool.landscapeMap(input));
  } finally {
    await pool.destroy();
  }
  return 0;
}
