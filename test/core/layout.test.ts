/**
 * The layout of the tables the add-in writes: widths fitted to the content up to a ceiling, text
 * wrapping beyond it, titles merged across the table, a frozen bold header, formats for figures, and
 * no row over three lines (measured with the character-width model; test/ui/text-width.test.ts checks
 * the model against Chromium, test/ui/tables-layout.test.ts the written tables in the grid).
 */
import { describe, expect, it } from "vitest";
import type { TableLayout } from "../../src/core/layout";
import {
  fitText,
  LINE_PX,
  MAX_LINES,
  PAD_PX,
  ROW_PX,
  TableBuilder,
  textWidth,
  wrapLines,
} from "../../src/core/layout";
import { unitColumns } from "../../src/core/columns";
import { computeRollup } from "../../src/core/rollup";
import { copyTabs, logRow, rollupTable, SEND_LOG_LAYOUT } from "../../src/core/tables";
import type { Entry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

function entry(unitId: string, date: string, values: Entry["values"], subUnit: string | null = null): Entry {
  return { unitId, date, task: "x", form: null, subUnit, values, content: "", notes: "" };
}

const entries = [
  entry("congAnXa", "2023-03-20", {
    laoDongCoSo: 61,
    laoDongCoSoTuyenTruyen: 23,
    tinTiepNhan: 4,
    tinXuLyKipThoi: 4,
  }),
  entry("vhxhLdtbxh", "2023-03-21", { laoDongCongTy: 425, laoDongCongTyTuyenTruyen: 136, canBoLienQuan: 46 }),
  entry("truongHoc", "2023-03-25", { hocSinh: 1147, hocSinhTuyenTruyen: 430 }, "thcs"),
  entry("daiTruyenThanh", "2023-04-02", { tinBaiTruyenThanh: 2 }),
  entry("daiTruyenThanh", "2023-05-02", { tinBaiTruyenThanh: 4 }),
];
const rollupOf = (key: string) =>
  computeRollup(plan, entries, key, {
    rule: "cutoff",
    generatedAt: "2023-06-15T07:00:00+07:00",
    problems: [
      {
        kind: "entry",
        severity: "error",
        unitId: "truongThon",
        rowNumber: 14,
        column: "el:coKeHoachLongGhep",
        message: `Cột "Đã có kế hoạch lồng ghép (Có/Không)": "${"có rồi nhưng chưa ký ".repeat(2)}" không phải Có hoặc Không. Hãy chọn Có hoặc Không. ${"Rất dài ".repeat(60)}`,
      },
    ],
  });
const history = ["2023-04", "2023-05", "2023-06"].map(rollupOf);
const june = history[2]!;

/** Every cell's text with the width it has (merged cells span their columns). */
function cells(t: TableLayout): { text: string; width: number; bold: boolean; wrap: boolean }[] {
  const out: { text: string; width: number; bold: boolean; wrap: boolean }[] = [];
  t.values.forEach((row, r) => {
    const merge = t.merges.find((m) => r + 1 >= m.row && r + 1 < m.row + m.numRows);
    row.forEach((v, c) => {
      if (typeof v !== "string" || v === "") return;
      const span = merge && c + 1 === merge.column ? merge.numColumns : 1;
      const width = t.widths.slice(c, c + span).reduce((a, b) => a + b, 0);
      out.push({ text: v.replace(/^'/, ""), width, bold: t.bold[r]![c]!, wrap: t.wraps[r]![c]! });
    });
  });
  return out;
}

function checkFits(t: TableLayout): void {
  for (const cell of cells(t)) {
    const lines = wrapLines(cell.text, cell.width, cell.bold).length;
    expect(lines, cell.text).toBeLessThanOrEqual(MAX_LINES);
    // Wider than its column only when it wraps.
    if (!cell.wrap)
      expect(textWidth(cell.text, cell.bold) + PAD_PX, cell.text).toBeLessThanOrEqual(cell.width);
  }
}

describe("the rollup tab's layout", () => {
  const t = rollupTable(plan, june, history);

  it("fits the columns to their content, up to their ceilings", () => {
    // Mã: "CT2a" and the header, far below its ceiling; Chỉ tiêu: its longest label is cut at 230.
    expect(t.widths[0]).toBeLessThan(56);
    expect(t.widths[1]).toBe(230);
    expect(t.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(900);
  });

  it("merges the title across the table, freezes the bold header under it", () => {
    expect(t.values[0]![0]).toBe(
      "'TỔNG HỢP KẾT QUẢ – KẾ HOẠCH PHÒNG, CHỐNG MẠI DÂM NĂM 2023 TRÊN ĐỊA BÀN XÃ QUANG KHẢI",
    );
    expect(t.merges[0]).toEqual({ row: 1, column: 1, numRows: 2, numColumns: 8 });
    expect(t.frozenRows).toBe(3);
    expect(t.values[2]).toEqual([
      "'Mã",
      "'Chỉ tiêu",
      "'Mục tiêu",
      "'Tử số",
      "'Mẫu số",
      "'Tỉ lệ",
      "'Đánh giá",
      "'Tiến độ",
    ]);
    expect(t.bold[2]!.every(Boolean)).toBe(true);
    expect(t.bold[3]!.some(Boolean)).toBe(false);
  });

  it("writes figures as numbers with formats, statuses on their colours, in words", () => {
    const ct2c = t.values.find((r) => r[0] === "'CT2c")!;
    expect(ct2c.slice(3, 6)).toEqual([430, 1147, 430 / 1147]);
    expect(ct2c[6]).toBe("'Đạt mục tiêu năm");
    expect(ct2c[7]).toBe("'Đúng tiến độ (cần 10 % đến kỳ này)");
    const row = t.values.indexOf(ct2c) + 1;
    // Every indicator's percentage (rows 4 to 12) as a percent, its figures as whole numbers.
    expect(t.formats.slice(3, 12).map((r) => r[5])).toEqual(new Array(9).fill("0.0%"));
    expect(t.formats[row - 1]!.slice(3, 6)).toEqual(["#,##0", "#,##0", "0.0%"]);
    expect(t.formats[row - 1]![1]).toBeNull();
    expect(t.backgrounds[row - 1]![6]).toBe("#d9ead3");
  });

  it("keeps every cell to three lines at most, wraps what is wider than its column, cuts the rest into a note", () => {
    checkFits(t);
    const cut = t.values.findIndex((r) => String(r[1]).startsWith("'Trưởng thôn, dòng 14"));
    expect(String(t.values[cut]![1])).toMatch(/…$/);
    expect(t.notes[cut]![1]).toMatch(/^Trưởng thôn, dòng 14: Cột "Đã có kế hoạch lồng ghép.*Rất dài $/);
    // A merged row that wraps gets its height; Sheets does not fit merged cells by itself.
    expect(t.heights.find((h) => h.row === cut + 1)).toEqual({ row: cut + 1, numRows: 1, height: 53 });
  });
});

describe("the read-only copy's layout", () => {
  const tabs = copyTabs(plan, june, history, {
    refreshedAt: "2023-06-15T07:00:00+07:00",
    sourceName: "Kế hoạch PCMD 2023",
    sourceUrl: "https://docs.google.com/spreadsheets/d/abc/edit",
  });

  it("lays out every tab within three lines a cell, headers frozen", () => {
    expect(tabs.map((x) => x.name)).toEqual(["Tổng hợp", "Theo tháng", ...plan.units.map((u) => u.tabName)]);
    for (const tab of tabs) {
      checkFits(tab.layout);
      expect(tab.layout.frozenRows).toBeGreaterThan(0);
    }
    const police = tabs.find((x) => x.name === "Công an xã")!.layout;
    expect(police.values[1]).toEqual([
      "'Chỉ số",
      "'Đơn vị tính",
      "'tháng 4/2023",
      "'tháng 5/2023",
      "'tháng 6/2023",
      "'Luỹ kế",
    ]);
    expect(police.formats[2]!.slice(0, 3)).toEqual([null, null, "#,##0"]);
  });
});

describe("logs", () => {
  it("cuts a long result to three lines at its column's width and keeps the whole text in the note", () => {
    const long = `Gửi thất bại (${"Service invoked too many times for one day: email. ".repeat(8)}); không thư nào được gửi.`;
    const { values, notes } = logRow(SEND_LOG_LAYOUT, [
      new Date(0),
      "2023-06",
      "Báo cáo tháng",
      "a@b.example",
      long,
    ]);
    expect(values[1]).toBe("2023-06");
    expect(String(values[4]).endsWith("…")).toBe(true);
    expect(wrapLines(String(values[4]).slice(1), SEND_LOG_LAYOUT.widths[4]!).length).toBe(3);
    expect(notes).toEqual(["", "", "", "", long]);
  });
});

describe("text measure and fitting", () => {
  it("wraps at spaces, breaks a word wider than the line, and cuts with an ellipsis", () => {
    expect(wrapLines("Chưa đạt mục tiêu năm", 90)).toEqual(["Chưa đạt", "mục tiêu năm"]);
    expect(wrapLines("Chưa đạt mục tiêu năm", 150)).toEqual(["Chưa đạt mục tiêu năm"]);
    expect(wrapLines("a".repeat(40), 60).length).toBeGreaterThan(1);
    const fitted = fitText("một hai ba bốn năm sáu bảy tám chín mười ".repeat(5), 100, false, 2);
    expect(wrapLines(fitted, 100).length).toBe(2);
    expect(fitted.endsWith("…")).toBe(true);
  });

  it("cuts a pasted text of 200,000 characters without a space, reading only what fits", () => {
    // The edit trigger logs what was typed: a huge cell must cost its first lines, not its square.
    const fitted = fitText("x".repeat(200_000), 240);
    expect(fitted.endsWith("…")).toBe(true);
    expect(wrapLines(fitted, 240)).toHaveLength(MAX_LINES);
    expect(fitted.length).toBeLessThan(200);
  });

  it("builds merges and heights in blocks, not cell by cell, and formats as one grid", () => {
    const t = new TableBuilder([60, 60, 60])
      .line("Một tiêu đề khá dài, phải xuống dòng trong hai cột", { bold: true })
      .item("một")
      .item("hai")
      .row([1, 0.5], { formats: ["#,##0", "0.0%"] })
      .row([2, 0.25], { formats: ["#,##0", "0.0%"] })
      .build();
    expect(t.merges).toEqual([
      { row: 1, column: 1, numRows: 1, numColumns: 3 },
      { row: 2, column: 2, numRows: 2, numColumns: 2 },
    ]);
    expect(t.formats).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
      ["#,##0", "0.0%", null],
      ["#,##0", "0.0%", null],
    ]);
    // The merged title wraps in the columns' width: its row is as tall as its lines.
    const lines = wrapLines(
      String(t.values[0]![0]).slice(1),
      t.widths.reduce((a, b) => a + b),
      true,
    ).length;
    expect(lines).toBeGreaterThan(1);
    expect(t.heights).toEqual([{ row: 1, numRows: 1, height: ROW_PX + (lines - 1) * LINE_PX }]);
  });
});

describe("unit tabs", () => {
  it("give each column a header of at most three lines, widening only the columns whose label needs it", () => {
    let widened = 0;
    for (const unit of plan.units) {
      for (const c of unitColumns(plan, unit)) {
        expect(wrapLines(c.header, c.width, true).length, `${unit.tabName}: ${c.header}`).toBeLessThanOrEqual(
          MAX_LINES,
        );
        // At 20 px narrower it would take a fourth line, or it is the column's own width.
        if (wrapLines(c.header, c.width - 20, true).length > MAX_LINES) widened++;
      }
    }
    // "Lượt khám sức khoẻ định kỳ nhân viên cơ sở (lượt)" and its like.
    expect(widened).toBeGreaterThan(0);
    const date = unitColumns(plan, plan.units[0]!).find((c) => c.key === "date")!;
    expect(date.width).toBe(95);
  });
});
