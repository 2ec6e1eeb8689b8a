/**
 * Where the add-in's state lives in Google: the plan (code), the settings and the recorded accounts
 * (document properties), and who is acting (Session). Everything else reads these through here; who
 * may do what is decided in core/roles.ts.
 */
import type { Plan, Unit } from "../core/plan";
import { findUnit } from "../core/plan";
import type { People, Person } from "../core/roles";
import { peopleOf, personOf } from "../core/roles";
import type { Settings } from "../core/settings";
import { defaultSettings, validateSettings } from "../core/settings";
import { markValidated, validatedBefore } from "../core/settings-mark";
import { todayIso } from "../core/periods";
import { currentPlan } from "./plan-store";
import { planTools } from "./plan-tools-loader";
import { upperTools } from "./upper-tools-loader";

const SETTINGS_KEY = "ks.settings";
/** The account that ran the first setup: the first member of the office. */
const SETUP_ACCOUNT_KEY = "ks.setupAccount";
/** The account whose installable triggers run the add-in's automatic jobs. */
const INSTALLER_KEY = "ks.installer";
/** "upper" once the workbook was set up as an upper level's ("cấp trên"); absent for a commune's sheet. */
const MODE_KEY = "ks.mode";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The plan the sheet was set up with (setup stores it from the "Kế hoạch" tab), or the bundled one. */
export function getPlan(): Plan {
  return currentPlan(() => planTools().defaultPlan());
}

/**
 * Stored settings over the plan's defaults (a field added since they were saved takes its default), or
 * the defaults while none are stored or the stored ones are unreadable. Settings our code stored after
 * validating them, for this plan and schema version, are taken as they are (core/settings-mark.ts):
 * every edit loads them, and validating costs it zod's compile and a parse. Anything else is validated
 * as before. Never writes: this runs in triggers, as whoever edited.
 */
export function loadSettings(plan: Plan): Settings {
  const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  const defaults = defaultSettings(plan);
  if (!raw) return defaults;
  const valid = validatedBefore(raw, plan);
  if (valid) return { ...defaults, ...valid } as Settings;
  return validatedNow(raw, plan) ?? defaults;
}

/** Stored settings validated (with zod) over the plan's defaults; null when unreadable or invalid. */
function validatedNow(raw: string, plan: Plan): Settings | null {
  try {
    const stored = JSON.parse(raw) as unknown;
    if (stored !== null && typeof stored === "object") {
      const checked = validateSettings({ ...defaultSettings(plan), ...stored }, plan);
      if (checked.ok) return checked.settings;
    }
  } catch (_) {
    // Unreadable JSON: the defaults; saving settings again repairs it.
  }
  return null;
}

/**
 * Marks the stored settings as validated for `plan` when they are valid for it but not marked (stored
 * before markers existed, or for the plan before this one): setup calls it, so that edits stop
 * validating them. What they say does not change (they are stored as validation reads them); invalid
 * ones are left as they are (a load gives the defaults, as before). Never from a load: it writes.
 */
export function markStoredSettings(plan: Plan): void {
  const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!raw || validatedBefore(raw, plan) !== null) return;
  const valid = validatedNow(raw, plan);
  if (valid) storeSettings(valid, plan);
}

/**
 * Stores settings, marked as validated for `plan` (core/settings-mark.ts) when validation accepts them
 * and gives back the very text stored: checked here, on that text, so that the marker never rests on a
 * caller's word. They are stored as zod returns them (its key order, normalized), which is what a load
 * that validates would return. Otherwise stored unmarked, and every load validates them as before.
 * Every writer of the settings comes through here.
 */
export function storeSettings(settings: Settings, plan: Plan): void {
  let text = JSON.stringify(settings);
  const first = validateSettings(JSON.parse(text), plan);
  if (first.ok) {
    const canonical = JSON.stringify(first.settings);
    const again = validateSettings(JSON.parse(canonical), plan);
    if (again.ok && JSON.stringify(again.settings) === canonical) text = markValidated(canonical, plan);
  }
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, text);
}

/** The stored settings as they are (null when none): what a failed save puts back. */
export function storedSettingsRaw(): string | null {
  return PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
}

export function restoreSettingsRaw(raw: string | null): void {
  const props = PropertiesService.getDocumentProperties();
  if (raw === null) props.deleteProperty(SETTINGS_KEY);
  else props.setProperty(SETTINGS_KEY, raw);
}

function lower(s: string | null | undefined): string {
  return (s ?? "").trim().toLowerCase();
}

/**
 * Who runs this execution. Menu items and google.script.run calls run with the user's own
 * authorisation, so the effective user is that person even where Google blanks the active user
 * (consumer accounts); "" only where Google tells nothing.
 */
export function callerEmail(): string {
  let email = "";
  try {
    email = Session.getEffectiveUser().getEmail();
  } catch (_) {
    // A simple trigger may not be allowed to ask: fall back to the active user.
  }
  if (!email) {
    try {
      email = Session.getActiveUser().getEmail();
    } catch (_) {
      email = "";
    }
  }
  return lower(email);
}

/** The file's Drive owner, lower-cased; "" in a shared drive, where a file has none. */
export function driveOwner(ss: Spreadsheet): string {
  const owner = ss.getOwner();
  return owner ? lower(owner.getEmail()) : "";
}

export function recordedSetupAccount(): string {
  return lower(PropertiesService.getDocumentProperties().getProperty(SETUP_ACCOUNT_KEY));
}

export function recordSetupAccount(email: string): void {
  PropertiesService.getDocumentProperties().setProperty(SETUP_ACCOUNT_KEY, lower(email));
}

export function recordedInstaller(): string {
  return lower(PropertiesService.getDocumentProperties().getProperty(INSTALLER_KEY));
}

export function recordInstaller(email: string): void {
  PropertiesService.getDocumentProperties().setProperty(INSTALLER_KEY, lower(email));
}

/**
 * The first office account: the one recorded by setup. A sheet set up before it was recorded falls back
 * to its Drive owner, if it has one; a shared-drive file without a record has no office until setup
 * runs again (see core/roles.ts mayClaimSetup).
 */
export function setupAccount(ss: Spreadsheet): string {
  return recordedSetupAccount() || driveOwner(ss);
}

/** Whether this workbook is an upper level's, set up in "cấp trên" mode. */
export function isUpperMode(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(MODE_KEY) === "upper";
}

export function recordUpperMode(): void {
  PropertiesService.getDocumentProperties().setProperty(MODE_KEY, "upper");
}

function peopleHere(ss: Spreadsheet, plan: Plan, settings: Settings): People {
  return isUpperMode()
    ? upperTools().upperPeople(ss, plan, setupAccount(ss))
    : peopleOf(settings, setupAccount(ss));
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
  ss: Spreadsheet;
  plan: Plan;
  settings: Settings;
  /** The caller, lower-cased, "" where Google does not tell. */
  user: string;
  people: People;
  person: Person;
}

/** What nearly every entry point starts from. */
export function sheetContext(): SheetContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const plan = getPlan();
  const settings = loadSettings(plan);
  const user = callerEmail();
  const people = peopleHere(ss, plan, settings);
  return { ss, plan, settings, user, people, person: personOf(user, people) };
}

/** The office as the add-in knows it now, without a caller (triggers, logs). */
export function currentPeople(ss: Spreadsheet, settings: Settings): People {
  return peopleHere(ss, getPlan(), settings);
}
