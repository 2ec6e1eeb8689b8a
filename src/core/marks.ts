/**
 * How validation results show in a unit's tab: the status cell's text, and a note and a colour on each
 * offending cell. Pure, so the on-edit handler and "Kiểm tra toàn bộ" mark cells identically, and so
 * a user's own notes and colours survive: ours carry a marker and only ours are replaced or cleared.
 */
import type { ColumnKey } from "./columns";
import type { EntryIssue } from "./validate";

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
  const user = (at >= 0 ? existing.slice(0, at) : existing).replace(/\s+$/, "");
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
