/** The settings at a glance in the "Cài đặt" tab, laid out as every table the add-in writes. */
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import { settingsTable } from "../core/tables";
import { writeTableIfChanged } from "./table";
import { tableRequests } from "./table-batch";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function writeSettingsView(sheet: Sheet, plan: Plan, settings: Settings): void {
  writeTableIfChanged(sheet, settingsTable(plan, settings));
}

/** The same view as requests, for a tab `sheetId` of `rows` rows made in the same batch (setup.ts). */
export function settingsViewRequests(
  sheetId: number,
  rows: number,
  plan: Plan,
  settings: Settings,
): GoogleAppsScript.Sheets.Schema.Request[] {
  return tableRequests(sheetId, rows, settingsTable(plan, settings));
}
