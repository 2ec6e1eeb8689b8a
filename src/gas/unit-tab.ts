/**
 * Validating a block of rows of a unit's tab and working out its marks: status column, a note and a
 * colour on each offending cell (planMarks). The callers read the block's values, notes and colours once
 * and write what changed in one Sheets API batch (edit-cells.ts): notes and colours only where they
 * change, the script's columns only where they change; the user's values are never written, and a cell
 * of a column the add-in did not make is never replaced.
 */
import type { LockContext } from "../core/approval";
import { applyLocks } from "../core/approval";
import type { CellValue } from "../core/cell";
import type { ColumnIndex } from "../core/columns";
import { mayOverwrite, unitColumns } from "../core/columns";
import type { MarkedRows, Stamp } from "../core/marks";
import { markRows } from "../core/marks";
import type { PeriodRule } from "../core/periods";
import type { Plan, Unit } from "../core/plan";
import { entryRuleChecker, withRuleIssues } from "../core/rules";
import type { Entry, UnitTabRead } from "../core/validate";
import { readUnitTab, withLocaleIssues } from "../core/validate";
import type { TabColumns } from "./tab-columns";

export interface BlockResult extends Omit<MarkedRows, "notes" | "backgrounds" | "scriptColumns"> {
  read: UnitTabRead;
  /**
   * Nothing was written: a column the kept layout calls the add-in's holds what the add-in could not
   * have written, so the layout may be out of date. Read the marks again and mark again.
   */
  recheck: boolean;
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
 * The entries that count among `values` (a tab's rows as read, header first, its columns where `at`
 * says): valid, and not left out by an approved period's lock. What the cross-field rules judge a row
 * with.
 */
export function countedEntries(
  plan: Plan,
  unit: Unit,
  values: CellValue[][],
  at: ColumnIndex,
  today: string,
  rule: PeriodRule,
  locks?: LockContext,
): Entry[] {
  const read = readUnitTab(plan, unit, values, { today, rule }, at);
  if (locks) applyLocks(read, values, locks);
  return read.rows.flatMap((r) => (r.entry ? [r.entry] : []));
}

/** The marks of a block: what to write, or a recheck (nothing to write) when the layout may be stale. */
export interface PlannedMarks {
  result: BlockResult;
  /** Notes, colours and script columns to write; null when there is nothing (no range, a recheck). */
  marked: MarkedRows | null;
}

/**
 * Validates `rows` (whole rows of a unit tab from column 1, as wide as `columns.width`, below the header)
 * and works out their marks from their current `cells` (notes and colours). With a stamp, the rows also
 * get who/when; with locks, rows of approved periods that do not count are marked so; with rules, the
 * cross-field rules over each row's period too; with the spreadsheet's locale (when it is not vi_VN), a
 * warning on typed dates it may have read month first.
 */
export function planMarks(
  plan: Plan,
  unit: Unit,
  columns: TabColumns,
  rows: CellValue[][],
  cells: { notes: string[][]; backgrounds: string[][] } | null,
  today: string,
  stamp?: Stamp,
  locks?: LockContext,
  rules?: RuleContext,
  locale?: string,
): PlannedMarks {
  const values = [[], ...rows];
  const rule = locks?.rule ?? rules?.rule;
  let read = readUnitTab(plan, unit, values, rule ? { today, rule } : { today }, columns.indexByKey);
  if (locks) applyLocks(read, values, locks, stamp);
  if (rules) {
    const own = read.rows.flatMap((r) => (r.entry ? [r.entry] : []));
    read = withRuleIssues(read, entryRuleChecker(plan, unit, [...(rules.others ?? []), ...own], rules.rule));
  }
  if (locale !== undefined) read = withLocaleIssues(read, values, locale);
  const none = { read, checked: 0, errors: 0, warnings: 0, entries: [], recheck: false };
  if (!cells || rows.length === 0) return { result: none, marked: null };
  const marked = markRows(read, rows, cells.notes, cells.backgrounds, stamp);
  for (const c of unitColumns(plan, unit)) {
    const at = columns.indexByKey[c.key];
    if (!c.scriptOwned || at === undefined || !marked.scriptColumns.has(at) || columns.fresh) continue;
    if (rows.every((r) => mayOverwrite(c, r[at]))) continue;
    // Marked, from the kept copy: perhaps stale. Found by header text: not ours to replace.
    if (columns.marked) return { result: { ...none, recheck: true }, marked: null };
    marked.scriptColumns.delete(at);
    console.warn(`${unit.tabName}: cột ${at + 1} có nội dung do người nhập; tiện ích không ghi đè.`);
  }
  const { checked, errors, warnings, entries } = marked;
  return { result: { read, checked, errors, warnings, entries, recheck: false }, marked };
}

/** Column number → its letters (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
