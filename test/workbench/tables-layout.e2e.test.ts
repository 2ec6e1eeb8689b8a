/**
 * Every table the add-in writes, as the workbench's grid draws it from the emulator after the built
 * bundle wrote it, measured in Chromium: the "Tổng hợp" tab, the settings tab, the send log (with the
 * approval's lines: a draft returned with a long comment, sent again, approved, the report sent up) and
 * the change log of the main sheet, and every tab of the upper level's read-only copy. In each: no text
 * wider than its column unless it wraps, no cell over three lines, nothing cut off at the bottom of a cell.
 * And the header row of every unit tab (what staff type under is theirs): no header over three lines.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitColumns } from "../../src/core/columns";
import { SYSTEM_TABS } from "../../src/core/plan";
import { DEMO_OWNER, DEMO_UPPER_LEVEL } from "../../src/local/workbench/demo";
import { type RunningWorkbench, startWorkbench } from "../../src/local/workbench/server";
import { defaultPlan as plan } from "../../src/plans";
import { launchBrowser } from "../ui/browser";
import { actAs, openTab, openWorkbench, ROOT, WAIT } from "./harness";
import { approveInWorkbench } from "./month";

const HEALTH = "tramyte@quangkhai.example";
/** A paragraph typed into one cell: the change log shows it cut to three lines, whole in the note. */
const LONG = `Khám sức khoẻ định kỳ cho nhân viên các cơ sở kinh doanh dịch vụ; ${"tư vấn phòng, chống HIV/AIDS và các bệnh lây truyền qua đường tình dục, ".repeat(8)}`;
/** The chairman's reason for returning the draft: longer than three lines of the send log's column. */
const COMMENT = `Đề nghị văn phòng kiểm tra lại số liệu trước khi gửi cấp trên: ${"số tin tố giác tiếp nhận và số tin được xử lý kịp thời của Công an xã chưa khớp với sổ theo dõi, ".repeat(4)}`;

let browser: Browser;
let running: RunningWorkbench;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), "ks-tables-"));

beforeAll(async () => {
  // The build as it is now: other test files may rebuild build/ while this one runs.
  cpSync(join(ROOT, "build"), join(dir, "build"), { recursive: true });
  [browser, running] = await Promise.all([
    launchBrowser(),
    startWorkbench({ port: 0, dataDir: join(dir, "data"), buildDir: join(dir, "build") }),
  ]);
  const wb = running.workbench;
  expect(wb.runTimeTriggers({ date: "2023-06-15", time: "07:00" }).ok).toBe(true);
  const unit = plan.units.find((u) => u.id === "tramYTe")!;
  const bound = wb.state().spreadsheets.find((s) => s.bound)!;
  wb.setUser(HEALTH);
  const column = unitColumns(plan, unit).findIndex((c) => c.key === "content") + 1;
  expect(wb.edit({ spreadsheetId: bound.id, sheet: unit.tabName, row: 2, column, text: LONG }).ok).toBe(true);
  approveInWorkbench(wb, "2023-06", COMMENT);
  ({ page } = await openWorkbench(browser, running.url));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Measured {
  /** Cells whose text is cut or runs over. */
  problems: string[];
  /** The table's width in px (columns with content). */
  width: number;
  maxLines: number;
  cells: number;
}

/** What the grid shows for the tab on screen, cell by cell. */
function measure(p: Page): Promise<Measured> {
  return p.evaluate(() => {
    const problems: string[] = [];
    let maxLines = 0;
    let cells = 0;
    let right = 0;
    const range = document.createRange();
    for (const td of document.querySelectorAll<HTMLTableCellElement>("#grid td")) {
      const text = td.textContent ?? "";
      if (text.trim() === "") continue;
      cells++;
      const where = `${td.dataset["a1"]} "${text.slice(0, 40)}"`;
      const wraps = td.classList.contains("wrap");
      if (!wraps && td.scrollWidth > td.clientWidth + 1)
        problems.push(`${where} is wider than its column (${td.scrollWidth} > ${td.clientWidth} px)`);
      if (td.scrollHeight > td.clientHeight + 1) problems.push(`${where} is cut at the bottom`);
      range.selectNodeContents(td);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      maxLines = Math.max(maxLines, lines);
      if (lines > 3) problems.push(`${where} takes ${lines} lines`);
      right = Math.max(right, td.getBoundingClientRect().right);
    }
    const left = document.querySelector<HTMLElement>("#grid td")?.getBoundingClientRect().left ?? 0;
    return { problems, width: Math.round(right - left), maxLines, cells };
  });
}

const figures: string[] = [];

async function check(tab: string, hidden = false): Promise<void> {
  if (hidden) {
    // A hidden tab's button says so; the grid is labelled with the tab's own name.
    await page.getByRole("tab", { name: `${tab} (ẩn)`, exact: true }).click();
    await expect.poll(() => page.locator("#grid").getAttribute("aria-label"), WAIT).toBe(`Trang ${tab}`);
  } else await openTab(page, tab);
  const m = await measure(page);
  figures.push(`${tab}: ${m.cells} cells, ${m.width} px wide, at most ${m.maxLines} lines`);
  expect(m.cells, tab).toBeGreaterThan(5);
  expect(m.problems, tab).toEqual([]);
}

describe("the tables the add-in writes, in the grid", () => {
  it("the main sheet: the rollup tab, the settings, the send log, the change log", async () => {
    await actAs(page, DEMO_OWNER);
    await check(SYSTEM_TABS.rollup);
    await check(SYSTEM_TABS.settings);
    await check(SYSTEM_TABS.sendLog);
    // The approval's lines are in the log; the chairman's comment cut to three lines, whole in its note.
    const log = (await page.locator("#grid").textContent()) ?? "";
    for (const kind of ["Dự thảo gửi Chủ tịch", "Trả lại dự thảo", "Duyệt", "Báo cáo tháng"])
      expect(log, kind).toContain(kind);
    const comment = page.locator('#grid td[title*="Đề nghị văn phòng kiểm tra lại"]');
    expect(await comment.count()).toBe(1);
    expect(await comment.textContent()).toMatch(/…$/);
    expect(await comment.getAttribute("title")).toContain(COMMENT.trim());
    await check(SYSTEM_TABS.changeLog, true);
    // The long paragraph is in the change log cut to three lines, whole in the cell's note.
    const cut = page.locator('#grid td[title^="Khám sức khoẻ định kỳ"]');
    expect(await cut.count()).toBe(1);
    expect(await cut.textContent()).toMatch(/…$/);
    expect(await cut.getAttribute("title")).toBe(LONG);
  });

  it("the header row of every unit tab: no header over three lines", async () => {
    for (const unit of plan.units) {
      await openTab(page, unit.tabName);
      const lines = await page.evaluate(() => {
        const range = document.createRange();
        return [...document.querySelectorAll<HTMLTableCellElement>("#grid td")]
          .filter((td) => /^[A-Z]+1$/.test(td.dataset["a1"] ?? "") && (td.textContent ?? "").trim() !== "")
          .map((td) => {
            range.selectNodeContents(td);
            const n = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
            return { text: td.textContent ?? "", n, cut: td.scrollHeight > td.clientHeight + 1 };
          });
      });
      expect(lines.length, unit.tabName).toBeGreaterThan(5);
      expect(
        lines.filter((l) => l.n > 3 || l.cut),
        unit.tabName,
      ).toEqual([]);
    }
  });

  it("every tab of the upper level's read-only copy", async () => {
    await actAs(page, DEMO_UPPER_LEVEL[0]!);
    for (const tab of ["Tổng hợp", "Theo tháng", ...plan.units.map((u) => u.tabName)]) await check(tab);
    console.log(`tables in the grid:\n${figures.join("\n")}`);
  });
});
