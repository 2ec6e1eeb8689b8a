import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan, Rollup } from "../../src/core";
import { unitColumns } from "../../src/core";
import { LISTS_TAB, pixelsToWidth, TEMPLATE_ROWS } from "../../src/local/xlsx/template";
import { cli, plan, sha256, type TempDir, task, tempDir } from "./helpers";

let tmp: TempDir;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  tmp = tempDir();
  const run = await cli(["template", "mau.xlsx"], tmp.dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(tmp.path("mau.xlsx")) as never);
});
afterAll(() => tmp.remove());

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error("no tab " + name);
  return ws;
}

/** The cells a range like "'Danh mục'!$A$2:$A$8" points at. */
function listCells(formula: string): string[] {
  const m = /^'(.+)'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula);
  if (!m) throw new Error("not a range: " + formula);
  const ws = sheet(m[1]!.replace(/''/g, "'"));
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[4]); r++) out.push(String(ws.getCell(`${m[2]}${r}`).value));
  return out;
}

describe("template: laid out as the add-in's setup lays out the Google Sheet", () => {
  it("read back by check, it reports no problem", async () => {
    const run = await cli(["check", "mau.xlsx"], tmp.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đã kiểm tra 0 dòng có dữ liệu ở 11/11 trang: không có vấn đề nào.");
  });

  it("has one tab per unit in the plan's order, then the hidden lists tab and the plan's tab", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      ...plan.units.map((u) => u.tabName),
      LISTS_TAB,
      "Kế hoạch",
    ]);
    expect(wb.worksheets.map((w) => w.state)).toEqual([
      ...plan.units.map(() => "visible"),
      "hidden",
      "visible",
    ]);
  });

  it("writes each unit's headers in the plan's column order, bold and shaded, with the help text as a note", () => {
    for (const unit of plan.units) {
      const ws = sheet(unit.tabName);
      const columns = unitColumns(plan, unit);
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.header));
      columns.forEach((c, i) => {
        const head = ws.getCell(1, i + 1);
        expect(head.font?.bold).toBe(true);
        expect(head.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } });
        expect(head.note).toBe(c.helpText);
        expect(ws.getColumn(i + 1).width).toBe(pixelsToWidth(c.width));
      });
    }
  });

  it("freezes the header row", () => {
    for (const unit of plan.units)
      expect(sheet(unit.tabName).views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("formats dates dd/mm/yyyy, counts and money #,##0 and free text as text, down to row 1000", () => {
    const ws = sheet("Công an xã");
    const col = (header: string) =>
      unitColumns(plan, plan.units[0]!).findIndex((c) => c.header === header) + 1;
    for (const row of [2, 500, TEMPLATE_ROWS]) {
      expect(ws.getCell(row, col("Ngày")).numFmt).toBe("dd/mm/yyyy");
      expect(ws.getCell(row, col("Tin được xử lý kịp thời (tin)")).numFmt).toBe("#,##0");
      expect(ws.getCell(row, col("Nội dung")).numFmt).toBe("@");
    }
    const money = sheet("Tài chính");
    const moneyCol = unitColumns(plan, plan.units[3]!).findIndex((c) => c.kind === "money") + 1;
    expect(money.getCell(2, moneyCol).numFmt).toBe("#,##0");
  });

  it("puts dropdowns and number rules on every data row, warning but never refusing (Sheets' allowInvalid)", () => {
    const ws = sheet("Công an xã");
    const task = ws.getCell("B2").dataValidation;
    expect(task.type).toBe("list");
    // Tasks have commas, so the list lives in the hidden tab and the dropdown points at it.
    expect(listCells(task.formulae[0] as string)).toEqual(plan.units[0]!.tasks);
    expect(listCells(ws.getCell(`C${TEMPLATE_ROWS}`).dataValidation.formulae[0] as string)).toEqual(
      plan.forms,
    );
    expect(ws.getCell("D2").dataValidation).toMatchObject({ type: "list", formulae: ['"Có,Không"'] });
    expect(ws.getCell("E2").dataValidation).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });
    expect(ws.getCell("A2").dataValidation.type).toBe("date");
    for (const cell of ["A2", "B2", "D2", "E2", `J${TEMPLATE_ROWS}`]) {
      const dv = ws.getCell(cell).dataValidation;
      expect(dv.showErrorMessage).toBeFalsy();
      expect(dv.allowBlank).toBe(true);
      expect(dv.showInputMessage).toBe(true);
      expect((dv.prompt ?? "").length).toBeLessThanOrEqual(255);
    }
    expect(ws.getCell(`A${TEMPLATE_ROWS + 1}`).dataValidation).toBeUndefined();
    // Headers and free text carry no rule.
    expect(ws.getCell("A1").dataValidation).toBeUndefined();
    expect(ws.getCell("K2").dataValidation).toBeUndefined();
  });

  it("lists the schools and the villages in their tabs' sub-unit column", () => {
    const schools = sheet("Trường học").getCell("D2").dataValidation;
    expect(schools.formulae[0]).toBe(
      '"Trường Mầm non Quang Khải,Trường Tiểu học Quang Khải,Trường THCS Quang Khải"',
    );
    const villages = sheet("Trưởng thôn").getCell("D2").dataValidation;
    expect(villages.formulae[0]).toBe('"Thôn 1,Thôn 2,Thôn 3,Thôn 4,Thôn 5,Thôn 6"');
  });

  it("filled in by someone in a spreadsheet program, it rolls up like any workbook", async () => {
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.load(readFileSync(tmp.path("mau.xlsx")) as never);
    const ws = filled.getWorksheet("Công an xã")!;
    ws.getCell("A2").value = new Date(Date.UTC(2023, 4, 20));
    ws.getCell("B2").value = task("congAnXa", 2);
    ws.getCell("F2").value = 90;
    ws.getCell("G2").value = 30;
    writeFileSync(tmp.path("da-nhap.xlsx"), new Uint8Array((await filled.xlsx.writeBuffer()) as ArrayBuffer));
    const run = await cli(["rollup", "da-nhap.xlsx", "--month", "2023-06", "--json"], tmp.dir);
    const r = JSON.parse(run.stdout) as Rollup;
    // CT2a: 30 reached ÷ 90 workers = 33,3 %.
    expect(r.indicators.find((i) => i.id === "CT2a")).toMatchObject({
      numerator: 30,
      denominator: 90,
      status: "Đạt",
    });
    expect(r.problems).toEqual([]);
  });

  it("never overwrites an existing file unless --force is given", async () => {
    const before = sha256(tmp.path("mau.xlsx"));
    writeFileSync(tmp.path("cua-toi.xlsx"), "dữ liệu của tôi");
    const refused = await cli(["template", "cua-toi.xlsx"], tmp.dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("đã có. Hãy chọn tên khác, hoặc thêm --force để ghi đè.");
    expect(readFileSync(tmp.path("cua-toi.xlsx"), "utf8")).toBe("dữ liệu của tôi");
    const forced = await cli(["template", "cua-toi.xlsx", "--force"], tmp.dir);
    expect(forced.code).toBe(0);
    expect((await cli(["check", "cua-toi.xlsx"], tmp.dir)).code).toBe(0);
    expect(sha256(tmp.path("mau.xlsx"))).toBe(before);
    const notXlsx = await cli(["template", "mau.csv"], tmp.dir);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toContain("phải có đuôi .xlsx");
  });

  it("follows a plan given with --plan (another commune, renamed tabs)", async () => {
    const other: Plan = structuredClone(plan);
    other.id = "tan-ky-2024";
    other.year = 2024;
    other.startDate = "2024-01-02";
    other.document.date = "2024-01-02";
    other.commune.name = "Tân Kỳ";
    other.units[0]!.tabName = "CA xã Tân Kỳ";
    writeFileSync(tmp.path("tan-ky.json"), JSON.stringify(other));
    const run = await cli(["template", "tan-ky.xlsx", "--plan", "tan-ky.json"], tmp.dir);
    expect(run.code).toBe(0);
    const t = new ExcelJS.Workbook();
    await t.xlsx.load(readFileSync(tmp.path("tan-ky.xlsx")) as never);
    expect(t.worksheets[0]?.name).toBe("CA xã Tân Kỳ");
    const check = await cli(["check", "tan-ky.xlsx", "--plan", "tan-ky.json"], tmp.dir);
    expect(check.code).toBe(0);
    // Without --plan, the file's own "Kế hoạch" tab is the plan: the template carries it.
    const own = await cli(["check", "tan-ky.xlsx"], tmp.dir);
    expect(own.code).toBe(0);
    expect(own.stderr).toContain('Dùng kế hoạch trong trang "Kế hoạch" của tệp: ');
    // The same file against the default plan lacks the police tab that plan expects.
    writeFileSync(tmp.path("mac-dinh.json"), JSON.stringify(plan));
    const mismatch = await cli(["check", "tan-ky.xlsx", "--plan", "mac-dinh.json"], tmp.dir);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stdout).toContain('Không tìm thấy trang "Công an xã"');
  });
});
