/**
 * The hostile-input corpus of the command line: a few hundred workbooks made here, case by case, each
 * something a careless user or an attacker could hand over (odd cell types, huge and pathological
 * strings, Unicode forms, renamed/duplicated/hidden tabs, moved headers, merged cells, far cells,
 * damaged/encrypted/bomb/XXE containers, links). Generated, never committed: the same seed gives the
 * same corpus.
 *
 * Every string a "user" types carries a canary (QQX and a number): the runner checks that none ever
 * reaches the HTML report, escaped or not.
 */
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue } from "../../../core";
import { instantOfCivilDate, unitColumns } from "../../../core";
import { defaultPlan } from "../../../plans";
import type { RawSheet, ZipPart } from "../../xlsx/raw";
import { rawWorkbookBytes, rawWorkbookParts, rowXml, zipBytes } from "../../xlsx/raw";
import { columnLetter } from "../../xlsx/template";

export type Family =
  | "kiểu ô"
  | "chuỗi dị thường"
  | "dạng Unicode"
  | "trang tính"
  | "dòng tiêu đề"
  | "gộp ô"
  | "ô ở xa"
  | "tệp hỏng/độc hại"
  | "liên kết";

export interface HostileCase {
  id: string;
  family: Family;
  /** "readable": check 0/1, rollup 0; "unreadable": every command exit code 2. */
  expect: "readable" | "unreadable";
  /** Writes the input (and anything around it) into `dir`; returns the input's file name. */
  make(dir: string): string;
  /** Extra argument lists to run, with the exit code each must give (`{in}` is the input's name). */
  extra?: { argv: string[]; code: number; inputUnchanged?: boolean }[];
  /** Too slow for the test suite's share (the command runs it). */
  slow?: boolean;
}

const plan = defaultPlan;
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
let canaries = 0;
/** A typed string with a canary the HTML must never hold. */
function typed(s: string): string {
  return `${s} QQX${++canaries}`;
}

function headerOf(unitId: string): string[] {
  const unit = plan.units.find((u) => u.id === unitId);
  return unit ? unitColumns(plan, unit).map((c) => c.header) : [];
}

const POLICE_HEADER = headerOf("congAnXa");
const col = (header: string) => POLICE_HEADER.indexOf(header);
const DATE = 0;
const TASK = 1;
const YESNO = 3;
const WORKERS = col("Tổng số người lao động tại cơ sở kinh doanh dịch vụ (người)");
const REACHED = col("Người lao động tại cơ sở được tuyên truyền (người)");
const CONTENT = col("Nội dung");
const NOTES = col("Ghi chú");
const TASKS = plan.units[0]?.tasks ?? [];

function serial(iso: string): number {
  return Math.round((instantOfCivilDate(iso).getTime() + 7 * 3600_000) / 86_400_000) + 25569;
}

/** Three valid police rows; `row(i)` gives a fresh copy to spoil. */
function policeRow(i: number): CellValue[] {
  const row: CellValue[] = new Array(POLICE_HEADER.length).fill(null);
  row[DATE] = ["2023-03-20", "2023-04-28", "2023-05-20"][i] ?? "2023-05-21";
  row[TASK] = TASKS[i % TASKS.length] ?? null;
  row[WORKERS] = i === 0 ? 1500 : null;
  row[REACHED] = [12, 10, 8][i] ?? 1;
  row[CONTENT] = typed("Tuyên truyền tại thôn");
  return row;
}

/** A cell's XML: dates ("YYYY-MM-DD" strings in the date column) as styled serial numbers. */
function cell(ref: string, v: CellValue, c: number): string {
  if (v === null) return "";
  if (c === DATE && typeof v === "string" && /^\d{4}-\d\d-\d\d$/.test(v)) {
    return `<c r="${ref}" s="1"><v>${serial(v)}</v></c>`;
  }
  return rowXml(1, [v instanceof Date ? String(v) : v])
    .replace(/<row r="1">|<\/row>/g, "")
    .replace('r="A1"', `r="${ref}"`);
}

/** Rows from row 1; a string starting with "<c" is taken as the raw XML of that cell. */
function rowsXml(rows: CellValue[][], first = 1): string {
  return rows
    .map((row, r) => {
      const n = first + r;
      const cells = row.map((v, c) => {
        const ref = columnLetter(c + 1) + n;
        if (typeof v === "string" && v.startsWith("<c ")) return v.replace("{ref}", ref);
        return cell(ref, v, c);
      });
      return `<row r="${n}">${cells.join("")}</row>`;
    })
    .join("");
}

function otherTabs(): RawSheet[] {
  return plan.units.slice(1).map((u) => ({ name: u.tabName, rows: rowsXml([headerOf(u.id)]) }));
}

function policeTab(rows: CellValue[][], extra: Partial<RawSheet> = {}): RawSheet {
  return { name: "Công an xã", rows: rowsXml(rows), ...extra };
}

function tidyRows(): CellValue[][] {
  return [POLICE_HEADER, policeRow(0), policeRow(1), policeRow(2)];
}

/** A case's file name: its id without folders ("kieu-o/ngay-so-am" → "kieu-o_ngay-so-am"). */
function fileName(id: string): string {
  return id.replace(/\//g, "_");
}

function writer(name: string, bytes: () => Uint8Array) {
  return (dir: string) => {
    writeFileSync(join(dir, name), bytes());
    return name;
  };
}

function readable(
  id: string,
  family: Family,
  sheets: () => RawSheet[],
  more: Partial<HostileCase> = {},
): HostileCase {
  return {
    id,
    family,
    expect: "readable",
    make: writer(`${fileName(id)}.xlsx`, () => rawWorkbookBytes({ sheets: sheets() })),
    ...more,
  };
}

function unreadable(
  id: string,
  family: Family,
  bytes: () => Uint8Array,
  more: Partial<HostileCase> = {},
): HostileCase {
  return { id, family, expect: "unreadable", make: writer(`${fileName(id)}.xlsx`, bytes), ...more };
}

/** The tidy workbook with one police cell replaced (row 2..4 are data rows; `c` a column index). */
function withCell(id: string, family: Family, r: number, c: number, v: CellValue): HostileCase {
  return readable(id, family, () => {
    const rows = tidyRows();
    (rows[r] as CellValue[])[c] = v;
    return [policeTab(rows), ...otherTabs()];
  });
}

function cellTypeCases(): HostileCase[] {
  const kinds: [string, (ref: string) => CellValue][] = [
    ["so-nguyen", () => 42],
    ["so-am", () => -3],
    ["so-le", () => 12.5],
    ["so-rat-lon", () => 1e308],
    ["so-0", () => 0],
    ["dung-sai", () => true],
    ["loi-NA", () => '<c r="{ref}" t="e"><v>#N/A</v></c>'],
    ["loi-DIV0", () => '<c r="{ref}" t="e"><v>#DIV/0!</v></c>'],
    ["ngay-trong-o-so", () => '<c r="{ref}" s="1"><v>45005</v></c>'],
    ["chu-so-viet", () => typed("1.500")],
    ["chu-ngay", () => "20/03/2023"],
    ["chuoi-rong", () => '<c r="{ref}" t="inlineStr"><is><t></t></is></c>'],
    ["khoang-trang", () => "   "],
    ["cong-thuc-co-ket-qua", () => '<c r="{ref}"><f>6*2</f><v>12</v></c>'],
    ["cong-thuc-chu", () => '<c r="{ref}" t="str"><f>A1</f><v>QQX0 công thức</v></c>'],
    ["cong-thuc-khong-ket-qua", () => '<c r="{ref}"><f>SUM(X1:X9)</f></c>'],
    ["ngay-iso-t-d", () => '<c r="{ref}" t="d"><v>2023-03-20T00:00:00</v></c>'],
    ["chi-muc-chuoi-ngoai-tam", () => '<c r="{ref}" t="s"><v>99999</v></c>'],
    ["chi-muc-chuoi-khong-phai-so", () => '<c r="{ref}" t="s"><v>abc</v></c>'],
    ["kieu-la", () => '<c r="{ref}" t="zz"><v>7</v></c>'],
    ["so-rac", () => '<c r="{ref}"><v>12abc</v></c>'],
    ["v-rong", () => '<c r="{ref}"><v></v></c>'],
  ];
  const columns: [string, number][] = [
    ["ngay", DATE],
    ["nhiem-vu", TASK],
    ["so", REACHED],
    ["co-khong", YESNO],
    ["noi-dung", CONTENT],
  ];
  const out: HostileCase[] = [];
  for (const [cname, c] of columns) {
    for (const [kname, make] of kinds)
      out.push(withCell(`kieu-o/${cname}-${kname}`, "kiểu ô", 2, c, make("")));
  }
  return out;
}

function stringCases(): HostileCase[] {
  const strings: [string, () => string][] = [
    ["50000-khong-dau-cach", () => typed("A".repeat(50_000))],
    ["1MB", () => typed("Nội dung dài ".repeat(80_000))],
    ["base64", () => typed(Buffer.from("x".repeat(30_000)).toString("base64"))],
    ["url-dai", () => typed(`https://example.com/${"a/".repeat(20_000)}`)],
    ["cccd", () => typed("030198001234")],
    ["cccd-cach", () => typed("030 198 001 234")],
    ["dien-thoai", () => typed("0912.345.678")],
    ["script", () => typed("<script>alert(1)</script>")],
    ["img-onerror", () => typed('"><img src=x onerror=alert(1)>')],
    ["cong-thuc-tiem", () => typed('=HYPERLINK("http://evil.example","Bấm")')],
    ["dde", () => typed("+cmd|' /C calc'!A0")],
    ["at-sum", () => typed("@SUM(1+1)*cmd|' /C calc'!A0")],
    ["ansi", () => typed("\u001b[2J\u001b[31mĐỎ\u001b[0m")],
    ["bidi", () => typed("\u202egnp.exe\u202c")],
    ["zero-width", () => typed("C\u200bó\u200d\ufeff")],
    ["emoji", () => typed("👨‍👩‍👧‍👦🇻🇳".repeat(500))],
    ["dau-chong", () => typed(`a${"\u0301".repeat(5000)}`)],
    ["xuong-dong", () => typed("dòng 1\r\ndòng 2\rdòng 3\n")],
    ["khoang-trang-dai", () => typed(" ".repeat(100_000))],
    ["co-lap-lai", () => typed("Có".repeat(10_000))],
    ["so-dai", () => typed("9".repeat(400))],
  ];
  const raws: [string, string][] = [
    ["thay-the-khong-hop-le", "&#xD800;&#0;&#1;&#xFFFF;"],
    ["x000-escape", "_x0000__x001B_[2J_x005F_x0041_"],
    ["entity-la", "&nbsp;&copy;&e;"],
  ];
  const out: HostileCase[] = [];
  for (const [name, s] of strings) {
    for (const [cname, c] of [
      ["noi-dung", CONTENT],
      ["ghi-chu", NOTES],
      ["nhiem-vu", TASK],
      ["so", REACHED],
    ] as const) {
      out.push(withCell(`chuoi/${name}-${cname}`, "chuỗi dị thường", 3, c, s()));
    }
  }
  for (const [name, raw] of raws) {
    const v = `<c r="{ref}" t="inlineStr"><is><t>${raw} QQX${++canaries}</t></is></c>`;
    out.push(withCell(`chuoi/${name}-noi-dung`, "chuỗi dị thường", 3, CONTENT, v));
    out.push(withCell(`chuoi/${name}-so`, "chuỗi dị thường", 3, REACHED, v));
  }
  return out;
}

function unicodeCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const forms = ["NFD", "NFKD", "NFKC"] as const;
  for (const form of forms) {
    out.push(
      readable(`unicode/tieu-de-${form}`, "dạng Unicode", () => [
        policeTab([POLICE_HEADER.map((h) => h.normalize(form)), policeRow(0), policeRow(1)]),
        ...otherTabs(),
      ]),
      readable(`unicode/ten-trang-${form}`, "dạng Unicode", () => [
        policeTab(tidyRows(), { name: "Công an xã".normalize(form) }),
        ...otherTabs(),
      ]),
    );
    out.push(withCell(`unicode/nhiem-vu-${form}`, "dạng Unicode", 2, TASK, (TASKS[0] ?? "").normalize(form)));
    out.push(withCell(`unicode/co-${form}`, "dạng Unicode", 2, YESNO, "Có".normalize(form)));
  }
  const variants: [string, CellValue, number][] = [
    ["so-toan-goc", "１２", REACHED],
    ["so-a-rap", "١٢", REACHED],
    ["co-toan-goc", "Ｃó", YESNO],
    ["khong-viet-thuong", "không", YESNO],
    ["co-hoa", "CÓ", YESNO],
    ["ngay-toan-goc", "２０/０３/２０２３", DATE],
    ["nhiem-vu-nbsp", (TASKS[0] ?? "").replace(/ /g, "\u00a0"), TASK],
    ["nhiem-vu-hoa", (TASKS[0] ?? "").toUpperCase(), TASK],
    ["i-tho-nhi-ky", "İ", CONTENT],
    ["dau-cach-2-chieu", "\u2028\u2029", CONTENT],
  ];
  for (const [name, v, c] of variants) out.push(withCell(`unicode/${name}`, "dạng Unicode", 2, c, v));
  out.push(
    readable("unicode/tieu-de-nbsp-va-dau-sao", "dạng Unicode", () => [
      policeTab([POLICE_HEADER.map((h) => `${h.replace(/ /g, "\u00a0")} *`), policeRow(0)]),
      ...otherTabs(),
    ]),
    readable("unicode/ten-trang-co-khoang-trang-cuoi", "dạng Unicode", () => [
      policeTab(tidyRows(), { name: "Công an xã " }),
      ...otherTabs(),
    ]),
  );
  return out;
}

function tabCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const renames = [
    "CONG AN XA",
    "cong an xa",
    "Công An Xã",
    "Cong  an  xa",
    "Công an xã (2)",
    typed("Trang lạ <b>"),
  ];
  renames.forEach((name, i) => {
    out.push(
      readable(`trang/doi-ten-${i}`, "trang tính", () => [policeTab(tidyRows(), { name }), ...otherTabs()]),
    );
  });
  out.push(
    readable("trang/trung-ten-khac-dau-trang-trong", "trang tính", () => [
      policeTab([POLICE_HEADER]),
      policeTab(tidyRows(), { name: "Cong an xa" }),
      ...otherTabs(),
    ]),
    readable("trang/trung-ten-ca-hai-co-so-lieu", "trang tính", () => [
      policeTab(tidyRows()),
      policeTab(tidyRows(), { name: "CÔNG AN XÃ" }),
      ...otherTabs(),
    ]),
    readable("trang/an", "trang tính", () => [policeTab(tidyRows(), { state: "hidden" }), ...otherTabs()]),
    readable("trang/an-sau", "trang tính", () => [
      policeTab(tidyRows(), { state: "veryHidden" }),
      ...otherTabs(),
    ]),
    readable("trang/dao-thu-tu", "trang tính", () => [...otherTabs().reverse(), policeTab(tidyRows())]),
    readable("trang/them-trang-la", "trang tính", () => [
      { name: typed("Ghi chú của tôi"), rows: rowsXml([[typed("bí mật")]]) },
      policeTab(tidyRows()),
      ...otherTabs(),
    ]),
    readable("trang/khong-trang-nao-cua-ke-hoach", "trang tính", () => [
      { name: "Sheet1", rows: rowsXml(tidyRows()) },
    ]),
    readable("trang/ten-ky-tu-dac-biet", "trang tính", () => [
      policeTab(tidyRows()),
      { name: `<&>"' ${typed("x")}`, rows: "" },
      ...otherTabs(),
    ]),
    readable("trang/trang-trong-hoan-toan", "trang tính", () => [policeTab([]), ...otherTabs()]),
  );
  for (const unit of plan.units) {
    out.push(
      readable(`trang/thieu-${unit.id}`, "trang tính", () =>
        [policeTab(tidyRows()), ...otherTabs()].filter((s) => s.name !== unit.tabName),
      ),
    );
  }
  out.push(
    unreadable("trang/thieu-phan-trang", "trang tính", () =>
      rawWorkbookBytes({
        sheets: [policeTab(tidyRows()), ...otherTabs()],
        omit: ["xl/worksheets/sheet1.xml"],
      }),
    ),
    readable("trang/thieu-chuoi-dung-chung", "trang tính", () => [
      policeTab([POLICE_HEADER, ['<c r="{ref}" t="s"><v>0</v></c>']]),
      ...otherTabs(),
    ]),
  );
  return out;
}

function headerCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const blank = (): CellValue[] => [];
  for (const at of [2, 5, 10, 29, 30, 31, 40]) {
    out.push(
      readable(`tieu-de/o-dong-${at}`, "dòng tiêu đề", () => [
        policeTab([
          ...Array.from({ length: at - 1 }, (_, i) => (i === 0 ? [typed("CÔNG AN XÃ")] : blank())),
          ...tidyRows(),
        ]),
        ...otherTabs(),
      ]),
    );
  }
  for (const shift of [1, 5, 50, 150, 185, 199, 250]) {
    const pad = (row: CellValue[]) => [...new Array(shift).fill(null), ...row];
    out.push(
      readable(`tieu-de/dich-phai-${shift}`, "dòng tiêu đề", () => [
        policeTab(tidyRows().map(pad)),
        ...otherTabs(),
      ]),
    );
  }
  const order = POLICE_HEADER.map((_, i) => i).reverse();
  out.push(
    readable("tieu-de/dao-nguoc", "dòng tiêu đề", () => [
      policeTab(tidyRows().map((row) => order.map((i) => row[i] ?? null))),
      ...otherTabs(),
    ]),
    readable("tieu-de/cot-trung", "dòng tiêu đề", () => [
      policeTab(tidyRows().map((row, i) => [...row, i === 0 ? "Ngày" : "2023-04-01"])),
      ...otherTabs(),
    ]),
    readable("tieu-de/50000-ky-tu", "dòng tiêu đề", () => [
      policeTab(tidyRows().map((row, i) => [...row, i === 0 ? typed("H".repeat(50_000)) : null])),
      ...otherTabs(),
    ]),
    readable("tieu-de/1000-cot-la", "dòng tiêu đề", () => [
      policeTab([
        [...POLICE_HEADER, ...Array.from({ length: 150 }, (_, i) => typed(`Cột ${i}`))],
        policeRow(0),
      ]),
      ...otherTabs(),
    ]),
    readable("tieu-de/khong-co-tieu-de", "dòng tiêu đề", () => [
      policeTab(tidyRows().slice(1)),
      ...otherTabs(),
    ]),
    readable("tieu-de/tieu-de-trong", "dòng tiêu đề", () => [policeTab([[], policeRow(0)]), ...otherTabs()]),
    readable("tieu-de/chi-tieu-de", "dòng tiêu đề", () => [policeTab([POLICE_HEADER]), ...otherTabs()]),
    readable("tieu-de/thieu-cot-ngay", "dòng tiêu đề", () => [
      policeTab(tidyRows().map((row) => row.slice(1))),
      ...otherTabs(),
    ]),
    readable("tieu-de/tieu-de-hai-dong", "dòng tiêu đề", () => [
      policeTab([
        POLICE_HEADER.slice(0, 5),
        [null, null, null, null, null, ...POLICE_HEADER.slice(5)],
        policeRow(0),
      ]),
      ...otherTabs(),
    ]),
    readable("tieu-de/tieu-de-la-so", "dòng tiêu đề", () => [
      policeTab([POLICE_HEADER.map((_, i) => i), policeRow(0)]),
      ...otherTabs(),
    ]),
  );
  return out;
}

function mergeCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const merged = (id: string, refs: string[], rows = tidyRows()) =>
    readable(`gop-o/${id}`, "gộp ô", () => [
      policeTab(rows, {
        after: `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`,
      }),
      ...otherTabs(),
    ]);
  const titled = [[typed("TIÊU ĐỀ GỘP")], [], ...tidyRows()];
  out.push(
    merged("tieu-de-tren", ["A1:O1"], titled),
    merged("ngay-doc-2", ["A3:A4"]),
    merged("ngay-doc-3", ["A2:A4"]),
    merged("nhiem-vu-doc", ["B2:B4"]),
    merged("so-doc", [`${columnLetter(REACHED + 1)}2:${columnLetter(REACHED + 1)}4`]),
    merged("o-tieu-de", ["A1:C1"]),
    merged("ca-vung", ["A1:O4"]),
    merged("toan-trang", ["A1:XFD1048576"]),
    merged("chong-nhau", ["A2:C4", "B3:D5", "A1:A9"]),
    merged("ref-sai", ["A0:B", "ZZZZ1:A1", ":", "A1:A1"]),
    merged("1-o", ["A2"]),
    merged(
      "10000-vung",
      Array.from({ length: 10_000 }, (_, i) => `P${i * 2 + 1}:Q${i * 2 + 2}`),
    ),
    merged(
      "ngay-doc-dai",
      ["A2:A1000"],
      [...tidyRows(), ...Array.from({ length: 996 }, () => [null, TASKS[0] ?? null])],
    ),
  );
  return out;
}

function farCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const farRow = (cells: string) => (rows: string) => rows.replace("</row>", `${cells}</row>`);
  const tidyXml = () => rowsXml(tidyRows());
  const far = (id: string, xml: () => string, more: Partial<HostileCase> = {}) =>
    readable(`o-xa/${id}`, "ô ở xa", () => [policeTab([], { rows: xml() }), ...otherTabs()], more);
  out.push(
    far("XFD1", () => farRow('<c r="XFD1" t="inlineStr"><is><t>x QQX0</t></is></c>')(tidyXml())),
    far("XFD1048576", () => `${tidyXml()}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`),
    far("A1048576", () => `${tidyXml()}<row r="1048576"><c r="A1048576" s="1"><v>45100</v></c></row>`),
    far("vuot-gioi-han-dong", () => `${tidyXml()}<row r="2000000"><c r="A2000000"><v>1</v></c></row>`),
    far("vuot-gioi-han-cot", () => farRow('<c r="XFE1"><v>1</v></c><c r="AAAAA1"><v>1</v></c>')(tidyXml())),
    far("khong-co-r", () =>
      tidyXml()
        .replace(/ r="[A-Z]+\d+"/g, "")
        .replace(/<row r="\d+">/g, "<row>"),
    ),
    far("dong-lon-xon", () => {
      const rows = tidyXml().match(/<row[\s\S]*?<\/row>/g) ?? [];
      return [rows[0], rows[3], rows[1], rows[2]].join("");
    }),
    far("dong-trung", () => {
      const rows = tidyXml().match(/<row[\s\S]*?<\/row>/g) ?? [];
      return [...rows, rows[1]].join("");
    }),
    far("o-xa-tren-moi-dong", () =>
      tidyXml().replace(/<\/row>/g, () => `<c r="ZZ1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>`),
    ),
    far(
      "100000-dong-va-XFD1",
      () => {
        const body = [farRow('<c r="XFD1"><v>1</v></c>')(tidyXml())];
        for (let r = 5; r <= 100_000; r++) body.push(`<row r="${r}"><c r="Z${r}"><v>${r}</v></c></row>`);
        return body.join("");
      },
      {},
    ),
    far("100000-dong-cot-ke-hoach", () => {
      const body = [tidyXml()];
      for (let r = 5; r <= 100_000; r++)
        body.push(`<row r="${r}"><c r="${columnLetter(REACHED + 1)}${r}"><v>1</v></c></row>`);
      return body.join("");
    }),
  );
  return out;
}

function containerCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const whole = () => rawWorkbookBytes({ sheets: [policeTab(tidyRows()), ...otherTabs()] });
  for (let k = 1; k < 20; k++) {
    out.push(
      unreadable(`tep/cat-${k * 5}pt`, "tệp hỏng/độc hại", () =>
        whole().slice(0, Math.floor((whole().length * k) / 20)),
      ),
    );
  }
  const parts = () => rawWorkbookParts({ sheets: [policeTab(tidyRows()), ...otherTabs()] });
  const patched = (f: (p: ZipPart) => ZipPart) => () => zipBytes(parts().map(f));
  const sheet1 = (f: (p: ZipPart) => ZipPart) =>
    patched((p) => (p.name === "xl/worksheets/sheet1.xml" ? f(p) : p));
  const doctype = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>`;
  const withDoctype = (name: string) =>
    patched((p) =>
      p.name === name ? { ...p, data: String(p.data).replace(/^<\?xml[^>]*\?>/, doctype) } : p,
    );
  out.push(
    unreadable("tep/rong", "tệp hỏng/độc hại", () => new Uint8Array()),
    unreadable(
      "tep/ole-xls",
      "tệp hỏng/độc hại",
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    ),
    unreadable(
      "tep/van-ban",
      "tệp hỏng/độc hại",
      () => new Uint8Array(Buffer.from("Ngày,Nhiệm vụ\n20/03/2023,x\n")),
    ),
    unreadable("tep/byte-ngau-nhien", "tệp hỏng/độc hại", () => {
      const b = new Uint8Array(4096);
      let x = 12345;
      for (let i = 0; i < b.length; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        b[i] = x & 0xff;
      }
      b.set([0x50, 0x4b, 0x03, 0x04]);
      return b;
    }),
    unreadable("tep/gzip", "tệp hỏng/độc hại", () => new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])),
    unreadable("tep/zip-khong-phai-bang-tinh", "tệp hỏng/độc hại", () =>
      zipBytes([{ name: "word/document.xml", data: "<w/>" }]),
    ),
    unreadable(
      "tep/ma-hoa",
      "tệp hỏng/độc hại",
      sheet1((p) => ({ ...p, flags: 1 })),
    ),
    unreadable("tep/nen-la", "tệp hỏng/độc hại", () => {
      const b = zipBytes(parts());
      // Compression method 99 (AES) in every central entry.
      const buf = Buffer.from(b);
      for (
        let i = buf.indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
        i >= 0;
        i = buf.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), i + 4)
      )
        buf.writeUInt16LE(99, i + 10);
      return new Uint8Array(buf);
    }),
    unreadable(
      "tep/bom-noi-that",
      "tệp hỏng/độc hại",
      sheet1((p) => ({ ...p, declaredSize: 300 * 1024 * 1024 })),
    ),
    unreadable("tep/bom-noi-doi", "tệp hỏng/độc hại", () =>
      zipBytes(
        parts().map((p) =>
          p.name === "xl/worksheets/sheet1.xml"
            ? {
                ...p,
                data: `<worksheet xmlns="${MAIN}"><sheetData>${"<row/>".repeat(2_000_000)}</sheetData></worksheet>`,
                declaredSize: 4096,
              }
            : p,
        ),
      ),
    ),
    {
      ...unreadable("tep/bom-300MB", "tệp hỏng/độc hại", () =>
        zipBytes(
          parts().map((p) =>
            p.name === "xl/worksheets/sheet1.xml"
              ? { ...p, data: Buffer.alloc(300 * 1024 * 1024, "<row/>") }
              : p,
          ),
        ),
      ),
      slow: true,
    },
    unreadable("tep/xxe-trang", "tệp hỏng/độc hại", withDoctype("xl/worksheets/sheet1.xml")),
    unreadable("tep/xxe-workbook", "tệp hỏng/độc hại", withDoctype("xl/workbook.xml")),
    unreadable("tep/xxe-chuoi", "tệp hỏng/độc hại", withDoctype("xl/sharedStrings.xml")),
    unreadable("tep/xxe-kieu", "tệp hỏng/độc hại", withDoctype("xl/styles.xml")),
    unreadable("tep/xxe-rels", "tệp hỏng/độc hại", withDoctype("xl/_rels/workbook.xml.rels")),
    unreadable("tep/billion-laughs", "tệp hỏng/độc hại", () =>
      rawWorkbookBytes({
        sheets: [policeTab(tidyRows()), ...otherTabs()],
        sharedStrings: {
          xml: `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><sst xmlns="${MAIN}"><si><t>&c;</t></si></sst>`,
        },
      }),
    ),
    unreadable("tep/thieu-workbook", "tệp hỏng/độc hại", () =>
      zipBytes(parts().filter((p) => p.name !== "xl/workbook.xml")),
    ),
    unreadable("tep/zip64", "tệp hỏng/độc hại", () => {
      const buf = Buffer.from(zipBytes(parts()));
      buf.writeUInt16LE(0xffff, buf.length - 22 + 10);
      return new Uint8Array(buf);
    }),
    unreadable("tep/qua-nhieu-phan", "tệp hỏng/độc hại", () =>
      zipBytes([
        ...parts(),
        ...Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}`, data: "", store: true })),
      ]),
    ),
    unreadable("tep/khong-co-trang", "tệp hỏng/độc hại", () => rawWorkbookBytes({ sheets: [] })),
  );
  const readableContainer = (id: string, bytes: () => Uint8Array) =>
    ({
      id,
      family: "tệp hỏng/độc hại",
      expect: "readable",
      make: writer(`${fileName(id)}.xlsx`, bytes),
    }) as HostileCase;
  out.push(
    readableContainer(
      "tep/xml-chua-dong",
      sheet1((p) => ({ ...p, data: String(p.data).replace("</sheetData></worksheet>", "") })),
    ),
    readableContainer(
      "tep/byte-khong-phai-utf8",
      sheet1((p) => ({
        ...p,
        data: Buffer.concat([
          Buffer.from(String(p.data).replace("</sheetData>", "")),
          Buffer.from([0xff, 0xfe, 0xc3]),
          Buffer.from("</sheetData></worksheet>"),
        ]),
      })),
    ),
    readableContainer(
      "tep/cdata-gia-o",
      sheet1((p) => ({
        ...p,
        data: String(p.data).replace(
          "</row>",
          '<c r="Z1" t="inlineStr"><is><t><![CDATA[</t></is></c><c r="A1"><v>1</v></c> QQX0]]></t></is></c></row>',
        ),
      })),
    ),
    readableContainer(
      "tep/chu-thich-gia-o",
      sheet1((p) => ({
        ...p,
        data: String(p.data).replace(
          "<sheetData>",
          '<sheetData><!-- <row r="2"><c r="A2"><v>1</v></c></row> -->',
        ),
      })),
    ),
    readableContainer(
      "tep/tien-to-x",
      sheet1((p) => ({
        ...p,
        data: String(p.data)
          .replace(/<(\/?)(worksheet|sheetData|row|c|v|is|t)\b/g, "<$1x:$2")
          .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`),
      })),
    ),
    readableContainer("tep/luu-khong-nen", () => zipBytes(parts().map((p) => ({ ...p, store: true })))),
    readableContainer("tep/ten-phan-duong-dan-la", () =>
      zipBytes([...parts(), { name: "../../etc/passwd", data: "x" }, { name: "/abs/path", data: "y" }]),
    ),
    readableContainer("tep/phan-trung-ten", () =>
      zipBytes([...parts(), ...parts().filter((p) => p.name === "xl/worksheets/sheet1.xml")]),
    ),
    readableContainer("tep/thieu-kieu", () => zipBytes(parts().filter((p) => p.name !== "xl/styles.xml"))),
    readableContainer("tep/thieu-chuoi", () =>
      zipBytes(parts().filter((p) => p.name !== "xl/sharedStrings.xml")),
    ),
    readableContainer(
      "tep/kieu-hong",
      patched((p) => (p.name === "xl/styles.xml" ? { ...p, data: "<styleSheet><cellXfs><xf numFmtId=" } : p)),
    ),
    readableContainer(
      "tep/lien-ket-ngoai",
      patched((p) =>
        p.name === "xl/_rels/workbook.xml.rels"
          ? {
              ...p,
              data: String(p.data).replace(
                "</Relationships>",
                '<Relationship Id="rX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="file:///etc/passwd" TargetMode="External"/></Relationships>',
              ),
            }
          : p,
      ),
    ),
  );
  return out;
}

function linkCases(): HostileCase[] {
  const tidy = () => rawWorkbookBytes({ sheets: [policeTab(tidyRows()), ...otherTabs()] });
  const out: HostileCase[] = [
    {
      id: "lien-ket/tep-vao-la-lien-ket",
      family: "liên kết",
      expect: "readable",
      make(dir) {
        writeFileSync(join(dir, "that.xlsx"), tidy());
        symlinkSync(join(dir, "that.xlsx"), join(dir, "lien-ket.xlsx"));
        return "lien-ket.xlsx";
      },
    },
    {
      id: "lien-ket/vong",
      family: "liên kết",
      expect: "unreadable",
      make(dir) {
        symlinkSync(join(dir, "vong-b.xlsx"), join(dir, "vong-a.xlsx"));
        symlinkSync(join(dir, "vong-a.xlsx"), join(dir, "vong-b.xlsx"));
        return "vong-a.xlsx";
      },
    },
    {
      id: "lien-ket/treo",
      family: "liên kết",
      expect: "unreadable",
      make(dir) {
        symlinkSync(join(dir, "khong-co.xlsx"), join(dir, "treo.xlsx"));
        return "treo.xlsx";
      },
    },
    {
      id: "lien-ket/thu-muc",
      family: "liên kết",
      expect: "unreadable",
      make(dir) {
        symlinkSync(dir, join(dir, "thu-muc.xlsx"));
        return "thu-muc.xlsx";
      },
    },
    {
      id: "lien-ket/html-tro-vao-tep-vao",
      family: "liên kết",
      expect: "readable",
      make(dir) {
        writeFileSync(join(dir, "goc.xlsx"), tidy());
        symlinkSync(join(dir, "goc.xlsx"), join(dir, "ra.html"));
        return "goc.xlsx";
      },
      extra: [
        {
          argv: ["rollup", "{in}", "--month", "2023-06", "--html", "ra.html"],
          code: 2,
          inputUnchanged: true,
        },
        {
          argv: ["rollup", "{in}", "--month", "2023-06", "--html", "ra.html", "--force"],
          code: 2,
          inputUnchanged: true,
        },
      ],
    },
    {
      id: "lien-ket/o-lien-ket",
      family: "liên kết",
      expect: "readable",
      make: writer("o-lien-ket.xlsx", () =>
        zipBytes([
          ...rawWorkbookParts({
            sheets: [
              policeTab(tidyRows(), { after: '<hyperlinks><hyperlink ref="B2" r:id="rH"/></hyperlinks>' }),
              ...otherTabs(),
            ],
          }),
          {
            name: "xl/worksheets/_rels/sheet1.xml.rels",
            data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/></Relationships>`,
          },
        ]),
      ),
    },
    withCell("lien-ket/chu-javascript", "liên kết", 2, CONTENT, typed("javascript:alert(document.cookie)")),
    withCell("lien-ket/chu-file", "liên kết", 2, NOTES, typed("file:///etc/passwd")),
  ];
  return out;
}

/** The whole corpus, in a fixed order. */
export function hostileCorpus(): HostileCase[] {
  canaries = 0;
  return [
    ...cellTypeCases(),
    ...stringCases(),
    ...unicodeCases(),
    ...tabCases(),
    ...headerCases(),
    ...mergeCases(),
    ...farCases(),
    ...containerCases(),
    ...linkCases(),
  ];
}
