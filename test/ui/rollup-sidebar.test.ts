/**
 * "Tổng hợp tháng…" as the commune office uses it: the real build/RollupSidebar.html, served by the
 * real bundle's menu item, in headless Chromium at the sidebar's 300 px, its calls going to the emulated
 * spreadsheet in which the realistic month "tháng 4/2023" (test/gas/month.ts) has been typed.
 * `npm test` builds first.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/local/emulator/index";
import { EXPECTED_APRIL, NOT_REPORTED_APRIL } from "../gas/month";
import {
  aprilSheet,
  menuPath,
  OWNER,
  openBuiltPage,
  POLICE,
  pageOpener,
  screenshot,
  status,
} from "./harness";

const SIDEBAR = { width: 300, height: 900 };
/** 20/06/2023: three periods have closed (tháng 4, 5 and 6/2023); nothing was typed after April. */
const JUNE_20 = new Date("2023-06-20T09:00:00+07:00");

/** The user clicks "Tổng hợp tháng…" in the sheet where April was typed; the sidebar opens and loads. */
const openSidebar = pageOpener({
  functionName: "showRollupSidebar",
  size: SIDEBAR,
  sheet: aprilSheet,
  check: (panel) => {
    if (panel.title !== "Tổng hợp tháng") throw new Error("the rollup sidebar was not shown");
  },
  ready: (page) => page.locator('[data-indicator="CT2c"]'),
});

function card(page: Page, id: string): Locator {
  return page.locator(`[data-indicator="${id}"]`);
}

async function figureOf(page: Page, id: string): Promise<string> {
  return ((await card(page, id).locator(".figure").textContent()) ?? "").trim();
}

/** The status as read aloud: the badge's words without its symbol. */
async function statusOf(page: Page, id: string): Promise<string> {
  const text = (await card(page, id).locator(".badge").textContent()) ?? "";
  const symbol = (await card(page, id).locator(".badge .icon").textContent()) ?? "";
  return text.slice(symbol.length).trim();
}

function listTexts(list: Locator): Promise<string[]> {
  return list.evaluateAll((items) => items.map((i) => (i.textContent ?? "").replace(/\s+/g, " ").trim()));
}

/** The rollup tab's rows as the owner would read them. */
function rollupTab(env: Environment): string[][] {
  const ss = env.active as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const tab = ss.getSheetByName("Tổng hợp");
  if (!tab || tab.getLastRow() === 0) return [];
  return tab.getRange(1, 1, tab.getLastRow(), Math.max(tab.getLastColumn(), 1)).getDisplayValues();
}

/** More rows typed into a unit's tab, as people type them. */
function typeRows(env: Environment, tabName: string, rows: Record<string, string>[]): void {
  const ss = env.active as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const tab = ss.getSheetByName(tabName);
  if (!tab) throw new Error(`no tab ${tabName}`);
  const headers = tab.getRange(1, 1, 1, tab.getLastColumn()).getValues()[0]!.map(String);
  for (const row of rows) {
    const r = tab.getLastRow() + 1;
    const end = tab.getRange(r, headers.length).getA1Notation();
    env.userEdit(tabName, `A${r}:${end}`, [headers.map((h) => row[h] ?? "")], { typed: true });
  }
}

/** The sidebar stretched to its content, so the picture shows all of it with the actions at the bottom. */
async function wholePageShot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: SIDEBAR.width, height });
  await screenshot(page, name);
  await page.setViewportSize(SIDEBAR);
}

describe("rollup sidebar", () => {
  it("shows tháng 4/2023: every indicator's figure and status, the units that did not report, the problems", async () => {
    const { page, requests, errors } = await openSidebar(OWNER);
    // The period that closed last is chosen, and the user starts on it.
    expect(await page.getByLabel("Kỳ báo cáo").inputValue()).toBe("2023-04");
    expect(await page.locator("#period option:checked").textContent()).toBe("Tháng 4/2023");
    expect(await page.locator("#period-range").textContent()).toBe(
      "Từ 15/03/2023 đến 14/04/2023; tỉ lệ tính cộng dồn từ 15/03/2023.",
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("period");

    expect(await figureOf(page, "CT2c")).toBe("300/900 (33,3 %)");
    expect(await statusOf(page, "CT2c")).toBe("Đạt mục tiêu năm");
    expect(await card(page, "CT2c").textContent()).toContain("Mục tiêu ≥ 30 %");
    for (const [id, expected] of Object.entries(EXPECTED_APRIL)) {
      expect(await figureOf(page, id), id).toBe(expected.figure);
      expect(await statusOf(page, id), id).toMatch(new RegExp(`^${expected.status}( mục tiêu năm)?$`));
    }
    // Not there yet, but on track: the status names the year's target, the pace what is due by now,
    // and the legend under the cards says what each judges.
    expect(await statusOf(page, "CT2b")).toBe("Chưa đạt mục tiêu năm");
    expect(await page.locator("#meaning").textContent()).toContain(
      "Đánh giá: kết quả luỹ kế đến hết kỳ so với mục tiêu của cả năm.",
    );
    // Colour is never the only sign: "Chưa đạt" has its own words and a different look from "Đạt".
    expect(await card(page, "CT3").locator(".badge").getAttribute("class")).toContain("unmet");
    expect(await card(page, "CT2c").locator(".badge").getAttribute("class")).toContain("met");
    // Pace with the prorated target where the plan's target is yearly.
    expect(await card(page, "CT2b").locator(".pace").textContent()).toBe(
      "Đúng tiến độ (cần 3,3 % đến kỳ này)",
    );
    expect(await card(page, "CT5").locator(".pace").count()).toBe(0);
    // Radio at least once a month: April met.
    expect(await listTexts(card(page, "CT1a").locator(".months li"))).toEqual(["4/2023 ✓ đạt, 3 lần"]);

    const met = Object.values(EXPECTED_APRIL).filter((e) => e.status === "Đạt").length;
    const total = Object.keys(EXPECTED_APRIL).length;
    expect(await page.locator("#summary").textContent()).toBe(
      `Đạt ${met}/${total} chỉ tiêu · ${11 - NOT_REPORTED_APRIL.length}/11 đơn vị đã báo cáo trong kỳ.`,
    );

    expect(await page.locator("#units-title").textContent()).toBe(
      `Đơn vị chưa báo cáo (${NOT_REPORTED_APRIL.length})`,
    );
    expect(await listTexts(page.locator("#units li .name"))).toEqual(NOT_REPORTED_APRIL);
    expect(await listTexts(page.locator("#units li .help"))).toEqual([
      "Chưa nhập lần nào trong năm",
      "Chưa nhập lần nào trong năm",
    ]);

    // The invalid date in Trạm Y tế and the phone number in Công an xã, each under its tab.
    const groups = page.locator("#problems .group");
    expect(await listTexts(groups.locator("h3"))).toEqual([
      "Trang “Công an xã” (1)",
      "Trang “Trạm Y tế” (1)",
    ]);
    const police = await listTexts(groups.nth(0).locator("li"));
    expect(police[0]).toMatch(/^Lưu ý Dòng 4: .*số điện thoại/);
    const health = await listTexts(groups.nth(1).locator("li"));
    expect(health[0]).toMatch(/^Lỗi Dòng 3: .*"31\/02\/2023" không có trong lịch/);
    // Free text from the cells is shown as text, never as markup.
    expect(await page.locator("#problems script, #problems img").count()).toBe(0);

    // The owner may write the tab.
    expect(await page.getByRole("button", { name: "Ghi vào tab Tổng hợp" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      SIDEBAR.width,
    );
    await wholePageShot(page, "RollupSidebar.png");
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("writes the rollup tab when the owner presses “Ghi vào tab Tổng hợp”, and says so", async () => {
    const session = await openSidebar(OWNER);
    const { page, env } = session;
    expect(rollupTab(env).some((r) => r[0] === "CT2c")).toBe(false);

    const button = page.getByRole("button", { name: "Ghi vào tab Tổng hợp" });
    // A dropped connection first: said plainly, nothing written, the button ready again.
    session.failNextCall("NetworkError: Không kết nối được với máy chủ.");
    await button.click();
    await expect.poll(() => status(page).textContent()).toContain("Không ghi được vào tab Tổng hợp");
    expect(await status(page).textContent()).toContain("Không kết nối được với máy chủ.");
    expect(await status(page).getAttribute("class")).toContain("error");
    expect(await button.isEnabled()).toBe(true);
    expect(rollupTab(env).some((r) => r[0] === "CT2c")).toBe(false);

    const release = session.holdCalls();
    await button.click();
    await expect.poll(() => page.locator("#write").textContent()).toBe("Đang ghi…");
    expect(await page.locator("#write").isDisabled()).toBe(true);
    expect(await status(page).textContent()).toContain("Đang ghi tháng 4/2023");
    release();

    await expect
      .poll(() => status(page).textContent())
      .toBe('Đã ghi tổng hợp tháng 4/2023 (15/03/2023 – 14/04/2023) vào trang "Tổng hợp".');
    expect(await status(page).getAttribute("class")).toContain("ok");
    expect(await status(page).getAttribute("aria-live")).toBe("polite");
    expect(await page.locator("#write").textContent()).toBe("Ghi vào tab Tổng hợp");
    expect(await page.locator("#write").isDisabled()).toBe(false);

    const rows = rollupTab(env);
    const ct2c = rows.find((r) => r[0] === "CT2c");
    expect(ct2c?.slice(3, 7)).toEqual(["300", "900", "33,3%", "Đạt mục tiêu năm"]);
    const flat = rows.map((r) => r.join(" ")).join("\n");
    for (const name of NOT_REPORTED_APRIL) expect(flat).toContain(name);
    expect(session.calls.filter((c) => c.name === "writeRollupToTab").map((c) => c.args)).toEqual([
      ["2023-04"],
      ["2023-04"],
    ]);
  });

  it("is the office's and the chairman's: a unit's editor is refused in Vietnamese, even from a page already open", async () => {
    const emulated = aprilSheet();
    emulated.env.setUser(POLICE);
    emulated.env.open();
    expect(() => menuPath(emulated.env, "showRollupSidebar")).toThrow();
    const { page, calls } = await openBuiltPage(openSidebar.browser(), emulated, POLICE, "RollupSidebar", {
      width: 300,
      height: 800,
    });
    await expect
      .poll(() => page.locator("#loading").textContent())
      .toContain(
        "Chỉ văn phòng UBND xã (" +
          OWNER +
          ") và Chủ tịch UBND xã (" +
          OWNER +
          ") mới xem được tổng hợp tháng.",
      );
    expect(calls.map((c) => c.name)).toEqual(["getRollupState"]);
  });

  it("shows another period when the user picks it, and keeps the one shown when the call fails", async () => {
    const session = await openSidebar(OWNER, aprilSheet({ now: JUNE_20 }));
    const { page } = session;
    const period = page.getByLabel("Kỳ báo cáo");
    // In June the newest closed period is tháng 6/2023: the radio met April only.
    expect(await period.inputValue()).toBe("2023-06");
    expect(await figureOf(page, "CT1a")).toBe("1/3 tháng đạt");
    expect(await statusOf(page, "CT1a")).toBe("Chưa đạt");
    expect(await listTexts(card(page, "CT1a").locator(".months li"))).toEqual([
      "4/2023 ✓ đạt, 3 lần",
      "5/2023 ✗ chưa đạt, 0 lần",
      "6/2023 ✗ chưa đạt, 0 lần",
    ]);
    // Nobody entered anything after April: every unit is missing, with when it last entered.
    expect(await page.locator("#units-title").textContent()).toBe("Đơn vị chưa báo cáo (11)");
    const police = page.locator("#units li").filter({ hasText: "Công an xã" });
    expect(await police.locator(".help").textContent()).toBe("Lần nhập gần nhất: 05/04/2023");

    // Picking April: the old figures stay, marked busy, until the new ones arrive.
    const release = session.holdCalls();
    await period.selectOption("2023-04");
    await expect.poll(() => status(page).textContent()).toContain("Đang tính tổng hợp tháng 4/2023");
    expect(await page.locator("#content").getAttribute("aria-busy")).toBe("true");
    expect(await page.locator("#write").isDisabled()).toBe(true);
    release();
    await expect.poll(() => figureOf(page, "CT1a")).toBe("1/1 tháng đạt");
    expect(await figureOf(page, "CT2c")).toBe("300/900 (33,3 %)");
    expect(await page.locator("#content").getAttribute("aria-busy")).toBe(null);
    expect(await status(page).textContent()).toBe("");
    expect(await page.locator("#units-title").textContent()).toBe(
      `Đơn vị chưa báo cáo (${NOT_REPORTED_APRIL.length})`,
    );

    // A dropped connection: April stays on the page, the select goes back to it, the message says why.
    session.failNextCall("NetworkError: Không kết nối được với máy chủ.");
    await period.selectOption("2023-05");
    await expect.poll(() => status(page).textContent()).toContain("Không kết nối được với máy chủ.");
    expect(await status(page).textContent()).toContain("Trang vẫn hiển thị tháng 4/2023");
    expect(await status(page).getAttribute("class")).toContain("error");
    expect(await period.inputValue()).toBe("2023-04");
    expect(await figureOf(page, "CT1a")).toBe("1/1 tháng đạt");
    expect(await page.locator("#write").isDisabled()).toBe(false);

    // The page still works: May, by keyboard this time.
    await period.focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => figureOf(page, "CT1a")).toBe("1/2 tháng đạt");
    expect(await period.inputValue()).toBe("2023-05");
    expect(session.calls.map((c) => c.args[0])).toEqual([null, "2023-04", "2023-05", "2023-05"]);
    expect(session.errors).toEqual([]);
  });

  it("lists a unit's first problems and the rest behind “và N vấn đề khác”", async () => {
    const emulated = aprilSheet();
    // Four more visits typed with dates that do not exist: five errors in Trạm Y tế.
    typeRows(
      emulated.env,
      "Trạm Y tế",
      ["30/02/2023", "31/04/2023", "32/03/2023", "29/02/2023"].map((date) => ({
        Ngày: date,
        "Nhiệm vụ": "Khám sức khoẻ định kỳ nhân viên cơ sở kinh doanh dịch vụ",
      })),
    );
    const { page } = await openSidebar(OWNER, emulated);
    const health = page.locator("#problems .group").filter({ hasText: "Trạm Y tế" });
    expect(await health.locator("h3").textContent()).toBe("Trang “Trạm Y tế” (5)");
    expect(await health.locator("li.error").count()).toBe(3);
    const more = health.getByRole("button", { name: "và 2 vấn đề khác" });
    await more.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => health.locator("li.error").count()).toBe(5);
    expect(await more.count()).toBe(0);
    const lines = await listTexts(health.locator("li.error"));
    expect(lines.map((l) => /Dòng (\d+)/.exec(l)?.[1])).toEqual(["3", "4", "5", "6", "7"]);
    // Keyboard users go on from the first line that appeared.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(lines[3]);
    await wholePageShot(page, "RollupSidebar-problems.png");
  });
});
