// batchUpdate's requests on cells and sheets: sheets added, renamed and deleted; cells written or cleared
// with updateCells and appendCells; merges made and broken; rows fitted again; and the cell format fields
// repeatCell shares with updateCells. Each works on the same model SpreadsheetApp reads, as its
// counterpart there does (insertSheet, deleteSheet, Range.setValues with text kept as text,
// setNumberFormats, setFontWeights, setBackgrounds, setWraps, setVerticalAlignment, setNotes, clear,
// mergeAcross, breakApart, autoResizeRows, appendRow). Requests of one batch see what earlier ones did: a
// sheet added with a chosen id takes cells in the same batch.
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#CellData
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#updatecellsrequest
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#appendcellsrequest
import { contains, intersects, type Rect } from "./a1";
import type { CountFn } from "../counter";
import { notImplemented } from "../errors";
import { rgbToHex } from "./colors";
import { isDateFormat, serialToInstant } from "./format";
import {
  assertCanEdit,
  assertCanEditSheet,
  type CellData,
  cellAt,
  cellFor,
  clearFormats,
  lastRowWithContent,
  newSheetData,
  type SheetData,
} from "./model";
import { type Batch, type GridRange, invalid, type Prepared, rectOf, sheetById } from "./sheets-api";
import { findSheetByName, newSheetId, removeSheet } from "./sheets";

type Obj = Record<string, unknown>;
type Setter = (c: CellData) => void;

/** A sheet title a request may give: not empty, not another sheet's (one added earlier in the batch included). */
export function titleFor(b: Batch, title: unknown, self: SheetData | undefined): string {
  if (typeof title !== "string" || title.trim() === "") throw invalid("A sheet's title must not be empty.");
  const clash = [...b.added.values()].find((s) => s.name === title) ?? findSheetByName(b.ss, title);
  if (clash && clash !== self && !b.removed.has(clash))
    throw invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
  return title;
}

// ---- a cell's user-entered format, field by field ----

const VERTICAL: Record<string, string | undefined> = { TOP: "top", MIDDLE: "middle", BOTTOM: undefined };
const FORMAT_FIELDS = [
  "numberFormat",
  "textFormat",
  "backgroundColorStyle",
  "wrapStrategy",
  "verticalAlignment",
];

/**
 * What writing the field `path` of CellFormat (`""`: the whole format, whose absent fields are cleared)
 * from `f` does to a cell; throws what the API refuses before anything is written.
 */
export function formatSetter(path: string, f: Obj | undefined, request: string): Setter {
  const format = f ?? {};
  if (path === "") {
    for (const k of Object.keys(format))
      if (!FORMAT_FIELDS.includes(k))
        notImplemented(`SpreadsheetsCollection.batchUpdate ${request} userEnteredFormat.${k}`);
    const each = FORMAT_FIELDS.map((k) => formatSetter(k, format, request));
    return (c) => {
      clearFormats(c, true);
      for (const set of each) set(c);
    };
  }
  if (path === "numberFormat") {
    // NumberFormat.type: "When writing, this field must be set."
    const nf = format.numberFormat as { type?: unknown; pattern?: unknown } | undefined;
    if (nf === undefined)
      return (c) => {
        delete c.nf;
      };
    if (typeof nf.type !== "string") throw invalid("numberFormat.type must be set.");
    const pattern =
      typeof nf.pattern === "string" && nf.pattern !== "" ? nf.pattern : nf.type === "TEXT" ? "@" : undefined;
    if (pattern === undefined)
      notImplemented(`SpreadsheetsCollection.batchUpdate ${request} numberFormat without a pattern`);
    return (c) => {
      c.nf = pattern;
    };
  }
  if (path === "textFormat" || path === "textFormat.bold") {
    const text = (format.textFormat ?? {}) as Obj;
    for (const k of Object.keys(text))
      if (k !== "bold") notImplemented(`SpreadsheetsCollection.batchUpdate ${request} textFormat.${k}`);
    const bold = text.bold === true;
    return (c) => {
      if (bold) c.fw = "bold";
      else delete c.fw;
    };
  }
  if (path === "backgroundColorStyle") {
    const rgb = (format.backgroundColorStyle as { rgbColor?: Record<string, number | undefined> } | undefined)
      ?.rgbColor;
    const hex = rgb
      ? rgbToHex(
          ...((["red", "green", "blue"] as const).map((k) => (rgb[k] ?? 0) * 255) as [
            number,
            number,
            number,
          ]),
        )
      : undefined;
    // White is the cell without a background, as SpreadsheetApp keeps it.
    return (c) => {
      if (hex === undefined || hex === "#ffffff") delete c.bg;
      else c.bg = hex;
    };
  }
  if (path === "wrapStrategy") {
    const wrap = format.wrapStrategy ?? "OVERFLOW_CELL";
    if (wrap !== "WRAP" && wrap !== "OVERFLOW_CELL")
      notImplemented(`SpreadsheetsCollection.batchUpdate ${request} wrapStrategy "${String(wrap)}"`);
    return (c) => {
      if (wrap === "WRAP") c.wrap = true;
      else delete c.wrap;
    };
  }
  if (path === "verticalAlignment") {
    const va = format.verticalAlignment ?? "BOTTOM";
    if (typeof va !== "string" || !(va in VERTICAL)) throw invalid(`verticalAlignment ${String(va)}`);
    const to = VERTICAL[va];
    return (c) => {
      if (to) c.va = to;
      else delete c.va;
    };
  }
  return notImplemented(`SpreadsheetsCollection.batchUpdate ${request} field "userEnteredFormat.${path}"`);
}

/**
 * What writing a user-entered value does to a cell: text stays text (nothing is parsed), a formula is a
 * formula; a number in a cell formatted as a date or time is that date (Sheets keeps a serial number;
 * SpreadsheetApp reads it as a Date), so the format is set first.
 */
function valueSetter(v: Obj | undefined, timeZone: string): Setter {
  const value = v ?? {};
  const clear = (c: CellData) => {
    delete c.v;
    delete c.f;
  };
  if (typeof value.stringValue === "string") {
    const text = value.stringValue;
    return (c) => {
      clear(c);
      if (text !== "") c.v = text;
    };
  }
  if (typeof value.numberValue === "number") {
    const n = value.numberValue;
    return (c) => {
      clear(c);
      c.v = c.nf !== undefined && isDateFormat(c.nf) ? new Date(serialToInstant(n, timeZone)) : n;
    };
  }
  if (typeof value.boolValue === "boolean") {
    const bool = value.boolValue;
    return (c) => {
      clear(c);
      c.v = bool;
    };
  }
  if (typeof value.formulaValue === "string") {
    const formula = value.formulaValue;
    return (c) => {
      clear(c);
      c.f = formula;
    };
  }
  if (Object.keys(value).length > 0) throw invalid(`userEnteredValue ${JSON.stringify(value)}`);
  return clear;
}

/** The CellData fields a request's mask writes: "note", "userEnteredValue", "userEnteredFormat[.field]". */
function cellFields(r: Obj, request: string): string[] {
  if (typeof r.fields !== "string" || r.fields.trim() === "")
    throw invalid("'fields' is required (use '*' for all).");
  if (r.fields.trim() === "*") return ["userEnteredValue", "userEnteredFormat", "note"];
  const out = r.fields.split(",").map((f) => f.trim());
  for (const f of out)
    if (
      f !== "note" &&
      f !== "userEnteredValue" &&
      f !== "userEnteredFormat" &&
      !f.startsWith("userEnteredFormat.")
    )
      notImplemented(`SpreadsheetsCollection.batchUpdate ${request} field "${f}"`);
  return out;
}

/** What writing `fields` of the CellData `d` does to a cell (fields `d` lacks are cleared), checked now. */
function cellSetter(d: Obj | undefined, fields: string[], timeZone: string, request: string): Setter {
  const data = d ?? {};
  const format = data.userEnteredFormat as Obj | undefined;
  const sets: Setter[] = [];
  for (const f of fields)
    if (f === "userEnteredFormat" || f.startsWith("userEnteredFormat."))
      sets.push(formatSetter(f.slice("userEnteredFormat.".length), format, request));
  if (fields.includes("note")) {
    const note = typeof data.note === "string" && data.note !== "" ? data.note : undefined;
    sets.push((c) => {
      if (note === undefined) delete c.note;
      else c.note = note;
    });
  }
  if (fields.includes("userEnteredValue"))
    sets.push(valueSetter(data.userEnteredValue as Obj | undefined, timeZone));
  return (c) => {
    for (const set of sets) set(c);
  };
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

/**
 * Each given cell's setter, checked before any cell is written ("nothing is applied" if one is bad); null
 * for an empty CellData, which only clears.
 */
function settersOf(b: Batch, rows: Obj[][], fields: string[], request: string): (Setter | null)[][] {
  return rows.map((line) =>
    line.map((d) =>
      Object.keys(d ?? {}).length === 0 ? null : cellSetter(d, fields, b.ss.timeZone, request),
    ),
  );
}

/** The cells a request carries are the cells it moves (a clear carries none). */
function countCells(b: Batch, rows: Obj[][]): void {
  const count = b.count as CountFn;
  count.cells?.(rows.reduce((n, line) => n + line.length, 0));
}

function dimensionRange(b: Batch, d: Obj): { sheet: SheetData; rows: boolean; start: number; end: number } {
  const sheet = sheetById(b, d.sheetId as number | undefined);
  const rows = d.dimension === "ROWS";
  if (!rows && d.dimension !== "COLUMNS") throw invalid("dimension must be ROWS or COLUMNS.");
  const max = rows ? sheet.maxRows : sheet.maxCols;
  const start = (d.startIndex as number | undefined) ?? 0;
  const end = (d.endIndex as number | undefined) ?? max;
  if (start < 0 || end <= start || end > max) throw invalid(`Invalid dimension range ${start}..${end}.`);
  return { sheet, rows, start, end };
}

export const CELL_REQUESTS: Record<string, (b: Batch, r: Obj) => Prepared> = {
  addSheet(b, r) {
    const p = (r.properties ?? {}) as {
      sheetId?: number;
      title?: string;
      index?: number;
      gridProperties?: { rowCount?: number; columnCount?: number };
    };
    for (const k of Object.keys(p))
      if (!["sheetId", "title", "index", "gridProperties"].includes(k))
        notImplemented(`SpreadsheetsCollection.batchUpdate addSheet properties.${k}`);
    // The grid's size, as SheetProperties.gridProperties gives it (GridProperties.rowCount, columnCount).
    const grid = p.gridProperties ?? {};
    for (const k of Object.keys(grid))
      if (!["rowCount", "columnCount"].includes(k))
        notImplemented(`SpreadsheetsCollection.batchUpdate addSheet properties.gridProperties.${k}`);
    for (const n of [grid.rowCount, grid.columnCount])
      if (n !== undefined && (!Number.isInteger(n) || n < 1))
        throw invalid(`Invalid grid size ${n}: a sheet has at least one row and one column.`);
    const taken = (id: number) => b.added.has(id) || b.ss.sheets.some((s) => !s.deleted && s.sheetId === id);
    if (p.sheetId !== undefined && (!Number.isInteger(p.sheetId) || p.sheetId < 0 || taken(p.sheetId)))
      throw invalid(`Invalid sheetId ${p.sheetId}: it must be ≥ 0 and not another sheet's.`);
    let id = p.sheetId;
    while (id === undefined || taken(id)) id = newSheetId(b.ss);
    // Google's default title for a new sheet: "Sheet" and the next free number.
    let title = p.title;
    for (let n = b.ss.sheets.length + 1; title === undefined; n++)
      if (!findSheetByName(b.ss, `Sheet${n}`)) title = `Sheet${n}`;
    const sheet = newSheetData(id, titleFor(b, title, undefined), grid.rowCount, grid.columnCount);
    b.added.set(id, sheet);
    return {
      apply() {
        const at = p.index === undefined ? b.ss.sheets.length : Math.min(p.index, b.ss.sheets.length);
        b.ss.sheets.splice(at, 0, sheet);
        return {
          addSheet: {
            properties: {
              sheetId: sheet.sheetId,
              title: sheet.name,
              index: b.ss.sheets.indexOf(sheet),
              sheetType: "GRID",
              gridProperties: { rowCount: sheet.maxRows, columnCount: sheet.maxCols },
            },
          },
        };
      },
    };
  },
  deleteSheet(b, r) {
    const sheet = sheetById(b, r.sheetId as number | undefined);
    if (b.user !== "") assertCanEditSheet(b.ss, sheet, b.user, true);
    b.removed.add(sheet);
    const left = [...b.ss.sheets, ...b.added.values()].filter((s) => !s.deleted && !b.removed.has(s));
    if (left.length === 0) throw invalid("You can't remove all the sheets in a document.");
    return {
      apply() {
        removeSheet(b.ss, sheet);
        return null;
      },
    };
  },
  updateCells(b, r) {
    const fields = cellFields(r, "updateCells");
    const rows = rowsOf(r);
    let sheet: SheetData;
    let rect: Rect;
    if (r.range !== undefined) {
      // "If the data in rows does not cover the entire requested range, the fields matching those set
      // in fields will be cleared."
      if (r.start !== undefined) throw invalid("Only one of range and start may be set.");
      const g = r.range as GridRange;
      sheet = sheetById(b, g.sheetId);
      rect = rectOf(sheet, g) ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    } else {
      // From `start`, the cells given: "a different number of columns per row" may be written.
      const start = (r.start ?? {}) as { sheetId?: number; rowIndex?: number; columnIndex?: number };
      sheet = sheetById(b, start.sheetId);
      const width = Math.max(1, ...rows.map((line) => line.length));
      rect = {
        row: (start.rowIndex ?? 0) + 1,
        col: (start.columnIndex ?? 0) + 1,
        numRows: rows.length,
        numCols: width,
      };
      if (
        rows.length > 0 &&
        (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols)
      )
        throw invalid(`Range exceeds grid limits: max rows ${sheet.maxRows}, max columns ${sheet.maxCols}.`);
    }
    if (b.user !== "") assertCanEdit(b.ss, sheet, rect, b.user);
    const setters = settersOf(b, rows, fields, "updateCells");
    const clear = cellSetter(undefined, fields, b.ss.timeZone, "updateCells");
    const whole = r.range !== undefined;
    return {
      apply() {
        countCells(b, rows);
        for (let i = 0; i < rect.numRows; i++) {
          const given = setters[i] ?? [];
          for (let j = 0; j < (whole ? rect.numCols : given.length); j++) {
            const set = given[j];
            if (set) set(cellFor(sheet, rect.row + i, rect.col + j));
            else {
              // Cells never written have nothing to clear.
              const c = cellAt(sheet, rect.row + i, rect.col + j);
              if (c) clear(c);
            }
          }
        }
        return null;
      },
    };
  },
  appendCells(b, r) {
    const fields = cellFields(r, "appendCells");
    const rows = rowsOf(r);
    const sheet = sheetById(b, r.sheetId as number | undefined);
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
    const setters = settersOf(b, rows, fields, "appendCells");
    return {
      apply() {
        countCells(b, rows);
        const last = at + rows.length - 1;
        if (last > sheet.maxRows) sheet.maxRows = last;
        setters.forEach((line, i) => {
          line.forEach((set, k) => {
            if (set) set(cellFor(sheet, at + i, k + 1));
          });
        });
        return null;
      },
    };
  },
  mergeCells(b, r) {
    const g = (r.range ?? {}) as GridRange;
    const sheet = sheetById(b, g.sheetId);
    const rect = rectOf(sheet, g) ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    const type = r.mergeType ?? "MERGE_ALL";
    if (type !== "MERGE_ALL" && type !== "MERGE_ROWS" && type !== "MERGE_COLUMNS")
      throw invalid(`mergeType ${String(type)}`);
    if (b.user !== "") assertCanEdit(b.ss, sheet, rect, b.user);
    const blocks: Rect[] =
      type === "MERGE_ALL"
        ? [rect]
        : type === "MERGE_ROWS"
          ? Array.from({ length: rect.numRows }, (_, i) => ({ ...rect, row: rect.row + i, numRows: 1 }))
          : Array.from({ length: rect.numCols }, (_, i) => ({ ...rect, col: rect.col + i, numCols: 1 }));
    return {
      apply() {
        if (sheet.merges.some((m) => intersects(m, rect) && !contains(rect, m)))
          throw invalid("You can't merge cells over part of a merged block.");
        sheet.merges = [
          ...sheet.merges.filter((m) => !contains(rect, m)),
          ...blocks.filter((x) => x.numRows * x.numCols > 1),
        ];
        return null;
      },
    };
  },
  unmergeCells(b, r) {
    const g = (r.range ?? {}) as GridRange;
    const sheet = sheetById(b, g.sheetId);
    const rect = rectOf(sheet, g) ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    if (b.user !== "") assertCanEdit(b.ss, sheet, rect, b.user);
    return {
      apply() {
        // "Unmerges cells in the given range": every merged block it touches.
        sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
        return null;
      },
    };
  },
  autoResizeDimensions(b, r) {
    if (r.dataSourceSheetDimensions !== undefined)
      notImplemented("SpreadsheetsCollection.batchUpdate autoResizeDimensions dataSourceSheetDimensions");
    const d = dimensionRange(b, (r.dimensions ?? {}) as Obj);
    if (!d.rows) notImplemented("SpreadsheetsCollection.batchUpdate autoResizeDimensions COLUMNS");
    if (b.user !== "") assertCanEditSheet(b.ss, d.sheet, b.user, false);
    return {
      apply() {
        // Rows fit their content again: heights set earlier are gone (as Sheet.autoResizeRows).
        for (let i = d.start; i < d.end; i++) d.sheet.rowHeights[i + 1] = undefined;
        return null;
      },
    };
  },
};
