/**
 * "Kiểm tra toàn bộ số liệu": every row of every unit tab, one batched read and one batched write per
 * tab, then a summary with the cross-field rules over each period's totals.
 */
import type { LockContext } from "../core/approval";
import type { CellValue } from "../core/cell";
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import { checkRulesByPeriod } from "../core/rules";
import { tabColumns } from "./tab-columns";
import { markedRequests, readBlockCells, send } from "./edit-cells";
import type { BlockResult } from "./unit-tab";
import { planMarks } from "./unit-tab";

export interface CheckSummary {
  rows: number;
  errors: number;
  warnings: number;
  lines: string[];
}

export function checkAllTabs(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: Plan,
  settings: Settings,
  today: string,
  locks?: LockContext,
): CheckSummary {
  const summary: CheckSummary = { rows: 0, errors: 0, warnings: 0, lines: [] };
  const ssId = ss.getId();
  // Every tab's marks in one batchUpdate at the end (issue 17).
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [];
  for (const unit of plan.units) {
    const sheet = ss.getSheetByName(unit.tabName);
    if (!sheet) {
      summary.lines.push(`Chưa có trang "${unit.tabName}": hãy chạy "Thiết lập / sửa bảng tính".`);
      continue;
    }
    const lastRow = sheet.getLastRow();
    let columns = tabColumns(() => sheet, plan, unit);
    let result: BlockResult;
    for (let attempt = 0; ; attempt++) {
      const n = lastRow - 1;
      const rows = n > 0 ? (sheet.getRange(2, 1, n, columns.width).getValues() as CellValue[][]) : [];
      const cells = n > 0 ? readBlockCells(ssId, unit.tabName, 2, n, columns.width) : null;
      // Marks as the edit does, the locale's warning on typed dates included (core/marks.ts).
      const rule = { rule: settings.periodRule };
      const planned = planMarks(
        plan,
        unit,
        columns,
        rows,
        cells,
        today,
        undefined,
        locks,
        rule,
        cells?.locale,
      );
      result = planned.result;
      if (cells && planned.marked)
        requests.push(...markedRequests(cells.sheetId, 2, cells, rows, planned.marked));
      if (!result.recheck || attempt > 0) break;
      columns = tabColumns(() => sheet, plan, unit, { refresh: true });
    }
    summary.rows += result.checked;
    summary.errors += result.errors;
    summary.warnings += result.warnings;
    for (const issue of result.read.headerIssues) summary.lines.push(issue.message);
    if (result.errors > 0 || result.warnings > 0) {
      summary.lines.push(`${unit.tabName}: ${result.errors} lỗi, ${result.warnings} cảnh báo.`);
    }
    for (const { periodLabel, issue } of checkRulesByPeriod(
      plan,
      unit.id,
      result.entries,
      settings.periodRule,
    )) {
      summary.lines.push(`${unit.tabName}, ${periodLabel}: ${issue.message}`);
    }
  }
  send(ssId, requests);
  return summary;
}
