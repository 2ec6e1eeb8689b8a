/**
 * The monthly rollup in the sheet: read every unit tab (one batchGet for all, whatever their size),
 * compute in core, and write the "Tổng hợp" tab as core lays it out, one batched call per property.
 */
import type { LockContext } from "../core/approval";
import type { CellValue } from "../core/cell";
import { collectEntries } from "../core/collect";
import type { ColumnIndex } from "../core/columns";
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
import type { TabRead } from "./sheets-read";
import { readTabs } from "./sheets-batch";
import { readColumns, runsOf } from "./sheets-read";
import { tabColumns } from "./tab-columns";
import { writeTable } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SheetData {
  entries: Entry[];
  rollupOf(key: PeriodKey): Rollup;
}

type Tab = { values: CellValue[][]; at: ColumnIndex | null } | null;

/**
 * Every unit tab read in one request (sheets-read.ts: all its columns, or with `figures` the columns the
 * figures need), after one request for the tabs' names; the rollup of
 * any period is then pure computation, under the plan in force at the period's end (an earlier version
 * for periods that ended before the plan changed, with the tabs of units it had and the new plan no
 * longer has).
 *
 * `figures`: only the columns that decide whether a row counts and what it adds (not free text, not the
 * status: they only ever warn; who and when only while a period is approved): the cells moved drop by
 * 40 %, and no personal-data screening, for a report that never shows either. The columns not read are
 * absent from the rows (read as empty). A sheet set up before columns were marked is read whole.
 * Stamps (who and when) come as serial numbers too: core reads one as the instant it shows in Vietnam.
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
  // Every tab any plan version names, planned first and then read in one request (sheets-read.ts).
  const names = readTabs(ss);
  const read = new Map<string, Tab>();
  const reads: (TabRead & { at: ColumnIndex | null })[] = [];
  for (const p of plans) {
    for (const unit of p.units) {
      if (read.has(unit.tabName)) continue;
      read.set(unit.tabName, null);
      if (!names.has(unit.tabName)) continue;
      const found = tabColumns(() => ss.getSheetByName(unit.tabName)!, p, unit);
      // Unmarked (an earlier version's sheet): read whole, each plan finds its columns by the header.
      let columns = [...Array(found.width).keys()];
      if (figures && found.marked) {
        const keep = plans
          .flatMap((q) => q.units.filter((u) => u.tabName === unit.tabName).flatMap((u) => unitColumns(q, u)))
          .filter((c) => c.kind !== "text" && c.key !== "status" && (stamps || !c.scriptOwned))
          .map((c) => found.indexByKey[c.key])
          .filter((i) => i !== undefined);
        columns = [...new Set(keep)].sort((x, y) => x - y);
      }
      reads.push({ tab: unit.tabName, runs: runsOf(columns), at: found.marked ? found.indexByKey : null });
    }
  }
  readColumns(ss, reads).forEach((values, i) => {
    const { tab, at } = reads[i]!;
    read.set(tab, { values: values.length > 0 ? values : [[]], at });
  });
  const collected = new Map<Plan, ReturnType<typeof collectEntries>>();
  const collectFor = (p: Plan) => {
    let c = collected.get(p);
    if (!c) {
      const tabs = new Map<string, CellValue[][] | null>();
      const columns = new Map<string, ColumnIndex>();
      for (const unit of p.units) {
        const tab = read.get(unit.tabName);
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
