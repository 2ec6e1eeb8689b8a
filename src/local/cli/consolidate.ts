/**
 * The upper level's view over several communes: each commune's indicators side by side, and the totals
 * computed from summed numerators and denominators (30/90 and 10/10 give 40/100 = 40 %, not the 66,7 %
 * an average of 33,3 % and 100 % would claim). Built from core's rollup of each commune; the status and
 * pace of a total follow the same rules core applies to one commune.
 */
import type {
  Indicator,
  IndicatorResult,
  IndicatorStatus,
  IsoDate,
  Pace,
  PeriodKey,
  PeriodRule,
  Plan,
  Rollup,
} from "../../core";
import { judgeFrequency, judgePercentage, targetText } from "../../core";

export interface CommuneRollup {
  /** How the commune is named in the output (by default the file name without .xlsx). */
  name: string;
  file: string;
  rollup: Rollup;
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
