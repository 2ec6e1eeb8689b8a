/**
 * The plan in the workbench, in Chromium, at desktop width and at 390 px: the office edits the "Kế hoạch"
 * tab in the grid, runs "Thiết lập / sửa bảng tính" from the menu and sees the tabs change; a plan
 * document (.txt, .docx) picked in the workbench is read by the command line's reader and drafted into
 * the tab by the plan dialog's endpoint, its cells to complete in yellow; unit staff are refused.
 * Screenshots go to test-results/.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorkbench, startWorkbench } from "../../src/local/workbench/server";
import { launchBrowser } from "../ui/browser";
import { actAs, clickMenu, OWNER, openTab, openWorkbench, POLICE, ROOT, says, snap, WAIT } from "./harness";

const DOCS = join(ROOT, "test/fixtures/plan-documents");
const OLD_TAB = "Đài truyền thanh";
const NEW_TAB = "Truyền thanh xã";
/** A draft's cell to complete: plan-tab.ts's MARKED_BACKGROUND as the browser gives it. */
const MARKED = "rgb(255, 242, 204)";

let browser: Browser;
let running: RunningWorkbench;
const dir = mkdtempSync(join(tmpdir(), "ks-plan-tab-"));

beforeAll(async () => {
  // The build as it is now: other test files may rebuild build/ while this one runs.
  cpSync(join(ROOT, "build"), join(dir, "build"), { recursive: true });
  [browser, running] = await Promise.all([
    launchBrowser(),
    startWorkbench({ port: 0, dataDir: join(dir, "data"), buildDir: join(dir, "build") }),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tabNames(page: Page): Promise<string[]> {
  return (await page.getByRole("tab").allTextContents()).map((t) => t.trim());
}

/** Closes the alert the script showed (the workbench shows each as a dialog), returning its text. */
async function closeAlert(page: Page, screenshot?: string): Promise<string> {
  const dialog = page.getByRole("dialog").last();
  await dialog.waitFor(WAIT);
  const text = (await dialog.textContent()) ?? "";
  if (screenshot) await snap(page, screenshot);
  await dialog.getByRole("button", { name: "OK" }).click();
  return text;
}

async function markedCells(page: Page): Promise<number> {
  return page.evaluate(
    (marked) =>
      [...document.querySelectorAll<HTMLElement>("#grid td")].filter(
        (td) => getComputedStyle(td).backgroundColor === marked,
      ).length,
    MARKED,
  );
}

describe("the plan tab in the workbench", () => {
  it("desktop: the office renames a unit's tab in 'Kế hoạch', reruns setup from the menu, and the tab is renamed", async () => {
    const { page, errors } = await openWorkbench(browser, running.url);
    await actAs(page, OWNER);
    expect(await tabNames(page)).toContain(OLD_TAB);
    await openTab(page, "Kế hoạch");
    const target = page.locator("#grid td", { hasText: new RegExp(`^${OLD_TAB}$`) }).first();
    await target.dblclick();
    const editor = page.locator(".cell-editor");
    await editor.fill(NEW_TAB);
    await editor.press("Enter");
    await expect
      .poll(() => page.locator("#grid td", { hasText: new RegExp(`^${NEW_TAB}$`) }).count(), WAIT)
      .toBe(1);
    // Only the plan tab changed so far: the unit's tab keeps its name until setup applies the plan.
    expect(await tabNames(page)).toContain(OLD_TAB);

    await clickMenu(page, "Thiết lập / sửa bảng tính");
    const said = await closeAlert(page, "plan-tab-setup-desktop");
    expect(said).toContain(`Đổi tên trang "${OLD_TAB}" thành "${NEW_TAB}"`);
    await expect.poll(() => tabNames(page), WAIT).toContain(NEW_TAB);
    expect(await tabNames(page)).not.toContain(OLD_TAB);
    await openTab(page, NEW_TAB);
    await snap(page, "plan-tab-renamed-desktop");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("desktop: unit staff picking a plan document are refused in Vietnamese", async () => {
    const { page } = await openWorkbench(browser, running.url);
    await actAs(page, POLICE);
    await page.locator("#plan-doc").setInputFiles(join(DOCS, "van-thang-2024.txt"));
    await says(page, /Chỉ văn phòng UBND xã .* mới/);
    await page.context().close();
  });

  it("desktop: a document with no target or unit in it is refused, with what to paste instead", async () => {
    const { page } = await openWorkbench(browser, running.url);
    await actAs(page, OWNER);
    await page.locator("#plan-doc").setInputFiles(join(DOCS, "van-thang-2024.txt"));
    await says(page, "Không tìm thấy chỉ tiêu hay đơn vị thực hiện nào trong văn bản; chưa ghi gì.");
    await page.context().close();
  });

  it("desktop: a .txt plan document becomes a draft in the 'Kế hoạch' tab, the cells to complete in yellow", async () => {
    const { page, errors } = await openWorkbench(browser, running.url);
    await actAs(page, OWNER);
    await page.locator("#plan-doc").setInputFiles(join(DOCS, "quang-nam-2025.txt"));
    await says(page, 'Đã soạn bản nháp vào trang "Kế hoạch"');
    await expect.poll(() => page.locator("#grid").getAttribute("aria-label"), WAIT).toBe("Trang Kế hoạch");
    const text = (await page.locator("#grid").textContent()) ?? "";
    expect(text).toContain("2025");
    expect(await markedCells(page)).toBeGreaterThan(0);
    await snap(page, "plan-document-draft-desktop");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("390 px: the import is in reach, a .docx is drafted, and setup then lists what to complete", async () => {
    const { page, errors } = await openWorkbench(browser, running.url, { width: 390, height: 844 });
    await actAs(page, OWNER);
    const button = page.locator("label.plan-doc");
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.locator("#plan-doc").setInputFiles(join(DOCS, "quang-khai-2023.docx"));
    await says(page, "11 đơn vị");
    await expect.poll(() => page.locator("#grid").getAttribute("aria-label"), WAIT).toBe("Trang Kế hoạch");
    expect(await markedCells(page)).toBeGreaterThan(0);
    await snap(page, "plan-document-draft-390");
    // The draft leaves cells to complete: setup checks the tab and changes nothing until they are.
    await clickMenu(page, "Thiết lập / sửa bảng tính");
    const said = await closeAlert(page, "plan-document-setup-390");
    expect(said).toContain("chưa thay đổi gì trong bảng tính");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
