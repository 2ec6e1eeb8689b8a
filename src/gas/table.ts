/**
 * Writes a table laid out in core (layout.ts) into a sheet, in one batchUpdate (table-batch.ts), and
 * lays out and appends to the log tabs.
 */
import type { CellValue } from "../core/cell";
import type { TableLayout } from "../core/layout";
import { HEADER_BACKGROUND } from "../core/layout";
import type { LogLayout } from "../core/tables";
import { logRow } from "../core/tables";
import { sendBatch } from "./sheets-batch";
import { tableRequests } from "./table-batch";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sets widths in px, adjacent columns of the same width in one call. */
export function setWidths(sheet: Sheet, widths: readonly (number | undefined)[]): void {
  for (let c = 0; c < widths.length; c++) {
    const width = widths[c];
    if (width === undefined) continue;
    let n = 1;
    while (c + n < widths.length && widths[c + n] === width) n++;
    sheet.setColumnWidths(c + 1, n, width);
    c += n - 1;
  }
}

/**
 * Writes the table unless the sheet already shows exactly its values (a re-run of setup, settings saved
 * unchanged): then one read instead of a dozen writes.
 */
export function writeTableIfChanged(sheet: Sheet, t: TableLayout): void {
  const shown = sheet.getDataRange().getValues();
  // What Sheets keeps of a written text: the apostrophe that made it text is not part of the value.
  const same = (v: CellValue, w: unknown) => (typeof v === "string" ? v.replace(/^'/, "") : v) === w;
  const unchanged =
    shown.length === t.values.length &&
    t.values.every((row, r) => row.length === shown[r]!.length && row.every((v, c) => same(v, shown[r]![c])));
  if (!unchanged) writeTable(sheet, t);
}

/**
 * Writes the table from A1 with one batchUpdate (table-batch.ts) instead of about 28 SpreadsheetApp
 * calls; whatever an earlier table left (merges, values, formats, notes, row heights) goes first.
 */
export function writeTable(sheet: Sheet, t: TableLayout): void {
  sendBatch(sheet.getParent(), tableRequests(sheet.getSheetId(), sheet.getMaxRows(), t));
}

/**
 * A log tab's header, widths, column formats and frozen header; writes the header only where empty. A
 * log laid out before (its body wraps, which only this sets) is left as it is, widths people adjusted
 * included: setup run again costs two reads here.
 */
export function layoutLog(sheet: Sheet, layout: LogLayout): void {
  const width = layout.header.length;
  const header = sheet.getRange(1, 1, 1, width);
  const empty = header.getValues()[0]!.every((v) => v === "");
  if (empty) header.setValues([[...layout.header]]);
  else if (sheet.getRange(2, 1).getWrap()) return;
  header.setFontWeight("bold").setBackground(HEADER_BACKGROUND).setVerticalAlignment("top");
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  setWidths(sheet, layout.widths);
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  sheet.getRange(2, 1, rows, width).setWrap(true).setVerticalAlignment("top");
  layout.formats.forEach((format, c) => {
    if (format) sheet.getRange(2, c + 1, rows, 1).setNumberFormat(format);
  });
}

/**
 * Appends rows to a log tab, each cell no taller than three lines, the full text in its note. One row
 * goes by appendRow, which Sheets keeps whole when two executions append at once.
 */
export function appendLogRows(sheet: Sheet, layout: LogLayout, rows: CellValue[][]): void {
  if (rows.length === 0) return;
  const fitted = rows.map((r) => logRow(layout, r));
  const noted = fitted.some((f) => f.notes.some((n) => n !== ""));
  const width = layout.header.length;
  if (fitted.length === 1) {
    sheet.appendRow(fitted[0]!.values);
    if (noted) sheet.getRange(sheet.getLastRow(), 1, 1, width).setNotes([fitted[0]!.notes]);
    return;
  }
  // appendRow grows the sheet; a range past its last row does not: grow it first.
  const at = sheet.getLastRow() + 1;
  const max = sheet.getMaxRows();
  if (at + rows.length - 1 > max) sheet.insertRowsAfter(max, at + rows.length - 1 - max);
  const range = sheet.getRange(at, 1, rows.length, width);
  range.setValues(fitted.map((f) => f.values));
  if (noted) range.setNotes(fitted.map((f) => f.notes));
}
