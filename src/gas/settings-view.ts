/** The owner's read-only view of the settings, so they can be checked at a glance in the sheet. */
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import { settingsRows } from "../core/tables";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function writeSettingsView(sheet: Sheet, plan: Plan, settings: Settings): void {
  const rows = settingsRows(plan, settings);
  sheet.clearContents();
  sheet.getRange(1, 1, rows.length, 2).setValues(rows);
  sheet.getRange(1, 1, 1, 2).setFontWeight("bold");
  sheet.setColumnWidth(1, 260);
  sheet.setColumnWidth(2, 420);
}
