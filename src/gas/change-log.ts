/**
 * The change log: every user edit on a unit tab, appended to a hidden tab only the owner can edit.
 * Executions running as the owner (the installable edit trigger, menu items the owner runs) append
 * directly; others (a unit's editor submitting through the sidebar) cannot write an owner-only tab, so
 * their entries wait in document properties and the next owner execution appends them, in order.
 * Values are written as text so a logged "=…" never becomes a formula.
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

const PENDING_KEY = "ks.pendingChangeLog";
/** A property value holds at most 9 KB: keep the queue well under it. */
const PENDING_MAX_CHARS = 8000;

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

function runsAsOwner(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const owner = ss.getOwner();
  const effective = Session.getEffectiveUser().getEmail().toLowerCase();
  return !owner || owner.getEmail().toLowerCase() === effective;
}

/** Appends entries that waited for an owner execution; call from executions that run as the owner. */
export function flushPendingChanges(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const props = PropertiesService.getDocumentProperties();
  const raw = props.getProperty(PENDING_KEY);
  if (!raw || !runsAsOwner(ss)) return;
  const sheet = ss.getSheetByName(SYSTEM_TABS.changeLog);
  if (!sheet) return;
  const pending = JSON.parse(raw) as (Omit<LoggedChange, "at"> & { at: string })[];
  if (pending.length > 0) {
    const rows = pending.map((p) => logRow({ ...p, at: new Date(p.at) }));
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, CHANGE_LOG_HEADER.length).setValues(rows);
  }
  props.deleteProperty(PENDING_KEY);
}

export function appendChange(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, change: LoggedChange): void {
  const sheet = ss.getSheetByName(SYSTEM_TABS.changeLog);
  if (!sheet) return; // Before setup there is no log; setup creates it.
  if (runsAsOwner(ss)) {
    flushPendingChanges(ss);
    sheet.appendRow(logRow(change));
    return;
  }
  const props = PropertiesService.getDocumentProperties();
  const pending = JSON.parse(props.getProperty(PENDING_KEY) || "[]") as unknown[];
  pending.push({ ...change, at: change.at.toISOString() });
  // If the owner has not run anything for a long time, the oldest waiting entries give way.
  let text = JSON.stringify(pending);
  while (text.length > PENDING_MAX_CHARS && pending.length > 1) {
    pending.shift();
    text = JSON.stringify(pending);
  }
  props.setProperty(PENDING_KEY, text);
}
