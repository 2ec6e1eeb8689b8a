/**
 * Everything the add-in emails: the monthly report to the upper level (once per period, only after the
 * chairman approved it unless the settings send directly), the draft to the chairman and the office,
 * reminders to units and to the chairman. Each send takes the script lock, checks the day's mail quota
 * against its recipients first, goes as one message (so a failure sends nothing at all), is recorded
 * before and after (mail-record.ts: one email per period even when recording fails), and is a row in
 * the send log. Official mail goes from one account, the installer's (the office account that runs the
 * automatic jobs): what someone else asks for (the chairman's approval, another office member's
 * "Gửi"), and what could not go (quota, lock, a failure), waits in a queue that the installer's hourly
 * trigger sends. So there is no retry trigger to pile up, and nothing runs with a person's own rights
 * that needs the office's (the protected tabs, the read-only copy, the mail quota).
 */
import type { ApprovalRecord, Correction } from "../core/approval";
import { correctionsSince, figuresOf, fingerprint } from "../core/approval";
import type { Plan } from "../core/plan";
import { SYSTEM_TABS } from "../core/plan";
import type { PeriodKey } from "../core/periods";
import { comparePeriods, formatDateTimeVi, periodLabel, planPeriods } from "../core/periods";
import type { ReportOptions } from "../core/report";
import { renderReportHtml, renderReportText, reportSubject } from "../core/report";
import type { ApprovalStamp } from "../core/report-approval";
import type { People } from "../core/roles";
import type { Rollup } from "../core/rollup";
import { reminderDue, remindersFor, reportRecipients } from "../core/schedule";
import type { Settings } from "../core/settings";
import { isEmail } from "../core/settings";
import { MONTHLY_REPORT_KIND, SENT_RESULT_PREFIX } from "../core/tables";
import { lockContext, readApproval, readApprovals, writeApproval } from "./approvals";
import { recordedInstaller } from "./context";
import type { CopyResult } from "./copy";
import { refreshReadOnlyCopy } from "./copy";
import { messageOf, translateError } from "./guard";
import type { MailKind } from "./mail-record";
import { deliverOnce, mailRecord } from "./mail-record";
import { protectOfficeOnly } from "./protect";
import { spreadsheetIdOf } from "../core/address";
import { upperTools } from "./upper-tools-loader";
import type { SheetData } from "./rollup";
import { periodsUpTo, readSheetData, writeRollupTab } from "./rollup";
import { appendSendLog, loggedToday } from "./send-log";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const RETRY_HANDLER = "retryMonthlyReport";
const PENDING_KEY = "ks.pending";
const REMINDED_KEY = "ks.reminders";
const LOCK_WAIT_MS = 30000;

/** What every send needs. */
export interface SendContext {
  ss: Spreadsheet;
  plan: Plan;
  settings: Settings;
  people: People;
  today: string;
}

export type SendOutcome =
  | { status: "sent"; message: string }
  | { status: "alreadySent"; message: string }
  | { status: "refused"; message: string }
  | { status: "deferred"; message: string }
  | { status: "doubt"; message: string };

export interface Pending {
  kind: MailKind;
  periodKey: PeriodKey;
}

// ---- what is waiting to be sent again, and the one retry trigger ----

export function pendingSends(): Pending[] {
  const raw = PropertiesService.getDocumentProperties().getProperty(PENDING_KEY);
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as Pending[];
    return Array.isArray(v) ? v.filter((p) => p && (p.kind === "report" || p.kind === "draft")) : [];
  } catch (_) {
    return [];
  }
}

function setPending(list: Pending[]): void {
  const props = PropertiesService.getDocumentProperties();
  if (list.length === 0) props.deleteProperty(PENDING_KEY);
  else props.setProperty(PENDING_KEY, JSON.stringify(list));
}

function addPending(kind: MailKind, periodKey: PeriodKey): void {
  const list = pendingSends();
  if (!list.some((p) => p.kind === kind && p.periodKey === periodKey))
    setPending([...list, { kind, periodKey }]);
}

function removePending(kind: MailKind, periodKey: PeriodKey): void {
  const list = pendingSends();
  const next = list.filter((p) => !(p.kind === kind && p.periodKey === periodKey));
  if (next.length !== list.length) setPending(next);
}

/** Whether this execution runs as the installer: the one account official mail goes from. */
export function runsAsInstaller(): boolean {
  const installer = recordedInstaller();
  return installer !== "" && Session.getEffectiveUser().getEmail().toLowerCase() === installer;
}

/** Waits for the installer's hourly trigger (which is the retry: there is no other). */
export function queueSend(kind: MailKind, periodKey: PeriodKey): void {
  addPending(kind, periodKey);
}

/** Retry triggers of earlier versions: the hourly trigger does their work now. */
export function clearRetry(): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === RETRY_HANDLER) ScriptApp.deleteTrigger(t);
  }
}

function defer(
  c: SendContext,
  kind: MailKind,
  periodKey: PeriodKey,
  logKind: string,
  message: string,
  logOnce?: string,
): SendOutcome {
  addPending(kind, periodKey);
  // While the quota is out the retry comes every hour: one line a day is enough.
  if (!logOnce || !loggedToday(logOnce, c.today)) appendSendLog(c.ss, periodKey, logKind, [], message);
  return { status: "deferred", message };
}

/** Runs `fn` under the script lock, or says that another send holds it (and retries later). */
function underLock(
  c: SendContext,
  kind: MailKind,
  periodKey: PeriodKey,
  logKind: string,
  fn: () => SendOutcome,
): SendOutcome {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    return defer(
      c,
      kind,
      periodKey,
      logKind,
      "Một lần gửi khác đang chạy (khoá bị giữ quá 30 giây): chưa gửi gì, sẽ tự thử lại trong vòng một giờ. Không thư nào bị gửi hai lần.",
    );
  }
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

// ---- composing ----

function sender(plan: Plan): string {
  return `UBND ${plan.commune.level} ${plan.commune.name}`;
}

/**
 * The tabs as a report needs them: `all` also reads free text and the status, for pages that show its
 * warnings (the rollup sidebar, a unit's status); a report shows none, so it reads only the figures.
 */
export function readData(c: SendContext, all = false): SheetData {
  const locks = lockContext(c.people, c.settings);
  return readSheetData(c.ss, c.plan, c.settings, c.today, new Date(), locks, !all);
}

export interface Composed {
  rollup: Rollup;
  history: Rollup[];
  corrections: Correction[];
  subject: string;
  html: string;
  text: string;
  /** Changes whenever anything the report says changes (not its clock): what the chairman saw. */
  fingerprint: string;
}

/** The report of a period, as the upper level will get it (with `stamp`) or as a draft. */
export function composeReport(
  c: SendContext,
  data: SheetData,
  periodKey: PeriodKey,
  extra: Partial<ReportOptions> & { stamp?: ApprovalStamp | null },
): Composed {
  const rollup = data.rollupOf(periodKey);
  const history = periodsUpTo(c.plan, c.settings, periodKey).map((k) => data.rollupOf(k));
  const approvals = readApprovals();
  const corrections = correctionsSince(
    c.plan,
    c.settings.periodRule,
    approvals,
    (k) => figuresOf(data.rollupOf(k)),
    periodKey,
  );
  const { stamp, ...rest } = extra;
  const options: ReportOptions = {
    reportDate: c.today,
    upperLevelName: c.settings.upperLevelName,
    corrections,
    ...(stamp ? { approval: stamp } : {}),
    ...rest,
  };
  const said = JSON.stringify([
    rollup.indicators.map((r) => [r.id, r.numerator, r.denominator, r.status, r.pace]),
    rollup.units.map((u) => [u.unitId, u.reported]),
    rollup.problems.map((p) => p.message),
    corrections,
  ]);
  return {
    rollup,
    history,
    corrections,
    subject: reportSubject(c.plan, rollup),
    html: renderReportHtml(c.plan, rollup, options),
    text: renderReportText(c.plan, rollup, options),
    fingerprint: fingerprint(said),
  };
}

function writeRollup(c: SendContext, rollup: Rollup, history: Rollup[]): void {
  const existed = c.ss.getSheetByName(SYSTEM_TABS.rollup) !== null;
  const sheet = writeRollupTab(c.ss, c.plan, rollup, history);
  if (!existed) protectOfficeOnly(sheet, c.people.office);
}

/** The sheet's link, opening the rollup tab (where the chairman finds the menu to approve). */
function sheetLink(ss: Spreadsheet): string {
  const tab = ss.getSheetByName(SYSTEM_TABS.rollup);
  return ss.getUrl() + (tab ? `#gid=${tab.getSheetId()}` : "");
}

function stampOf(record: ApprovalRecord): ApprovalStamp | null {
  return record.approvedBy && record.approvedAt ? { by: record.approvedBy, at: record.approvedAt } : null;
}

// ---- the report to the upper level ----

export interface ReportRequest {
  periodKey: PeriodKey;
  /** An explicit "Gửi lại": send even though the period was sent (or might have been). */
  resend: boolean;
  /** Who asked: a person's email, or "trigger". */
  by: string;
}

// The command line's consolidation reads these words back from each commune's send log.
const REPORT_LOG = MONTHLY_REPORT_KIND;

export function sendFinalReport(c: SendContext, request: ReportRequest): SendOutcome {
  const key = request.periodKey;
  const label = periodLabel(key, c.settings.periodRule);
  if (!planPeriods(c.plan, c.settings.periodRule).includes(key)) {
    return {
      status: "refused",
      message: `${label} không thuộc thời gian của kế hoạch: không có báo cáo để gửi.`,
    };
  }
  return underLock(c, "report", key, REPORT_LOG, () => {
    const previous = mailRecord("report", key);
    if (previous?.state === "sent" && !request.resend) {
      removePending("report", key);
      return {
        status: "alreadySent",
        message: `Báo cáo ${label} đã được gửi lúc ${formatDateTimeVi(previous.at)}.`,
      };
    }
    const approval = readApproval(key);
    if (c.settings.approval === "chairman" && approval.status !== "approved") {
      removePending("report", key);
      return {
        status: "refused",
        message: `Báo cáo ${label} chưa được Chủ tịch duyệt: chưa gửi cấp trên. Hãy gửi dự thảo để Chủ tịch duyệt.`,
      };
    }
    const { recipients, problems } = reportRecipients(c.settings);
    if (problems.length > 0) {
      const message = `Không gửi báo cáo ${label}: ${problems.join(" ")}`;
      appendSendLog(c.ss, key, REPORT_LOG, recipients, message);
      return { status: "refused", message };
    }
    const data = readData(c);
    const composedFirst = composeReport(c, data, key, { stamp: stampOf(approval) });
    writeRollup(c, composedFirst.rollup, composedFirst.history);
    // The report still goes when the copy cannot be refreshed (say, Drive is unavailable): without it.
    let copy: CopyResult;
    try {
      copy = refreshReadOnlyCopy(c.ss, c.plan, c.settings, composedFirst.rollup, composedFirst.history);
    } catch (err) {
      console.error(`Bản xem: ${messageOf(err)}`);
      copy = { url: null, pdf: null, messages: [] };
      appendSendLog(c.ss, key, "Bản xem", [], `Không cập nhật được bản xem: ${translateError(err)}`);
    }
    const composed = copy.url
      ? composeReport(c, data, key, { stamp: stampOf(approval), copyUrl: copy.url })
      : composedFirst;

    const quota = MailApp.getRemainingDailyQuota();
    if (quota < recipients.length) {
      return defer(
        c,
        "report",
        key,
        REPORT_LOG,
        `Không gửi: hạn mức email còn ${quota} người nhận hôm nay, cần ${recipients.length}. Sẽ tự thử lại (mỗi giờ; nhật ký ghi một dòng mỗi ngày).`,
        `quota.report.${key}`,
      );
    }
    const again = request.resend;
    let delivery: ReturnType<typeof deliverOnce>;
    try {
      delivery = deliverOnce("report", key, 0, { recipients, by: request.by }, again, () =>
        MailApp.sendEmail({
          to: recipients.join(","),
          subject: composed.subject,
          body: composed.text,
          htmlBody: composed.html,
          name: sender(c.plan),
          ...(copy.pdf ? { attachments: [copy.pdf] } : {}),
        }),
      );
    } catch (err) {
      console.error(`${REPORT_LOG}: ${messageOf(err)}`);
      return defer(
        c,
        "report",
        key,
        REPORT_LOG,
        `Gửi thất bại (${translateError(err)}); không thư nào được gửi. Sẽ tự thử lại sau.`,
      );
    }
    if (delivery.status === "doubt") return doubt(c, "report", key, label, delivery);
    removePending("report", key);
    markReported(data, key);
    const resent = again && previous !== null;
    const message = `${SENT_RESULT_PREFIX} báo cáo ${label} cho ${recipients.length} người nhận${resent ? " (gửi lại)" : ""}.`;
    appendSendLog(c.ss, key, resent ? `${REPORT_LOG} (gửi lại)` : REPORT_LOG, recipients, message);
    if (spreadsheetIdOf(c.settings.upperIntake ?? "")) {
      upperTools().pushPeriod(c, composed.rollup, delivery.at, approval.approvedBy);
    }
    return { status: "sent", message };
  });
}

/** After a report went: what it said of each approved period is the new baseline for corrections. */
function markReported(data: SheetData, upTo: PeriodKey): void {
  for (const [key, record] of readApprovals()) {
    if (record.status !== "approved" || comparePeriods(key, upTo) > 0) continue;
    writeApproval(key, { ...record, reported: figuresOf(data.rollupOf(key)) });
  }
}

function doubt(
  c: SendContext,
  kind: MailKind,
  key: PeriodKey,
  label: string,
  d: { since: string; logged: boolean },
): SendOutcome {
  const what = kind === "report" ? `báo cáo ${label}` : `dự thảo báo cáo ${label}`;
  const message =
    `Không rõ ${what} đã đi chưa: lần gửi lúc ${d.since ? formatDateTimeVi(d.since) : "trước"} bị gián đoạn ` +
    "trước khi ghi được là đã gửi. Để không gửi hai lần, tiện ích không tự gửi lại. Văn phòng hãy xem thư mục " +
    `"Đã gửi" của tài khoản ${recordedInstaller() || "chạy các việc tự động"}, rồi chọn trong "Gửi báo cáo tháng…": "Đã gửi rồi" hoặc "Gửi lại".`;
  removePending(kind, key);
  if (!d.logged) appendSendLog(c.ss, key, kind === "report" ? REPORT_LOG : DRAFT_LOG, [], message);
  return { status: "doubt", message };
}

// ---- the draft to the chairman ----

const DRAFT_LOG = "Dự thảo gửi Chủ tịch";

/** The draft's recipients: the chairman and the office. */
export function draftRecipients(c: SendContext): { recipients: string[]; problems: string[] } {
  const problems: string[] = [];
  if (!c.settings.chairmanEmail) {
    problems.push("Chưa có email Chủ tịch trong Cài đặt: không gửi được dự thảo để duyệt.");
  }
  const recipients = [...new Set([c.settings.chairmanEmail, ...c.people.office].filter((e) => isEmail(e)))];
  return { recipients, problems };
}

export interface DraftRequest {
  periodKey: PeriodKey;
  by: string;
  /** An explicit "Gửi lại dự thảo" (the chairman lost it, or a doubt the office resolved by sending). */
  again: boolean;
}

export function sendDraft(c: SendContext, request: DraftRequest): SendOutcome {
  const key = request.periodKey;
  const label = periodLabel(key, c.settings.periodRule);
  return underLock(c, "draft", key, DRAFT_LOG, () => {
    const record = readApproval(key);
    if (record.status === "approved") {
      removePending("draft", key);
      return { status: "refused", message: `Báo cáo ${label} đã được duyệt: không cần gửi dự thảo.` };
    }
    const round = record.returns.length;
    const previous = mailRecord("draft", key, round);
    if (previous?.state === "sent" && !request.again) {
      removePending("draft", key);
      return {
        status: "alreadySent",
        message: `Dự thảo báo cáo ${label} đã gửi Chủ tịch lúc ${formatDateTimeVi(previous.at)}; đang chờ duyệt.`,
      };
    }
    const { recipients, problems } = draftRecipients(c);
    if (problems.length > 0) {
      const message = `Không gửi dự thảo ${label}: ${problems.join(" ")}`;
      appendSendLog(c.ss, key, DRAFT_LOG, recipients, message);
      return { status: "refused", message };
    }
    const data = readData(c);
    const plain = composeReport(c, data, key, {});
    writeRollup(c, plain.rollup, plain.history);
    const link = sheetLink(c.ss);
    const notice =
      `DỰ THẢO – CHỜ CHỦ TỊCH DUYỆT. Báo cáo chỉ gửi ${c.settings.upperLevelName} sau khi Chủ tịch duyệt. ` +
      `Để duyệt hoặc trả lại: mở bảng tính bằng máy tính, chọn menu "${c.plan.shortName}" → "Duyệt báo cáo tháng…" ` +
      "(ứng dụng Google Trang tính trên điện thoại không hiện menu của tiện ích).";
    const composed = composeReport(c, data, key, { notice, sheetUrl: link });
    const quota = MailApp.getRemainingDailyQuota();
    if (quota < recipients.length) {
      return defer(
        c,
        "draft",
        key,
        DRAFT_LOG,
        `Không gửi dự thảo: hạn mức email còn ${quota} người nhận hôm nay, cần ${recipients.length}. Sẽ tự thử lại.`,
        `quota.draft.${key}`,
      );
    }
    let delivery: ReturnType<typeof deliverOnce>;
    try {
      delivery = deliverOnce("draft", key, round, { recipients, by: request.by }, request.again, () =>
        MailApp.sendEmail({
          to: recipients.join(","),
          subject: `[Dự thảo – chờ duyệt] ${composed.subject}`,
          body: composed.text,
          htmlBody: composed.html,
          name: sender(c.plan),
        }),
      );
    } catch (err) {
      console.error(`${DRAFT_LOG}: ${messageOf(err)}`);
      return defer(
        c,
        "draft",
        key,
        DRAFT_LOG,
        `Gửi dự thảo thất bại (${translateError(err)}). Sẽ tự thử lại sau.`,
      );
    }
    if (delivery.status === "doubt") return doubt(c, "draft", key, label, delivery);
    removePending("draft", key);
    writeApproval(key, { ...readApproval(key), status: "draft", draftAt: delivery.at, remindedAt: null });
    const message = `Đã gửi dự thảo báo cáo ${label} cho Chủ tịch và văn phòng (${recipients.length} người nhận).`;
    appendSendLog(c.ss, key, DRAFT_LOG, recipients, message);
    return { status: "sent", message };
  });
}

/** Sends what waits, from the installer's hourly trigger. */
export function sendPending(c: SendContext): void {
  for (const p of pendingSends()) {
    if (p.kind === "report") sendFinalReport(c, { periodKey: p.periodKey, resend: false, by: "trigger" });
    else sendDraft(c, { periodKey: p.periodKey, by: "trigger", again: false });
  }
}

// ---- reminders ----

/**
 * Reminders, from the daily trigger: `reminderDaysBefore` days before the open period's last day, each
 * unit with no entry in that period gets one short email to its editors; at most one per unit and period.
 */
export function sendReminders(c: SendContext): string[] {
  const key = reminderDue(c.settings, c.today);
  if (!key) return [];
  const props = PropertiesService.getDocumentProperties();
  const reminded = JSON.parse(props.getProperty(REMINDED_KEY) || "{}") as Record<string, string[]>;
  const done = new Set(reminded[key] ?? []);
  const rollup = readData(c).rollupOf(key);
  const sent: string[] = [];
  for (const reminder of remindersFor(c.plan, c.settings, rollup, [...done], c.ss.getUrl())) {
    const log = (result: string) => appendSendLog(c.ss, key, "Nhắc nhở", reminder.editors, result);
    if (MailApp.getRemainingDailyQuota() < reminder.editors.length) {
      log("Không gửi nhắc nhở: hết hạn mức email hôm nay.");
      continue;
    }
    try {
      MailApp.sendEmail({
        to: reminder.editors.join(","),
        subject: reminder.subject,
        body: reminder.body,
        name: sender(c.plan),
      });
    } catch (err) {
      console.error(`Nhắc nhở: ${messageOf(err)}`);
      log(`Gửi nhắc nhở thất bại: ${translateError(err)}`);
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
