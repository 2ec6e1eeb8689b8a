// The Sheets advanced service's grid data: what spreadsheets.get gives with `ranges` and a field mask
// naming sheets.data (the cells' notes and backgrounds), and the A1 ranges every read of the API takes
// (spreadsheets.get's `ranges`, values.batchGet's). Anything else throws "Not implemented in the emulator".
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#griddata
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#celldata
// https://developers.google.com/sheets/api/guides/concepts#cell (A1 notation without a sheet name: the
// first visible sheet)
import { notImplemented } from "../errors";
import { parseA1, type Rect, resolveRef } from "./a1";
import { cellAt, type SheetData } from "./model";

type Obj = Record<string, unknown>;
export type Mask = Map<string, Mask | null>;

/**
 * The sheet and rectangle of an A1 range (no sheet name: the first visible sheet); `bad` is the
 * request's error for a range it cannot read. A range past the grid's edge is cut to it ("A1:Z" on a
 * 5-column sheet is its five columns); one wholly past it is refused.
 */
export function rangeOf(
  live: SheetData[],
  a1: string,
  bad: (a1: string) => Error,
): { sheet: SheetData; rect: Rect } {
  const ref = parseA1(a1);
  const sheet =
    ref &&
    (ref.sheetName === undefined ? live.find((s) => !s.hidden) : live.find((s) => s.name === ref.sheetName));
  if (!ref || !sheet) throw bad(a1);
  const rect = resolveRef(ref, sheet.maxRows, sheet.maxCols);
  const numRows = Math.min(rect.numRows, sheet.maxRows - rect.row + 1);
  const numCols = Math.min(rect.numCols, sheet.maxCols - rect.col + 1);
  if (numRows < 1 || numCols < 1) throw bad(a1);
  return { sheet, rect: { ...rect, numRows, numCols } };
}

/** An API colour (components 0–1) of "#rrggbb"; proto3 JSON: a component at 0 is left out. */
function colorOf(hex: string): Obj {
  const [red, green, blue] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const rgb: Obj = {};
  if (red) rgb.red = red;
  if (green) rgb.green = green;
  if (blue) rgb.blue = blue;
  return rgb;
}

/** What the add-in may ask of a cell in a get's field mask. */
const CELL_FIELDS = new Set(["note", "userEnteredFormat"]);
const FORMAT_FIELDS = new Set(["backgroundColorStyle"]);

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
