import type { EmpiricalNoise, Noise } from './noise';

/**
 * Measured noise lives in the run database as an asset named by its content: "sha256:" and the
 * hex SHA-256 of the samples as float64 little-endian bytes (so the same numbers written another
 * way are the same asset). Configs and tasks carry the name only. Each thread that samples or
 * explains an empirical arm is handed the samples once and keeps them here, by name: since the
 * name is the content's hash, a name never means two different things, so a thread-wide table
 * needs no invalidation and every function that meets an empirical noise can look it up.
 */
export const ASSET_NAME = /^sha256:[0-9a-f]{64}$/;

/** Samples by asset name. */
export type NoiseAssets = ReadonlyMap<string, Float64Array>;

/** What `importNoise` answers besides the analysis: the asset's name and size. */
export interface NoiseAssetInfo {
  asset: string;
  /** The file name the samples came from, as given (for display only). */
  name: string;
  count: number;
}

/** The assets the noises name, each once, in order of first use. */
export function assetNames(noises: Iterable<Noise>): string[] {
  const names = new Set<string>();
  for (const noise of noises) if (noise.family === 'empirical') names.add(noise.asset);
  return [...names];
}

const provided = new Map<string, Float64Array>();

/** Make an asset's samples known in this thread (the caller vouches that `name` is their hash). */
export function provideNoiseAsset(name: string, samples: Float64Array): void {
  if (!provided.has(name)) provided.set(name, samples);
}

/** The samples of an asset provided in this thread, if any. */
export function providedNoiseAsset(name: string): Float64Array | undefined {
  return provided.get(name);
}

export function isEmpirical(noise: Noise): noise is EmpiricalNoise {
  return noise.family === 'empirical';
}

export class MissingAssetError extends Error {
  constructor(readonly asset: string) {
    super(`the measured noise ${asset} is not available here (import it first)`);
    this.name = 'MissingAssetError';
  }
}
