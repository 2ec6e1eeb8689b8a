// The Sheets advanced service's cells: grid data in spreadsheets.get (`ranges`, a field mask naming
// sheets.data), and batchUpdate's updateCells and appendCells, for the fields the add-in's edit path
// uses: a cell's value (userEnteredValue), note, background (userEnteredFormat.backgroundColorStyle) and
// number format (userEnteredFormat.numberFormat). Anything else throws "Not implemented in the emulator".
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#griddata
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#celldata
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#updatecellsrequest
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#appendcellsrequest
import { notImplemented } from "../errors";
import { parseA1, type Rect, resolveRef } from "./a1";
import { rgbToHex } from "./colors";
import {
  assertCanEdit,
  cellAt,
  cellFor,
  lastRowWithContent,
  type SheetData,
  type SpreadsheetData,
} from "./model";
import { fromWallTime } from "./time";

type Obj = Record<string, unknown>;

/** The sheet and rectangle of an A1 range of `ranges` (no sheet name: the first sheet). */
export function rangeOf(sheets: SheetData[], a1: string): { sheet: SheetData; rect: Rect } {
  const ref = parseA1(a1);
  const sheet =
    ref && (ref.sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === ref.sheetName));
  if (!ref || !sheet) throw new Error(`Unable to parse range: ${a1}`);
  const rect = resolveRef(ref, sheet.maxRows, sheet.maxCols);
  // A range past the grid's edge is cut to it ("A1:Z" on a 5-column sheet is its five columns; not
  // recorded on Google: the add-in never asks past the edge).
  const numRows = Math.min(rect.numRows, sheet.maxRows - rect.row + 1);
  const numCols = Math.min(rect.numCols, sheet.maxCols - rect.col + 1);
  if (numRows < 1 || numCols < 1) throw new Error(`Unable to parse range: ${a1}`);
  return { sheet, rect: { ...rect, numRows, numCols } };
}

/** A date/time number format (its pattern has day, year, hour or second letters outside quotes). */
function isDatePattern(pattern: string | undefined): boolean {
  if (pattern === undefined) return false;
  return /[dyhs]/i.test(pattern.replace(/"[^"]*"|\\./g, ""));
}

function colorOf(hex: string): Obj {
  const [red, green, blue] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  // Proto3 JSON: a component at 0 is left out.
  const rgb: Obj = {};
  if (red) rgb.red = red;
  if (green) rgb.green = green;
  if (blue) rgb.blue = blue;
  return rgb;
}

/** What the add-in may ask of a cell in a get's field mask. */
const CELL_FIELDS = new Set(["note", "userEnteredFormat"]);
const FORMAT_FIELDS = new Set(["backgroundColorStyle"]);

type Mask = Map<string, Mask | null>;

/** Refuses a field mask asking grid data the emulator does not give (it would look like empty cells). */
export function checkGridMask(mask: Mask | null | undefined): void {
  const data = mask?.get("sheets")?.get("data");
  if (!data) return;
  const values = data.get("rowData")?.get("values");
  for (const key of data.keys())
    if (key !== "rowData" && key !== "startRow" && key !== "startColumn")
      notImplemented(`SpreadsheetsCollection.get field sheets.data.${key}`);
  if (data.get("rowData") === null || values === null)
    notImplemented("SpreadsheetsCollection.get field sheets.data.rowData without naming the cell's fields");
  for (const [key, sub] of values ?? []) {
    if (!CELL_FIELDS.has(key)) notImplemented(`SpreadsheetsCollection.get field CellData.${key}`);
    if (key === "userEnteredFormat")
      for (const f of sub?.keys() ?? ["*"])
        if (!FORMAT_FIELDS.has(f)) notImplemented(`SpreadsheetsCollection.get field CellFormat.${f}`);
  }
}

function cellResource(sheet: SheetData, row: number, col: number): Obj {
  const c = cellAt(sheet, row, col);
  const out: Obj = {};
  if (c?.note) out.note = c.note;
  if (c?.bg) out.userEnteredFormat = { backgroundColorStyle: { rgbColor: colorOf(c.bg) } };
  return out;
}

/**
 * One GridData: rows from `rect`'s first, each row's cells from its first column. Empty cells at the end
 * of a row and empty rows at the end are left out, as the API does for values ("Empty trailing rows and
 * columns are omitted", ValueRange); for grid data this is not recorded on Google, so it is the stricter
 * case for readers: they must take a missing cell or row as empty.
 */
export function gridData(sheet: SheetData, rect: Rect): Obj {
  const rowData: Obj[] = [];
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    const values: Obj[] = [];
    for (let k = rect.col; k < rect.col + rect.numCols; k++) values.push(cellResource(sheet, r, k));
    while (values.length > 0 && Object.keys(values[values.length - 1]!).length === 0) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && Object.keys(rowData[rowData.length - 1]!).length === 0) rowData.pop();
  const out: Obj = {};
  if (rect.row > 1) out.startRow = rect.row - 1;
  if (rect.col > 1) out.startColumn = rect.col - 1;
  out.rowData = rowData;
  return out;
}

// ---- writing cells ----

function invalid(message: string): Error {
  return new Error(
    `API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests: ${message}`,
  );
}

const WRITE_FIELDS = new Set([
  "note",
  "userEnteredValue",
  "userEnteredFormat.backgroundColorStyle",
  "userEnteredFormat.numberFormat",
]);

function writeFields(fields: unknown): string[] {
  if (typeof fields !== "string" || fields === "") throw invalid("'fields' is required.");
  const out = fields.split(",").map((f) => f.trim());
  for (const f of out)
    if (!WRITE_FIELDS.has(f)) notImplemented(`SpreadsheetsCollection.batchUpdate cell field "${f}"`);
  return out;
}

/** Sets `fields` of the model's cell from a CellData (a field the CellData lacks is cleared). */
function writeCellData(
  ss: SpreadsheetData,
  sheet: SheetData,
  row: number,
  col: number,
  d: Obj,
  fields: string[],
) {
  const exists = cellAt(sheet, row, col);
  if (!exists && Object.keys(d).length === 0) return;
  const c = cellFor(sheet, row, col);
  const format = (d.userEnteredFormat ?? {}) as Obj;
  if (fields.includes("note")) {
    if (typeof d.note === "string" && d.note !== "") c.note = d.note;
    else delete c.note;
  }
  if (fields.includes("userEnteredFormat.backgroundColorStyle")) {
    const rgb = ((format.backgroundColorStyle ?? {}) as Obj).rgbColor as Record<string, number> | undefined;
    const hex = rgb
      ? rgbToHex(
          ...(["red", "green", "blue"].map((k) => Math.round((rgb[k] ?? 0) * 255)) as [
            number,
            number,
            number,
          ]),
        )
      : undefined;
    if (hex === undefined || hex === "#ffffff") delete c.bg;
    else c.bg = hex;
  }
  if (fields.includes("userEnteredFormat.numberFormat")) {
    const nf = format.numberFormat as { type?: string; pattern?: string } | undefined;
    if (nf?.pattern) c.nf = nf.pattern;
    else if (nf?.type === "TEXT") c.nf = "@";
    else if (nf) notImplemented("SpreadsheetsCollection.batchUpdate numberFormat without a pattern");
    else delete c.nf;
  }
  if (fields.includes("userEnteredValue")) {
    const v = (d.userEnteredValue ?? {}) as Obj;
    delete c.v;
    delete c.f;
    if (typeof v.stringValue === "string") {
      if (v.stringValue !== "") c.v = v.stringValue;
    } else if (typeof v.numberValue === "number") {
      // Sheets keeps a number; Apps Script reads it as a Date where the cell's format is a date's.
      if (isDatePattern(c.nf)) {
        const local = new Date(Date.UTC(1899, 11, 30) + Math.round(v.numberValue * 86400000));
        const wall = {
          year: local.getUTCFullYear(),
          month: local.getUTCMonth() + 1,
          day: local.getUTCDate(),
          hour: local.getUTCHours(),
          minute: local.getUTCMinutes(),
          second: local.getUTCSeconds(),
          millisecond: local.getUTCMilliseconds(),
        };
        c.v = new Date(fromWallTime(wall, ss.timeZone));
      } else c.v = v.numberValue;
    } else if (typeof v.boolValue === "boolean") c.v = v.boolValue;
    else if (typeof v.formulaValue === "string") c.f = v.formulaValue;
    else if (Object.keys(v).length > 0) throw invalid(`userEnteredValue ${JSON.stringify(v)}`);
  }
}

function rowsOf(r: Obj): Obj[][] {
  const rows = r.rows ?? [];
  if (!Array.isArray(rows)) throw invalid("rows must be a list.");
  return rows.map((row: Obj) => {
    const values = row?.values ?? [];
    if (!Array.isArray(values)) throw invalid("rows[].values must be a list.");
    return values as Obj[];
  });
}

type Prepared = { apply(): Obj | null };
interface Batch {
  ss: SpreadsheetData;
  user: string;
}

function sheetById(b: Batch, id: unknown): SheetData {
  const sheet = b.ss.sheets.find((s) => !s.deleted && s.sheetId === ((id as number | undefined) ?? 0));
  if (!sheet) throw invalid(`No grid with id: ${String(id ?? 0)}`);
  return sheet;
}

export const CELL_REQUESTS: Record<string, (b: Batch, r: Obj) => Prepared> = {
  updateCells(b, r) {
    const fields = writeFields(r.fields);
    const rows = rowsOf(r);
    const g = r.range as Obj | undefined;
    const start = r.start as Obj | undefined;
    if ((g === undefined) === (start === undefined))
      throw invalid("updateCells needs one of range or start.");
    const sheet = sheetById(b, (g ?? start)!.sheetId);
    const row0 = ((g?.startRowIndex ?? start?.rowIndex ?? 0) as number) + 1;
    const col0 = ((g?.startColumnIndex ?? start?.columnIndex ?? 0) as number) + 1;
    const width = Math.max(0, ...rows.map((x) => x.length));
    // With a range, its cells the rows do not reach are written empty: their fields cleared.
    const rect: Rect = g
      ? {
          row: row0,
          col: col0,
          numRows: ((g.endRowIndex as number | undefined) ?? sheet.maxRows) - row0 + 1,
          numCols: ((g.endColumnIndex as number | undefined) ?? sheet.maxCols) - col0 + 1,
        }
      : { row: row0, col: col0, numRows: rows.length, numCols: width };
    if (rect.numRows < 1 || rect.numCols < 1) return { apply: () => null };
    if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols)
      throw invalid(`Range (${sheet.name}!R${rect.row}C${rect.col}) exceeds grid limits.`);
    if (b.user !== "") assertCanEdit(b.ss, sheet, rect, b.user);
    return {
      apply() {
        for (let i = 0; i < rect.numRows; i++) {
          const line = rows[i] ?? [];
          const n = g ? rect.numCols : line.length;
          for (let k = 0; k < n; k++)
            writeCellData(b.ss, sheet, rect.row + i, rect.col + k, (line[k] ?? {}) as Obj, fields);
        }
        return null;
      },
    };
  },
  appendCells(b, r) {
    const fields = writeFields(r.fields);
    const rows = rowsOf(r);
    const sheet = sheetById(b, r.sheetId);
    const width = Math.max(1, ...rows.map((x) => x.length));
    if (width > sheet.maxCols) throw invalid(`appendCells is wider than the grid of ${sheet.name}.`);
    // "Appends new cells after the last row with data in a sheet, inserting new rows if necessary."
    const at = lastRowWithContent(sheet) + 1;
    if (b.user !== "")
      assertCanEdit(
        b.ss,
        sheet,
        { row: Math.min(at, sheet.maxRows), col: 1, numRows: 1, numCols: width },
        b.user,
      );
    return {
      apply() {
        const last = at + rows.length - 1;
        if (last > sheet.maxRows) sheet.maxRows = last;
        rows.forEach((line, i) => {
          line.forEach((d, k) => {
            writeCellData(b.ss, sheet, at + i, k + 1, (d ?? {}) as Obj, fields);
          });
        });
        return null;
      },
    };
  },
};
