/**
 * Setup's reads and writes through the Sheets advanced service (issue 17): what SpreadsheetApp does one
 * call per column width, column mark or protection setting, the API does in one batchUpdate; what
 * SpreadsheetApp reads one call per protection, one spreadsheets.get lists. Only translation to the
 * API's requests lives here; what must be so is decided by the callers.
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request
 */
import type { CellValue } from "../core/cell";
import type { ColumnIndex, ColumnKey } from "../core/columns";
import { COLUMN_MARK } from "../core/columns";
import { columnLetter } from "./unit-tab";

type Request = GoogleAppsScript.Sheets.Schema.Request;
type ProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;

/** The advanced service, enabled in appsscript.json (undefined only in a project without it). */
function api(): GoogleAppsScript.Sheets {
  if (!Sheets)
    throw new Error("Dự án Apps Script chưa bật dịch vụ nâng cao Google Sheets API (appsscript.json).");
  return Sheets;
}

/** A tab as one spreadsheets.get gives it: its id, frozen rows and protections. */
export interface TabState {
  sheetId: number;
  frozen: number;
  /** Its rows and columns (grid size); unknown for a tab made in this run. */
  rows?: number;
  columns?: number;
  protections: ProtectedRange[];
}

/** Every tab of `ss` by name, in one request. */
export function readTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, TabState> {
  const got = api().Spreadsheets.get(ss.getId(), {
    fields:
      "sheets(properties(sheetId,title,gridProperties(rowCount,columnCount,frozenRowCount)),protectedRanges(protectedRangeId,range,description,editors))",
  });
  const tabs = new Map<string, TabState>();
  for (const s of got.sheets ?? []) {
    // Fields at their default are left out of the API's JSON: the first sheet's id 0, no frozen rows.
    const p = s.properties ?? {};
    tabs.set(p.title ?? "", {
      sheetId: p.sheetId ?? 0,
      frozen: p.gridProperties?.frozenRowCount ?? 0,
      rows: p.gridProperties?.rowCount ?? 0,
      columns: p.gridProperties?.columnCount ?? 0,
      protections: s.protectedRanges ?? [],
    });
  }
  return tabs;
}

/** A unit tab's cells as setup checks them: row 1's values, and every cell's rule and number format. */
export interface TabGrid {
  header: CellValue[];
  /** The last column holding a value in any row (0: none), as Sheet.getLastColumn counts. */
  lastColumn: number;
  /** The add-in's column marks (tab-columns.ts), null when the tab has none. */
  marks: ColumnIndex | null;
  /** Cell [row][column], 0-based from A1: its rule and its number format pattern, where it has one. */
  cells: (GoogleAppsScript.Sheets.Schema.CellData | undefined)[][];
}

/** A1 range of rows `from`..`to` (1-based) of a grid `columns` wide: "'Công an xã'!A1:Z1000". */
function rowsRange(title: string, from: number, to: number, columns: number): string {
  return `'${title.replace(/'/g, "''")}'!A${from}:${columnLetter(columns)}${to}`;
}

/** A cell's value as entered, the way getValues gives text, numbers and booleans (a formula: its text). */
function entered(cell: GoogleAppsScript.Sheets.Schema.CellData | undefined): CellValue {
  const v = cell?.userEnteredValue;
  return v?.stringValue ?? v?.numberValue ?? v?.boolValue ?? v?.formulaValue ?? "";
}

/**
 * Rule-bearing cells asked for in one request. The API repeats a rule in full in every cell (a task
 * list, a help text: 200 bytes a cell on average, 420 in the heaviest tab, measured), so one answer is
 * kept to about 10–20 MB: the bench's 11 tabs of 1,000 rows take three requests, a tab of 20,000 rows
 * is read in pages of rows.
 */
const CELLS_PER_REQUEST = 50_000;

/**
 * The grids of the tabs `want` names (each known to `tabs`; `columns`: how many of its columns carry
 * the add-in's rules, for the size of a request): values, rules, number formats and column marks of
 * every cell, in as few requests as the size allows, so that a setup with nothing to change reads and
 * writes nothing else of them. Linear in the tabs' cells, as the check is.
 */
export function readGrids(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: Map<string, TabState>,
  want: readonly { title: string; columns: number }[],
): Map<string, TabGrid> {
  type Part = { title: string; from: number; to: number; width: number; cells: number };
  const parts: Part[] = [];
  for (const w of want) {
    const t = tabs.get(w.title);
    if (!t?.rows || !t.columns) continue;
    const page = Math.max(1, Math.floor(CELLS_PER_REQUEST / Math.max(w.columns, 1)));
    for (let from = 1; from <= t.rows; from += page) {
      const to = Math.min(t.rows, from + page - 1);
      parts.push({ title: w.title, from, to, width: t.columns, cells: (to - from + 1) * w.columns });
    }
  }
  const requests: Part[][] = [];
  for (const p of parts) {
    const last = requests[requests.length - 1];
    if (last && last.reduce((n, q) => n + q.cells, 0) + p.cells <= CELLS_PER_REQUEST) last.push(p);
    else requests.push([p]);
  }
  const cellsOf = new Map<string, (GoogleAppsScript.Sheets.Schema.CellData | undefined)[][]>();
  const marksOf = new Map<string, ColumnIndex | null>();
  const id = requests.length > 0 ? ss.getId() : "";
  for (const request of requests) {
    const got = api().Spreadsheets.get(id, {
      ranges: request.map((p) => rowsRange(p.title, p.from, p.to, p.width)),
      fields:
        "sheets(properties.title,data(startRow,rowData.values(userEnteredValue,userEnteredFormat.numberFormat,dataValidation)," +
        "columnMetadata.developerMetadata(metadataKey,metadataValue)))",
    });
    for (const s of got.sheets ?? []) {
      const title = s.properties?.title ?? "";
      const cells = cellsOf.get(title) ?? [];
      cellsOf.set(title, cells);
      for (const data of s.data ?? []) {
        const start = data.startRow ?? 0;
        (data.rowData ?? []).forEach((r, i) => {
          cells[start + i] = r.values ?? [];
        });
        // Each page carries the columns' metadata: the first page's is enough.
        if (start === 0) marksOf.set(title, marksIn(data.columnMetadata ?? []));
      }
    }
  }
  const out = new Map<string, TabGrid>();
  for (const [title, cells] of cellsOf) {
    let lastColumn = 0;
    for (const row of cells)
      for (let c = (row?.length ?? 0) - 1; c >= lastColumn; c--)
        if (row?.[c]?.userEnteredValue) {
          lastColumn = c + 1;
          break;
        }
    const header = (cells[0] ?? []).map(entered);
    out.set(title, { header, lastColumn, marks: marksOf.get(title) ?? null, cells });
  }
  return out;
}

/** The add-in's column marks (tab-columns.ts) among a grid's column properties; null when none. */
function marksIn(columns: GoogleAppsScript.Sheets.Schema.DimensionProperties[]): ColumnIndex | null {
  let marks: ColumnIndex | null = null;
  columns.forEach((m, i) => {
    for (const d of m.developerMetadata ?? []) {
      const key = d.metadataValue as ColumnKey | undefined;
      if (d.metadataKey !== COLUMN_MARK || !key) continue;
      marks ??= {};
      if (marks[key] === undefined) marks[key] = i;
    }
  });
  return marks;
}

type Rule = GoogleAppsScript.Sheets.Schema.DataValidationRule;
type NumberFormat = GoogleAppsScript.Sheets.Schema.NumberFormat;

/** Whether two rules check the same (condition type and values, input message, strict, dropdown). */
export function sameRule(a: Rule | null | undefined, b: Rule | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  const [x, y] = [a.condition ?? {}, b.condition ?? {}];
  const [xs, ys] = [x.values ?? [], y.values ?? []];
  return (
    (x.type ?? "") === (y.type ?? "") &&
    (a.inputMessage ?? "") === (b.inputMessage ?? "") &&
    (a.strict === true) === (b.strict === true) &&
    (a.showCustomUi === true) === (b.showCustomUi === true) &&
    xs.length === ys.length &&
    xs.every((v, k) => (v.userEnteredValue ?? "") === (ys[k]!.userEnteredValue ?? ""))
  );
}

/**
 * The requests that give rows [from, to) of column `column` (0-based) the rule `rule` (null: none) and,
 * when given, the number format `format`: only on the runs of rows whose cells (`cells`, as readGrids
 * gives them; none: a tab made in this run) differ, so that a check with nothing to repair writes nothing.
 */
export function columnRequests(
  sheetId: number,
  column: number,
  from: number,
  to: number,
  rule: Rule | null,
  format: NumberFormat | undefined,
  cells?: readonly (readonly (GoogleAppsScript.Sheets.Schema.CellData | undefined)[])[],
): Request[] {
  const range = (start: number, end: number) => ({
    sheetId,
    startRowIndex: start,
    endRowIndex: end,
    startColumnIndex: column,
    endColumnIndex: column + 1,
  });
  const out: Request[] = [];
  const runs = (
    differs: (cell: GoogleAppsScript.Sheets.Schema.CellData | undefined) => boolean,
    make: (start: number, end: number) => Request,
  ) => {
    let start = -1;
    for (let r = from; r <= to; r++) {
      const off = r < to && (!cells || differs(cells[r]?.[column]));
      if (off && start < 0) start = r;
      if (!off && start >= 0) {
        out.push(make(start, r));
        start = -1;
      }
    }
  };
  runs(
    (cell) => !sameRule(cell?.dataValidation, rule),
    (start, end) => ({
      setDataValidation: rule ? { range: range(start, end), rule } : { range: range(start, end) },
    }),
  );
  if (format)
    runs(
      (cell) => cell?.userEnteredFormat?.numberFormat?.pattern !== format.pattern,
      (start, end) => ({
        repeatCell: {
          range: range(start, end),
          cell: { userEnteredFormat: { numberFormat: format } },
          fields: "userEnteredFormat.numberFormat",
        },
      }),
    );
  return out;
}

/** Column widths in px, adjacent columns of the same width in one request. */
export function widthRequests(sheetId: number, widths: readonly (number | undefined)[]): Request[] {
  const out: Request[] = [];
  for (let c = 0; c < widths.length; c++) {
    const pixelSize = widths[c];
    if (pixelSize === undefined) continue;
    let n = 1;
    while (c + n < widths.length && widths[c + n] === pixelSize) n++;
    const range = { sheetId, dimension: "COLUMNS" as const, startIndex: c, endIndex: c + n };
    out.push({ updateDimensionProperties: { range, properties: { pixelSize }, fields: "pixelSize" } });
    c += n - 1;
  }
  return out;
}

/** The add-in's mark on each column (0-based index) of `add` (tab-columns.ts reads them). */
export function markRequests(sheetId: number, add: readonly [ColumnKey, number][]): Request[] {
  return add.map(([key, i]) => ({
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: COLUMN_MARK,
        metadataValue: key,
        location: { dimensionRange: { sheetId, dimension: "COLUMNS", startIndex: i, endIndex: i + 1 } },
        visibility: "PROJECT",
      },
    },
  }));
}

/** A header row's look: bold on `background` (#rrggbb), wrapped, centred vertically; first `columns` columns. */
export function headerStyle(sheetId: number, columns: number, background: string): Request {
  const [red, green, blue] = [1, 3, 5].map((i) => Number.parseInt(background.slice(i, i + 2), 16) / 255);
  return {
    repeatCell: {
      range: { sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: columns },
      cell: {
        userEnteredFormat: {
          textFormat: { bold: true },
          backgroundColorStyle: { rgbColor: { red, green, blue } },
          wrapStrategy: "WRAP",
          verticalAlignment: "MIDDLE",
        },
      },
      fields: "userEnteredFormat(textFormat.bold,backgroundColorStyle,wrapStrategy,verticalAlignment)",
    },
  };
}

export function freezeHeader(sheetId: number): Request {
  return {
    updateSheetProperties: {
      properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
      fields: "gridProperties.frozenRowCount",
    },
  };
}

/** A protection the add-in wants: the whole tab, or its header row's first `headerColumns` columns. */
export interface WantedProtection {
  description: string;
  headerColumns?: number;
  editors: readonly string[];
}

/**
 * The requests that make `tab` carry exactly `want`: ours (same description, same kind) kept when it
 * covers what it must, its editors set when they differ (`fixed`: the owner and the caller, whom Google
 * never takes off), any other of ours deleted, a missing one added.
 */
export function protectionRequests(
  tab: TabState,
  want: WantedProtection,
  fixed: readonly string[],
): Request[] {
  const header = want.headerColumns;
  const range: GoogleAppsScript.Sheets.Schema.GridRange =
    header === undefined
      ? { sheetId: tab.sheetId }
      : {
          sheetId: tab.sheetId,
          startRowIndex: 0,
          endRowIndex: 1,
          startColumnIndex: 0,
          endColumnIndex: header,
        };
  const isRange = (g: GoogleAppsScript.Sheets.Schema.GridRange = {}) =>
    g.startRowIndex !== undefined ||
    g.endRowIndex !== undefined ||
    g.startColumnIndex !== undefined ||
    g.endColumnIndex !== undefined;
  const covers = (g: GoogleAppsScript.Sheets.Schema.GridRange = {}) =>
    header === undefined ||
    ((g.startRowIndex ?? 0) === 0 &&
      g.endRowIndex === 1 &&
      (g.startColumnIndex ?? 0) === 0 &&
      g.endColumnIndex === header);
  const ours = tab.protections.filter(
    (p) => p.description === want.description && isRange(p.range) === (header !== undefined),
  );
  const kept = ours.find((p) => covers(p.range));
  const out: Request[] = ours
    .filter((p) => p !== kept)
    .map((p) => ({ deleteProtectedRange: { protectedRangeId: p.protectedRangeId ?? 0 } }));
  const users = [...new Set(want.editors.map((e) => e.toLowerCase()).filter((e) => e !== ""))];
  const editors = { users, domainUsersCanEdit: false };
  if (!kept) {
    out.push({ addProtectedRange: { protectedRange: { range, description: want.description, editors } } });
    return out;
  }
  const current = (kept.editors?.users ?? []).map((e) => e.toLowerCase());
  const stays = new Set([...users, ...fixed.map((e) => e.toLowerCase())]);
  if (
    kept.editors?.domainUsersCanEdit === true ||
    current.some((e) => !stays.has(e)) ||
    users.some((e) => !current.includes(e))
  ) {
    const protectedRange = { protectedRangeId: kept.protectedRangeId ?? 0, editors };
    out.push({ updateProtectedRange: { protectedRange, fields: "editors" } });
  }
  return out;
}

/** Sends `requests` as one batchUpdate (none when there is nothing to do). */
export function sendBatch(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, requests: Request[]): void {
  if (requests.length > 0) api().Spreadsheets.batchUpdate({ requests }, ss.getId());
}
