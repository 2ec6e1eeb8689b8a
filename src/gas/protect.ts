/**
 * Protections: each unit tab editable by its editors and the owner; the add-in's own tabs by the owner
 * only; header rows by the owner only, so nobody breaks the column layout by accident.
 * Ours carry a description starting with MARK, so re-applying updates them instead of piling up.
 */
import type { Plan } from "../core/plan";
import { SYSTEM_TABS } from "../core/plan";
import type { Settings } from "../core/settings";

const MARK = "ke-hoach-sheet";
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

function ours(sheet: Sheet, type: GoogleAppsScript.Spreadsheet.ProtectionType, description: string) {
  return sheet.getProtections(type).filter((p) => p.getDescription() === description);
}

/** Makes the protection's editors exactly `editors` (the owner always stays an editor). */
function syncEditors(protection: Protection, editors: string[]): void {
  const wanted = new Set(editors.map((e) => e.toLowerCase()).filter((e) => e !== ""));
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const remove = current.filter((e) => !wanted.has(e));
  const add = [...wanted].filter((e) => !current.includes(e));
  if (remove.length > 0) protection.removeEditors(remove);
  if (add.length > 0) protection.addEditors(add);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

function protectSheet(sheet: Sheet, description: string, editors: string[]): void {
  const type = SpreadsheetApp.ProtectionType.SHEET;
  const [first, ...extra] = ours(sheet, type, description);
  for (const p of extra) p.remove();
  const protection = first ?? sheet.protect().setDescription(description);
  syncEditors(protection, editors);
}

function protectHeader(sheet: Sheet, width: number, owner: string): void {
  const description = `${MARK}: tiêu đề`;
  const type = SpreadsheetApp.ProtectionType.RANGE;
  for (const p of ours(sheet, type, description)) p.remove();
  const protection = sheet.getRange(1, 1, 1, Math.max(width, 1)).protect().setDescription(description);
  syncEditors(protection, [owner]);
}

/** Applies every protection the plan and settings call for; returns what it did, in Vietnamese. */
export function applyProtections(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: Plan,
  settings: Settings,
  owner: string,
  planWidths: Map<string, number>,
): string[] {
  const done: string[] = [];
  // A protection's editor still needs edit access to the file itself (Protection.addEditor does not
  // grant it): share the sheet with every unit editor who lacks it. Nobody is ever removed here.
  const fileEditors = new Set(ss.getEditors().map((u) => u.getEmail().toLowerCase()));
  const newEditors = [...new Set(Object.values(settings.unitEditors).flat())].filter(
    (e) => !fileEditors.has(e) && e !== owner,
  );
  if (newEditors.length > 0) {
    ss.addEditors(newEditors);
    done.push(`Chia sẻ quyền sửa bảng tính cho ${newEditors.length} người được nhập liệu.`);
  }
  for (const unit of plan.units) {
    const sheet = ss.getSheetByName(unit.tabName);
    if (!sheet) continue;
    const editors = [owner, ...(settings.unitEditors[unit.id] ?? [])];
    protectSheet(sheet, `${MARK}: ${unit.name}`, editors);
    protectHeader(sheet, Math.max(planWidths.get(unit.tabName) ?? 0, sheet.getLastColumn()), owner);
    const count = editors.filter((e) => e !== "").length - (owner ? 1 : 0);
    done.push(`Trang "${unit.tabName}": chủ bảng tính và ${count} người được nhập liệu.`);
  }
  for (const name of Object.values(SYSTEM_TABS)) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    protectSheet(sheet, `${MARK}: ${name}`, [owner]);
  }
  return done;
}
