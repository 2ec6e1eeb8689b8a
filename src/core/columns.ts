/**
 * The layout of a unit's tab, derived from the plan. Setup writes these headers, validation and the
 * CLI find columns by them, so a tab whose columns were moved or that gained extra columns still reads.
 */
import type { CellValue } from "./cell";
import { isBlankCell } from "./cell";
import { widthForLines } from "./layout";
import { collapseSpaces, foldText, formatWholeNumber } from "./parse";
import type { DataElement, Plan, Unit } from "./plan";
import { unitElements } from "./plan";

export type ColumnKey =
  | "date"
  | "task"
  | "form"
  | "subUnit"
  | "content"
  | "notes"
  | "status"
  | "enteredBy"
  | "updatedAt"
  | `el:${string}`;

export type ColumnKind = "date" | "list" | "whole" | "money" | "yesno" | "text" | "script";

export interface Column {
  key: ColumnKey;
  /** Vietnamese header written in row 1. */
  header: string;
  kind: ColumnKind;
  required: boolean;
  /** Allowed values for list and yes/no columns, as written in the dropdown. */
  options?: string[];
  /** Vietnamese: what to type (shown as the header's note and in the sidebar). */
  helpText: string;
  /** Suggested width in pixels. */
  width: number;
  /** Written by the script only; ignored when reading what people typed. */
  scriptOwned: boolean;
  elementId?: string;
}

export const YES_NO_OPTIONS = ["Có", "Không"];

export function elementKey(elementId: string): ColumnKey {
  return `el:${elementId}`;
}

export function elementHeader(e: DataElement): string {
  return e.label + " (" + e.measure + ")";
}

function elementColumn(e: DataElement): Column {
  const base = {
    key: elementKey(e.id),
    header: elementHeader(e),
    required: false,
    scriptOwned: false,
    elementId: e.id,
  };
  const maxNote = e.max ? " Không quá " + formatWholeNumber(e.max.value) + "." : "";
  const stockNote =
    e.kind === "stock"
      ? " Đây là số hiện có: chỉ cần nhập khi có thay đổi, số mới nhất sẽ được dùng."
      : " Số phát sinh trong lần hoạt động này; các dòng được cộng lại theo tháng.";
  if (e.valueType === "yesno") {
    return {
      ...base,
      kind: "yesno",
      options: YES_NO_OPTIONS,
      helpText: e.helpText + " Chọn Có hoặc Không.",
      width: 110,
    };
  }
  if (e.valueType === "money") {
    return {
      ...base,
      kind: "money",
      helpText: e.helpText + " Nhập số tiền bằng đồng, ví dụ 1.500.000." + maxNote + stockNote,
      width: 130,
    };
  }
  return {
    ...base,
    kind: "whole",
    helpText: e.helpText + " Nhập số nguyên không âm, ví dụ 25." + maxNote + stockNote,
    width: 120,
  };
}

/**
 * Columns of a unit's tab in a stable order: date, task, form, sub-unit, elements, content, notes,
 * script columns. Computed once per plan and unit (validation asks for them on every row); treat the
 * result as read-only.
 */
export function unitColumns(plan: Plan, unit: Unit): Column[] {
  let byUnit = COLUMNS_CACHE.get(plan);
  if (!byUnit) {
    byUnit = new WeakMap();
    COLUMNS_CACHE.set(plan, byUnit);
  }
  let columns = byUnit.get(unit);
  if (!columns) {
    columns = buildUnitColumns(plan, unit);
    byUnit.set(unit, columns);
  }
  return columns;
}

const COLUMNS_CACHE = new WeakMap<Plan, WeakMap<Unit, Column[]>>();

function buildUnitColumns(plan: Plan, unit: Unit): Column[] {
  const cols: Column[] = [
    {
      key: "date",
      header: "Ngày",
      kind: "date",
      required: true,
      helpText: "Ngày thực hiện, dạng ngày/tháng/năm, ví dụ 05/04/2023. Không nhập ngày trong tương lai.",
      width: 95,
      scriptOwned: false,
    },
    {
      key: "task",
      header: "Nhiệm vụ",
      kind: "list",
      required: true,
      options: [...unit.tasks],
      helpText: "Chọn nhiệm vụ của đơn vị theo kế hoạch (mục V) trong danh sách thả xuống.",
      width: 260,
      scriptOwned: false,
    },
    {
      key: "form",
      header: "Hình thức",
      kind: "list",
      required: false,
      options: [...plan.forms],
      helpText: "Chọn hình thức thực hiện trong danh sách thả xuống.",
      width: 160,
      scriptOwned: false,
    },
  ];
  const subs = unit.subUnits ?? [];
  if (subs.length > 0) {
    const label = unit.subUnitLabel ?? "Đơn vị con";
    cols.push({
      key: "subUnit",
      header: label,
      kind: "list",
      required: true,
      options: subs.map((s) => s.name),
      helpText:
        "Chọn " +
        label.toLowerCase() +
        " trong danh sách thả xuống; số liệu được tính riêng cho từng " +
        label.toLowerCase() +
        ".",
      width: 170,
      scriptOwned: false,
    });
  }
  for (const e of unitElements(plan, unit)) cols.push(elementColumn(e));
  cols.push(
    {
      key: "content",
      header: "Nội dung",
      kind: "text",
      required: false,
      helpText:
        "Tóm tắt việc đã làm. Chỉ ghi số liệu tổng hợp: không ghi họ tên, số điện thoại, số giấy tờ tuỳ thân.",
      width: 320,
      scriptOwned: false,
    },
    {
      key: "notes",
      header: "Ghi chú",
      kind: "text",
      required: false,
      helpText: "Ghi chú thêm nếu cần. Không ghi thông tin cá nhân.",
      width: 200,
      scriptOwned: false,
    },
    {
      key: "status",
      header: "Trạng thái",
      kind: "script",
      required: false,
      helpText: "Tiện ích tự ghi kết quả kiểm tra dòng này; không cần nhập.",
      width: 220,
      scriptOwned: true,
    },
    {
      key: "enteredBy",
      header: "Người nhập",
      kind: "script",
      required: false,
      helpText: "Tiện ích tự ghi; không cần nhập.",
      width: 160,
      scriptOwned: true,
    },
    {
      key: "updatedAt",
      header: "Cập nhật lúc",
      kind: "script",
      required: false,
      helpText: "Tiện ích tự ghi; không cần nhập.",
      width: 130,
      scriptOwned: true,
    },
  );
  // A header no taller than three lines in its bold, wrapped header cell: wider where the plan's label is long.
  for (const c of cols) c.width = widthForLines(c.header, c.width, true);
  return cols;
}

/** Header text for matching: folded, without a required marker "*" and with spaces tidied. */
export function headerKey(text: CellValue | undefined): string {
  return collapseSpaces(foldText(text).replace(/\*/g, "")).trim();
}

/**
 * The key without "(…)" parts, as /\([^)]*\)/g would remove them, in one pass: that expression retries
 * from every "(" that has no ")" after it, which is quadratic on a header typed as "((((…".
 */
function withoutParentheses(key: string): string {
  let out = "";
  let from = 0;
  for (let open = key.indexOf("("); open >= 0; open = key.indexOf("(", from)) {
    const close = key.indexOf(")", open + 1);
    if (close < 0) break;
    out += key.slice(from, open);
    from = close + 1;
  }
  return collapseSpaces(out + key.slice(from)).trim();
}

/**
 * Finds each column in a header row by its text (case, composition, diacritics and a trailing "*" do not
 * matter; an element's "(unit)" may be left out). The first match wins.
 */
export function matchHeaders(
  columns: Column[],
  headerRow: CellValue[],
): {
  indexByKey: Partial<Record<ColumnKey, number>>;
  missing: Column[];
  unknown: { index: number; text: string }[];
} {
  const full = new Map<string, Column>();
  const loose = new Map<string, Column>();
  for (const c of columns) {
    const k = headerKey(c.header);
    if (!full.has(k)) full.set(k, c);
    const lk = withoutParentheses(k);
    if (!loose.has(lk)) loose.set(lk, c);
  }
  const indexByKey: Partial<Record<ColumnKey, number>> = {};
  const unknown: { index: number; text: string }[] = [];
  headerRow.forEach((cell, index) => {
    const k = headerKey(cell);
    if (k === "") return;
    const c = full.get(k) ?? loose.get(withoutParentheses(k));
    if (c && indexByKey[c.key] === undefined) indexByKey[c.key] = index;
    else unknown.push({ index, text: String(cell ?? "") });
  });
  const missing = columns.filter((c) => indexByKey[c.key] === undefined);
  return { indexByKey, missing, unknown };
}

/**
 * The developer-metadata key setup puts on each of the add-in's columns of a unit tab (its value: the
 * column's key). Metadata moves with its column and no one can type it, so a column someone adds and
 * heads "Trạng thái" is never taken for the add-in's own.
 */
export const COLUMN_MARK = "ks.column";

/** Where a unit tab's columns are, 0-based, by key. */
export type ColumnIndex = Partial<Record<ColumnKey, number>>;

/**
 * Whether a value could have been written by the add-in into one of its own columns: the status it
 * writes, an address, a time. Before writing into a column it found by header text (a sheet set up by
 * an earlier version) or through a layout that may be stale, every cell to be replaced must pass this,
 * so what a person typed into a column that only looks like ours is never replaced.
 */
export function mayOverwrite(column: Column, v: CellValue | undefined): boolean {
  if (isBlankCell(v)) return true;
  if (column.key === "status") return typeof v === "string" && /^[✓✗⚠]/.test(v);
  if (column.key === "enteredBy") return typeof v === "string" && /^[^\s@]+@[^\s@]+$/.test(v);
  if (column.key === "updatedAt") return Object.prototype.toString.call(v) === "[object Date]";
  return false;
}

/**
 * Columns of a sheet set up before columns were marked, by header text: as matchHeaders, except for a
 * script column whose header appears more than once. Then it is one whose body (`body()`, read only
 * then) holds nothing a person typed: preferably one holding what the add-in writes, else the nearest
 * to where setup put it (after the column before it in the plan). None when every one holds typed text.
 */
export function adoptByHeader(
  columns: Column[],
  header: CellValue[],
  body: () => CellValue[][],
): ReturnType<typeof matchHeaders> {
  const found = matchHeaders(columns, header);
  columns.forEach((c, k) => {
    if (!c.scriptOwned) return;
    const key = headerKey(c.header);
    const same = header.flatMap((h, i) => (headerKey(h) === key ? [i] : []));
    if (same.length < 2) return;
    const rows = body();
    const expected = (found.indexByKey[columns[k - 1]?.key ?? c.key] ?? -1) + 1;
    const score = (i: number) => (rows.some((r) => !isBlankCell(r[i])) ? 0 : 1e6) + Math.abs(i - expected);
    const ours = same
      .filter((i) => rows.every((r) => mayOverwrite(c, r[i])))
      .sort((a, b) => score(a) - score(b))[0];
    found.unknown = found.unknown.filter((u) => !same.includes(u.index));
    for (const i of same) if (i !== ours) found.unknown.push({ index: i, text: String(header[i] ?? "") });
    if (ours === undefined) {
      delete found.indexByKey[c.key];
      found.missing.push(c);
    } else found.indexByKey[c.key] = ours;
  });
  return found;
}

/** A marked tab's columns as matchHeaders reports them: unmarked headed columns are not the plan's. */
export function byMarks(
  columns: Column[],
  header: CellValue[],
  marks: ColumnIndex,
): ReturnType<typeof matchHeaders> {
  const indexByKey: ColumnIndex = {};
  for (const c of columns) if (marks[c.key] !== undefined) indexByKey[c.key] = marks[c.key];
  const ours = new Set(Object.values(indexByKey));
  const unknown = header.flatMap((h, index) =>
    ours.has(index) || headerKey(h) === "" ? [] : [{ index, text: String(h ?? "") }],
  );
  return { indexByKey, missing: columns.filter((c) => indexByKey[c.key] === undefined), unknown };
}
