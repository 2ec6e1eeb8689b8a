/**
 * The "Kế hoạch" tab: the plan as plain tables the commune office can read and edit, and back.
 *
 * The tab is a column of sections, each a title row (its title in column A, a sentence on how to fill
 * it in column B), a header row, then one row per item: general information, units, their tasks,
 * their sub-units, the data columns, the indicators, the validation rules, the forms, the recipients.
 * Sections are found by their title and columns by their header, so rows and columns may be moved,
 * blank rows left, and columns added for the office's own notes. Items are tied together by their
 * stable code (mã): a unit renamed keeps its code, and with it its tab and its data.
 *
 * This file lays the tab out and writes it; plan-tab-read.ts reads it back.
 */
import type { CellValue } from "./cell";
import type { IsoDate } from "./periods";
import { SYSTEM_TABS } from "./plan";
import { formatDateVi } from "./periods";
import type { Indicator, Plan, Term } from "./plan-schema";

export const PLAN_TAB = SYSTEM_TABS.plan;

export type SectionKey =
  | "general"
  | "units"
  | "tasks"
  | "subUnits"
  | "elements"
  | "indicators"
  | "rules"
  | "forms"
  | "recipients";

export interface ColumnSpec {
  key: string;
  header: string;
  /** The header's note: what to type. */
  help: string;
  optional?: boolean;
}

export interface SectionSpec {
  key: SectionKey;
  title: string;
  intro: string;
  columns: ColumnSpec[];
}

const c = (key: string, header: string, help: string, optional = false): ColumnSpec => ({
  key,
  header,
  help,
  optional,
});

const CODE_HELP =
  "Mã ổn định: chữ cái không dấu, số, _ hoặc -, bắt đầu bằng chữ. Đừng đổi mã khi đã có số liệu: số liệu được nối với mã, không với tên.";
const SOURCE_HELP = "Mục của văn bản kế hoạch mà dòng này dựa vào, ví dụ II.2 hoặc V.1 (không bắt buộc).";

export const SECTIONS: SectionSpec[] = [
  {
    key: "general",
    title: "THÔNG TIN CHUNG",
    intro: "Mỗi dòng một thông tin; chỉ sửa cột Nội dung.",
    columns: [
      c("label", "Mục", "Tên thông tin; đừng sửa."),
      c("value", "Nội dung", "Nội dung của kế hoạch."),
    ],
  },
  {
    key: "units",
    title: "ĐƠN VỊ THỰC HIỆN",
    intro: "Mỗi đơn vị một trang tính (mục Tổ chức thực hiện của văn bản).",
    columns: [
      c("id", "Mã", CODE_HELP),
      c("name", "Tên đơn vị", "Tên đơn vị như văn bản ghi."),
      c("tabName", "Tên trang tính", "Ngắn, không trùng, không có : \\ / ? * [ ]."),
      c(
        "subUnitLabel",
        "Tên cột đơn vị con",
        "Ví dụ Trường, Thôn; để trống nếu đơn vị không có đơn vị con.",
        true,
      ),
      c("source", "Mục trong văn bản", SOURCE_HELP, true),
    ],
  },
  {
    key: "tasks",
    title: "NHIỆM VỤ",
    intro: "Mỗi nhiệm vụ một dòng; là danh sách thả xuống ở cột Nhiệm vụ của trang đơn vị.",
    columns: [
      c("unit", "Mã đơn vị", "Mã của đơn vị trong bảng ĐƠN VỊ THỰC HIỆN."),
      c("task", "Nhiệm vụ", "Nhiệm vụ, viết ngắn gọn."),
    ],
  },
  {
    key: "subUnits",
    title: "ĐƠN VỊ CON",
    intro: "Trường, thôn…: số liệu được tính riêng cho từng đơn vị con.",
    columns: [
      c("unit", "Mã đơn vị", "Mã của đơn vị trong bảng ĐƠN VỊ THỰC HIỆN."),
      c("id", "Mã", CODE_HELP),
      c("name", "Tên", "Tên đơn vị con, ví dụ Trường THCS Quang Khải, Thôn 1."),
    ],
  },
  {
    key: "elements",
    title: "CỘT SỐ LIỆU",
    intro: "Các cột số liệu của trang đơn vị; chỉ số liệu tổng hợp, không có cột ghi tên người.",
    columns: [
      c("id", "Mã", CODE_HELP),
      c("label", "Tên cột", "Tiêu đề cột trên trang đơn vị."),
      c("measure", "Đơn vị tính", "Ví dụ người, lượt, tin, bài, đồng, Có/Không."),
      c("kind", "Loại", "cộng dồn: cộng các dòng trong kỳ; số hiện có: lấy số mới nhất đến cuối kỳ."),
      c("valueType", "Kiểu", "số nguyên, tiền (đồng) hoặc Có/Không."),
      c("unitIds", "Đơn vị nhập", "Mã các đơn vị có cột này, cách nhau bằng dấu phẩy."),
      c("helpText", "Hướng dẫn nhập", "Câu hướng dẫn hiện ở tiêu đề cột và trong khung nhập."),
      c(
        "maxValue",
        "Tối đa một dòng",
        "Số lớn nhất một dòng có thể ghi (chặn số điện thoại, số căn cước gõ nhầm vào cột số). Để trống nếu không giới hạn; không dùng với Có/Không.",
        true,
      ),
      c(
        "maxReason",
        "Vì sao tối đa",
        "Điều giới hạn con số, được nhắc trong thông báo lỗi, ví dụ: số học sinh của một trường trên địa bàn xã.",
        true,
      ),
      c("source", "Mục trong văn bản", SOURCE_HELP, true),
    ],
  },
  {
    key: "indicators",
    title: "CHỈ TIÊU",
    intro: "Các chỉ tiêu cụ thể của văn bản và cách tính từ các cột số liệu.",
    columns: [
      c("id", "Mã", "Ví dụ CT1, CT2a."),
      c("label", "Nội dung (theo văn bản)", "Câu chỉ tiêu như văn bản ghi."),
      c("shortLabel", "Tên ngắn", "Vài chữ để hiện trong bảng tổng hợp."),
      c("kind", "Cách tính", "tỉ lệ %: tử số ÷ mẫu số × 100; số lần mỗi tháng: đếm theo tháng."),
      c(
        "numerator",
        "Tử số",
        "Mã một cột số liệu (cộng mọi đơn vị); hoặc số đơn vị Có: mã (đếm đơn vị trả lời Có); với số lần mỗi tháng: mã cột được đếm.",
      ),
      c(
        "denominator",
        "Mẫu số",
        "Như tử số; số đơn vị: mã để đếm các đơn vị được hỏi. Để trống với số lần mỗi tháng.",
        true,
      ),
      c("op", "So sánh", "≥ (ít nhất) hoặc = (đúng bằng)."),
      c("target", "Mục tiêu", "Tỉ lệ phần trăm, ví dụ 30; với số lần mỗi tháng: số lần, ví dụ 1."),
      c(
        "onZero",
        "Khi mẫu số bằng 0",
        "Không phát sinh (chỉ tiêu có chữ 'nếu có'), Thiếu số liệu hoặc Chưa đạt. Để trống với số lần mỗi tháng.",
        true,
      ),
      c(
        "prorate",
        "Theo tiến độ",
        "Có: mục tiêu năm, xét tiến độ theo số tháng đã qua. Không: xét ngay.",
        true,
      ),
      c("source", "Mục trong văn bản", SOURCE_HELP, true),
    ],
  },
  {
    key: "rules",
    title: "QUY TẮC KIỂM TRA",
    intro: "So sánh hai cột số liệu của cùng một đơn vị khi nhập.",
    columns: [
      c("id", "Mã", CODE_HELP),
      c("left", "Vế trái", "Mã một cột số liệu."),
      c("op", "So sánh", "≤, <, =, ≥ hoặc >."),
      c("right", "Vế phải", "Mã một cột số liệu cùng đơn vị nhập."),
      c("severity", "Mức", "Lỗi (dòng không được tính) hoặc Cảnh báo."),
      c("message", "Thông báo", "Câu báo cho người nhập khi sai."),
    ],
  },
  {
    key: "forms",
    title: "HÌNH THỨC",
    intro: "Danh sách thả xuống ở cột Hình thức của mọi trang đơn vị.",
    columns: [c("form", "Hình thức", "Mỗi hình thức một dòng.")],
  },
  {
    key: "recipients",
    title: "NƠI NHẬN",
    intro: "Như phần Nơi nhận của văn bản; địa chỉ email ở menu → Cài đặt.",
    columns: [
      c("label", "Nơi nhận", "Như văn bản ghi."),
      c("role", "Vai trò", "Chủ tịch hoặc Cấp trên: nhận báo cáo tháng; Nội bộ: chỉ ghi ở Nơi nhận."),
    ],
  },
];

/** General information: label, how to get it from a plan, the path it sets. */
export interface GeneralRow {
  label: string;
  path: (string | number)[];
  help: string;
  kind: "text" | "year" | "date" | "periodRule" | "optionalText" | "blankable";
}

export const GENERAL: GeneralRow[] = [
  { label: "Mã kế hoạch", path: ["id"], help: CODE_HELP, kind: "text" },
  { label: "Tên kế hoạch", path: ["title"], help: "Như trích yếu của văn bản.", kind: "text" },
  {
    label: "Tên ngắn (trên menu)",
    path: ["shortName"],
    help: "Vài chữ, hiện trên thanh menu.",
    kind: "text",
  },
  { label: "Cấp", path: ["commune", "level"], help: "xã, phường hoặc đặc khu.", kind: "text" },
  { label: "Tên xã, phường", path: ["commune", "name"], help: "Ví dụ Quang Khải.", kind: "text" },
  { label: "Tỉnh, thành phố", path: ["province"], help: "Không bắt buộc.", kind: "optionalText" },
  {
    label: "Cấp trên",
    path: ["upperLevel"],
    help: "Tên cấp trên mặc định; sửa được ở Cài đặt.",
    kind: "text",
  },
  { label: "Năm", path: ["year"], help: "Năm của kế hoạch, ví dụ 2024.", kind: "year" },
  {
    label: "Áp dụng từ ngày",
    path: ["startDate"],
    help: "Ngày/tháng/năm; luỹ kế tính từ ngày này.",
    kind: "date",
  },
  {
    label: "Số văn bản",
    path: ["document", "number"],
    help: "Để trống nếu văn bản chưa ghi số.",
    kind: "blankable",
  },
  { label: "Ký hiệu", path: ["document", "symbol"], help: "Ví dụ KH-UBND.", kind: "text" },
  { label: "Ngày ban hành", path: ["document", "date"], help: "Ngày/tháng/năm.", kind: "date" },
  { label: "Chức vụ người ký", path: ["chairman", "title"], help: "Ví dụ Chủ tịch.", kind: "text" },
  { label: "Người ký", path: ["chairman", "name"], help: "Họ tên người ký văn bản.", kind: "text" },
  {
    label: "Kỳ báo cáo",
    path: ["periodRule"],
    help: "Từ ngày 15 tháng trước đến ngày 14 (Nghị định 09/2019/NĐ-CP), hoặc Tháng dương lịch.",
    kind: "periodRule",
  },
];

export const KIND_WORDS = { flow: "cộng dồn", stock: "số hiện có" } as const;
export const TYPE_WORDS = { whole: "số nguyên", money: "tiền (đồng)", yesno: "Có/Không" } as const;
export const INDICATOR_WORDS = { percentage: "tỉ lệ %", frequency: "số lần mỗi tháng" } as const;
export const ZERO_WORDS = {
  notApplicable: "Không phát sinh",
  missingData: "Thiếu số liệu",
  notMet: "Chưa đạt",
} as const;
export const SEVERITY_WORDS = { error: "Lỗi", warning: "Cảnh báo" } as const;
export const ROLE_WORDS = { chairman: "Chủ tịch", upperLevel: "Cấp trên", internal: "Nội bộ" } as const;
export const RULE_OPS = { "<=": "≤", "<": "<", "=": "=", ">=": "≥", ">": ">" } as const;
export const PERIOD_WORDS = {
  cutoff: "Từ ngày 15 tháng trước đến ngày 14 tháng báo cáo",
  calendar: "Tháng dương lịch",
} as const;
export const UNITS_YES = "số đơn vị Có: ";
export const UNITS_EXPECTED = "số đơn vị: ";

function termText(t: Term): string {
  if (t.kind === "unitsYes") return UNITS_YES + t.elementId;
  if (t.kind === "unitsExpected") return UNITS_EXPECTED + t.elementId;
  return t.elementId;
}

/** A path's key in the maps from plan paths to cells. */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join(".");
}

function getPath(obj: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const k of path)
    cur = cur !== null && typeof cur === "object" ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

export interface PlanTabCells {
  /** Rectangular: every row as wide as the widest section. */
  values: CellValue[][];
  /** Same shape: the header cells' help, and the notes of marked cells ("" elsewhere). */
  notes: string[][];
  /** 0-based rows of section titles and of header rows, for formatting. */
  titleRows: number[];
  headerRows: number[];
  /** The cells marked for the office to complete (0-based), with the plan path and why. */
  marked: { row: number; col: number; path: string; why: string }[];
}

/**
 * The tab's cells for a plan. `marks` (plan path → why) flags the cells the office must still fill in
 * (a draft from a document): their note says why.
 */
export function planToTabCells(plan: Plan, marks: ReadonlyMap<string, string> = new Map()): PlanTabCells {
  const rows: CellValue[][] = [];
  const notes: string[][] = [];
  const titleRows: number[] = [];
  const headerRows: number[] = [];
  const marked: PlanTabCells["marked"] = [];
  const push = (
    cells: CellValue[],
    rowNotes: string[] = [],
    paths: (readonly (string | number)[] | null)[] = [],
  ) => {
    paths.forEach((p, col) => {
      const path = p ? pathKey(p) : "";
      const why = p ? marks.get(path) : undefined;
      if (why === undefined) return;
      rowNotes[col] = why;
      marked.push({ row: rows.length, col, path, why });
    });
    rows.push(cells);
    notes.push(rowNotes);
  };
  rows.push(["KẾ HOẠCH – chỉ văn phòng sửa trang này. Sửa xong, chạy menu → Thiết lập / sửa bảng tính."]);
  notes.push([]);
  for (const section of SECTIONS) {
    rows.push([]);
    notes.push([]);
    titleRows.push(rows.length);
    // A mark on the section itself (a draft with no data columns yet) goes on its title.
    push([section.title, section.intro], [], [[section.key]]);
    headerRows.push(rows.length);
    push(
      section.columns.map((col) => col.header),
      section.columns.map((col) => col.help),
    );
    for (const item of sectionRows(plan, section.key)) push(item.cells, [], item.paths);
  }
  const width = Math.max(...rows.map((r) => r.length));
  const pad = <T>(r: T[], fill: T) => {
    const out = [...r];
    for (let i = 0; i < width; i++) if (out[i] === undefined) out[i] = fill;
    return out.slice(0, width);
  };
  return {
    values: rows.map((r) => pad(r, "" as CellValue)),
    notes: notes.map((r) => pad(r, "")),
    titleRows,
    headerRows,
    marked,
  };
}

interface ItemRow {
  cells: CellValue[];
  /** The plan path each cell holds (null for a label). */
  paths: (readonly (string | number)[] | null)[];
}

function sectionRows(plan: Plan, key: SectionKey): ItemRow[] {
  const out: ItemRow[] = [];
  const row = (pairs: [CellValue, readonly (string | number)[] | null][]): void => {
    out.push({ cells: pairs.map((p) => p[0]), paths: pairs.map((p) => p[1]) });
  };
  switch (key) {
    case "general":
      for (const g of GENERAL) {
        const v = getPath(plan, g.path);
        let cell: CellValue = typeof v === "string" || typeof v === "number" ? v : "";
        if (g.kind === "date" && typeof v === "string" && v !== "") cell = formatDateVi(v as IsoDate);
        if (g.kind === "periodRule") cell = PERIOD_WORDS[v as Plan["periodRule"]] ?? "";
        row([
          [g.label, null],
          [cell, g.path],
        ]);
      }
      break;
    case "units":
      plan.units.forEach((u, i) => {
        const p = (k: string) => ["units", i, k];
        row([
          [u.id, p("id")],
          [u.name, p("name")],
          [u.tabName, p("tabName")],
          [u.subUnitLabel ?? "", p("subUnitLabel")],
          [u.source ?? "", p("source")],
        ]);
      });
      break;
    case "tasks":
      plan.units.forEach((u, i) => {
        u.tasks.forEach((t, j) => {
          row([
            [u.id, null],
            [t, ["units", i, "tasks", j]],
          ]);
        });
      });
      break;
    case "subUnits":
      plan.units.forEach((u, i) => {
        (u.subUnits ?? []).forEach((s, j) => {
          row([
            [u.id, null],
            [s.id, ["units", i, "subUnits", j, "id"]],
            [s.name, ["units", i, "subUnits", j, "name"]],
          ]);
        });
      });
      break;
    case "elements":
      plan.elements.forEach((e, i) => {
        const p = (k: string) => ["elements", i, k];
        row([
          [e.id, p("id")],
          [e.label, p("label")],
          [e.measure, p("measure")],
          [KIND_WORDS[e.kind] ?? "", p("kind")],
          [TYPE_WORDS[e.valueType] ?? "", p("valueType")],
          [e.unitIds.join(", "), p("unitIds")],
          [e.helpText, p("helpText")],
          [e.max?.value ?? "", ["elements", i, "max", "value"]],
          [e.max?.reason ?? "", ["elements", i, "max", "reason"]],
          [e.source ?? "", p("source")],
        ]);
      });
      break;
    case "indicators":
      plan.indicators.forEach((ind, i) => {
        row(indicatorRow(ind, i));
      });
      break;
    case "rules":
      plan.rules.forEach((r, i) => {
        const p = (k: string) => ["rules", i, k];
        row([
          [r.id, p("id")],
          [r.left, p("left")],
          [RULE_OPS[r.op] ?? "", p("op")],
          [r.right, p("right")],
          [SEVERITY_WORDS[r.severity] ?? "", p("severity")],
          [r.message, p("message")],
        ]);
      });
      break;
    case "forms":
      plan.forms.forEach((f, i) => {
        row([[f, ["forms", i]]]);
      });
      break;
    case "recipients":
      plan.recipients.forEach((r, i) => {
        row([
          [r.label, ["recipients", i, "label"]],
          [ROLE_WORDS[r.role] ?? "", ["recipients", i, "role"]],
        ]);
      });
      break;
  }
  return out;
}

function indicatorRow(ind: Indicator, i: number): [CellValue, readonly (string | number)[] | null][] {
  const p = (...k: string[]) => ["indicators", i, ...k];
  const head: [CellValue, readonly (string | number)[] | null][] = [
    [ind.id, p("id")],
    [ind.label, p("label")],
    [ind.shortLabel, p("shortLabel")],
    [INDICATOR_WORDS[ind.kind] ?? "", p("kind")],
  ];
  if (ind.kind === "frequency") {
    return [
      ...head,
      [ind.elementId, p("elementId")],
      ["", null],
      ["≥", null],
      [ind.minPerMonth, p("minPerMonth")],
      ["", null],
      ["", null],
      [ind.source ?? "", p("source")],
    ];
  }
  return [
    ...head,
    [termText(ind.numerator), p("numerator", "elementId")],
    [termText(ind.denominator), p("denominator", "elementId")],
    [ind.target.op === "=" ? "=" : "≥", p("target", "op")],
    [ind.target.value, p("target", "value")],
    [ZERO_WORDS[ind.onZeroDenominator] ?? "", p("onZeroDenominator")],
    [ind.prorate ? "Có" : "Không", p("prorate")],
    [ind.source ?? "", p("source")],
  ];
}
