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
import { HEADER_BACKGROUND } from "../core/layout";
import { serialOfInstant } from "../core/periods";
import type { LogLayout } from "../core/tables";
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

/** The API's number format of a pattern the add-in writes: "@" text, a date or time, else a number. */
function numberFormatOf(pattern: string): GoogleAppsScript.Sheets.Schema.NumberFormat {
  if (pattern === "@") return { type: "TEXT", pattern };
  return { type: /[dyhs]/i.test(pattern) ? "DATE_TIME" : "NUMBER", pattern };
}

/**
 * The requests that lay out a new, empty log tab (`rows` rows) as table.ts layoutLog does with
 * SpreadsheetApp: the header and its look, the frozen header, widths, every row below wrapped and
 * top-aligned with its column's number format. For a tab made in the same batch (setup.ts).
 */
export function logRequests(sheetId: number, rows: number, layout: LogLayout): Request[] {
  const width = layout.header.length;
  const range = (r0: number, r1: number, c0: number, c1: number) => ({
    sheetId,
    startRowIndex: r0,
    endRowIndex: r1,
    startColumnIndex: c0,
    endColumnIndex: c1,
  });
  const below = Math.max(rows, 2);
  return [
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: [{ values: layout.header.map((h) => ({ userEnteredValue: { stringValue: h } })) }],
        fields: "userEnteredValue",
      },
    },
    {
      repeatCell: {
        range: range(0, 1, 0, width),
        cell: {
          userEnteredFormat: {
            textFormat: { bold: true },
            backgroundColorStyle: { rgbColor: rgbOf(HEADER_BACKGROUND) },
            verticalAlignment: "TOP",
          },
        },
        fields: "userEnteredFormat(textFormat.bold,backgroundColorStyle,verticalAlignment)",
      },
    },
    {
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
        fields: "gridProperties.frozenRowCount",
      },
    },
    ...widthRequests(sheetId, layout.widths),
    {
      repeatCell: {
        range: range(1, below, 0, width),
        cell: { userEnteredFormat: { wrapStrategy: "WRAP", verticalAlignment: "TOP" } },
        fields: "userEnteredFormat(wrapStrategy,verticalAlignment)",
      },
    },
    ...layout.formats.flatMap((pattern, c): Request[] =>
      pattern
        ? [
            {
              repeatCell: {
                range: range(1, below, c, c + 1),
                cell: { userEnteredFormat: { numberFormat: numberFormatOf(pattern) } },
                fields: "userEnteredFormat.numberFormat",
              },
            },
          ]
        : [],
    ),
  ];
}
