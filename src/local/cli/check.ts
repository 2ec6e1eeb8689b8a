/**
 * `check`: every row of every unit tab through the core validator, as the add-in's "Kiểm tra toàn bộ
 * số liệu" does, with each problem placed at a cell of the workbook.
 */
import type { ColumnKey, Entry, Plan } from "../../core";
import { checkRules, matchHeaders, periodBounds, periodLabel, periodOf, readUnitTab } from "../../core";
import type { XlsxBook } from "../xlsx/read";
import { columnLetter } from "../xlsx/template";
import type { ReadContext } from "./workbook";
import { locateTabs } from "./workbook";

export interface CheckProblem {
  /** The unit's tab name as the plan writes it. */
  tab: string;
  /** "C5", or null when the problem concerns no single cell (a missing tab or column, a total). */
  cell: string | null;
  /** 1-based workbook row, or null. */
  row: number | null;
  severity: "error" | "warning";
  message: string;
}

export interface CheckReport {
  problems: CheckProblem[];
  /** Rows holding something, over all tabs found. */
  rowsChecked: number;
  tabsFound: number;
  tabsTotal: number;
  errors: number;
  warnings: number;
}

/** Checks a workbook already read. Never throws on cell contents. */
export function checkBook(plan: Plan, book: XlsxBook, ctx: ReadContext): CheckReport {
  const rule = ctx.rule ?? plan.periodRule;
  const report: CheckReport = {
    problems: [],
    rowsChecked: 0,
    tabsFound: 0,
    tabsTotal: plan.units.length,
    errors: 0,
    warnings: 0,
  };
  const add = (p: CheckProblem) => {
    report.problems.push(p);
    if (p.severity === "error") report.errors++;
    else report.warnings++;
  };
  for (const tab of locateTabs(plan, book)) {
    const { unit } = tab;
    if (!tab.values) {
      add({
        tab: unit.tabName,
        cell: null,
        row: null,
        severity: "error",
        message: `Không tìm thấy trang "${unit.tabName}" của ${unit.name}. Các trang khác vẫn được kiểm tra.`,
      });
      continue;
    }
    report.tabsFound++;
    const read = readUnitTab(plan, unit, tab.values, { today: ctx.today, rule });
    const offset = tab.headerRow - 1;
    const cellOf = (column: ColumnKey | null, relativeRow: number): string | null => {
      const at = column === null ? undefined : read.indexByKey[column];
      return at === undefined ? null : columnLetter(at + 1) + (relativeRow + offset);
    };
    for (const issue of read.headerIssues) {
      add({
        tab: unit.tabName,
        cell: null,
        row: tab.headerRow,
        severity: issue.severity,
        message: issue.message,
      });
    }
    for (const extra of matchHeaders(read.columns, tab.values[0] ?? []).unknown) {
      add({
        tab: unit.tabName,
        cell: columnLetter(extra.index + 1) + tab.headerRow,
        row: tab.headerRow,
        severity: "warning",
        message: `Cột ${columnLetter(extra.index + 1)} có tiêu đề "${extra.text}" không thuộc kế hoạch; số liệu trong cột này không được tính.`,
      });
    }
    const entries: Entry[] = [];
    for (const row of read.rows) {
      if (row.blank) continue;
      report.rowsChecked++;
      if (row.entry) entries.push(row.entry);
      for (const issue of row.issues) {
        add({
          tab: unit.tabName,
          cell: cellOf(issue.column, row.rowNumber),
          row: row.rowNumber + offset,
          severity: issue.severity,
          message: issue.message,
        });
      }
    }
    // Cross-field rules over each period's totals, as the add-in's check does.
    const periods = [...new Set(entries.map((e) => periodOf(e.date, rule)))].sort();
    for (const key of periods) {
      for (const issue of checkRules(plan, unit.id, entries, periodBounds(key, rule))) {
        add({
          tab: unit.tabName,
          cell: null,
          row: null,
          severity: issue.severity,
          message: `${periodLabel(key, rule)}: ${issue.message}`,
        });
      }
    }
  }
  return report;
}
