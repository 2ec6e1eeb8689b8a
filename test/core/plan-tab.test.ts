import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cell";
import type { Plan } from "../../src/core/plan";
import { validatePlan } from "../../src/core/plan-schema";
import { planToTabCells } from "../../src/core/plan-tab";
import { cellName, planFromTabCells } from "../../src/core/plan-tab-read";
import { quangKhai2023 } from "../../src/plans/quang-khai-2023";

type Grid = CellValue[][];

function tab(plan: Plan = quangKhai2023): Grid {
  return planToTabCells(plan).values.map((r) => [...r]);
}

/** The 0-based row whose cell in `col` holds `text` (after `from`). */
function rowOf(grid: Grid, text: string, col = 0, from = 0): number {
  const r = grid.findIndex((row, i) => i >= from && row[col] === text);
  if (r < 0) throw new Error(`no row with "${text}" in column ${col}`);
  return r;
}

function errorsOf(grid: Grid): string[] {
  const r = planFromTabCells(grid);
  if (r.ok) throw new Error("expected the tab to be refused");
  return r.errors;
}

describe("the plan tab", () => {
  it("round-trips the bundled 2023 plan: plan → tab → plan → JSON → plan → tab, unchanged", () => {
    const first = planToTabCells(quangKhai2023);
    const read = planFromTabCells(first.values);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    expect(read.plan).toStrictEqual(JSON.parse(JSON.stringify(quangKhai2023)));
    const json = JSON.stringify(read.plan, null, 2);
    const again = validatePlan(JSON.parse(json));
    if (!again.ok) throw new Error(again.errors.join("\n"));
    expect(planToTabCells(again.plan)).toStrictEqual(first);
  });

  it("is plain tables: a title, a header, one row per item, for each of the nine sections", () => {
    const cells = planToTabCells(quangKhai2023);
    const titles = cells.titleRows.map((r) => cells.values[r]![0]);
    expect(titles).toEqual([
      "THÔNG TIN CHUNG",
      "ĐƠN VỊ THỰC HIỆN",
      "NHIỆM VỤ",
      "ĐƠN VỊ CON",
      "CỘT SỐ LIỆU",
      "CHỈ TIÊU",
      "QUY TẮC KIỂM TRA",
      "HÌNH THỨC",
      "NƠI NHẬN",
    ]);
    const grid = cells.values;
    const ct6 = grid[rowOf(grid, "CT6")]!;
    expect(ct6.slice(0, 11)).toEqual([
      "CT6",
      expect.stringContaining("(nếu có)"),
      "Người bán dâm được tiếp cận dịch vụ hỗ trợ",
      "tỉ lệ %",
      "nguoiDuocHoTro",
      "nguoiCanHoTro",
      "≥",
      60,
      "Không phát sinh",
      "Không",
      "II.2 gạch đầu dòng 6",
    ]);
    const ct3 = grid[rowOf(grid, "CT3")]!;
    expect(ct3.slice(4, 8)).toEqual([
      "số đơn vị Có: coKeHoachLongGhep",
      "số đơn vị: coKeHoachLongGhep",
      "=",
      100,
    ]);
    const ct1a = grid[rowOf(grid, "CT1a")]!;
    expect(ct1a.slice(3, 8)).toEqual(["số lần mỗi tháng", "tinBaiTruyenThanh", "", "≥", 1]);
    const police = grid[rowOf(grid, "coSoKinhDoanh")]!;
    expect(police.slice(3, 6)).toEqual(["số hiện có", "số nguyên", "congAnXa"]);
    // Every header cell carries what to type.
    for (const r of cells.headerRows) {
      grid[r]!.forEach((h, col) => {
        if (h !== "") expect(cells.notes[r]![col]).not.toBe("");
      });
    }
    expect(grid.every((r) => r.length === grid[0]!.length)).toBe(true);
  });

  it("reads the same plan when rows and columns are moved, blank rows and the office's own columns added", () => {
    const grid = tab();
    // The units' columns in another order, and a notes column of the office's own.
    const header = rowOf(grid, "ĐƠN VỊ THỰC HIỆN") + 1;
    const firstTask = rowOf(grid, "NHIỆM VỤ") - 1;
    for (let r = header; r < firstTask; r++) {
      const row = grid[r]!;
      [row[0], row[2]] = [row[2]!, row[0]!];
      row[9] = r === header ? "Ghi chú của văn phòng" : "xem lại";
    }
    // The recipients section moved above the general information, with a blank row inside.
    const start = rowOf(grid, "NƠI NHẬN");
    const block = grid.splice(start, grid.length - start);
    block.splice(3, 0, new Array(grid[0]!.length).fill(""));
    grid.splice(1, 0, ...block);
    // Typed loosely: case, no diacritics, spaces.
    grid[rowOf(grid, "CT2a")]![3] = "  TI LE %  ";
    grid[rowOf(grid, "coSoKinhDoanh")]![3] = "So hien co";
    const read = planFromTabCells(grid);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    expect(read.plan).toStrictEqual(JSON.parse(JSON.stringify(quangKhai2023)));
  });

  it("lists every problem at once, each with its cell and what to type", () => {
    const grid = tab();
    const set = (text: string, col: number, value: CellValue, from = 0) => {
      const r = rowOf(grid, text, 0, from);
      grid[r]![col] = value;
      return cellName(r, col);
    };
    const year = set("Năm", 1, "hai không hai ba");
    const date = set("Ngày ban hành", 1, "31/02/2023");
    const kind = set("laoDongCoSo", 3, "hàng tháng");
    const tabName = set("tuPhap", 2, "Tư pháp: hộ tịch");
    const unknownUnit = (() => {
      const r = rowOf(grid, "congAnXa", 0, rowOf(grid, "NHIỆM VỤ"));
      grid[r]![0] = "congAnHuyen";
      return cellName(r, 0);
    })();
    const term = set("CT4", 4, "tổng: canBoTapHuan");
    const element = set("CT5", 5, "tinNhan");
    const target = set("CT2b", 7, "ba mươi");
    const role = set("Công an huyện", 1, "Huyện");
    const dupId = set("tramYTe", 0, "congAnXa");
    const errors = errorsOf(grid);
    const about = (cell: string) => errors.filter((e) => e.startsWith(`Kế hoạch!${cell}: `));
    expect(about(year)).toEqual([
      `Kế hoạch!${year}: "hai không hai ba" không phải năm, hãy nhập năm, ví dụ 2024.`,
    ]);
    expect(about(date)[0]).toContain("không phải ngày, hãy nhập ngày/tháng/năm");
    expect(about(kind)[0]).toContain(
      '"hàng tháng" không dùng được ở cột Loại, hãy nhập một trong: "cộng dồn", "số hiện có"',
    );
    expect(about(tabName)[0]).toContain("không được chứa các ký tự");
    expect(about(unknownUnit)[0]).toContain('không có đơn vị mã "congAnHuyen"');
    expect(about(term)[0]).toContain('"tổng: canBoTapHuan" không hiểu được, hãy nhập mã một cột số liệu');
    expect(about(element)).toEqual([
      `Kế hoạch!${element}: Chỉ tiêu "CT5" nói đến chỉ số nhập "tinNhan" không có trong kế hoạch, hãy nhập mã một cột trong bảng CỘT SỐ LIỆU.`,
    ]);
    expect(about(target)[0]).toContain('"ba mươi" không phải số, hãy nhập một số, ví dụ 30.');
    expect(about(role)[0]).toContain('hãy nhập một trong: "Chủ tịch", "Cấp trên", "Nội bộ"');
    expect(about(dupId).join("\n")).toContain('Mã đơn vị "congAnXa" bị trùng');
    for (const e of errors) expect(e).toMatch(/^Kế hoạch![A-Z]+\d+: .*hãy .*\.$/);
    // In the tab's order, top to bottom.
    const rows = errors.map((e) => Number(/!\D+(\d+):/.exec(e)![1]));
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
  });

  it("keeps each column's maximum, and names a wrong one at its cell", () => {
    const grid = tab();
    const students = grid[rowOf(grid, "hocSinh")]!;
    expect(students.slice(7, 9)).toEqual([
      quangKhai2023.elements.find((e) => e.id === "hocSinh")!.max!.value,
      expect.stringContaining("học sinh"),
    ]);
    const count = rowOf(grid, "laoDongCoSo");
    grid[count]![7] = "nhiều";
    const yesNo = rowOf(grid, "coKeHoachLongGhep");
    grid[yesNo]![7] = 10;
    grid[yesNo]![8] = "mười đơn vị";
    const rows = [count, yesNo].sort((a, b) => a - b);
    expect(errorsOf(grid)).toEqual(
      rows.map((r) =>
        r === count
          ? `Kế hoạch!H${count + 1}: "nhiều" không phải số nguyên dương, hãy nhập mức tối đa, ví dụ 5000.`
          : `Kế hoạch!H${yesNo + 1}: Chỉ số nhập "coKeHoachLongGhep" là Có/Không nên không có mức tối đa (max), hãy để trống mức tối đa và lý do (cột Có/Không không có mức tối đa).`,
      ),
    );
  });

  it("names a missing section, a missing column and a missing line of the general information", () => {
    const grid = tab();
    grid.splice(rowOf(grid, "Người ký"), 1);
    const indicators = rowOf(grid, "CHỈ TIÊU");
    grid[indicators + 1]![7] = "Chỉ tiêu phấn đấu";
    grid[rowOf(grid, "THÔNG TIN CHUNG")]![0] = "THÔNG TIN";
    const errors = errorsOf(grid);
    // Said once, not once an indicator.
    expect(errors.filter((e) => /mục tiêu/i.test(e))).toEqual([
      `Kế hoạch!A${indicators + 2}: bảng "CHỈ TIÊU" thiếu cột "Mục tiêu", hãy thêm lại cột có đúng tiêu đề đó.`,
    ]);
    const errorsWithGeneral = errorsOf(tab().filter((r) => r[0] !== "Người ký"));
    expect(errorsWithGeneral).toEqual([
      expect.stringMatching(/^Kế hoạch!A3: bảng THÔNG TIN CHUNG thiếu dòng "Người ký", hãy thêm dòng/),
    ]);
    expect(errors).toContain(
      'Kế hoạch!A1: không thấy bảng "THÔNG TIN CHUNG", hãy thêm lại dòng tiêu đề "THÔNG TIN CHUNG" ở cột A và bảng bên dưới.',
    );
  });

  it("a unit whose tasks were all deleted is reported at its code", () => {
    const grid = tab();
    const tasksStart = rowOf(grid, "NHIỆM VỤ");
    for (let r = grid.length - 1; r > tasksStart; r--)
      if (grid[r]![0] === "tramYTe" && r < rowOf(grid, "ĐƠN VỊ CON")) grid.splice(r, 1);
    const unitRow = rowOf(grid, "tramYTe");
    expect(errorsOf(grid)).toEqual([
      `Kế hoạch!A${unitRow + 1}: mỗi đơn vị cần ít nhất một nhiệm vụ, hãy thêm nhiệm vụ cho đơn vị này ở bảng NHIỆM VỤ.`,
    ]);
  });

  it("reads what Google gives back: numbers as text, dates as Date values, Có/Không as a checkbox", () => {
    const grid = tab();
    grid[rowOf(grid, "Năm")]![1] = "2023";
    grid[rowOf(grid, "Ngày ban hành")]![1] = new Date("2023-03-15T00:00:00+07:00");
    grid[rowOf(grid, "CT2a")]![7] = "30 %";
    grid[rowOf(grid, "CT2a")]![9] = true;
    const read = planFromTabCells(grid);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    expect(read.plan.year).toBe(2023);
    expect(read.plan.document.date).toBe("2023-03-15");
    const ct2a = read.plan.indicators.find((i) => i.id === "CT2a");
    expect(ct2a?.kind === "percentage" && [ct2a.target.value, ct2a.prorate]).toEqual([30, true]);
  });

  it("marks the cells a draft leaves to the office, with the reason as their note", () => {
    const marks = new Map([["indicators.3.numerator.elementId", "Chọn cột số liệu đo chỉ tiêu này."]]);
    const cells = planToTabCells(quangKhai2023, marks);
    expect(cells.marked).toHaveLength(1);
    const { row: r, col } = cells.marked[0]!;
    expect(cells.values[r]![0]).toBe("CT2b");
    expect(cells.values[r]![col]).toBe("laoDongCongTyTuyenTruyen");
    expect(cells.notes[r]![col]).toBe("Chọn cột số liệu đo chỉ tiêu này.");
  });
});
