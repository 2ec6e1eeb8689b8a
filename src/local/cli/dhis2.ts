/**
 * The communes' figures of one month as a DHIS2 data value set (the JSON that DHIS2's
 * `POST /api/dataValueSets` imports), so a province that runs DHIS2 can load them.
 *
 * DHIS2 holds raw data per data element, org unit and period, and computes indicators (numerator ÷
 * denominator) itself, aggregating months as each data element says (sum for a count, last value for
 * a stock). So each side of an indicator is one data element, and its value is the month's own, not the
 * year to date: a count done in the month (a flow summed over the month), or the level at the month's
 * end (a stock, a number of units answering Có). A frequency indicator ("≥ 1 lần/tháng") is one data
 * element: the count in the month.
 *
 * Codes, not DHIS2's generated ids, name data elements (`CT2a.TU_SO`, `CT2a.MAU_SO`, `CT1a.SO_LAN`) and
 * the commune is named by its name (the file's name): the set says so with `dataElementIdScheme` and
 * `orgUnitIdScheme`, which DHIS2 reads from the payload itself. Aggregates only: no comment, no text
 * typed by anyone.
 */
import type { Plan, Rollup, Term } from "../../core";
import { findElement } from "../../core";
import type { CommuneRollup } from "./consolidate";

export interface Dhis2DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
}

export interface Dhis2DataValueSet {
  dataElementIdScheme: "CODE";
  orgUnitIdScheme: "NAME";
  dataValues: Dhis2DataValue[];
}

/** "2023-06" → "202306", DHIS2's monthly period. */
export function dhis2Period(key: string): string {
  return key.replace("-", "");
}

/** The data element codes of the plan, in the order they are written, with what each counts. */
export function dhis2DataElements(plan: Plan): { code: string; indicatorId: string; side: string }[] {
  return plan.indicators.flatMap((ind) =>
    ind.kind === "frequency"
      ? [{ code: `${ind.id}.SO_LAN`, indicatorId: ind.id, side: "số lần trong tháng" }]
      : [
          { code: `${ind.id}.TU_SO`, indicatorId: ind.id, side: "tử số" },
          { code: `${ind.id}.MAU_SO`, indicatorId: ind.id, side: "mẫu số" },
        ],
  );
}

/**
 * The month's value of one side of a percentage indicator: a flow summed over the month (over every
 * unit reporting it); anything else is a level at the month's end, which is what the rollup's
 * year-to-date figure already is.
 */
function sideValue(plan: Plan, rollup: Rollup, term: Term, yearToDate: number | null): number | null {
  const el = term.kind === "sum" ? findElement(plan, term.elementId) : undefined;
  if (el?.kind !== "flow") return yearToDate;
  let sum: number | null = null;
  for (const u of rollup.units) {
    const t = u.totals.find((x) => x.elementId === el.id);
    if (t?.period !== null && t?.period !== undefined) sum = (sum ?? 0) + t.period;
  }
  return sum;
}

export function dhis2DataValueSet(plan: Plan, communes: readonly CommuneRollup[]): Dhis2DataValueSet {
  const dataValues: Dhis2DataValue[] = [];
  for (const c of communes) {
    const period = dhis2Period(c.rollup.period.key);
    const add = (dataElement: string, v: number | null) => {
      if (v !== null) dataValues.push({ dataElement, period, orgUnit: c.name, value: String(v) });
    };
    for (const ind of plan.indicators) {
      const r = c.rollup.indicators.find((x) => x.id === ind.id);
      if (!r) continue;
      if (ind.kind === "frequency") {
        add(`${ind.id}.SO_LAN`, r.periodCount ?? 0);
        continue;
      }
      // A numerator nobody entered counts as 0, as in the rollup; a missing denominator stays missing.
      add(`${ind.id}.TU_SO`, sideValue(plan, c.rollup, ind.numerator, r.numerator) ?? 0);
      add(`${ind.id}.MAU_SO`, sideValue(plan, c.rollup, ind.denominator, r.denominator));
    }
  }
  return { dataElementIdScheme: "CODE", orgUnitIdScheme: "NAME", dataValues };
}
