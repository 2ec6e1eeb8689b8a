/**
 * The Apps Script entry. Every export becomes a global function in build/Code.js (the build generates
 * the delegating stubs): the simple onOpen, installable-trigger handlers, menu items and every
 * google.script.run target. google.script.run can call any of them from any page the script shows, so
 * each runs in guard.ts's wrapper: the caller's role is checked (core/roles.ts) before anything is
 * touched, and trigger handlers act only for a trigger of the recorded installer. The table of exports
 * and who may call each is in docs/design-notes.md.
 */
import type { Person } from "../core/roles";
import { may, mayClaimSetup, peopleOf, personOf, refusal } from "../core/roles";
import { SYSTEM_TABS } from "../core/plan";
import type { ServerApi } from "./api";
import {
  approvalState,
  approveReport as approveImpl,
  relockRows,
  returnReport as returnImpl,
} from "./approval";
import { checkAllTabs } from "./check";
import { lockContext } from "./approvals";
import type { SheetContext } from "./context";
import {
  driveOwner,
  getPlan,
  isUpperMode,
  loadSettings,
  recordedInstaller,
  recordedSetupAccount,
  recordSetupAccount,
  setupAccount,
  sheetContext,
  today,
} from "./context";
import { handleChange, rememberTabs } from "./changes";
import { handleEdit } from "./edit";
import { entryFormState, submitEntry as submitEntryImpl } from "./entry";
import { clientRun, menuRun, triggerRun } from "./guard";
import type { MenuEntry } from "./manifest";
import { MENU_ENTRIES, OFFICE_SUBMENU, TRIGGER_HANDLERS, UPPER_MENU_ENTRIES } from "./manifest";
import {
  onDaily,
  onHourly,
  onMonthly,
  onRetry,
  rollupState,
  sendReportNow as sendReportNowImpl,
  sendState,
  updateCopyFromMenu,
  writeRollupToTab as writeRollupToTabImpl,
} from "./monthly";
import { sendContext } from "./options";
import { settingsFormState } from "./settings";
import { planProblemsText, settingsForPlan, setupReportText } from "./plan-admin";
import { planTools } from "./plan-tools-loader";
import { protectArchived } from "./protect";
import { readSheetData } from "./rollup";
import { unitStatus } from "./status";
import type { SetupReport } from "./setup";
import { ensureTriggers } from "./triggers";
import { upperTools } from "./upper-tools-loader";

/**
 * Simple trigger: the plan's menu, fitted to the person when Google says who it is (what staff need
 * first, the chairman's approval, the office's actions in a submenu). Where Google does not say, or on
 * a sheet nobody has set up yet, it lists everything: every item checks the role again when clicked.
 */
export function onOpen(): void {
  let person: Person | null = null;
  try {
    const c = sheetContext();
    if (c.user !== "" && c.people.office.length > 0) person = c.person;
  } catch (err) {
    console.warn(`onOpen: ${String(err)}`);
  }
  const upper = isUpperMode();
  const fresh = !upper && recordedSetupAccount() === "";
  const shows = (e: MenuEntry) => (person === null || may(person, e.action)) && (!e.firstRun || fresh);
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(getPlan().shortName + (upper ? " – cấp trên" : ""));
  const office = ui.createMenu(OFFICE_SUBMENU);
  let top = 0;
  let sub = 0;
  let pendingSeparator = false;
  for (const entry of upper ? UPPER_MENU_ENTRIES : MENU_ENTRIES) {
    if (entry === null) {
      pendingSeparator = top > 0;
      continue;
    }
    if (!shows(entry)) continue;
    if (entry.office) {
      office.addItem(entry.caption, entry.functionName);
      sub++;
      continue;
    }
    if (pendingSeparator) menu.addSeparator();
    pendingSeparator = false;
    menu.addItem(entry.caption, entry.functionName);
    top++;
  }
  if (sub > 0) {
    if (top > 0) menu.addSeparator();
    menu.addSubMenu(office);
  }
  menu.addToUi();
}

/** Installable on-edit trigger (installed by setup, runs as the installer). */
export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  triggerRun("onEditInstalled", e, () => handleEdit(e));
}

/** Installable on-change trigger: rows, columns and tabs inserted, removed or renamed, logged. */
export function onChangeInstalled(e: GoogleAppsScript.Events.SheetsOnChange): void {
  triggerRun("onChangeInstalled", e, () => handleChange(e));
}

/** Whether this sheet was set up before the setup account was recorded (its logs exist). */
function setUpBefore(c: SheetContext): boolean {
  return c.ss.getSheetByName(SYSTEM_TABS.changeLog) !== null;
}

function runsTriggers(): boolean {
  return ScriptApp.getProjectTriggers().some((t) => TRIGGER_HANDLERS.includes(t.getHandlerFunction()));
}

/**
 * Installs the automatic jobs under the caller's account, asking first when another account runs them
 * (only when that account can no longer be used should they move).
 */
function installJobs(title: string, c: SheetContext, report: SetupReport, install: () => string[]): void {
  const installer = recordedInstaller();
  if (installer === "" || installer === c.user) {
    report.created.push(...install());
    return;
  }
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    title,
    `Các việc tự động (gửi báo cáo, nhắc nhở, kiểm tra khi sửa ô) đang chạy dưới tài khoản ${installer}. ` +
      `Chuyển sang tài khoản của bạn (${c.user})? Chỉ chọn "Có" khi tài khoản kia không còn dùng được.`,
    ui.ButtonSet.YES_NO,
  );
  if (answer === ui.Button.YES) {
    report.created.push(...install());
    report.repaired.push(`Các việc tự động nay chạy dưới tài khoản ${c.user}.`);
  } else {
    report.repaired.push(`Các việc tự động vẫn chạy dưới tài khoản ${installer}.`);
  }
}

/**
 * "Thiết lập làm bảng tổng hợp cấp trên (nhiều xã)": the choice, on a new spreadsheet, of an upper
 * level's workbook; later "Thiết lập / sửa bảng tính" repairs it (upper.ts).
 */
export function setupUpperLevel(): void {
  const title = "Thiết lập bảng tổng hợp cấp trên";
  menuRun(title, null, (first) => {
    // A commune's sheet (set up by anyone, or holding the add-in's tabs) stays one.
    const commune =
      !isUpperMode() &&
      (recordedSetupAccount() !== "" ||
        [SYSTEM_TABS.sendLog, ...first.plan.units.map((u) => u.tabName)].some((n) =>
          first.ss.getSheetByName(n),
        ));
    if (commune) {
      return (
        "Chỉ bảng tính chưa thiết lập mới dùng được làm bảng tổng hợp cấp trên; bảng tính này đã là bảng của xã. " +
        'Hãy tạo một bảng tính mới, đưa tiện ích vào, rồi chọn "Thiết lập làm bảng tổng hợp cấp trên (nhiều xã)".'
      );
    }
    const report = upperTools().upperSetup(first, (c, r, install) => installJobs(title, c, r, install));
    return typeof report === "string" ? report : setupReportText(report);
  });
}

/** "Thiết lập / sửa bảng tính": the first run makes the caller the office; later runs, the office only. */
export function setupSpreadsheet(): void {
  if (isUpperMode()) {
    setupUpperLevel();
    return;
  }
  const title = "Thiết lập bảng tính";
  menuRun(title, null, (first) => {
    const claim = {
      recorded: recordedSetupAccount(),
      driveOwner: driveOwner(first.ss),
      caller: first.user,
      admins: first.settings.adminEmails,
      setUpBefore: setUpBefore(first),
      callerRunsTriggers: runsTriggers(),
    };
    if (!mayClaimSetup(claim)) {
      if (first.people.office.length === 0) {
        return (
          "Bảng tính này đã được thiết lập trước đây nhưng chưa ghi nhận văn phòng UBND xã. Chỉ tài khoản đã cài " +
          "các việc tự động của tiện ích mới chạy được Thiết lập lần này; sau đó văn phòng được ghi nhận."
        );
      }
      return refusal("setup", first.people, first.person);
    }
    const archived = planTools().madeNextYear();
    if (archived) {
      return (
        `Bảng tính này là lưu trữ của năm ${archived.year - 1}: Thiết lập không chạy lại để giữ nguyên bảng lưu trữ. ` +
        `Bảng tính năm ${archived.year}: ${archived.url}`
      );
    }
    if (claim.recorded === "") recordSetupAccount(first.user);
    const people = peopleOf(first.settings, setupAccount(first.ss));
    // The plan tab first: checked whole, and on any problem nothing changes.
    const tools = planTools();
    const step = tools.applyPlanTab(first.ss, today(), first.settings.periodRule);
    if (!step.ok) return planProblemsText(step.problems);
    // A sheet made by "Tạo kế hoạch năm mới" takes up last year's settings and sharing at its first setup.
    const adopted = claim.recorded === "" ? tools.adoptCarriedSettings(first.ss, step.plan, people) : null;
    const loaded = adopted ? loadSettings(step.plan) : first.settings;
    const settings = settingsForPlan(loaded, step.plan);
    const everyone = adopted ? peopleOf(settings, setupAccount(first.ss)) : people;
    const c: SheetContext = {
      ...first,
      plan: step.plan,
      settings,
      people: everyone,
      person: personOf(first.user, everyone),
    };
    const report = tools.setupSpreadsheet(c.ss, c.plan, c.settings, everyone.office, step);
    report.repaired.unshift(...step.done, ...(adopted ?? []));
    rememberTabs(c.ss, report.tabs);
    installJobs(title, c, report, () => ensureTriggers(c.ss, c.settings));
    const locked = relockRows(sendContext(c));
    if (locked > 0) report.repaired.push(`Khoá ${locked} dòng của các kỳ đã duyệt (chỉ văn phòng sửa được).`);
    return setupReportText(report);
  });
}

/**
 * "Tạo kế hoạch năm mới…": next year's spreadsheet from this one, this one kept as the archive
 * (new-year.ts, in PlanTools). Asks first: it cannot be undone from the menu.
 */
export function createNextYearSpreadsheet(): void {
  const title = "Tạo kế hoạch năm mới";
  menuRun(title, "newYear", (c) => {
    const tools = planTools();
    const made = tools.madeNextYear();
    if (!made) {
      const ui = SpreadsheetApp.getUi();
      const answer = ui.alert(title, tools.nextYearQuestion(c.plan), ui.ButtonSet.YES_NO);
      if (answer !== ui.Button.YES) return "Chưa làm gì: bảng tính vẫn như cũ.";
    }
    const entries = readSheetData(c.ss, c.plan, c.settings, today(), new Date()).entries;
    return tools.createNextYear(c, {
      entries,
      share: (ss, access) => tools.shareAsSettingsSay(ss, access).lines,
      protectArchived,
    });
  });
}

/** "Kiểm tra toàn bộ số liệu". */
export function checkAllData(): void {
  menuRun("Kiểm tra số liệu", "check", (c) => {
    const summary = checkAllTabs(c.ss, c.plan, c.settings, today(), lockContext(c.people, c.settings));
    // Dates and numbers are read the Vietnamese way: say so if someone changed the spreadsheet's.
    const locale = c.ss.getSpreadsheetLocale();
    const zone = c.ss.getSpreadsheetTimeZone();
    if (locale !== "vi_VN" || zone !== "Asia/Ho_Chi_Minh") {
      summary.lines.unshift(
        `Bảng tính đang đặt ngôn ngữ ${locale}, múi giờ ${zone}: ngày và số gõ vào có thể bị hiểu sai. Hãy chạy "Thiết lập / sửa bảng tính" để đặt lại Tiếng Việt và giờ Việt Nam.`,
      );
    }
    const head =
      summary.errors + summary.warnings === 0
        ? `Đã kiểm tra ${summary.rows} dòng: không có lỗi.`
        : `Đã kiểm tra ${summary.rows} dòng: ${summary.errors} lỗi, ${summary.warnings} cảnh báo. Các ô có vấn đề được tô màu và có ghi chú.`;
    return [head, ...summary.lines.slice(0, 30)].join("\n");
  });
}

/** Installable, time-driven: the monthly report (installed by setup at the day and hour in settings). */
export function onMonthlyTrigger(e: unknown): void {
  triggerRun("onMonthlyTrigger", e, () => onMonthly(sheetContext()));
}

/** Installable, time-driven, daily: reminders, waiting drafts, what waits to be sent. */
export function onDailyTrigger(e: unknown): void {
  triggerRun("onDailyTrigger", e, () =>
    isUpperMode() ? upperTools().upperDaily(sheetContext()) : onDaily(sheetContext()),
  );
}

/** Installable, time-driven, hourly: what waits to be sent (an approval, a request, a retry). */
export function onHourlyTrigger(e: unknown): void {
  triggerRun("onHourlyTrigger", e, () =>
    isUpperMode() ? upperTools().upperHourly(sheetContext()) : onHourly(sheetContext()),
  );
}

/** A one-off retry trigger left by an earlier version: the hourly work once, then it goes. */
export function retryMonthlyReport(e: unknown): void {
  triggerRun("retryMonthlyReport", e, () => onRetry(sheetContext()));
}

/** Shows a built page (build/<file>.html) as the 300 px sidebar, or as a dialog of the given size. */
function showPage(file: string, title: string, size?: [number, number]): undefined {
  const page = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  const ui = SpreadsheetApp.getUi();
  if (size) ui.showModalDialog(page.setWidth(size[0]).setHeight(size[1]), title);
  else ui.showSidebar(page);
  return undefined;
}

/** "Tổng hợp tháng…": the rollup sidebar. */
export function showRollupSidebar(): void {
  menuRun("Tổng hợp tháng", "rollupView", () => showPage("RollupSidebar", "Tổng hợp tháng"));
}

/** "Gửi báo cáo tháng…": recipients, period, approval and quota first, then send. */
export function showSendDialog(): void {
  menuRun("Gửi báo cáo tháng", "send", () => showPage("SendDialog", "Gửi báo cáo tháng", [520, 520]));
}

/** "Duyệt báo cáo tháng…": the report exactly as it will go; approve or return it. */
export function showApprovalDialog(): void {
  menuRun("Duyệt báo cáo tháng", "approvalView", () =>
    showPage("ApprovalDialog", "Duyệt báo cáo tháng", [860, 640]),
  );
}

/** "Cập nhật bản xem cho cấp trên". */
export function updateReadOnlyCopy(): void {
  menuRun("Bản xem cho cấp trên", "copy", (c) => updateCopyFromMenu(c));
}

/** "Nhập báo cáo…": the entry sidebar. */
export function showEntrySidebar(): void {
  menuRun("Nhập báo cáo", "enter", () => showPage("EntrySidebar", "Nhập báo cáo"));
}

/** "Tình hình báo cáo của đơn vị…": this month's status of the caller's units, read-only. */
export function showStatusSidebar(): void {
  menuRun("Tình hình báo cáo", "status", () => showPage("StatusSidebar", "Tình hình báo cáo"));
}

/** "Cài đặt…": the settings dialog (the office only). */
export function showSettingsDialog(): void {
  menuRun("Cài đặt", "settings", () => showPage("Settings", "Cài đặt", [620, 640]));
}

/** "Kế hoạch: nhập, xuất, soạn từ văn bản…": the plan as JSON, out and in; a draft from a document. */
export function showPlanDialog(): void {
  menuRun("Kế hoạch", "setup", () => showPage("PlanDialog", "Kế hoạch", [720, 600]));
}

/** "Nhận số liệu các xã ngay" (upper level). */
export function syncCommunesNow(): void {
  menuRun("Nhận số liệu các xã", "upperSync", (c) => upperTools().syncFromMenu(c));
}

/** "Báo cáo tổng hợp tháng…" (upper level): a period's report, as the leaders get it. */
export function showUpperReport(): void {
  menuRun("Báo cáo tổng hợp tháng", "upperView", (c) => upperTools().showReportFromMenu(c));
}

/** "Gửi báo cáo tổng hợp tháng…" (upper level). */
export function sendUpperReportNow(): void {
  menuRun("Gửi báo cáo tổng hợp", "upperSend", (c) => upperTools().sendReportFromMenu(c));
}

/** "Nhắc các xã chưa gửi số liệu" (upper level). */
export function remindCommunesNow(): void {
  menuRun("Nhắc các xã", "upperSend", (c) => upperTools().remindFromMenu(c));
}

/** "Hướng dẫn": the how-to, in Vietnamese (a page, so its text is not in every execution's bundle). */
export function showHelp(): void {
  menuRun("Hướng dẫn", "help", () => showPage("Help", "Hướng dẫn", [560, 520]));
}

// google.script.run targets. Typed against ServerApi so the sidebars and the server cannot drift apart.
export const getEntryFormState: ServerApi["getEntryFormState"] = () =>
  clientRun("getEntryFormState", "enter", (c) => entryFormState(c));
export const submitEntry: ServerApi["submitEntry"] = (input) =>
  clientRun("submitEntry", "enter", (c) => submitEntryImpl(c, input));
export const getSettingsState: ServerApi["getSettingsState"] = () =>
  clientRun("getSettingsState", "settings", (c) => settingsFormState(c));
export const saveSettings: ServerApi["saveSettings"] = (input) =>
  clientRun("saveSettings", "settings", (c) => planTools().saveSettings(c, input));
export const getRollupState: ServerApi["getRollupState"] = (periodKey) =>
  clientRun("getRollupState", "rollupView", (c) => rollupState(c, periodKey));
export const writeRollupToTab: ServerApi["writeRollupToTab"] = (periodKey) =>
  clientRun("writeRollupToTab", "rollupWrite", (c) => writeRollupToTabImpl(c, periodKey));
export const getSendState: ServerApi["getSendState"] = (periodKey) =>
  clientRun("getSendState", "send", (c) => sendState(c, periodKey));
export const sendReportNow: ServerApi["sendReportNow"] = (input) =>
  clientRun("sendReportNow", "send", (c) => sendReportNowImpl(c, input));
export const getApprovalState: ServerApi["getApprovalState"] = (periodKey) =>
  clientRun("getApprovalState", "approvalView", (c) => approvalState(c, periodKey));
export const approveReport: ServerApi["approveReport"] = (input) =>
  clientRun("approveReport", "approve", (c) => approveImpl(c, input));
export const returnReport: ServerApi["returnReport"] = (input) =>
  clientRun("returnReport", "approve", (c) => returnImpl(c, input));
export const getUnitStatus: ServerApi["getUnitStatus"] = () =>
  clientRun("getUnitStatus", "status", (c) => unitStatus(c));
export const getPlanDialogState: ServerApi["getPlanDialogState"] = () =>
  clientRun("getPlanDialogState", "setup", () => planTools().planDialogState());
export const importPlanJson: ServerApi["importPlanJson"] = (text) =>
  clientRun("importPlanJson", "setup", (c) => planTools().importPlanJson(c.ss, text));
export const draftPlanFromText: ServerApi["draftPlanFromText"] = (text) =>
  clientRun("draftPlanFromText", "setup", (c) => planTools().draftIntoTab(c.ss, text));
