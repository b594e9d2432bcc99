import type { EmpiricalNoise } from '../model/noise';
import { MissingAssetError, providedNoiseAsset } from '../model/noiseAsset';
import { buildSplicedLaw, type SplicedLaw } from './splicedLaw';

/** Laws built lately, by asset and threshold: building one sorts and fits all the samples. */
const built = new Map<string, SplicedLaw>();
const KEEP = 16;

/**
 * The spliced law of an empirical noise, built once per thread for each (asset, threshold) and
 * remembered: the asset name is the samples' hash, so the name alone identifies the law. The
 * samples must have been provided in this thread (provideNoiseAsset); else MissingAssetError.
 */
export function empiricalLaw(noise: EmpiricalNoise): SplicedLaw {
  const key = `${noise.asset}|${noise.threshold ?? ''}`;
  const hit = built.get(key);
  if (hit) {
    built.delete(key);
    built.set(key, hit);
    return hit;
  }
  const samples = providedNoiseAsset(noise.asset);
  if (!samples) throw new MissingAssetError(noise.asset);
  const law = buildSplicedLaw(samples, noise.threshold);
  built.set(key, law);
  while (built.size > KEEP) built.delete(built.keys().next().value as string);
  return law;
}
