import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cell";
import { matchHeaders, unitColumns } from "../../src/core/columns";
import type { Unit } from "../../src/core/plan";
import type { Entry } from "../../src/core/validate";
import { checkRules } from "../../src/core/rules";
import { monthFirstIssue, readUnitTab, validateEntry } from "../../src/core/validate";
import { quangKhai2023 as plan } from "../../src/plans/quang-khai-2023";

function unit(id: string): Unit {
  const u = plan.units.find((x) => x.id === id);
  if (!u) throw new Error("no unit " + id);
  return u;
}
const police = unit("congAnXa");
const schools = unit("truongHoc");
const ctx = { today: "2023-04-20" };

describe("unit columns", () => {
  it("come in a stable order with Vietnamese headers", () => {
    expect(unitColumns(plan, schools).map((c) => c.key)).toEqual([
      "date",
      "task",
      "form",
      "subUnit",
      "el:coKeHoachLongGhep",
      "el:hocSinh",
      "el:hocSinhTuyenTruyen",
      "content",
      "notes",
      "status",
      "enteredBy",
      "updatedAt",
    ]);
    const cols = unitColumns(plan, police);
    expect(cols.map((c) => c.header).slice(0, 3)).toEqual(["Ngày", "Nhiệm vụ", "Hình thức"]);
    expect(cols.find((c) => c.key === "subUnit")).toBeUndefined();
    expect(cols.filter((c) => c.scriptOwned).map((c) => c.header)).toEqual([
      "Trạng thái",
      "Người nhập",
      "Cập nhật lúc",
    ]);
    expect(cols.find((c) => c.key === "el:coKeHoachLongGhep")?.options).toEqual(["Có", "Không"]);
    for (const c of cols) expect(c.helpText.length).toBeGreaterThan(10);
  });

  it("are found by header text even when moved, retyped or mixed with extra columns", () => {
    const cols = unitColumns(plan, schools);
    const header: CellValue[] = [
      "Ghi chú",
      "ngay",
      "  NHIỆM VỤ * ",
      "Cột riêng của trường",
      "Tru\u031bo\u031b\u0300ng", // "Trường" typed decomposed (u + horn, o + horn + grave)
      "Học sinh được tuyên truyền",
      "Tổng số học sinh (người)",
    ];
    const m = matchHeaders(cols, header);
    expect(m.indexByKey.date).toBe(1);
    expect(m.indexByKey.task).toBe(2);
    expect(m.indexByKey.notes).toBe(0);
    expect(m.indexByKey.subUnit).toBe(4);
    expect(m.indexByKey["el:hocSinhTuyenTruyen"]).toBe(5);
    expect(m.indexByKey["el:hocSinh"]).toBe(6);
    expect(m.unknown.map((u) => u.text)).toContain("Cột riêng của trường");
    expect(m.missing.map((c) => c.key)).toContain("form");
    expect(m.missing.map((c) => c.key)).not.toContain("date");
  });
});

describe("validateEntry", () => {
  it("accepts a realistic row and returns it in canonical form", () => {
    const r = validateEntry(
      plan,
      schools,
      {
        date: "05/04/2023",
        task: "tuyen truyen, giao duc phong, chong mai dam cho hoc sinh",
        form: "tuyên truyền trực tiếp",
        subUnit: "Trường THCS Quang Khải",
        "el:hocSinhTuyenTruyen": "1.234",
        "el:coKeHoachLongGhep": "co",
        content: "  Lồng ghép vào tiết sinh hoạt lớp  ",
        notes: "",
      },
      ctx,
    );
    expect(r.issues).toEqual([]);
    expect(r.entry).toEqual({
      unitId: "truongHoc",
      date: "2023-04-05",
      task: "Tuyên truyền, giáo dục phòng, chống mại dâm cho học sinh",
      form: "Tuyên truyền trực tiếp",
      subUnit: "thcs",
      values: { hocSinhTuyenTruyen: 1234, coKeHoachLongGhep: true },
      content: "Lồng ghép vào tiết sinh hoạt lớp",
      notes: "",
    });
  });

  it("lists every error with its column, and gives no entry", () => {
    const r = validateEntry(plan, schools, { date: "05/05/2023", task: "Họp", "el:hocSinh": "12,5" }, ctx);
    expect(r.entry).toBeNull();
    expect(r.issues.map((i) => [i.severity, i.column])).toEqual([
      ["error", "date"],
      ["error", "task"],
      ["error", "subUnit"],
      ["error", "el:hocSinh"],
    ]);
    expect(r.issues[0]?.message).toBe(
      'Cột "Ngày": ngày 05/05/2023 chưa đến (hôm nay là 20/04/2023). Hãy nhập ngày đã thực hiện.',
    );
    expect(r.issues[3]?.message).toBe(
      'Cột "Tổng số học sinh (người)": "12,5" không phải số nguyên. Hãy nhập số nguyên không âm, ví dụ 1.234.',
    );
  });

  it("requires date and task", () => {
    const r = validateEntry(plan, police, { content: "Kiểm tra quán karaoke" }, ctx);
    expect(r.entry).toBeNull();
    expect(r.issues.map((i) => i.column)).toEqual(["date", "task"]);
    expect(r.issues[0]?.message).toMatch(/^Cột "Ngày" chưa nhập\./);
  });

  it("keeps dates inside the plan: from its start to the year's cut-off", () => {
    const before = validateEntry(
      plan,
      police,
      { date: "10/03/2023", task: police.tasks[0] },
      { today: "2023-12-31" },
    );
    expect(before.issues[0]?.message).toBe(
      'Cột "Ngày": ngày 10/03/2023 trước ngày bắt đầu kế hoạch. Hãy nhập ngày từ 15/03/2023 đến 14/12/2023.',
    );
    const after = validateEntry(
      plan,
      police,
      { date: "20/12/2023", task: police.tasks[0] },
      { today: "2023-12-31" },
    );
    expect(after.issues[0]?.message).toContain("sau ngày cuối của kế hoạch năm 2023");
    // Under calendar months the year runs to 31/12.
    const cal = validateEntry(
      plan,
      police,
      { date: "20/12/2023", task: police.tasks[0] },
      { today: "2023-12-31", rule: "calendar" },
    );
    expect(cal.issues).toEqual([]);
  });

  it("warns about personal data in free text without changing it", () => {
    const text = "Tiếp nhận tin báo qua số 0912 345 678, CCCD 030201004567";
    const r = validateEntry(plan, police, { date: "2023-04-10", task: police.tasks[5], content: text }, ctx);
    expect(r.entry?.content).toBe(text);
    expect(r.issues.map((i) => [i.severity, i.column])).toEqual([
      ["warning", "content"],
      ["warning", "content"],
    ]);
    expect(r.issues[0]?.message).toContain("số điện thoại");
    expect(r.issues[1]?.message).toContain("số CMND/CCCD");
    // The warning does not repeat the number in full.
    expect(r.issues.map((i) => i.message).join(" ")).not.toContain("345 678");
  });
});

describe("readUnitTab", () => {
  const header = unitColumns(plan, police).map((c) => c.header);
  const col = (h: string) => header.indexOf(h);
  function row(cells: Record<string, CellValue>): CellValue[] {
    const r: CellValue[] = header.map(() => "");
    for (const [h, v] of Object.entries(cells)) r[col(h)] = v;
    return r;
  }

  it("reads rows by header, skips blank rows, ignores script columns, numbers rows as the sheet does", () => {
    const values: CellValue[][] = [
      header,
      row({
        Ngày: new Date("2023-04-03T00:00:00+07:00"),
        "Nhiệm vụ": police.tasks[4]!,
        "Trạng thái": "⚠ cũ",
      }),
      row({}),
      row({ "Trạng thái": "✓", "Người nhập": "a@b.vn" }),
      row({ Ngày: "31/04/2023", "Nhiệm vụ": police.tasks[4]! }),
    ];
    const r = readUnitTab(plan, police, values, ctx);
    expect(r.headerIssues).toEqual([]);
    expect(r.rows.map((x) => [x.rowNumber, x.blank, x.entry !== null])).toEqual([
      [2, false, true],
      [3, true, false],
      [4, true, false],
      [5, false, false],
    ]);
    expect(r.rows[0]?.entry?.date).toBe("2023-04-03");
    expect(r.rows[3]?.issues[0]?.message).toContain('"31/04/2023" không có trong lịch');
  });

  it("reports a missing required column in the header", () => {
    const values: CellValue[][] = [header.filter((h) => h !== "Nhiệm vụ"), ["03/04/2023"]];
    const r = readUnitTab(plan, police, values, ctx);
    expect(r.headerIssues.filter((i) => i.severity === "error").map((i) => i.column)).toEqual(["task"]);
    expect(r.headerIssues[0]?.message).toContain('Không tìm thấy cột "Nhiệm vụ"');
  });

  it("copes with an empty tab and ragged rows", () => {
    expect(readUnitTab(plan, police, [], ctx).rows).toEqual([]);
    const r = readUnitTab(plan, police, [header, ["03/04/2023"]], ctx);
    expect(r.rows[0]?.issues.map((i) => i.column)).toEqual(["task"]);
  });
});

describe("checkRules over a unit's totals", () => {
  const e = (date: string, values: Entry["values"]): Entry => ({
    unitId: "congAnXa",
    date,
    task: police.tasks[5]!,
    form: null,
    subUnit: null,
    values,
    content: "",
    notes: "",
  });

  it("flags more reports handled than received, with the figures", () => {
    const issues = checkRules(plan, "congAnXa", [
      e("2023-04-01", { tinTiepNhan: 2, tinXuLyKipThoi: 1 }),
      e("2023-04-10", { tinXuLyKipThoi: 2 }),
    ]);
    expect(issues).toEqual([
      {
        severity: "error",
        column: "el:tinXuLyKipThoi",
        message:
          "Số tin xử lý kịp thời không được lớn hơn số tin tiếp nhận (Tin được xử lý kịp thời: 3; Tin tố giác, tin báo, khiếu nại tiếp nhận: 2).",
      },
    ]);
  });

  it("compares a flow with the latest stock at the range's end", () => {
    const entries = [
      e("2023-03-20", { laoDongCoSo: 80 }),
      e("2023-04-01", { laoDongCoSoTuyenTruyen: 85 }),
      e("2023-04-05", { laoDongCoSo: 90 }),
    ];
    expect(checkRules(plan, "congAnXa", entries, { start: "2023-03-15", end: "2023-04-14" })).toEqual([]);
    const early = checkRules(plan, "congAnXa", entries, { start: "2023-03-15", end: "2023-04-02" });
    expect(early.map((i) => [i.severity, i.column])).toEqual([["warning", "el:laoDongCoSoTuyenTruyen"]]);
  });

  it("says nothing while a side has no figure, or for another unit", () => {
    expect(checkRules(plan, "congAnXa", [e("2023-04-01", { tinXuLyKipThoi: 3 })])).toEqual([]);
    expect(checkRules(plan, "tuPhap", [e("2023-04-01", { tinTiepNhan: 0, tinXuLyKipThoi: 3 })])).toEqual([]);
    expect(checkRules(plan, "khongCo", [])).toEqual([]);
  });
});

describe("a date the spreadsheet's locale may have read month first", () => {
  // Midnight in Vietnam, as Sheets holds a typed date in a spreadsheet at Asia/Ho_Chi_Minh.
  const day = (iso: string) => new Date(`${iso}T00:00:00+07:00`);
  it("warns in en_US on a date whose day could be its month, with what was typed and what to type", () => {
    const issue = monthFirstIssue(day("2023-05-04"), "en_US");
    expect(issue).toMatchObject({ severity: "warning", column: "date" });
    expect(issue!.message).toContain("ngày gõ 05/04/2023 có thể đã bị đọc thành ngày 4 tháng 5 năm 2023");
    expect(issue!.message).toContain("Nếu ý bạn là ngày 5 tháng 4");
    expect(issue!.message).toContain("gõ ngày dạng 2023-04-05.");
    expect(monthFirstIssue(day("2023-12-01"), "en_GB")!.message).toContain("ngày gõ 12/01/2023");
  });
  it("says nothing in vi_VN, for a day over 12 or the same as its month, or for a date left as text", () => {
    expect(monthFirstIssue(day("2023-05-04"), "vi_VN")).toBeNull();
    expect(monthFirstIssue(day("2023-04-13"), "en_US")).toBeNull();
    expect(monthFirstIssue(day("2023-04-04"), "en_US")).toBeNull();
    expect(monthFirstIssue("05/04/2023", "en_US")).toBeNull();
    expect(monthFirstIssue(day("2023-05-04"), "")).toBeNull();
  });
});
