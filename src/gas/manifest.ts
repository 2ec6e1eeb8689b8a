/**
 * What Apps Script calls by name: the menu items, the installable-trigger handlers and the
 * google.script.run targets. The build fails when a name here is not exported by src/gas/main.ts,
 * because Google would only tell us at click time ("Script function not found").
 */
import type { EndpointName } from "./api";

export interface MenuEntry {
  /** Vietnamese caption shown in the menu. */
  caption: string;
  /** Global function the item runs; must be exported by src/gas/main.ts. */
  functionName: string;
}

/** The plan's menu, in the order users see it; `null` is a separator. */
export const MENU_ENTRIES: readonly (MenuEntry | null)[] = [
  { caption: "Nhập báo cáo…", functionName: "showEntrySidebar" },
  { caption: "Tổng hợp tháng…", functionName: "showRollupSidebar" },
  { caption: "Kiểm tra toàn bộ số liệu", functionName: "checkAllData" },
  { caption: "Gửi báo cáo tháng…", functionName: "showSendDialog" },
  { caption: "Cập nhật bản xem cho cấp trên", functionName: "updateReadOnlyCopy" },
  null,
  { caption: "Cài đặt…", functionName: "showSettingsDialog" },
  { caption: "Thiết lập / sửa bảng tính", functionName: "setupSpreadsheet" },
  null,
  { caption: "Hướng dẫn", functionName: "showHelp" },
];

/** Handlers that setup installs as installable triggers (time-driven, on-edit). */
export const TRIGGER_HANDLERS: readonly string[] = [
  "onEditInstalled",
  "onMonthlyTrigger",
  "onDailyTrigger",
  "retryMonthlyReport",
];

/** Every google.script.run target the pages call. */
export const CLIENT_ENDPOINTS: readonly EndpointName[] = [
  "getEntryFormState",
  "submitEntry",
  "getSettingsState",
  "saveSettings",
  "getRollupState",
  "writeRollupToTab",
  "getSendState",
  "sendReportNow",
];
