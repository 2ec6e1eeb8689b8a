/**
 * The upper level's workbook in the workbench (`WORKBENCH_DEMO=cap-tren npm start`), in Chromium: its
 * office sees the three communes side by side (one on time, one late, one missing) with the total, and
 * opens the consolidated report from the menu, on a desktop and on a phone; its leader only views, with
 * no menu and no cell to type in. The communes' own sheets are not among its spreadsheets.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../ui/browser";
import {
  actAs,
  cell,
  openTab,
  openWorkbench,
  type RunningServer,
  snap,
  startServer,
  status,
  tempDataDir,
  WAIT,
} from "./harness";

const OFFICE = "vanphong@tuky.example";
const LEADER = "chutich@tuky.example";

let browser: Browser;
let server: RunningServer | undefined;
const data = tempDataDir();

beforeAll(async () => {
  [browser, server] = await Promise.all([
    launchBrowser(),
    startServer(data.dir, { WORKBENCH_DEMO: "cap-tren" }),
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  data.remove();
});

/** The row of the period's tab whose first cell is `name`, as the grid shows it. */
async function rowOf(page: Page, name: string): Promise<string[]> {
  for (let r = 5; r <= 8; r++) {
    if ((await cell(page, `A${r}`).textContent()) === name) {
      return Promise.all(
        ["A", "B", "C", "D", "E", "G"].map(async (c) => (await cell(page, `${c}${r}`).textContent()) ?? ""),
      );
    }
  }
  throw new Error(`no row ${name}`);
}

describe.each([
  { device: "desktop", width: 1440, height: 900 },
  { device: "phone", width: 390, height: 844 },
])("the upper level's workbook on a $device", ({ device, width, height }) => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openWorkbench(browser, server!.url, { width, height }));
  });
  afterAll(async () => {
    await page.context().close();
  });

  it("its office sees the communes side by side: the total first, on time, late, not sent", async () => {
    await actAs(page, OFFICE);
    const sheets = await page.locator("#spreadsheet option").allTextContents();
    expect(sheets.some((s) => s.includes("Tổng hợp phòng, chống mại dâm 2023 – huyện Tứ Kỳ"))).toBe(true);
    expect(sheets.some((s) => s.includes("Kế hoạch PCMD"))).toBe(false);
    await openTab(page, "Tổng hợp các xã");
    expect(await cell(page, "A1").textContent()).toBe(
      "KẾT QUẢ CÁC XÃ – THÁNG 4/2023 (15/03/2023 – 14/04/2023)",
    );
    // CT2a: Quang Khải 12/40 and Quang Phục 10/50 make 22/90, not the mean of 30 % and 20 %.
    expect(await rowOf(page, "Tổng cộng")).toEqual([
      "Tổng cộng",
      "2 xã",
      "",
      "",
      "2/2 tháng đạt Đạt",
      "22/90 (24,4 %) Chưa đạt",
    ]);
    expect((await rowOf(page, "Quang Khải")).slice(0, 3)).toEqual([
      "Quang Khải",
      "Đúng hạn",
      "15/04/2023 11:00",
    ]);
    expect((await rowOf(page, "Quang Phục")).slice(0, 3)).toEqual(["Quang Phục", "Muộn", "16/04/2023 10:00"]);
    expect(await rowOf(page, "Tân Kỳ")).toEqual(["Tân Kỳ", "Chưa gửi", "", "", "–", "–"]);
    await snap(page, `upper-period-${device}`);
  });

  it("its office opens April's consolidated report from the menu, the same sums in it", async () => {
    // Exactly: "Gửi báo cáo tổng hợp tháng…" is also in the menu.
    await page.locator(".menu-button").first().click();
    await page.getByRole("menuitem", { name: "Báo cáo tổng hợp tháng…", exact: true }).click();
    const prompt = page.locator(".dialog");
    await expect.poll(() => prompt.textContent(), WAIT).toContain("Tháng nào? Gõ dạng 4/2023");
    await prompt.locator(".dialog-input").fill("4/2023");
    await prompt.getByRole("button", { name: "OK" }).click();
    const report = page.frameLocator(".panel-dialog iframe");
    await report.getByText("BÁO CÁO TỔNG HỢP").waitFor(WAIT);
    const text = (await report.locator("body").textContent()) ?? "";
    expect(text).toContain("3 xã: 1 gửi đúng hạn, 1 gửi muộn, 1 chưa gửi.");
    expect(text).toContain("22/90");
    // Nothing wider than the phone: the report's table scrolls inside it, the page itself does not.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, `upper-report-${device}`);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".panel-dialog").count(), WAIT).toBe(0);
  });

  it("its leader views the workbook: no menu of the add-in, no cell to type in", async () => {
    await actAs(page, LEADER);
    expect(await page.locator(".menu-button").count()).toBe(0);
    await openTab(page, "Tổng hợp các xã");
    await cell(page, "B6").dblclick();
    expect(await page.locator(".cell-editor").count()).toBe(0);
    expect(await status(page).textContent()).toContain("Không sửa được ô B6");
    await snap(page, `upper-leader-${device}`);
    await actAs(page, OFFICE);
    expect(errors).toEqual([]);
  });
});
