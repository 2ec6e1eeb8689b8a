/**
 * The monthly report from the workbench: the owner runs the time-driven triggers for 15/06/2023, the
 * report for tháng 6/2023 lands in the outbox with the figures of the demo's entries, once; the upper
 * level then sees only the read-only copy. Needs the bundle's monthly trigger (issue 5) and copy (issue 6).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPlan } from "../../src/plans";
import { DEMO_CHAIRMAN, DEMO_UPPER_LEVEL, type DemoRow, demoRows } from "../../src/local/workbench/demo";
import { launchBrowser } from "../ui/browser";
import {
  actAs,
  OWNER,
  openWorkbench,
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

describe("the monthly report run from the workbench", () => {
  let page: Page;

  it("sends the report for tháng 6/2023 once, with the demo's figures, and leaves the clock where it was", async () => {
    ({ page } = await openWorkbench(browser, server.url));
    expect(await page.locator("#user").inputValue()).toBe(OWNER);
    await page.locator("#run-date").fill("2023-06-15");
    const run = page.locator("#run-triggers");
    expect(await run.textContent()).toBe("Chạy báo cáo tháng cho ngày 15/06/2023");
    await run.click();
    await expect.poll(() => status(page).textContent(), WAIT).toContain("onMonthlyTrigger ✓");
    expect(await status(page).textContent()).toContain("Đã gửi 1 thư");
    expect(await page.locator("#now").textContent()).toBe("20/06/2023 09:00");

    await page.locator("#view-outbox").click();
    const mail = page.locator(".mail-detail");
    await mail.waitFor();
    expect(await mail.locator("h2").textContent()).toContain("Quang Khải, tháng 6/2023");
    const to = await mail.locator(".mail-headers").textContent();
    for (const address of [DEMO_CHAIRMAN, ...DEMO_UPPER_LEVEL]) expect(to).toContain(address);

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
    const workers = ratio(
      flow(
        counted.filter((r) => r.unitId === "congAnXa"),
        "laoDongCoSoTuyenTruyen",
      ),
      stock(
        counted.filter((r) => r.unitId === "congAnXa"),
        "laoDongCoSo",
      ),
    );
    const html = page.frameLocator(".mail-html").locator("body");
    await expect.poll(() => html.textContent(), WAIT).toContain(students);
    expect(await html.textContent()).toContain(workers);
    const text = (await mail.locator(".mail-text").textContent()) ?? "";
    expect(text).toContain(`CT2c Học sinh được tuyên truyền: ${students}`);
    expect(text).toContain(`CT2a Lao động tại cơ sở KDDV được tuyên truyền: ${workers}`);

    // Units with no valid entry in 15/05 – 14/06 are named as not having reported.
    const missing = text.slice(text.indexOf("II. ĐƠN VỊ CHƯA BÁO CÁO"), text.indexOf("III."));
    const reported = new Set(counted.filter((r) => r.date >= "2023-05-15").map((r) => r.unitId));
    const silent = defaultPlan.units.filter((u) => !reported.has(u.id));
    expect(silent.map((u) => u.id)).toContain("tuPhap");
    for (const unit of silent) expect(missing).toContain(unit.name);

    // The attachment downloads as a PDF.
    const link = mail.locator(".attachments a").first();
    expect(await link.textContent()).toContain(".pdf");
    const pdf = await page.evaluate(
      async (href) => {
        const bytes = new Uint8Array(await (await fetch(href)).arrayBuffer());
        return String.fromCharCode(...bytes.slice(0, 5));
      },
      (await link.getAttribute("href")) ?? "",
    );
    expect(pdf).toBe("%PDF-");

    // The trigger firing again for the same morning sends nothing twice.
    await page.locator("#run-triggers").click();
    await expect.poll(() => status(page).textContent(), WAIT).toContain("Không có thư nào được gửi");
    expect(await page.locator("#view-outbox").textContent()).toBe("Hộp thư đi (1)");
  });

  it("shows the upper level only the read-only copy, without the add-in's menu", async () => {
    await page.locator("#view-book").click();
    await actAs(page, UPPER_LEVEL);
    expect(await page.locator("#menus").textContent()).toContain("Không có menu");
    const options = await page.locator("#spreadsheet option").allTextContents();
    expect(options).toHaveLength(1);
    expect(options[0]).toMatch(/^Bảng tính khác: Bản xem .*\(chỉ xem\)$/);
    await page.locator("#grid td[data-a1='A2']").click();
    expect(await page.locator("#cell-info").textContent()).toContain("Bạn chỉ có quyền xem bảng tính này.");
    // No entry's free text reaches the copy.
    const contents = new Set(demoRows().flatMap((r) => (r.cells.content ? [r.cells.content] : [])));
    const shown = (await page.locator("#grid").textContent()) ?? "";
    for (const content of contents) expect(shown).not.toContain(content);
  });
});
