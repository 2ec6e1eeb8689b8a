/** The owner's read-only view of the settings, so they can be checked at a glance in the sheet. */
import type { CellValue } from "../core/cell";
import { textForSheet } from "../core/marks";
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function settingsRows(plan: Plan, settings: Settings): CellValue[][] {
  const rows: CellValue[][] = [
    ["Cài đặt (sửa qua menu → Cài đặt…)", ""],
    ["Kế hoạch", plan.title],
    ["Email Chủ tịch", settings.chairmanEmail || "(chưa nhập)"],
    ["Cấp trên", settings.upperLevelName],
    ["Email cấp trên", settings.upperLevelEmails.join(", ") || "(chưa nhập)"],
    [
      "Kỳ báo cáo",
      settings.periodRule === "cutoff"
        ? "Từ ngày 15 tháng trước đến ngày 14 tháng báo cáo"
        : "Tháng dương lịch",
    ],
    ["Gửi báo cáo", `Ngày ${settings.sendDay} hằng tháng, lúc ${settings.sendHour}:00`],
    [
      "Nhắc đơn vị chưa báo cáo",
      settings.reminderDaysBefore > 0 ? `${settings.reminderDaysBefore} ngày trước hạn` : "Không nhắc",
    ],
    ["", ""],
    ["Đơn vị", "Người được nhập liệu"],
  ];
  for (const unit of plan.units) {
    rows.push([unit.name, (settings.unitEditors[unit.id] ?? []).join(", ") || "(chưa giao)"]);
  }
  return rows.map((row) => row.map((v) => (typeof v === "string" ? textForSheet(v) : v)));
}

export function writeSettingsView(sheet: Sheet, plan: Plan, settings: Settings): void {
  const rows = settingsRows(plan, settings);
  sheet.clearContents();
  sheet.getRange(1, 1, rows.length, 2).setValues(rows);
  sheet.getRange(1, 1, 1, 2).setFontWeight("bold");
  sheet.setColumnWidth(1, 260);
  sheet.setColumnWidth(2, 420);
}
