/**
 * The workbench as `npm start` runs it: build-local/workbench.mjs (src/local/start.ts bundled by
 * `npm run build`) in its own Node process (on the build/ and build-local/ that `npm test` made), on a
 * free port, with a data folder of the test's own; and the page in Chromium.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, FrameLocator, Locator, Page } from "playwright-core";
import { expect } from "vitest";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

export const OWNER = "vanphong@quangkhai.example";
export const SCHOOL = "thcs@quangkhai.example";
export const POLICE = "congan@quangkhai.example";
export const HEALTH = "tramyte@quangkhai.example";
export const UPPER_LEVEL = "lanhdao@tuky.example";

/** How long to wait for the page to show something: generous, the machines running the tests are shared. */
export const WAIT = { timeout: 30_000 };

export interface RunningServer {
  url: string;
  output: string[];
  /** SIGTERM: a clean stop (the whole state is written); SIGKILL: a crash, nothing more is written. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "workbench-test-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `node build-local/workbench.mjs` with PORT=0 (and `env`, e.g. WORKBENCH_DEMO) and waits for the address it prints. The whole state is
 * written only on a clean stop (or after 100 actions), so a kill finds the journal to replay.
 */
export function startServer(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ["build-local/workbench.mjs"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", WORKBENCH_DATA_DIR: dataDir, WORKBENCH_SAVE_IDLE_MS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the workbench did not start in time:\n${output.join("")}`));
    }, 45_000);
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the workbench exited (${code}):\n${output.join("")}`));
    });
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString("utf8"));
      const m = /Bàn thử đang chạy tại (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.join(""));
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        output,
        stop: async (signal: NodeJS.Signals = "SIGTERM") => {
          if (child.exitCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  });
}

/** The page in a new browser context: by default a Vietnamese desktop browser in Vietnam's zone. */
export async function openWorkbench(
  browser: Browser,
  url: string,
  opts: { locale?: string; timezoneId?: string; width?: number; height?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    locale: opts.locale ?? "vi-VN",
    timezoneId: opts.timezoneId ?? "Asia/Ho_Chi_Minh",
    acceptDownloads: true,
  });
  // A step that cannot happen fails on its own, naming what it waited for, well inside the test's 60 s.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(url);
  await page.locator("#grid td[data-a1='A1']").waitFor();
  return { page, errors };
}

export function status(page: Page): Locator {
  return page.locator("#status");
}

export async function actAs(page: Page, email: string): Promise<void> {
  await page.locator("#user").selectOption(email);
  await expect.poll(() => status(page).textContent(), WAIT).toContain(`Đang dùng với tư cách ${email}`);
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await expect.poll(() => page.locator("#grid").getAttribute("aria-label"), WAIT).toBe(`Trang ${name}`);
}

/** The item of the script's menu (the menu onOpen built for the acting user). */
export async function clickMenu(page: Page, item: string): Promise<void> {
  const entry = page.getByRole("menuitem", { name: item });
  // Opened again when the menus were redrawn between the click and the item (the acting person's
  // refresh arriving late): a person would simply open the menu again.
  await expect
    .poll(async () => {
      if (await entry.isVisible()) return true;
      await page.locator(".menu-button").first().click();
      return entry.isVisible();
    }, WAIT)
    .toBe(true);
  await entry.click();
}

export function cell(page: Page, a1: string): Locator {
  return page.locator(`#grid td[data-a1="${a1}"]`);
}

/** Column letter of a header in row 1 of the tab shown. */
export async function columnOf(page: Page, header: string): Promise<string> {
  const headers = await page.locator("#grid tbody tr:first-child td").allTextContents();
  const at = headers.indexOf(header);
  if (at < 0) throw new Error(`no column "${header}" in ${headers.join(" | ")}`);
  let s = "";
  for (let x = at + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function sidebar(page: Page): FrameLocator {
  return page.frameLocator("#sidebar iframe.panel-frame");
}

/** A screenshot to look at, under test-results/ (never docs/: `npm run screenshots` makes those). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "test-results", `${name}.png`) });
}

/** The workbench's status line says `text` (it may take a moment: the page asks the server first). */
export async function says(page: Page, text: string | RegExp): Promise<void> {
  const poll = expect.poll(() => status(page).textContent(), WAIT);
  await (typeof text === "string" ? poll.toContain(text) : poll.toMatch(text));
}
