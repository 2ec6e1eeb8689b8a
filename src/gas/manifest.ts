/**
 * What Apps Script calls by name: the menu items, the installable-trigger handlers and the
 * google.script.run targets. The build fails when a name here is not exported by src/gas/main.ts,
 * because Google would only tell us at click time ("Script function not found").
 */
import type { Action } from "../core/roles";
import type { EndpointName } from "./api";

export interface MenuEntry {
  /** Vietnamese caption shown in the menu. */
  caption: string;
  /** Global function the item runs; must be exported by src/gas/main.ts. */
  functionName: string;
  /** What it does, as core/roles.ts knows it: the menu shows a person the items their roles allow. */
  action: Action;
  /** Office actions are grouped under one submenu, after what staff and the chairman need. */
  office?: true;
  /** Shown only on a sheet nobody has set up yet (the choice of an upper level's workbook). */
  firstRun?: true;
}

/** The caption of the office's submenu. */
export const OFFICE_SUBMENU = "Văn phòng UBND xã";

/** The plan's menu, in the order users see it; `null` is a separator. */
export const MENU_ENTRIES: readonly (MenuEntry | null)[] = [
  { caption: "Nhập báo cáo…", functionName: "showEntrySidebar", action: "enter" },
  { caption: "Tình hình báo cáo của đơn vị…", functionName: "showStatusSidebar", action: "status" },
  { caption: "Hướng dẫn", functionName: "showHelp", action: "help" },
  null,
  { caption: "Duyệt báo cáo tháng…", functionName: "showApprovalDialog", action: "approvalView" },
  { caption: "Tổng hợp tháng…", functionName: "showRollupSidebar", action: "rollupView" },
  { caption: "Kiểm tra toàn bộ số liệu", functionName: "checkAllData", action: "check", office: true },
  { caption: "Gửi báo cáo tháng…", functionName: "showSendDialog", action: "send", office: true },
  {
    caption: "Cập nhật bản xem cho cấp trên",
    functionName: "updateReadOnlyCopy",
    action: "copy",
    office: true,
  },
  null,
  { caption: "Cài đặt…", functionName: "showSettingsDialog", action: "settings", office: true },
  { caption: "Thiết lập / sửa bảng tính", functionName: "setupSpreadsheet", action: "setup", office: true },
  {
    caption: "Kế hoạch: nhập, xuất, soạn từ văn bản…",
    functionName: "showPlanDialog",
    action: "setup",
    office: true,
  },
  {
    caption: "Tạo kế hoạch năm mới…",
    functionName: "createNextYearSpreadsheet",
    action: "newYear",
    office: true,
  },
  {
    caption: "Thiết lập làm bảng tổng hợp cấp trên (nhiều xã)",
    functionName: "setupUpperLevel",
    action: "upperSetup",
    office: true,
    firstRun: true,
  },
];

/** The menu of an upper level's workbook ("cấp trên" mode), in the order its office sees it. */
export const UPPER_MENU_ENTRIES: readonly (MenuEntry | null)[] = [
  { caption: "Báo cáo tổng hợp tháng…", functionName: "showUpperReport", action: "upperView" },
  { caption: "Nhận số liệu các xã ngay", functionName: "syncCommunesNow", action: "upperSync" },
  null,
  { caption: "Gửi báo cáo tổng hợp tháng…", functionName: "sendUpperReportNow", action: "upperSend" },
  { caption: "Nhắc các xã chưa gửi số liệu", functionName: "remindCommunesNow", action: "upperSend" },
  null,
  { caption: "Thiết lập / sửa bảng tính", functionName: "setupSpreadsheet", action: "upperSetup" },
];

/** Handlers that setup installs as installable triggers (time-driven, on-edit, on-change). */
export const TRIGGER_HANDLERS: readonly string[] = [
  "onEditInstalled",
  "onChangeInstalled",
  "onMonthlyTrigger",
  "onDailyTrigger",
  "onHourlyTrigger",
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
  "getApprovalState",
  "approveReport",
  "returnReport",
  "getUnitStatus",
  "getPlanDialogState",
  "importPlanJson",
  "draftPlanFromText",
];
