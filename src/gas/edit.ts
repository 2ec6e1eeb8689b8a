/**
 * The installable on-edit trigger: validates the rows a person just edited on a unit tab (one cell, a
 * row or a pasted block of hundreds) and marks them, then logs the edit. A handful of calls whatever
 * the size of the block: the header, the block's values, its notes and colours, one write of each.
 * A row staff type into a period the chairman approved stays as typed, marked, and is not counted.
 * Edits on the add-in's own tabs (office only) are logged too.
 */
import type { CellValue } from "../core/cell";
import { unitColumns } from "../core/columns";
import { SYSTEM_TABS } from "../core/plan";
import { unitHasRules } from "../core/rules";
import { lockContext } from "./approvals";
import { appendChange } from "./change-log";
import { currentPeople, getPlan, loadSettings, today, unitOfTab } from "./context";
import { countedEntries, markBlock, readHeader } from "./unit-tab";

const OWN_TABS: readonly string[] = Object.values(SYSTEM_TABS);

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const plan = getPlan();
  const tab = sheet.getName();
  const unit = unitOfTab(plan, tab);
  // Writing the change log is itself an edit of its tab by the script: no trigger fires for that.
  if (!unit && !OWN_TABS.includes(tab)) return;
  const settings = loadSettings(plan);
  const ss = e.source ?? sheet.getParent();
  const people = currentPeople(ss, settings);
  const user = e.user ? e.user.getEmail().toLowerCase() : "";
  const numRows = range.getNumRows();
  const numColumns = range.getNumColumns();
  appendChange(
    ss,
    {
      at: new Date(),
      user,
      tab,
      a1: range.getA1Notation(),
      oldValue: e.oldValue,
      newValue: e.value,
      cells: numRows * numColumns,
    },
    people.office,
  );
  if (!unit) return;

  // Rows below the header that the edit touched, clipped to where there is content.
  const lastRow = sheet.getLastRow();
  const first = Math.max(range.getRow(), 2);
  const last = Math.min(range.getRow() + numRows - 1, Math.max(lastRow, first));
  if (last < first) return;
  const stamp = { user, at: new Date() };
  const locks = lockContext(people, settings);
  if (unitHasRules(plan, unit)) {
    // The rules judge a row with the unit's other rows of its period: one read of the whole tab instead
    // of the block's.
    const rule = settings.periodRule;
    const width = Math.max(sheet.getLastColumn(), unitColumns(plan, unit).length);
    const values = sheet.getRange(1, 1, Math.max(lastRow, last), width).getValues() as CellValue[][];
    const outside = [values[0]!, ...values.slice(1, first - 1), ...values.slice(last)];
    const others = countedEntries(plan, unit, outside, today(), rule, locks);
    const rows = values.slice(first - 1, last);
    markBlock(plan, unit, sheet, values[0]!, first, rows, today(), stamp, locks, { rule, others });
    return;
  }
  const header = readHeader(sheet, unitColumns(plan, unit).length);
  const rows = sheet.getRange(first, 1, last - first + 1, header.length).getValues() as CellValue[][];
  markBlock(plan, unit, sheet, header, first, rows, today(), stamp, locks);
}
