/**
 * Headless Chromium for the UI tests, driven by playwright-core (a test tool's own browser download does
 * not work on these machines): the one scripts/chromium.ts finds, as `npm test` does before it starts.
 */
import { type Browser, chromium } from "playwright-core";
import { findChromium, MISSING } from "../../scripts/chromium";

export function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING);
  return chromium.launch({
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
  });
}
