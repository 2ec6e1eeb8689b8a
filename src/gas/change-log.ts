/**
 * The change log: every user edit on a unit tab or on a tab the add-in writes, appended to a hidden tab
 * only the office can edit. Executions running as an office account (the installable edit trigger, menu
 * items the office runs) append directly; others (a unit's editor submitting through the sidebar)
 * cannot write an office-only tab, so their entries wait in document properties and the next office
 * execution appends them, in order. Values are written as text so a logged "=…" never becomes a formula.
 */
import type { CellValue } from "../core/cell";
import { textForSheet } from "../core/marks";
import { SYSTEM_TABS } from "../core/plan";

export const CHANGE_LOG_HEADER = [
  "Thời gian",
  "Người sửa",
  "Trang",
  "Vùng",
  "Giá trị cũ",
  "Giá trị mới",
] as const;

/**
 * One document property per waiting entry (a property holds 9 KB, a store 500 KB): no entry is ever
 * rewritten, and the keys sort in the order the changes happened.
 */
const PENDING_PREFIX = "ks.pendingChange.";
const DROPPED_KEY = "ks.pendingChangesDropped";

export interface LoggedChange {
  at: Date;
  user: string;
  tab: string;
  a1: string;
  /** Single-cell edits: the old and new values. Blocks: ignored, and `cells` counts them. */
  oldValue: unknown;
  newValue: unknown;
  cells: number;
}

function asLogged(v: unknown): CellValue {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return textForSheet(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (Object.prototype.toString.call(v) === "[object Date]") return v as Date;
  return textForSheet(String(v));
}

function logRow(change: LoggedChange): CellValue[] {
  const single = change.cells === 1;
  return [
    change.at,
    change.user || "(không rõ)",
    textForSheet(change.tab),
    change.a1,
    single ? asLogged(change.oldValue) : "",
    single ? asLogged(change.newValue) : `${change.cells} ô được sửa`,
  ];
}

/** Whether this execution may write the office-only log: it runs as an office account. */
function runsAsOffice(office: readonly string[]): boolean {
  return office.includes(Session.getEffectiveUser().getEmail().toLowerCase());
}

/** The lines that waited for an office execution, oldest first, and how to forget them once written. */
function pendingLines(): { rows: CellValue[][]; forget(): void } {
  const props = PropertiesService.getDocumentProperties();
  const all = props.getProperties();
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(PENDING_PREFIX))
    .sort();
  const dropped = Number(all[DROPPED_KEY] ?? 0);
  const rows = keys.map((k) => {
    const p = JSON.parse(all[k]!) as Omit<LoggedChange, "at"> & { at: string };
    return logRow({ ...p, at: new Date(p.at) });
  });
  if (dropped > 0) {
    rows.push(
      logRow({
        at: new Date(),
        user: "",
        tab: "",
        a1: "",
        oldValue: "",
        newValue: `${dropped} mục nhật ký không lưu được (bộ nhớ tạm đầy)`,
        cells: 1,
      }),
    );
  }
  return {
    rows,
    forget() {
      for (const k of keys) props.deleteProperty(k);
      if (dropped > 0) props.deleteProperty(DROPPED_KEY);
    },
  };
}

/** Writes lines (the waiting ones first) to the log in one call; the log's sheet when it exists. */
function writeLines(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, lines: CellValue[][]): void {
  const sheet = ss.getSheetByName(SYSTEM_TABS.changeLog);
  if (!sheet) return; // Before setup there is no log; setup creates it.
  const pending = pendingLines();
  const rows = [...pending.rows, ...lines];
  if (rows.length === 1) sheet.appendRow(rows[0]!);
  else if (rows.length > 1) {
    // appendRow grows the sheet; a range past its last row does not: grow it first.
    const at = sheet.getLastRow() + 1;
    const max = sheet.getMaxRows();
    if (at + rows.length - 1 > max) sheet.insertRowsAfter(max, at + rows.length - 1 - max);
    sheet.getRange(at, 1, rows.length, CHANGE_LOG_HEADER.length).setValues(rows);
  }
  pending.forget();
}

/** Appends entries that waited for an office execution; does nothing in anyone else's. */
export function flushPendingChanges(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  office: readonly string[],
): void {
  if (runsAsOffice(office)) writeLines(ss, []);
}

/**
 * Logs changes: an office execution writes them (after any that waited), anyone else's leaves them
 * waiting in document properties.
 */
export function appendChanges(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  changes: readonly LoggedChange[],
  office: readonly string[],
): void {
  if (runsAsOffice(office)) {
    writeLines(ss, changes.map(logRow));
    return;
  }
  const props = PropertiesService.getDocumentProperties();
  for (const change of changes) {
    const key = `${PENDING_PREFIX}${change.at.toISOString()}.${Utilities.getUuid().slice(0, 8)}`;
    try {
      props.setProperty(key, JSON.stringify({ ...change, at: change.at.toISOString() }));
    } catch (_) {
      // The store is full (the owner has run nothing for a very long time): count what could not wait.
      props.setProperty(DROPPED_KEY, String(Number(props.getProperty(DROPPED_KEY) ?? 0) + 1));
    }
  }
}

export function appendChange(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  change: LoggedChange,
  office: readonly string[],
): void {
  appendChanges(ss, [change], office);
}
