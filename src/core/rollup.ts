/**
 * The monthly rollup: every indicator of the plan for a period, each unit's figures and whether it
 * reported, and the data problems. The result is plain data (ISO date strings, no Date, no class), so it
 * can cross google.script.run, be stored in a property or a tab, and be rendered later.
 *
 * How figures are read (see totals.ts): flows are summed over a date range; stocks are the latest value
 * on or before the period's end, per sub-unit, then summed over sub-units and units. Percentages are
 * year to date: flows from the plan's start to the period's end, over the stocks at the period's end.
 * Entries dated after the period's end are ignored, so a past month's rollup can be recomputed later
 * and gives the same figures.
 *
 * Status of a percentage indicator:
 * - "Thiếu số liệu": the denominator was never entered (or is 0 where 0 cannot be true, e.g. students);
 * - "Không phát sinh": the denominator is 0 and the plan says that means nothing to do ("nếu có");
 * - "Đạt" / "Chưa đạt": the percentage against the target (">=": at least; "=": exactly – so 120 % on a
 *   "100 %" target is "Chưa đạt"). A percentage over 100 % is shown as it is and listed as a data problem.
 * A numerator never entered counts as 0 (nothing done yet), a denominator never entered does not.
 *
 * Pace ("tiến độ"), for indicators whose yearly target is reached cumulatively (prorate: true):
 *   expected = target × monthsElapsed ÷ monthsTotal,
 * where monthsTotal is the number of periods of the plan under the rule (9 for the 2023 plan under the
 * cut-off rule: 4/2023 … 12/2023) and monthsElapsed those up to and including the reported period (a
 * partial first month counts as one). "Đúng tiến độ" when the year-to-date percentage is at least the
 * expected one, "Chậm tiến độ" otherwise; null when the indicator is not prorated or has no percentage.
 * Example: CT2a (≥ 30 %), tháng 6/2023 under the cut-off rule: 3 of 9 months → expected 10 %.
 *
 * Frequency indicators ("≥ N per month") look at each period of the plan so far: the month is met when
 * the flow's total in that period reaches N. Status "Đạt" when every month so far is met; numerator and
 * denominator are the months met and the months so far.
 */
import type { ColumnKey } from "./columns";
import { formatDecimal, formatPercent, formatWholeNumber } from "./parse";
import type { DataElement, FrequencyIndicator, Indicator, PercentageIndicator, Plan, Term } from "./plan";
import type { IsoDate, PeriodKey, PeriodRule } from "./periods";
import {
  maxIso,
  minIso,
  monthsElapsed as countMonthsElapsed,
  periodBounds,
  periodLabel,
  periodShortLabel,
  planPeriods,
  planSpan,
  yearToDate as ytdOf,
} from "./periods";
import type { DateRange } from "./totals";

import type { Entry } from "./validate";
import { checkRules } from "./rules";

export type IndicatorStatus = "Đạt" | "Chưa đạt" | "Không phát sinh" | "Thiếu số liệu";
export type Pace = "Đúng tiến độ" | "Chậm tiến độ";

export interface DataProblem {
  kind: "entry" | "header" | "rule" | "percentOver100";
  severity: "error" | "warning";
  unitId: string | null;
  /** 1-based sheet row for entry problems, otherwise null. */
  rowNumber: number | null;
  column: ColumnKey | null;
  message: string;
}

export interface IndicatorMonth {
  key: PeriodKey;
  /** "tháng 4/2023" */
  label: string;
  count: number;
  met: boolean;
}

export interface IndicatorResult {
  id: string;
  label: string;
  shortLabel: string;
  kind: "percentage" | "frequency";
  numerator: number | null;
  denominator: number | null;
  /** Year-to-date percentage (frequency: share of months met); null when it cannot be computed. */
  percent: number | null;
  /** Percentage target, or for frequency indicators the minimum count per month. */
  target: { op: ">=" | "="; value: number };
  /** "≥ 30 %", "= 100 %", "≥ 1 lần/tháng" */
  targetText: string;
  status: IndicatorStatus;
  pace: Pace | null;
  /** The prorated target the pace is judged against. */
  expectedPercent: number | null;
  /** Frequency indicators: every month of the plan so far. */
  months: IndicatorMonth[] | null;
  /** Frequency indicators: the count in the reported period. */
  periodCount: number | null;
}

export interface ElementTotalResult {
  elementId: string;
  label: string;
  measure: string;
  kind: "flow" | "stock";
  valueType: "whole" | "money" | "yesno";
  /** Flows: sum in the period; stocks: latest at the period's end (yes/no: count of Có). */
  period: number | null;
  /** Flows: sum from the plan's start; stocks: as `period`. */
  yearToDate: number | null;
}

export interface UnitRollup {
  unitId: string;
  tabName: string;
  name: string;
  /** At least one valid entry dated in the period. */
  reported: boolean;
  entryCount: number;
  /** Latest entry on or before the period's end, in any period. */
  lastEntryDate: IsoDate | null;
  totals: ElementTotalResult[];
}

export interface Rollup {
  planId: string;
  planTitle: string;
  rule: PeriodRule;
  /** ISO date-time given by the caller. */
  generatedAt: string;
  period: { key: PeriodKey; label: string; start: IsoDate; end: IsoDate };
  yearToDate: { start: IsoDate; end: IsoDate };
  monthsElapsed: number;
  monthsTotal: number;
  indicators: IndicatorResult[];
  units: UnitRollup[];
  problems: DataProblem[];
  summary: { indicatorsMet: number; indicatorsTotal: number; unitsReported: number; unitsTotal: number };
}

export interface RollupOptions {
  rule: PeriodRule;
  generatedAt: string;
  /** Problems found while reading the tabs (entry and header issues), passed through. */
  problems?: DataProblem[];
}

const EPS = 1e-9;

/** "≥ 30 %", "= 100 %", "≥ 1 lần/tháng" */
export function targetText(ind: Indicator): string {
  if (ind.kind === "frequency") return "≥ " + formatWholeNumber(ind.minPerMonth) + " lần/tháng";
  return (ind.target.op === ">=" ? "≥ " : "= ") + formatPercent(ind.target.value);
}

/** One unit's values of one element, ordered by date (rows of the same date in sheet order). */
interface Series {
  dates: IsoDate[];
  values: (number | boolean)[];
  /** sums[i]: the first i values added (flows). */
  sums: number[];
}

/** How many of the ordered `dates` come before `d` (with `on`, on or before it): a binary search. */
function before(dates: readonly IsoDate[], d: IsoDate, on: boolean): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < d || (on && dates[mid] === d)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The entries of a rollup, indexed once: by unit, and each unit's values of each element by sub-unit
 * and date. A total over any range is then two binary searches, not a pass over every entry, so the
 * periods of a history (the same entries, 9 rollups) share one index instead of each summing every
 * entry again. The figures are those of totals.ts elementTotal and unitAnswer: flows summed inside the
 * range, stocks the latest per sub-unit on or before its end (later rows win a tie on the date).
 */
interface Index {
  byUnit: Map<string, Entry[]>;
  /** By unit, by element, by sub-unit. */
  series: Map<string, Map<string, Map<string, Series>>>;
}
const INDEXES = new WeakMap<readonly Entry[], Index>();

function indexOf(plan: Plan, entries: readonly Entry[]): Index {
  let t = INDEXES.get(entries);
  if (!t) {
    const byUnit = new Map<string, Entry[]>();
    for (const u of plan.units) byUnit.set(u.id, []);
    for (const e of entries) byUnit.get(e.unitId)?.push(e);
    t = { byUnit, series: new Map() };
    INDEXES.set(entries, t);
  }
  return t;
}

class Reader {
  private readonly index: Index;
  constructor(
    private readonly plan: Plan,
    entries: readonly Entry[],
  ) {
    this.index = indexOf(plan, entries);
  }
  /** Every entry of the unit, whatever its date (totals look only up to their range's end). */
  unitEntries(unitId: string): Entry[] {
    return this.index.byUnit.get(unitId) ?? [];
  }
  /**
   * The unit's values of an element by sub-unit ("" for none): every element's, built in one pass over
   * the unit's entries ordered by date (a stable sort: rows of the same date keep the sheet's order).
   */
  private series(unitId: string, elementId: string): Map<string, Series> {
    let all = this.index.series.get(unitId);
    if (!all) {
      all = new Map();
      const sorted = [...this.unitEntries(unitId)].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
      );
      for (const e of sorted) {
        const k = e.subUnit ?? "";
        for (const id in e.values) {
          let bySub = all.get(id);
          if (!bySub) {
            bySub = new Map();
            all.set(id, bySub);
          }
          let s = bySub.get(k);
          if (!s) {
            s = { dates: [], values: [], sums: [0] };
            bySub.set(k, s);
          }
          const v = e.values[id]!;
          s.dates.push(e.date);
          s.values.push(v);
          s.sums.push(s.sums[s.sums.length - 1]! + (typeof v === "boolean" ? (v ? 1 : 0) : v));
        }
      }
      this.index.series.set(unitId, all);
    }
    return all.get(elementId) ?? new Map();
  }
  /** Latest value per sub-unit on or before `end`. */
  private latest(unitId: string, elementId: string, end: IsoDate): (number | boolean)[] {
    const out: (number | boolean)[] = [];
    for (const s of this.series(unitId, elementId).values()) {
      const i = before(s.dates, end, true) - 1;
      if (i >= 0) out.push(s.values[i]!);
    }
    return out;
  }
  /** One unit's total of an element over a range, or null when nothing was entered for it. */
  unitTotal(unitId: string, el: DataElement, range: DateRange): number | null {
    if (el.kind === "stock") {
      const latest = this.latest(unitId, el.id, range.end);
      if (latest.length === 0) return null;
      let sum = 0;
      for (const v of latest) sum += typeof v === "boolean" ? (v ? 1 : 0) : v;
      return sum;
    }
    let sum = 0;
    let any = false;
    for (const s of this.series(unitId, el.id).values()) {
      const lo = before(s.dates, range.start, false);
      const hi = before(s.dates, range.end, true);
      if (hi > lo) {
        sum += s.sums[hi]! - s.sums[lo]!;
        any = true;
      }
    }
    return any ? sum : null;
  }
  element(id: string): DataElement | undefined {
    return this.plan.elements.find((e) => e.id === id);
  }
  /** An element over a range, summed across the units that report it; null if none entered it. */
  total(el: DataElement, range: DateRange): number | null {
    let sum: number | null = null;
    for (const uid of el.unitIds) {
      const v = this.unitTotal(uid, el, range);
      if (v !== null) sum = (sum ?? 0) + v;
    }
    return sum;
  }
  term(t: Term, range: DateRange): number | null {
    const el = this.element(t.elementId);
    if (!el) return null;
    if (t.kind === "sum") return this.total(el, range);
    if (t.kind === "unitsExpected") return el.unitIds.length;
    let yes = 0;
    let answered = false;
    for (const uid of el.unitIds) {
      // A unit's answer: yes when every sub-unit that answered says yes (totals.ts unitAnswer).
      const latest = this.latest(uid, el.id, range.end);
      if (latest.length === 0) continue;
      answered = true;
      if (latest.every((v) => v === true || v === 1)) yes++;
    }
    return answered ? yes : null;
  }
}

export interface Judgement {
  percent: number | null;
  status: IndicatorStatus;
  pace: Pace | null;
  expectedPercent: number | null;
}

/**
 * How a percentage indicator stands, given its figures (see the header for the rules). Shared by the
 * rollup of one commune and the consolidation of several (sums of numerators and denominators).
 */
export function judgePercentage(
  ind: PercentageIndicator,
  numerator: number,
  denominator: number | null,
  months: { elapsed: number; total: number },
): Judgement {
  const none = { percent: null, pace: null, expectedPercent: null };
  if (denominator === null) return { ...none, status: "Thiếu số liệu" };
  if (denominator === 0) {
    const status: IndicatorStatus =
      ind.onZeroDenominator === "notApplicable"
        ? "Không phát sinh"
        : ind.onZeroDenominator === "missingData"
          ? "Thiếu số liệu"
          : "Chưa đạt";
    return { ...none, status };
  }
  const percent = (numerator / denominator) * 100;
  const met =
    ind.target.op === ">=" ? percent >= ind.target.value - EPS : Math.abs(percent - ind.target.value) < EPS;
  let pace: Pace | null = null;
  let expectedPercent: number | null = null;
  if (ind.prorate && months.total > 0) {
    expectedPercent = (ind.target.value * months.elapsed) / months.total;
    pace = met || percent >= expectedPercent - EPS ? "Đúng tiến độ" : "Chậm tiến độ";
  }
  return { percent, status: met ? "Đạt" : "Chưa đạt", pace, expectedPercent };
}

/** A frequency indicator: met when every month so far is ("Không phát sinh" before the first month). */
export function judgeFrequency(monthsMet: number, monthsSoFar: number): Judgement {
  return {
    percent: monthsSoFar ? (monthsMet / monthsSoFar) * 100 : null,
    status: monthsSoFar === 0 ? "Không phát sinh" : monthsMet === monthsSoFar ? "Đạt" : "Chưa đạt",
    pace: null,
    expectedPercent: null,
  };
}

function percentageResult(
  ind: PercentageIndicator,
  reader: Reader,
  ytd: DateRange,
  elapsed: number,
  total: number,
): IndicatorResult {
  const den = reader.term(ind.denominator, ytd);
  // A numerator nobody entered yet is "nothing done": 0.
  const numerator = reader.term(ind.numerator, ytd) ?? 0;
  return {
    id: ind.id,
    label: ind.label,
    shortLabel: ind.shortLabel,
    kind: "percentage",
    numerator,
    denominator: den,
    target: { op: ind.target.op, value: ind.target.value },
    targetText: targetText(ind),
    months: null,
    periodCount: null,
    ...judgePercentage(ind, numerator, den, { elapsed, total }),
  };
}

function frequencyResult(
  ind: FrequencyIndicator,
  reader: Reader,
  plan: Plan,
  key: PeriodKey,
  rule: PeriodRule,
): IndicatorResult {
  const el = reader.element(ind.elementId);
  const span = planSpan(plan, rule);
  const months: IndicatorMonth[] = [];
  for (const p of planPeriods(plan, rule)) {
    if (p > key) break;
    const b = periodBounds(p, rule);
    const range = { start: maxIso(b.start, span.start), end: minIso(b.end, span.end) };
    const count = el ? (reader.total(el, range) ?? 0) : 0;
    months.push({ key: p, label: periodShortLabel(p), count, met: count >= ind.minPerMonth });
  }
  const metCount = months.filter((m) => m.met).length;
  const last = months[months.length - 1];
  return {
    id: ind.id,
    label: ind.label,
    shortLabel: ind.shortLabel,
    kind: "frequency",
    numerator: metCount,
    denominator: months.length,
    target: { op: ">=", value: ind.minPerMonth },
    targetText: targetText(ind),
    ...judgeFrequency(metCount, months.length),
    months,
    periodCount: last && last.key === key ? last.count : null,
  };
}

/**
 * Computes the rollup of a period from all units' valid entries. Never reads a clock: `generatedAt`
 * comes from the caller.
 */
export function computeRollup(
  plan: Plan,
  entries: readonly Entry[],
  periodKey: PeriodKey,
  opts: RollupOptions,
): Rollup {
  const rule = opts.rule;
  const bounds = periodBounds(periodKey, rule);
  const ytd = ytdOf(plan, periodKey, rule);
  const reader = new Reader(plan, entries);
  const monthsTotal = planPeriods(plan, rule).length;
  const elapsed = countMonthsElapsed(plan, periodKey, rule);
  const problems: DataProblem[] = [...(opts.problems ?? [])];

  const indicators = plan.indicators.map((ind) =>
    ind.kind === "percentage"
      ? percentageResult(ind, reader, ytd, elapsed, monthsTotal)
      : frequencyResult(ind, reader, plan, periodKey, rule),
  );
  for (const r of indicators) {
    if (r.kind === "percentage" && r.percent !== null && r.percent > 100 + EPS) {
      problems.push({
        kind: "percentOver100",
        severity: "warning",
        unitId: null,
        rowNumber: null,
        column: null,
        message:
          "Chỉ tiêu " +
          r.id +
          ": tỉ lệ " +
          formatPercent(r.percent) +
          " vượt 100 % (" +
          formatWholeNumber(r.numerator ?? 0) +
          "/" +
          formatWholeNumber(r.denominator ?? 0) +
          "). Hãy kiểm tra lại số liệu đã nhập.",
      });
    }
  }

  const units: UnitRollup[] = plan.units.map((u) => {
    // Entries dated after the period's end are ignored (see the header).
    const own = reader.unitEntries(u.id).filter((e) => e.date <= bounds.end);
    const inPeriod = own.filter((e) => e.date >= bounds.start && e.date <= bounds.end);
    let last: IsoDate | null = null;
    for (const e of own) if (last === null || e.date > last) last = e.date;
    const totals: ElementTotalResult[] = plan.elements
      .filter((el) => el.unitIds.includes(u.id))
      .map((el) => ({
        elementId: el.id,
        label: el.label,
        measure: el.measure,
        kind: el.kind,
        valueType: el.valueType,
        period: reader.unitTotal(u.id, el, bounds),
        yearToDate: reader.unitTotal(u.id, el, ytd),
      }));
    for (const iss of checkRules(plan, u.id, own, ytd)) {
      problems.push({
        kind: "rule",
        severity: iss.severity,
        unitId: u.id,
        rowNumber: null,
        column: iss.column,
        message: iss.message,
      });
    }
    return {
      unitId: u.id,
      tabName: u.tabName,
      name: u.name,
      reported: inPeriod.length > 0,
      entryCount: inPeriod.length,
      lastEntryDate: last,
      totals,
    };
  });

  return {
    planId: plan.id,
    planTitle: plan.title,
    rule,
    generatedAt: opts.generatedAt,
    period: { key: periodKey, label: periodLabel(periodKey, rule), start: bounds.start, end: bounds.end },
    yearToDate: ytd,
    monthsElapsed: elapsed,
    monthsTotal,
    indicators,
    units,
    problems,
    summary: {
      indicatorsMet: indicators.filter((i) => i.status === "Đạt").length,
      indicatorsTotal: indicators.length,
      unitsReported: units.filter((u) => u.reported).length,
      unitsTotal: units.length,
    },
  };
}

/** "12/40 (30 %)" – a one-line figure for sidebars, tabs and reports (a commune's or a total's). */
export function indicatorFigure(
  r: Pick<IndicatorResult, "kind" | "numerator" | "denominator" | "percent">,
): string {
  if (r.kind === "frequency") {
    const m = r.denominator ?? 0;
    return formatWholeNumber(r.numerator ?? 0) + "/" + formatWholeNumber(m) + " tháng đạt";
  }
  if (r.denominator === null) return "chưa có số liệu";
  const frac = formatWholeNumber(r.numerator ?? 0) + "/" + formatWholeNumber(r.denominator);
  return r.percent === null ? frac : frac + " (" + formatPercent(r.percent) + ")";
}

/** Expected percentage as text, e.g. "10 %", or "" when there is none. */
export function expectedText(r: IndicatorResult): string {
  return r.expectedPercent === null ? "" : formatDecimal(r.expectedPercent) + " %";
}
