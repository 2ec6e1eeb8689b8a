/**
 * A table laid out in core (layout.ts) as requests of one Sheets API batchUpdate (issue 17): what
 * table.ts writeTable does in about 28 SpreadsheetApp calls (clear, values, formats, weights, colours,
 * wraps, notes, each merge, each run of widths and heights, frozen rows), here a list of requests the
 * caller sends with others, so a whole read-only copy or the rollup tab is one request. The result in
 * the sheet is the same: whatever an earlier table left (merges, values, formats, notes, row heights)
 * goes first.
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request
 */
import type { CellValue } from "../core/cell";
import type { TableLayout } from "../core/layout";
import { serialOfInstant } from "../core/periods";
import { rgbOf, widthRequests } from "./sheets-batch";

type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;

/** A value as the API writes it: layout text carries the apostrophe that keeps it text (marks.ts). */
function apiValue(v: CellValue): GoogleAppsScript.Sheets.Schema.ExtendedValue | undefined {
  if (v === null || v === "") return undefined;
  if (typeof v === "number") return { numberValue: v };
  if (typeof v === "boolean") return { boolValue: v };
  // A date as Sheets keeps it: a serial number, Vietnam wall time.
  if (v instanceof Date) return { numberValue: serialOfInstant(v.getTime()) };
  return { stringValue: v.startsWith("'") ? v.slice(1) : v };
}

function cellOf(t: TableLayout, r: number, c: number): CellData {
  const cell: CellData = {};
  const value = apiValue(t.values[r]![c] ?? "");
  if (value) cell.userEnteredValue = value;
  const format: GoogleAppsScript.Sheets.Schema.CellFormat = { verticalAlignment: "TOP" };
  const pattern = t.formats[r]?.[c];
  // The layouts' patterns are whole numbers (#,##0) and percentages (0.0%).
  if (pattern) format.numberFormat = { type: pattern.endsWith("%") ? "PERCENT" : "NUMBER", pattern };
  if (t.bold[r]?.[c]) format.textFormat = { bold: true };
  const bg = t.backgrounds[r]?.[c];
  if (bg) format.backgroundColorStyle = { rgbColor: rgbOf(bg) };
  format.wrapStrategy = t.wraps[r]?.[c] ? "WRAP" : "OVERFLOW_CELL";
  cell.userEnteredFormat = format;
  const note = t.notes[r]?.[c];
  if (note) cell.note = note;
  return cell;
}

/**
 * The requests that make sheet `sheetId` (a grid of `gridRows` rows) show `t` from A1: earlier merges,
 * values, formats and notes cleared, the table's cells, merges, widths, rows fitted again then the
 * heights of wrapped merged rows, frozen rows.
 */
export function tableRequests(sheetId: number, gridRows: number, t: TableLayout): Request[] {
  const cols = t.widths.length;
  const rows = t.values.map((_, r) => ({ values: Array.from({ length: cols }, (_, c) => cellOf(t, r, c)) }));
  const out: Request[] = [
    { unmergeCells: { range: { sheetId } } },
    { updateCells: { range: { sheetId }, fields: "userEnteredValue,userEnteredFormat,note" } },
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows,
        fields: "userEnteredValue,userEnteredFormat,note",
      },
    },
    ...t.merges.map((m) => ({
      mergeCells: {
        range: {
          sheetId,
          startRowIndex: m.row - 1,
          endRowIndex: m.row - 1 + m.numRows,
          startColumnIndex: m.column - 1,
          endColumnIndex: m.column - 1 + m.numColumns,
        },
        mergeType: "MERGE_ROWS",
      },
    })),
    ...widthRequests(sheetId, t.widths),
    {
      autoResizeDimensions: {
        dimensions: {
          sheetId,
          dimension: "ROWS",
          startIndex: 0,
          endIndex: Math.max(gridRows, t.values.length),
        },
      },
    },
    ...t.heights.map((h) => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: "ROWS", startIndex: h.row - 1, endIndex: h.row - 1 + h.numRows },
        properties: { pixelSize: h.height },
        fields: "pixelSize",
      },
    })),
    {
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { frozenRowCount: t.frozenRows } },
        fields: "gridProperties.frozenRowCount",
      },
    },
  ];
  return out;
}
