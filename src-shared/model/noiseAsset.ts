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

/**
 * The assets named anywhere in a config (its arms, a sweep's base, a 2-D noise's axes), each once:
 * every empirical noise record is an object with family "empirical" and an asset name, wherever
 * its kind keeps it.
 */
export function assetsNamedIn(config: unknown): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.family === 'empirical' && typeof record.asset === 'string' && ASSET_NAME.test(record.asset)) names.add(record.asset);
      Object.values(record).forEach(visit);
    }
  };
  visit(config);
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
