/**
 * What approval adds to the monthly report: a notice on a draft, who approved it and when (under the
 * signer), and the figures of approved periods corrected since ("số liệu điều chỉnh sau khi duyệt").
 * Fragments for core/report.ts, in its inline-styled HTML (report-kit's pieces, so they stack on a
 * phone as the rest does) and in its plain text; every value escaped.
 */
import type { Correction } from "./approval";
import { formatDateTimeVi } from "./periods";
import { escapeHtml, heading, listItem, tag } from "./report-kit";

export interface ApprovalStamp {
  by: string;
  at: string;
}

export interface ApprovalParts {
  /** A line shown above the report, e.g. "DỰ THẢO – chờ Chủ tịch duyệt". */
  notice?: string;
  approval?: ApprovalStamp;
  corrections?: readonly Correction[];
}

export const CORRECTIONS_TITLE = "SỐ LIỆU ĐIỀU CHỈNH SAU KHI DUYỆT";

export function approvalLine(a: ApprovalStamp): string {
  return "Đã duyệt: " + a.by + ", lúc " + formatDateTimeVi(a.at);
}

function correctionLine(c: Correction): string {
  return c.periodLabel + " – " + c.unitName + " – " + c.elementLabel + ": " + c.before + " → " + c.after;
}

export function noticeHtml(p: ApprovalParts): string {
  if (!p.notice) return "";
  return tag(
    "div",
    "padding:8px 12px;margin-bottom:12px;border:2px solid #e65100;background:#fff3e0;color:#bf360c;font-weight:bold;text-align:center",
    escapeHtml(p.notice),
  );
}

export function correctionsHtml(p: ApprovalParts): string {
  const list = p.corrections ?? [];
  if (list.length === 0) return "";
  return heading("IV. " + CORRECTIONS_TITLE) + list.map((c) => listItem(correctionLine(c))).join("");
}

export function approvalHtml(p: ApprovalParts): string {
  if (!p.approval) return "";
  return tag("div", "font-size:13px;font-style:italic;margin-top:4px", escapeHtml(approvalLine(p.approval)));
}

export function noticeText(p: ApprovalParts): string[] {
  return p.notice ? [p.notice, ""] : [];
}

export function correctionsText(p: ApprovalParts): string[] {
  const list = p.corrections ?? [];
  if (list.length === 0) return [];
  return ["", "IV. " + CORRECTIONS_TITLE, ...list.map((c) => "- " + correctionLine(c))];
}

export function approvalText(p: ApprovalParts): string[] {
  return p.approval ? [approvalLine(p.approval)] : [];
}
