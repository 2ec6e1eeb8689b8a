/**
 * The installable on-edit trigger: validates the rows a person just edited on a unit tab (one cell, a
 * row or a pasted block of hundreds) and marks them, then logs the edit. A handful of calls whatever
 * the size of the block: the header, the block's values, its notes and colours, one write of each.
 */
import type { CellValue } from "../core/cell";
import { unitColumns } from "../core/columns";
import { appendChange } from "./change-log";
import { getPlan, today, unitOfTab } from "./context";
import { markBlock, readHeader } from "./unit-tab";

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const plan = getPlan();
  const unit = unitOfTab(plan, sheet.getName());
  if (!unit) return;
  const user = e.user ? e.user.getEmail() : "";
  const ss = e.source ?? sheet.getParent();
  const numRows = range.getNumRows();
  const numColumns = range.getNumColumns();
  appendChange(ss, {
    at: new Date(),
    user,
    tab: sheet.getName(),
    a1: range.getA1Notation(),
    oldValue: e.oldValue,
    newValue: e.value,
    cells: numRows * numColumns,
  });

  // Rows below the header that the edit touched, clipped to where there is content.
  const first = Math.max(range.getRow(), 2);
  const last = Math.min(range.getRow() + numRows - 1, Math.max(sheet.getLastRow(), first));
  if (last < first) return;
  const header = readHeader(sheet, unitColumns(plan, unit).length);
  const rows = sheet.getRange(first, 1, last - first + 1, header.length).getValues() as CellValue[][];
  markBlock(plan, unit, sheet, header, first, rows, today(), { user, at: new Date() });
}
