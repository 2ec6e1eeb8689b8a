/**
 * The monthly report's entry points: the rollup sidebar, the send dialog, the triggers and the
 * read-only copy from the menu. Thin: the guard (guard.ts) has checked the caller's role before any of
 * these run; each gathers context and calls send/approval/copy.
 */
import * as z from "zod/mini";
import { lastClosedPeriod, periodLabel } from "../core/periods";
import { reportRecipients } from "../core/schedule";
import { may } from "../core/roles";
import type { ActionResult, RollupState, SendState } from "./api";
import { sendRequestSchema } from "./api";
import { readApproval, readApprovals } from "./approvals";
import { approvalView, lockNewlyApproved, remindChairman } from "./approval";
import { choosePeriod, periodOptions, sendContext } from "./options";
import { flushPendingChanges } from "./change-log";
import { recordedInstaller } from "./context";
import type { SheetContext } from "./context";
import { refreshReadOnlyCopy } from "./copy";
import { messageOf, translateError, userError } from "./guard";
import type { MailKind } from "./mail-record";
import { mailRecord, markSent } from "./mail-record";
import type { SendOutcome } from "./send";
import {
  clearRetry,
  composeReport,
  draftRecipients,
  queueSend,
  readData,
  runsAsInstaller,
  sendDraft,
  sendFinalReport,
  sendPending,
  sendReminders,
} from "./send";
import { upperTools } from "./upper-tools-loader";
import { appendSendLog, flushPendingSendLog } from "./send-log";
import { periodsUpTo, writeRollupTab } from "./rollup";

/** Whether a sent period's figures still wait to reach the upper level (push.ts): only then load it. */
function pushesWait(): boolean {
  return Object.keys(PropertiesService.getDocumentProperties().getProperties()).some((k) =>
    k.startsWith("ks.push."),
  );
}

export function rollupState(c: SheetContext, asked: unknown): RollupState {
  const periods = periodOptions(c);
  const periodKey = choosePeriod(asked, periods);
  const rollup = readData(sendContext(c), true).rollupOf(periodKey);
  return { periods, periodKey, rollup, canWrite: may(c.person, "rollupWrite") };
}

export function writeRollupToTab(c: SheetContext, asked: unknown): ActionResult {
  const key = choosePeriod(asked, periodOptions(c));
  // The figures only: the tab needs the rollup and its history, not the report's text.
  const data = readData(sendContext(c));
  const history = periodsUpTo(c.plan, c.settings, key).map((k) => data.rollupOf(k));
  const rollup = data.rollupOf(key);
  writeRollupTab(c.ss, c.plan, rollup, history);
  return { ok: true, message: `Đã ghi tổng hợp ${rollup.period.label} vào trang "Tổng hợp".` };
}

export function sendState(c: SheetContext, asked: unknown): SendState {
  const periods = periodOptions(c);
  const periodKey = choosePeriod(asked, periods);
  const approval = readApproval(periodKey);
  const mode = c.settings.approval;
  const action = mode === "direct" || approval.status === "approved" ? "report" : "draft";
  const sc = sendContext(c);
  const { recipients, problems } = action === "report" ? reportRecipients(c.settings) : draftRecipients(sc);
  const report = mailRecord("report", periodKey);
  const draft = mailRecord("draft", periodKey, approval.returns.length);
  const pending = action === "report" ? report : draft;
  return {
    periods,
    periodKey,
    periodLabel: periodLabel(periodKey, c.settings.periodRule),
    recipients,
    problems,
    remainingQuota: MailApp.getRemainingDailyQuota(),
    sentAt: report?.state === "sent" ? report.at : null,
    canSend: true,
    mode,
    approval: approvalView(approval),
    action,
    doubtSince: pending?.state === "intent" ? pending.at || "?" : null,
    draftSentAt: draft?.state === "sent" ? draft.at : null,
  };
}

function outcomeResult(outcome: SendOutcome): ActionResult {
  return { ok: outcome.status === "sent" || outcome.status === "alreadySent", message: outcome.message };
}

/**
 * "Gửi": the draft to the chairman while the period waits for approval, else the report to the upper
 * level. `resend` sends again what went already (or might have); `markSent` settles a doubt without
 * sending.
 */
export function sendReportNow(c: SheetContext, input: unknown): ActionResult {
  const parsed = z.safeParse(sendRequestSchema(), input);
  if (!parsed.success) throw userError("Yêu cầu gửi không đúng dạng: hãy mở lại hộp thoại.");
  const periodKey = choosePeriod(parsed.data.periodKey, periodOptions(c));
  const label = periodLabel(periodKey, c.settings.periodRule);
  const approval = readApproval(periodKey);
  const direct = c.settings.approval === "direct" || approval.status === "approved";
  const sc = sendContext(c);
  if (parsed.data.markSent === true) {
    const kind = direct ? "report" : "draft";
    const done = markSent(kind, periodKey, direct ? 0 : approval.returns.length, c.user);
    if (!done) return { ok: false, message: `Không có lần gửi nào của ${label} đang chờ xác nhận.` };
    const what = direct ? `báo cáo ${label}` : `dự thảo ${label}`;
    appendSendLog(
      c.ss,
      periodKey,
      "Xác nhận đã gửi",
      [],
      `${c.user} xác nhận ${what} đã đi (đã xem thư đã gửi).`,
    );
    return { ok: true, message: `Đã ghi nhận ${what} đã được gửi.` };
  }
  if (!runsAsInstaller()) {
    // Official mail goes from the installer's account: the hourly trigger sends what is queued.
    if (parsed.data.resend) {
      return {
        ok: false,
        message: `Gửi lại chỉ làm được từ tài khoản ${recordedInstaller()} (tài khoản gửi thư chính thức của bảng tính).`,
      };
    }
    queueSend(direct ? "report" : "draft", periodKey);
    appendSendLog(
      c.ss,
      periodKey,
      direct ? "Báo cáo tháng" : "Dự thảo gửi Chủ tịch",
      [],
      `${c.user} yêu cầu gửi.`,
    );
    return {
      ok: true,
      message: `Đã xếp hàng gửi ${direct ? "báo cáo" : "dự thảo"} ${label}: thư đi từ tài khoản ${recordedInstaller()} trong vòng một giờ.`,
    };
  }
  const outcome = direct
    ? sendFinalReport(sc, { periodKey, resend: parsed.data.resend, by: c.user })
    : sendDraft(sc, { periodKey, by: c.user, again: parsed.data.resend });
  return outcomeResult(outcome);
}

/**
 * Runs a time-driven job so that a failure never ends in an unexplained crash: it is written to the send
 * log in Vietnamese (Google's words in the execution log), and the report gets a retry.
 */
function guardJob(c: SheetContext, period: string, job: string, run: () => void, retry?: MailKind): void {
  try {
    run();
  } catch (err) {
    console.error(`${job}: ${messageOf(err)}`);
    let again = "";
    if (retry) {
      try {
        queueSend(retry, period);
        again = " Sẽ tự thử lại trong vòng một giờ.";
      } catch (second) {
        console.error(`${job}: không hẹn được lần thử lại: ${messageOf(second)}`);
      }
    }
    appendSendLog(c.ss, period, job, [], `Lỗi: ${translateError(err)}${again}`);
  }
}

/** Time-driven, monthly: the period that just closed goes to the chairman (or straight up). */
export function onMonthly(c: SheetContext): void {
  const sc = sendContext(c);
  const periodKey = lastClosedPeriod(sc.today, c.settings.periodRule);
  const kind = c.settings.approval === "direct" ? "report" : "draft";
  guardJob(
    c,
    periodKey,
    "Báo cáo tháng",
    () => {
      flushPendingChanges(c.ss, c.people.office);
      const direct = kind === "report" || readApproval(periodKey).status === "approved";
      const outcome = direct
        ? sendFinalReport(sc, { periodKey, resend: false, by: "trigger" })
        : sendDraft(sc, { periodKey, by: "trigger", again: false });
      console.log(outcome.message);
    },
    kind,
  );
}

/**
 * Time-driven, hourly: the logs others could not write, the protections of newly approved periods, and
 * what waits to be sent (an approval, a request, a retry). Cheap when nothing waits.
 */
export function onHourly(c: SheetContext): void {
  const sc = sendContext(c);
  guardJob(c, sc.today, "Việc hằng giờ", () => {
    flushPendingChanges(c.ss, c.people.office);
    flushPendingSendLog(c.ss);
    lockNewlyApproved(sc);
    sendPending(sc);
    if (pushesWait()) upperTools().retryPushes(sc);
  });
}

/** A one-off retry trigger of an earlier version: does the hourly work once, and goes. */
export function onRetry(c: SheetContext): void {
  clearRetry();
  onHourly(c);
}

/**
 * Time-driven, daily: reminders to units and to the chairman, the change log, and what waits to be
 * sent (a sheet set up by an earlier version has no hourly trigger until setup runs again).
 */
export function onDaily(c: SheetContext): void {
  const sc = sendContext(c);
  guardJob(c, sc.today, "Việc hằng ngày", () => {
    flushPendingChanges(c.ss, c.people.office);
    sendReminders(sc);
    remindChairman(sc, readApprovals());
    sendPending(sc);
    if (pushesWait()) upperTools().retryPushes(sc);
  });
}

/** "Cập nhật bản xem cho cấp trên": the newest closed period, or with approval the newest approved. */
export function updateCopyFromMenu(c: SheetContext): string {
  const options = periodOptions(c);
  const approved =
    c.settings.approval === "chairman"
      ? options.filter((o) => readApproval(o.key).status === "approved").map((o) => o.key)
      : options.map((o) => o.key);
  const key = approved[approved.length - 1];
  if (!key) {
    return "Chưa có kỳ báo cáo nào được Chủ tịch duyệt: bản xem cho cấp trên chỉ có số liệu đã duyệt, nên chưa cập nhật.";
  }
  const sc = sendContext(c);
  const { rollup, history } = composeReport(sc, readData(sc), key, {});
  const result = refreshReadOnlyCopy(c.ss, c.plan, c.settings, rollup, history);
  return [`Đã cập nhật bản xem (${rollup.period.label}): ${result.url}`, ...result.messages].join("\n");
}
