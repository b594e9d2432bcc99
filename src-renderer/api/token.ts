import { tokenQueryParam } from '../../src-shared/protocol';

const storageKey = 'lab.token';

/**
 * The browser door's bearer token arrives once as `?token=` in the page URL.
 * Keep it for this tab only and strip it from the address bar so it is not bookmarked or shared.
 */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(tokenQueryParam);
  if (fromUrl) {
    storage.setItem(storageKey, fromUrl);
    url.searchParams.delete(tokenQueryParam);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(storageKey);
}
