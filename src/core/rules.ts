/**
 * The plan's cross-field rules ("số tin xử lý kịp thời ≤ số tin tiếp nhận"): over a unit's totals for
 * the rollup and "Kiểm tra toàn bộ", and over the unit's rows of a row's period when the row is entered
 * (the entry sidebar as you type, its server on submit, the edit trigger), always with the same message.
 */
import type { CellValue } from "./cell";
import { isBlankCell } from "./cell";
import type { ColumnIndex } from "./columns";
import { unitColumns } from "./columns";
import type { IsoDate, PeriodRule } from "./periods";
import { isValidIso, periodBounds, periodLabel, periodOf, shiftPeriod } from "./periods";
import { formatWholeNumber } from "./parse";
import type { Plan, Unit } from "./plan";
import { findUnit, unitElements } from "./plan";
import type { DateRange } from "./totals";
import { elementTotal } from "./totals";
import type { Entry, EntryInput, EntryIssue, UnitTabRead, ValidateContext } from "./validate";
import { validateEntry } from "./validate";

function compare(l: number, op: string, r: number): boolean {
  switch (op) {
    case "<=":
      return l <= r;
    case "<":
      return l < r;
    case "=":
      return l === r;
    case ">=":
      return l >= r;
    case ">":
      return l > r;
    default:
      return true;
  }
}

interface RuleFinding {
  left: string;
  right: string;
  issue: EntryIssue;
}

/** The rules the plan sets between two of the unit's elements, broken over `span`. */
function ruleFindings(plan: Plan, unit: Unit, own: readonly Entry[], span: DateRange): RuleFinding[] {
  const elements = new Map(unitElements(plan, unit).map((e) => [e.id, e]));
  const out: RuleFinding[] = [];
  for (const rule of plan.rules) {
    const l = elements.get(rule.left);
    const r = elements.get(rule.right);
    if (!l || !r) continue;
    const lv = elementTotal(own, l, span);
    const rv = elementTotal(own, r, span);
    if (lv === null || rv === null || compare(lv, rule.op, rv)) continue;
    out.push({
      left: l.id,
      right: r.id,
      issue: {
        severity: rule.severity,
        column: `el:${l.id}`,
        message:
          rule.message +
          " (" +
          l.label +
          ": " +
          formatWholeNumber(lv) +
          "; " +
          r.label +
          ": " +
          formatWholeNumber(rv) +
          ").",
      },
    });
  }
  return out;
}

/**
 * Cross-field rules over a unit's totals. Flows are summed over `range` (default: all the entries given),
 * stocks are the latest on or before its end. A rule is skipped when either side has no figure yet.
 */
export function checkRules(
  plan: Plan,
  unitId: string,
  entries: readonly Entry[],
  range?: DateRange,
): EntryIssue[] {
  try {
    const unit = findUnit(plan, unitId);
    if (!unit) return [];
    const own = entries.filter((e) => e.unitId === unitId);
    let span = range;
    if (!span) {
      if (own.length === 0) return [];
      const dates = own.map((e) => e.date).sort();
      span = { start: dates[0] as string, end: dates[dates.length - 1] as string };
    }
    return ruleFindings(plan, unit, own, span).map((f) => f.issue);
  } catch (err) {
    return [{ severity: "error", column: null, message: "Không kiểm tra được quy tắc: " + String(err) }];
  }
}

/** Whether the plan has a cross-field rule between two of this unit's elements. */
export function unitHasRules(plan: Plan, unit: Unit): boolean {
  return judgedElements(plan, unit).size > 0;
}

/** The elements of the unit that its cross-field rules compare. */
export function judgedElements(plan: Plan, unit: Unit): Set<string> {
  const ids = new Set(unitElements(plan, unit).map((e) => e.id));
  const rules = plan.rules.filter((r) => ids.has(r.left) && ids.has(r.right));
  return new Set(rules.flatMap((r) => [r.left, r.right]));
}

/**
 * Whether any of `rows` (a unit tab's rows, its columns where `at` says) has something in a column of
 * an element the unit's rules compare. A row with none gets no rule issue (entryRuleChecker), so the
 * unit's other rows need not be read for it.
 */
export function rowsMeetRules(
  plan: Plan,
  unit: Unit,
  rows: readonly CellValue[][],
  at: ColumnIndex,
): boolean {
  const judged = judgedElements(plan, unit);
  const places = unitColumns(plan, unit)
    .filter((c) => c.elementId !== undefined && judged.has(c.elementId))
    .flatMap((c) => (at[c.key] === undefined ? [] : [at[c.key]!]));
  return places.length > 0 && rows.some((row) => places.some((i) => !isBlankCell(row[i])));
}

/**
 * The cross-field rules as a row is judged when it is entered: over the unit's rows of the row's period
 * (flows summed over the period, stocks the latest at its end), the row among them – on a first row,
 * the row alone. A row gets the issues of the rules it has a figure for, with the message the rollup
 * gives. `entries` are the unit's valid entries, the judged rows included. The rules are checked once
 * per period met, so marking a whole tab stays linear in its rows.
 */
export function entryRuleChecker(
  plan: Plan,
  unit: Unit,
  entries: readonly Entry[],
  rule: PeriodRule,
): (entry: Entry) => EntryIssue[] {
  const own = entries.filter((e) => e.unitId === unit.id);
  const byPeriod = new Map<string, RuleFinding[]>();
  return (entry) => {
    if (entry.unitId !== unit.id || !isValidIso(entry.date)) return [];
    const key = periodOf(entry.date, rule);
    let findings = byPeriod.get(key);
    if (!findings) {
      findings = ruleFindings(plan, unit, own, periodBounds(key, rule));
      byPeriod.set(key, findings);
    }
    return findings
      .filter((f) => entry.values[f.left] !== undefined || entry.values[f.right] !== undefined)
      .map((f) => f.issue);
  };
}

/** A tab's rows with the cross-field rules' issues added to the valid ones (see entryRuleChecker). */
export function withRuleIssues(read: UnitTabRead, check: (entry: Entry) => EntryIssue[]): UnitTabRead {
  return {
    ...read,
    rows: read.rows.map((r) => (r.entry ? { ...r, issues: [...r.issues, ...check(r.entry)] } : r)),
  };
}

/**
 * What the entry sidebar needs of a unit's rows to judge the rules as the user types: the figures of
 * the rules' elements in rows from the start of the period before the open one (a late entry for last
 * month is judged too), and each stock's latest value per sub-unit before that. No free text.
 */
export function ruleContext(
  plan: Plan,
  unit: Unit,
  entries: readonly Entry[],
  today: IsoDate,
  rule: PeriodRule,
): Entry[] {
  const ids = new Set(plan.rules.flatMap((r) => [r.left, r.right]));
  const elements = unitElements(plan, unit).filter((e) => ids.has(e.id));
  if (elements.length === 0) return [];
  const from = periodBounds(shiftPeriod(periodOf(today, rule), -1), rule).start;
  const out: Entry[] = [];
  const earlier = new Map<string, Entry>();
  const bare = (e: Entry, values: Entry["values"]): Entry => ({
    unitId: unit.id,
    date: e.date,
    task: "",
    form: null,
    subUnit: e.subUnit,
    values,
    content: "",
    notes: "",
  });
  for (const e of entries) {
    if (e.unitId !== unit.id) continue;
    const values: Entry["values"] = {};
    for (const el of elements) {
      const v = e.values[el.id];
      if (v === undefined) continue;
      if (e.date >= from) values[el.id] = v;
      else if (el.kind === "stock") {
        // Only the latest earlier figure of a stock can still count.
        const k = el.id + "\u0000" + (e.subUnit ?? "");
        const cur = earlier.get(k);
        if (!cur || e.date >= cur.date) earlier.set(k, bare(e, { [el.id]: v }));
      }
    }
    if (Object.keys(values).length > 0) out.push(bare(e, values));
  }
  return [...earlier.values(), ...out];
}

/** The cross-field rules over each period's totals of one unit, for the periods its entries fall in. */
export function checkRulesByPeriod(
  plan: Plan,
  unitId: string,
  entries: readonly Entry[],
  rule: PeriodRule,
): { periodKey: string; periodLabel: string; issue: EntryIssue }[] {
  const keys = [
    ...new Set(entries.filter((e) => e.unitId === unitId).map((e) => periodOf(e.date, rule))),
  ].sort();
  return keys.flatMap((key) =>
    checkRules(plan, unitId, entries, periodBounds(key, rule)).map((issue) => ({
      periodKey: key,
      periodLabel: periodLabel(key, rule),
      issue,
    })),
  );
}

/**
 * A row as the entry sidebar and its server judge it: validateEntry, then the cross-field rules over the
 * unit's rows of the row's period. `unitEntries` are the unit's other valid entries (the sidebar passes
 * its ruleContext). A rule of severity "error" makes the row refused, though its entry is whole.
 */
export function validateNewEntry(
  plan: Plan,
  unit: Unit,
  input: EntryInput,
  ctx: ValidateContext,
  unitEntries: readonly Entry[],
): { entry: Entry | null; issues: EntryIssue[] } {
  const res = validateEntry(plan, unit, input, ctx);
  if (!res.entry) return res;
  const check = entryRuleChecker(plan, unit, [...unitEntries, res.entry], ctx.rule ?? plan.periodRule);
  return { entry: res.entry, issues: [...res.issues, ...check(res.entry)] };
}
