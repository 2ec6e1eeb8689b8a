/**
 * The monthly rollup in the sheet: read every unit tab once (one getValues each, whatever its size),
 * compute in core, and write the "Tổng hợp" tab in one batched write of values and one of colours.
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
import { ROLLUP_TAB_WIDTH, rollupTabCells } from "../core/tables";
import type { Settings } from "../core/settings";
import type { Entry } from "../core/validate";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SheetData {
  entries: Entry[];
  rollupOf(key: PeriodKey): Rollup;
}

/** One read per unit tab; the rollup of any period is then pure computation. */
export function readSheetData(
  ss: Spreadsheet,
  plan: Plan,
  settings: Settings,
  today: string,
  now: Date,
  locks?: LockContext,
): SheetData {
  const tabs = new Map<string, CellValue[][] | null>();
  for (const unit of plan.units) {
    const sheet = ss.getSheetByName(unit.tabName);
    if (!sheet) {
      tabs.set(unit.id, null);
      continue;
    }
    const lastRow = sheet.getLastRow();
    const width = Math.max(sheet.getLastColumn(), unitColumns(plan, unit).length);
    tabs.set(
      unit.id,
      lastRow > 0 ? (sheet.getRange(1, 1, lastRow, width).getValues() as CellValue[][]) : [[]],
    );
  }
  const collected = collectEntries(plan, tabs, {
    today,
    rule: settings.periodRule,
    ...(locks ? { locks } : {}),
  });
  const generatedAt = now.toISOString();
  return {
    entries: collected.entries,
    rollupOf: (key) =>
      computeRollup(plan, collected.entries, key, {
        rule: settings.periodRule,
        generatedAt,
        problems: collected.problems,
      }),
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
