/**
 * The monthly report as an email: HTML in the layout of a Vietnamese administrative document
 * (Nghị định 30/2020/NĐ-CP: issuing body and quốc hiệu side by side, place and date, BÁO CÁO and its
 * trích yếu, body, Nơi nhận and the signer) and the same content as plain text.
 *
 * Email clients drop <style> sheets and scripts, so everything is tables with inline styles. Every value
 * that comes from a cell, a setting or the plan is escaped. Free text typed by units never appears: only
 * figures, plan wording and messages built here (entry problems are counted per unit, not quoted, since
 * they can echo what was typed).
 */
import { formatPercent, formatWholeNumber } from "./parse";
import type { Plan } from "./plan";
import type { IsoDate } from "./periods";
import { administrativeDate, formatDateTimeVi, formatDateVi, periodShortLabel, splitIso } from "./periods";
import type { IndicatorResult, IndicatorStatus, Rollup } from "./rollup";
import { indicatorFigure } from "./rollup";
import type { ApprovalParts } from "./report-approval";
import {
  approvalHtml,
  approvalText,
  correctionsHtml,
  correctionsText,
  noticeHtml,
  noticeText,
} from "./report-approval";

export interface ReportOptions extends ApprovalParts {
  /** Date printed in "Quang Khải, ngày … tháng … năm …". */
  reportDate: IsoDate;
  upperLevelName: string;
  sheetUrl?: string;
  copyUrl?: string;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** "Quang Khải, ngày 15 tháng 4 năm 2023" */
export function placeAndDate(plan: Plan, date: IsoDate): string {
  return plan.commune.name + ", " + administrativeDate(date);
}

/** "Kết quả thực hiện Kế hoạch … tháng 4/2023" */
export function reportSubject(plan: Plan, rollup: Rollup): string {
  return "Kết quả thực hiện " + plan.title + ", " + periodShortLabel(rollup.period.key);
}

function documentRef(plan: Plan): string {
  const num = plan.document.number.trim();
  const { y, m, d } = splitIso(plan.document.date);
  return (
    "Kế hoạch " +
    (num ? "số " + num + "/" + plan.document.symbol + " " : "") +
    "ngày " +
    d +
    "/" +
    m +
    "/" +
    y +
    " của UBND " +
    plan.commune.level +
    " " +
    plan.commune.name
  );
}

/** Only http(s) links make it into the email. */
function safeUrl(u: string | undefined): string | null {
  if (!u) return null;
  const t = u.trim();
  return /^https:\/\/[^\s"'<>]+$/i.test(t) ? t : null;
}

const STATUS_STYLE: Record<IndicatorStatus, { fg: string; bg: string; bar: string }> = {
  Đạt: { fg: "#1b5e20", bg: "#e8f5e9", bar: "#2e7d32" },
  "Chưa đạt": { fg: "#b71c1c", bg: "#ffebee", bar: "#c62828" },
  "Không phát sinh": { fg: "#37474f", bg: "#eceff1", bar: "#90a4ae" },
  "Thiếu số liệu": { fg: "#e65100", bg: "#fff3e0", bar: "#ef6c00" },
};

interface Sections {
  missingUnits: string[];
  problemLines: string[];
  recipients: string[];
}

function sections(plan: Plan, rollup: Rollup): Sections {
  const missingUnits = rollup.units.filter((u) => !u.reported).map((u) => u.name);
  const problemLines: string[] = [];
  const rowsByUnit = new Map<string, Set<number>>();
  let headerCount = 0;
  for (const p of rollup.problems) {
    if (p.kind === "rule" || p.kind === "percentOver100") {
      const unit = p.unitId ? rollup.units.find((u) => u.unitId === p.unitId) : undefined;
      problemLines.push((unit ? unit.name + ": " : "") + p.message);
    } else if (p.kind === "entry" && p.severity === "error" && p.unitId) {
      const s = rowsByUnit.get(p.unitId) ?? new Set<number>();
      s.add(p.rowNumber ?? -1);
      rowsByUnit.set(p.unitId, s);
    } else if (p.kind === "header" && p.severity === "error") headerCount++;
  }
  for (const u of rollup.units) {
    const n = rowsByUnit.get(u.unitId)?.size ?? 0;
    if (n > 0)
      problemLines.push(
        u.name + ": " + formatWholeNumber(n) + " dòng có lỗi chưa sửa, chưa được tính vào báo cáo.",
      );
  }
  if (headerCount > 0)
    problemLines.push(formatWholeNumber(headerCount) + " lỗi ở dòng tiêu đề các trang tính.");
  const upper = plan.recipients.filter((r) => r.role === "upperLevel").map((r) => r.label);
  // "Như trên" stands for the addressee of "Kính gửi" (the upper level), as administrative letters do.
  const recipients = [
    "Như trên",
    ...upper,
    ...plan.recipients.filter((r) => r.role === "chairman").map((r) => r.label),
    "Lưu: VP",
  ];
  return { missingUnits, problemLines, recipients: [...new Set(recipients)] };
}

/** An element with inline styles (email clients drop style sheets); `html` must already be escaped. */
function tag(name: string, style: string, html: string): string {
  return "<" + name + ' style="' + style + '">' + html + "</" + name + ">";
}

const SMALL = "font-size:12px;margin-top:2px";
/** An empty cell of a given height: the pieces of a progress bar. */
const BAR = ";height:10px;font-size:0;line-height:0";

function barHtml(r: IndicatorResult): string {
  if (r.percent === null) return tag("div", "font-size:12px;color:#607d8b", "–");
  // The bar stops at 100 %, the number beside it does not.
  const w = Math.max(0, Math.min(100, Math.round(r.percent)));
  const fill =
    w > 0
      ? '<td width="' + w + '%" style="background:' + STATUS_STYLE[r.status].bar + BAR + '">&nbsp;</td>'
      : "";
  const rest = w < 100 ? tag("td", BAR.slice(1), "&nbsp;") : "";
  const figure = formatPercent(r.percent) + (r.kind === "frequency" ? " số tháng" : "");
  return (
    layoutTable("border-collapse:collapse;background:#e0e0e0") +
    "<tr>" +
    fill +
    rest +
    "</tr></table>" +
    tag("div", SMALL, escapeHtml(figure))
  );
}

function monthsText(r: IndicatorResult): string {
  if (!r.months || r.months.length === 0) return "";
  return r.months
    .map((m) => m.label.replace("tháng ", "T") + ": " + formatWholeNumber(m.count) + (m.met ? " ✓" : " ✗"))
    .join("; ");
}

const CELL = "border:1px solid #9e9e9e;padding:6px;vertical-align:top;font-size:13px";
const HEAD = CELL + ";background:#f5f5f5;font-weight:bold;text-align:center";
const NOWRAP = ";text-align:center;white-space:nowrap";

function indicatorRow(r: IndicatorResult, i: number): string {
  const style = STATUS_STYLE[r.status];
  const months = monthsText(r);
  const note = (color: string, text: string) =>
    tag("div", "font-size:11px;color:" + color + ";margin-top:2px", escapeHtml(text));
  return (
    "<tr>" +
    tag("td", CELL + ";text-align:center", String(i + 1)) +
    tag(
      "td",
      CELL,
      "<b>" +
        escapeHtml(r.id) +
        "</b> " +
        escapeHtml(r.shortLabel) +
        note("#616161", r.label) +
        (months ? note("#424242", months) : ""),
    ) +
    tag("td", CELL + ";text-align:right;white-space:nowrap", escapeHtml(indicatorFigure(r))) +
    tag("td", CELL + NOWRAP, escapeHtml(r.targetText)) +
    tag("td", CELL + ";width:120px", barHtml(r)) +
    tag(
      "td",
      CELL + NOWRAP + ";color:" + style.fg + ";background:" + style.bg,
      "<b>" + escapeHtml(r.status) + "</b>" + (r.pace ? tag("div", SMALL, escapeHtml(r.pace)) : ""),
    ) +
    "</tr>"
  );
}

/** The opening sentence, shared by the HTML and the text. */
function introText(plan: Plan, rollup: Rollup): string {
  return (
    "Thực hiện " +
    documentRef(plan) +
    ", UBND " +
    plan.commune.level +
    " báo cáo kết quả thực hiện " +
    rollup.period.label +
    ", luỹ kế từ " +
    formatDateVi(rollup.yearToDate.start) +
    " đến " +
    formatDateVi(rollup.yearToDate.end) +
    ", như sau:"
  );
}

function summaryText(rollup: Rollup): string {
  const s = rollup.summary;
  return (
    `Đạt ${s.indicatorsMet}/${s.indicatorsTotal} chỉ tiêu; ${s.unitsReported}/${s.unitsTotal} đơn vị đã báo cáo ` +
    `trong kỳ; đã qua ${rollup.monthsElapsed}/${rollup.monthsTotal} tháng của kế hoạch.`
  );
}

/** A layout table (email clients lay out with tables, not CSS). */
function layoutTable(style: string): string {
  return '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="' + style + '">';
}

/** The short horizontal rule under headings of an administrative document. */
function underline(width: number, margin: string): string {
  return (
    '<div style="margin:' +
    margin +
    ";width:" +
    width +
    'px;border-top:1px solid #212121;font-size:0;line-height:0">&nbsp;</div>'
  );
}

/** The report as an HTML email body (inline styles, tables only, no scripts, every value escaped). */
export function renderReportHtml(plan: Plan, rollup: Rollup, opts: ReportOptions): string {
  const s = sections(plan, rollup);
  const body = "font-family:'Times New Roman',Times,serif;color:#212121;font-size:14px;line-height:1.4";
  const P = 'style="margin:6px 0;text-align:justify"';
  const h2 = (t: string) => '<p style="margin:14px 0 6px;font-weight:bold">' + escapeHtml(t) + "</p>";
  const li = (t: string) => '<p style="margin:2px 0 2px 12px">- ' + escapeHtml(t) + "</p>";
  const communeUpper = (plan.commune.level + " " + plan.commune.name).toUpperCase();
  const links: string[] = [];
  const sheet = safeUrl(opts.sheetUrl);
  const copy = safeUrl(opts.copyUrl);
  if (sheet) links.push('Bảng tính nhập liệu: <a href="' + escapeHtml(sheet) + '">mở bảng tính</a>');
  if (copy) links.push('Bản xem số liệu (chỉ đọc): <a href="' + escapeHtml(copy) + '">mở bản xem</a>');

  const html =
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>' +
    escapeHtml("Báo cáo " + periodShortLabel(rollup.period.key)) +
    '</title></head><body style="margin:0;padding:0;background:#ffffff">' +
    layoutTable(body) +
    '<tr><td align="center" style="padding:16px">' +
    layoutTable("max-width:760px;" + body) +
    noticeHtml(opts, escapeHtml) +
    // Issuing body (left) and quốc hiệu, tiêu ngữ, place and date (right).
    "<tr><td>" +
    layoutTable(body) +
    "<tr>" +
    '<td width="40%" style="text-align:center;vertical-align:top">' +
    '<div>UỶ BAN NHÂN DÂN</div><div style="font-weight:bold">' +
    escapeHtml(communeUpper) +
    "</div>" +
    underline(80, "2px auto 4px") +
    "<div>Số:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC-UBND</div></td>" +
    '<td width="60%" style="text-align:center;vertical-align:top">' +
    '<div style="font-weight:bold">CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>' +
    '<div style="font-weight:bold">Độc lập - Tự do - Hạnh phúc</div>' +
    underline(200, "2px auto 6px") +
    '<div style="font-style:italic">' +
    escapeHtml(placeAndDate(plan, opts.reportDate)) +
    "</div></td>" +
    "</tr></table></td></tr>" +
    // Title and trích yếu.
    '<tr><td style="text-align:center;padding-top:18px"><div style="font-weight:bold;font-size:16px">BÁO CÁO</div>' +
    '<div style="font-weight:bold">' +
    escapeHtml(reportSubject(plan, rollup)) +
    "</div>" +
    underline(160, "4px auto 0") +
    "</td></tr>" +
    '<tr><td style="text-align:center;padding-top:10px">Kính gửi: ' +
    escapeHtml(opts.upperLevelName.trim() || plan.upperLevel) +
    "</td></tr>" +
    '<tr><td style="padding-top:10px">' +
    "<p " +
    P +
    ">" +
    escapeHtml(introText(plan, rollup)) +
    "</p>" +
    h2("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU") +
    "<p " +
    P +
    ">" +
    escapeHtml(summaryText(rollup)) +
    "</p>" +
    layoutTable("border-collapse:collapse;" + body) +
    '<tr><td style="' +
    HEAD +
    '">TT</td><td style="' +
    HEAD +
    '">Chỉ tiêu</td><td style="' +
    HEAD +
    '">Kết quả luỹ kế</td>' +
    '<td style="' +
    HEAD +
    '">Mục tiêu</td><td style="' +
    HEAD +
    '">Tỉ lệ</td><td style="' +
    HEAD +
    '">Đánh giá</td></tr>' +
    rollup.indicators.map(indicatorRow).join("") +
    "</table>" +
    h2("II. ĐƠN VỊ CHƯA BÁO CÁO TRONG KỲ") +
    (s.missingUnits.length
      ? s.missingUnits.map(li).join("")
      : "<p " + P + ">Tất cả các đơn vị đã báo cáo.</p>") +
    h2("III. SỐ LIỆU CẦN KIỂM TRA") +
    (s.problemLines.length ? s.problemLines.map(li).join("") : "<p " + P + ">Không có.</p>") +
    correctionsHtml(opts, escapeHtml, h2) +
    (links.length ? '<p style="margin:12px 0 0;font-size:13px">' + links.join("<br>") + "</p>" : "") +
    "</td></tr>" +
    // Nơi nhận (left) and the signer (right).
    '<tr><td style="padding-top:18px">' +
    layoutTable(body) +
    "<tr>" +
    '<td width="50%" style="vertical-align:top;font-size:12px"><div style="font-weight:bold;font-style:italic">Nơi nhận:</div>' +
    s.recipients
      .map((r, i) => "<div>- " + escapeHtml(r) + (i === s.recipients.length - 1 ? "." : ";") + "</div>")
      .join("") +
    "</td>" +
    '<td width="50%" style="text-align:center;vertical-align:top"><div style="font-weight:bold">TM. UỶ BAN NHÂN DÂN</div>' +
    '<div style="font-weight:bold">' +
    escapeHtml(plan.chairman.title.toUpperCase()) +
    "</div>" +
    '<div style="height:60px;line-height:60px">&nbsp;</div>' +
    '<div style="font-weight:bold">' +
    escapeHtml(plan.chairman.name) +
    "</div>" +
    approvalHtml(opts, escapeHtml) +
    "</td>" +
    "</tr></table></td></tr>" +
    '<tr><td style="padding-top:18px;font-size:11px;color:#757575">Báo cáo lập tự động từ bảng tính lúc ' +
    escapeHtml(formatDateTimeVi(rollup.generatedAt)) +
    ". Số liệu chỉ gồm số tổng hợp, không có thông tin cá nhân.</td></tr>" +
    "</table></td></tr></table></body></html>";
  return html;
}

/** The same report as plain text (the email's text part). */
export function renderReportText(plan: Plan, rollup: Rollup, opts: ReportOptions): string {
  const s = sections(plan, rollup);
  const lines: string[] = [...noticeText(opts)];
  lines.push("UỶ BAN NHÂN DÂN " + (plan.commune.level + " " + plan.commune.name).toUpperCase());
  lines.push("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  lines.push("Độc lập - Tự do - Hạnh phúc");
  lines.push(placeAndDate(plan, opts.reportDate));
  lines.push("");
  lines.push("BÁO CÁO");
  lines.push(reportSubject(plan, rollup));
  lines.push("Kính gửi: " + (opts.upperLevelName.trim() || plan.upperLevel));
  lines.push("");
  lines.push(introText(plan, rollup));
  lines.push("");
  lines.push("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
  lines.push(summaryText(rollup));
  rollup.indicators.forEach((r, i) => {
    lines.push(
      i +
        1 +
        ". " +
        r.id +
        " " +
        r.shortLabel +
        ": " +
        indicatorFigure(r) +
        " – mục tiêu " +
        r.targetText +
        " – " +
        r.status +
        (r.pace ? " (" + r.pace + ")" : ""),
    );
    const m = monthsText(r);
    if (m) lines.push("   " + m);
  });
  lines.push("");
  lines.push("II. ĐƠN VỊ CHƯA BÁO CÁO TRONG KỲ");
  if (s.missingUnits.length) for (const u of s.missingUnits) lines.push("- " + u);
  else lines.push("Tất cả các đơn vị đã báo cáo.");
  lines.push("");
  lines.push("III. SỐ LIỆU CẦN KIỂM TRA");
  if (s.problemLines.length) for (const p of s.problemLines) lines.push("- " + p);
  else lines.push("Không có.");
  lines.push(...correctionsText(opts));
  const sheet = safeUrl(opts.sheetUrl);
  const copy = safeUrl(opts.copyUrl);
  if (sheet || copy) lines.push("");
  if (sheet) lines.push("Bảng tính nhập liệu: " + sheet);
  if (copy) lines.push("Bản xem số liệu (chỉ đọc): " + copy);
  lines.push("");
  lines.push("Nơi nhận:");
  s.recipients.forEach((r, i) => {
    lines.push("- " + r + (i === s.recipients.length - 1 ? "." : ";"));
  });
  lines.push("");
  lines.push("TM. UỶ BAN NHÂN DÂN");
  lines.push(plan.chairman.title.toUpperCase());
  lines.push(plan.chairman.name);
  lines.push(...approvalText(opts));
  return lines.join("\n");
}
