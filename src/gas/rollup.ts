/**
 * The monthly rollup in the sheet: read every unit tab once (one getValues each, whatever its size),
 * compute in core, and write the "Tổng hợp" tab as core lays it out, one batched call per property.
 */
import type { LockContext } from "../core/approval";
import type { CellValue } from "../core/cell";
import { collectEntries } from "../core/collect";
import type { ColumnIndex } from "../core/columns";
import { unitColumns } from "../core/columns";
import type { Plan, Unit } from "../core/plan";
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
import { tabColumns } from "./tab-columns";
import { writeTable } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SheetData {
  entries: Entry[];
  rollupOf(key: PeriodKey): Rollup;
}

type Tab = { values: CellValue[][]; at: ColumnIndex | null } | null;

/**
 * One read per unit tab, or with `figures` one per run of the columns the figures need; the rollup of
 * any period is then pure computation, under the plan in force at the period's end (an earlier version
 * for periods that ended before the plan changed, with the tabs of units it had and the new plan no
 * longer has).
 *
 * `figures`: only the columns that decide whether a row counts and what it adds (not free text, not the
 * status: they only ever warn; who and when only while a period is approved): the cells moved drop by
 * 40 %, and no personal-data screening, for a report that never shows either. The columns not read are
 * placed past the row's end (read as absent). A sheet set up before columns were marked is read whole.
 */
export function readSheetData(
  ss: Spreadsheet,
  plan: Plan,
  settings: Settings,
  today: string,
  now: Date,
  locks?: LockContext,
  figures = false,
): SheetData {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const earlier = earlierPlans(all);
  const current: PlanVersion = { from: storedPlan(all)?.from ?? plan.startDate, plan };
  const plans = [plan, ...earlier.map((v) => v.plan)];
  const stamps = (locks?.locks.length ?? 0) > 0;
  const read = new Map<string, Tab>();
  const readTab = (p: Plan, unit: Unit): Tab => {
    const known = read.get(unit.tabName);
    if (known !== undefined) return known;
    const sheet = ss.getSheetByName(unit.tabName);
    let tab: Tab = null;
    if (sheet) {
      const lastRow = sheet.getLastRow();
      const found = tabColumns(() => sheet, p, unit);
      const range = (from: number, width: number) =>
        sheet.getRange(1, from + 1, lastRow, width).getValues() as CellValue[][];
      // Unmarked (an earlier version's sheet): each plan finds its columns by the header, row 1.
      tab = { values: [[]], at: found.marked ? found.indexByKey : null };
      if (lastRow > 0 && (!figures || !found.marked)) tab.values = range(0, found.width);
      else if (lastRow > 0) {
        const wanted = plans
          .flatMap((q) => q.units.filter((u) => u.tabName === unit.tabName).flatMap((u) => unitColumns(q, u)))
          .filter((c) => found.indexByKey[c.key] !== undefined);
        const keep = wanted
          .filter((c) => c.kind !== "text" && c.key !== "status" && (stamps || !c.scriptOwned))
          .map((c) => found.indexByKey[c.key]!);
        const sorted = [...new Set(keep)].sort((x, y) => x - y);
        let values: CellValue[][] = [];
        for (let i = 0; i < sorted.length; ) {
          let j = i;
          while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
          const part = range(sorted[i]!, j - i + 1);
          values = values.length === 0 ? part : values.map((row, r) => row.concat(part[r]!));
          i = j + 1;
        }
        const place = new Map(sorted.map((c, k) => [c, k]));
        const at: ColumnIndex = {};
        for (const c of wanted) at[c.key] = place.get(found.indexByKey[c.key]!) ?? sorted.length;
        tab = { values, at };
      }
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
  // A report asks for its period again with the history: each period is computed once.
  const done = new Map<PeriodKey, Rollup>();
  return {
    entries: mine.entries,
    rollupOf(key) {
      let rollup = done.get(key);
      if (!rollup) {
        const p = planForPeriod(current, earlier, key, settings.periodRule);
        const c = collectFor(p);
        rollup = computeRollup(p, c.entries, key, {
          rule: settings.periodRule,
          generatedAt,
          problems: c.problems,
        });
        done.set(key, rollup);
      }
      return rollup;
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
