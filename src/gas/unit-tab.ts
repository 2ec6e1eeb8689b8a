/**
 * Validating a block of rows of a unit's tab and marking the result: status column, a note and a colour
 * on each offending cell. One read of the values, notes and colours of the block, one write of each;
 * the user's values are never written.
 */
import type { LockContext } from "../core/approval";
import { applyLocks } from "../core/approval";
import type { CellValue } from "../core/cell";
import type { MarkedRows, Stamp } from "../core/marks";
import { markRows } from "../core/marks";
import type { PeriodRule } from "../core/periods";
import type { Plan, Unit } from "../core/plan";
import { entryRuleChecker, withRuleIssues } from "../core/rules";
import type { Entry, UnitTabRead } from "../core/validate";
import { readUnitTab } from "../core/validate";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface BlockResult extends Omit<MarkedRows, "notes" | "backgrounds" | "scriptColumns"> {
  read: UnitTabRead;
}

/** Writes column values for rows [firstRow, firstRow + n): contiguous columns go in one call. */
function writeColumns(sheet: Sheet, firstRow: number, columns: Map<number, CellValue[]>): void {
  const indexes = [...columns.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < indexes.length) {
    let end = start;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end]! + 1) end++;
    const run = indexes.slice(start, end + 1);
    const height = columns.get(run[0]!)!.length;
    const block: CellValue[][] = [];
    for (let r = 0; r < height; r++) block.push(run.map((c) => columns.get(c)![r] ?? ""));
    sheet.getRange(firstRow, run[0]! + 1, height, run.length).setValues(block);
    start = end + 1;
  }
}

/**
 * The cross-field rules to judge rows by: the period rule, and the unit's entries that count in rows
 * outside the block (none when the block is the whole tab); the block's own are added to them.
 */
export interface RuleContext {
  rule: PeriodRule;
  others?: readonly Entry[];
}

/**
 * The entries that count among `values` (a tab's rows as read, header first): valid, and not left out
 * by an approved period's lock. What the cross-field rules judge a row with.
 */
export function countedEntries(
  plan: Plan,
  unit: Unit,
  values: CellValue[][],
  today: string,
  rule: PeriodRule,
  locks?: LockContext,
): Entry[] {
  const read = readUnitTab(plan, unit, values, { today, rule });
  if (locks) applyLocks(read, values, locks);
  return read.rows.flatMap((r) => (r.entry ? [r.entry] : []));
}

/**
 * Validates rows [firstRow, firstRow + rows.length) given their values and the header row, and marks
 * them. `width` is the number of columns read. With a stamp, the rows also get who/when; with locks,
 * rows of approved periods that do not count are marked so; with rules, the cross-field rules over
 * each row's period too.
 */
export function markBlock(
  plan: Plan,
  unit: Unit,
  sheet: Sheet,
  header: CellValue[],
  firstRow: number,
  rows: CellValue[][],
  today: string,
  stamp?: Stamp,
  locks?: LockContext,
  rules?: RuleContext,
): BlockResult {
  const width = header.length;
  const values = [header, ...rows];
  const rule = locks?.rule ?? rules?.rule;
  let read = readUnitTab(plan, unit, values, rule ? { today, rule } : { today });
  if (locks) applyLocks(read, values, locks, stamp);
  if (rules) {
    const own = read.rows.flatMap((r) => (r.entry ? [r.entry] : []));
    read = withRuleIssues(read, entryRuleChecker(plan, unit, [...(rules.others ?? []), ...own], rules.rule));
  }
  if (rows.length === 0 || width === 0) return { read, checked: 0, errors: 0, warnings: 0, entries: [] };
  const range = sheet.getRange(firstRow, 1, rows.length, width);
  const marked = markRows(read, rows, range.getNotes(), range.getBackgrounds(), stamp);
  range.setNotes(marked.notes);
  range.setBackgrounds(marked.backgrounds as string[][]);
  writeColumns(sheet, firstRow, marked.scriptColumns);
  const { checked, errors, warnings, entries } = marked;
  return { read, checked, errors, warnings, entries };
}

/** The header row of a tab, at least `minWidth` wide (the plan's columns), in one read. */
export function readHeader(sheet: Sheet, minWidth: number): CellValue[] {
  const width = Math.max(sheet.getLastColumn(), minWidth, 1);
  return sheet.getRange(1, 1, 1, width).getValues()[0] as CellValue[];
}

/** Column number → its letters (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
