/**
 * Each person's month in the workbench (npm start), in Chromium, as issue 11 tells it, with the month
 * of the roles' emulator test (test/gas/approval.test.ts): the police enter a denunciation, 3 received
 * and 3 handled, through the sidebar; the clock's suggested run sends the draft of tháng 6/2023 to the
 * chairman and the office only; the chairman follows his emailed link to "Duyệt báo cáo tháng…" and
 * approves; the office account's hourly run sends exactly one report up, and the upper level opens the
 * copy; staff can no longer change an approved row; the office's correction is in the next draft.
 * Then, on the demo made again: the chairman returns the draft ("4, not 3"), the office corrects and
 * sends it again, the chairman approves the corrected version, and one report goes up with 4/4.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CHAIRMAN, DEMO_UPPER_LEVEL, type DemoRow, demoRows } from "../../src/local/workbench/demo";
import { defaultPlan } from "../../src/plans";
import { APRIL_ROWS } from "../gas/month";
import { pdfText } from "../local/emulator/pdf-text";
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
  type RunningServer,
  says,
  sidebar,
  snap,
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

/** The roles' test's denunciation row (3 received, 3 handled), dated in tháng 6/2023. */
const DENUNCIATION = APRIL_ROWS["Công an xã"]!.find((r) => r["Tin được xử lý kịp thời (tin)"])!;
const RECEIVED = Number(DENUNCIATION["Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)"]);
const HANDLED = Number(DENUNCIATION["Tin được xử lý kịp thời (tin)"]);

/** The demo's rows that count: no deliberate mistake, dated up to the end of tháng 6/2023. */
const counted = demoRows().filter((r) => !r.mistake && r.date <= "2023-06-14");

function number(text: string | undefined): number {
  return text === undefined ? 0 : Number(text.replace(/\./g, ""));
}

function flow(rows: DemoRow[], element: string): number {
  return rows.reduce((sum, r) => sum + number(r.cells[`el:${element}`]), 0);
}

/** "430/1.147 (37,5 %)", the report's way of writing a ratio. */
function ratio(numerator: number, denominator: number): string {
  const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const percent = Math.round((numerator / denominator) * 1000) / 10;
  return `${thousands(numerator)}/${thousands(denominator)} (${String(percent).replace(".", ",")} %)`;
}

/** CT5 as the report gives it once the police's row is in, with `received` and `handled` in it. */
function ct5(received: number, handled: number): string {
  return ratio(flow(counted, "tinXuLyKipThoi") + handled, flow(counted, "tinTiepNhan") + received);
}

/** CT5's block in the report's plain text (one block per indicator, as the HTML's cards). */
function ct5Line(received: number, handled: number): string {
  return `CT5 – Tin tố giác, tin báo được xử lý kịp thời\n   Kết quả luỹ kế: ${ct5(received, handled)}`;
}

const DRAFT = "[Dự thảo – chờ duyệt]";
const REPORT = "Kết quả thực hiện";
const APPROVE = "Duyệt báo cáo tháng…";

async function openOutbox(page: Page): Promise<void> {
  await page.locator("#view-outbox").click();
  await page.locator(".mail-detail").waitFor();
}

/** Shows the newest mail whose subject starts with `subject`. */
async function showMail(page: Page, subject: string): Promise<void> {
  await openOutbox(page);
  const starts = new RegExp(`^${subject.replace(/[[\]()]/g, "\\$&")}`);
  await page
    .locator(".mail-list button")
    .filter({ has: page.locator(".mail-subject", { hasText: starts }) })
    .first()
    .click();
  await expect.poll(() => page.locator(".mail-detail h2").textContent(), WAIT).toMatch(starts);
}

async function mailCount(page: Page): Promise<number> {
  return Number(/\((\d+)\)/.exec((await page.locator("#view-outbox").textContent()) ?? "")?.[1]);
}

/** Runs the time-driven triggers at `date` `time` (dd/mm/yyyy, HH:MM) from the time bar. */
async function runAt(page: Page, date: string, time: string): Promise<void> {
  await page.locator("#view-book").click();
  // What the status line says next is this run's (an earlier one's may still be showing).
  await status(page).evaluate((el) => {
    el.textContent = "";
  });
  await page.locator("#run-date").fill(date);
  await page.locator("#run-time").fill(time);
  await page.locator("#run-triggers").click();
  await says(page, `Đã chạy lúc ${time} ngày ${date}`);
}

/** From the draft in the outbox: act as the chairman, follow its link, then its menu step. */
async function chairmanFollowsDraft(page: Page): Promise<ReturnType<Page["frameLocator"]>> {
  await showMail(page, DRAFT);
  await page
    .locator(".mail-links")
    .getByRole("button", { name: `Mở với tư cách ${DEMO_CHAIRMAN} rồi chọn “${APPROVE}”` })
    .click();
  const dialog = page.frameLocator(".panel-dialog iframe");
  await dialog.locator("#approval:not([hidden])").waitFor(WAIT);
  expect(await page.locator("#user").inputValue()).toBe(DEMO_CHAIRMAN);
  // The link opened the rollup tab, where the report's figures are.
  expect(await page.locator("#grid").getAttribute("aria-label")).toBe("Trang Tổng hợp");
  expect(await dialog.locator("#period").inputValue()).toBe("2023-06");
  return dialog;
}

async function approve(dialog: ReturnType<Page["frameLocator"]>): Promise<void> {
  await dialog.getByLabel("Tôi đã xem báo cáo và đồng ý gửi cấp trên").check();
  await dialog.getByRole("button", { name: "Duyệt và gửi" }).click();
  await expect
    .poll(() => dialog.locator("#status").textContent(), WAIT)
    .toMatch(/^Đã duyệt báo cáo tháng 6\/2023 .*trong vòng một giờ, từ tài khoản vanphong@/);
}

async function closeDialog(page: Page): Promise<void> {
  await page.frameLocator(".panel-dialog iframe").getByRole("button", { name: "Đóng" }).click();
  await page.locator(".panel-dialog").waitFor({ state: "detached", ...WAIT });
}

/** The police's sidebar entry for tháng 6/2023; returns the sidebar's status line. */
async function policeEnters(page: Page, date: string, received: number, handled: number): Promise<string> {
  await actAs(page, POLICE);
  await clickMenu(page, "Nhập báo cáo…");
  const form = sidebar(page);
  await expect.poll(() => form.getByLabel(/^Đơn vị/).inputValue(), WAIT).toBe("congAnXa");
  await form.getByLabel(/^Ngày/).fill(date);
  await form.getByLabel(/^Nhiệm vụ/).selectOption(DENUNCIATION["Nhiệm vụ"]!);
  await form.getByLabel(/^Hình thức/).selectOption(DENUNCIATION["Hình thức"]!);
  await form.getByLabel(/^Tin tố giác, tin báo, khiếu nại tiếp nhận/).fill(String(received));
  await form.getByLabel(/^Tin được xử lý kịp thời/).fill(String(handled));
  await form.getByLabel(/^Nội dung/).fill("Tiếp nhận tin báo qua đường dây nóng; đã xác minh, xử lý.");
  await form.getByRole("button", { name: "Ghi báo cáo" }).click();
  const line = form.locator("#status");
  await expect.poll(() => line.textContent(), WAIT).toMatch(/^(Đã ghi|Báo cáo tháng)/);
  return (await line.textContent()) ?? "";
}

describe("each person's month in the workbench, approved", () => {
  let page: Page;
  let errors: string[];
  let row = 0;

  it("lets the police enter their denunciations through the sidebar", async () => {
    ({ page, errors } = await openWorkbench(browser, server.url));
    const said = await policeEnters(page, "14/06/2023", RECEIVED, HANDLED);
    expect(said).toMatch(/^Đã ghi vào dòng \d+ của trang Công an xã/);
    row = Number(/dòng (\d+)/.exec(said)![1]);
    const state = await columnOf(page, "Trạng thái");
    await expect.poll(() => cell(page, `${state}${row}`).textContent(), WAIT).toBe("✓ Hợp lệ");
  });

  it("sends the draft of tháng 6/2023 on the clock's suggested run, to the chairman and the office only", async () => {
    await actAs(page, OWNER);
    // No date typed: the run suggested is the next monthly one, the morning after the cut-off.
    expect(await page.locator("#run-triggers").textContent()).toBe(
      "Chạy việc tự động lúc 07:00 ngày 15/06/2023",
    );
    await page.locator("#run-triggers").click();
    await says(page, "Báo cáo tháng ✓");
    expect(await status(page).textContent()).toContain("Đã gửi 1 thư");
    expect(await page.locator("#now").textContent()).toBe("15/06/2023 07:00");

    await showMail(page, DRAFT);
    const to = (await page.locator(".mail-headers").textContent()) ?? "";
    expect(to).toContain(DEMO_CHAIRMAN);
    expect(to).toContain(OWNER);
    for (const address of DEMO_UPPER_LEVEL) expect(to).not.toContain(address);
    const html = page.frameLocator(".mail-html").locator("body");
    await expect.poll(() => html.textContent(), WAIT).toContain(ct5(RECEIVED, HANDLED));
    expect(await html.textContent()).toContain("DỰ THẢO – CHỜ CHỦ TỊCH DUYỆT");

    // The mail shown stays shown while the page refreshes (no blank frame loading it again).
    await page.locator(".mail-html").evaluate((f) => f.setAttribute("data-seen", "1"));
    await page.locator("#view-log").click();
    await page.locator(".runs").waitFor();
    await openOutbox(page);
    expect(await page.locator(".mail-html").getAttribute("data-seen")).toBe("1");

    // The trigger firing again in the same minute sends nothing twice.
    await runAt(page, "15/06/2023", "07:00");
    expect(await status(page).textContent()).toContain("Không có thư nào được gửi");
    expect(await mailCount(page)).toBe(1);
  });

  it("lets the chairman follow his emailed link to the approval dialog and approve, on a desktop and a phone", async () => {
    const dialog = await chairmanFollowsDraft(page);
    expect(await dialog.locator("#state").textContent()).toContain("Chờ duyệt");
    const report = dialog.frameLocator("#report").locator("body");
    await expect.poll(() => report.textContent(), WAIT).toContain(ct5(RECEIVED, HANDLED));
    expect(await report.textContent()).toContain(`Đã duyệt: ${DEMO_CHAIRMAN}`);
    // His menu: the approval, the rollup, the how-to; nothing of the office.
    expect((await page.locator("#menus").textContent()) ?? "").not.toContain("Văn phòng UBND xã");
    await snap(page, "workbench-approval-dialog");
    await page.setViewportSize({ width: 390, height: 844 });
    const box = (await page.locator(".panel-dialog").boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await snap(page, "workbench-approval-dialog-390");
    await approve(dialog);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await dialog.locator("#state").textContent()).toContain(`bởi ${DEMO_CHAIRMAN}`);
    await closeDialog(page);
    expect(errors).toEqual([]);
  });

  it("sends exactly one report up from the office's hourly run, and the upper level opens the copy", async () => {
    await actAs(page, OWNER);
    await runAt(page, "15/06/2023", "08:00");
    expect(await status(page).textContent()).toContain("Việc hằng giờ ✓");
    await showMail(page, REPORT);
    expect(await mailCount(page)).toBe(2);
    const to = (await page.locator(".mail-headers").textContent()) ?? "";
    for (const address of [DEMO_CHAIRMAN, ...DEMO_UPPER_LEVEL]) expect(to).toContain(address);
    const text = (await page.locator(".mail-text").textContent()) ?? "";
    expect(text).toContain(ct5Line(RECEIVED, HANDLED));
    expect(text).toMatch(new RegExp(`Đã duyệt: ${DEMO_CHAIRMAN.replace(/\./g, "\\.")}, lúc 15/06/2023`));
    // Units with no valid entry in 15/05 – 14/06 are named as not having reported.
    const missing = text.slice(text.indexOf("II. ĐƠN VỊ CHƯA BÁO CÁO"), text.indexOf("III."));
    const reported = new Set(counted.filter((r) => r.date >= "2023-05-15").map((r) => r.unitId));
    for (const unit of defaultPlan.units.filter((u) => !reported.has(u.id) && u.id !== "congAnXa"))
      expect(missing).toContain(unit.name);

    // The copy's PDF reads in Vietnamese: what a reader extracts is the sheet's own words.
    const href = await page.locator(".attachments a").first().getAttribute("href");
    const pdf = await page.request.get(new URL(href!, server.url).toString());
    const { runs, codes } = pdfText(await pdf.body());
    const words = runs.join("");
    for (const shown of ["Tổng hợp", "Chỉ tiêu", "Đánh giá", "Tin tố giác"]) expect(words).toContain(shown);
    expect(words).not.toMatch(/[?\uFFFD]/);
    expect(codes).not.toContain("0000");

    // Every link opens for every recipient: the copy's, for the upper level.
    const copyLink = page.locator(".mail-links li", { hasText: "mở bản xem" });
    await copyLink.getByRole("button", { name: `Mở với tư cách ${UPPER_LEVEL}`, exact: true }).click();
    await says(page, `Đang dùng với tư cách ${UPPER_LEVEL}`);
    expect(await page.locator("#spreadsheet option:checked").textContent()).toMatch(
      /^Bảng tính khác: Bản xem .*\(chỉ xem\)$/,
    );
    const shown = (await page.locator("#grid").textContent()) ?? "";
    for (const r of demoRows()) if (r.cells.content) expect(shown).not.toContain(r.cells.content);
    await snap(page, "workbench-upper-level-copy");
  });

  it("refuses the police a change to an approved row, and a new row dated in the approved month, in Vietnamese", async () => {
    await page.locator("#view-book").click();
    await actAs(page, POLICE);
    await openTab(page, "Công an xã");
    const received = await columnOf(page, "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)");
    await cell(page, `${received}${row}`).click();
    expect(await page.locator("#cell-info").textContent()).toMatch(/Chỉ xem: (Trang|Vùng) được bảo vệ/);
    await cell(page, `${received}${row}`).dblclick();
    expect(await page.locator(".cell-editor").count()).toBe(0);
    expect(await status(page).textContent()).toContain(`Không sửa được ô ${received}${row}`);

    // The sidebar refuses the approved month before anything is written, saying what to do instead.
    const said = await policeEnters(page, "13/06/2023", 1, 1);
    expect(said).toMatch(/^Báo cáo tháng 6\/2023 \(15\/05\/2023 – 14\/06\/2023\) đã được Chủ tịch duyệt/);
    expect(said).toContain("hãy báo văn phòng UBND xã");
    expect(await sidebar(page).locator("body").textContent()).toContain(
      "Kỳ của ngày này đã được duyệt: hãy chọn ngày trong kỳ đang mở.",
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, "workbench-police-refused-390");
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator("#sidebar .panel-head button").click();
  });

  it("lets the office correct it, and lists the correction in the next month's draft", async () => {
    await actAs(page, OWNER);
    await openTab(page, "Công an xã");
    const received = await columnOf(page, "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)");
    await cell(page, `${received}${row}`).dblclick();
    const editor = page.locator(".cell-editor");
    await editor.fill(String(RECEIVED + 1));
    await editor.press("Enter");
    await expect.poll(() => cell(page, `${received}${row}`).textContent(), WAIT).toBe(String(RECEIVED + 1));

    await runAt(page, "15/07/2023", "07:00");
    await showMail(page, `${DRAFT} Kết quả thực hiện`);
    expect(await page.locator(".mail-detail h2").textContent()).toContain("tháng 7/2023");
    const text = (await page.locator(".mail-text").textContent()) ?? "";
    const section = text.slice(text.indexOf("IV. SỐ LIỆU ĐIỀU CHỈNH SAU KHI DUYỆT"));
    // The unit's figure for the month, as approved and as corrected.
    const june = counted.filter((r) => r.unitId === "congAnXa" && r.date >= "2023-05-15");
    const approved = flow(june, "tinTiepNhan") + RECEIVED;
    expect(section).toContain(
      `tháng 6/2023 (15/05/2023 – 14/06/2023) – Công an xã – Tin tố giác, tin báo, khiếu nại tiếp nhận: ${approved} → ${approved + 1}`,
    );
    expect(errors).toEqual([]);
  });
});

describe("a draft returned with a comment, corrected, then approved", () => {
  let page: Page;
  let errors: string[];
  let row = 0;
  const COMMENT = "Tin tố giác tiếp nhận tháng này là 4, không phải 3. Đề nghị kiểm tra lại.";

  it("starts again from the demo, the police's row in", async () => {
    ({ page, errors } = await openWorkbench(browser, server.url));
    await page.locator("#reset").click();
    await page.getByRole("button", { name: "Làm lại", exact: true }).click();
    await says(page, "Đã tạo lại bảng tính mẫu.");
    expect(await mailCount(page)).toBe(0);
    const said = await policeEnters(page, "14/06/2023", RECEIVED, HANDLED);
    row = Number(/dòng (\d+)/.exec(said)![1]);
    await page.locator("#sidebar .panel-head button").click();
  });

  it("lets the chairman return the draft with a comment that reaches the office, and nothing goes up", async () => {
    await actAs(page, OWNER);
    await page.locator("#run-triggers").click();
    await says(page, "Báo cáo tháng ✓");
    const dialog = await chairmanFollowsDraft(page);
    await dialog.getByRole("button", { name: "Trả lại văn phòng…" }).click();
    await dialog.getByLabel("Góp ý cho văn phòng (cần sửa gì)").fill(COMMENT);
    await dialog.getByRole("button", { name: "Gửi góp ý, trả lại" }).click();
    await expect.poll(() => dialog.locator("#status").textContent(), WAIT).toMatch(/^Đã trả lại dự thảo/);
    await closeDialog(page);

    await showMail(page, "Chủ tịch trả lại dự thảo báo cáo tháng 6/2023");
    // From the chairman, to the office alone.
    expect(await page.locator(".mail-headers dd").allTextContents()).toEqual([
      DEMO_CHAIRMAN,
      OWNER,
      "15/06/2023 07:00",
    ]);
    expect(await page.locator(".mail-text").textContent()).toContain(COMMENT);
    await actAs(page, OWNER);
    await runAt(page, "15/06/2023", "08:00");
    expect(await mailCount(page)).toBe(2);
  });

  it("lets the office correct and send the draft again, which the chairman approves; one report goes up, corrected", async () => {
    await page.locator("#view-book").click();
    await openTab(page, "Công an xã");
    for (const header of [
      "Tin tố giác, tin báo, khiếu nại tiếp nhận (tin)",
      "Tin được xử lý kịp thời (tin)",
    ]) {
      const column = await columnOf(page, header);
      await cell(page, `${column}${row}`).dblclick();
      const editor = page.locator(".cell-editor");
      await editor.fill("4");
      await editor.press("Enter");
      await expect.poll(() => cell(page, `${column}${row}`).textContent(), WAIT).toBe("4");
    }
    await clickMenu(page, "Gửi báo cáo tháng…");
    const send = page.frameLocator(".panel-dialog iframe");
    await send.locator("#send:not([hidden])").waitFor(WAIT);
    expect(await send.getByLabel("Kỳ báo cáo").inputValue()).toBe("2023-06");
    await send.locator("#submit").click();
    await expect
      .poll(() => send.locator("#status").textContent(), WAIT)
      .toContain("Đã gửi dự thảo báo cáo tháng 6/2023");
    await closeDialog(page);

    const dialog = await chairmanFollowsDraft(page);
    const report = dialog.frameLocator("#report").locator("body");
    await expect.poll(() => report.textContent(), WAIT).toContain(ct5(4, 4));
    expect(await dialog.locator("#returns li").allTextContents()).toEqual([expect.stringContaining(COMMENT)]);
    await approve(dialog);
    await closeDialog(page);

    await actAs(page, OWNER);
    await runAt(page, "15/06/2023", "09:00");
    await showMail(page, REPORT);
    const subjects = await page.locator(".mail-list .mail-subject").allTextContents();
    expect(subjects.filter((s) => s.startsWith(REPORT))).toHaveLength(1);
    const text = (await page.locator(".mail-text").textContent()) ?? "";
    expect(text).toContain(ct5Line(4, 4));
    expect(errors).toEqual([]);
  });
});
