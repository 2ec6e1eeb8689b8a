/** Hostile cases about a workbook's layout: its tabs, header rows, merged cells and far cells. */
import type { CellValue } from "../../../core";
import { rawWorkbookBytes } from "../../xlsx/raw";
import { columnLetter } from "../../xlsx/sheet";
import type { HostileCase } from "./workbook";
import {
  otherTabs,
  plan,
  POLICE_HEADER,
  policeRow,
  policeTab,
  REACHED,
  readable,
  rowsXml,
  TASKS,
  tidyRows,
  typed,
  unreadable,
} from "./workbook";

export function tabCases(): HostileCase[] {
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

export function headerCases(): HostileCase[] {
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

export function mergeCases(): HostileCase[] {
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

export function farCases(): HostileCase[] {
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
