/**
 * One Chromium for the whole run (vitest globalSetup): the browser tests connect to it instead of each
 * starting their own, a second or two saved per file on a 2-core machine. Each test still makes its own
 * contexts, so nothing carries over from one file to the next.
 */
import { type BrowserServer, chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { findChromium } from "../scripts/chromium";
import { CHROMIUM_ARGS } from "./ui/browser";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the shared Chromium listens; empty when there is none (the tests then start their own). */
    chromiumWs: string;
  }
}

let server: BrowserServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const executablePath = findChromium();
  if (executablePath)
    server = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });
  project.provide("chromiumWs", server?.wsEndpoint() ?? "");
}

export async function teardown(): Promise<void> {
  await server?.close();
}
