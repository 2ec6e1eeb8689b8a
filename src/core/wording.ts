/**
 * How an indicator's status and pace are put into words, the same everywhere they appear (the email,
 * the rollup tab, the read-only copy, the sidebar, the consolidated report).
 *
 * The status judges the figure so far against the year's target; the pace judges it against the part
 * of that target due by now. Side by side, "Chưa đạt" and "Đúng tiến độ" read as a contradiction, so
 * where there is a pace the status names the year's target ("Chưa đạt mục tiêu năm"), the pace names
 * what is due by now, and a two-line legend says what each means.
 */
import { formatDecimal } from "./parse";
import type { IndicatorStatus, Pace } from "./rollup";

/** What the words need from a commune's result or a consolidated total. */
export interface Judged {
  status: IndicatorStatus;
  pace: Pace | null;
  expectedPercent: number | null;
}

/** "Chưa đạt mục tiêu năm" where a pace stands beside it; otherwise the status as it is. */
export function statusWords(r: Judged): string {
  return r.pace && (r.status === "Đạt" || r.status === "Chưa đạt") ? r.status + " mục tiêu năm" : r.status;
}

/** "Đúng tiến độ (cần 10 % đến kỳ này)", or "" when the indicator has no pace. */
export function paceWords(r: Judged): string {
  if (!r.pace) return "";
  return r.expectedPercent === null
    ? r.pace
    : r.pace + " (cần " + formatDecimal(r.expectedPercent) + " % đến kỳ này)";
}

export const STATUS_MEANING = "Đánh giá: kết quả luỹ kế đến hết kỳ so với mục tiêu của cả năm.";
export const PACE_MEANING =
  "Tiến độ: kết quả luỹ kế so với mức cần có đến kỳ này (mục tiêu năm chia đều cho các tháng của kế hoạch). " +
  "“Chưa đạt mục tiêu năm” mà “Đúng tiến độ”: chưa tới mục tiêu năm, nhưng đang đúng nhịp để đạt vào cuối năm.";

/** The legend under a table of results: the pace line only when some result has a pace. */
export function meaningLines(results: readonly Judged[]): string[] {
  return results.some((r) => r.pace) ? [STATUS_MEANING, PACE_MEANING] : [STATUS_MEANING];
}
