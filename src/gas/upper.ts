/**
 * The entry points of an upper level's workbook ("cấp trên" mode), thin like monthly.ts: the guard has
 * checked the caller's role; these gather context and call setup, intake and report. Reading the
 * communes' files, sending the report and the reminders run as the installer (the account that owns the
 * intake files and whose mail is official); anyone else in the office is told so.
 */
import type { PeriodKey } from "../core/periods";
import { formatDateVi, periodShortLabel, planPeriods } from "../core/periods";
import type { Plan } from "../core/plan";
import { mayClaimSetup, refusal } from "../core/roles";
import type { CommuneEntry, Intake } from "../core/upper";
import { COMMUNES_OWN_FROM, createIntake, periodsReceived, UPPER_TABS } from "../core/upper";
import { dueDateOf } from "../core/upper-report";
import type { People } from "../core/roles";
import { upperPeopleOf } from "../core/upper-settings";
import type { SheetContext } from "./context";
import type { SetupReport } from "./setup";
import { host } from "./upper-host";
import type { SyncResult, UpperContext } from "./upper-intake";
import { readIntakeOnly, syncCommunes } from "./upper-intake";
import { composeUpperReport, periodView, sendUpperReport, writeViews } from "./upper-report";
import { ensureUpperTriggers, setupUpperWorkbook, shareWithLeaders, upperSettingsOf } from "./upper-setup";

export function upperContext(c: SheetContext): UpperContext {
  return { ss: c.ss, plan: c.plan, settings: upperSettingsOf(c.ss, c.plan).settings, today: host.today() };
}

/**
 * "Thiết lập làm bảng tổng hợp cấp trên": on a new spreadsheet, whoever may claim it (its Drive owner, or
 * the first in a shared drive) makes it an upper level's workbook and becomes its office; afterwards,
 * the office repairs it. `installJobs` installs the triggers, asking first when another account runs them.
 */
export function upperSetup(
  first: SheetContext,
  installJobs: (c: SheetContext, report: SetupReport, install: () => string[]) => void,
): SetupReport | string {
  if (!host.isUpperMode()) {
    const claim = {
      recorded: "",
      driveOwner: host.driveOwner(first.ss),
      caller: first.user,
      admins: [],
      setUpBefore: false,
      callerRunsTriggers: false,
    };
    if (!mayClaimSetup(claim)) {
      return `Chỉ chủ sở hữu bảng tính (${claim.driveOwner || "người tạo tệp"}) mới thiết lập được bảng tổng hợp lần đầu.`;
    }
    host.recordSetupAccount(first.user);
    host.recordUpperMode();
  }
  const { settings, notes } = upperSettingsOf(first.ss, first.plan);
  const people = upperPeopleOf(settings, host.setupAccount(first.ss));
  if (!people.office.includes(first.user))
    return refusal("upperSetup", people, { ...first.person, roles: [] });
  // The plan its communes report on, kept like a commune's (every later execution reads it from there).
  if (!host.storedPlan()) host.storePlans({ from: host.today(), plan: first.plan }, []);
  const report = setupUpperWorkbook(first.ss, first.plan, people.office);
  installJobs(first, report, () => ensureUpperTriggers(settings));
  report.problems.push(...shareWithLeaders(first.ss, settings.leaders));
  for (const note of Object.values(notes)) report.problems.push(`Cài đặt cấp trên: ${note}`);
  return report;
}

function syncSummary(r: SyncResult): string {
  const lines = [
    `Đã đọc tệp của ${r.read}/${r.communes.length} xã.`,
    r.created.length ? `Tạo tệp nhận số liệu mới cho: ${r.created.join(", ")}.` : "",
    r.changed.length ? `Có số liệu mới: ${r.changed.join("; ")}.` : "Không có số liệu mới.",
    r.failed.length ? `Chưa được: ${r.failed.join(" ")}` : "",
    r.left
      ? `Còn ${r.left} xã chưa đọc (hết thời gian cho một lần chạy): sẽ đọc ở lần chạy hằng giờ tới.`
      : "",
  ];
  return lines.filter((l) => l !== "").join("\n");
}

/** Reads the communes' files and logs what came in (when something did, or something failed). */
function syncAndLog(uc: UpperContext): SyncResult {
  const r = syncCommunes(uc);
  if (r.changed.length + r.failed.length + r.created.length > 0) {
    // A read is of every period at once: the "Kỳ" column stays empty (the time is in the first column).
    host.appendSendLog(uc.ss, "", "Nhận số liệu các xã", [], syncSummary(r));
  }
  return r;
}

/** "Nhận số liệu các xã ngay". */
export function syncFromMenu(c: SheetContext): string {
  if (!host.runsAsInstaller()) {
    const installer = host.recordedInstaller();
    return (
      `Tệp nhận số liệu của các xã thuộc tài khoản ${installer || "chạy các việc tự động"}: việc nhận số liệu chạy dưới ` +
      "tài khoản đó mỗi giờ. Hãy dùng tài khoản đó để nhận ngay."
    );
  }
  return syncSummary(syncAndLog(upperContext(c)));
}

/** The newest period whose figures were due before today, or null before the first one. */
export function latestDuePeriod(uc: UpperContext): PeriodKey | null {
  const due = planPeriods(uc.plan, uc.settings.rule).filter(
    (k) => dueDateOf(k, uc.settings.rule, uc.settings.deadlineDays) < uc.today,
  );
  return due[due.length - 1] ?? null;
}

function reminderBody(uc: UpperContext, e: CommuneEntry, key: PeriodKey, url: string): string {
  const due = dueDateOf(key, uc.settings.rule, uc.settings.deadlineDays);
  return [
    `Kính gửi văn phòng UBND ${e.name},`,
    "",
    `Đến nay ${uc.settings.name} chưa nhận được số liệu ${periodShortLabel(key)} của ${e.name} (hạn: hết ngày ${formatDateVi(due)}).`,
    "Số liệu tự ghi vào tệp nhận số liệu khi báo cáo tháng của xã được Chủ tịch duyệt và gửi. Nếu xã đã gửi, hãy kiểm tra " +
      'ô "Tệp nhận số liệu của cấp trên" trong Cài đặt của bảng tính xã có đúng đường dẫn dưới đây, và xem "Nhật ký gửi" của xã:',
    url,
  ].join("\n");
}

/**
 * Reminds each commune that has sent nothing for `key`, once per period (the table's "Đã nhắc kỳ"),
 * within the day's mail quota; returns who was reminded. `again`: the office asked from the menu.
 */
export function remindMissing(uc: UpperContext, r: SyncResult, key: PeriodKey, again: boolean): string[] {
  const intake: Intake = createIntake(r.records);
  const reminded: string[] = [];
  const table = uc.ss.getSheetByName(UPPER_TABS.communes);
  if (!table) return reminded;
  for (const e of r.communes) {
    if (e.problem || !e.fileId) continue;
    if (periodsReceived(intake, e.name, uc.plan, uc.settings.rule).includes(key)) continue;
    if (e.remindedFor === key && !again) continue;
    if (MailApp.getRemainingDailyQuota() < 1) {
      host.appendSendLog(
        uc.ss,
        key,
        "Nhắc xã",
        [],
        "Hết hạn mức email hôm nay: các xã còn lại được nhắc vào ngày mai.",
      );
      break;
    }
    const url = `https://docs.google.com/spreadsheets/d/${e.fileId}/edit`;
    try {
      MailApp.sendEmail({
        to: e.email,
        subject: `[${uc.settings.name}] Nhắc gửi số liệu ${periodShortLabel(key)} của ${e.name}`,
        body: reminderBody(uc, e, key, url),
        name: uc.settings.name,
      });
    } catch (err) {
      console.error(`Nhắc ${e.name}: ${host.messageOf(err)}`);
      host.appendSendLog(
        uc.ss,
        key,
        "Nhắc xã",
        [e.email],
        `Gửi lời nhắc ${e.name} thất bại: ${host.translateError(err)}`,
      );
      continue;
    }
    e.remindedFor = key;
    reminded.push(e.name);
  }
  // The table's "Đã nhắc kỳ" column, in one write.
  const last = Math.max(0, ...r.communes.map((e) => e.row));
  if (reminded.length > 0 && last > 1) {
    const column = table.getRange(2, COMMUNES_OWN_FROM + 4, last - 1, 1);
    const values = column.getValues();
    for (const e of r.communes) if (e.remindedFor) values[e.row - 2]![0] = e.remindedFor;
    column.setValues(values);
  }
  if (reminded.length > 0) {
    host.appendSendLog(
      uc.ss,
      key,
      "Nhắc xã",
      [],
      `Đã nhắc ${reminded.length} xã chưa gửi số liệu ${periodShortLabel(key)}: ${reminded.join(", ")}.`,
    );
  }
  return reminded;
}

/** The period the views show: the newest one due, or the plan's first before any is. */
function viewPeriod(uc: UpperContext): PeriodKey {
  return latestDuePeriod(uc) ?? planPeriods(uc.plan, uc.settings.rule)[0]!;
}

function names(r: Pick<SyncResult, "communes">): string[] {
  return r.communes.filter((e) => !e.problem).map((e) => e.name);
}

/** Hourly: the communes' files, and the views when something arrived. */
export function upperHourly(c: SheetContext): void {
  const uc = upperContext(c);
  try {
    host.flushPendingSendLog(c.ss);
    const r = syncAndLog(uc);
    if (r.changed.length > 0) writeViews(uc, r.records, names(r), viewPeriod(uc));
  } catch (err) {
    console.error(`Nhận số liệu các xã: ${host.messageOf(err)}`);
    host.appendSendLog(c.ss, "", "Nhận số liệu các xã", [], `Lỗi: ${host.translateError(err)}`);
  }
}

/**
 * Daily, at the settings' hour: the views; once a period is due, its report to the leaders (once) and
 * the reminders to communes that have not sent.
 */
export function upperDaily(c: SheetContext): void {
  const uc = upperContext(c);
  try {
    const r = syncAndLog(uc);
    const key = latestDuePeriod(uc);
    const view = writeViews(uc, r.records, names(r), viewPeriod(uc));
    if (!key) return;
    if (view && host.mailRecord("report", key)?.state !== "sent") sendUpperReport(uc, view, false, "trigger");
    if (uc.settings.remind) remindMissing(uc, r, key, false);
  } catch (err) {
    console.error(`Việc hằng ngày (cấp trên): ${host.messageOf(err)}`);
    host.appendSendLog(c.ss, "", "Việc hằng ngày", [], `Lỗi: ${host.translateError(err)}`);
  }
}

/** "Nhắc các xã chưa gửi số liệu": the newest due period, again for those reminded already. */
export function remindFromMenu(c: SheetContext): string {
  if (!host.runsAsInstaller()) {
    return `Lời nhắc gửi từ tài khoản ${host.recordedInstaller() || "chạy các việc tự động"}: hãy dùng tài khoản đó.`;
  }
  const uc = upperContext(c);
  const key = latestDuePeriod(uc);
  if (!key) return "Chưa đến hạn gửi số liệu kỳ nào: chưa có gì để nhắc.";
  const r = syncAndLog(uc);
  const done = remindMissing(uc, r, key, true);
  return done.length
    ? `Đã nhắc ${done.length} xã chưa gửi số liệu ${periodShortLabel(key)}: ${done.join(", ")}.`
    : `Mọi xã đã gửi số liệu ${periodShortLabel(key)}: không cần nhắc.`;
}

/** "Báo cáo tổng hợp tháng…": a period's report as the leaders get it (the views written for it). */
export function showReportFromMenu(c: SheetContext): string | undefined {
  const uc = upperContext(c);
  const ui = SpreadsheetApp.getUi();
  const periods = planPeriods(uc.plan, uc.settings.rule);
  const fallback = viewPeriod(uc);
  const answer = ui.prompt(
    "Báo cáo tổng hợp tháng",
    `Tháng nào? Gõ dạng 4/2023; để trống: ${periodShortLabel(fallback)}.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  const typed = answer.getResponseText().trim();
  const m = /^(?:tháng\s*)?(\d{1,2})\s*\/\s*(\d{4})$/i.exec(typed);
  const key = typed === "" ? fallback : m ? `${m[2]}-${m[1]!.padStart(2, "0")}` : "";
  if (!periods.includes(key)) {
    return `"${typed.slice(0, 20)}" không phải một tháng của kế hoạch: hãy gõ dạng 4/2023, từ ${periodShortLabel(periods[0]!)} đến ${periodShortLabel(periods[periods.length - 1]!)}.`;
  }
  // Shown, not written: the tabs follow what arrives (and the leaders may only view the workbook).
  const r = readIntakeOnly(uc);
  if (names(r).length === 0) return `Chưa có xã nào trong trang "${UPPER_TABS.communes}".`;
  const view = periodView(uc, r.records, names(r), key);
  const page = HtmlService.createHtmlOutput(composeUpperReport(uc, view).html).setWidth(900).setHeight(640);
  ui.showModalDialog(page, `Báo cáo tổng hợp ${periodShortLabel(key)}`);
  return undefined;
}

/** "Gửi báo cáo tổng hợp tháng…": the newest due period's report to the leaders; again if asked. */
export function sendReportFromMenu(c: SheetContext): string {
  if (!host.runsAsInstaller()) {
    return `Báo cáo tổng hợp gửi từ tài khoản ${host.recordedInstaller() || "chạy các việc tự động"}: hãy dùng tài khoản đó.`;
  }
  const uc = upperContext(c);
  const key = latestDuePeriod(uc);
  if (!key) return "Chưa đến hạn gửi số liệu kỳ nào: chưa có báo cáo tổng hợp để gửi.";
  const sent = host.mailRecord("report", key);
  let again = false;
  if (sent) {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.alert(
      "Gửi báo cáo tổng hợp",
      `Báo cáo tổng hợp ${periodShortLabel(key)} đã ${sent.state === "sent" ? "gửi" : "bắt đầu gửi"} lúc ${sent.at}. Gửi lại cho lãnh đạo?`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return "Không gửi lại.";
    again = true;
  }
  const r = syncAndLog(uc);
  const view = writeViews(uc, r.records, names(r), key);
  return view
    ? sendUpperReport(uc, view, again, c.user)
    : `Chưa có xã nào trong trang "${UPPER_TABS.communes}".`;
}

/** The people of this upper level's workbook (its office and leaders), for the roles' checks. */
export function upperPeople(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: Plan,
  setupAccount: string,
): People {
  return upperPeopleOf(upperSettingsOf(ss, plan).settings, setupAccount);
}
