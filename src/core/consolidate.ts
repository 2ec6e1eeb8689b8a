/**
 * The upper level's view over several communes: each commune's indicators side by side, and the totals
 * computed from summed numerators and denominators (30/90 and 10/10 give 40/100 = 40 %, not the 66,7 %
 * an average of 33,3 % and 100 % would claim). Built from core's rollup of each commune; the status and
 * pace of a total follow the same rules core applies to one commune.
 *
 * Completeness: a commune "reported" a period when its add-in sent that period's monthly report, as its
 * send log tab ("Nhật ký gửi") records; on time when it went on or before the day after the period's
 * last day (reportDueDate), late after it. A workbook without a send log (filled in by hand) is listed
 * as such: its figures are counted, its timeliness cannot be known.
 */
import type { CellValue } from "./cell";
import { foldText, normalizeText } from "./parse";
import type { IsoDate, PeriodKey, PeriodRule } from "./periods";
import { civilDateOf, isValidPeriodKey, periodKeyOf, reportDueDate, splitIso } from "./periods";
import type { Indicator, Plan } from "./plan";
import type { IndicatorResult, IndicatorStatus, Pace, Rollup } from "./rollup";
import { indicatorFigure, judgeFrequency, judgePercentage, targetText } from "./rollup";
import { MONTHLY_REPORT_KIND, SEND_LOG_HEADER, SENT_RESULT_PREFIX } from "./tables";

export interface CommuneRollup {
  /** How the commune is named in the output (by default the file name without .xlsx). */
  name: string;
  file: string;
  rollup: Rollup;
  /** The workbook's send log tab as read (header first), or null when it has none. */
  sendLog?: CellValue[][] | null;
  /** Whether and when it sent, when known otherwise (the upper level's intake): then no send log is read. */
  report?: CommuneReport;
}

export type Timeliness = "onTime" | "late" | "notSent" | "noLog";

/** Whether and when a commune sent a period's report, against the day it was due. */
export interface CommuneReport {
  timeliness: Timeliness;
  /** ISO instant of the first send of the period's report, or null. */
  sentAt: string | null;
  due: IsoDate;
}

/** The period a send log row is about: written "2023-04", which Sheets may have turned into a date. */
function logPeriod(v: CellValue | undefined): PeriodKey | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const { y, m } = splitIso(civilDateOf(v));
    return periodKeyOf(y, m);
  }
  const s = normalizeText(v);
  return isValidPeriodKey(s) ? s : null;
}

/**
 * When the period's monthly report first went, from a send log as read (header row first): the first
 * row of that period whose kind is the monthly report (or its resend) and whose result says it went.
 */
export function communeReport(
  log: readonly CellValue[][] | null | undefined,
  key: PeriodKey,
  rule: PeriodRule,
): CommuneReport {
  const due = reportDueDate(key, rule);
  const header = log?.[0]?.map((h) => foldText(h)) ?? [];
  const at = (name: string) => header.indexOf(foldText(name));
  const [timeCol, periodCol, kindCol, , resultCol] = SEND_LOG_HEADER.map(at);
  if (!log || [timeCol, periodCol, kindCol, resultCol].some((c) => c === undefined || c < 0)) {
    return { timeliness: "noLog", sentAt: null, due };
  }
  let first: Date | null = null;
  for (const row of log.slice(1)) {
    const time = row[timeCol!];
    if (!(time instanceof Date) || Number.isNaN(time.getTime())) continue;
    if (logPeriod(row[periodCol!]) !== key) continue;
    if (!foldText(row[kindCol!]).startsWith(foldText(MONTHLY_REPORT_KIND))) continue;
    if (!normalizeText(row[resultCol!]).startsWith(SENT_RESULT_PREFIX)) continue;
    if (!first || time < first) first = time;
  }
  if (!first) return { timeliness: "notSent", sentAt: null, due };
  return { timeliness: civilDateOf(first) <= due ? "onTime" : "late", sentAt: first.toISOString(), due };
}

export interface ConsolidatedIndicator {
  id: string;
  label: string;
  shortLabel: string;
  kind: "percentage" | "frequency";
  targetText: string;
  /** Sum over the communes counted. Frequency indicators: commune-months that met the minimum. */
  numerator: number;
  /** Sum over the communes counted, or null when no commune has one (Thiếu số liệu). */
  denominator: number | null;
  percent: number | null;
  status: IndicatorStatus;
  pace: Pace | null;
  expectedPercent: number | null;
  /** Communes whose figures are in the sums. */
  communesCounted: number;
  /** Communes left out because their denominator was never entered. */
  communesMissingData: string[];
}

export interface Consolidation {
  format: "ke-hoach-sheet/consolidation@1";
  planId: string;
  planTitle: string;
  rule: PeriodRule;
  generatedAt: string;
  period: { key: PeriodKey; label: string; start: IsoDate; end: IsoDate };
  yearToDate: { start: IsoDate; end: IsoDate };
  monthsElapsed: number;
  monthsTotal: number;
  communes: {
    name: string;
    file: string;
    summary: Rollup["summary"];
    /** Data problems of the commune's workbook (rows left out, missing tabs or columns, rules). */
    problems: { errors: number; warnings: number };
    /** Whether the commune's add-in sent the period's report, and when (see the header). */
    report: CommuneReport;
    indicators: IndicatorResult[];
  }[];
  totals: ConsolidatedIndicator[];
  summary: { indicatorsMet: number; indicatorsTotal: number; communes: number };
}

function total(
  ind: Indicator,
  results: { commune: string; r: IndicatorResult }[],
  months: { elapsed: number; total: number },
): ConsolidatedIndicator {
  const counted = results.filter((x) => x.r.denominator !== null);
  const missing = results.filter((x) => x.r.denominator === null).map((x) => x.commune);
  const numerator = counted.reduce((s, x) => s + (x.r.numerator ?? 0), 0);
  const denominator = counted.length ? counted.reduce((s, x) => s + (x.r.denominator ?? 0), 0) : null;
  const base = {
    id: ind.id,
    label: ind.label,
    shortLabel: ind.shortLabel,
    kind: ind.kind,
    targetText: targetText(ind),
    numerator,
    denominator,
    communesCounted: counted.length,
    communesMissingData: missing,
  };
  const judged =
    ind.kind === "frequency"
      ? judgeFrequency(numerator, denominator ?? 0)
      : judgePercentage(ind, numerator, denominator, months);
  return { ...base, ...judged };
}

/**
 * Consolidates rollups of the same plan, period and rule (one per commune). Throws when they differ,
 * because summing different months or plans would be meaningless.
 */
export function consolidateRollups(plan: Plan, communes: readonly CommuneRollup[]): Consolidation {
  const first = communes[0];
  if (!first) throw new Error("Cần ít nhất một xã để tổng hợp.");
  for (const c of communes) {
    if (
      c.rollup.planId !== plan.id ||
      c.rollup.period.key !== first.rollup.period.key ||
      c.rollup.rule !== first.rollup.rule
    ) {
      throw new Error(
        `Bảng tổng hợp của "${c.name}" khác kế hoạch, kỳ hoặc cách tính kỳ với các xã còn lại.`,
      );
    }
  }
  const r0 = first.rollup;
  const months = { elapsed: r0.monthsElapsed, total: r0.monthsTotal };
  const totals = plan.indicators.map((ind) =>
    total(
      ind,
      communes.flatMap((c) => {
        const r = c.rollup.indicators.find((x) => x.id === ind.id);
        return r ? [{ commune: c.name, r }] : [];
      }),
      months,
    ),
  );
  return {
    format: "ke-hoach-sheet/consolidation@1",
    planId: plan.id,
    planTitle: plan.title,
    rule: r0.rule,
    generatedAt: r0.generatedAt,
    period: r0.period,
    yearToDate: r0.yearToDate,
    monthsElapsed: r0.monthsElapsed,
    monthsTotal: r0.monthsTotal,
    communes: communes.map((c) => ({
      name: c.name,
      file: c.file,
      summary: c.rollup.summary,
      problems: {
        errors: c.rollup.problems.filter((p) => p.severity === "error").length,
        warnings: c.rollup.problems.filter((p) => p.severity === "warning").length,
      },
      report: c.report ?? communeReport(c.sendLog, r0.period.key, r0.rule),
      indicators: c.rollup.indicators,
    })),
    totals,
    summary: {
      indicatorsMet: totals.filter((t) => t.status === "Đạt").length,
      indicatorsTotal: totals.length,
      communes: communes.length,
    },
  };
}

/** A commune's or the total's cell: "30/90 (33,3 %) Đạt", or only the status when there is no figure. */
export function resultCellText(
  r: Pick<IndicatorResult, "kind" | "numerator" | "denominator" | "percent" | "status">,
): string {
  return r.denominator === null ? r.status : indicatorFigure(r) + " " + r.status;
}
