/**
 * The change log: every user edit on a unit tab or on a tab the add-in writes, appended to a hidden tab
 * only the office can edit. Executions running as an office account (the installable edit trigger, menu
 * items the office runs) append directly; others (a unit's editor submitting through the sidebar)
 * cannot write an office-only tab, so their entries wait in document properties and the next office
 * execution appends them, in order. Values are written as text so a logged "=…" never becomes a formula;
 * a long one is cut to three lines in its cell and kept whole in the cell's note (the log's layout).
 */
import type { CellValue } from "../core/cell";
import { SYSTEM_TABS } from "../core/plan";
import { CHANGE_LOG_LAYOUT, logRow } from "../core/tables";
import { appendLogRows } from "./table";

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

/** A logged value as it was; text is made safe for Sheets and fitted by the log's layout (core). */
function asLogged(v: unknown): CellValue {
  if (v === undefined || v === null) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Object.prototype.toString.call(v) === "[object Date]") return v as Date;
  return String(v);
}

function changeCells(change: LoggedChange): CellValue[] {
  const single = change.cells === 1;
  return [
    change.at,
    change.user || "(không rõ)",
    change.tab,
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
    return changeCells({ ...p, at: new Date(p.at) });
  });
  if (dropped > 0) {
    rows.push(
      changeCells({
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
  appendLogRows(sheet, CHANGE_LOG_LAYOUT, [...pending.rows, ...lines]);
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
  if (runsAsOffice(office)) writeLines(ss, changes.map(changeCells));
  else waitChanges(changes);
}

/** Keeps changes waiting in document properties for the next office execution to append. */
export function waitChanges(changes: readonly LoggedChange[]): void {
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

/**
 * For an office execution that appends the log itself, in its own batch (the on-edit trigger's one
 * batchUpdate): the lines, the waiting ones first, fitted to the log's layout (logRow), and
 * `written()` to call once they are in the log. Null when this execution may not write the log.
 */
export function changeLines(
  changes: readonly LoggedChange[],
  office: readonly string[],
): { lines: { values: CellValue[]; notes: string[] }[]; written(): void } | null {
  if (!runsAsOffice(office)) return null;
  const pending = pendingLines();
  const lines = [...pending.rows, ...changes.map(changeCells)].map((r) => logRow(CHANGE_LOG_LAYOUT, r));
  return { lines, written: pending.forget };
}

export function appendChange(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  change: LoggedChange,
  office: readonly string[],
): void {
  appendChanges(ss, [change], office);
}
