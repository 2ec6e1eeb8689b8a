/**
 * Protections: each unit tab editable by its staff and the office; every tab the add-in writes (rollup,
 * settings view, logs) by the office only; header rows by the office only, so nobody breaks the column
 * layout by accident; rows of periods the chairman approved by the office only. The chairman, shared
 * the file as an editor so that he has the menu, is in none of them.
 * Ours carry a description starting with MARK, so re-applying updates them instead of piling up.
 * Protection.addEditors does not share the file: sharing is sharing.ts's.
 */
import type { CellValue } from "../core/cell";
import type { Lock } from "../core/approval";
import { lockOn } from "../core/approval";
import { parseDate } from "../core/parse";
import type { Plan } from "../core/plan";
import { SYSTEM_TABS } from "../core/plan";
import { columnLetter } from "./unit-tab";
import type { Settings } from "../core/settings";

const MARK = "ke-hoach-sheet";
const LOCKED = `${MARK}: kỳ đã duyệt`;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

function ours(
  sheet: Sheet,
  type: GoogleAppsScript.Spreadsheet.ProtectionType,
  description: string,
  created = false,
) {
  // A tab made in this run has none.
  if (created) return [];
  return sheet.getProtections(type).filter((p) => p.getDescription() === description);
}

/**
 * Makes the protection's editors exactly `editors` (Google keeps the file's owner and the caller).
 * `fresh`: made in this run, so its list was never set.
 */
function syncEditors(protection: Protection, editors: readonly string[], fresh: boolean): void {
  const wanted = new Set(editors.map((e) => e.toLowerCase()).filter((e) => e !== ""));
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const remove = current.filter((e) => !wanted.has(e));
  const add = [...wanted].filter((e) => !current.includes(e));
  if (remove.length > 0) protection.removeEditors(remove);
  // A new protection's list is always written: until it is set, it follows the file's editors, so
  // someone shared the file later would become its editor too. One of ours found as wanted is left.
  if (add.length > 0 || (fresh && remove.length === 0))
    protection.addEditors(add.length > 0 ? add : [...wanted]);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

function protectSheet(sheet: Sheet, description: string, editors: readonly string[], created = false): void {
  const type = SpreadsheetApp.ProtectionType.SHEET;
  const [first, ...extra] = ours(sheet, type, description, created);
  for (const p of extra) p.remove();
  const protection = first ?? sheet.protect().setDescription(description);
  syncEditors(protection, editors, first === undefined);
}

/** A tab the add-in writes, called `name`: the office alone may change it. */
export function protectOfficeOnly(
  sheet: Sheet,
  office: readonly string[],
  name = sheet.getName(),
  created = false,
): void {
  protectSheet(sheet, `${MARK}: ${name}`, office, created);
}

/** "A1:J1": the header row of `columns` columns, as Range.getA1Notation writes it. */
function headerA1(columns: number): string {
  return columns === 1 ? "A1" : `A1:${columnLetter(columns)}1`;
}

function protectHeader(sheet: Sheet, width: number, office: readonly string[], created: boolean): void {
  const description = `${MARK}: tiêu đề`;
  const type = SpreadsheetApp.ProtectionType.RANGE;
  const columns = Math.max(width, 1);
  const [first, ...extra] = ours(sheet, type, description, created);
  for (const p of extra) p.remove();
  // Kept when it still covers the header row exactly (a run with nothing to change re-makes nothing).
  const kept = first?.getRange()?.getA1Notation() === headerA1(columns) ? first : undefined;
  if (first && !kept) first.remove();
  const protection = kept ?? sheet.getRange(1, 1, 1, columns).protect().setDescription(description);
  syncEditors(protection, office, !kept);
}

/** The tab of a unit the plan no longer has: kept with its data, the office alone may change it. */
export function protectArchived(sheet: Sheet, office: readonly string[]): void {
  const description = `${MARK}: lưu trữ`;
  // The unit's own protection (its staff could edit) gives way to the office-only one.
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)) {
    const d = p.getDescription();
    if (d.startsWith(MARK) && d !== description) p.remove();
  }
  protectSheet(sheet, description, office);
}

/** A unit tab setup has just laid out: its width is final, and whether this run made it. */
export interface LaidOutTab {
  sheet: Sheet;
  width: number;
  created: boolean;
}

/**
 * Applies every protection the plan and settings call for; returns what it did, in Vietnamese.
 * `laidOut`: the unit tabs setup has just laid out (saves looking each one up again).
 */
export function applyProtections(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: Plan,
  settings: Settings,
  office: readonly string[],
  planWidths: Map<string, number>,
  laidOut?: Map<string, LaidOutTab>,
): string[] {
  const done: string[] = [];
  for (const unit of plan.units) {
    const tab = laidOut?.get(unit.tabName);
    const sheet = tab?.sheet ?? ss.getSheetByName(unit.tabName);
    if (!sheet) continue;
    const staff = settings.unitEditors[unit.id] ?? [];
    const created = tab?.created ?? false;
    protectSheet(sheet, `${MARK}: ${unit.name}`, [...office, ...staff], created);
    const width = tab?.width ?? Math.max(planWidths.get(unit.tabName) ?? 0, sheet.getLastColumn());
    protectHeader(sheet, width, office, created);
    done.push(`Trang "${unit.tabName}": văn phòng và ${staff.length} người được nhập liệu.`);
  }
  for (const name of Object.values(SYSTEM_TABS)) {
    const tab = laidOut?.get(name);
    const sheet = tab?.sheet ?? ss.getSheetByName(name);
    if (sheet) protectOfficeOnly(sheet, office, name, tab?.created ?? false);
  }
  return done;
}

/** Runs of consecutive row numbers: [first, count]. */
function runsOf(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else out.push([r, 1]);
  }
  return out;
}

/**
 * Locks, for everyone but the office, the rows of each unit tab dated in a period the chairman approved:
 * one range protection per run of such rows, re-made each time (after an approval, at setup). Staff
 * then get Google's own refusal when they try to type there; rows they add later with such a date are
 * marked and not counted (core/approval.ts rowCountsUnderLock). Reads each tab's date column once.
 */
export function lockApprovedRows(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: Plan,
  settings: Settings,
  office: readonly string[],
  locks: readonly Lock[],
  dateColumn: (sheet: Sheet, unitId: string) => number | null,
): number {
  let protectedRows = 0;
  const type = SpreadsheetApp.ProtectionType.RANGE;
  // The spreadsheet's range protections in one listing rather than one per tab.
  for (const p of ss.getProtections(type)) if (p.getDescription() === LOCKED) p.remove();
  // Without an approved period there is nothing to lock: no tab is read.
  if (locks.length === 0) return 0;
  for (const unit of plan.units) {
    const sheet = ss.getSheetByName(unit.tabName);
    if (!sheet) continue;
    const column = dateColumn(sheet, unit.id);
    const last = sheet.getLastRow();
    if (column === null || last < 2) continue;
    const dates = sheet.getRange(2, column, last - 1, 1).getValues() as CellValue[][];
    const rows: number[] = [];
    dates.forEach(([v], i) => {
      const parsed = parseDate(v ?? "", "Ngày");
      if (parsed.ok && lockOn(parsed.value, settings.periodRule, locks)) rows.push(i + 2);
    });
    const width = Math.max(sheet.getLastColumn(), 1);
    for (const [first, count] of runsOf(rows)) {
      const protection = sheet.getRange(first, 1, count, width).protect().setDescription(LOCKED);
      syncEditors(protection, office, true);
      protectedRows += count;
    }
  }
  return protectedRows;
}
