/**
 * vitest's globalSetup for the browser tests (vitest.config.ts): one Chromium for the whole run, its
 * address given to each test file (test/ui/browser.ts), closed when the run ends.
 */
import type { TestProject } from "vitest/node";
import { launchBrowserServer } from "./ui/browser";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchBrowserServer();
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
