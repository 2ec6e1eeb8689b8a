/**
 * Headless Chromium for the UI tests, driven by playwright-core (a test tool's own browser download does
 * not work on these machines): the one scripts/chromium.ts finds, as `npm test` does before it starts.
 */
import { type Browser, chromium } from "playwright-core";
import { inject } from "vitest";
import { findChromium, MISSING } from "../../scripts/chromium";

/** The network is closed here: background services would only fail, noisily. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The run's shared Chromium (test/browser-server.ts) when there is one; else one of the test's own.
 * Closing what this returns disconnects from the shared one and leaves it running for the next file.
 */
export function launchBrowser(): Promise<Browser> {
  const ws = inject("chromiumWs");
  if (ws) return chromium.connect(ws);
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
