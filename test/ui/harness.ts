/**
 * The real built pages in headless Chromium, talking to the real bundle (build/Code.js) in the
 * emulator. The page is the HTML the script itself serves (the menu item runs showEntrySidebar /
 * showSettingsDialog, whose HtmlService output the emulator records); a `google.script.run` shim,
 * injected before the page's own script, forwards each call to Node, where env.runFromClient runs it
 * as the emulator's active user with Google's serialisation. Calls answer asynchronously, as Google's do.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { createEnvironment, type Environment } from "../../src/local/emulator/index";

export const OWNER = "chu.tich@quangkhai.example";
export const POLICE = "cong.an@quangkhai.example";
export const SCHOOL = "hieu.truong@quangkhai.example";
export const HEALTH = "tram.yte@quangkhai.example";

/** 10/04/2023 09:00 in Vietnam: inside the plan year, period "tháng 4/2023". */
export const APRIL_10 = new Date("2023-04-10T09:00:00+07:00");

const ROOT = join(__dirname, "../..");
export const RESULTS_DIR = join(ROOT, "test-results");

/**
 * The build as it was when the tests started: others may rebuild build/ (which empties it first) while
 * these tests run, so the bundle and the pages are copied once and read from the copy.
 */
const BUILD = (() => {
  const dir = mkdtempSync(join(tmpdir(), "ks-ui-build-"));
  for (const name of readdirSync(join(ROOT, "build"))) {
    if (name.endsWith(".html") || name === "Code.js")
      copyFileSync(join(ROOT, "build", name), join(dir, name));
  }
  return { dir, code: readFileSync(join(dir, "Code.js"), "utf8") };
})();

export const SETTINGS = {
  chairmanEmail: OWNER,
  upperLevelName: "UBND huyện Tứ Kỳ",
  upperLevelEmails: ["lanhdao@tuky.example", "conganhuyen@tuky.example"],
  unitEditors: { congAnXa: [POLICE], truongHoc: [SCHOOL], tramYTe: [HEALTH] },
  periodRule: "cutoff",
  sendDay: 15,
  sendHour: 7,
  reminderDaysBefore: 3,
};

export interface Emulated {
  env: Environment;
  /** The script's global functions not ending in "_": what google.script.run offers a page. */
  endpoints: string[];
}

/** The emulated spreadsheet after the owner set it up and gave three units their editors. */
export function preparedEnvironment(): Emulated {
  const env = createEnvironment({ owner: OWNER, now: APRIL_10, htmlDir: BUILD.dir });
  const functions = env.load(BUILD.code);
  env.setUser(OWNER);
  env.run("setupSpreadsheet");
  const saved = env.runFromClient("saveSettings", [SETTINGS]);
  if (!saved.ok || !(saved.value as { ok: boolean }).ok) {
    throw new Error(`saveSettings failed: ${JSON.stringify(saved)}`);
  }
  return { env, endpoints: Object.keys(functions).filter((name) => !name.endsWith("_")) };
}

/** The menu's caption for a function, found in the menu the script built on open. */
function menuPath(env: Environment, functionName: string): string[] {
  for (const menu of env.ui.menus) {
    for (const item of menu.items) {
      if (item.type === "item" && item.functionName === functionName) return [menu.caption, item.caption];
    }
  }
  throw new Error(`no menu item runs ${functionName}`);
}

/** The user opens the spreadsheet and clicks the menu item; returns the HTML the script served. */
export function openFromMenu(
  env: Environment,
  functionName: "showEntrySidebar" | "showSettingsDialog" | "showRollupSidebar" | "showSendDialog",
): string {
  return openPanelFromMenu(env, functionName).content;
}

/** The same, returning the whole panel (kind, title, size) the script showed. */
export function openPanelFromMenu(env: Environment, functionName: string) {
  env.open();
  const ran = env.clickMenu(...menuPath(env, functionName));
  if (!ran.ok) throw new Error(`${functionName} failed: ${ran.error}`);
  const panel = functionName.endsWith("Sidebar") ? env.ui.sidebar : env.ui.dialogs.at(-1);
  if (!panel) throw new Error(`${functionName} showed nothing`);
  return panel;
}

export interface ClientCall {
  name: string;
  args: unknown[];
  user: string;
}

export interface PageSession {
  page: Page;
  env: Environment;
  /** Every google.script.run call the page made, in order. */
  calls: ClientCall[];
  /** Requests the page tried to make anywhere (it must need none: HtmlService pages are self-contained). */
  requests: string[];
  /** Uncaught errors and console errors in the page. */
  errors: string[];
  /** The next call fails before reaching the server, like a dropped connection. */
  failNextCall(message: string): void;
  /** Calls wait until the returned function is called (to look at the page while it sends). */
  holdCalls(): () => void;
  /** Whether the page asked google.script.host to close it. */
  closed(): Promise<boolean>;
}

const PAGE_URL = "https://n-sidebar.script.googleusercontent.test/userCodeAppPanel";

/** Opens `html` in a new page of `browser` at the given size, its google.script.run wired to the emulator. */
export async function openPage(
  browser: Browser,
  { env, endpoints }: Emulated,
  html: string,
  size: { width: number; height: number },
): Promise<PageSession> {
  const context = await browser.newContext({
    viewport: size,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  // Playwright would wait 30 s for a missing element; a sidebar that works answers in well under 5.
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  const calls: ClientCall[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  let failure: string | null = null;
  let gate: Promise<void> | null = null;

  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === PAGE_URL) {
      await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      return;
    }
    requests.push(url);
    await route.abort();
  });

  await page.exposeFunction("__ksServerCall", async (name: string, args: unknown[]) => {
    calls.push({ name, args, user: env.user });
    if (gate) await gate;
    if (failure !== null) {
      const message = failure;
      failure = null;
      return { ok: false, error: message };
    }
    return env.runFromClient(name, args);
  });

  await page.addInitScript((endpoints: string[]) => {
    type Handler = ((value: unknown) => void) | null;
    const w = window as unknown as Record<string, unknown>;
    const call = w["__ksServerCall"] as (
      name: string,
      args: unknown[],
    ) => Promise<{ ok: true; value: unknown } | { ok: false; error: string }>;
    // Like Google's: each with…Handler returns a new runner; one method per server function.
    const runner = (success: Handler, failure: Handler): Record<string, unknown> => {
      const r: Record<string, unknown> = {
        withSuccessHandler: (f: Handler) => runner(f, failure),
        withFailureHandler: (f: Handler) => runner(success, f),
        withUserObject: () => runner(success, failure),
      };
      for (const name of endpoints) {
        r[name] = (...args: unknown[]) => {
          call(name, args).then(
            (res) => {
              if (res.ok) success?.(res.value);
              else failure?.(new Error(res.error));
            },
            (err: unknown) => failure?.(err instanceof Error ? err : new Error(String(err))),
          );
        };
      }
      return r;
    };
    w["google"] = {
      script: {
        run: runner(null, null),
        host: {
          close: () => {
            w["__ksHostClosed"] = true;
          },
          setHeight: () => {},
          setWidth: () => {},
          editor: { focus: () => {} },
        },
      },
    };
  }, endpoints);

  await page.goto(PAGE_URL);
  return {
    page,
    env,
    calls,
    requests,
    errors,
    failNextCall(message) {
      failure = message;
    },
    holdCalls() {
      let release: () => void = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return () => release();
    },
    closed: () =>
      page.evaluate(() => (window as unknown as Record<string, unknown>)["__ksHostClosed"] === true),
  };
}

/** A screenshot of what the user sees into test-results/ (gitignored), for a human look. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, name);
  await page.screenshot({ path, fullPage });
  return path;
}
