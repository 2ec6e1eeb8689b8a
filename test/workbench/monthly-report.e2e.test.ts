/**
 * Each person's month in the workbench (npm start), in Chromium, as the issue tells it: the office runs
 * the time-driven triggers for 15/06/2023 and the draft of tháng 6/2023 goes to the chairman and the
 * office only; the chairman opens the sheet from his email's link and approves it in the real dialog;
 * within the hour the office account's trigger sends exactly one report to the upper level, who opens
 * the read-only copy from theirs; a unit's staff then cannot change an approved row; the office's
 * correction is listed in the next month's draft.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPlan } from "../../src/plans";
import { DEMO_CHAIRMAN, DEMO_UPPER_LEVEL, type DemoRow, demoRows } from "../../src/local/workbench/demo";
import { launchBrowser } from "../ui/browser";
import {
  actAs,
  cell,
  clickMenu,
  columnOf,
  OWNER,
  openTab,
  openWorkbench,
  POLICE,
  ROOT,
  type RunningServer,
  startServer,
  status,
  tempDataDir,
  UPPER_LEVEL,
  WAIT,
} from "./harness";

let browser: Browser;
let server: RunningServer;
const data = tempDataDir();

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer(data.dir)]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  data.remove();
});

/** The demo's rows that count: no deliberate mistake, dated up to the end of tháng 6/2023. */
const counted = demoRows().filter((r) => !r.mistake && r.date <= "2023-06-14");

function number(text: string | undefined): number {
  return text === undefined ? 0 : Number(text.replace(/\./g, ""));
}

/** Sum of a flow element over the rows. */
function flow(rows: DemoRow[], element: string): number {
  return rows.reduce((sum, r) => sum + number(r.cells[`el:${element}`]), 0);
}

/** A stock element: the latest value per sub-unit (or for the unit), summed. */
function stock(rows: DemoRow[], element: string): number {
  const latest = new Map<string, { date: string; value: number }>();
  for (const r of rows) {
    const text = r.cells[`el:${element}`];
    if (text === undefined) continue;
    const key = `${r.unitId}/${r.subUnitId ?? ""}`;
    const seen = latest.get(key);
    if (!seen || r.date >= seen.date) latest.set(key, { date: r.date, value: number(text) });
  }
  return [...latest.values()].reduce((sum, v) => sum + v.value, 0);
}

/** "430/1.147 (37,5 %)", the report's way of writing a ratio. */
function ratio(numerator: number, denominator: number): string {
  const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const percent = Math.round((numerator / denominator) * 1000) / 10;
  return `${thousands(numerator)}/${thousands(denominator)} (${String(percent).replace(".", ",")} %)`;
}

const students = ratio(
  flow(
    counted.filter((r) => r.unitId === "truongHoc"),
    "hocSinhTuyenTruyen",
  ),
  stock(
    counted.filter((r) => r.unitId === "truongHoc"),
    "hocSinh",
  ),
);

async function openOutbox(page: Page): Promise<void> {
  await page.locator("#view-outbox").click();
  await page.locator(".mail-detail").waitFor();
}

/** Shows the mail whose subject starts with `subject` (the newest such). */
async function showMail(page: Page, subject: string): Promise<void> {
  await openOutbox(page);
  const starts = new RegExp(`^${subject.replace(/[[\]()]/g, "\\$&")}`);
  await page
    .locator(".mail-list button")
    .filter({ has: page.locator(".mail-subject", { hasText: starts }) })
    .first()
    .click();
  // The detail may still show the mail opened before (a draft's subject contains the report's): wait for this one.
  await expect.poll(() => page.locator(".mail-detail h2").textContent(), WAIT).toMatch(starts);
}

const DRAFT = "[Dự thảo – chờ duyệt]";
const REPORT = "Kết quả thực hiện";

/** The row (1-based) of the Công an xã tab with the first date in tháng 6/2023 (15/05 – 14/06). */
async function juneRow(page: Page): Promise<number> {
  const dates = await page.locator('#grid td[data-c="1"]').allTextContents();
  const at = dates.findIndex((d) => {
    const m = /^(\d\d)\/(\d\d)\/2023$/.exec(d);
    if (!m) return false;
    const iso = `2023-${m[2]}-${m[1]}`;
    return iso >= "2023-05-15" && iso <= "2023-06-14";
  });
  if (at < 0) throw new Error("no row of tháng 6/2023 in Công an xã");
  return at + 1;
}

describe("each person's month in the workbench", () => {
  let page: Page;
  let errors: string[];
  let row = 0;
  let inspections = "";

  it("sends the draft of tháng 6/2023 to the chairman and the office only, once, with the demo's figures", async () => {
    ({ page, errors } = await openWorkbench(browser, server.url));
    expect(await page.locator("#user").inputValue()).toBe(OWNER);
    await page.locator("#run-date").fill("2023-06-15");
    await page.locator("#run-triggers").click();
    await expect.poll(() => status(page).textContent(), WAIT).toContain("onMonthlyTrigger ✓");
    expect(await status(page).textContent()).toContain("Đã gửi 1 thư");
    expect(await page.locator("#now").textContent()).toBe("20/06/2023 09:00");

    await showMail(page, DRAFT);
    const to = (await page.locator(".mail-headers").textContent()) ?? "";
    expect(to).toContain(DEMO_CHAIRMAN);
    expect(to).toContain(OWNER);
    for (const address of DEMO_UPPER_LEVEL) expect(to).not.toContain(address);
    const html = page.frameLocator(".mail-html").locator("body");
    await expect.poll(() => html.textContent(), WAIT).toContain(students);
    expect(await html.textContent()).toContain("DỰ THẢO – CHỜ CHỦ TỊCH DUYỆT");

    // The trigger firing again for the same morning sends nothing twice.
    await page.locator("#view-book").click();
    await page.locator("#run-triggers").click();
    await expect.poll(() => status(page).textContent(), WAIT).toContain("Không có thư nào được gửi");
    expect(await page.locator("#view-outbox").textContent()).toBe("Hộp thư đi (1)");
  });

  it("lets the chairman open the sheet from his email's link and approve the report in the dialog", async () => {
    await showMail(page, DRAFT);
    const link = page.locator(".mail-links li", { hasText: "mở bảng tính" });
    await link.getByRole("button", { name: `Mở với tư cách ${DEMO_CHAIRMAN}` }).click();
    await expect
      .poll(() => status(page).textContent(), WAIT)
      .toContain(`Đang dùng với tư cách ${DEMO_CHAIRMAN}`);
    expect(await page.locator("#user").inputValue()).toBe(DEMO_CHAIRMAN);
    // The link opens the rollup tab, where the report's figures are.
    await expect.poll(() => page.locator("#grid").getAttribute("aria-label"), WAIT).toBe("Trang Tổng hợp");
    // He reads everything and may change nothing.
    await openTab(page, "Công an xã");
    await cell(page, "B2").click();
    expect(await page.locator("#cell-info").textContent()).toContain("Chỉ xem");

    // His menu: the approval, the rollup, the how-to; nothing of the office.
    await page.locator(".menu-button").first().click();
    const items = await page.getByRole("menuitem").allTextContents();
    expect(items).toEqual(["Hướng dẫn", "Duyệt báo cáo tháng…", "Tổng hợp tháng…"]);
    await page.keyboard.press("Escape");

    await clickMenu(page, "Duyệt báo cáo tháng…");
    const dialog = page.frameLocator(".panel-dialog iframe");
    await dialog.locator("#approval:not([hidden])").waitFor(WAIT);
    expect(await dialog.locator("#period").inputValue()).toBe("2023-06");
    expect(await dialog.locator("#state").textContent()).toContain("Chờ duyệt");
    const report = dialog.frameLocator("#report").locator("body");
    await expect.poll(() => report.textContent(), WAIT).toContain(students);
    expect(await report.textContent()).toContain(`Đã duyệt: ${DEMO_CHAIRMAN}`);
    mkdirSync(join(ROOT, "test-results"), { recursive: true });
    await page.screenshot({ path: join(ROOT, "test-results/workbench-approval-dialog.png") });

    await dialog.getByLabel("Tôi đã xem báo cáo và đồng ý gửi cấp trên").check();
    await dialog.getByRole("button", { name: "Duyệt và gửi" }).click();
    // Official mail goes from the office's account: its hourly trigger sends the approved report.
    await expect
      .poll(() => dialog.locator("#status").textContent(), WAIT)
      .toMatch(
        /^Đã duyệt báo cáo tháng 6\/2023 .*lúc 20\/06\/2023 09:00\. .*trong vòng một giờ, từ tài khoản vanphong@/,
      );
    expect(await dialog.locator("#state").textContent()).toContain(`bởi ${DEMO_CHAIRMAN}`);
    expect(errors).toEqual([]);
  });

  it("sends exactly one report to the upper level, stamped with the approval, and the upper level opens the copy from it", async () => {
    await page.frameLocator(".panel-dialog iframe").getByRole("button", { name: "Đóng" }).click();
    await page.locator(".panel-dialog").waitFor({ state: "detached", ...WAIT });
    await page.locator("#run-date").fill("2023-06-20");
    await page.locator("#run-time").fill("10:00");
    await page.locator("#run-triggers").click();
    await expect.poll(() => status(page).textContent(), WAIT).toContain("onHourlyTrigger ✓");
    expect(await status(page).textContent()).toContain("Đã gửi 1 thư");
    await showMail(page, REPORT);
    expect(await page.locator("#view-outbox").textContent()).toBe("Hộp thư đi (2)");
    const to = (await page.locator(".mail-headers").textContent()) ?? "";
    for (const address of [DEMO_CHAIRMAN, ...DEMO_UPPER_LEVEL]) expect(to).toContain(address);
    const text = (await page.locator(".mail-text").textContent()) ?? "";
    expect(text).toContain(`CT2c – Học sinh được tuyên truyền\n   Kết quả luỹ kế: ${students}`);
    expect(text).toMatch(
      new RegExp(`Đã duyệt: ${DEMO_CHAIRMAN.replace(/\./g, "\\.")}, lúc \\d\\d/\\d\\d/2023`),
    );
    // Units with no valid entry in 15/05 – 14/06 are named as not having reported.
    const missing = text.slice(text.indexOf("II. ĐƠN VỊ CHƯA BÁO CÁO"), text.indexOf("III."));
    const reported = new Set(counted.filter((r) => r.date >= "2023-05-15").map((r) => r.unitId));
    for (const unit of defaultPlan.units.filter((u) => !reported.has(u.id)))
      expect(missing).toContain(unit.name);

    // Every link opens for every recipient: the copy's, for the upper level and the chairman alike.
    const copyLink = page.locator(".mail-links li", { hasText: "mở bản xem" });
    expect(await page.locator(".mail-links li").count()).toBe(1);
    await copyLink.getByRole("button", { name: `Mở với tư cách ${UPPER_LEVEL}` }).click();
    await expect
      .poll(() => status(page).textContent(), WAIT)
      .toContain(`Đang dùng với tư cách ${UPPER_LEVEL}`);
    expect(await page.locator("#spreadsheet option:checked").textContent()).toMatch(
      /^Bảng tính khác: Bản xem .*\(chỉ xem\)$/,
    );
    expect(await page.locator("#menus").textContent()).toContain("Không có menu");
    const shown = (await page.locator("#grid").textContent()) ?? "";
    for (const r of demoRows()) if (r.cells.content) expect(shown).not.toContain(r.cells.content);
  });

  it("refuses a unit's staff a change to a row of the approved period", async () => {
    await page.locator("#view-book").click();
    await actAs(page, POLICE);
    // The staff's menu: what they need, nothing of the office or the chairman.
    await page.locator(".menu-button").first().click();
    expect(await page.getByRole("menuitem").allTextContents()).toEqual([
      "Nhập báo cáo…",
      "Tình hình báo cáo của đơn vị…",
      "Hướng dẫn",
    ]);
    await page.screenshot({ path: join(ROOT, "test-results/workbench-staff-menu.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ROOT, "test-results/workbench-staff-menu-390.png") });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.keyboard.press("Escape");
    await openTab(page, "Công an xã");
    row = await juneRow(page);
    const column = await columnOf(page, "Lượt kiểm tra cơ sở kinh doanh dịch vụ (lượt)");
    inspections = `${column}${row}`;
    await cell(page, inspections).click();
    expect(await page.locator("#cell-info").textContent()).toContain("Chỉ xem");
    await cell(page, inspections).dblclick();
    expect(await page.locator(".cell-editor").count()).toBe(0);
    expect(await status(page).textContent()).toContain(`Không sửa được ô ${inspections}`);
  });

  it("lets the office correct it, and lists the correction in the next month's draft", async () => {
    await actAs(page, OWNER);
    await openTab(page, "Công an xã");
    const before = (await cell(page, inspections).textContent()) ?? "";
    const corrected = String(number(before) + 5);
    await cell(page, inspections).dblclick();
    const editor = page.locator(".cell-editor");
    await editor.fill(corrected);
    await editor.press("Enter");
    await expect.poll(() => cell(page, inspections).textContent(), WAIT).toBe(corrected);

    await page.locator("#run-date").fill("2023-07-15");
    await page.locator("#run-time").fill("07:00");
    await page.locator("#run-triggers").click();
    await expect.poll(() => status(page).textContent(), WAIT).toContain("onMonthlyTrigger ✓");
    // Under load the outbox may still list June's draft only: wait for July's before opening it.
    await expect.poll(() => page.locator("#view-outbox").textContent(), WAIT).not.toBe("Hộp thư đi (2)");
    await showMail(page, `${DRAFT} Kết quả thực hiện`);
    expect(await page.locator(".mail-detail h2").textContent()).toContain("tháng 7/2023");
    const text = (await page.locator(".mail-text").textContent()) ?? "";
    const section = text.slice(text.indexOf("IV. SỐ LIỆU ĐIỀU CHỈNH SAU KHI DUYỆT"));
    expect(section).toContain("tháng 6/2023");
    expect(section).toContain("Công an xã – Lượt kiểm tra cơ sở kinh doanh dịch vụ");
    expect(section).toMatch(/\d+ → \d+/);
    expect(errors).toEqual([]);
  });
});
