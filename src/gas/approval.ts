/**
 * "Duyệt báo cáo tháng…": the chairman sees the report exactly as it will go (the email's own HTML,
 * stamped with his approval as of now), and approves it or returns it with a comment. Approval records
 * who and when and the figures; the installer's account then locks the period's rows for staff and
 * sends the report to the upper level (idempotent and quota-aware like every send) — at once when the
 * approver runs as that account, else from its hourly trigger: the chairman's own rights reach neither
 * the protected tabs nor the copy. A return reaches the office by email (from the chairman) and stays
 * in the send log. The guard has checked the role (approvalView to look, approve to act).
 */
import * as z from "zod/mini";
import type { ApprovalRecord } from "../core/approval";
import { approvalReminderDue, COMMENT_MAX, figuresOf } from "../core/approval";
import type { PeriodKey } from "../core/periods";
import { formatDateTimeVi, periodLabel } from "../core/periods";
import { hasRole } from "../core/roles";
import { reportRecipients } from "../core/schedule";
import { isEmail } from "../core/settings";
import type { ActionResult, ApprovalResult, ApprovalState, ApprovalView } from "./api";
import { approveSchema, returnSchema } from "./api";
import { lockContext, readApproval, readApprovals, writeApproval } from "./approvals";
import type { SheetContext } from "./context";
import { userError } from "./guard";
import { mailRecord } from "./mail-record";
import { recordedInstaller } from "./context";
import { choosePeriod, periodOptions, sendContext } from "./options";
import { lockApprovedRows } from "./protect";
import { tabColumns } from "./tab-columns";
import type { SendContext } from "./send";
import { composeReport, queueSend, readData, runsAsInstaller, sendFinalReport } from "./send";
import { appendSendLog } from "./send-log";

export function approvalView(r: ApprovalRecord): ApprovalView {
  return {
    status: r.status,
    draftAt: r.draftAt,
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt,
    returns: r.returns,
  };
}

/** The approval as the report will carry it: the record's, or the caller's as of now (the preview). */
function stampFor(c: SheetContext, record: ApprovalRecord, now: Date) {
  if (record.status === "approved" && record.approvedBy && record.approvedAt) {
    return { by: record.approvedBy, at: record.approvedAt };
  }
  return { by: c.user, at: now.toISOString() };
}

export function approvalState(c: SheetContext, asked: unknown): ApprovalState {
  const periods = periodOptions(c);
  // Unasked, the dialog opens on the newest period waiting for the chairman, else the newest.
  const approvals = readApprovals();
  const waiting = periods.filter((p) => {
    const status = approvals.get(p.key)?.status;
    return status === "draft" || status === "returned";
  });
  const periodKey = choosePeriod(asked ?? waiting.at(-1)?.key ?? null, periods);
  const record = readApproval(periodKey);
  const sc = sendContext(c);
  const composed = composeReport(sc, readData(sc), periodKey, { stamp: stampFor(c, record, new Date()) });
  const sent = mailRecord("report", periodKey);
  return {
    periods,
    periodKey,
    periodLabel: periodLabel(periodKey, c.settings.periodRule),
    mode: c.settings.approval,
    approval: approvalView(record),
    reportSentAt: sent?.state === "sent" ? sent.at : null,
    html: composed.html,
    fingerprint: composed.fingerprint,
    canApprove:
      hasRole(c.person, "chairman") && record.status !== "approved" && c.settings.approval === "chairman",
    chairman: c.people.chairman,
    upperLevelName: c.settings.upperLevelName,
    recipients: reportRecipients(c.settings).recipients,
  };
}

/** Re-makes the protections of approved rows (after an approval, and at setup). */
export function relockRows(c: SendContext): number {
  const dateColumn = (sheet: GoogleAppsScript.Spreadsheet.Sheet, unitId: string): number | null => {
    const unit = c.plan.units.find((u) => u.id === unitId);
    if (!unit) return null;
    const at = tabColumns(() => sheet, c.plan, unit).indexByKey.date;
    return at === undefined ? null : at + 1;
  };
  const locks = lockContext(c.people, c.settings).locks;
  return lockApprovedRows(c.ss, c.plan, c.settings, c.people.office, locks, dateColumn);
}

export function approveReport(c: SheetContext, input: unknown): ApprovalResult {
  const parsed = z.safeParse(approveSchema(), input);
  if (!parsed.success) throw userError("Yêu cầu duyệt không đúng dạng: hãy mở lại hộp thoại duyệt.");
  if (c.settings.approval !== "chairman") {
    return { ok: false, message: "Cài đặt đang chọn gửi thẳng, không cần duyệt: không có gì để duyệt." };
  }
  const periodKey = choosePeriod(parsed.data.periodKey, periodOptions(c));
  const label = periodLabel(periodKey, c.settings.periodRule);
  const sc = sendContext(c);
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(30000)) {
    throw userError("Đang có một lần gửi báo cáo khác chạy. Chưa duyệt; hãy bấm Duyệt lại sau ít giây.");
  }
  let approvedAt: string;
  try {
    const record = readApproval(periodKey);
    if (record.status === "approved") {
      return {
        ok: true,
        message: `Báo cáo ${label} đã được duyệt lúc ${formatDateTimeVi(record.approvedAt ?? "")} bởi ${record.approvedBy}.`,
      };
    }
    const now = new Date();
    const data = readData(sc);
    const composed = composeReport(sc, data, periodKey, { stamp: { by: c.user, at: now.toISOString() } });
    if (composed.fingerprint !== parsed.data.fingerprint) {
      return {
        ok: false,
        message:
          "Số liệu đã thay đổi từ khi bạn mở báo cáo (có người vừa nhập hoặc sửa). Chưa duyệt: hãy xem lại báo cáo mới bên dưới rồi bấm Duyệt.",
        state: approvalState(c, periodKey),
      };
    }
    approvedAt = now.toISOString();
    writeApproval(periodKey, {
      ...record,
      status: "approved",
      approvedBy: c.user,
      approvedAt,
      approved: figuresOf(data.rollupOf(periodKey)),
      reported: null,
      rowsLocked: false,
    });
    appendSendLog(c.ss, periodKey, "Duyệt", [], `${c.user} duyệt báo cáo ${label}.`);
  } finally {
    lock.releaseLock();
  }
  const head = `Đã duyệt báo cáo ${label} lúc ${formatDateTimeVi(approvedAt)}.`;
  if (!runsAsInstaller()) {
    queueSend("report", periodKey);
    return {
      ok: true,
      message:
        `${head} Báo cáo sẽ được gửi ${c.settings.upperLevelName} trong vòng một giờ, từ tài khoản ${recordedInstaller()} ` +
        "(tài khoản gửi thư chính thức của bảng tính); các dòng của kỳ này được khoá, chỉ văn phòng sửa được.",
    };
  }
  const locked = lockNewlyApproved(sc);
  const outcome = sendFinalReport(sc, { periodKey, resend: false, by: c.user });
  return {
    ok: true,
    message: `${head}${locked > 0 ? ` Đã khoá ${locked} dòng của kỳ, chỉ văn phòng sửa được.` : ""} ${outcome.message}`,
  };
}

/** Protects the rows of periods approved since the last run (the installer's, who may change protections). */
export function lockNewlyApproved(c: SendContext): number {
  const waiting = [...readApprovals()].filter(([, r]) => r.status === "approved" && !r.rowsLocked);
  if (waiting.length === 0) return 0;
  const rows = relockRows(c);
  for (const [key, record] of waiting) writeApproval(key, { ...record, rowsLocked: true });
  return rows;
}

export function returnReport(c: SheetContext, input: unknown): ActionResult {
  const parsed = z.safeParse(returnSchema(), input);
  if (!parsed.success) {
    throw userError("Hãy viết góp ý (không để trống, tối đa 5000 ký tự) để văn phòng biết cần sửa gì.");
  }
  const periodKey = choosePeriod(parsed.data.periodKey, periodOptions(c));
  const label = periodLabel(periodKey, c.settings.periodRule);
  const record = readApproval(periodKey);
  if (record.status === "approved") {
    return { ok: false, message: `Báo cáo ${label} đã được duyệt và gửi: không trả lại được nữa.` };
  }
  const comment = parsed.data.comment.normalize("NFC").trim();
  const at = new Date().toISOString();
  writeApproval(periodKey, {
    ...record,
    status: "returned",
    returns: [...record.returns, { by: c.user, at, comment: comment.slice(0, COMMENT_MAX) }],
  });
  const office = c.people.office.filter(isEmail);
  appendSendLog(c.ss, periodKey, "Trả lại dự thảo", office, `Góp ý của ${c.user}: ${comment}`);
  let mailed = "";
  if (office.length > 0 && MailApp.getRemainingDailyQuota() >= office.length) {
    try {
      MailApp.sendEmail({
        to: office.join(","),
        subject: `Chủ tịch trả lại dự thảo báo cáo ${label}`,
        body:
          `Chủ tịch UBND ${c.plan.commune.level} ${c.plan.commune.name} (${c.user}) trả lại dự thảo báo cáo ${label} ` +
          `lúc ${formatDateTimeVi(at)}, với góp ý:\n\n${comment}\n\n` +
          `Sau khi sửa số liệu, văn phòng gửi lại dự thảo: menu "${c.plan.shortName}" → "Văn phòng UBND xã" → "Gửi báo cáo tháng…". ` +
          `Bảng tính: ${c.ss.getUrl()}`,
        name: `UBND ${c.plan.commune.level} ${c.plan.commune.name}`,
      });
      mailed = " Góp ý đã được gửi qua email cho văn phòng.";
    } catch (err) {
      console.error(`Trả lại dự thảo: ${String(err)}`);
      mailed = " Chưa gửi được email cho văn phòng; góp ý đã ghi vào Nhật ký gửi.";
    }
  } else {
    mailed =
      " Chưa gửi được email cho văn phòng (hết hạn mức hoặc chưa có địa chỉ); góp ý đã ghi vào Nhật ký gửi.";
  }
  return { ok: true, message: `Đã trả lại dự thảo báo cáo ${label}.${mailed}` };
}

/** Daily: a draft waiting longer than the settings allow gets a reminder to the chairman. */
export function remindChairman(c: SendContext, approvals: ReadonlyMap<PeriodKey, ApprovalRecord>): void {
  if (c.settings.approval !== "chairman" || !isEmail(c.settings.chairmanEmail)) return;
  const now = Date.now();
  for (const [key, record] of approvals) {
    if (!approvalReminderDue(record, c.settings.approvalReminderDays, now)) continue;
    const label = periodLabel(key, c.settings.periodRule);
    const to = c.settings.chairmanEmail;
    if (MailApp.getRemainingDailyQuota() < 1) {
      appendSendLog(c.ss, key, "Nhắc Chủ tịch duyệt", [to], "Không gửi nhắc: hết hạn mức email hôm nay.");
      continue;
    }
    MailApp.sendEmail({
      to,
      subject: `Nhắc duyệt báo cáo ${label}`,
      body:
        `Kính gửi Chủ tịch UBND ${c.plan.commune.level} ${c.plan.commune.name},\n\n` +
        `Dự thảo báo cáo ${label} gửi lúc ${formatDateTimeVi(record.draftAt ?? "")} đang chờ duyệt. ` +
        `Báo cáo chỉ gửi ${c.settings.upperLevelName} sau khi được duyệt. Để duyệt: mở bảng tính bằng máy tính, ` +
        `chọn menu "${c.plan.shortName}" → "Duyệt báo cáo tháng…".\n\n${c.ss.getUrl()}`,
      name: `UBND ${c.plan.commune.level} ${c.plan.commune.name}`,
    });
    writeApproval(key, { ...record, remindedAt: new Date(now).toISOString() });
    appendSendLog(c.ss, key, "Nhắc Chủ tịch duyệt", [to], `Đã nhắc Chủ tịch duyệt báo cáo ${label}.`);
  }
}
