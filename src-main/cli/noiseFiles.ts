import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { invalidInput } from '../service/inputs';
import { assetName, samplesFromText } from '../service/noiseAssets';

/** Measured noise read from a file a config names, by the asset name it becomes. */
export interface NoiseFileSamples {
  name: string;
  samples: Float64Array;
}

/**
 * The CLI's convenience: an empirical arm may name its samples by file,
 * {"family": "empirical", "file": "noise.csv"} (or "samples": "noise.csv"), relative to the config
 * file. Each file is read and checked here (errors name the file, the line and the arm's JSON
 * path) and the arm is rewritten to {"family": "empirical", "asset": "sha256:…"}: the config the
 * service sees, and the run stores, names its noise by hash. Nothing is stored here.
 */
export function resolveNoiseFiles(config: unknown, configPath: string): { config: unknown; noise: NoiseFileSamples[] } {
  const arms = (config as { arms?: unknown } | null)?.arms;
  if (!Array.isArray(arms)) return { config, noise: [] };
  const noise: NoiseFileSamples[] = [];
  const rewritten = arms.map((arm: unknown, i) => {
    const n = (arm as { noise?: Record<string, unknown> } | null)?.noise;
    if (!n || n.family !== 'empirical' || (n.file === undefined && n.samples === undefined)) return arm;
    const key = n.file !== undefined ? 'file' : 'samples';
    const path = `arms[${i}].noise.${key}`;
    const given = n[key];
    if (typeof given !== 'string' || given === '') throw invalidInput(path, 'must be the path of a noise file (CSV or text, one number a line)');
    if (n.asset !== undefined) throw invalidInput(path, 'give either "asset" or a file, not both');
    const file = resolve(dirname(configPath), given);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw invalidInput(path, `${given}: cannot read the noise file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const threshold = typeof n.threshold === 'number' ? n.threshold : undefined;
    const samples = samplesFromText(text, given, path, threshold);
    noise.push({ name: basename(file), samples });
    const { file: _file, samples: _samples, ...rest } = n;
    void _file;
    void _samples;
    return { ...(arm as object), noise: { ...rest, asset: assetName(samples) } };
  });
  return { config: { ...(config as object), arms: rewritten }, noise };
}
