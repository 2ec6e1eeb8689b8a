/**
 * The monthly rollup in the sheet: read every unit tab once (one getValues each, whatever its size),
 * compute in core, and write the "Tổng hợp" tab in one batched write of values and one of colours.
 */
import type { LockContext } from "../core/approval";
import type { CellValue } from "../core/cell";
import { collectEntries } from "../core/collect";
import type { ColumnIndex } from "../core/columns";
import type { Plan, Unit } from "../core/plan";
import { SYSTEM_TABS } from "../core/plan";
import type { PeriodKey } from "../core/periods";
import { comparePeriods, planPeriods } from "../core/periods";
import type { Rollup } from "../core/rollup";
import { computeRollup } from "../core/rollup";
import { ROLLUP_TAB_WIDTH, rollupTabCells } from "../core/tables";
import type { Settings } from "../core/settings";
import type { Entry } from "../core/validate";
import type { PlanVersion } from "../core/plan-versions";
import { planForPeriod } from "../core/plan-versions";
import { earlierPlans, storedPlan } from "./plan-store";
import { tabColumns } from "./tab-columns";

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
  const read = new Map<string, { values: CellValue[][]; at: ColumnIndex | null } | null>();
  /** A tab's values from row 1, and where its columns are when the add-in marked them. */
  const readTab = (p: Plan, unit: Unit) => {
    const known = read.get(unit.tabName);
    if (known !== undefined) return known;
    const sheet = ss.getSheetByName(unit.tabName);
    let tab: { values: CellValue[][]; at: ColumnIndex | null } | null = null;
    if (sheet) {
      const lastRow = sheet.getLastRow();
      const found = tabColumns(() => sheet, p, unit);
      const values =
        lastRow > 0 ? (sheet.getRange(1, 1, lastRow, found.width).getValues() as CellValue[][]) : [[]];
      // Unmarked (an earlier version's sheet): each plan finds its columns by the header, row 1.
      tab = { values, at: found.marked ? found.indexByKey : null };
    }
    read.set(unit.tabName, tab);
    return tab;
  };
  const collected = new Map<Plan, ReturnType<typeof collectEntries>>();
  const collectFor = (p: Plan) => {
    let c = collected.get(p);
    if (!c) {
      const tabs = new Map<string, CellValue[][] | null>();
      const columns = new Map<string, ColumnIndex>();
      for (const unit of p.units) {
        const tab = readTab(p, unit);
        tabs.set(unit.id, tab?.values ?? null);
        if (tab?.at) columns.set(unit.id, tab.at);
      }
      c = collectEntries(p, tabs, { today, rule: settings.periodRule, columns, ...(locks ? { locks } : {}) });
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
  const { values, backgrounds, boldRows } = rollupTabCells(plan, rollup, history);
  sheet.clear();
  const range = sheet.getRange(1, 1, values.length, ROLLUP_TAB_WIDTH);
  range.setValues(values);
  range.setBackgrounds(backgrounds as string[][]);
  range.setWrap(true).setVerticalAlignment("top");
  for (const row of boldRows) sheet.getRange(row, 1, 1, ROLLUP_TAB_WIDTH).setFontWeight("bold");
  // Column widths add up to about 720 px: an A4 page in portrait at the default print scale.
  for (const [i, w] of [40, 230, 70, 120, 60, 90, 110].entries()) sheet.setColumnWidth(i + 1, w);
  return sheet;
}
