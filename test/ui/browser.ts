/**
 * Headless Chromium for the UI tests, driven by playwright-core (a test tool's own browser download does
 * not work on these machines): the one scripts/chromium.ts finds, as `npm test` does before it starts.
 *
 * One Chromium serves the whole run: test/browser-setup.ts starts it once (vitest's globalSetup of the
 * browser tests) and each test file connects to it, which costs a fraction of a launch (2–3 s of wall
 * time each on a loaded 2-core machine). A file's `close()` only disconnects it, closing its pages.
 */
import { type Browser, type BrowserServer, chromium, type LaunchOptions } from "playwright-core";
import { inject } from "vitest";
import { findChromium, MISSING } from "../../scripts/chromium";

function options(): LaunchOptions {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING);
  return {
    executablePath,
    headless: true,
    // The network is closed here: background services would only fail, noisily.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}

/** The run's Chromium, for test/browser-setup.ts. */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(options());
}

/**
 * The run's Chromium for a test file; a Chromium of its own when the run has none, or outside vitest
 * (`npm run screenshots`, where vitest's inject throws).
 */
export function launchBrowser(): Promise<Browser> {
  const endpoint = process.env.VITEST ? inject("chromiumEndpoint") : undefined;
  return endpoint ? chromium.connect(endpoint) : chromium.launch(options());
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The WebSocket address of the run's Chromium (test/browser-setup.ts). */
    chromiumEndpoint?: string;
  }
}
