/**
 * The workbench end to end, as someone trying the add-in would use it: `npm start`'s server (its own
 * process, a fresh data folder), the page in headless Chromium, the real bundle behind it. A school's
 * editor enters a report through the real sidebar, mistypes a figure in the grid, bumps into another
 * unit's protected tab; the server is restarted and the workbook is still there.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../ui/browser";
import { defaultPlan } from "../../src/plans";
import { cli } from "../cli/helpers";
import {
  actAs,
  cell,
  clickMenu,
  columnOf,
  HEALTH,
  OWNER,
  openTab,
  openWorkbench,
  POLICE,
  ROOT,
  type RunningServer,
  SCHOOL,
  says,
  sidebar,
  snap,
  startServer,
  status,
  tempDataDir,
  UPPER_LEVEL,
  WAIT,
} from "./harness";

const ERROR_BACKGROUND = "rgb(244, 204, 204)"; // #f4cccc, the add-in's error colour
const REACHED = "Học sinh được tuyên truyền (người)";

let browser: Browser;
let server: RunningServer | undefined;
const data = tempDataDir();

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer(data.dir)]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  data.remove();
});

/** The name of the spreadsheet shown (its option in the picker, without the prefix and the role). */
async function spreadsheetName(page: Page): Promise<string> {
  const option = (await page.locator("#spreadsheet option:checked").textContent()) ?? "";
  return option.replace(/^Bảng tính (chính|khác): /, "").replace(/ \([^)]*\)$/, "");
}

/** The sidebar's status line after "Ghi báo cáo": "Đã ghi vào dòng N của trang …". */
async function submittedRow(page: Page): Promise<number> {
  const line = sidebar(page).locator("#status");
  await expect.poll(() => line.textContent(), WAIT).toMatch(/Đã ghi vào dòng \d+ của trang Trường học/);
  return Number(/dòng (\d+)/.exec((await line.textContent()) ?? "")![1]);
}

/**
 * Presses a key; false when the press has not returned in 10 s (Chromium's input left waiting on a
 * frame removed before it acknowledged the key), so the test names it rather than run into its 60 s.
 */
function pressedWithin10s(page: Page, key: string): Promise<boolean> {
  return Promise.race([
    page.keyboard.press(key).then(() => true),
    new Promise<boolean>((done) => setTimeout(() => done(false), 10_000)),
  ]);
}

describe("the workbench (npm start)", () => {
  let page: Page;
  let errors: string[];
  let row = 0;

  it("opens on the demo workbook, set up, with the owner's menu and every unit's tab", async () => {
    ({ page, errors } = await openWorkbench(browser, server!.url));
    expect(await page.locator("#user").inputValue()).toBe(OWNER);
    expect(await page.locator("#now").textContent()).toBe("14/06/2023 16:00");
    await expect
      .poll(() => page.locator(".menu-button").first().textContent(), WAIT)
      .toBe("Phòng, chống mại dâm 2023");
    for (const tab of ["Công an xã", "Trường học", "Trưởng thôn", "Cài đặt"]) {
      expect(await page.getByRole("tab", { name: tab, exact: true }).count()).toBe(1);
    }
    // The demo's mistakes are marked by the add-in itself, the typed text kept.
    await openTab(page, "Trưởng thôn");
    const statusColumn = await columnOf(page, "Trạng thái");
    const bad = page.locator('#grid td[data-c="1"]', { hasText: "31/04/2023" });
    expect(await bad.count()).toBe(1);
    const badRow = await bad.getAttribute("data-r");
    expect(await cell(page, `${statusColumn}${badRow}`).textContent()).toMatch(/^✗ Lỗi: Cột "Ngày"/);
  });

  it("lets the school's editor enter a report through the real sidebar and shows the row with its status", async () => {
    await actAs(page, SCHOOL);
    await openTab(page, "Trường học");
    await clickMenu(page, "Nhập báo cáo…");
    const frame = page.locator("#sidebar iframe.panel-frame");
    await frame.waitFor();
    expect((await frame.boundingBox())?.width).toBe(300);
    const form = sidebar(page);
    await expect.poll(() => form.getByLabel(/^Đơn vị/).inputValue(), WAIT).toBe("truongHoc");
    await form.getByLabel(/^Ngày/).fill("14/06/2023");
    await form
      .getByLabel(/^Nhiệm vụ/)
      .selectOption("Tuyên truyền, giáo dục phòng, chống mại dâm cho học sinh");
    await form.getByLabel(/^Hình thức/).selectOption("Tuyên truyền trực tiếp");
    await form.getByLabel(/^Trường/).selectOption("Trường THCS Quang Khải");
    await form.getByLabel(/^Học sinh được tuyên truyền/).fill("45");
    await form.getByLabel(/^Nội dung/).fill("Tuyên truyền cho học sinh khối 9 trước kỳ nghỉ hè.");
    await form.getByRole("button", { name: "Ghi báo cáo" }).click();
    row = await submittedRow(page);

    const reached = await columnOf(page, REACHED);
    const state = await columnOf(page, "Trạng thái");
    const by = await columnOf(page, "Người nhập");
    await expect.poll(() => cell(page, `A${row}`).textContent(), WAIT).toBe("14/06/2023");
    expect(await cell(page, `${reached}${row}`).textContent()).toBe("45");
    expect(await cell(page, `${state}${row}`).textContent()).toBe("✓ Hợp lệ");
    expect(await cell(page, `${by}${row}`).textContent()).toBe(SCHOOL);
  });

  it("keeps an invalid value typed in the grid and marks it, with the reason in a note", async () => {
    const reached = await columnOf(page, REACHED);
    const state = await columnOf(page, "Trạng thái");
    const target = cell(page, `${reached}${row}`);
    await target.dblclick();
    const editor = page.locator(".cell-editor");
    await editor.fill("khoảng 40");
    await editor.press("Enter");

    await expect.poll(() => cell(page, `${state}${row}`).textContent(), WAIT).toMatch(/^✗ Lỗi: /);
    expect(await target.textContent()).toBe("khoảng 40");
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(ERROR_BACKGROUND);
    expect(await target.getAttribute("title")).toContain("[Kiểm tra]");
    await target.click();
    expect(await page.locator("#cell-info").textContent()).toContain("Ghi chú: [Kiểm tra]");

    // Text from a cell is shown as text, never as markup.
    const content = await columnOf(page, "Nội dung");
    await cell(page, `${content}${row + 1}`).dblclick();
    await editor.fill('<img src=x onerror="document.title=1">Tuyên truyền');
    await editor.press("Enter");
    await expect
      .poll(() => cell(page, `${content}${row + 1}`).textContent(), WAIT)
      .toBe('<img src=x onerror="document.title=1">Tuyên truyền');
    expect(await page.locator("#grid img").count()).toBe(0);

    // To look at: the tab from its first column, the marked cell selected, the sidebar open. Tests
    // write only under test-results/ (the README's pictures are made by `npm run screenshots`).
    mkdirSync(join(ROOT, "test-results"), { recursive: true });
    await target.click();
    await page.locator("#grid-wrap").evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: join(ROOT, "test-results/workbench.png") });
  });

  it("refuses another unit's protected tab, in the page and on the server", async () => {
    await openTab(page, "Công an xã");
    await cell(page, "B2").click();
    const info = await page.locator("#cell-info").textContent();
    expect(info).toContain("Chỉ xem: Trang được bảo vệ");
    expect(info).toContain(POLICE);
    await cell(page, "B2").dblclick();
    expect(await page.locator(".cell-editor").count()).toBe(0);
    expect(await status(page).textContent()).toContain("Không sửa được ô B2");

    // A page that skipped its own check gets Google's refusal from the emulator, and nothing changes.
    const before = await cell(page, "B2").textContent();
    const answer = await page.evaluate(async () => {
      const state = await (await fetch("/api/state")).json();
      const res = await fetch("/api/edit", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          spreadsheetId: state.spreadsheets[0].id,
          sheet: "Công an xã",
          row: 2,
          column: 2,
          text: "x",
        }),
      });
      return res.json();
    });
    expect(answer.ok).toBe(false);
    expect(answer.message).toContain("Ô này được bảo vệ");
    await openTab(page, "Trường học");
    await openTab(page, "Công an xã");
    expect(await cell(page, "B2").textContent()).toBe(before);
    expect(errors).toEqual([]);
  });

  it("shows the upper level, before any copy is shared with it, nothing of the commune's sheet", async () => {
    // The school's editor last looked at the police's protected tab: a cell's text, and who may edit it.
    await actAs(page, SCHOOL);
    await openTab(page, "Công an xã");
    await cell(page, "B2").click();
    expect(await page.locator("#cell-text").textContent()).not.toBe("");
    expect(await page.locator("#cell-info").textContent()).toContain(POLICE);

    await actAs(page, UPPER_LEVEL);
    await expect
      .poll(() => page.locator("#no-access").textContent(), WAIT)
      .toContain("Người này chưa được chia sẻ bảng tính nào");
    expect(await page.locator("#grid td").count()).toBe(0);
    expect(await page.locator("#cell-ref").textContent()).toBe("");
    expect(await page.locator("#cell-text").textContent()).toBe("");
    expect(await page.locator("#cell-info").textContent()).toBe("");
    expect(await page.locator("#book").textContent()).not.toContain("quangkhai.example");
    expect(await page.locator("#download-xlsx").isVisible()).toBe(false);
    expect(await page.locator("#plan-doc-label").isVisible()).toBe(false);

    await actAs(page, OWNER);
    await expect.poll(() => cell(page, "A1").isVisible(), WAIT).toBe(true);
    expect(await page.locator("#plan-doc-label").isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("reads the run's date and time the Vietnamese way in an English browser, and suggests the next monthly run", async () => {
    const english = await openWorkbench(browser, server!.url, {
      locale: "en-US",
      timezoneId: "America/New_York",
    });
    const p = english.page;
    expect(await p.locator("#run-date").inputValue()).toBe("15/06/2023");
    expect(await p.locator("#run-time").inputValue()).toBe("07:00");
    expect(await p.locator("#run-triggers").textContent()).toBe(
      "Chạy việc tự động lúc 07:00 ngày 15/06/2023",
    );
    const triggers = (await p.locator("#trigger-list summary").textContent()) ?? "";
    expect(triggers).toContain("Báo cáo tháng (ngày 15 hằng tháng, 07:00)");
    expect(triggers).not.toMatch(/on[A-Z]\w+Trigger/);
    // What an English browser would offer is refused with what to type instead.
    await p.locator("#run-date").fill("06/15/2023");
    await p.locator("#run-triggers").click();
    await says(p, 'Ngày "06/15/2023" không đúng: hãy gõ ngày/tháng/năm, ví dụ 15/06/2023.');
    await p.locator("#run-date").fill("15/06/2023");
    await p.locator("#run-time").fill("7:00 AM");
    await p.locator("#set-clock").click();
    await says(p, 'Giờ "7:00 AM" không đúng: hãy gõ giờ:phút theo 24 giờ');
    expect(await p.locator("#now").textContent()).toBe("14/06/2023 16:00");
    // The run log is dated in Vietnam's time, whatever the browser's zone, and names each run by what
    // it is: onOpen as "Mở bảng tính", with what it does.
    await p.locator("#view-log").click();
    const first = p.locator(".runs tbody tr").last();
    expect(await first.locator("td").first().textContent()).toMatch(/^\d\d\/\d\d\/2023 \d\d:\d\d$/);
    expect(await first.locator("td").nth(1).textContent()).toBe(
      "Mở bảng tính (onOpen)dựng menu của tiện ích cho người vừa mở",
    );
    expect(english.errors).toEqual([]);
    await p.context().close();
  });

  it("writes the rollup tab without moving anyone there or squeezing the tab bar; Escape closes the sidebar", async () => {
    await actAs(page, OWNER);
    await clickMenu(page, "Tổng hợp tháng…");
    const rollup = sidebar(page);
    await rollup.getByRole("button", { name: "Ghi vào tab Tổng hợp" }).click();
    await expect.poll(() => rollup.locator("body").textContent(), WAIT).toContain('vào trang "Tổng hợp"');
    // Opening a page is not work done: no "…: xong" in the status line.
    expect(await status(page).textContent()).not.toContain("xong");
    await rollup.getByRole("button", { name: "Đóng", exact: true }).focus();
    await page.keyboard.press("Escape");
    await page.locator("#sidebar").waitFor({ state: "hidden", ...WAIT });

    await openTab(page, "Tổng hợp");
    const bar = await page.locator("#tabs").boundingBox();
    expect(bar!.height).toBeGreaterThanOrEqual(30);
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(900);
    // Google's own first sheet was reused by setup: no "Trang tính1" left over.
    const tabs = await page.locator("#tabs [role=tab]").allTextContents();
    expect(tabs.filter((t) => /^(Trang tính|Sheet)\d+$/.test(t))).toEqual([]);

    // A reload lands where this person looked last; someone else lands on their own tab.
    await page.reload();
    await expect.poll(() => page.locator("#grid").getAttribute("aria-label"), WAIT).toBe("Trang Tổng hợp");
    await actAs(page, HEALTH);
    await expect.poll(() => page.locator("#grid").getAttribute("aria-label"), WAIT).toBe("Trang Trạm Y tế");

    // On a phone the tab bar is there and scrolls; any tab can be opened.
    await page.setViewportSize({ width: 390, height: 844 });
    await openTab(page, "Nhật ký gửi");
    const phoneBar = await page.locator("#tabs").boundingBox();
    expect(phoneBar!.height).toBeGreaterThanOrEqual(30);
    expect(phoneBar!.y + phoneBar!.height).toBeLessThanOrEqual(844);
    await openTab(page, "Trạm Y tế");
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("closes a dialog with Escape pressed inside it", async () => {
    await actAs(page, OWNER);
    await clickMenu(page, "Cài đặt…");
    const dialog = page.frameLocator(".panel-dialog iframe");
    await dialog.locator("body").waitFor(WAIT);
    // Focus inside the dialog's own page (another origin: the workbench page gets no key event).
    const close = dialog.getByRole("button", { name: "Đóng", exact: true }).first();
    await close.waitFor(WAIT);
    // Pressed again if the first press came before the dialog's page was ready for it (under load).
    await expect
      .poll(async () => {
        if ((await page.locator(".panel-dialog").count()) === 0) return 0;
        await close.focus({ timeout: 2_000 });
        if (!(await pressedWithin10s(page, "Escape"))) {
          throw new Error("Escape pressed inside the dialog did not return in 10 s");
        }
        await page
          .locator(".panel-dialog")
          .waitFor({ state: "detached", timeout: 3_000 })
          .catch(() => {});
        return page.locator(".panel-dialog").count();
      }, WAIT)
      .toBe(0);
  });

  it("keeps the keyboard working when a page closes itself while a key is still down", async () => {
    await clickMenu(page, "Cài đặt…");
    const frame = (await page.locator(".panel-dialog iframe").elementHandle())!;
    const inside = (await frame.contentFrame())!;
    await inside.locator("button").first().waitFor();
    // The worst order a page can ask for: closed on keydown, before the key is released.
    await inside.evaluate(() => {
      window.addEventListener("keydown", () =>
        window.parent.postMessage({ ks: "close", seq: Number(window.name.slice(6)) }, "*"),
      );
    });
    await inside.locator("button").first().focus();
    expect(await pressedWithin10s(page, "q")).toBe(true);
    await page.locator(".panel-dialog").waitFor({ state: "detached", ...WAIT });
    // The next keys reach the sheet: the arrow moves the selection down a row.
    await cell(page, "A1").click();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.locator("#cell-ref").textContent(), WAIT).toBe("A2");
  });

  it("lays the sidebar over the sheet on a phone, its title clear of the spreadsheet picker", async () => {
    const phone = await openWorkbench(browser, server!.url, { width: 390, height: 844 });
    const p = phone.page;
    await clickMenu(p, "Nhập báo cáo…");
    await p.locator("#sidebar iframe.panel-frame").waitFor();
    await expect
      .poll(
        () =>
          sidebar(p)
            .getByLabel(/^Đơn vị/)
            .count(),
        WAIT,
      )
      .toBe(1);
    const title = p.locator("#sidebar .panel-head h2");
    const box = (await title.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // What shows at the title's middle is the title, not the picker drawn over it (or under it).
    const onTop = await p.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest(".panel-head h2") !== null,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(onTop).toBe(true);
    const frame = (await p.locator("#sidebar iframe.panel-frame").boundingBox())!;
    expect(frame.width).toBeLessThanOrEqual(390);
    await snap(p, "workbench-390-sidebar");
    expect(phone.errors).toEqual([]);
    await p.context().close();
  });

  it("downloads a spreadsheet as .xlsx, which the command line rolls up to the add-in's own figures", async () => {
    // After the cut-off, as on the morning the report is made (the same figures, pace and all).
    await page.locator("#run-date").fill("15/06/2023");
    await page.locator("#run-time").fill("07:00");
    await page.locator("#set-clock").click();
    await says(page, "Giờ giả lập: 07:00 ngày 15/06/2023.");
    await openTab(page, "Công an xã");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#download-xlsx").click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${await spreadsheetName(page)}.xlsx`);
    const file = join(data.dir, "tai-xuong.xlsx");
    await download.saveAs(file);

    // The add-in's rollup of the same period, as its sidebar gets it.
    await clickMenu(page, "Tổng hợp tháng…");
    await page.locator("#sidebar iframe.panel-frame").waitFor();
    const { addin, now } = await page.evaluate(async () => {
      const state = await (await fetch("/api/state")).json();
      const res = await fetch("/api/run", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ panel: state.sidebar.seq, name: "getRollupState", args: ["2023-06"] }),
      });
      return { addin: (await res.json()).value.rollup, now: state.now as string };
    });
    const out = await cli(["rollup", file, "--month", "2023-06", "--json", "--now", now], data.dir);
    // The file carries its plan (the 'Kế hoạch' tab), which the command line reads and says so.
    expect(out.stderr).toBe(`Dùng kế hoạch trong trang "Kế hoạch" của tệp: ${defaultPlan.title}.\n`);
    expect(out.code).toBe(0);
    const rolled = JSON.parse(out.stdout);
    expect(rolled.indicators).toEqual(addin.indicators);
    expect(rolled.units).toEqual(addin.units);
    expect(rolled).toEqual(addin);
  });

  it("keeps every acknowledged change when the server is killed (kill -9) and started again", async () => {
    await server!.stop("SIGKILL");
    server = await startServer(data.dir);
    ({ page, errors } = await openWorkbench(browser, server.url));
    // Killed, it wrote no whole state: what was done since the last one came back from the journal
    // (said once the workbook is open, after the address: the page above waited for it).
    expect(server.output.join("")).toMatch(/Đã mở lại bảng tính đã lưu: .*thao tác từ nhật ký/);
    expect(await page.locator("#user").inputValue()).toBe(OWNER);
    expect(await page.locator("#now").textContent()).toBe("15/06/2023 07:00");
    await openTab(page, "Trường học");
    const reached = await columnOf(page, REACHED);
    const state = await columnOf(page, "Trạng thái");
    expect(await cell(page, `A${row}`).textContent()).toBe("14/06/2023");
    expect(await cell(page, `${reached}${row}`).textContent()).toBe("khoảng 40");
    expect(await cell(page, `${state}${row}`).textContent()).toMatch(/^✗ Lỗi: /);
    expect(errors).toEqual([]);
  });
});
