/**
 * The monthly report's entry points: the rollup sidebar, the send dialog, the triggers and the
 * read-only copy from the menu. Thin: each gathers context and calls rollup/send/copy.
 */
import * as z from "zod/mini";
import type { PeriodKey } from "../core/periods";
import { lastClosedPeriod, periodLabel } from "../core/periods";
import { closedPeriods, reportRecipients } from "../core/schedule";
import type { Rollup } from "../core/rollup";
import type { ActionResult, PeriodOption, RollupState, SendState } from "./api";
import { periodKeySchema, sendRequestSchema } from "./api";
import { flushPendingChanges } from "./change-log";
import type { SheetContext } from "./context";
import { isOwner, OWNER_ONLY, sheetContext, today } from "./context";
import { refreshReadOnlyCopy } from "./copy";
import { periodsUpTo, readSheetData, writeRollupTab } from "./rollup";
import {
  clearRetry,
  guardTrigger,
  pendingPeriod,
  sendMonthlyReport,
  sendReminders,
  sentReports,
} from "./send";

/** Periods of the plan that have closed (at least the first), newest last, with their labels. */
function periodOptions(c: SheetContext): PeriodOption[] {
  return closedPeriods(c.plan, c.settings, today()).map((key) => ({
    key,
    label: periodLabel(key, c.settings.periodRule),
  }));
}

/** The period asked for if it is one of the options, else the newest. */
function choosePeriod(asked: unknown, options: PeriodOption[]): PeriodKey {
  const parsed = z.safeParse(periodKeySchema(), asked);
  if (parsed.success && options.some((o) => o.key === parsed.data)) return parsed.data;
  return options[options.length - 1]!.key;
}

/** A period's rollup and the month-by-month history up to it, from one read of every unit tab. */
function rollupWithHistory(c: SheetContext, key: PeriodKey): { rollup: Rollup; history: Rollup[] } {
  const data = readSheetData(c.ss, c.plan, c.settings, today(), new Date());
  return {
    rollup: data.rollupOf(key),
    history: periodsUpTo(c.plan, c.settings, key).map((k) => data.rollupOf(k)),
  };
}

export function rollupState(asked: unknown): RollupState {
  const c = sheetContext();
  const periods = periodOptions(c);
  const periodKey = choosePeriod(asked, periods);
  const rollup = readSheetData(c.ss, c.plan, c.settings, today(), new Date()).rollupOf(periodKey);
  return { periods, periodKey, rollup, canWrite: isOwner(c.ss, c.user) };
}

export function writeRollupToTab(asked: unknown): ActionResult {
  const c = sheetContext();
  if (!isOwner(c.ss, c.user)) return { ok: false, message: OWNER_ONLY };
  const key = choosePeriod(asked, periodOptions(c));
  const { rollup, history } = rollupWithHistory(c, key);
  writeRollupTab(c.ss, c.plan, rollup, history);
  return { ok: true, message: `Đã ghi tổng hợp ${rollup.period.label} vào trang "Tổng hợp".` };
}

export function sendState(asked: unknown): SendState {
  const c = sheetContext();
  const periods = periodOptions(c);
  const periodKey = choosePeriod(asked, periods);
  const { recipients, problems } = reportRecipients(c.settings);
  return {
    periods,
    periodKey,
    periodLabel: periodLabel(periodKey, c.settings.periodRule),
    recipients,
    problems,
    remainingQuota: MailApp.getRemainingDailyQuota(),
    sentAt: sentReports()[periodKey]?.at ?? null,
    canSend: isOwner(c.ss, c.user),
  };
}

export function sendReportNow(input: unknown): ActionResult {
  const c = sheetContext();
  if (!isOwner(c.ss, c.user)) return { ok: false, message: OWNER_ONLY };
  const parsed = z.safeParse(sendRequestSchema(), input);
  if (!parsed.success) return { ok: false, message: "Yêu cầu gửi không đúng dạng: hãy mở lại hộp thoại." };
  const outcome = sendMonthlyReport(c.ss, c.plan, c.settings, today(), {
    periodKey: choosePeriod(parsed.data.periodKey, periodOptions(c)),
    resend: parsed.data.resend,
    by: c.user,
  });
  return { ok: outcome.status === "sent", message: outcome.message };
}

/** Time-driven, monthly: the report of the period that just closed. A trigger has no one to tell: log. */
export function onMonthly(): void {
  const c = sheetContext();
  const now = today();
  const periodKey = lastClosedPeriod(now, c.settings.periodRule);
  guardTrigger(c.ss, periodKey, "Báo cáo tháng", true, () => {
    flushPendingChanges(c.ss);
    const outcome = sendMonthlyReport(c.ss, c.plan, c.settings, now, {
      periodKey,
      resend: false,
      by: "trigger",
    });
    console.log(outcome.message);
  });
}

/** Time-driven, one-off after a failure: try the pending period again. */
export function onRetry(): void {
  clearRetry();
  const c = sheetContext();
  const now = today();
  const periodKey = pendingPeriod(c.settings, now);
  guardTrigger(c.ss, periodKey, "Báo cáo tháng (thử lại)", true, () => {
    const outcome = sendMonthlyReport(c.ss, c.plan, c.settings, now, {
      periodKey,
      resend: false,
      by: "retry",
    });
    console.log(outcome.message);
  });
}

/** Time-driven, daily: reminders before the cut-off, and change log entries waiting for the owner. */
export function onDaily(): void {
  const c = sheetContext();
  const now = today();
  guardTrigger(c.ss, now, "Nhắc nhở", false, () => {
    flushPendingChanges(c.ss);
    sendReminders(c.ss, c.plan, c.settings, now);
  });
}

/** "Cập nhật bản xem cho cấp trên": the newest closed period. */
export function updateCopyFromMenu(): string {
  const c = sheetContext();
  if (!isOwner(c.ss, c.user)) return OWNER_ONLY;
  const options = periodOptions(c);
  const { rollup, history } = rollupWithHistory(c, choosePeriod(null, options));
  const result = refreshReadOnlyCopy(c.ss, c.plan, c.settings, rollup, history);
  return [`Đã cập nhật bản xem (${rollup.period.label}): ${result.url}`, ...result.messages].join("\n");
}
