/**
 * Validating a block of rows of a unit's tab and marking the result: status column, a note and a colour
 * on each offending cell. One read of the values, notes and colours of the block, one write of each;
 * the user's values are never written.
 */
import type { CellValue } from "../core/cell";
import type { Column, ColumnKey } from "../core/columns";
import { cellNote, issuesByColumn, mergeBackground, mergeNote, statusText } from "../core/marks";
import type { Plan, Unit } from "../core/plan";
import type { Entry, EntryIssue, UnitTabRead } from "../core/validate";
import { checkRules, readUnitTab } from "../core/validate";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface BlockResult {
  read: UnitTabRead;
  /** Rows that hold something, with their issues. */
  checked: number;
  errors: number;
  warnings: number;
  entries: Entry[];
}

/** Who and when to stamp into the script's columns for rows a person just edited. */
export interface Stamp {
  user: string;
  at: Date;
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
 * Validates rows [firstRow, firstRow + rows.length) given their values and the header row, and marks
 * them. `width` is the number of columns read. With a stamp, the rows also get who/when.
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
): BlockResult {
  const width = header.length;
  const read = readUnitTab(plan, unit, [header, ...rows], { today });
  const result: BlockResult = { read, checked: 0, errors: 0, warnings: 0, entries: [] };
  if (rows.length === 0 || width === 0) return result;
  const col = read.indexByKey;
  const range = sheet.getRange(firstRow, 1, rows.length, width);
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  const inputColumns: Column[] = read.columns.filter((c) => !c.scriptOwned && col[c.key] !== undefined);

  const statuses: CellValue[] = [];
  const users: CellValue[] = [];
  const times: CellValue[] = [];
  read.rows.forEach((row, i) => {
    const noteRow = notes[i]!;
    const bgRow = backgrounds[i]!;
    const issues: EntryIssue[] = row.blank ? [] : row.issues;
    if (!row.blank) {
      result.checked++;
      result.errors += issues.filter((x) => x.severity === "error").length;
      result.warnings += issues.filter((x) => x.severity === "warning").length;
      if (row.entry) result.entries.push(row.entry);
    }
    const byColumn = issuesByColumn(issues, "status");
    for (const c of inputColumns) {
      const at = col[c.key]!;
      const own = byColumn.get(c.key) ?? [];
      noteRow[at] = mergeNote(noteRow[at] ?? "", cellNote(own));
      bgRow[at] = mergeBackground(bgRow[at] ?? "", own) as string;
    }
    if (col.status !== undefined) {
      // The status cell carries the row's colour, so a long sheet can be scanned by its status column.
      bgRow[col.status] = mergeBackground(bgRow[col.status] ?? "", issues) as string;
      statuses.push(row.blank ? "" : statusText(issues));
    }
    const previousUser = rows[i]![col.enteredBy ?? -1] ?? "";
    const previousTime = rows[i]![col.updatedAt ?? -1] ?? "";
    users.push(stamp && !row.blank ? stamp.user : previousUser);
    times.push(stamp && !row.blank ? stamp.at : previousTime);
  });

  range.setNotes(notes);
  range.setBackgrounds(backgrounds);
  const scriptColumns = new Map<number, CellValue[]>();
  if (col.status !== undefined) scriptColumns.set(col.status, statuses);
  if (stamp && col.enteredBy !== undefined) scriptColumns.set(col.enteredBy, users);
  if (stamp && col.updatedAt !== undefined) scriptColumns.set(col.updatedAt, times);
  writeColumns(sheet, firstRow, scriptColumns);
  return result;
}

/** The header row of a tab, at least `minWidth` wide (the plan's columns), in one read. */
export function readHeader(sheet: Sheet, minWidth: number): CellValue[] {
  const width = Math.max(sheet.getLastColumn(), minWidth, 1);
  return sheet.getRange(1, 1, 1, width).getValues()[0] as CellValue[];
}

/** Cross-field rules over each period's totals of one unit: issues for the summary, not a cell. */
export function ruleIssues(plan: Plan, unit: Unit, entries: Entry[]): EntryIssue[] {
  return checkRules(plan, unit.id, entries);
}

export type { ColumnKey };
