/**
 * Validation of what a unit typed: one row at a time (types, required fields, dates, lists), a whole tab
 * (headers found by name, blank rows skipped). The cross-field rules between figures are in rules.ts.
 * The result is always a list of issues; nothing here throws on any input.
 */
import type { CellValue } from "./cell";
import { isBlankCell } from "./cell";
import type { Column, ColumnIndex, ColumnKey } from "./columns";
import { elementHeader, matchHeaders, unitColumns } from "./columns";
import type { Parsed } from "./parse";
import {
  blankMessage,
  formatWholeNumber,
  matchOption,
  normalizeText,
  parseDate,
  parseMoney,
  parseWholeNumber,
  parseYesNo,
} from "./parse";
import { personalDataWarnings } from "./personal-data";
import type { DataElement, Plan, Unit } from "./plan";
import { unitElements } from "./plan";
import type { IsoDate, PeriodRule } from "./periods";
import { civilDateOf, formatDateVi, isValidIso, planSpan } from "./periods";

export interface EntryIssue {
  severity: "error" | "warning";
  column: ColumnKey | null;
  message: string;
}

/** A valid row of a unit's tab, in canonical form. */
export interface Entry {
  unitId: string;
  date: IsoDate;
  /** The task exactly as the plan writes it. */
  task: string;
  form: string | null;
  /** The sub-unit's id (not its display name), or null for units without sub-units. */
  subUnit: string | null;
  /** Only the elements that were filled in. */
  values: Record<string, number | boolean>;
  content: string;
  notes: string;
}

export interface ValidateContext {
  /** Today in Vietnam (see todayIso); dates after it are refused. */
  today: IsoDate;
  /** Defaults to the plan's rule; decides the last day of the plan year. */
  rule?: PeriodRule;
}

export type EntryInput = Partial<Record<ColumnKey, CellValue>>;

function personalDataIssues(column: Column, text: string): EntryIssue[] {
  return personalDataWarnings(column.header, text).map((message) => ({
    severity: "warning" as const,
    column: column.key,
    message,
  }));
}

function parseElement(e: DataElement, raw: CellValue, label: string): Parsed<number | boolean> {
  if (e.valueType === "yesno") return parseYesNo(raw, label);
  const money = e.valueType === "money";
  const r = money ? parseMoney(raw, label) : parseWholeNumber(raw, label);
  if (!r.ok || !e.max || r.value <= e.max.value) return r;
  // Above what the column can hold: most likely a phone or ID number, or a slip of the keyboard.
  const max = formatWholeNumber(e.max.value);
  return {
    ok: false,
    message:
      'Cột "' +
      label +
      '": ' +
      formatWholeNumber(r.value) +
      " vượt mức tối đa " +
      max +
      " của cột này (" +
      e.max.reason +
      "). Có thể đây là số điện thoại, số giấy tờ hoặc gõ nhầm, nên số này không được tính. Hãy nhập đúng " +
      (money ? "số tiền (đồng)" : "số " + e.measure) +
      ", không quá " +
      max +
      ".",
  };
}

/**
 * What checking a row of one unit needs, worked out once per tab (or per single row) instead of once per
 * row: the columns people type into with their elements and labels, the plan's span, today.
 */
interface RowCheck {
  plan: Plan;
  unit: Unit;
  fields: { column: Column; element: DataElement | undefined; label: string }[];
  span: { start: IsoDate; end: IsoDate };
  /** ctx.today when it is a real date; later dates are refused. */
  today: IsoDate | null;
}

function rowCheck(plan: Plan, unit: Unit, ctx: ValidateContext): RowCheck {
  const elements = new Map(unitElements(plan, unit).map((e) => [e.id, e]));
  const fields = unitColumns(plan, unit)
    .filter((c) => !c.scriptOwned)
    .map((column) => {
      const element = column.elementId ? elements.get(column.elementId) : undefined;
      return { column, element, label: element ? elementHeader(element) : column.header };
    });
  return {
    plan,
    unit,
    fields,
    span: planSpan(plan, ctx.rule ?? plan.periodRule),
    today: isValidIso(ctx.today) ? ctx.today : null,
  };
}

function checkDate(rc: RowCheck, date: IsoDate, column: Column): EntryIssue | null {
  const { span, today } = rc;
  const late = today !== null && date > today;
  if (date >= span.start && date <= span.end && !late) return null;
  const range = "Hãy nhập ngày từ " + formatDateVi(span.start) + " đến " + formatDateVi(span.end) + ".";
  const head = 'Cột "' + column.header + '": ngày ' + formatDateVi(date);
  const message =
    date < span.start
      ? head + " trước ngày bắt đầu kế hoạch. " + range
      : date > span.end
        ? head + " sau ngày cuối của kế hoạch năm " + rc.plan.year + ". " + range
        : head + " chưa đến (hôm nay là " + formatDateVi(today as IsoDate) + "). Hãy nhập ngày đã thực hiện.";
  return { severity: "error", column: column.key, message };
}

/** Checks one row whose i-th typed value (of rc.fields) is `row[at[i]]`, or empty when at[i] < 0. */
function validateRow(rc: RowCheck, row: readonly CellValue[], at: readonly number[]) {
  const { unit } = rc;
  const issues: EntryIssue[] = [];
  const entry: Entry = {
    unitId: unit.id,
    date: "",
    task: "",
    form: null,
    subUnit: null,
    values: {},
    content: "",
    notes: "",
  };
  let hasError = false;
  for (let i = 0; i < rc.fields.length; i++) {
    const { column: c, element, label } = rc.fields[i] as RowCheck["fields"][number];
    const index = at[i] as number;
    const raw = index < 0 ? null : (row[index] ?? null);
    let error: string | null = null;
    if (isBlankCell(raw)) {
      if (c.required) error = blankMessage(c.header, c.helpText);
    } else {
      switch (c.key) {
        case "date": {
          const r = parseDate(raw, c.header);
          if (!r.ok) error = r.message;
          else {
            const problem = checkDate(rc, r.value, c);
            if (problem) {
              issues.push(problem);
              hasError = true;
            }
            entry.date = r.value;
          }
          break;
        }
        case "task":
        case "form": {
          const r = matchOption(raw, c.options ?? [], c.header);
          if (!r.ok) error = r.message;
          else if (c.key === "task") entry.task = r.value;
          else entry.form = r.value;
          break;
        }
        case "subUnit": {
          const r = matchOption(raw, c.options ?? [], c.header);
          if (!r.ok) error = r.message;
          else entry.subUnit = (unit.subUnits ?? []).find((s) => s.name === r.value)?.id ?? null;
          break;
        }
        case "content":
        case "notes": {
          const text = normalizeText(raw);
          issues.push(...personalDataIssues(c, text));
          if (c.key === "content") entry.content = text;
          else entry.notes = text;
          break;
        }
        default: {
          if (!element) break;
          const r = parseElement(element, raw, label);
          if (!r.ok) error = r.message;
          else entry.values[element.id] = r.value;
        }
      }
    }
    if (error !== null) {
      issues.push({ severity: "error", column: c.key, message: error });
      hasError = true;
    }
  }
  return { entry: hasError ? null : entry, issues };
}

function validateEntryUnsafe(plan: Plan, unit: Unit, input: EntryInput, ctx: ValidateContext) {
  const rc = rowCheck(plan, unit, ctx);
  const row = rc.fields.map((f) => input[f.column.key] ?? null);
  return validateRow(
    rc,
    row,
    row.map((_, i) => i),
  );
}

/**
 * Validates one row of a unit's tab given by column key. Returns the canonical entry (null iff there is an
 * error) and every issue found: errors for what must be fixed, warnings for what deserves a look.
 */
export function validateEntry(
  plan: Plan,
  unit: Unit,
  input: EntryInput,
  ctx: ValidateContext,
): { entry: Entry | null; issues: EntryIssue[] } {
  try {
    return validateEntryUnsafe(plan, unit, input ?? {}, ctx);
  } catch (err) {
    // A malformed plan or input object must not stop an edit trigger; report it as an issue instead.
    return uncheckable(err);
  }
}

function uncheckable(err: unknown): { entry: Entry | null; issues: EntryIssue[] } {
  return {
    entry: null,
    issues: [{ severity: "error", column: null, message: "Không kiểm tra được dòng này: " + String(err) }],
  };
}

export interface UnitTabRow {
  /** 1-based sheet row. */
  rowNumber: number;
  /** Every input column empty: skipped, no issues. */
  blank: boolean;
  entry: Entry | null;
  issues: EntryIssue[];
}

export interface UnitTabRead {
  /** Problems with the header row (missing columns). */
  headerIssues: EntryIssue[];
  indexByKey: Partial<Record<ColumnKey, number>>;
  columns: Column[];
  rows: UnitTabRow[];
}

/**
 * Reads a whole tab as `getValues()` gives it: row 1 the headers, then data rows. Columns are where
 * `marks` says (the add-in's marks), or else found by header text; script-owned columns are ignored on
 * input; blank rows are reported as blank and skipped.
 */
export function readUnitTab(
  plan: Plan,
  unit: Unit,
  values: CellValue[][],
  ctx: ValidateContext,
  marks?: ColumnIndex,
): UnitTabRead {
  const columns = unitColumns(plan, unit);
  const header = Array.isArray(values) && Array.isArray(values[0]) ? values[0] : [];
  const { indexByKey, missing } = marks
    ? { indexByKey: marks, missing: columns.filter((c) => marks[c.key] === undefined) }
    : matchHeaders(columns, header);
  const headerIssues: EntryIssue[] = missing.map((c) => ({
    severity: c.required ? "error" : "warning",
    column: c.key,
    message:
      'Không tìm thấy cột "' +
      c.header +
      '" ở dòng tiêu đề của trang "' +
      unit.tabName +
      '". Hãy chạy "Thiết lập / sửa bảng tính" để viết lại tiêu đề.',
  }));
  // Where each typed column of rowCheck's fields is in the tab (-1: not found, read as empty).
  const at = columns.filter((c) => !c.scriptOwned).map((c) => indexByKey[c.key] ?? -1);
  const rows: UnitTabRow[] = [];
  type Checked = { entry: Entry | null; issues: EntryIssue[] };
  // Worked out once for the tab; a plan that cannot be read fails each row as validateEntry would.
  let check: (row: readonly CellValue[]) => Checked;
  try {
    const rc = rowCheck(plan, unit, ctx);
    check = (row) => validateRow(rc, row, at);
  } catch (err) {
    check = () => uncheckable(err);
  }
  for (let r = 1; r < (Array.isArray(values) ? values.length : 0); r++) {
    const row = Array.isArray(values[r]) ? (values[r] as CellValue[]) : [];
    let blank = true;
    for (const i of at) {
      if (i >= 0 && !isBlankCell(row[i])) {
        blank = false;
        break;
      }
    }
    if (blank) {
      rows.push({ rowNumber: r + 1, blank: true, entry: null, issues: [] });
      continue;
    }
    let res: Checked;
    try {
      res = check(row);
    } catch (err) {
      res = uncheckable(err);
    }
    rows.push({ rowNumber: r + 1, blank: false, entry: res.entry, issues: res.issues });
  }
  return { headerIssues, indexByKey, columns, rows };
}

/** The locale the add-in reads typed dates and numbers in (setup sets it). */
export const SHEET_LOCALE = "vi_VN";

/**
 * A warning on a date the spreadsheet's locale may have read month first: in a locale other than vi_VN
 * (en_US) a typed "05/04/2023" is 4 May. Only a date whose day could be a month, and is not its month,
 * may have been swapped; a date left as text is read day first by parseDate and is not concerned.
 */
export function monthFirstIssue(value: CellValue, locale: string): EntryIssue | null {
  if (!locale || locale === SHEET_LOCALE || Object.prototype.toString.call(value) !== "[object Date]")
    return null;
  const [y, m, d] = civilDateOf(value as Date).split("-") as [string, string, string];
  if (Number(d) > 12 || d === m) return null;
  const message =
    "Bảng tính đang đặt ngôn ngữ " +
    locale +
    ", không phải Tiếng Việt: ngày gõ " +
    m +
    "/" +
    d +
    "/" +
    y +
    " có thể đã bị đọc thành ngày " +
    Number(d) +
    " tháng " +
    Number(m) +
    " năm " +
    y +
    " (tháng trước, ngày sau). Nếu ý bạn là ngày " +
    Number(m) +
    " tháng " +
    Number(d) +
    ": đặt Tệp > Cài đặt > Ngôn ngữ: Việt Nam rồi gõ lại ngày, hoặc gõ ngày dạng " +
    y +
    "-" +
    d +
    "-" +
    m +
    ".";
  return { severity: "warning", column: "date", message };
}

/** `read` (of `values`, header first) with monthFirstIssue on each non-blank row's date. */
export function withLocaleIssues(
  read: UnitTabRead,
  values: readonly (readonly CellValue[])[],
  locale: string,
): UnitTabRead {
  const at = read.indexByKey.date;
  if (at === undefined || locale === SHEET_LOCALE) return read;
  return {
    ...read,
    rows: read.rows.map((r) => {
      const issue = r.blank ? null : monthFirstIssue(values[r.rowNumber - 1]?.[at] ?? null, locale);
      return issue ? { ...r, issues: [...r.issues, issue] } : r;
    }),
  };
}
