/**
 * Where the lab page comes from and who counts as it: the Vite dev server during `npm start`,
 * otherwise our own app:// scheme serving out/renderer (never file://, whose origin is opaque
 * and which would let a page read any local file).
 */
export const appScheme = 'app';
export const appHost = 'lab';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/**
 * The Vite dev server's URL (electron-vite passes it as ELECTRON_RENDERER_URL during `npm start`)
 * or undefined. A packaged app never takes its page from an environment variable: anyone who can
 * start it could otherwise point the trusted window, with its IPC bridge, at their own server.
 * In development only a loopback http(s) address counts.
 */
export function devServerUrlFrom(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const raw = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !raw) return undefined;
  try {
    const u = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    return (u.protocol === 'http:' || u.protocol === 'https:') && loopback ? raw : undefined;
  } catch {
    return undefined;
  }
}

export function rendererEntryUrl(devServerUrl: string | undefined): string {
  return devServerUrl ? devServerUrl : appEntryUrl;
}

/**
 * Same scheme and host as the entry page. Compared by parts, not by URL.origin: Node's URL gives
 * every non-special scheme (our app:) the opaque origin "null". Schemes without a host (file:,
 * data:, about:, blob:) never match.
 */
export function isTrustedRendererUrl(url: string | undefined | null, entryUrl: string): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    const entry = new URL(entryUrl);
    const schemes = ['http:', 'https:', `${appScheme}:`];
    return schemes.includes(u.protocol) && u.host !== '' && u.protocol === entry.protocol && u.host === entry.host;
  } catch {
    return false;
  }
}

/** Links the page may hand to the system browser (the paper, docs); nothing else leaves. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Dev only: the Vite server's websocket for hot reload, added to the CSP's connect-src. */
export function devConnectSources(devServerUrl: string | undefined): string[] {
  if (!devServerUrl) return [];
  const u = new URL(devServerUrl);
  return [`ws://${u.host}`, `${u.protocol}//${u.host}`];
}
