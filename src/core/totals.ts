/**
 * How entries add up: flows are summed over a date range; stocks take the latest value on or before
 * the range's end, per sub-unit, then summed (a yes/no stock counts its Có answers).
 * Shared by the cross-field rules and the rollup so both read the figures the same way.
 */
import type { DataElement } from "./plan";
import type { IsoDate } from "./periods";

/** What the totals need from an entry (the full Entry type lives in validate.ts). */
export interface EntryValues {
  date: IsoDate;
  subUnit: string | null;
  values: Record<string, number | boolean>;
}

export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

function numeric(v: number | boolean): number {
  return typeof v === "boolean" ? (v ? 1 : 0) : v;
}

/** Latest value per sub-unit on or before `end` (later rows win a tie on the date). */
export function latestBySubUnit(
  entries: readonly EntryValues[],
  elementId: string,
  end: IsoDate,
): Map<string, number | boolean> {
  const best = new Map<string, { date: IsoDate; value: number | boolean }>();
  for (const e of entries) {
    const v = e.values[elementId];
    if (v === undefined || e.date > end) continue;
    const k = e.subUnit ?? "";
    const cur = best.get(k);
    if (!cur || e.date >= cur.date) best.set(k, { date: e.date, value: v });
  }
  const out = new Map<string, number | boolean>();
  for (const [k, b] of best) out.set(k, b.value);
  return out;
}

/**
 * The value of an element over a range, or null when nothing was entered for it (a typed 0 is a value).
 * Flows: sum of the values dated inside the range. Stocks: latest per sub-unit on or before the end, summed.
 */
export function elementTotal(
  entries: readonly EntryValues[],
  element: DataElement,
  range: DateRange,
): number | null {
  if (element.kind === "stock") {
    const latest = latestBySubUnit(entries, element.id, range.end);
    if (latest.size === 0) return null;
    let sum = 0;
    for (const v of latest.values()) sum += numeric(v);
    return sum;
  }
  let sum = 0;
  let any = false;
  for (const e of entries) {
    const v = e.values[element.id];
    if (v === undefined || e.date < range.start || e.date > range.end) continue;
    sum += numeric(v);
    any = true;
  }
  return any ? sum : null;
}

/**
 * A unit's yes/no answer as of `end`: true when every sub-unit that answered says yes, false when one
 * says no, null when nobody answered.
 */
export function unitAnswer(entries: readonly EntryValues[], elementId: string, end: IsoDate): boolean | null {
  const latest = latestBySubUnit(entries, elementId, end);
  if (latest.size === 0) return null;
  for (const v of latest.values()) if (!(v === true || v === 1)) return false;
  return true;
}
