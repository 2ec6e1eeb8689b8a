/**
 * `check`: every row of every unit tab through the core validator, as the add-in's "Kiểm tra toàn bộ
 * số liệu" does, with each problem placed at a cell of the workbook.
 */
import type { ColumnKey, Entry, Plan } from "../../core";
import { checkRules, matchHeaders, periodBounds, periodLabel, periodOf, readUnitTab } from "../../core";
import { columnLetter } from "../xlsx/sheet";
import { clipText } from "./text";
import type { PlanWorkbook, ReadContext } from "./workbook";
import { mergeFinder, mergeHint } from "./workbook";

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
export function checkBook(plan: Plan, book: PlanWorkbook, ctx: ReadContext): CheckReport {
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
  for (const tab of book.tabs) {
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
    // Row r of what readUnitTab read (1-based) is row rowNumbers[r - 1] of the workbook.
    const rowOf = (relativeRow: number) => tab.rowNumbers[relativeRow - 1] ?? relativeRow;
    const cellOf = (column: ColumnKey | null, relativeRow: number): string | null => {
      const at = column === null ? undefined : read.indexByKey[column];
      return at === undefined ? null : columnLetter(at + 1) + rowOf(relativeRow);
    };
    const findMerge = tab.merges.length > 0 ? mergeFinder(tab) : null;
    const hint = (column: ColumnKey | null, relativeRow: number): string => {
      const at = column === null ? undefined : read.indexByKey[column];
      if (!findMerge || at === undefined) return "";
      const row = rowOf(relativeRow) - 1;
      return mergeHint(findMerge(row, at), row, at);
    };
    for (const note of book.notes.filter((n) => n.unitId === unit.id)) {
      add({ tab: unit.tabName, cell: note.cell, row: null, severity: "warning", message: note.message });
    }
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
      const letter = columnLetter(extra.index + 1);
      // A second column headed like a plan column is matched to nothing: the first one wins.
      const same = Object.keys(matchHeaders(read.columns, [extra.text]).indexByKey)[0] as
        | ColumnKey
        | undefined;
      const first = same === undefined ? undefined : read.indexByKey[same];
      add({
        tab: unit.tabName,
        cell: letter + tab.headerRow,
        row: tab.headerRow,
        severity: "warning",
        message:
          first === undefined
            ? `Cột ${letter} có tiêu đề "${clipText(extra.text)}" không thuộc kế hoạch; số liệu trong cột này không được tính.`
            : `Cột ${letter} có tiêu đề "${clipText(extra.text)}" trùng với cột ${columnLetter(first + 1)}; chỉ cột ${columnLetter(first + 1)} được tính, số liệu trong cột ${letter} không được tính. Hãy gộp số liệu vào cột ${columnLetter(first + 1)} rồi xoá cột ${letter}.`,
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
          row: rowOf(row.rowNumber),
          severity: issue.severity,
          message: issue.message + hint(issue.column, row.rowNumber),
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
