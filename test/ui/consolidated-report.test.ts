/**
 * The consolidated report for the upper level in Chromium, as a browser opens the file `consolidate
 * --html` writes: on a phone each indicator is a card listing the communes, on a desktop a table with
 * one column per commune and a total; never wider than the screen, no text cut.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consolidateRollups } from "../../src/core/consolidate";
import { renderConsolidatedHtml } from "../../src/core/consolidated-report";
import { computeRollup } from "../../src/core/rollup";
import type { Entry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";
import { RESULTS_DIR, useBrowser } from "./harness";
import { measureLayout } from "./layout";

const browser = useBrowser();

function entry(unitId: string, date: string, values: Entry["values"], subUnit: string | null = null): Entry {
  return { unitId, date, task: "x", form: null, subUnit, values, content: "", notes: "" };
}

/** Four communes' April: different sizes, one without students, one that entered nothing for CT5. */
function communeEntries(scale: number, withSchools: boolean, withReports: boolean): Entry[] {
  const out = [
    entry("congAnXa", "2023-03-20", {
      laoDongCoSo: 40 * scale,
      laoDongCoSoTuyenTruyen: 13 * scale,
      ...(withReports ? { tinTiepNhan: scale, tinXuLyKipThoi: scale } : {}),
    }),
    entry("vhxhLdtbxh", "2023-03-21", { laoDongCongTy: 1250 * scale, laoDongCongTyTuyenTruyen: 240 * scale }),
    entry("daiTruyenThanh", "2023-04-02", { tinBaiTruyenThanh: 2 }),
  ];
  if (withSchools)
    out.push(entry("truongHoc", "2023-03-25", { hocSinh: 1147 * scale, hocSinhTuyenTruyen: 430 }, "thcs"));
  return out;
}

const names = ["Quang Khải", "Quang Phục", "Tân Kỳ", "Nguyên Giáp"];
const consolidation = consolidateRollups(
  plan,
  names.map((name, i) => ({
    name,
    file: `${name}.xlsx`,
    rollup: computeRollup(plan, communeEntries(i + 1, i !== 2, i !== 3), "2023-04", {
      rule: "cutoff",
      generatedAt: "2023-04-16T08:00:00+07:00",
    }),
    sendLog: null,
  })),
);
const html = renderConsolidatedHtml(plan, consolidation, { reportDate: "2023-04-15" });

describe("the consolidated report in a browser", () => {
  const dir = join(RESULTS_DIR, "consolidated-report");
  mkdirSync(dir, { recursive: true });

  for (const width of [360, 390, 600, 1200]) {
    it(`fits ${width} px: no horizontal scroll, no text cut`, async () => {
      const context = await browser().newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await page.setContent(html);
      const facts = await measureLayout(page);
      expect(facts.scrollWidth).toBeLessThanOrEqual(width);
      expect(facts.cut).toEqual([]);
      const shape = await page.evaluate(() => {
        const row = document.querySelector(".ks-matrix tbody tr")!;
        const tops = [...row.children].map((c) => Math.round(c.getBoundingClientRect().top));
        return {
          cells: row.children.length,
          sideBySide: new Set(tops).size === 1,
          labels: [...row.querySelectorAll("td")].map((td) => getComputedStyle(td, "::before").content),
        };
      });
      // The indicator, four communes and the total.
      expect(shape.cells).toBe(6);
      expect(shape.sideBySide).toBe(width >= 600);
      if (width < 600) expect(shape.labels).toEqual([...names, "Tổng cộng"].map((n) => `"${n}"`));
      await page.screenshot({ path: join(dir, `${width}.png`), fullPage: true });
      await context.close();
    });
  }
});
