/** The owner's read-only view of the settings, so they can be checked at a glance in the sheet. */
import type { CellValue } from "../core/cell";
import { textForSheet } from "../core/marks";
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import { SETTINGS_LABELS } from "../core/settings";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function settingsRows(plan: Plan, settings: Settings): CellValue[][] {
  const L = SETTINGS_LABELS;
  const rows: CellValue[][] = [
    ["Cài đặt (sửa qua menu → Cài đặt…)", plan.title],
    [L.chairmanEmail, settings.chairmanEmail || "(chưa nhập)"],
    [L.upperLevelName, settings.upperLevelName],
    [L.upperLevelEmails, settings.upperLevelEmails.join(", ") || "(chưa nhập)"],
    [
      L.periodRule,
      settings.periodRule === "cutoff" ? "15 tháng trước – 14 tháng báo cáo" : "Tháng dương lịch",
    ],
    [L.sendDay, `Ngày ${settings.sendDay}, ${settings.sendHour}:00`],
    [L.reminderDaysBefore, settings.reminderDaysBefore],
    [],
    ["Đơn vị", L.unitEditors],
  ];
  for (const unit of plan.units) {
    rows.push([unit.name, (settings.unitEditors[unit.id] ?? []).join(", ") || "(chưa giao)"]);
  }
  return rows.map((row) =>
    [0, 1].map((i) => (typeof row[i] === "string" ? textForSheet(row[i] as string) : (row[i] ?? ""))),
  );
}

export function writeSettingsView(sheet: Sheet, plan: Plan, settings: Settings): void {
  const rows = settingsRows(plan, settings);
  sheet.clearContents();
  sheet.getRange(1, 1, rows.length, 2).setValues(rows);
  sheet.getRange(1, 1, 1, 2).setFontWeight("bold");
  sheet.setColumnWidth(1, 260);
  sheet.setColumnWidth(2, 420);
}
