/**
 * From the raw values of every unit tab (as one getValues per tab gives them) to what a rollup needs:
 * the valid entries of all units and the data problems found on the way. Shared by the add-in and the
 * command line, so both read a workbook the same way.
 */
import type { LockContext } from "./approval";
import { applyLocks } from "./approval";
import type { CellValue } from "./cell";
import type { ColumnIndex } from "./columns";
import type { Plan } from "./plan";
import type { PeriodRule } from "./periods";
import type { DataProblem } from "./rollup";
import type { Entry } from "./validate";
import { readUnitTab } from "./validate";

export interface CollectedEntries {
  entries: Entry[];
  problems: DataProblem[];
  /** Units whose tab was not found (reported as problems too). */
  missingTabs: string[];
}

/**
 * `tabs` maps a unit id to its tab's values (row 1 the header), or null when the tab does not exist.
 * Rows with an error are left out of the entries and listed as problems; warnings only as problems.
 */
export function collectEntries(
  plan: Plan,
  tabs: ReadonlyMap<string, CellValue[][] | null>,
  ctx: { today: string; rule?: PeriodRule; locks?: LockContext; columns?: ReadonlyMap<string, ColumnIndex> },
): CollectedEntries {
  const out: CollectedEntries = { entries: [], problems: [], missingTabs: [] };
  for (const unit of plan.units) {
    const values = tabs.get(unit.id) ?? null;
    if (values === null) {
      out.missingTabs.push(unit.tabName);
      out.problems.push({
        kind: "header",
        severity: "error",
        unitId: unit.id,
        rowNumber: null,
        column: null,
        message: `Không tìm thấy trang "${unit.tabName}" của ${unit.name}.`,
      });
      continue;
    }
    const read = readUnitTab(plan, unit, values, ctx, ctx.columns?.get(unit.id));
    // Rows typed into a period the chairman approved count only when the office made them.
    if (ctx.locks) applyLocks(read, values, ctx.locks);
    for (const issue of read.headerIssues) {
      out.problems.push({
        kind: "header",
        severity: issue.severity,
        unitId: unit.id,
        rowNumber: 1,
        column: issue.column,
        message: issue.message,
      });
    }
    for (const row of read.rows) {
      if (row.entry) out.entries.push(row.entry);
      for (const issue of row.issues) {
        out.problems.push({
          kind: "entry",
          severity: issue.severity,
          unitId: unit.id,
          rowNumber: row.rowNumber,
          column: issue.column,
          message: issue.message,
        });
      }
    }
  }
  return out;
}
