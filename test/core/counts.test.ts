/**
 * Figures a column cannot hold: a phone number typed into a count column must be refused with a reason,
 * not read as 912,345,678 and added into the monthly total.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cell";
import { elementKey, unitColumns } from "../../src/core/columns";
import type { Entry } from "../../src/core/validate";
import { readUnitTab, validateEntry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

const ctx = { today: "2023-12-01" };
const unit = (id: string) => plan.units.find((u) => u.id === id)!;
const school = unit("truongHoc");
const finance = unit("taiChinh");
const base = { date: "05/04/2023", task: school.tasks[0], subUnit: "Trường THCS Quang Khải" };

function students(value: CellValue) {
  return validateEntry(plan, school, { ...base, [elementKey("hocSinh")]: value }, ctx);
}

describe("a figure above the column's maximum", () => {
  it("is refused, saying why and what to type instead", () => {
    const r = students(912345678);
    expect(r.entry).toBeNull();
    expect(r.issues).toEqual([
      {
        severity: "error",
        column: "el:hocSinh",
        message:
          'Cột "Tổng số học sinh (người)": 912.345.678 vượt mức tối đa 5.000 của cột này ' +
          "(số học sinh của một trường trên địa bàn xã). Có thể đây là số điện thoại, số giấy tờ hoặc gõ nhầm, " +
          "nên số này không được tính. Hãy nhập đúng số người, không quá 5.000.",
      },
    ]);
  });

  it.each<[string, CellValue]>([
    ["a mobile number as Sheets stores it", 912345678],
    ["a mobile number typed as text", "0912345678"],
    ["a CCCD typed as text", "030198001234"],
    ["a number grouped with dots", "912.345.678"],
    ["one more than the maximum", 5001],
  ])("%s is refused", (_, value) => {
    expect(students(value).issues.map((i) => [i.severity, i.message.slice(0, 50)])).toEqual([
      ["error", expect.stringContaining('Cột "Tổng số học sinh (người)": ')],
    ]);
    expect(students(value).issues[0]!.message).toContain("vượt mức tối đa 5.000");
  });

  it("the maximum itself and every real figure are accepted", () => {
    expect(students(5000).entry?.values).toEqual({ hocSinh: 5000 });
    expect(students("1.250").entry?.values).toEqual({ hocSinh: 1250 });
  });

  it("an amount is bounded in đồng, and 120.000.000 is an amount", () => {
    const money = (v: CellValue) =>
      validateEntry(
        plan,
        finance,
        { date: "05/04/2023", task: finance.tasks[0], [elementKey("kinhPhi")]: v },
        ctx,
      );
    expect(money("120.000.000").entry?.values).toEqual({ kinhPhi: 120_000_000 });
    expect(money("15.000.000 đồng").entry?.values).toEqual({ kinhPhi: 15_000_000 });
    const phone = money(912345678);
    expect(phone.entry).toBeNull();
    expect(phone.issues[0]!.message).toContain(
      "vượt mức tối đa 300.000.000 của cột này (kinh phí bố trí một lần cho công tác phòng, chống mại dâm của một xã)",
    );
    expect(phone.issues[0]!.message).toContain("Hãy nhập đúng số tiền (đồng), không quá 300.000.000.");
  });

  it("keeps the refused row out of the entries that the totals add up", () => {
    const header = unitColumns(plan, school).map((c) => c.header);
    const row = (v: CellValue) =>
      header.map((h) =>
        h === "Ngày"
          ? "05/04/2023"
          : h === "Nhiệm vụ"
            ? school.tasks[0]!
            : h === "Trường"
              ? "Trường THCS Quang Khải"
              : h === "Tổng số học sinh (người)"
                ? v
                : "",
      );
    const read = readUnitTab(plan, school, [header, row(650), row(912345678)], ctx);
    const entries = read.rows.map((r) => r.entry).filter((e): e is Entry => e !== null);
    expect(entries.map((e) => e.values)).toEqual([{ hocSinh: 650 }]);
    expect(read.rows[1]!.issues[0]!.message).toContain("912.345.678 vượt mức tối đa");
  });

  it("is said in the column's help, which the sheet shows as its note and the sidebar under the field", () => {
    const column = unitColumns(plan, school).find((c) => c.key === "el:hocSinh")!;
    expect(column.helpText).toContain("Nhập số nguyên không âm, ví dụ 25. Không quá 5.000.");
  });
});
