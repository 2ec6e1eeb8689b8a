/**
 * The monthly rollup in the sheet: read every unit tab once (one getValues each, whatever its size),
 * compute in core, and write the "Tổng hợp" tab as core lays it out, one batched call per property.
 */
import type { LockContext } from "../core/approval";
import type { CellValue } from "../core/cell";
import { collectEntries } from "../core/collect";
import { unitColumns } from "../core/columns";
import type { Plan } from "../core/plan";
import { SYSTEM_TABS } from "../core/plan";
import type { PeriodKey } from "../core/periods";
import { comparePeriods, planPeriods } from "../core/periods";
import type { Rollup } from "../core/rollup";
import { computeRollup } from "../core/rollup";
import { rollupTable } from "../core/tables";
import type { Settings } from "../core/settings";
import type { Entry } from "../core/validate";
import type { PlanVersion } from "../core/plan-versions";
import { planForPeriod } from "../core/plan-versions";
import { earlierPlans, storedPlan } from "./plan-store";
import { writeTable } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SheetData {
  entries: Entry[];
  rollupOf(key: PeriodKey): Rollup;
}

/**
 * One read per unit tab; the rollup of any period is then pure computation, under the plan in force at
 * the period's end (an earlier version for periods that ended before the plan changed, with the tabs
 * of units it had and the new plan no longer has).
 */
export function readSheetData(
  ss: Spreadsheet,
  plan: Plan,
  settings: Settings,
  today: string,
  now: Date,
  locks?: LockContext,
): SheetData {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const earlier = earlierPlans(all);
  const current: PlanVersion = { from: storedPlan(all)?.from ?? plan.startDate, plan };
  const read = new Map<string, CellValue[][] | null>();
  const plans = [plan, ...earlier.map((v) => v.plan)];
  const readTab = (tabName: string): CellValue[][] | null => {
    const known = read.get(tabName);
    if (known !== undefined) return known;
    const sheet = ss.getSheetByName(tabName);
    let values: CellValue[][] | null = null;
    if (sheet) {
      const lastRow = sheet.getLastRow();
      let width = sheet.getLastColumn();
      for (const p of plans)
        for (const u of p.units) if (u.tabName === tabName) width = Math.max(width, unitColumns(p, u).length);
      values = lastRow > 0 ? (sheet.getRange(1, 1, lastRow, width).getValues() as CellValue[][]) : [[]];
    }
    read.set(tabName, values);
    return values;
  };
  const collected = new Map<Plan, ReturnType<typeof collectEntries>>();
  const collectFor = (p: Plan) => {
    let c = collected.get(p);
    if (!c) {
      const tabs = new Map<string, CellValue[][] | null>();
      for (const unit of p.units) tabs.set(unit.id, readTab(unit.tabName));
      c = collectEntries(p, tabs, { today, rule: settings.periodRule, ...(locks ? { locks } : {}) });
      collected.set(p, c);
    }
    return c;
  };
  const generatedAt = now.toISOString();
  const mine = collectFor(plan);
  return {
    entries: mine.entries,
    rollupOf: (key) => {
      const p = planForPeriod(current, earlier, key, settings.periodRule);
      const c = collectFor(p);
      return computeRollup(p, c.entries, key, {
        rule: settings.periodRule,
        generatedAt,
        problems: c.problems,
      });
    },
  };
}

/** Periods of the plan from its first up to `key`, for the month-by-month history. */
export function periodsUpTo(plan: Plan, settings: Settings, key: PeriodKey): PeriodKey[] {
  return planPeriods(plan, settings.periodRule).filter((p) => comparePeriods(p, key) <= 0);
}

export function writeRollupTab(
  ss: Spreadsheet,
  plan: Plan,
  rollup: Rollup,
  history: Rollup[],
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(SYSTEM_TABS.rollup) ?? ss.insertSheet(SYSTEM_TABS.rollup);
  writeTable(sheet, rollupTable(plan, rollup, history));
  return sheet;
}
