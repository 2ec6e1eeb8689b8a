/**
 * The monthly report by email. Sent once per period whatever the triggers do: a script lock, and a
 * record of what was sent in document properties. Before sending, the remaining daily quota is checked
 * against the recipients; one message goes to all of them, so a failure sends nothing at all. Every
 * attempt is a row in the send log; a failure schedules a retry.
 */
import { textForSheet } from "../core/marks";
import type { Plan } from "../core/plan";
import { SYSTEM_TABS } from "../core/plan";
import type { PeriodKey } from "../core/periods";
import { formatDateTimeVi, lastClosedPeriod, periodLabel, planPeriods } from "../core/periods";
import type { Rollup } from "../core/rollup";
import { renderReportHtml, renderReportText, reportSubject } from "../core/report";
import { reminderDue, remindersFor, reportRecipients } from "../core/schedule";
import type { Settings } from "../core/settings";
import { periodsUpTo, readSheetData, writeRollupTab } from "./rollup";
import type { CopyResult } from "./copy";
import { refreshReadOnlyCopy } from "./copy";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SENT_KEY = "ks.sentReports";
const REMINDED_KEY = "ks.reminders";
export const RETRY_HANDLER = "retryMonthlyReport";
const RETRY_AFTER_MS = 60 * 60 * 1000;
export const SEND_LOG_HEADER = ["Thời gian", "Kỳ", "Loại", "Người nhận", "Kết quả"] as const;

export interface SentRecord {
  at: string;
  recipients: string[];
}

export type SendOutcome =
  | { status: "sent"; message: string; recipients: string[] }
  | { status: "alreadySent"; message: string; sentAt: string }
  | { status: "refused"; message: string }
  | { status: "deferred"; message: string };

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs a time-driven job so that a failure never ends in an unexplained crash: it is written to the send
 * log (and the execution log), and the monthly report gets a retry.
 */
export function guardTrigger(
  ss: Spreadsheet,
  period: string,
  job: string,
  retry: boolean,
  run: () => void,
): void {
  try {
    run();
  } catch (err) {
    console.error(`${job}: ${messageOf(err)}`);
    if (retry) scheduleRetry();
    appendSendLog(ss, period, job, [], `Lỗi: ${messageOf(err)}${retry ? ". Sẽ thử lại sau." : ""}`);
  }
}

export function sentReports(): Record<PeriodKey, SentRecord> {
  const raw = PropertiesService.getDocumentProperties().getProperty(SENT_KEY);
  return raw ? (JSON.parse(raw) as Record<PeriodKey, SentRecord>) : {};
}

function recordSent(key: PeriodKey, record: SentRecord): void {
  const all = sentReports();
  all[key] = record;
  PropertiesService.getDocumentProperties().setProperty(SENT_KEY, JSON.stringify(all));
}

export function appendSendLog(
  ss: Spreadsheet,
  period: string,
  kind: string,
  recipients: string[],
  result: string,
): void {
  let sheet = ss.getSheetByName(SYSTEM_TABS.sendLog);
  if (!sheet) {
    sheet = ss.insertSheet(SYSTEM_TABS.sendLog);
    sheet.appendRow([...SEND_LOG_HEADER]);
  }
  sheet.appendRow([new Date(), period, kind, textForSheet(recipients.join(", ")), textForSheet(result)]);
}

/** One retry at a time: a failed send schedules it, the retry removes it before trying again. */
function scheduleRetry(): void {
  const exists = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === RETRY_HANDLER);
  if (!exists) ScriptApp.newTrigger(RETRY_HANDLER).timeBased().after(RETRY_AFTER_MS).create();
}

export function clearRetry(): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === RETRY_HANDLER) ScriptApp.deleteTrigger(t);
  }
}

const PENDING_PERIOD_KEY = "ks.pendingReport";

export interface SendRequest {
  periodKey: PeriodKey;
  /** An explicit "Gửi lại" from the menu: send even though the period was sent already. */
  resend: boolean;
  /** Who asked: "trigger" or the user's email, for the log. */
  by: string;
}

/** Computes, writes the rollup tab, refreshes the copy, and sends — or says clearly why not. */
export function sendMonthlyReport(
  ss: Spreadsheet,
  plan: Plan,
  settings: Settings,
  today: string,
  request: SendRequest,
): SendOutcome {
  const label = periodLabel(request.periodKey, settings.periodRule);
  if (!planPeriods(plan, settings.periodRule).includes(request.periodKey)) {
    return {
      status: "refused",
      message: `${label} không thuộc thời gian của kế hoạch: không có báo cáo để gửi.`,
    };
  }
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(30000)) {
    return { status: "deferred", message: "Một lần gửi khác đang chạy; báo cáo không bị gửi hai lần." };
  }
  try {
    const already = sentReports()[request.periodKey];
    if (already && !request.resend) {
      return {
        status: "alreadySent",
        message: `Báo cáo ${label} đã được gửi lúc ${formatDateTimeVi(already.at)}.`,
        sentAt: already.at,
      };
    }
    const { recipients, problems } = reportRecipients(settings);
    if (problems.length > 0) {
      const message = `Không gửi báo cáo ${label}: ${problems.join(" ")}`;
      appendSendLog(ss, request.periodKey, "Báo cáo tháng", recipients, message);
      return { status: "refused", message };
    }

    const now = new Date();
    const data = readSheetData(ss, plan, settings, today, now);
    const rollup: Rollup = data.rollupOf(request.periodKey);
    const history = periodsUpTo(plan, settings, request.periodKey).map((k) => data.rollupOf(k));
    writeRollupTab(ss, plan, rollup, history);
    // The report still goes when the copy cannot be refreshed (say, Drive is unavailable): without it.
    let copy: CopyResult;
    try {
      copy = refreshReadOnlyCopy(ss, plan, settings, rollup, history);
    } catch (err) {
      copy = { url: null, pdf: null, messages: [] };
      appendSendLog(ss, request.periodKey, "Bản xem", [], `Không cập nhật được bản xem: ${messageOf(err)}`);
    }

    const quota = MailApp.getRemainingDailyQuota();
    if (quota < recipients.length) {
      PropertiesService.getDocumentProperties().setProperty(PENDING_PERIOD_KEY, request.periodKey);
      scheduleRetry();
      const message = `Không gửi: hạn mức email còn ${quota} người nhận hôm nay, cần ${recipients.length}. Sẽ thử lại sau.`;
      appendSendLog(ss, request.periodKey, "Báo cáo tháng", recipients, message);
      return { status: "deferred", message };
    }
    const options = {
      reportDate: today,
      upperLevelName: settings.upperLevelName,
      sheetUrl: ss.getUrl(),
      ...(copy.url ? { copyUrl: copy.url } : {}),
    };
    try {
      MailApp.sendEmail({
        to: recipients.join(","),
        subject: reportSubject(plan, rollup),
        body: renderReportText(plan, rollup, options),
        htmlBody: renderReportHtml(plan, rollup, options),
        name: `UBND ${plan.commune.level} ${plan.commune.name}`,
        ...(copy.pdf ? { attachments: [copy.pdf] } : {}),
      });
    } catch (err) {
      PropertiesService.getDocumentProperties().setProperty(PENDING_PERIOD_KEY, request.periodKey);
      scheduleRetry();
      const message = `Gửi thất bại (${messageOf(err)}); không thư nào được gửi. Sẽ thử lại sau.`;
      appendSendLog(ss, request.periodKey, "Báo cáo tháng", recipients, message);
      return { status: "deferred", message };
    }
    const at = now.toISOString();
    recordSent(request.periodKey, { at, recipients });
    PropertiesService.getDocumentProperties().deleteProperty(PENDING_PERIOD_KEY);
    const message = `Đã gửi báo cáo ${label} cho ${recipients.length} người nhận${request.resend && already ? " (gửi lại)" : ""}.`;
    appendSendLog(
      ss,
      request.periodKey,
      request.resend && already ? "Báo cáo tháng (gửi lại)" : "Báo cáo tháng",
      recipients,
      message,
    );
    return { status: "sent", message, recipients };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/** The period a retry should send: the one that failed, else the one that closed last. */
export function pendingPeriod(settings: Settings, today: string): PeriodKey {
  return (
    PropertiesService.getDocumentProperties().getProperty(PENDING_PERIOD_KEY) ??
    lastClosedPeriod(today, settings.periodRule)
  );
}

/**
 * Reminders, from the daily trigger: `reminderDaysBefore` days before the open period's last day, each
 * unit with no entry in that period gets one short email to its editors; at most one per unit and period.
 */
export function sendReminders(ss: Spreadsheet, plan: Plan, settings: Settings, today: string): string[] {
  const key = reminderDue(settings, today);
  if (!key) return [];
  const props = PropertiesService.getDocumentProperties();
  const reminded = JSON.parse(props.getProperty(REMINDED_KEY) || "{}") as Record<string, string[]>;
  const done = new Set(reminded[key] ?? []);
  const rollup = readSheetData(ss, plan, settings, today, new Date()).rollupOf(key);
  const sent: string[] = [];
  for (const reminder of remindersFor(plan, settings, rollup, [...done], ss.getUrl())) {
    const log = (result: string) => appendSendLog(ss, key, "Nhắc nhở", reminder.editors, result);
    if (MailApp.getRemainingDailyQuota() < reminder.editors.length) {
      log("Không gửi nhắc nhở: hết hạn mức email hôm nay.");
      continue;
    }
    try {
      MailApp.sendEmail({
        to: reminder.editors.join(","),
        subject: reminder.subject,
        body: reminder.body,
        name: `UBND ${plan.commune.level} ${plan.commune.name}`,
      });
    } catch (err) {
      log(`Gửi nhắc nhở thất bại: ${messageOf(err)}`);
      continue;
    }
    done.add(reminder.unitId);
    sent.push(reminder.unitId);
    log(`Đã nhắc: ${reminder.subject}.`);
  }
  reminded[key] = [...done];
  props.setProperty(REMINDED_KEY, JSON.stringify(reminded));
  return sent;
}
