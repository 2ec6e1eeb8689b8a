/**
 * The monthly report's entry points: the rollup sidebar, the send dialog, the triggers and the
 * read-only copy from the menu. Thin: each gathers context and calls rollup/send/copy.
 */
import * as z from "zod/mini";
import type { PeriodKey } from "../core/periods";
import { comparePeriods, lastClosedPeriod, periodLabel, planPeriods } from "../core/periods";
import type { ActionResult, PeriodOption, RollupState, SendState } from "./api";
import { PeriodKeySchema, SendRequestSchema } from "./api";
import { flushPendingChanges } from "./change-log";
import { activeUserEmail, getPlan, isOwner, loadSettings, today } from "./context";
import { refreshReadOnlyCopy } from "./copy";
import { periodsUpTo, readSheetData, writeRollupTab } from "./rollup";
import {
  clearRetry,
  pendingPeriod,
  reportRecipients,
  sendMonthlyReport,
  sendReminders,
  sentReports,
} from "./send";

const OWNER_ONLY = "Chỉ chủ bảng tính mới làm được việc này.";

function periodOptions(): PeriodOption[] {
  const plan = getPlan();
  const settings = loadSettings(plan);
  const now = today();
  const last = lastClosedPeriod(now, settings.periodRule);
  return planPeriods(plan, settings.periodRule)
    .filter((k) => comparePeriods(k, last) <= 0 || k === planPeriods(plan, settings.periodRule)[0])
    .map((key) => ({ key, label: periodLabel(key, settings.periodRule) }));
}

/** The period asked for if it is a real one of the plan, else the one that closed last (or the first). */
function choosePeriod(asked: unknown, options: PeriodOption[]): PeriodKey {
  const parsed = z.safeParse(PeriodKeySchema, asked);
  if (parsed.success && options.some((o) => o.key === parsed.data)) return parsed.data;
  return options[options.length - 1]!.key;
}

export function rollupState(asked: unknown): RollupState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const plan = getPlan();
  const settings = loadSettings(plan);
  const periods = periodOptions();
  const periodKey = choosePeriod(asked, periods);
  const rollup = readSheetData(ss, plan, settings, today(), new Date()).rollupOf(periodKey);
  return { periods, periodKey, rollup, canWrite: isOwner(ss, activeUserEmail()) };
}

export function writeRollupToTab(asked: unknown): ActionResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!isOwner(ss, activeUserEmail())) return { ok: false, message: OWNER_ONLY };
  const plan = getPlan();
  const settings = loadSettings(plan);
  const periodKey = choosePeriod(asked, periodOptions());
  const data = readSheetData(ss, plan, settings, today(), new Date());
  const history = periodsUpTo(plan, settings, periodKey).map((k) => data.rollupOf(k));
  writeRollupTab(ss, plan, data.rollupOf(periodKey), history);
  return {
    ok: true,
    message: `Đã ghi tổng hợp ${periodLabel(periodKey, settings.periodRule)} vào trang "Tổng hợp".`,
  };
}

export function sendState(asked: unknown): SendState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const plan = getPlan();
  const settings = loadSettings(plan);
  const periods = periodOptions();
  const periodKey = choosePeriod(asked, periods);
  const { recipients, problems } = reportRecipients(settings);
  return {
    periods,
    periodKey,
    periodLabel: periodLabel(periodKey, settings.periodRule),
    recipients,
    problems,
    remainingQuota: MailApp.getRemainingDailyQuota(),
    sentAt: sentReports()[periodKey]?.at ?? null,
    canSend: isOwner(ss, activeUserEmail()),
  };
}

export function sendReportNow(input: unknown): ActionResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const user = activeUserEmail();
  if (!isOwner(ss, user)) return { ok: false, message: OWNER_ONLY };
  const parsed = z.safeParse(SendRequestSchema, input);
  if (!parsed.success) return { ok: false, message: "Yêu cầu gửi không đúng dạng: hãy mở lại hộp thoại." };
  const plan = getPlan();
  const outcome = sendMonthlyReport(ss, plan, loadSettings(plan), today(), {
    periodKey: choosePeriod(parsed.data.periodKey, periodOptions()),
    resend: parsed.data.resend,
    by: user,
  });
  return { ok: outcome.status === "sent", message: outcome.message };
}

/** Time-driven, monthly: the report of the period that just closed. Never throws: a trigger has no one to tell. */
export function onMonthly(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const plan = getPlan();
  const settings = loadSettings(plan);
  flushPendingChanges(ss);
  const now = today();
  const outcome = sendMonthlyReport(ss, plan, settings, now, {
    periodKey: lastClosedPeriod(now, settings.periodRule),
    resend: false,
    by: "trigger",
  });
  console.log(outcome.message);
}

/** Time-driven, one-off after a failure: try the pending period again (once per retry trigger). */
export function onRetry(): void {
  clearRetry();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const plan = getPlan();
  const settings = loadSettings(plan);
  const now = today();
  const outcome = sendMonthlyReport(ss, plan, settings, now, {
    periodKey: pendingPeriod(settings, now),
    resend: false,
    by: "retry",
  });
  console.log(outcome.message);
}

/** Time-driven, daily: reminders before the cut-off, and the change log entries waiting for the owner. */
export function onDaily(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const plan = getPlan();
  flushPendingChanges(ss);
  sendReminders(ss, plan, loadSettings(plan), today());
}

/** "Cập nhật bản xem cho cấp trên". */
export function updateCopyFromMenu(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!isOwner(ss, activeUserEmail())) return OWNER_ONLY;
  const plan = getPlan();
  const settings = loadSettings(plan);
  const periodKey = lastClosedPeriod(today(), settings.periodRule);
  const key = choosePeriod(periodKey, periodOptions());
  const data = readSheetData(ss, plan, settings, today(), new Date());
  const history = periodsUpTo(plan, settings, key).map((k) => data.rollupOf(k));
  const result = refreshReadOnlyCopy(ss, plan, settings, data.rollupOf(key), history);
  return [
    `Đã cập nhật bản xem (${periodLabel(key, settings.periodRule)}): ${result.url}`,
    ...result.messages,
  ].join("\n");
}
