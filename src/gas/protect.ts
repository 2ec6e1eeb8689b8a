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
import type { Settings } from "../core/settings";
import type { TabState, WantedProtection } from "./sheets-batch";
import { protectionRequests, readTabs, sendBatch } from "./sheets-batch";

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

/**
 * Applies every protection the plan and settings call for, with one spreadsheets.get (unless `tabs`,
 * read by the caller, is given) and one batchUpdate that also carries the caller's `requests`; returns
 * what it did, in Vietnamese. `widths`: the columns each unit tab uses (its header lock's width).
 */
export function applyProtections(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: Plan,
  settings: Settings,
  office: readonly string[],
  widths: Map<string, number>,
  tabs: Map<string, TabState> = readTabs(ss),
  requests: GoogleAppsScript.Sheets.Schema.Request[] = [],
): string[] {
  const done: string[] = [];
  // Google never takes the owner or the caller off a protection: their being on it is no difference.
  const fixed = [ss.getOwner()?.getEmail() ?? "", Session.getEffectiveUser().getEmail()];
  const want = (name: string, w: WantedProtection) => {
    const tab = tabs.get(name);
    if (tab) requests.push(...protectionRequests(tab, w, fixed));
    return tab !== undefined;
  };
  for (const unit of plan.units) {
    const staff = settings.unitEditors[unit.id] ?? [];
    if (!want(unit.tabName, { description: `${MARK}: ${unit.name}`, editors: [...office, ...staff] }))
      continue;
    const headerColumns = Math.max(widths.get(unit.tabName) ?? 0, 1);
    want(unit.tabName, { description: `${MARK}: tiêu đề`, headerColumns, editors: office });
    done.push(`Trang "${unit.tabName}": văn phòng và ${staff.length} người được nhập liệu.`);
  }
  for (const name of Object.values(SYSTEM_TABS))
    want(name, { description: `${MARK}: ${name}`, editors: office });
  sendBatch(ss, requests);
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
  // Every tab's protections in one read, the old locks removed and the new made in one write.
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [];
  const tabs = readTabs(ss);
  for (const tab of tabs.values())
    for (const p of tab.protections)
      if (p.description === LOCKED)
        requests.push({ deleteProtectedRange: { protectedRangeId: p.protectedRangeId ?? 0 } });
  const editors = { users: [...office], domainUsersCanEdit: false };
  // Without an approved period there is nothing to lock: no tab is read.
  for (const unit of locks.length === 0 ? [] : plan.units) {
    const tab = tabs.get(unit.tabName);
    const sheet = tab && ss.getSheetByName(unit.tabName);
    if (!tab || !sheet) continue;
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
      const range = {
        sheetId: tab.sheetId,
        startRowIndex: first - 1,
        endRowIndex: first - 1 + count,
        startColumnIndex: 0,
        endColumnIndex: width,
      };
      requests.push({ addProtectedRange: { protectedRange: { range, description: LOCKED, editors } } });
      protectedRows += count;
    }
  }
  sendBatch(ss, requests);
  return protectedRows;
}
