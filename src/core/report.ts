/**
 * The monthly report as an email: HTML in the layout of a Vietnamese administrative document
 * (Nghị định 30/2020/NĐ-CP: issuing body and quốc hiệu side by side, place and date, BÁO CÁO and its
 * trích yếu, body, Nơi nhận and the signer) and the same content as plain text.
 *
 * Responsive without relying on a style sheet (see report-kit.ts): on a desktop the indicators read as
 * a table of three columns, on a phone each becomes a card. Every value that comes from a cell, a
 * setting or the plan is escaped. Free text typed by units never appears: only figures, plan wording
 * and messages built here (entry problems are counted per unit, not quoted, since they can echo what
 * was typed).
 */
import { formatWholeNumber } from "./parse";
import type { Plan } from "./plan";
import type { IsoDate } from "./periods";
import { administrativeDate, formatDateTimeVi, formatDateVi, periodShortLabel, splitIso } from "./periods";
import {
  administrativeHeader,
  barHtml,
  columns,
  documentHtml,
  escapeHtml,
  heading,
  issuerLines,
  listItem,
  MUTED,
  note,
  paragraph,
  SMALL,
  safeUrl,
  statusBox,
  tag,
  titleBlock,
} from "./report-kit";
import type { IndicatorResult, Rollup } from "./rollup";
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
import { meaningLines, paceWords, statusWords } from "./wording";

export { escapeHtml };

export interface ReportOptions extends ApprovalParts {
  /** Date printed in "Quang Khải, ngày … tháng … năm …". */
  reportDate: IsoDate;
  upperLevelName: string;
  sheetUrl?: string;
  copyUrl?: string;
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

/** "T4/2023: 2 ✓; T5/2023: 0 ✗" – a frequency indicator's months so far. */
function monthsText(r: IndicatorResult): string {
  if (!r.months || r.months.length === 0) return "";
  return r.months
    .map((m) => m.label.replace("tháng ", "T") + ": " + formatWholeNumber(m.count) + (m.met ? " ✓" : " ✗"))
    .join("; ");
}

/** Widths of the indicator list's three columns on a desktop (they add up to the page's width). */
const LIST_COLUMNS = [340, 190, 200];

/** One row of the indicator list: a table row on a desktop, a card on a phone. */
function indicatorRow(r: IndicatorResult, i: number): string {
  const months = monthsText(r);
  const pad = (html: string) => tag("div", "padding:6px 8px", html);
  const what = pad(
    tag("div", "", "<b>" + (i + 1) + ". " + escapeHtml(r.id) + "</b> " + escapeHtml(r.shortLabel)) +
      tag("div", MUTED, escapeHtml(r.label)),
  );
  const result = pad(
    tag("div", "font-weight:bold", escapeHtml(indicatorFigure(r))) +
      (r.percent === null ? "" : barHtml(r.percent, r.status)) +
      tag("div", SMALL, "Mục tiêu: " + escapeHtml(r.targetText)) +
      (months ? tag("div", MUTED, escapeHtml(months)) : ""),
  );
  return columns(
    [
      { width: LIST_COLUMNS[0]!, html: what, cls: "ks-c1" },
      { width: LIST_COLUMNS[1]!, html: result, cls: "ks-c2" },
      { width: LIST_COLUMNS[2]!, html: pad(statusBox(r.status, statusWords(r), paceWords(r))), cls: "ks-c3" },
    ],
    "ks-row",
    "border-top:1px solid #bdbdbd",
  );
}

/** The indicator list with its column headings (hidden on a phone where <style> is kept). */
function indicatorList(rollup: Rollup): string {
  const head = (t: string) =>
    tag("div", "padding:6px 8px;font-weight:bold;background:#f5f5f5", escapeHtml(t));
  return (
    columns(
      [
        { width: LIST_COLUMNS[0]!, html: head("Chỉ tiêu"), cls: "ks-c1" },
        { width: LIST_COLUMNS[1]!, html: head("Kết quả, mục tiêu"), cls: "ks-c2" },
        { width: LIST_COLUMNS[2]!, html: head("Đánh giá, tiến độ"), cls: "ks-c3" },
      ],
      "ks-head",
    ) +
    rollup.indicators.map(indicatorRow).join("") +
    tag(
      "div",
      "border-top:1px solid #bdbdbd;padding-top:4px",
      meaningLines(rollup.indicators)
        .map((l) => note(l))
        .join(""),
    )
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

// What the HTML and the text part both say, written once.
const PART_I = "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU";
const PART_II = "II. ĐƠN VỊ CHƯA BÁO CÁO TRONG KỲ";
const PART_III = "III. SỐ LIỆU CẦN KIỂM TRA";
const ALL_REPORTED = "Tất cả các đơn vị đã báo cáo.";
const NONE = "Không có.";
const SIGNER = "TM. UỶ BAN NHÂN DÂN";
const SHEET_LINK = "Bảng tính nhập liệu: ";
const COPY_LINK = "Bản xem số liệu (chỉ đọc): ";

function issuer(plan: Plan): string[] {
  return issuerLines("UBND " + plan.commune.level + " " + plan.commune.name);
}

function addressee(plan: Plan, opts: ReportOptions): string {
  return "Kính gửi: " + (opts.upperLevelName.trim() || plan.upperLevel);
}

/** "- Như trên;" … "- Lưu: VP." */
function recipientLines(s: Sections): string[] {
  return s.recipients.map((r, i) => "- " + r + (i === s.recipients.length - 1 ? "." : ";"));
}

function footer(rollup: Rollup): string {
  return (
    "Báo cáo lập tự động từ bảng tính lúc " +
    formatDateTimeVi(rollup.generatedAt) +
    ". Số liệu chỉ gồm số tổng hợp, không có thông tin cá nhân."
  );
}

/** The report as an HTML email body (inline styles, every value escaped; see report-kit.ts). */
export function renderReportHtml(plan: Plan, rollup: Rollup, opts: ReportOptions): string {
  const s = sections(plan, rollup);
  const links: string[] = [];
  const sheet = safeUrl(opts.sheetUrl);
  const copy = safeUrl(opts.copyUrl);
  if (sheet) links.push(SHEET_LINK + '<a href="' + escapeHtml(sheet) + '">mở bảng tính</a>');
  if (copy) links.push(COPY_LINK + '<a href="' + escapeHtml(copy) + '">mở bản xem</a>');
  const bold = (t: string) => tag("div", "font-weight:bold", escapeHtml(t));
  const signer =
    bold(SIGNER) +
    bold(plan.chairman.title.toUpperCase()) +
    tag("div", "height:60px;line-height:60px", "&nbsp;") +
    bold(plan.chairman.name) +
    approvalHtml(opts);
  const recipients =
    tag("div", "font-weight:bold;font-style:italic", "Nơi nhận:") +
    recipientLines(s)
      .map((l) => tag("div", "", escapeHtml(l)))
      .join("");
  const list = (items: string[], none: string) =>
    items.length ? items.map(listItem).join("") : paragraph(none);
  const content =
    noticeHtml(opts) +
    administrativeHeader(
      issuer(plan),
      "Số:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC-UBND",
      placeAndDate(plan, opts.reportDate),
    ) +
    titleBlock("BÁO CÁO", reportSubject(plan, rollup)) +
    tag("div", "text-align:center;padding-top:10px", escapeHtml(addressee(plan, opts))) +
    tag("div", "height:10px", "") +
    paragraph(introText(plan, rollup)) +
    heading(PART_I) +
    paragraph(summaryText(rollup)) +
    indicatorList(rollup) +
    heading(PART_II) +
    list(s.missingUnits, ALL_REPORTED) +
    heading(PART_III) +
    list(s.problemLines, NONE) +
    correctionsHtml(opts) +
    (links.length ? tag("p", "margin:12px 0 0;" + SMALL, links.join("<br>")) : "") +
    tag(
      "div",
      "padding-top:18px",
      columns(
        [
          { width: 360, html: recipients, style: SMALL + ";padding-bottom:12px;text-align:left" },
          { width: 360, html: signer, style: "text-align:center" },
        ],
        undefined,
        "text-align:center",
      ),
    ) +
    note(footer(rollup), "font-size:12px;color:#757575;margin-top:18px");
  return documentHtml("Báo cáo " + periodShortLabel(rollup.period.key), content);
}

/** The same report as plain text (the email's text part), in the HTML's order. */
export function renderReportText(plan: Plan, rollup: Rollup, opts: ReportOptions): string {
  const s = sections(plan, rollup);
  const sheet = safeUrl(opts.sheetUrl);
  const copy = safeUrl(opts.copyUrl);
  const list = (items: string[], none: string) => (items.length ? items.map((t) => "- " + t) : [none]);
  return [
    ...noticeText(opts),
    issuer(plan).join(" "),
    "Số:      /BC-UBND",
    "",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    placeAndDate(plan, opts.reportDate),
    "",
    "BÁO CÁO",
    reportSubject(plan, rollup),
    addressee(plan, opts),
    "",
    introText(plan, rollup),
    "",
    PART_I,
    summaryText(rollup),
    // One block per indicator, as the HTML's cards: what, result against target, status and pace.
    ...rollup.indicators.flatMap((r, i) => {
      const m = monthsText(r);
      const pace = paceWords(r);
      return [
        "",
        i + 1 + ". " + r.id + " – " + r.shortLabel,
        "   Kết quả luỹ kế: " + indicatorFigure(r) + "; mục tiêu: " + r.targetText,
        ...(m ? ["   Từng tháng: " + m] : []),
        "   Đánh giá: " + statusWords(r) + (pace ? "; " + pace : ""),
      ];
    }),
    "",
    ...meaningLines(rollup.indicators),
    "",
    PART_II,
    ...list(s.missingUnits, ALL_REPORTED),
    "",
    PART_III,
    ...list(s.problemLines, NONE),
    ...correctionsText(opts),
    ...(sheet || copy ? [""] : []),
    ...(sheet ? [SHEET_LINK + sheet] : []),
    ...(copy ? [COPY_LINK + copy] : []),
    "",
    "Nơi nhận:",
    ...recipientLines(s),
    "",
    SIGNER,
    plan.chairman.title.toUpperCase(),
    plan.chairman.name,
    ...approvalText(opts),
    "",
    footer(rollup),
  ].join("\n");
}
