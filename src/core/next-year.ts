/**
 * Next year's plan from this year's: the same units, tasks, columns, indicators and rules, the year
 * moved on in the title, the short name, the codes and the dates; the targets carried over but marked
 * for the office to confirm (next year's document may set others), and the document's number and date
 * left to fill in. Stocks that carry over (number of businesses, of students…) are offered as starting
 * values: the latest figure of each unit (and sub-unit) at the end of the year.
 */
import type { IsoDate } from "./periods";
import type { Plan } from "./plan";
import { unitElements } from "./plan";
import { pathKey } from "./plan-tab";
import { targetText } from "./rollup";
import type { Entry } from "./validate";

export interface NextYear {
  plan: Plan;
  /** Plan path → why the office must look at that cell of the "Kế hoạch" tab. */
  marks: Map<string, string>;
}

function moveYear(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(^|\\D)${from}(?!\\d)`, "g"), `$1${to}`);
}

export function nextYearPlan(plan: Plan): NextYear {
  const from = plan.year;
  const to = from + 1;
  const marks = new Map<string, string>();
  const next: Plan = {
    // Apps Script has no structuredClone; a plan is plain JSON data.
    ...(JSON.parse(JSON.stringify(plan)) as Plan),
    id: moveYear(plan.id, from, to),
    title: moveYear(plan.title, from, to),
    shortName: moveYear(plan.shortName, from, to),
    year: to,
    startDate: `${to}-01-01`,
    document: { number: "", symbol: plan.document.symbol, date: `${to}-01-01` },
  };
  marks.set(
    pathKey(["startDate"]),
    `Luỹ kế năm ${to} tính từ ngày này: hãy sửa thành ngày kế hoạch năm ${to} có hiệu lực.`,
  );
  marks.set(
    pathKey(["document", "number"]),
    `Hãy nhập số văn bản kế hoạch năm ${to} (để trống nếu chưa có).`,
  );
  marks.set(pathKey(["document", "date"]), `Hãy nhập ngày ban hành kế hoạch năm ${to}.`);
  marks.set(pathKey(["chairman", "name"]), "Người ký kế hoạch năm mới: hãy kiểm tra.");
  next.indicators.forEach((ind, i) => {
    const why = `Mục tiêu năm ${from} là ${targetText(ind)}: hãy xác nhận hoặc sửa theo kế hoạch năm ${to}.`;
    if (ind.kind === "frequency") marks.set(pathKey(["indicators", i, "minPerMonth"]), why);
    else marks.set(pathKey(["indicators", i, "target", "value"]), why);
  });
  return { plan: next, marks };
}

/** A starting value offered for next year: a stock's latest figure at the end of this year. */
export interface CarriedStock {
  unitId: string;
  subUnit: string | null;
  elementId: string;
  value: number | boolean;
  /** The date of the row it comes from. */
  asOf: IsoDate;
}

/**
 * Each unit's (and sub-unit's) latest value of every stock element, from this year's valid entries:
 * what next year's tabs can start from instead of an empty stock.
 */
export function carriedStocks(plan: Plan, entries: readonly Entry[]): CarriedStock[] {
  const latest = new Map<string, CarriedStock>();
  for (const unit of plan.units) {
    const stocks = unitElements(plan, unit).filter((e) => e.kind === "stock");
    if (stocks.length === 0) continue;
    for (const entry of entries) {
      if (entry.unitId !== unit.id) continue;
      for (const e of stocks) {
        const value = entry.values[e.id];
        if (value === undefined || value === null) continue;
        const key = `${unit.id}\u0000${entry.subUnit ?? ""}\u0000${e.id}`;
        const known = latest.get(key);
        if (!known || entry.date >= known.asOf)
          latest.set(key, {
            unitId: unit.id,
            subUnit: entry.subUnit ?? null,
            elementId: e.id,
            value,
            asOf: entry.date,
          });
      }
    }
  }
  return [...latest.values()];
}
