/**
 * The .xlsx reader on files written part by part: what spreadsheet programs write (shared and inline
 * strings, rich text, dates by style, the 1904 calendar, prefixed tags), what people leave in sheets
 * (formulas without results, far cells, merged dates, look-alike tabs, duplicated columns, huge headers)
 * and what attackers send (zip bombs, XXE, encrypted entries). Through the command, as people run it.
 *
 * The police data are POLICE_ROWS (helpers.ts): for tháng 6/2023, CT2a = 30 ÷ 1.500, CT5 = 2 ÷ 3.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue, Rollup } from "../../src/core";
import { openXlsx } from "../../src/local/xlsx/read";
import type { RawSheet, ZipPart } from "../../src/local/xlsx/raw";
import {
  DEFAULT_STYLES,
  rawWorkbookBytes,
  rawWorkbookParts,
  rowXml,
  xmlText,
  zipBytes,
} from "../../src/local/xlsx/raw";
import { MAX_COLUMNS } from "../../src/local/xlsx/sheet";
import { cli, headerOf, POLICE_ROWS, rowOf, type TempDir, task, tempDir, vn } from "./helpers";

const NOW = new Date("2023-06-25T10:00:00+07:00");
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Days since 30/12/1899 of a Vietnamese date, as a spreadsheet stores it. */
function serial(d: Date): number {
  return Math.round((d.getTime() + 7 * 3600_000) / 86_400_000) + 25569;
}

/** Sheet rows from values: Dates as serial numbers with the dd/mm/yyyy style (1). */
function rowsXml(values: CellValue[][], first = 1): string {
  return values
    .map((row, r) => {
      const styles: Record<number, number> = {};
      const cells = row.map((v, c) => {
        if (v instanceof Date) {
          styles[c] = 1;
          return serial(v);
        }
        return v === "" ? null : v;
      });
      return rowXml(first + r, cells, styles);
    })
    .join("");
}

const POLICE_VALUES: CellValue[][] = [headerOf("congAnXa"), ...POLICE_ROWS.map((r) => rowOf("congAnXa", r))];

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

function write(name: string, bytes: Uint8Array): string {
  writeFileSync(tmp.path(name), bytes);
  return name;
}

function policeBook(name: string, sheet: Partial<RawSheet> = {}): string {
  return write(
    name,
    rawWorkbookBytes({ sheets: [{ name: "Công an xã", rows: rowsXml(POLICE_VALUES), ...sheet }] }),
  );
}

async function rollupOf(file: string): Promise<Rollup> {
  const run = await cli(["rollup", file, "--month", "2023-06", "--json"], tmp.dir, NOW);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Rollup;
}

function fig(r: Rollup, id: string): [number | null, number | null] {
  const i = r.indicators.find((x) => x.id === id);
  return [i?.numerator ?? null, i?.denominator ?? null];
}

describe("what spreadsheet programs write", () => {
  it("inline strings, numbers, date styles: the police figures of the tidy workbook", async () => {
    const r = await rollupOf(policeBook("inline.xlsx"));
    expect([fig(r, "CT2a"), fig(r, "CT5")]).toEqual([
      [30, 1500],
      [2, 3],
    ]);
    expect(r.units.find((u) => u.unitId === "congAnXa")?.lastEntryDate).toBe("2023-05-20");
  });

  it("shared strings with rich-text runs and phonetic runs, tags with an x: prefix, cells without references", async () => {
    const header = headerOf("congAnXa");
    const strings = [...header, task("congAnXa"), "Có"];
    const si = strings.map((s, i) =>
      i === 0
        ? `<x:si><x:r><x:t>Ng</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>ày</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ピ</x:t></x:rPh></x:si>`
        : `<x:si><x:t>${xmlText(s)}</x:t></x:si>`,
    );
    const headerRow = `<x:row r="1">${header.map((_, i) => `<x:c t="s"><x:v>${i}</x:v></x:c>`).join("")}</x:row>`;
    const cols = header.map((_, i) => i);
    const at = (h: string) => cols[header.indexOf(h)] as number;
    const dataRow = (r: number, values: Record<number, string>) =>
      `<x:row r="${r}">${Object.entries(values)
        .map(([c, v]) => `<x:c r="${String.fromCharCode(65 + Number(c))}${r}"${v}</x:c>`)
        .join("")}</x:row>`;
    const row2 = dataRow(2, {
      [at("Ngày")]: ` s="1"><x:v>${serial(vn("2023-03-20"))}</x:v>`,
      [at("Nhiệm vụ")]: ` t="s"><x:v>${header.length}</x:v>`,
    });
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>${headerRow}${row2}</x:sheetData></x:worksheet>`;
    const file = write(
      "prefixed.xlsx",
      rawWorkbookBytes({
        sheets: [{ name: "Công an xã", xml }],
        sharedStrings: { xml: `<?xml version="1.0"?><x:sst xmlns:x="${MAIN}">${si.join("")}</x:sst>` },
      }),
    );
    const wb = await openXlsx(new Uint8Array(readFileSync(tmp.path(file))), file);
    const read = await wb.readSheet(0);
    expect(read.rows[0]?.cells[0]).toBe("Ngày");
    expect(read.rows[1]?.cells[0]).toEqual(vn("2023-03-20"));
    expect(read.rows[1]?.cells[1]).toBe(task("congAnXa"));
    // The header is recognised: the row is an entry (its other cells are simply empty).
    const r = await rollupOf(file);
    expect(r.units.find((u) => u.unitId === "congAnXa")?.lastEntryDate).toBe("2023-03-20");
  });

  it("the 1904 calendar, the built-in date format 14, ISO dates (t=d), booleans, entities and _x000D_ escapes", async () => {
    const offset1904 = 1462;
    const rows = `${rowXml(1, ["a", "b", "c", "d", "e"])}<row r="2"><c r="A2" s="1"><v>${serial(vn("2023-03-20")) - offset1904}</v></c><c r="B2" s="2"><v>${serial(vn("2023-04-28")) - offset1904}</v></c><c r="C2" t="d"><v>2023-05-20T00:00:00</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="str"><v>A&amp;B_x000D_&#7879;</v></c></row>`;
    const bytes = rawWorkbookBytes({
      sheets: [{ name: "x", rows }],
      workbookPr: `<workbookPr date1904="1"/>`,
    });
    const read = await (await openXlsx(bytes, "1904.xlsx")).readSheet(0);
    expect(read.rows[1]?.cells).toEqual([
      vn("2023-03-20"),
      vn("2023-04-28"),
      vn("2023-05-20"),
      true,
      "A&B\rệ",
    ]);
  });
});

describe("what people leave in sheets", () => {
  it("one value in XFD1 of a 100,000-row tab: only the plan's columns are kept, and one message says so", async () => {
    const body = [
      rowsXml(POLICE_VALUES).replace("</row>", '<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>'),
    ];
    for (let r = 5; r <= 100_000; r++) body.push(`<row r="${r}"><c r="Z${r}"><v>${r}</v></c></row>`);
    const file = policeBook("far.xlsx", { rows: body.join("") });
    const wb = await openXlsx(new Uint8Array(readFileSync(tmp.path(file))), file);
    const read = await wb.readSheet(0, { columnsFor: () => [0, 1, 2] });
    // The first 30 rows are kept whole (the header is looked for there); below them only the columns
    // asked for: column Z holds nothing the plan reads, so 26 rows, not 100,000.
    expect(read.rows.length).toBe(30);
    expect(read.rows.filter((r) => r.row >= 30)).toEqual([]);
    expect(Math.max(...read.rows.map((r) => r.cells.length))).toBeLessThanOrEqual(MAX_COLUMNS);
    expect(read.outside).toEqual({ count: 1, farthest: { row: 0, col: 16383 } });
    const r = await rollupOf(file);
    expect(fig(r, "CT2a")).toEqual([30, 1500]);
    const check = await cli(["check", file], tmp.dir, NOW);
    expect(check.stdout).toContain(
      `Trang "Công an xã": 1 ô có dữ liệu nằm ngoài ${MAX_COLUMNS} cột đầu (xa nhất là ô XFD1) nên không được đọc.`,
    );
  });

  it("a formula whose result the file does not carry: counted as empty, and said so with its cell", async () => {
    const rows = rowsXml(POLICE_VALUES).replace(
      /<c r="G2"><v>12<\/v><\/c>/,
      '<c r="G2"><f>SUM(X2:X9)</f></c>',
    );
    expect(rows).toContain("SUM(X2:X9)");
    const file = policeBook("uncached.xlsx", { rows });
    const r = await rollupOf(file);
    expect(fig(r, "CT2a")).toEqual([18, 1500]);
    expect(r.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining(
        "1 ô có công thức nhưng tệp không lưu kết quả đã tính (ô G2), nên được coi là trống",
      ),
    );
  });

  it("dates merged down a column: the rows below the first are reported with the merge named", async () => {
    const values = [
      ...POLICE_VALUES,
      rowOf("congAnXa", { task: task("congAnXa"), laoDongCoSoTuyenTruyen: 5 }),
    ];
    const file = policeBook("merged.xlsx", {
      rows: rowsXml(values),
      after: `<mergeCells count="1"><mergeCell ref="A4:A5"/></mergeCells>`,
    });
    const check = await cli(["check", file], tmp.dir, NOW);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /Lỗi\s+Công an xã, ô A5: .*Ô A5 nằm trong vùng gộp ô A4:A5, nơi chỉ ô đầu A4 giữ giá trị; hãy bỏ gộp ô và ghi vào từng dòng\./,
    );
  });

  it("a data tab whose name differs by diacritics from the plan's empty tab: a warning, not silence", async () => {
    const file = write(
      "lookalike.xlsx",
      rawWorkbookBytes({
        sheets: [
          { name: "Công an xã", rows: rowsXml([headerOf("congAnXa")]) },
          { name: "Cong an xa", rows: rowsXml(POLICE_VALUES) },
        ],
      }),
    );
    const r = await rollupOf(file);
    expect(r.problems.map((p) => p.message)).toContainEqual(
      'Trang "Cong an xa" có 3 dòng số liệu nhưng không được đọc: số liệu của Công an xã được đọc ở trang "Công an xã" (trang này còn trống), vì tên hai trang chỉ khác nhau ở dấu hoặc chữ hoa. Hãy chép số liệu sang trang "Công an xã" rồi xoá hoặc đổi tên trang "Cong an xa".',
    );
  });

  it("a plan column twice: the second is called a duplicate of the first, not a column outside the plan", async () => {
    const values = POLICE_VALUES.map((row, i) => [...row, i === 0 ? "Ngày" : null]);
    const file = policeBook("dup-column.xlsx", { rows: rowsXml(values) });
    const check = await cli(["check", file], tmp.dir, NOW);
    const last = String.fromCharCode(64 + values[0]!.length);
    expect(check.stdout).toContain(
      `Cột ${last} có tiêu đề "Ngày" trùng với cột A; chỉ cột A được tính, số liệu trong cột ${last} không được tính.`,
    );
    expect(check.stdout).not.toContain("không thuộc kế hoạch");
  });

  it("a 50,000-character header is shown clipped, with its length", async () => {
    const huge = "QUJD".repeat(12_500);
    const values = POLICE_VALUES.map((row, i) => [...row, i === 0 ? huge : null]);
    const check = await cli(
      ["check", policeBook("huge-header.xlsx", { rows: rowsXml(values) })],
      tmp.dir,
      NOW,
    );
    expect(check.stdout).toContain(`"${huge.slice(0, 60)}… (50.000 ký tự)" không thuộc kế hoạch`);
    expect(check.stdout.length).toBeLessThan(5000);
  });
});

describe("what attackers send: refused with a message, exit code 2, quickly", () => {
  async function refused(name: string, bytes: Uint8Array, message: string): Promise<void> {
    write(name, bytes);
    const t0 = Date.now();
    const run = await cli(["rollup", name, "--month", "2023-06"], tmp.dir, NOW);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // Refused before the bomb goes off (inflating it would take far longer than this).
    expect(Date.now() - t0).toBeLessThan(20_000);
  }

  it("a zip bomb: a part declared past 256 MB, and one whose header lies about its size", async () => {
    // 4 MB of one repeated row inflating from a few kilobytes; the full-size bomb (300 MB) is in the
    // hostile-input suite (npm run reliability:cli), too slow to build for every test run.
    const body = Buffer.alloc(4 * 1024 * 1024, "<row/>");
    const sheetXml = Buffer.concat([
      Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>`),
      body,
      Buffer.from("</sheetData></worksheet>"),
    ]);
    const parts = rawWorkbookParts({ sheets: [{ name: "Công an xã" }] });
    const withSheet = (extra: Partial<ZipPart>) =>
      parts.map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, data: sheetXml, ...extra } : p));
    await refused(
      "bomb.xlsx",
      zipBytes(withSheet({ declaredSize: 300 * 1024 * 1024 })),
      "khi giải nén lớn bất thường",
    );
    await refused(
      "bomb-lying.xlsx",
      zipBytes(withSheet({ declaredSize: 1000 })),
      "khi giải nén lớn bất thường",
    );
  });

  it("XXE and entity expansion: a DOCTYPE in the sheet, the workbook or the shared strings", async () => {
    const doctype = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>`;
    const sheet = `${doctype}<worksheet xmlns="${MAIN}"><sheetData>${rowXml(1, ["&e;"])}</sheetData></worksheet>`;
    await refused(
      "xxe-sheet.xlsx",
      rawWorkbookBytes({ sheets: [{ name: "Công an xã", xml: sheet }] }),
      "có khai báo DOCTYPE",
    );
    const wb = rawWorkbookParts({ sheets: [{ name: "Công an xã" }] }).map((p) =>
      p.name === "xl/workbook.xml"
        ? { ...p, data: String(p.data).replace('<?xml version="1.0" encoding="UTF-8"?>', doctype) }
        : p,
    );
    await refused("xxe-workbook.xlsx", zipBytes(wb), "có khai báo DOCTYPE");
    const laughs = `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst xmlns="${MAIN}"><si><t>&b;</t></si></sst>`;
    await refused(
      "laughs.xlsx",
      rawWorkbookBytes({
        sheets: [{ name: "Công an xã", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
        sharedStrings: { xml: laughs },
      }),
      "có khai báo DOCTYPE",
    );
  });

  it("an entry marked encrypted, a zip that is not a workbook, a workbook without sheets", async () => {
    const encrypted = rawWorkbookParts({ sheets: [{ name: "Công an xã" }] }).map((p) =>
      p.name === "xl/worksheets/sheet1.xml" ? { ...p, flags: 1 } : p,
    );
    await refused("encrypted.xlsx", zipBytes(encrypted), "có đặt mật khẩu");
    await refused(
      "notes.xlsx",
      zipBytes([{ name: "notes.txt", data: "hello" }]),
      "không có phần bảng tính bên trong",
    );
    await refused("nosheets.xlsx", rawWorkbookBytes({ sheets: [] }), "không có trang tính nào");
    await refused(
      "styles-only.xlsx",
      zipBytes([{ name: "xl/styles.xml", data: DEFAULT_STYLES }]),
      "không có phần bảng tính bên trong",
    );
  });

  it("every cut of a workbook is refused cleanly or read; never a crash", async () => {
    const whole = rawWorkbookBytes({ sheets: [{ name: "Công an xã", rows: rowsXml(POLICE_VALUES) }] });
    for (let k = 1; k < 20; k++) {
      const name = `cut-${k}.xlsx`;
      write(name, whole.slice(0, Math.floor((whole.length * k) / 20)));
      const run = await cli(["check", name], tmp.dir, NOW);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^Lỗi: Tệp ".*" (bị hỏng|không phải)/);
    }
  });
});

describe("files and messages in Vietnamese", () => {
  it("a --plan file that is not JSON: the line and column, in Vietnamese", async () => {
    writeFileSync(tmp.path("bad-plan.json"), '{\n  "id": "x",\n  "title": "Kế hoạch"\n  "year": 2023\n}\n');
    const run = await cli(["plan", "--plan", "bad-plan.json"], tmp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Tệp kế hoạch "');
    expect(run.stderr).toContain("không phải JSON hợp lệ: lỗi ở dòng 4, cột 3");
    expect(run.stderr).not.toMatch(/Unexpected|Expected|position|JSON at/);
  });

  it("a --plan that is a folder or missing, an output in a missing folder: Vietnamese, no EISDIR or ENOENT", async () => {
    const asDir = await cli(["plan", "--plan", "."], tmp.dir);
    expect(asDir.code).toBe(2);
    expect(asDir.stderr).toContain("là một thư mục");
    const missing = await cli(["plan", "--plan", "khong-co.json"], tmp.dir);
    expect(missing.stderr).toContain('Không tìm thấy tệp "');
    const out = await cli(["template", "khong-co-thu-muc/mau.xlsx"], tmp.dir);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("thư mục chứa tệp không tồn tại");
    // Node's error codes (EISDIR, ENOENT…) as whole words: the temporary folder's random name can hold
    // a run of capitals too ("ke-hoach-cli-EUOJWq"), which is not a code.
    const codes = /(?<![\w-])E(?:ISDIR|NOENT|NOTDIR|ACCES|PERM|EXIST|INVAL)\b|illegal|no such file/;
    for (const r of [asDir, missing, out]) expect(r.stderr).not.toMatch(codes);
  });
});
