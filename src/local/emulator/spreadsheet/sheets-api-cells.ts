// batchUpdate's requests for writing a whole table (the add-in's rollup tab and read-only copy, issue 17):
// sheets added, renamed and deleted, cells written or cleared with updateCells, merges made and broken,
// rows fitted again. Each works on the same model SpreadsheetApp reads, as its counterpart there does
// (insertSheet, deleteSheet, Range.setValues with text kept as text, setNumberFormats, setFontWeights,
// setBackgrounds, setWraps, setVerticalAlignment, setNotes, clear, clearNotes, mergeAcross, breakApart,
// autoResizeRows). Requests of one batch see what earlier ones did: a sheet added with a chosen id takes
// cells in the same batch.
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#CellData
import { contains, intersects, type Rect } from "./a1";
import { notImplemented } from "../errors";
import {
  assertCanEdit,
  assertCanEditSheet,
  type CellData,
  cellFor,
  clearFormats,
  newSheetData,
  type SheetData,
} from "./model";
import { type Batch, type GridRange, invalid, type Prepared, rectOf, sheetById } from "./sheets-api";
import { findSheetByName, newSheetId, removeSheet } from "./sheets";

type Obj = Record<string, unknown>;

/** A sheet title a request may give: not empty, not another sheet's (one added earlier in the batch included). */
export function titleFor(b: Batch, title: unknown, self: SheetData | undefined): string {
  if (typeof title !== "string" || title.trim() === "") throw invalid("A sheet's title must not be empty.");
  const clash = [...b.added.values()].find((s) => s.name === title) ?? findSheetByName(b.ss, title);
  if (clash && clash !== self && !b.removed.has(clash))
    throw invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
  return title;
}

/** "#rrggbb" of an API colour (components 0–1; a missing one is 0). */
export function hexOf(rgb: Record<string, number | undefined>): string {
  return `#${["red", "green", "blue"]
    .map((k) =>
      Math.round((rgb[k] ?? 0) * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

const VERTICAL: Record<string, string | undefined> = { TOP: "top", MIDDLE: "middle", BOTTOM: undefined };

/** Sets one cell's user-entered format as the API gives it (the whole format: what is absent is cleared). */
function setFormat(c: CellData, f: Obj | undefined): void {
  clearFormats(c, true);
  if (!f) return;
  for (const k of Object.keys(f))
    if (
      !["numberFormat", "textFormat", "backgroundColorStyle", "wrapStrategy", "verticalAlignment"].includes(k)
    )
      notImplemented(`SpreadsheetsCollection.batchUpdate updateCells userEnteredFormat.${k}`);
  const nf = f.numberFormat as { pattern?: string } | undefined;
  if (nf?.pattern) c.nf = nf.pattern;
  const text = (f.textFormat ?? {}) as Obj;
  for (const k of Object.keys(text))
    if (k !== "bold") notImplemented(`SpreadsheetsCollection.batchUpdate updateCells textFormat.${k}`);
  if (text.bold === true) c.fw = "bold";
  const rgb = (f.backgroundColorStyle as { rgbColor?: Record<string, number> } | undefined)?.rgbColor;
  if (rgb) {
    const hex = hexOf(rgb);
    if (hex !== "#ffffff") c.bg = hex;
  }
  const wrap = f.wrapStrategy ?? "OVERFLOW_CELL";
  if (wrap !== "WRAP" && wrap !== "OVERFLOW_CELL")
    notImplemented(`SpreadsheetsCollection.batchUpdate updateCells wrapStrategy "${String(wrap)}"`);
  if (wrap === "WRAP") c.wrap = true;
  const va = f.verticalAlignment ?? "BOTTOM";
  if (typeof va !== "string" || !(va in VERTICAL)) throw invalid(`verticalAlignment ${String(va)}`);
  if (VERTICAL[va]) c.va = VERTICAL[va];
}

/** Sets one cell's user-entered value: text stays text (nothing is parsed), as the API writes it. */
function setValue(c: CellData, v: Obj | undefined): void {
  delete c.v;
  delete c.f;
  if (!v) return;
  if (typeof v.stringValue === "string") c.v = v.stringValue;
  else if (typeof v.numberValue === "number") c.v = v.numberValue;
  else if (typeof v.boolValue === "boolean") c.v = v.boolValue;
  else notImplemented(`SpreadsheetsCollection.batchUpdate updateCells userEnteredValue ${JSON.stringify(v)}`);
}

type Field = "userEnteredValue" | "userEnteredFormat" | "note";

function fieldsOfCells(r: Obj): Field[] {
  if (typeof r.fields !== "string" || r.fields.trim() === "")
    throw invalid("'fields' is required (use '*' for all).");
  if (r.fields.trim() === "*") return ["userEnteredValue", "userEnteredFormat", "note"];
  return r.fields.split(",").map((f) => {
    const name = f.trim();
    if (name !== "userEnteredValue" && name !== "userEnteredFormat" && name !== "note")
      notImplemented(`SpreadsheetsCollection.batchUpdate updateCells field "${name}"`);
    return name;
  });
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
    const p = (r.properties ?? {}) as { sheetId?: number; title?: string; index?: number };
    for (const k of Object.keys(p))
      if (!["sheetId", "title", "index"].includes(k))
        notImplemented(`SpreadsheetsCollection.batchUpdate addSheet properties.${k}`);
    const taken = (id: number) => b.added.has(id) || b.ss.sheets.some((s) => !s.deleted && s.sheetId === id);
    if (p.sheetId !== undefined && (!Number.isInteger(p.sheetId) || p.sheetId < 0 || taken(p.sheetId)))
      throw invalid(`Invalid sheetId ${p.sheetId}: it must be ≥ 0 and not another sheet's.`);
    let id = p.sheetId;
    while (id === undefined || taken(id)) id = newSheetId(b.ss);
    // Google's default title for a new sheet: "Sheet" and the next free number.
    let title = p.title;
    for (let n = b.ss.sheets.length + 1; title === undefined; n++)
      if (!findSheetByName(b.ss, `Sheet${n}`)) title = `Sheet${n}`;
    const sheet = newSheetData(id, titleFor(b, title, undefined));
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
    const fields = fieldsOfCells(r);
    const rows = (r.rows ?? []) as { values?: Obj[] }[];
    if (!Array.isArray(rows)) throw invalid("rows must be a list.");
    let sheet: SheetData;
    let rect: Rect;
    if (r.range !== undefined) {
      if (r.start !== undefined) throw invalid("Only one of range and start may be set.");
      const g = r.range as GridRange;
      sheet = sheetById(b, g.sheetId);
      rect = rectOf(sheet, g) ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    } else {
      const start = (r.start ?? {}) as { sheetId?: number; rowIndex?: number; columnIndex?: number };
      sheet = sheetById(b, start.sheetId);
      const width = Math.max(1, ...rows.map((row) => row.values?.length ?? 0));
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
    const count = b.count as ((name: string) => void) & { cells?(n: number): void };
    return {
      apply() {
        // The cells the request carries are the cells it moves (a clear carries none).
        count.cells?.(rows.reduce((n, row) => n + (row.values?.length ?? 0), 0));
        const set = (c: CellData, data: Obj | undefined) => {
          if (fields.includes("userEnteredValue")) setValue(c, data?.userEnteredValue as Obj | undefined);
          if (fields.includes("userEnteredFormat")) setFormat(c, data?.userEnteredFormat as Obj | undefined);
          if (fields.includes("note")) {
            if (typeof data?.note === "string" && data.note !== "") c.note = data.note;
            else delete c.note;
          }
        };
        // Cells the request gives data for are written; the rest of a range, cleared (cells never
        // written have nothing to clear).
        for (let i = 0; i < rect.numRows; i++) {
          const given = rows[i]?.values ?? [];
          const line = sheet.rows[rect.row + i];
          for (let j = 0; j < rect.numCols; j++) {
            const data = given[j];
            if (data !== undefined) set(cellFor(sheet, rect.row + i, rect.col + j), data);
            else {
              const c = line?.[rect.col + j];
              if (c) set(c, undefined);
            }
          }
        }
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
    const d = sheetDimension(b, r);
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

function sheetDimension(b: Batch, r: Obj): ReturnType<typeof dimensionRange> {
  if (r.dataSourceSheetDimensions !== undefined)
    notImplemented("SpreadsheetsCollection.batchUpdate autoResizeDimensions dataSourceSheetDimensions");
  return dimensionRange(b, (r.dimensions ?? {}) as Obj);
}
