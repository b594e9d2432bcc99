import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import { LabError, type NoiseAssetSamples } from '../../src-shared/api';
import type { ExperimentConfig } from '../../src-shared/model/config';
import { provideNoiseAsset, providedNoiseAsset, type NoiseAssetInfo } from '../../src-shared/model/noiseAsset';
import { NoiseFileError, parseNoiseFile } from '../../src-shared/stats/noiseFile';
import { buildSplicedLaw, SplicedLawError } from '../../src-shared/stats/splicedLaw';
import { empiricalLaw } from '../../src-shared/stats/empiricalLaw';
import type { AssetsRepository } from '../store/assetsRepository';
import { invalidInput } from './inputs';

/** "sha256:" and the hex SHA-256 of the samples as float64 little-endian bytes (noiseAsset.ts). */
export function assetName(samples: Float64Array): string {
  let bytes = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  if (endianness() === 'BE') {
    bytes = Buffer.alloc(samples.byteLength);
    samples.forEach((v, i) => bytes.writeDoubleLE(v, 8 * i));
  }
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * Measured noise from a file's text: parsed (an error names the file and line) and checked to make
 * a law the model accepts (enough exceedances, fitted α > 1), before anything is stored.
 * `path` names the input the text came from in errors (e.g. "text" or "arms[0].noise.file").
 */
export function samplesFromText(text: string, file: string, path: string, threshold?: number): Float64Array {
  let samples: Float64Array;
  try {
    [samples] = parseNoiseFile(text, file);
  } catch (error) {
    if (error instanceof NoiseFileError) throw invalidInput(path, error.message);
    throw error;
  }
  try {
    buildSplicedLaw(samples, threshold);
  } catch (error) {
    if (error instanceof SplicedLawError) throw invalidInput(threshold === undefined ? path : 'threshold', `${file}: ${error.message}`);
    throw error;
  }
  return samples;
}

/**
 * The service's side of measured noise: stores imported samples once, by hash, and hands the
 * samples of the assets a config names to this thread's table (for the theory and estimates run
 * here) and to the engine (which delivers them to the workers).
 */
export class NoiseAssetStore {
  constructor(private readonly repository: AssetsRepository) {}

  store(name: string, samples: Float64Array): NoiseAssetInfo {
    const asset = assetName(samples);
    this.repository.put(asset, name, samples);
    provideNoiseAsset(asset, samples);
    return { asset, name, count: samples.length };
  }

  /** A stored asset with its samples, for a client that explains runs on it; not-found when absent. */
  read(asset: string): NoiseAssetSamples {
    const row = this.repository.get(asset);
    if (!row) throw new LabError({ code: 'not-found', message: `No measured noise ${asset} in this database.` });
    return { asset: row.hash, name: row.name, count: row.count, samples: Array.from(row.samples) };
  }

  /**
   * The samples of every asset the config's arms name, by asset name. An asset this database does
   * not hold, or whose threshold leaves too few exceedances, is the config's error at its path.
   */
  forConfig(config: ExperimentConfig, offered?: ReadonlyMap<string, Float64Array>): Map<string, Float64Array> {
    const assets = new Map<string, Float64Array>();
    armsOf(config).forEach((arm, i) => {
      const noise = arm.noise;
      if (noise.family !== 'empirical') return;
      const samples = this.samples(noise.asset) ?? this.offer(noise.asset, offered);
      if (!samples) throw invalidInput(`arms[${i}].noise.asset`, `no measured noise ${noise.asset} in this database (import it first)`);
      try {
        empiricalLaw(noise);
      } catch (error) {
        if (error instanceof SplicedLawError) throw invalidInput(`arms[${i}].noise.${noise.threshold === undefined ? 'asset' : 'threshold'}`, error.message);
        throw error;
      }
      assets.set(noise.asset, samples);
    });
    return assets;
  }

  /** Like forConfig, for reading stored runs: whatever this database holds, without judging. */
  provideKnown(config: ExperimentConfig): void {
    for (const arm of armsOf(config)) if (arm.noise.family === 'empirical') this.samples(arm.noise.asset);
  }

  /** Samples read by the caller (the CLI's noise files), known here only for this thread until stored. */
  private offer(asset: string, offered: ReadonlyMap<string, Float64Array> | undefined): Float64Array | undefined {
    const samples = offered?.get(asset);
    if (samples) provideNoiseAsset(asset, samples);
    return samples;
  }

  private samples(asset: string): Float64Array | undefined {
    const known = providedNoiseAsset(asset);
    if (known) return known;
    const row = this.repository.get(asset);
    if (!row) return undefined;
    provideNoiseAsset(asset, row.samples);
    return row.samples;
  }
}

/** The arms a config runs: its own, or for a composite kind (a sweep) its base's, which every cell keeps. */
export function armsOf(config: ExperimentConfig): ExperimentConfig['arms'] {
  return 'arms' in config ? config.arms : ((config as { base?: ExperimentConfig }).base?.arms ?? []);
}
