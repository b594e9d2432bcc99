import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildRendererIfStale } from './buildRenderer';
import { startLab, type RunningLab } from './labServer';
import { launchChromium, openPage } from './browser';

/** A real `serve` on a fresh database, Debian's Chromium, and one page that records its console errors. */
export interface BrowserSession {
  lab: RunningLab;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Extra `serve` arguments (`--token`, `--notice-after`, …). */
  labArgs?: string[];
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Runs on the context before the page opens (init scripts, routes). */
  prepare?: (context: BrowserContext) => Promise<unknown>;
}

/**
 * What an e2e file opens in its beforeAll. If a step fails, what was already started is stopped
 * before the error propagates: afterAll never sees a session, and would otherwise leak the server.
 */
export async function openBrowserSession(options: SessionOptions = {}): Promise<BrowserSession> {
  await buildRendererIfStale();
  const opened: { lab?: RunningLab; browser?: Browser; context?: BrowserContext } = {};
  const close = async () => {
    await opened.context?.close().catch(() => undefined);
    await opened.browser?.close().catch(() => undefined);
    await opened.lab?.stop();
  };
  try {
    opened.lab = await startLab(options.labArgs ?? []);
    opened.browser = await launchChromium();
    opened.context = await opened.browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      acceptDownloads: options.acceptDownloads ?? false,
    });
    await options.prepare?.(opened.context);
    const { page, consoleErrors } = await openPage(opened.context);
    return { lab: opened.lab, browser: opened.browser, context: opened.context, page, consoleErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}
