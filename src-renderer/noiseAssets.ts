import { reactive, ref } from 'vue';
import type { LabApi } from '../src-shared/api';
import { assetsNamedIn, provideNoiseAsset, providedNoiseAsset } from '../src-shared/model/noiseAsset';

/**
 * The renderer computes theory locally (src-shared/theory), and an empirical arm's tail needs its
 * asset's samples in this thread. Assets imported here are provided by the import; a stored run,
 * a duplicated design or a compared run may name one this page has never seen, so its samples are
 * fetched once from the service (LabApi.getNoiseAsset) and kept for the page's life: the name is
 * the content's hash, so they never go stale.
 */

/** Bumped whenever samples arrive or a fetch fails: a computed theory that reads it runs again. */
export const noiseAssetsVersion = ref(0);
/** Why an asset could not be fetched, by name (e.g. this database does not hold it). */
export const noiseAssetErrors = reactive(new Map<string, string>());
const pending = new Map<string, Promise<void>>();

/** The assets `config` names whose samples this page has not got yet (nor failed to get). */
export function missingNoiseAssets(config: unknown): string[] {
  return assetsNamedIn(config).filter((a) => !providedNoiseAsset(a) && !noiseAssetErrors.has(a));
}

/** Fetch what `config` needs for its theory; each asset once however many views ask. */
export async function loadNoiseAssets(api: Pick<LabApi, 'getNoiseAsset'>, config: unknown): Promise<void> {
  await Promise.all(
    missingNoiseAssets(config).map((asset) => {
      let p = pending.get(asset);
      if (!p) {
        p = api.getNoiseAsset(asset).then(
          (read) => provideNoiseAsset(asset, Float64Array.from(read.samples)),
          (e: unknown) => void noiseAssetErrors.set(asset, (e as Error).message),
        ).finally(() => {
          pending.delete(asset);
          noiseAssetsVersion.value++;
        });
        pending.set(asset, p);
      }
      return p;
    }),
  );
}

/** The fetch failure that keeps `config`'s theory from being computed, if any. */
export function noiseAssetError(config: unknown): string | null {
  for (const a of assetsNamedIn(config)) {
    const e = noiseAssetErrors.get(a);
    if (e && !providedNoiseAsset(a)) return e;
  }
  return null;
}
