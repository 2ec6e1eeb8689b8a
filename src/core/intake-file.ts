/**
 * A commune's intake file at the upper level (design notes, "The upper level"): the one tab the upper
 * level lays out and shares with that commune's office alone, and the rows the commune's add-in writes
 * there when a period's report has gone. Aggregates only: one row per indicator, its figures and status,
 * when the report went and who approved it. Both sides read it with these definitions.
 */
import type { CellValue } from "./cell";
import { isBlankCell } from "./cell";
import { isEmail } from "./address";
import { normalizeText } from "./parse";
import type { PeriodKey } from "./periods";
import { civilDateOf, isValidPeriodKey, periodKeyOf, splitIso } from "./periods";
import type { Rollup } from "./rollup";

/** The one tab of a commune's intake file, and its columns (the commune's add-in writes them). */
export const COMMUNE_FILE_TAB = "Số liệu gửi";
export const COMMUNE_FILE_HEADER = [
  "Mã kế hoạch",
  "Xã",
  "Kỳ",
  "Chỉ tiêu",
  "Tử số",
  "Mẫu số",
  "Đánh giá",
  "Gửi lúc",
  "Người duyệt",
] as const;

/** A period cell: "2023-04" as written, or the date Sheets may have turned it into. */
export function periodOfCell(v: CellValue | undefined): PeriodKey | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const { y, m } = splitIso(civilDateOf(v));
    return periodKeyOf(y, m);
  }
  const s = normalizeText(v ?? "");
  return isValidPeriodKey(s) ? s : null;
}

/** The rows a commune sends for a period: aggregates only, one per indicator. */
export function communeFileRows(
  planCode: string,
  communeName: string,
  rollup: Rollup,
  sentAt: Date,
  approvedBy: string,
): CellValue[][] {
  return rollup.indicators.map((r) => [
    planCode,
    communeName,
    rollup.period.key,
    r.id,
    r.numerator ?? 0,
    r.denominator ?? "",
    r.status,
    sentAt,
    isEmail(approvedBy) ? approvedBy : "",
  ]);
}

/**
 * The file's data rows (below the header) with `key`'s rows replaced by `rows`: a resend replaces,
 * never duplicates. Rows of other periods stay as they were sent; blank rows go.
 */
export function replacePeriodRows(
  body: readonly CellValue[][],
  key: PeriodKey,
  rows: CellValue[][],
): CellValue[][] {
  const width = COMMUNE_FILE_HEADER.length;
  const kept = body
    .filter((r) => !r.every((v) => isBlankCell(v)) && periodOfCell(r[2]) !== key)
    .map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
  return [...kept, ...rows];
}
