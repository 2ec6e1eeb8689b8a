/**
 * The on-edit trigger's reads and writes of cells through the Sheets advanced service (issue 17): the
 * edited block's notes and colours, the spreadsheet's time zone, the tab's size and the change
 * log's id in one spreadsheets.get; the block's notes, colours, status, who and when and the log's lines in
 * one batchUpdate. SpreadsheetApp needs a call for each of those, and is what an edit falls back to when
 * the API's per-minute quota is spent (EditCells). Only translation to and from the API's shapes lives
 * here; what to write is decided by the callers (core/marks.ts, edit.ts).
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#celldata
 */
import type { CellValue } from "../core/cell";
import type { MarkedRows } from "../core/marks";
import type { LoggedChange } from "./change-log";
import { appendChange, changeLines } from "./change-log";
import { api, quotedTab, rgbOf } from "./sheets-batch";
import { columnLetter } from "./unit-tab";

type Request = GoogleAppsScript.Sheets.Schema.Request;
type Range = GoogleAppsScript.Spreadsheet.Range;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;

/** What one read gives of the edited block and the spreadsheet. */
export interface BlockCells {
  timeZone: string;
  /** The spreadsheet's locale (vi_VN after setup), by which Sheets read what was typed. */
  locale: string;
  /** The id of the tab read by its kept name (which may be late: the caller checks). */
  sheetId: number;
  /** The tab's rows (its grid), for reading it whole. */
  rowCount: number;
  /** As Range.getNotes and getBackgrounds give them ("#ffffff" where there is no colour). */
  notes: string[][];
  backgrounds: string[][];
  /** The change log tab's id; undefined when it has none (before setup, or deleted). */
  logSheetId?: number;
}

const RGB = ["red", "green", "blue"] as const;

function hex(color: GoogleAppsScript.Sheets.Schema.Color = { red: 1, green: 1, blue: 1 }): string {
  return `#${RGB.map((k) => (256 + Math.round((color[k] ?? 0) * 255)).toString(16).slice(1)).join("")}`;
}

const FIELDS =
  "properties(timeZone,locale),sheets(properties(sheetId,title,gridProperties.rowCount)," +
  "data(rowData(values(note,userEnteredFormat.backgroundColorStyle))))";

/**
 * Rows `row`…`row + rows - 1` (1-based), columns 1…`width` of `tab`, and the log tab's first cell (for
 * its id).
 */
export function readBlockCells(
  ssId: string,
  tab: string,
  row: number,
  rows: number,
  width: number,
  logTab?: string,
): BlockCells {
  const block = `${quotedTab(tab)}!A${row}:${columnLetter(width)}${row + rows - 1}`;
  // Without a log tab (deleted since setup) the read fails: the caller keeps the edit's log line waiting.
  const got = api().Spreadsheets.get(ssId, {
    ranges: logTab ? [block, `${quotedTab(logTab)}!A1`] : [block],
    fields: FIELDS,
  });
  const sheets = got.sheets ?? [];
  const own = sheets.find((s) => s.properties?.title === tab) ?? sheets[0] ?? {};
  const log = logTab ? sheets.find((s) => s.properties?.title === logTab) : undefined;
  const data = own.data?.[0]?.rowData ?? [];
  const notes: string[][] = [];
  const backgrounds: string[][] = [];
  for (let r = 0; r < rows; r++) {
    // The API leaves out empty cells at the end of a row and empty rows at the end.
    const values = data[r]?.values ?? [];
    notes.push(Array.from({ length: width }, (_, c) => values[c]?.note ?? ""));
    backgrounds.push(
      Array.from({ length: width }, (_, c) =>
        hex(values[c]?.userEnteredFormat?.backgroundColorStyle?.rgbColor),
      ),
    );
  }
  return {
    timeZone: got.properties?.timeZone ?? "",
    locale: got.properties?.locale ?? "",
    // Fields at their default are left out: the first sheet's id is 0.
    sheetId: own.properties?.sheetId ?? 0,
    rowCount: own.properties?.gridProperties?.rowCount ?? 0,
    notes,
    backgrounds,
    logSheetId: log ? (log.properties?.sheetId ?? 0) : undefined,
  };
}

/** Sheets' serial day number of an instant, as a clock in `timeZone` shows it (days since 30/12/1899). */
function serial(at: Date, timeZone: string): number {
  const o = Utilities.formatDate(at, timeZone, "Z"); // "+0700", "-0330": hours and minutes, both signed
  const offset = Number(o.slice(0, 3)) * 60 + Number(o[0] + o.slice(3));
  // 30/12/1899 00:00 UTC is -2209161600000 ms.
  return (at.getTime() + offset * 60000 + 2209161600000) / 86400000;
}

/** The look of a time the add-in writes (updatedAt, the log's): as core/tables.ts's logs. */
const DATE_TIME = "dd/MM/yyyy HH:mm:ss";

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/**
 * A value as the API writes it: text stays exactly that text (never a formula, number or date), a date a
 * serial number in a date-time format. `typed`: text as written for SpreadsheetApp, whose leading
 * apostrophe (core/marks.ts textForSheet) only says "text".
 */
function cellOf(v: CellValue, timeZone: string, typed = false): CellData {
  if (isDate(v))
    return {
      userEnteredValue: { numberValue: serial(v, timeZone) },
      userEnteredFormat: { numberFormat: { type: "DATE_TIME", pattern: DATE_TIME } },
    };
  if (typeof v === "number") return { userEnteredValue: { numberValue: v } };
  if (typeof v === "boolean") return { userEnteredValue: { boolValue: v } };
  const text = typed ? String(v).replace(/^'/, "") : String(v ?? "");
  return text === "" ? {} : { userEnteredValue: { stringValue: text } };
}

/**
 * One request per column and run of rows whose cell changed from `before` to `after`, writing `field`:
 * the unchanged cells between are not written (a colour the API cannot describe is never rewritten).
 */
function changedRuns<T>(
  sheetId: number,
  row0: number,
  before: readonly (readonly T[])[],
  after: readonly (readonly T[])[],
  fields: string,
  cell: (v: T) => CellData,
): Request[] {
  const out: Request[] = [];
  const width = after[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < after.length) {
      if (after[r]![c] === before[r]![c]) {
        r++;
        continue;
      }
      const start = r;
      const rows: GoogleAppsScript.Sheets.Schema.RowData[] = [];
      while (r < after.length && after[r]![c] !== before[r]![c])
        rows.push({ values: [cell(after[r++]![c]!)] });
      out.push({
        updateCells: { start: { sheetId, rowIndex: row0 + start, columnIndex: c }, rows, fields },
      });
    }
  }
  return out;
}

/** Colours as getBackgrounds gives them: "#ffffff" where there is none. */
function colours(backgrounds: readonly (string | null)[][]): string[][] {
  return backgrounds.map((line) => line.map((b) => (b === null || b === "" ? "#ffffff" : b.toLowerCase())));
}

/** Notes and colours of a block whose first row is `row` (1-based), where they changed. */
function markRequests(
  sheetId: number,
  row: number,
  cells: BlockCells,
  notes: readonly string[][],
  backgrounds: readonly (string | null)[][],
): Request[] {
  return [
    ...changedRuns(sheetId, row - 1, cells.notes, notes, "note", (note) => ({ note })),
    ...changedRuns(
      sheetId,
      row - 1,
      cells.backgrounds,
      colours(backgrounds),
      "userEnteredFormat.backgroundColorStyle",
      (b) => (b === "#ffffff" ? {} : { userEnteredFormat: { backgroundColorStyle: { rgbColor: rgbOf(b) } } }),
    ),
  ];
}

/**
 * The script's columns (status, who, when: 0-based column → a value per row of the block) where a value
 * changed from `rows` (the block's values), one request per column.
 */
function columnRequests(
  sheetId: number,
  row: number,
  rows: readonly CellValue[][],
  columns: ReadonlyMap<number, readonly CellValue[]>,
  timeZone: string,
): Request[] {
  const out: Request[] = [];
  const seen = new Map<CellValue, CellData>();
  for (const [c, values] of columns) {
    if (!values.some((v, r) => v !== rows[r]?.[c])) continue;
    out.push({
      updateCells: {
        start: { sheetId, rowIndex: row - 1, columnIndex: c },
        // A pasted block's rows share one time: one Utilities call for all.
        rows: values.map((v) => ({ values: [seen.get(v) ?? seen.set(v, cellOf(v, timeZone)).get(v)!] })),
        // The script's columns have no format of their own but a time's (setup sets none).
        fields: "userEnteredValue,userEnteredFormat.numberFormat",
      },
    });
  }
  return out;
}

/** Everything `marked` changes in a block whose first row is `row`: notes, colours, script columns. */
export function markedRequests(
  sheetId: number,
  row: number,
  cells: BlockCells,
  rows: readonly CellValue[][],
  marked: {
    notes: string[][];
    backgrounds: (string | null)[][];
    scriptColumns: ReadonlyMap<number, readonly CellValue[]>;
  },
): Request[] {
  return [
    ...markRequests(sheetId, row, cells, marked.notes, marked.backgrounds),
    ...columnRequests(sheetId, row, rows, marked.scriptColumns, cells.timeZone),
  ];
}

/** Sends `requests` in one batchUpdate (none when there are none). */
export function send(ssId: string, requests: Request[]): void {
  if (requests.length > 0) api().Spreadsheets.batchUpdate({ requests }, ssId);
}

/** Lines appended to the log tab (as core/tables.ts logRow fits them), each cut text whole in its note. */
export function appendRequest(
  sheetId: number,
  lines: readonly { values: CellValue[]; notes: string[] }[],
  timeZone: string,
): Request {
  return {
    appendCells: {
      sheetId,
      rows: lines.map((l) => ({
        values: l.values.map((v, c) => ({ ...cellOf(v, timeZone, true), note: l.notes[c] })),
      })),
      fields: "userEnteredValue,note,userEnteredFormat.numberFormat",
    },
  };
}

/** Where an edited block is: its tab by the kept name and by id, its rows, and the block itself. */
export interface Block {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  ssId: string;
  tab: string;
  sheetId: number;
  /** First row (1-based), rows, and width from column 1. */
  row: number;
  rows: number;
  width: number;
  range: Range;
}

/**
 * How one edit reads its block's notes and colours and writes its marks and its log line: through the
 * Sheets API (one request each way), or through SpreadsheetApp (a call per kind of data) once the API's
 * per-minute quota is spent.
 */
export interface EditCells {
  read(block: Block, logTab: string): BlockCells;
  /** Marks that changed (none when `marked` is null), then the log line of `change`. */
  write(
    block: Block,
    cells: BlockCells,
    rows: readonly CellValue[][],
    marked: MarkedRows | null,
    log: { change: LoggedChange; office: readonly string[] },
  ): void;
}

export const apiCells: EditCells = {
  read: (b, logTab) => readBlockCells(b.ssId, b.tab, b.row, b.rows, b.width, logTab),
  write(b, cells, rows, marked, log) {
    const requests = marked ? markedRequests(b.sheetId, b.row, cells, rows, marked) : [];
    // The log line goes in the same batch, after the lines that waited for an office execution.
    const lines = cells.logSheetId === undefined ? null : changeLines([log.change], log.office);
    if (lines) requests.push(appendRequest(cells.logSheetId!, lines.lines, cells.timeZone));
    send(b.ssId, requests);
    if (lines) lines.written();
    else appendChange(b.ss, log.change, log.office);
  },
};

function differs(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  return a.some((row, r) => row.some((v, c) => v !== b[r]?.[c]));
}

/**
 * The script's columns written into the block (whose values are `rows`), one call per run of adjacent
 * columns from the first that changed to the last; a time in the look the API path gives it.
 */
function writeColumns(
  range: Range,
  rows: readonly CellValue[][],
  columns: ReadonlyMap<number, readonly CellValue[]>,
) {
  const changed = (c: number) => columns.get(c)!.some((v, r) => v !== rows[r]?.[c]);
  const indexes = [...columns.keys()].sort((a, b) => a - b);
  for (let start = 0; start < indexes.length; ) {
    let end = start;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end]! + 1) end++;
    const run = indexes.slice(start, end + 1);
    while (run.length > 0 && !changed(run[0]!)) run.shift();
    while (run.length > 0 && !changed(run[run.length - 1]!)) run.pop();
    if (run.length > 0) {
      const height = columns.get(run[0]!)!.length;
      const values = Array.from({ length: height }, (_, r) => run.map((c) => columns.get(c)![r] ?? ""));
      range.offset(0, run[0]!, height, run.length).setValues(values);
      for (const c of run)
        if (columns.get(c)!.some(isDate)) range.offset(0, c, height, 1).setNumberFormat(DATE_TIME);
    }
    start = end + 1;
  }
}

/**
 * The same reads and writes through SpreadsheetApp, for an edit that met the Sheets API's per-minute
 * quota (60 reads and 60 writes per user, and the edit trigger runs as the office for every staff
 * member): more calls, but no such limit, so the marks and the log line land now.
 */
export const spreadsheetCells: EditCells = {
  read(b) {
    // By the kept name, as the API reads: a name that is late is found out the same way.
    const own = b.ss.getSheetByName(b.tab);
    return {
      timeZone: b.ss.getSpreadsheetTimeZone(),
      locale: b.ss.getSpreadsheetLocale(),
      sheetId: own ? own.getSheetId() : -1,
      rowCount: (own ?? b.range.getSheet()).getMaxRows(),
      notes: b.range.getNotes(),
      backgrounds: b.range.getBackgrounds(),
      // Not needed: appendChange finds the log itself.
      logSheetId: undefined,
    };
  },
  write(b, cells, rows, marked, log) {
    if (marked) {
      if (differs(marked.notes, cells.notes)) b.range.setNotes(marked.notes);
      if (differs(colours(marked.backgrounds), cells.backgrounds))
        b.range.setBackgrounds(marked.backgrounds as string[][]);
      writeColumns(b.range, rows, marked.scriptColumns);
    }
    appendChange(b.ss, log.change, log.office);
  },
};

/** Google's answer when the Sheets API's per-minute quota is spent (HTTP 429, "Quota exceeded for …"). */
export function isQuotaError(err: unknown): boolean {
  const message = typeof err === "object" && err !== null && "message" in err ? err.message : err;
  return /Quota exceeded/i.test(String(message));
}
