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
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { appWorld } from "../../src/local/app-world";
import {
  createEnvironment,
  type Environment,
  type MenuEntry,
  type PanelRecord,
} from "../../src/local/emulator/index";
import { typeApril } from "../gas/month";
import * as PEOPLE from "../gas/people";
import { launchBrowser } from "./browser";

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

/** The owner keeps the sheet and is the chairman; reports go straight up (the approval step: approval.test.ts). */
export const SETTINGS = {
  chairmanEmail: OWNER,
  approval: "direct",
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

export interface SheetOptions {
  /** The emulator's clock (default APRIL_10). */
  now?: Date;
  /** Mail recipients left today (default the emulator's 100). */
  mailQuota?: number;
  /** Replace these of SETTINGS before the owner saves them. */
  settings?: Record<string, unknown>;
}

/** The emulated spreadsheet after the owner set it up and gave three units their editors. */
export function preparedEnvironment(opts: SheetOptions = {}): Emulated {
  const env = createEnvironment(
    appWorld({
      owner: OWNER,
      now: opts.now ?? APRIL_10,
      htmlDir: BUILD.dir,
      ...(opts.mailQuota === undefined ? {} : { mailQuota: opts.mailQuota }),
    }),
  );
  const functions = env.load(BUILD.code);
  env.setUser(OWNER);
  env.run("setupSpreadsheet");
  const saved = env.runFromClient("saveSettings", [{ ...SETTINGS, ...opts.settings }]);
  if (!saved.ok || !(saved.value as { ok: boolean }).ok) {
    throw new Error(`saveSettings failed: ${JSON.stringify(saved)}`);
  }
  return { env, endpoints: Object.keys(functions).filter((name) => !name.endsWith("_")) };
}

/**
 * The sheet of test/gas/people.ts: the office keeps it, the chairman approves, April typed by each
 * unit's staff and its draft sent on the 15th; the clock at 16/04/2023 09:00.
 */
export function approvalSheet(): Emulated {
  const env = createEnvironment(appWorld({ owner: PEOPLE.OFFICE, now: APRIL_10, htmlDir: BUILD.dir }));
  const functions = env.load(BUILD.code);
  env.setUser(PEOPLE.OFFICE);
  env.run("setupSpreadsheet");
  const saved = env.runFromClient("saveSettings", [PEOPLE.ROLE_SETTINGS]);
  if (!saved.ok || !(saved.value as { ok: boolean }).ok)
    throw new Error(`saveSettings: ${JSON.stringify(saved)}`);
  PEOPLE.typeAprilByStaff(env);
  env.runTimeTriggers(new Date("2023-04-15T07:00:00+07:00"));
  env.setNow(new Date("2023-04-16T09:00:00+07:00"));
  return { env, endpoints: Object.keys(functions).filter((name) => !name.endsWith("_")) };
}

/** The same sheet with the realistic "tháng 4/2023" typed into the units' tabs (test/gas/month.ts). */
export function aprilSheet(opts: SheetOptions = {}): Emulated {
  const emulated = preparedEnvironment(opts);
  typeApril(emulated.env);
  return emulated;
}

/** One headless Chromium for a test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser)
      throw new Error("the browser is not running: call useBrowser() at the top of the test file");
    return browser;
  };
}

/** The menu's captions down to a function's item (through the office's submenu), as built on open. */
export function menuPath(env: Environment, functionName: string): string[] {
  const find = (items: MenuEntry[], path: string[]): string[] | null => {
    for (const item of items) {
      if (item.type === "item" && item.functionName === functionName) return [...path, item.caption];
      if (item.type === "submenu") {
        const found = find(item.items, [...path, item.caption]);
        if (found) return found;
      }
    }
    return null;
  };
  for (const menu of env.ui.menus) {
    const found = find(menu.items, [menu.caption]);
    if (found) return found;
  }
  throw new Error(`no menu item runs ${functionName}`);
}

export type MenuFunction =
  | "showEntrySidebar"
  | "showSettingsDialog"
  | "showRollupSidebar"
  | "showSendDialog"
  | "showApprovalDialog"
  | "showStatusSidebar";

/** The user opens the spreadsheet and clicks the menu item; returns the panel (kind, title, size, HTML). */
export function openPanelFromMenu(env: Environment, functionName: MenuFunction): PanelRecord {
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

/** What one opening of a page sees: the test's sheet and what its page did. */
interface SessionState {
  env: Environment;
  html: string;
  calls: ClientCall[];
  requests: string[];
  errors: string[];
  failure: string | null;
  gate: Promise<void> | null;
}

/**
 * One page per browser, reused by each test of a file: a new page costs Chromium a renderer process
 * (0.5–1.5 s on a loaded 2-core machine), a navigation only a new document. Everything a test can see
 * is per document (the page keeps nothing in storage), and the page's server calls, requests and errors
 * go to the opening that is current.
 */
interface SharedPage {
  page: Page;
  state: SessionState | null;
  endpoints: string;
}

const SHARED = new WeakMap<Browser, Promise<SharedPage>>();

function sharedPage(browser: Browser): Promise<SharedPage> {
  let shared = SHARED.get(browser);
  if (!shared) {
    shared = newSharedPage(browser);
    SHARED.set(browser, shared);
  }
  return shared;
}

async function newSharedPage(browser: Browser): Promise<SharedPage> {
  const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  // Playwright would wait 30 s for a missing element; a sidebar that works answers in well under 5.
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  const shared: SharedPage = { page, state: null, endpoints: "" };
  page.on("pageerror", (e) => shared.state?.errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") shared.state?.errors.push(m.text());
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const state = shared.state;
    if (url === PAGE_URL && state) {
      await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: state.html });
      return;
    }
    state?.requests.push(url);
    await route.abort();
  });
  await page.exposeFunction("__ksServerCall", async (name: string, args: unknown[]) => {
    const state = shared.state;
    if (!state) return { ok: false, error: "no page is open" };
    state.calls.push({ name, args, user: state.env.user });
    if (state.gate) await state.gate;
    if (state.failure !== null) {
      const message = state.failure;
      state.failure = null;
      return { ok: false, error: message };
    }
    return state.env.runFromClient(name, args);
  });
  return shared;
}

/** A `google.script.run` with one method per server function, forwarding to __ksServerCall. */
function installScriptRun(endpoints: string[]): void {
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
}

/** Opens `html` in the browser's page at the given size, its google.script.run wired to the emulator. */
export async function openPage(
  browser: Browser,
  { env, endpoints }: Emulated,
  html: string,
  size: { width: number; height: number },
): Promise<PageSession> {
  const shared = await sharedPage(browser);
  const { page } = shared;
  // Leave the last test's document first: nothing it still does is counted for this one.
  await page.goto("about:blank");
  const state: SessionState = { env, html, calls: [], requests: [], errors: [], failure: null, gate: null };
  shared.state = state;
  // Scripts added later run later: a page of another bundle gets its own functions.
  if (shared.endpoints !== endpoints.join()) {
    shared.endpoints = endpoints.join();
    await page.addInitScript(installScriptRun, endpoints);
  }
  await page.setViewportSize(size);
  await page.goto(PAGE_URL);
  return {
    page,
    env,
    calls: state.calls,
    requests: state.requests,
    errors: state.errors,
    failNextCall(message) {
      state.failure = message;
    },
    holdCalls() {
      let release: () => void = () => {};
      state.gate = new Promise<void>((resolve) => {
        release = () => {
          state.gate = null;
          resolve();
        };
      });
      return () => release();
    },
    closed: () =>
      page.evaluate(() => (window as unknown as Record<string, unknown>)["__ksHostClosed"] === true),
  };
}

/**
 * A built page (build/<file>.html) open for `user` without going through the menu: what a page that was
 * already open, or one made up, can do with google.script.run as that user.
 */
export async function openBuiltPage(
  browser: Browser,
  emulated: Emulated,
  user: string,
  file: string,
  size: { width: number; height: number },
): Promise<PageSession> {
  emulated.env.setUser(user);
  return openPage(browser, emulated, readFileSync(join(BUILD.dir, `${file}.html`), "utf8"), size);
}

/** How a test file opens its page: the menu item, the browser size, and what shows once it has loaded. */
export interface MenuPage {
  functionName: MenuFunction;
  size: { width: number; height: number };
  /** Visible once the page has its state from the server. */
  ready: (page: Page) => Locator;
  /** Checks on the panel the script showed (title, kind, size), before the page opens. */
  check?: (panel: PanelRecord) => void;
}

/** `user` clicks the menu item in `emulated`'s sheet; the page the script served opens and loads. */
export async function openMenuPage(
  browser: Browser,
  emulated: Emulated,
  user: string,
  spec: MenuPage,
): Promise<PageSession> {
  emulated.env.setUser(user);
  const panel = openPanelFromMenu(emulated.env, spec.functionName);
  spec.check?.(panel);
  const session = await openPage(browser, emulated, panel.content, spec.size);
  await spec.ready(session.page).waitFor();
  return session;
}

/**
 * A test file's way to open its page: `open(user, emulated?)` has `user` click the menu item in the
 * emulated sheet (a fresh `spec.sheet()` unless given) and resolves once the page has loaded. The
 * file's browser comes with it (useBrowser).
 */
export function pageOpener(
  spec: MenuPage & { sheet: () => Emulated },
): ((user: string, emulated?: Emulated) => Promise<PageSession>) & { browser: () => Browser } {
  const browser = useBrowser();
  const open = (user: string, emulated = spec.sheet()) => openMenuPage(browser(), emulated, user, spec);
  return Object.assign(open, { browser });
}

/** A control found by its accessible name, as a screen reader announces it (the "*" is hidden). */
export function field(page: Page, label: string): Locator {
  return page
    .getByRole("textbox", { name: label, exact: true })
    .or(page.getByRole("combobox", { name: label, exact: true }));
}

/** The messages shown under a field (what aria-describedby points at first). */
export async function messagesOf(page: Page, label: string): Promise<string> {
  const ids = ((await field(page, label).getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  const texts: string[] = [];
  for (const id of ids) {
    if (id.endsWith("-msg")) texts.push((await page.locator(`[id="${id}"]`).textContent()) ?? "");
  }
  return texts.join(" ");
}

/** The page's status line (aria-live): what the last action did. */
export function status(page: Page): Locator {
  return page.locator("#status");
}

/** A screenshot of what the user sees into test-results/ (gitignored), for a human look. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, name);
  await page.screenshot({ path, fullPage });
  return path;
}
