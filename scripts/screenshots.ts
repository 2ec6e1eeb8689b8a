/**
 * `npm run screenshots`: the pictures in docs/ that the README shows, made again from a clean demo
 * (nothing a test typed), through the built bundle:
 *   docs/rollup-tab.png          the "Tổng hợp" tab after the monthly run of 15/06/2023, in the
 *                                workbench's grid (its first screen)
 *   docs/copy.png                the upper level's read-only copy, as an upper-level officer opens it
 *   docs/report-email-390.png    the report emailed to the upper level once the chairman approved the
 *                                draft, on a phone (the first screens)
 *   docs/report-email-390-end.png  its last screen on a phone (signer and approval)
 *   docs/report-email-1200.png   the same on a desktop (whole)
 *   docs/consolidated-report.png consolidate --html of three communes (whole, desktop)
 *   docs/workbench.png           the workbench: a mistyped figure marked, the entry sidebar open
 * Needs build/ (the npm script builds first) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { CellValue } from "../src/core/cell";
import { collectEntries } from "../src/core/collect";
import { consolidateRollups } from "../src/core/consolidate";
import { renderConsolidatedHtml } from "../src/core/consolidated-report";
import { SYSTEM_TABS } from "../src/core/plan";
import { reportDueDate, todayIso } from "../src/core/periods";
import { computeRollup } from "../src/core/rollup";
import type { Environment } from "../src/local/emulator/index";
import { createDemoEnvironment, DEMO_OWNER, DEMO_UPPER_LEVEL } from "../src/local/workbench/demo";
import { startWorkbench } from "../src/local/workbench/server";
import { defaultPlan as plan } from "../src/plans";
import { launchBrowser } from "../test/ui/browser";
import { approveInEmulator, approveInWorkbench } from "../test/workbench/month";

const ROOT = join(import.meta.dirname, "..");
const DOCS = join(ROOT, "docs");
const BUILD = join(ROOT, "build");
const MONTH = "2023-06";
const RUN = { date: "2023-06-15", time: "07:00" };

/** Waits until the page shows what `check` looks for. */
async function until(page: Page, check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the workbench did not show ${what}`);
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await until(
    page,
    async () => (await page.locator("#grid").getAttribute("aria-label")) === `Trang ${name}`,
    name,
  );
}

async function actAs(page: Page, email: string): Promise<void> {
  await page.locator("#user").selectOption(email);
  await until(page, async () => ((await page.locator("#status").textContent()) ?? "").includes(email), email);
}

/** A commune's rollup of the month from its emulated spreadsheet, and its send log. */
function communeOf(env: Environment, name: string) {
  const ss = env.active as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const values = (tab: string): CellValue[][] | null => {
    const sheet = ss.getSheetByName(tab);
    return sheet ? (sheet.getDataRange().getValues() as CellValue[][]) : null;
  };
  const tabs = new Map(plan.units.map((u) => [u.id, values(u.tabName)]));
  const now = env.now();
  const collected = collectEntries(plan, tabs, { today: todayIso(now), rule: plan.periodRule });
  const rollup = computeRollup(plan, collected.entries, MONTH, {
    rule: plan.periodRule,
    generatedAt: now.toISOString(),
    problems: collected.problems,
  });
  return { name, file: `${name}.xlsx`, rollup, sendLog: values(SYSTEM_TABS.sendLog) };
}

async function main(): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "ks-screenshots-"));
  const running = await startWorkbench({ port: 0, dataDir, buildDir: BUILD });
  const browser = await launchBrowser();
  try {
    // The month's run: the rollup tab written, the draft to the chairman.
    const ran = running.workbench.runTimeTriggers(RUN);
    if (!ran.ok) throw new Error(`the monthly run failed: ${JSON.stringify(ran)}`);
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    const page = await context.newPage();
    await page.goto(running.url);
    await page.locator("#user").waitFor();
    await actAs(page, DEMO_OWNER);
    await openTab(page, SYSTEM_TABS.rollup);
    await page.screenshot({ path: join(DOCS, "rollup-tab.png") });

    // The README's picture of the workbench: the health station's mistyped figure and the entry form,
    // while the month is still open to its staff.
    await actAs(page, "tramyte@quangkhai.example");
    await openTab(page, "Trạm Y tế");
    const marked = page.locator('#grid td[title*="[Kiểm tra]"]').first();
    await marked.click();
    await page.locator(".menu-button").first().click();
    await page.getByRole("menuitem", { name: "Nhập báo cáo…" }).click();
    await page.frameLocator("iframe").first().getByRole("button", { name: "Ghi báo cáo" }).waitFor();
    await page.screenshot({ path: join(DOCS, "workbench.png") });
    await page.frameLocator("iframe").first().getByRole("button", { name: "Đóng" }).click();

    // The chairman approves: the report goes up, stamped, and the upper level's copy is refreshed.
    approveInWorkbench(running.workbench, MONTH);
    const mail = running.workbench.mail(running.workbench.outbox().length - 1);
    if (!mail?.htmlBody?.includes("Đã duyệt:")) throw new Error("no approved report was sent");
    await actAs(page, DEMO_UPPER_LEVEL[0]!);
    await openTab(page, "Tổng hợp");
    await page.screenshot({ path: join(DOCS, "copy.png") });
    await context.close();

    // The email on a desktop (whole), and on a phone: its first two screens, and its last (the
    // recipients, the signer and the chairman's approval).
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.setContent(mail.htmlBody);
    const tall = await phone.evaluate(() => document.documentElement.scrollHeight);
    await phone.screenshot({
      path: join(DOCS, "report-email-390.png"),
      fullPage: true,
      clip: { x: 0, y: 0, width: 390, height: 1688 },
    });
    await phone.screenshot({
      path: join(DOCS, "report-email-390-end.png"),
      fullPage: true,
      clip: { x: 0, y: tall - 844, width: 390, height: 844 },
    });
    await phone.close();
    const desktop = await browser.newPage({ viewport: { width: 1200, height: 844 } });
    await desktop.setContent(mail.htmlBody);
    await desktop.screenshot({ path: join(DOCS, "report-email-1200.png"), fullPage: true });
    await desktop.close();

    // Three communes: the demo under other seeds stands in for Quang Phục and Tân Kỳ. Quang Khải's
    // chairman approved the draft the morning it came, so the report went the day it was due; Tân
    // Kỳ's office sent the draft by hand two days late and its chairman approved it then; Quang
    // Phục's report has not gone.
    const code = readFileSync(join(BUILD, "Code.js"), "utf8");
    const main = createDemoEnvironment({ code });
    main.runTimeTriggers(new Date(`${RUN.date}T07:00:00+07:00`));
    main.setNow(new Date(`${RUN.date}T07:30:00+07:00`));
    approveInEmulator(main, MONTH);
    const late = createDemoEnvironment({ code, seed: 2023_06_17 });
    late.setNow(new Date("2023-06-17T08:30:00+07:00"));
    const sent = late.runFromClient("sendReportNow", [{ periodKey: MONTH, resend: false }]);
    if (!sent.ok) throw new Error(`Tân Kỳ's draft was not sent: ${sent.error}`);
    approveInEmulator(late, MONTH);
    const silent = createDemoEnvironment({ code, seed: 2023_06_01 });
    const consolidation = consolidateRollups(plan, [
      communeOf(main, "Quang Khải"),
      communeOf(silent, "Quang Phục"),
      communeOf(late, "Tân Kỳ"),
    ]);
    const report = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await report.setContent(
      renderConsolidatedHtml(plan, consolidation, { reportDate: reportDueDate(MONTH, plan.periodRule) }),
    );
    await report.screenshot({ path: join(DOCS, "consolidated-report.png"), fullPage: true });
    await report.close();
  } finally {
    await browser.close();
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`Ảnh đã ghi vào ${DOCS}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
