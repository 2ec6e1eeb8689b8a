/**
 * How validation results show in a unit's tab: the status cell's text, and a note and a colour on each
 * offending cell. Pure, so the on-edit handler and "Kiểm tra toàn bộ" mark cells identically, and so
 * a user's own notes and colours survive: ours carry a marker and only ours are replaced or cleared.
 */
import type { CellValue } from "./cell";
import type { ColumnKey } from "./columns";
import { instantOfCivilDate } from "./periods";
import type { Unit } from "./plan";
import type { Entry, EntryIssue, UnitTabRead } from "./validate";

export const ERROR_BACKGROUND = "#f4cccc";
export const WARNING_BACKGROUND = "#fff2cc";
const OUR_BACKGROUNDS = new Set([ERROR_BACKGROUND, WARNING_BACKGROUND]);

/** Starts the part of a note the add-in wrote; everything before it is the user's. */
export const NOTE_MARKER = "[Kiểm tra]";

export const STATUS_OK = "✓ Hợp lệ";

/** The status cell: what a person scanning the column needs, the first problem in full. */
export function statusText(issues: readonly EntryIssue[]): string {
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (và ${errors.length - 1} lỗi khác)` : "";
    return `✗ Lỗi: ${errors[0]!.message}${more}`;
  }
  if (warnings.length > 0) {
    const more = warnings.length > 1 ? ` (và ${warnings.length - 1} cảnh báo khác)` : "";
    return `⚠ Cảnh báo: ${warnings[0]!.message}${more}`;
  }
  return STATUS_OK;
}

/** Our note for one cell, or null when the cell has no issue. */
export function cellNote(issues: readonly EntryIssue[]): string | null {
  if (issues.length === 0) return null;
  return `${NOTE_MARKER} ${issues.map((i) => i.message).join("\n")}`;
}

/** Keeps the user's part of an existing note and replaces ours (or removes it when `ours` is null). */
export function mergeNote(existing: string, ours: string | null): string {
  const at = existing.indexOf(NOTE_MARKER);
  // trimEnd, not /\s+$/: that expression is quadratic on a note of many spaces followed by a letter.
  const user = (at >= 0 ? existing.slice(0, at) : existing).trimEnd();
  if (!ours) return user;
  return user ? `${user}\n\n${ours}` : ours;
}

/** Our colour for a cell with issues; otherwise the user's colour, or none if the colour was ours. */
export function mergeBackground(existing: string, issues: readonly EntryIssue[]): string | null {
  if (issues.some((i) => i.severity === "error")) return ERROR_BACKGROUND;
  if (issues.length > 0) return WARNING_BACKGROUND;
  return OUR_BACKGROUNDS.has(existing.toLowerCase()) ? null : existing;
}

/** Groups a row's issues by the column they concern; issues about no column go to the fallback. */
export function issuesByColumn(
  issues: readonly EntryIssue[],
  fallback: ColumnKey,
): Map<ColumnKey, EntryIssue[]> {
  const by = new Map<ColumnKey, EntryIssue[]>();
  for (const issue of issues) {
    const key = issue.column ?? fallback;
    const list = by.get(key);
    if (list) list.push(issue);
    else by.set(key, [issue]);
  }
  return by;
}

/**
 * A string as written by the script so that Sheets keeps it as exactly that text. Sheets reads a written
 * string as if typed: "=…" becomes a formula, "33,3 %" a percentage, "05/04" a date, "0912…" a number
 * without its leading zero. A leading apostrophe means "this is text" and is not part of the value.
 */
export function textForSheet(text: string): string {
  return text === "" ? "" : `'${text}`;
}

/**
 * Free text typed by a user, for a column formatted as plain text ("@"), where Sheets keeps what is
 * written as it is: only text that would still be taken for a formula if the format were lost gets the
 * protective apostrophe.
 */
export function formulaSafe(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** Who and when to stamp into the script's columns for rows a person just edited. */
export interface Stamp {
  user: string;
  at: Date;
}

export interface MarkedRows {
  /** The block's notes and colours with ours updated (the user's kept), ready to write back. */
  notes: string[][];
  backgrounds: (string | null)[][];
  /** Values for the script's own columns, by 0-based column index: status, and who/when if stamped. */
  scriptColumns: Map<number, CellValue[]>;
  /** Rows that hold something, with the issues found in them. */
  checked: number;
  errors: number;
  warnings: number;
  entries: Entry[];
}

/**
 * Marks a block of rows that readUnitTab validated (its header first): our note and colour on each
 * offending cell, the row's colour and text in the status column, and with a stamp who/when for rows
 * that hold something. `notes` and `backgrounds` are the block's current ones, as the sheet gives them.
 */
export function markRows(
  read: UnitTabRead,
  values: readonly CellValue[][],
  notes: readonly string[][],
  backgrounds: readonly string[][],
  stamp?: Stamp,
): MarkedRows {
  const col = read.indexByKey;
  const inputColumns = read.columns.filter((c) => !c.scriptOwned && col[c.key] !== undefined);
  const out: MarkedRows = {
    notes: notes.map((r) => [...r]),
    backgrounds: backgrounds.map((r) => [...r]),
    scriptColumns: new Map(),
    checked: 0,
    errors: 0,
    warnings: 0,
    entries: [],
  };
  const statuses: CellValue[] = [];
  const users: CellValue[] = [];
  const times: CellValue[] = [];
  read.rows.forEach((row, i) => {
    const noteRow = out.notes[i]!;
    const bgRow = out.backgrounds[i]!;
    const issues: EntryIssue[] = row.blank ? [] : row.issues;
    if (!row.blank) {
      out.checked++;
      out.errors += issues.filter((x) => x.severity === "error").length;
      out.warnings += issues.filter((x) => x.severity === "warning").length;
      if (row.entry) out.entries.push(row.entry);
    }
    const byColumn = issuesByColumn(issues, "status");
    for (const c of inputColumns) {
      const at = col[c.key]!;
      const own = byColumn.get(c.key) ?? [];
      noteRow[at] = mergeNote(noteRow[at] ?? "", cellNote(own));
      bgRow[at] = mergeBackground(bgRow[at] ?? "", own);
    }
    if (col.status !== undefined) {
      // The status cell carries the row's colour, so a long sheet can be scanned by its status column.
      bgRow[col.status] = mergeBackground(bgRow[col.status] ?? "", issues);
      statuses.push(row.blank ? "" : statusText(issues));
    }
    const stamped = stamp && !row.blank;
    users.push(stamped ? stamp.user : (values[i]?.[col.enteredBy ?? -1] ?? ""));
    times.push(stamped ? stamp.at : (values[i]?.[col.updatedAt ?? -1] ?? ""));
  });
  if (col.status !== undefined) out.scriptColumns.set(col.status, statuses);
  if (stamp && col.enteredBy !== undefined) out.scriptColumns.set(col.enteredBy, users);
  if (stamp && col.updatedAt !== undefined) out.scriptColumns.set(col.updatedAt, times);
  return out;
}

/**
 * A valid entry as the row the entry sidebar appends: each input column's value as Sheets should hold
 * it (the date as a date, figures as numbers, Có/Không, the sub-unit's name, free text kept as typed),
 * placed by the tab's own column order; script columns left empty for the marking that follows.
 */
export function entryRow(
  entry: Entry,
  unit: Unit,
  indexByKey: Partial<Record<ColumnKey, number>>,
  width: number,
): CellValue[] {
  const cells: Partial<Record<ColumnKey, CellValue>> = {
    date: instantOfCivilDate(entry.date),
    task: entry.task,
    form: entry.form ?? "",
    subUnit: (unit.subUnits ?? []).find((s) => s.id === entry.subUnit)?.name ?? "",
    content: formulaSafe(entry.content),
    notes: formulaSafe(entry.notes),
  };
  for (const [id, value] of Object.entries(entry.values)) {
    cells[`el:${id}`] = typeof value === "boolean" ? (value ? "Có" : "Không") : value;
  }
  const row: CellValue[] = new Array(width).fill("");
  for (const [key, value] of Object.entries(cells) as [ColumnKey, CellValue][]) {
    const at = indexByKey[key];
    if (at !== undefined) row[at] = value;
  }
  return row;
}
