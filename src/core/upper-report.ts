/**
 * What the upper level's workbook shows and sends for a period, from its intake (upper.ts): each
 * commune's results judged from its figures, whether and when it sent (on time, late, not sent), and
 * the consolidation of consolidate.ts, the same as `consolidate --html` makes from files: totals are
 * sums of numerators and denominators, never averages of percentages. Then the two tabs: the period's
 * communes × indicators with the total first, and the totals over the year.
 */
import type { CommuneReport, Consolidation } from "./consolidate";
import { consolidateRollups, resultCellText } from "./consolidate";
import type { TableLayout } from "./layout";
import { TableBuilder } from "./layout";
import type { IsoDate, PeriodKey, PeriodRule } from "./periods";
import {
  addDays,
  civilDateOf,
  formatDateTimeVi,
  formatDateVi,
  monthsElapsed,
  periodBounds,
  periodLabel,
  periodShortLabel,
  planPeriods,
  yearToDate,
} from "./periods";
import type { Indicator, Plan } from "./plan";
import type { IndicatorResult, Rollup } from "./rollup";
import { indicatorFigure, targetText } from "./rollup";
import { STATUS_BACKGROUND } from "./tables";
import type { IntakeRecord } from "./upper";
import { judge } from "./upper";

/** The day a period's figures are due: its last day plus `deadlineDays` (1: the day after, as the plan sends). */
export function dueDateOf(key: PeriodKey, rule: PeriodRule, deadlineDays: number): IsoDate {
  return addDays(periodBounds(key, rule).end, deadlineDays);
}

export interface CommunePeriod {
  name: string;
  report: CommuneReport;
  approvedBy: string;
  /** Its results, judged from its figures; none when it has not sent the period. */
  indicators: IndicatorResult[];
}

function resultOf(
  plan: Plan,
  ind: Indicator,
  key: PeriodKey,
  rule: PeriodRule,
  x: IntakeRecord,
): IndicatorResult {
  return {
    id: ind.id,
    label: ind.label,
    shortLabel: ind.shortLabel,
    kind: ind.kind,
    numerator: x.numerator,
    denominator: x.denominator,
    target:
      ind.kind === "frequency"
        ? { op: ">=", value: ind.minPerMonth }
        : { op: ind.target.op, value: ind.target.value },
    targetText: targetText(ind),
    months: null,
    periodCount: null,
    ...judge(plan, ind, key, rule, x.numerator, x.denominator),
  };
}

/** Each commune of the table for a period: whether and when it sent, and its results. Linear. */
export function communesForPeriod(
  plan: Plan,
  rule: PeriodRule,
  key: PeriodKey,
  communes: readonly string[],
  records: readonly IntakeRecord[],
  deadlineDays: number,
): CommunePeriod[] {
  const due = dueDateOf(key, rule, deadlineDays);
  const byCommune = new Map<string, Map<string, IntakeRecord>>();
  for (const x of records) {
    if (x.period !== key) continue;
    const rows = byCommune.get(x.commune) ?? new Map<string, IntakeRecord>();
    rows.set(x.indicatorId, x);
    byCommune.set(x.commune, rows);
  }
  return communes.map((name) => {
    const rows = byCommune.get(name);
    if (!rows)
      return { name, report: { timeliness: "notSent", sentAt: null, due }, approvedBy: "", indicators: [] };
    let first = "";
    let approvedBy = "";
    for (const x of rows.values()) {
      if (first === "" || x.firstSentAt < first) first = x.firstSentAt;
      if (x.approvedBy) approvedBy = x.approvedBy;
    }
    const indicators = plan.indicators.flatMap((ind) => {
      const x = rows.get(ind.id);
      return x ? [resultOf(plan, ind, key, rule, x)] : [];
    });
    const timeliness = civilDateOf(new Date(first)) <= due ? "onTime" : "late";
    return { name, report: { timeliness, sentAt: first, due }, approvedBy, indicators };
  });
}

/** A commune's period as the rollup consolidate.ts sums: its indicators only (the intake has no units). */
function rollupOf(
  plan: Plan,
  rule: PeriodRule,
  key: PeriodKey,
  c: CommunePeriod,
  generatedAt: string,
): Rollup {
  const { start, end } = periodBounds(key, rule);
  return {
    planId: plan.id,
    planTitle: plan.title,
    rule,
    generatedAt,
    period: { key, label: periodLabel(key, rule), start, end },
    yearToDate: yearToDate(plan, key, rule),
    monthsElapsed: monthsElapsed(plan, key, rule),
    monthsTotal: planPeriods(plan, rule).length,
    indicators: c.indicators,
    units: [],
    problems: [],
    summary: {
      indicatorsMet: c.indicators.filter((r) => r.status === "Đạt").length,
      indicatorsTotal: c.indicators.length,
      unitsReported: 0,
      unitsTotal: 0,
    },
  };
}

/** The period's consolidation, as `consolidate --html` makes it from files. */
export function consolidationOf(
  plan: Plan,
  rule: PeriodRule,
  key: PeriodKey,
  communes: readonly CommunePeriod[],
  generatedAt: string,
): Consolidation {
  return consolidateRollups(
    plan,
    communes.map((c) => ({
      name: c.name,
      file: c.name,
      rollup: rollupOf(plan, rule, key, c, generatedAt),
      report: c.report,
    })),
  );
}

const TIMELINESS: Record<CommuneReport["timeliness"], string> = {
  onTime: "Đúng hạn",
  late: "Muộn",
  notSent: "Chưa gửi",
  noLog: "Không rõ",
};

/** "3 xã: 1 đúng hạn, 1 muộn, 1 chưa gửi." */
export function completenessLine(c: Consolidation): string {
  const count = (t: CommuneReport["timeliness"]) =>
    c.communes.filter((x) => x.report.timeliness === t).length;
  return `${c.communes.length} xã: ${count("onTime")} đúng hạn, ${count("late")} muộn, ${count("notSent")} chưa gửi.`;
}

/**
 * The "Tổng hợp các xã" tab: a title, who sent, then one row per commune (when it sent, who approved,
 * each indicator's figure and status), the total first under the header.
 */
export function periodTable(
  plan: Plan,
  c: Consolidation,
  approvers: ReadonlyMap<string, string>,
): TableLayout {
  const t = new TableBuilder([150, 80, 120, 190, ...plan.indicators.map(() => 170)]);
  const due = c.communes[0]?.report.due ?? c.period.end;
  t.line(`KẾT QUẢ CÁC XÃ – ${c.period.label.toUpperCase()}`, { bold: true })
    .line(
      `${completenessLine(c)} Hạn gửi: hết ngày ${formatDateVi(due)}. Lập lúc ${formatDateTimeVi(c.generatedAt)}.`,
    )
    .line(
      "Dòng Tổng cộng cộng tử số và mẫu số của các xã đã gửi rồi mới tính tỉ lệ (không lấy trung bình các tỉ lệ).",
    )
    .header([
      "Xã",
      "Tình trạng",
      "Gửi lúc",
      "Người duyệt",
      ...plan.indicators.map((i) => `${i.id} ${i.shortLabel}`),
    ])
    .freeze();
  const cells = (
    results: readonly Pick<
      IndicatorResult,
      "id" | "kind" | "numerator" | "denominator" | "percent" | "status"
    >[],
  ) =>
    plan.indicators.map((ind) => {
      const r = results.find((x) => x.id === ind.id);
      return r ? { text: resultCellText(r), bg: STATUS_BACKGROUND[r.status] } : { text: "–", bg: null };
    });
  const total = cells(c.totals);
  t.row(
    [
      "Tổng cộng",
      `${c.communes.filter((x) => x.indicators.length > 0).length} xã`,
      "",
      "",
      ...total.map((x) => x.text),
    ],
    {
      bold: true,
      backgrounds: [null, null, null, null, ...total.map((x) => x.bg)],
    },
  );
  for (const x of c.communes) {
    const own = cells(x.indicators);
    t.row(
      [
        x.name,
        TIMELINESS[x.report.timeliness],
        x.report.sentAt ? formatDateTimeVi(x.report.sentAt) : "",
        approvers.get(x.name) ?? "",
        ...own.map((y) => y.text),
      ],
      {
        backgrounds: [
          null,
          x.report.timeliness === "onTime" ? null : "#fce5cd",
          null,
          null,
          ...own.map((y) => y.bg),
        ],
      },
    );
  }
  return t.build();
}

/** The "Xu hướng" tab: each indicator's total over the periods so far, and how many communes sent each. */
export function trendTable(plan: Plan, periods: readonly Consolidation[]): TableLayout {
  const t = new TableBuilder([56, 230, 100, ...periods.map(() => 130)]);
  t.line("TỔNG CỘNG CÁC XÃ QUA CÁC THÁNG (luỹ kế từ đầu kế hoạch)", { bold: true })
    .header(["Mã", "Chỉ tiêu", "Mục tiêu", ...periods.map((c) => periodShortLabel(c.period.key))])
    .freeze();
  t.row(["", "Số xã đã gửi (muộn)", "", ...periods.map((c) => sentText(c))], { bold: true });
  for (const ind of plan.indicators) {
    const row = periods.map((c) => c.totals.find((x) => x.id === ind.id));
    t.row([ind.id, ind.shortLabel, targetText(ind), ...row.map((r) => (r ? resultCellText(r) : ""))], {
      backgrounds: [
        null,
        null,
        null,
        ...row.map((r) => (r && r.communesCounted > 0 ? STATUS_BACKGROUND[r.status] : null)),
      ],
    });
  }
  return t.build();
}

function sentText(c: Consolidation): string {
  const sent = c.communes.filter((x) => x.report.timeliness === "onTime" || x.report.timeliness === "late");
  const late = sent.filter((x) => x.report.timeliness === "late").length;
  return `${sent.length}/${c.communes.length}${late ? ` (${late} muộn)` : ""}`;
}

/** The one-line figure of a total, for the email's plain-text part. */
export function totalLine(t: Consolidation["totals"][number]): string {
  return `${t.id} ${t.shortLabel}: ${t.denominator === null ? t.status : `${indicatorFigure(t)} – ${t.status}`} (mục tiêu ${t.targetText}).`;
}
