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
  SCHOOL,
  sidebar,
  startServer,
  status,
  tempDataDir,
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

/** The sidebar's status line after "Ghi báo cáo": "Đã ghi vào dòng N của trang …". */
async function submittedRow(page: Page): Promise<number> {
  const line = sidebar(page).locator("#status");
  await expect.poll(() => line.textContent(), WAIT).toMatch(/Đã ghi vào dòng \d+ của trang Trường học/);
  return Number(/dòng (\d+)/.exec((await line.textContent()) ?? "")![1]);
}

describe("the workbench (npm start)", () => {
  let page: Page;
  let errors: string[];
  let row = 0;

  it("opens on the demo workbook, set up, with the owner's menu and every unit's tab", async () => {
    ({ page, errors } = await openWorkbench(browser, server!.url));
    expect(await page.locator("#user").inputValue()).toBe(OWNER);
    expect(await page.locator("#now").textContent()).toBe("20/06/2023 09:00");
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
    const frame = page.locator("#sidebar iframe");
    await frame.waitFor();
    expect((await frame.boundingBox())?.width).toBe(300);
    const form = sidebar(page);
    await expect.poll(() => form.getByLabel(/^Đơn vị/).inputValue(), WAIT).toBe("truongHoc");
    await form.getByLabel(/^Ngày/).fill("16/06/2023");
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
    await expect.poll(() => cell(page, `A${row}`).textContent(), WAIT).toBe("16/06/2023");
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

    // For a look in review (the README's picture comes from a clean demo: npm run screenshots).
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

  it("keeps the workbook when the server restarts", async () => {
    await server!.stop();
    server = await startServer(data.dir);
    expect(server.output.join("")).toContain("Đã mở lại bảng tính đã lưu");
    ({ page, errors } = await openWorkbench(browser, server.url));
    expect(await page.locator("#user").inputValue()).toBe(SCHOOL);
    await openTab(page, "Trường học");
    const reached = await columnOf(page, REACHED);
    const state = await columnOf(page, "Trạng thái");
    expect(await cell(page, `A${row}`).textContent()).toBe("16/06/2023");
    expect(await cell(page, `${reached}${row}`).textContent()).toBe("khoảng 40");
    expect(await cell(page, `${state}${row}`).textContent()).toMatch(/^✗ Lỗi: /);
    expect(errors).toEqual([]);
  });
});
