/**
 * The consolidated report for the upper level: several communes' results for one period, one column per
 * commune and a total (sums of numerators and denominators, see consolidate.ts), with which communes
 * reported and whether on time. The same administrative page and styles as the monthly report
 * (report-kit.ts), issued in the upper level's name and titled for its communes.
 *
 * On a desktop the results are a table; on a phone each indicator becomes a card listing the communes,
 * through the <style> block (this is a file opened in a browser, not an email). Without it the table
 * scrolls inside its own frame, never the page. Every value from a file name, the plan or a cell is
 * escaped.
 */
import type { CommuneReport, Consolidation, ConsolidatedIndicator } from "./consolidate";
import { formatWholeNumber } from "./parse";
import type { IsoDate } from "./periods";
import { administrativeDate, formatDateTimeVi, formatDateVi, periodShortLabel } from "./periods";
import type { Plan } from "./plan";
import {
  administrativeHeader,
  documentHtml,
  escapeHtml,
  heading,
  issuerLines,
  listItem,
  MUTED,
  note,
  paragraph,
  SMALL,
  STATUS_STYLE,
  tag,
  titleBlock,
} from "./report-kit";
import type { IndicatorResult } from "./rollup";
import { indicatorFigure } from "./rollup";
import { meaningLines, paceWords, statusWords } from "./wording";

export interface ConsolidatedReportOptions {
  /** Date printed in "…, ngày … tháng … năm …". */
  reportDate: IsoDate;
  /** The upper level issuing the report; the plan's by default. */
  upperLevelName?: string;
  /**
   * false: the results table shows the total only (an email to a province's leaders: 300 columns would
   * be over Gmail's size), with `detailsText` saying where each commune's results are.
   */
  communeColumns?: boolean;
  detailsText?: string;
}

/** Titles name the communes while the list stays short; a longer list is in section I. */
const NAMED_IN_TITLE = 6;

/**
 * The plan's subject without the one commune it names: "Kế hoạch phòng, chống mại dâm năm 2023" from
 * "Kế hoạch phòng, chống mại dâm năm 2023 trên địa bàn xã Quang Khải".
 */
export function planTopic(plan: Plan): string {
  const commune = (plan.commune.level + " " + plan.commune.name).toLowerCase();
  const t = plan.title.trim();
  for (const tail of [" trên địa bàn " + commune, " của " + commune, " " + commune]) {
    if (t.toLowerCase().endsWith(tail)) return t.slice(0, t.length - tail.length);
  }
  return t;
}

/** "Tứ Kỳ" from "UBND huyện Tứ Kỳ": the place an upper level's documents are dated at. */
export function placeOf(upperLevel: string): string {
  const m =
    /^\s*(?:UBND|Uỷ ban nhân dân|Ủy ban nhân dân)?\s*(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường)\s+(.+)$/i.exec(
      upperLevel,
    );
  return (m ? m[1]! : upperLevel).trim();
}

/** "tổng hợp kết quả … của 3 xã: Quang Khải, Quang Phục, Tân Kỳ, tháng 4/2023" */
export function consolidatedSubject(plan: Plan, c: Consolidation): string {
  const names = c.communes.map((x) => x.name);
  const who =
    names.length + " " + plan.commune.level + (names.length <= NAMED_IN_TITLE ? ": " + names.join(", ") : "");
  return "Kết quả thực hiện " + planTopic(plan) + " của " + who + ", " + periodShortLabel(c.period.key);
}

const TIMELINESS: Record<CommuneReport["timeliness"], string> = {
  onTime: "đúng hạn",
  late: "muộn",
  notSent: "chưa gửi báo cáo",
  noLog: "không rõ ngày gửi (tệp không có nhật ký gửi)",
};

function reportLine(x: Consolidation["communes"][number]): string {
  const r = x.report;
  const sent = r.sentAt
    ? "gửi lúc " + formatDateTimeVi(r.sentAt) + ", " + TIMELINESS[r.timeliness]
    : TIMELINESS[r.timeliness];
  // The upper level's intake knows a commune's indicators, not its units.
  const units = x.summary.unitsTotal
    ? "; " + x.summary.unitsReported + "/" + x.summary.unitsTotal + " đơn vị đã báo cáo trong kỳ"
    : "";
  return (
    x.name +
    ": " +
    sent +
    units +
    (x.problems.errors ? "; " + formatWholeNumber(x.problems.errors) + " lỗi số liệu" : "") +
    "."
  );
}

function completenessText(c: Consolidation, due: IsoDate): string {
  const count = (t: CommuneReport["timeliness"]) =>
    c.communes.filter((x) => x.report.timeliness === t).length;
  const parts = [
    count("onTime") + " gửi đúng hạn",
    count("late") + " gửi muộn",
    count("notSent") + " chưa gửi",
  ];
  const unknown = count("noLog");
  if (unknown) parts.push(unknown + " không rõ ngày gửi");
  return (
    c.communes.length +
    " xã: " +
    parts.join(", ") +
    ". Hạn gửi báo cáo " +
    periodShortLabel(c.period.key) +
    " là hết ngày " +
    formatDateVi(due) +
    "."
  );
}

/** Phones: the table's rows become cards, each commune's cell labelled with the commune's name. */
const MATRIX_CSS =
  "@media only screen and (max-width:599px){" +
  ".ks-matrix thead{display:none}" +
  ".ks-matrix,.ks-matrix tbody,.ks-matrix tr,.ks-matrix th,.ks-matrix td{display:block;width:auto!important}" +
  ".ks-matrix tr{border:1px solid #bdbdbd;border-radius:6px;margin:0 0 10px}" +
  ".ks-matrix td::before{content:attr(data-label);display:block;font-weight:bold;font-size:13px}}";

const CELL = "border:1px solid #bdbdbd;padding:6px 8px;vertical-align:top;text-align:left";

function resultCell(
  label: string,
  r: IndicatorResult | ConsolidatedIndicator | undefined,
  extra: string,
): string {
  if (!r) return '<td data-label="' + escapeHtml(label) + '" style="' + CELL + '">–</td>';
  const look = STATUS_STYLE[r.status];
  const figure = r.denominator === null ? "" : tag("div", "", escapeHtml(indicatorFigure(r)));
  return (
    '<td data-label="' +
    escapeHtml(label) +
    '" style="' +
    CELL +
    ";background:" +
    look.bg +
    '">' +
    figure +
    tag("div", "font-weight:bold;color:" + look.fg, escapeHtml(statusWords(r))) +
    extra +
    "</td>"
  );
}

function totalExtra(t: ConsolidatedIndicator): string {
  const lines: string[] = [];
  const pace = paceWords(t);
  if (pace) lines.push(pace);
  if (t.communesMissingData.length)
    lines.push("chưa tính " + t.communesMissingData.join(", ") + " (thiếu mẫu số)");
  return lines.map((l) => tag("div", SMALL, escapeHtml(l))).join("");
}

function matrix(c: Consolidation, withCommunes: boolean): string {
  const th = (text: string) => tag("th", CELL + ";background:#f5f5f5;font-weight:bold", escapeHtml(text));
  const head =
    "<thead><tr>" +
    th("Chỉ tiêu") +
    (withCommunes ? c.communes.map((x) => th(x.name)).join("") : "") +
    th("Tổng cộng") +
    "</tr></thead>";
  const rows = c.totals.map((t) => {
    const what = tag(
      "th",
      CELL + ";font-weight:normal",
      "<b>" +
        escapeHtml(t.id) +
        "</b> " +
        escapeHtml(t.shortLabel) +
        tag("div", MUTED, "Mục tiêu: " + escapeHtml(t.targetText)),
    );
    const communes = (withCommunes ? c.communes : [])
      .map((x) =>
        resultCell(
          x.name,
          x.indicators.find((r) => r.id === t.id),
          "",
        ),
      )
      .join("");
    return "<tr>" + what + communes + resultCell("Tổng cộng", t, totalExtra(t)) + "</tr>";
  });
  return tag(
    "div",
    "overflow-x:auto",
    '<table class="ks-matrix" style="border-collapse:collapse;width:100%;' +
      SMALL +
      '">' +
      head +
      "<tbody>" +
      rows.join("") +
      "</tbody></table>",
  );
}

/** The consolidated report as a whole HTML page. */
export function renderConsolidatedHtml(
  plan: Plan,
  c: Consolidation,
  opts: ConsolidatedReportOptions,
): string {
  const upper = opts.upperLevelName?.trim() || plan.upperLevel;
  const due = c.communes[0]?.report.due ?? c.period.end;
  const s = c.summary;
  const content =
    administrativeHeader(
      issuerLines(upper),
      null,
      placeOf(upper) + ", " + administrativeDate(opts.reportDate),
    ) +
    titleBlock("BÁO CÁO TỔNG HỢP", consolidatedSubject(plan, c)) +
    tag("div", "height:10px", "") +
    paragraph(
      "Kỳ báo cáo " +
        c.period.label +
        "; kết quả luỹ kế từ " +
        formatDateVi(c.yearToDate.start) +
        " đến " +
        formatDateVi(c.yearToDate.end) +
        ", đã qua " +
        c.monthsElapsed +
        "/" +
        c.monthsTotal +
        " tháng của kế hoạch.",
    ) +
    heading("I. TÌNH HÌNH BÁO CÁO CỦA CÁC XÃ") +
    paragraph(completenessText(c, due)) +
    c.communes.map((x) => listItem(reportLine(x))).join("") +
    heading("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU") +
    paragraph(
      "Cộng chung các xã: đạt " +
        s.indicatorsMet +
        "/" +
        s.indicatorsTotal +
        " chỉ tiêu. Cột Tổng cộng cộng tử số và mẫu số của các xã rồi mới tính tỉ lệ (không lấy trung bình các tỉ lệ).",
    ) +
    matrix(c, opts.communeColumns !== false) +
    (opts.detailsText ? note(opts.detailsText) : "") +
    meaningLines(c.totals)
      .map((l) => note(l))
      .join("") +
    note(
      "Lập tự động từ bảng tính của " +
        c.communes.length +
        " xã lúc " +
        formatDateTimeVi(c.generatedAt) +
        ". Số liệu chỉ gồm số tổng hợp, không có thông tin cá nhân.",
      "font-size:12px;color:#757575;margin-top:18px",
    );
  return documentHtml("Báo cáo tổng hợp " + periodShortLabel(c.period.key), content, MATRIX_CSS);
}
