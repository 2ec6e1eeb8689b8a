/** The settings at a glance in the "Cài đặt" tab, laid out as every table the add-in writes. */
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import { settingsTable } from "../core/tables";
import { writeTableIfChanged } from "./table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function writeSettingsView(sheet: Sheet, plan: Plan, settings: Settings): void {
  writeTableIfChanged(sheet, settingsTable(plan, settings));
}
