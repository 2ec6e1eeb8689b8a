/**
 * What people do to sheets: each case writes the same police entries in a changed workbook and expects
 * the same figures as the tidy one, plus problems placed at the right cells.
 *
 * The tidy data (Công an xã): 20/03 Có, 1.500 workers, 12 reached, 1 report received and handled;
 * 28/04 10 reached, 2 received, 1 handled; 20/05 8 reached. For tháng 6/2023:
 * CT2a = (12 + 10 + 8) ÷ 1.500 = 30 ÷ 1.500 = 2 %; CT5 = (1 + 1) ÷ (1 + 2) = 2 ÷ 3; CT3 = 1 ÷ 11.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue, Rollup } from "../../src/core";
import type { TabValues } from "../../src/local/xlsx/write";
import { workbookBytes } from "../../src/local/xlsx/write";
import {
  cli,
  POLICE_ROWS,
  headerOf,
  rowOf,
  sha256,
  type TempDir,
  tabOf,
  task,
  tempDir,
  vn,
  writeWorkbook,
} from "./helpers";

const NOW = new Date("2023-06-25T10:00:00+07:00");

/** The other tabs, present and empty, so only the police tab changes between cases. */
function otherTabs(except: string[] = []): TabValues[] {
  return [
    "vhxhLdtbxh",
    "tramYTe",
    "taiChinh",
    "vhxhVhtt",
    "truongHoc",
    "tuPhap",
    "daiTruyenThanh",
    "nganhKhac",
    "mttqDoanThe",
    "truongThon",
  ]
    .filter((id) => !except.includes(id))
    .map((id) => tabOf(id, []));
}

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

async function rollupOf(file: string): Promise<Rollup> {
  const run = await cli(["rollup", file, "--month", "2023-06", "--json"], tmp.dir, NOW);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Rollup;
}

function figures(r: Rollup): Record<string, [number | null, number | null]> {
  const out: Record<string, [number | null, number | null]> = {};
  for (const i of r.indicators) out[i.id] = [i.numerator, i.denominator];
  return out;
}

let tidy: Rollup;
beforeAll(async () => {
  await writeWorkbook(tmp.path("tidy.xlsx"), [tabOf("congAnXa", POLICE_ROWS), ...otherTabs()]);
  tidy = await rollupOf("tidy.xlsx");
});

/** Writes a police tab given as raw rows (header included) next to the other tabs. */
async function withPoliceTab(file: string, values: CellValue[][], merges?: string[]): Promise<void> {
  await writeWorkbook(tmp.path(file), [{ name: "Công an xã", values, merges }, ...otherTabs()]);
}

describe("the tidy workbook (reference for every case)", () => {
  it("gives CT2a 30 ÷ 1.500, CT5 2 ÷ 3, CT3 1 ÷ 11 and no problem", async () => {
    expect(figures(tidy)).toMatchObject({ CT2a: [30, 1500], CT5: [2, 3], CT3: [1, 11] });
    expect(tidy.problems).toEqual([]);
    const check = await cli(["check", "tidy.xlsx"], tmp.dir, NOW);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("Đã kiểm tra 3 dòng có dữ liệu ở 11/11 trang: không có vấn đề nào.");
  });
});

describe("robust to what people do to sheets", () => {
  it("extra columns: ignored (a warning names them), the figures are unchanged", async () => {
    const header = headerOf("congAnXa");
    // A "Cán bộ phụ trách" column inserted after the task, and a private tally at the end.
    const widen = (row: CellValue[], extra: CellValue, tail: CellValue) => [
      ...row.slice(0, 2),
      extra,
      ...row.slice(2),
      tail,
    ];
    await withPoliceTab("extra.xlsx", [
      widen(header, "Cán bộ phụ trách", "Số tự đếm"),
      ...POLICE_ROWS.map((r, i) => widen(rowOf("congAnXa", r), "Đ/c Hùng", 1000 + i)),
    ]);
    expect(figures(await rollupOf("extra.xlsx"))).toEqual(figures(tidy));
    const check = await cli(["check", "extra.xlsx"], tmp.dir, NOW);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(
      'Công an xã, ô C1: Cột C có tiêu đề "Cán bộ phụ trách" không thuộc kế hoạch',
    );
    expect(check.stdout).toContain('ô Q1: Cột Q có tiêu đề "Số tự đếm" không thuộc kế hoạch');
  });

  it("reordered columns: matched by header text (case and diacritics aside), the figures are unchanged", async () => {
    const header = headerOf("congAnXa");
    const order = header.map((_, i) => i).reverse();
    const reorder = (row: CellValue[]) => order.map((i) => row[i] ?? null);
    const shouted = reorder(header).map((h) => (h === "Nhiệm vụ" ? "NHIỆM VỤ *" : h === "Ngày" ? "ngay" : h));
    await withPoliceTab("reordered.xlsx", [
      shouted,
      ...POLICE_ROWS.map((r) => reorder(rowOf("congAnXa", r))),
    ]);
    expect(figures(await rollupOf("reordered.xlsx"))).toEqual(figures(tidy));
    // A mistake is still placed at its cell: the task is now in column N (15 columns reversed: B → N).
    await withPoliceTab("reordered-bad.xlsx", [
      shouted,
      reorder(rowOf("congAnXa", { ...POLICE_ROWS[0], task: "Việc khác" })),
    ]);
    const check = await cli(["check", "reordered-bad.xlsx"], tmp.dir, NOW);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /Lỗi\s+Công an xã, ô N2: Cột "Nhiệm vụ": "Việc khác" không có trong danh sách/,
    );
  });

  it("blank rows (empty, or only spaces) are skipped and row numbers stay the workbook's", async () => {
    const blank = headerOf("congAnXa").map(() => null);
    const spaces = headerOf("congAnXa").map((_, i) => (i % 2 ? "  " : null));
    const rows = POLICE_ROWS.map((r) => rowOf("congAnXa", r));
    await withPoliceTab("blank-rows.xlsx", [
      headerOf("congAnXa"),
      blank,
      rows[0]!,
      spaces,
      blank,
      rows[1]!,
      rows[2]!,
      blank,
      rowOf("congAnXa", { date: vn("2023-05-21"), task: task("congAnXa"), laoDongCoSoTuyenTruyen: -3 }),
    ]);
    const r = await rollupOf("blank-rows.xlsx");
    expect(figures(r)).toEqual(figures(tidy));
    expect(r.problems.map((p) => [p.rowNumber, p.column])).toEqual([[9, "el:laoDongCoSoTuyenTruyen"]]);
    const check = await cli(["check", "blank-rows.xlsx"], tmp.dir, NOW);
    expect(check.stdout).toContain("Đã kiểm tra 4 dòng có dữ liệu");
    expect(check.stdout).toMatch(/Lỗi\s+Công an xã, ô G9: .*"-3" là số âm/);
  });

  it("dates stored as text (dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd) or as serial numbers read as the same days", async () => {
    const asText = ["20/03/2023", "28/4/2023", "2023-05-20"];
    await withPoliceTab("text-dates.xlsx", [
      headerOf("congAnXa"),
      ...POLICE_ROWS.map((r, i) => rowOf("congAnXa", { ...r, date: asText[i] })),
    ]);
    expect(figures(await rollupOf("text-dates.xlsx"))).toEqual(figures(tidy));
    // Serial days since 30/12/1899, as a date typed into a cell formatted as a plain number: 45005 = 20/03/2023.
    const serials = [45005, 45044, 45066];
    await withPoliceTab("serial-dates.xlsx", [
      headerOf("congAnXa"),
      ...POLICE_ROWS.map((r, i) => rowOf("congAnXa", { ...r, date: serials[i] })),
    ]);
    const serial = await rollupOf("serial-dates.xlsx");
    expect(figures(serial)).toEqual(figures(tidy));
    expect(serial.units[0]?.lastEntryDate).toBe("2023-05-20");
  });

  it("date cells are Vietnamese days whatever the boundary: 14/06 counts in tháng 6, 15/06 in tháng 7", async () => {
    await withPoliceTab("boundary.xlsx", [
      headerOf("congAnXa"),
      rowOf("congAnXa", { date: vn("2023-06-14"), task: task("congAnXa"), luotKiemTra: 1 }),
      rowOf("congAnXa", { date: vn("2023-06-15"), task: task("congAnXa"), luotKiemTra: 5 }),
    ]);
    const r = await rollupOf("boundary.xlsx");
    const police = r.units.find((u) => u.unitId === "congAnXa")!;
    expect(police.entryCount).toBe(1);
    expect(police.totals.find((t) => t.elementId === "luotKiemTra")?.period).toBe(1);
  });

  it("numbers stored as text, Vietnamese style (1.500, 1 500, spaces), read as numbers; 12,5 is refused at its cell", async () => {
    await withPoliceTab("text-numbers.xlsx", [
      headerOf("congAnXa"),
      rowOf("congAnXa", {
        ...POLICE_ROWS[0],
        laoDongCoSo: "1.500",
        laoDongCoSoTuyenTruyen: " 12 ",
        tinTiepNhan: "1",
        tinXuLyKipThoi: "1",
      }),
      rowOf("congAnXa", {
        ...POLICE_ROWS[1],
        laoDongCoSoTuyenTruyen: "10",
        tinTiepNhan: "2",
        tinXuLyKipThoi: "1",
      }),
      rowOf("congAnXa", { ...POLICE_ROWS[2], laoDongCoSoTuyenTruyen: "8" }),
    ]);
    expect(figures(await rollupOf("text-numbers.xlsx"))).toEqual(figures(tidy));
    await withPoliceTab("decimal.xlsx", [
      headerOf("congAnXa"),
      rowOf("congAnXa", { ...POLICE_ROWS[0], laoDongCoSo: "1 500" }),
      rowOf("congAnXa", { ...POLICE_ROWS[1], laoDongCoSoTuyenTruyen: "12,5" }),
    ]);
    const check = await cli(["check", "decimal.xlsx"], tmp.dir, NOW);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/Lỗi\s+Công an xã, ô G3: .*"12,5" không phải số nguyên/);
    expect(check.stdout).not.toContain("ô F2");
  });

  it("merged title cells above the header: the header row is found (row 4 here) and cells keep their addresses", async () => {
    const width = headerOf("congAnXa").length;
    const titleRow = (text: string): CellValue[] => [text, ...new Array(width - 1).fill(null)];
    const empty = new Array(width).fill(null);
    await withPoliceTab(
      "title.xlsx",
      [
        titleRow("CÔNG AN XÃ QUANG KHẢI"),
        titleRow("Số liệu phòng, chống mại dâm năm 2023 – Ngày cập nhật: 25/06/2023"),
        empty,
        headerOf("congAnXa"),
        ...POLICE_ROWS.map((r) => rowOf("congAnXa", r)),
        rowOf("congAnXa", { date: "31/02/2023", task: task("congAnXa") }),
      ],
      ["A1:O1", "A2:O2"],
    );
    const r = await rollupOf("title.xlsx");
    expect(figures(r)).toEqual(figures(tidy));
    expect(r.problems.map((p) => [p.unitId, p.rowNumber, p.column])).toEqual([["congAnXa", 8, "date"]]);
    const check = await cli(["check", "title.xlsx"], tmp.dir, NOW);
    expect(check.stdout).toMatch(/Lỗi\s+Công an xã, ô A8: Cột "Ngày": "31\/02\/2023" không có trong lịch/);
    expect(check.stdout).toContain("Đã kiểm tra 4 dòng có dữ liệu ở 11/11 trang");
  });

  it("a missing tab is reported and every other tab still processed", async () => {
    await writeWorkbook(tmp.path("missing-tab.xlsx"), [
      tabOf("congAnXa", [...POLICE_ROWS, { date: vn("2023-05-21"), task: "?" }]),
      ...otherTabs(["tramYTe"]),
    ]);
    const check = await cli(["check", "missing-tab.xlsx"], tmp.dir, NOW);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/Lỗi\s+Trạm Y tế: Không tìm thấy trang "Trạm Y tế" của Trạm Y tế\./);
    // The police tab is still checked: its bad row is reported.
    expect(check.stdout).toMatch(/Lỗi\s+Công an xã, ô B5: Cột "Nhiệm vụ"/);
    expect(check.stdout).toContain("Đã kiểm tra 4 dòng có dữ liệu ở 10/11 trang: 2 lỗi, 0 cảnh báo.");
    const r = await rollupOf("missing-tab.xlsx");
    expect(figures(r)).toEqual(figures(tidy));
    expect(r.problems.filter((p) => p.kind === "header").map((p) => p.unitId)).toEqual(["tramYTe"]);
  });

  it("a tab renamed with other case or without diacritics is still found", async () => {
    await writeWorkbook(tmp.path("renamed.xlsx"), [
      { ...tabOf("congAnXa", POLICE_ROWS), name: "CONG AN XA" },
      ...otherTabs(),
    ]);
    expect(figures(await rollupOf("renamed.xlsx"))).toEqual(figures(tidy));
  });

  it("formulas count by their computed value, rich text and links by their text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Công an xã");
    ws.addRow(headerOf("congAnXa"));
    for (const r of POLICE_ROWS) ws.addRow(rowOf("congAnXa", r).map((v) => (v instanceof Date ? null : v)));
    // Dates as a formula's result and as rich text; a task as a link; a count as a formula.
    ws.getCell("A2").value = { formula: "DATE(2023,3,20)", result: new Date(Date.UTC(2023, 2, 20)) };
    ws.getCell("A3").value = { richText: [{ text: "28/04/" }, { text: "2023", font: { bold: true } }] };
    ws.getCell("A4").value = "20/05/2023";
    ws.getCell("B4").value = { text: task("congAnXa", 2), hyperlink: "https://example.com/ke-hoach" };
    ws.getCell("G2").value = { formula: "6*2", result: 12 };
    for (const t of otherTabs()) wb.addWorksheet(t.name).addRow(t.values[0]!);
    writeFileSync(tmp.path("formulas.xlsx"), await workbookBytes(wb));
    expect(figures(await rollupOf("formulas.xlsx"))).toEqual(figures(tidy));
  });
});

describe("files that are not a workbook: a clear message and exit code 2", () => {
  const cases: [string, () => void, string][] = [
    [
      "plain text named .xlsx",
      () => writeFileSync(tmp.path("text.xlsx"), "Ngày,Nhiệm vụ\n20/03/2023,x\n"),
      "không phải tệp .xlsx",
    ],
    [
      "an old .xls",
      () =>
        writeFileSync(
          tmp.path("old.xls"),
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        ),
      "tệp Excel cũ (.xls)",
    ],
    ["an empty file", () => writeFileSync(tmp.path("empty.xlsx"), ""), "rỗng"],
    ["a folder", () => mkdirSync(tmp.path("folder.xlsx"), { recursive: true }), "là một thư mục"],
    ["a missing file", () => undefined, 'Không tìm thấy tệp "'],
  ];
  const names = ["text.xlsx", "old.xls", "empty.xlsx", "folder.xlsx", "khong-co.xlsx"];
  cases.forEach(([what, make, message], i) => {
    it(`${what}`, async () => {
      make();
      for (const argv of [
        ["check", names[i]!],
        ["rollup", names[i]!, "--month", "2023-06"],
      ]) {
        const run = await cli(argv, tmp.dir, NOW);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        expect(run.stderr).toContain(message);
      }
    });
  });

  it("a damaged .xlsx (cut short)", async () => {
    const bytes = await workbookBytes(new ExcelJS.Workbook().addWorksheet("x").workbook);
    writeFileSync(tmp.path("cut.xlsx"), bytes.slice(0, Math.floor(bytes.length / 2)));
    const before = sha256(tmp.path("cut.xlsx"));
    const run = await cli(["check", "cut.xlsx"], tmp.dir, NOW);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bị hỏng hoặc không phải tệp .xlsx");
    expect(run.stderr).toContain("Tải xuống → Microsoft Excel (.xlsx)");
    expect(sha256(tmp.path("cut.xlsx"))).toBe(before);
  });
});
