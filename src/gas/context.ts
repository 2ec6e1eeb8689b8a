/**
 * Where the add-in's state lives in Google: the plan (code), the settings (document properties),
 * who is acting (Session) and who owns the sheet. Everything else reads these through here.
 */
import type { Plan, Unit } from "../core/plan";
import { findUnit } from "../core/plan";
import type { Settings } from "../core/settings";
import { defaultSettings, validateSettings } from "../core/settings";
import { todayIso } from "../core/periods";
import { loadDefaultPlan } from "../plans";

const SETTINGS_KEY = "ks.settings";

/** What someone who is not the owner hears when they try an owner's action. */
export const OWNER_ONLY = "Chỉ chủ bảng tính mới làm được việc này. Hãy nhờ người quản lý bảng tính.";

export function getPlan(): Plan {
  return loadDefaultPlan();
}

/** Stored settings, or the plan's defaults while none are stored (or the stored ones are unreadable). */
export function loadSettings(plan: Plan): Settings {
  const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!raw) return defaultSettings(plan);
  try {
    const checked = validateSettings(JSON.parse(raw), plan);
    if (checked.ok) return { ...defaultSettings(plan), ...checked.settings };
  } catch (_) {
    // Unreadable JSON: fall back to defaults; saving settings again repairs it.
  }
  return defaultSettings(plan);
}

export function storeSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}

/** The user running this execution, lower-cased; "" where Google does not tell (consumer accounts). */
export function activeUserEmail(): string {
  return (Session.getActiveUser().getEmail() || "").toLowerCase();
}

/** The sheet's owner, lower-cased; "" when Google gives none (files in a shared drive). */
export function ownerEmail(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const owner = ss.getOwner();
  return owner ? owner.getEmail().toLowerCase() : "";
}

export function isOwner(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string): boolean {
  const owner = ownerEmail(ss);
  return owner === "" || user === owner;
}

/** Whether `user` may enter data for `unit`: the owner, or one of the unit's editors in settings. */
export function canEditUnit(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  unit: Unit,
  user: string,
): boolean {
  if (user !== "" && user === ownerEmail(ss)) return true;
  return user !== "" && (settings.unitEditors[unit.id] ?? []).includes(user);
}

export function unitOfTab(plan: Plan, tabName: string): Unit | undefined {
  return plan.units.find((u) => u.tabName === tabName);
}

export function unitById(plan: Plan, id: string): Unit | undefined {
  return findUnit(plan, id);
}

export function today(): string {
  return todayIso(new Date());
}

export interface SheetContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  plan: Plan;
  settings: Settings;
  /** The active user, lower-cased, "" where Google does not tell. */
  user: string;
}

/** What nearly every entry point starts from. */
export function sheetContext(): SheetContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const plan = getPlan();
  return { ss, plan, settings: loadSettings(plan), user: activeUserEmail() };
}
