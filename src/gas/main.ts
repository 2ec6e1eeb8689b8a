/**
 * The Apps Script entry. Every export becomes a global function in build/Code.js (the build generates
 * the delegating stubs): simple triggers, installable-trigger handlers, menu items and every
 * google.script.run target. Each is a thin call into the modules beside it.
 */
import type { ServerApi } from "./api";
import { checkAllTabs } from "./check";
import { getPlan, isOwner, OWNER_ONLY, ownerEmail, sheetContext, today } from "./context";
import { handleEdit } from "./edit";
import { entryFormState, submitEntry as submitEntryImpl } from "./entry";
import { MENU_ENTRIES } from "./manifest";
import {
  onDaily,
  onMonthly,
  onRetry,
  rollupState,
  sendReportNow as sendReportNowImpl,
  sendState,
  updateCopyFromMenu,
  writeRollupToTab as writeRollupToTabImpl,
} from "./monthly";
import { saveSettings as saveSettingsImpl, settingsFormState } from "./settings";
import { setupSpreadsheet as runSetup } from "./setup";

/** Simple trigger: builds the plan's menu each time the spreadsheet opens. */
export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(getPlan().shortName);
  for (const entry of MENU_ENTRIES) {
    if (entry) menu.addItem(entry.caption, entry.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** Installable on-edit trigger (installed by setup, runs as the owner). */
export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

/** "Thiết lập / sửa bảng tính". */
export function setupSpreadsheet(): void {
  const { ss, plan, settings, user } = sheetContext();
  const ui = SpreadsheetApp.getUi();
  if (!isOwner(ss, user)) {
    ui.alert("Thiết lập bảng tính", OWNER_ONLY, ui.ButtonSet.OK);
    return;
  }
  const report = runSetup(ss, plan, settings, ownerEmail(ss));
  const parts = [
    report.created.length ? `Đã tạo:\n${report.created.join("\n")}` : "",
    report.repaired.length ? `Đã sửa:\n${report.repaired.join("\n")}` : "",
    report.problems.length
      ? `Cần xem lại (không tự sửa để không mất số liệu):\n${report.problems.join("\n")}`
      : "",
  ].filter((p) => p !== "");
  ui.alert(
    "Thiết lập bảng tính",
    parts.length ? parts.join("\n\n") : "Bảng tính đã đúng cấu trúc, không có gì phải sửa.",
    ui.ButtonSet.OK,
  );
}

/** "Kiểm tra toàn bộ số liệu". */
export function checkAllData(): void {
  const { ss, plan, settings } = sheetContext();
  const summary = checkAllTabs(ss, plan, settings, today());
  const head =
    summary.errors + summary.warnings === 0
      ? `Đã kiểm tra ${summary.rows} dòng: không có lỗi.`
      : `Đã kiểm tra ${summary.rows} dòng: ${summary.errors} lỗi, ${summary.warnings} cảnh báo. Các ô có vấn đề được tô màu và có ghi chú.`;
  const ui = SpreadsheetApp.getUi();
  ui.alert("Kiểm tra số liệu", [head, ...summary.lines.slice(0, 30)].join("\n"), ui.ButtonSet.OK);
}

/** Installable, time-driven: the monthly report (installed by setup at the day and hour in settings). */
export function onMonthlyTrigger(): void {
  onMonthly();
}

/** Installable, time-driven, daily: reminders to units that have not reported. */
export function onDailyTrigger(): void {
  onDaily();
}

/** One-off retry after a send that could not go (quota, MailApp failure). */
export function retryMonthlyReport(): void {
  onRetry();
}

/** Shows a built page (build/<file>.html) as the 300 px sidebar, or as a dialog of the given size. */
function showPage(file: string, title: string, size?: [number, number]): void {
  const page = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  const ui = SpreadsheetApp.getUi();
  if (size) ui.showModalDialog(page.setWidth(size[0]).setHeight(size[1]), title);
  else ui.showSidebar(page);
}

/** "Tổng hợp tháng…": the rollup sidebar. */
export function showRollupSidebar(): void {
  showPage("RollupSidebar", "Tổng hợp tháng");
}

/** "Gửi báo cáo tháng…": recipients, period and quota first, then send. */
export function showSendDialog(): void {
  showPage("SendDialog", "Gửi báo cáo tháng", [520, 480]);
}

/** "Cập nhật bản xem cho cấp trên". */
export function updateReadOnlyCopy(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert("Bản xem cho cấp trên", updateCopyFromMenu(), ui.ButtonSet.OK);
}

/** "Nhập báo cáo…": the entry sidebar. */
export function showEntrySidebar(): void {
  showPage("EntrySidebar", "Nhập báo cáo");
}

/** "Cài đặt…": the settings dialog. */
export function showSettingsDialog(): void {
  showPage("Settings", "Cài đặt", [620, 640]);
}

/** "Hướng dẫn": the how-to, in Vietnamese (a page, so its text is not in every execution's bundle). */
export function showHelp(): void {
  showPage("Help", "Hướng dẫn", [560, 520]);
}

// google.script.run targets. Typed against ServerApi so the sidebars and the server cannot drift apart.
export const getEntryFormState: ServerApi["getEntryFormState"] = () => entryFormState();
export const submitEntry: ServerApi["submitEntry"] = (input) => submitEntryImpl(input);
export const getSettingsState: ServerApi["getSettingsState"] = () => settingsFormState();
export const saveSettings: ServerApi["saveSettings"] = (input) => saveSettingsImpl(input);
export const getRollupState: ServerApi["getRollupState"] = (periodKey) => rollupState(periodKey);
export const writeRollupToTab: ServerApi["writeRollupToTab"] = (periodKey) => writeRollupToTabImpl(periodKey);
export const getSendState: ServerApi["getSendState"] = (periodKey) => sendState(periodKey);
export const sendReportNow: ServerApi["sendReportNow"] = (input) => sendReportNowImpl(input);
