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
export function api(): GoogleAppsScript.Sheets {
  if (!Sheets)
    throw new Error("Dự án Apps Script chưa bật dịch vụ nâng cao Google Sheets API (appsscript.json).");
  return Sheets;
}

/** Spreadsheets' ids already asked for in this execution: each getId is a call, and the id never changes. */
const ids = new WeakMap<object, string>();

/** The spreadsheet's id, asked for once per execution (setup's reads and write name it four times). */
export function idOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  let id = ids.get(ss);
  if (id === undefined) {
    id = ss.getId();
    ids.set(ss, id);
  }
  return id;
}

/** A tab as one spreadsheets.get gives it: its id, frozen rows and protections. */
export interface TabState {
  sheetId: number;
  frozen: number;
  /** Its rows and columns (grid size); unknown for a tab made in this run. */
  rows?: number;
  columns?: number;
  /** Hidden from view (unknown for a tab made in this run: shown). */
  hidden?: boolean;
  protections: ProtectedRange[];
}

/** Every tab of `ss` by name, in one request. */
export function readTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, TabState> {
  const got = api().Spreadsheets.get(idOf(ss), {
    fields:
      "sheets(properties(sheetId,title,hidden,gridProperties(rowCount,columnCount,frozenRowCount)),protectedRanges(protectedRangeId,range,description,editors))",
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
      hidden: p.hidden ?? false,
      protections: s.protectedRanges ?? [],
    });
  }
  return tabs;
}

/** A tab's name as an A1 range names it: quoted, a quote doubled ("'Công an xã'"). */
export function quotedTab(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** An API colour (components 0–1) of "#rrggbb". */
export function rgbOf(hex: string): GoogleAppsScript.Sheets.Schema.Color {
  const [red, green, blue] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  return { red, green, blue };
}

/** A unit tab's first rows as setup checks them: the header, the column marks, row 2's help texts. */
export interface TabHead {
  /** Row 1's values, as far as the last one that holds something. */
  header: CellValue[];
  /** The add-in's column marks (tab-columns.ts), null when the tab has none. */
  marks: ColumnIndex | null;
  /** The input message (help text) of row 2's rule in each column, "" where it has none. */
  help: string[];
  /** Whether row 2's first cell wraps its text (a log laid out by setup: table.ts layoutLog). */
  wrapped: boolean;
}

/** A1 range of rows `from`..`to` (1-based), columns `first`..`last` (1-based): "'Công an xã'!C2:F1000". */
function cellsRange(title: string, from: number, to: number, first: number, last: number): string {
  return `${quotedTab(title)}!${columnLetter(first)}${from}:${columnLetter(last)}${to}`;
}

/** A cell's value as entered, the way getValues gives text, numbers and booleans (a formula: its text). */
function entered(cell: GoogleAppsScript.Sheets.Schema.CellData | undefined): CellValue {
  const v = cell?.userEnteredValue;
  return v?.stringValue ?? v?.numberValue ?? v?.boolValue ?? v?.formulaValue ?? "";
}

/**
 * The first two rows of the tabs `titles` (each known to `tabs`), in one request: the header's values,
 * the column marks, the help text of row 2's rules (checked on that row only: checkColumns reads
 * no help text, the largest part of a rule) and whether row 2 wraps. Nothing below row 2 is read here: a
 * tab's body is read only as far as the plan's rules and formats need (checkColumns), never its entries.
 * `widths`: how many columns to read of some tabs (the logs' headers), every column of the others.
 */
export function readHeads(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: Map<string, TabState>,
  titles: readonly string[],
  widths: ReadonlyMap<string, number> = new Map(),
): Map<string, TabHead> {
  const out = new Map<string, TabHead>();
  const ranges = titles.flatMap((t) => {
    const s = tabs.get(t);
    const width = Math.min(widths.get(t) ?? s?.columns ?? 0, s?.columns ?? 0);
    return s?.rows && width > 0 ? [cellsRange(t, 1, Math.min(2, s.rows), 1, width)] : [];
  });
  if (ranges.length === 0) return out;
  const got = api().Spreadsheets.get(idOf(ss), {
    ranges,
    fields:
      "sheets(properties.title,data(rowData.values(userEnteredValue,userEnteredFormat.wrapStrategy,dataValidation.inputMessage)," +
      "columnMetadata.developerMetadata(metadataKey,metadataValue)))",
  });
  for (const s of got.sheets ?? []) {
    const data = s.data?.[0] ?? {};
    const [first, second] = (data.rowData ?? []).map((r) => r.values ?? []);
    const header = (first ?? []).map(entered);
    while (header.length > 0 && header[header.length - 1] === "") header.pop();
    const help = (second ?? []).map((c) => c?.dataValidation?.inputMessage ?? "");
    const wrapped = second?.[0]?.userEnteredFormat?.wrapStrategy === "WRAP";
    out.set(s.properties?.title ?? "", { header, marks: marksIn(data.columnMetadata ?? []), help, wrapped });
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

/**
 * Whether two rules check the same: condition type and values, strict, dropdown. Not the input message
 * (help text): setup compares it on row 2 of each column only, as readHeads reads it (what that leaves
 * unchecked: docs/design-notes.md, "Setup's Sheets calls", fifth pass).
 */
export function sameRule(a: Rule | null | undefined, b: Rule | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  const [x, y] = [a.condition ?? {}, b.condition ?? {}];
  const [xs, ys] = [x.values ?? [], y.values ?? []];
  return (
    (x.type ?? "") === (y.type ?? "") &&
    (a.strict === true) === (b.strict === true) &&
    (a.showCustomUi === true) === (b.showCustomUi === true) &&
    xs.length === ys.length &&
    xs.every((v, k) => (v.userEnteredValue ?? "") === (ys[k]!.userEnteredValue ?? ""))
  );
}

/** One of the plan's columns in a unit tab, whose rule and number format setup checks. */
export interface ColumnCheck {
  /** The tab's title as the sheet has it, its id and rows (the rule covers rows 2..rows). */
  title: string;
  sheetId: number;
  rows: number;
  /** 0-based. */
  column: number;
  rule: Rule | null;
  format: NumberFormat | undefined;
  /** Written on every row without reading (a tab made in this run, row 2's help text not the plan's). */
  whole: boolean;
}

/**
 * Cells asked for in one request: about 3.6 MB of JSON on the bench's sheet (144 bytes a cell on
 * average; a cell costs its rule's condition, a list's options in full, and its number format's
 * pattern; no help text, no entry).
 */
const CELLS_PER_REQUEST = 25_000;

/**
 * Cells one run checks at most (about 36 MB, ten requests): 11 tabs of some 1,900 rows. Beyond it, the
 * tabs that do not fit (in plan order) get their rules and formats written on every row without being
 * read: one request per column and kind, whatever the rows, where reading them would cost some 144 bytes
 * a row and column (11 tabs of 20,000 rows: about 375 MB). Either way a rule removed or changed on one
 * row is put back; only a tab that fits is left unwritten when nothing differs.
 */
const CHECK_BUDGET = 250_000;

/**
 * The requests that give the columns `checks` their rule and number format where a cell differs: the
 * plan's columns only, rows 2 to the end, read in pages of at most CELLS_PER_REQUEST cells, several tabs
 * to a request; the tabs beyond CHECK_BUDGET written whole. Linear in the cells read, as a check that
 * finds a rule removed on one row must be, and bounded.
 */
export function checkColumns(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  checks: readonly ColumnCheck[],
): Request[] {
  const out: Request[] = [];
  const whole = (c: ColumnCheck) =>
    out.push(...columnRequests(c.sheetId, c.column, 1, c.rows, c.rule, c.format));
  const byTab = new Map<string, ColumnCheck[]>();
  for (const c of checks)
    if (c.whole) whole(c);
    else byTab.set(c.title, [...(byTab.get(c.title) ?? []), c]);
  let budget = CHECK_BUDGET;
  for (const [title, cs] of byTab) {
    const cells = cs.reduce((n, c) => n + Math.max(c.rows - 1, 0), 0);
    if (cells <= budget) budget -= cells;
    else {
      for (const c of cs) whole(c);
      byTab.delete(title);
    }
  }
  type Part = { range: string; cells: number };
  const parts: Part[] = [];
  for (const [title, cs] of byTab) {
    // Adjacent columns in one range: the plan's columns are mostly side by side.
    const runs: [number, number][] = [];
    for (const c of [...new Set(cs.map((x) => x.column))].sort((a, b) => a - b)) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const rows = Math.max(...cs.map((x) => x.rows));
    const page = Math.max(1, Math.floor(CELLS_PER_REQUEST / cs.length));
    for (let from = 2; from <= rows; from += page) {
      const to = Math.min(rows, from + page - 1);
      for (const [a, b] of runs)
        parts.push({
          range: cellsRange(title, from, to, a + 1, b + 1),
          cells: (to - from + 1) * (b - a + 1),
        });
    }
  }
  const requests: Part[][] = [];
  let size = 0;
  for (const p of parts) {
    const last = requests[requests.length - 1];
    if (last && size + p.cells <= CELLS_PER_REQUEST) {
      last.push(p);
      size += p.cells;
    } else {
      requests.push([p]);
      size = p.cells;
    }
  }
  const cellsOf = new Map<string, (GoogleAppsScript.Sheets.Schema.CellData | undefined)[][]>();
  const id = requests.length > 0 ? idOf(ss) : "";
  for (const request of requests) {
    const got = api().Spreadsheets.get(id, {
      ranges: request.map((p) => p.range),
      fields:
        "sheets(properties.title,data(startRow,startColumn,rowData.values(" +
        "userEnteredFormat.numberFormat.pattern,dataValidation(condition,strict,showCustomUi))))",
    });
    for (const s of got.sheets ?? []) {
      const title = s.properties?.title ?? "";
      const cells = cellsOf.get(title) ?? [];
      cellsOf.set(title, cells);
      for (const data of s.data ?? []) {
        const [top, left] = [data.startRow ?? 0, data.startColumn ?? 0];
        (data.rowData ?? []).forEach((r, i) => {
          const row = cells[top + i] ?? [];
          cells[top + i] = row;
          (r.values ?? []).forEach((v, j) => {
            row[left + j] = v;
          });
        });
      }
    }
  }
  for (const cs of byTab.values())
    for (const c of cs)
      out.push(
        ...columnRequests(c.sheetId, c.column, 1, c.rows, c.rule, c.format, cellsOf.get(c.title) ?? []),
      );
  return out;
}

/**
 * The requests that give rows [from, to) of column `column` (0-based) the rule `rule` (null: none) and,
 * when given, the number format `format`: only on the runs of rows whose cells (`cells`, as checkColumns
 * reads them; none: a tab made in this run) differ, so that a check with nothing to repair writes nothing.
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

/**
 * A new tab's header row from A1: each text as text (never parsed, as a header is never a number or a
 * formula), with its note where it has one. For a tab made in the same batch (setup.ts).
 */
export function headerCells(
  sheetId: number,
  header: readonly CellValue[],
  notes: readonly string[],
): Request {
  const values = header.map((h, c) => {
    const cell: GoogleAppsScript.Sheets.Schema.CellData = {};
    if (h !== "" && h !== null) cell.userEnteredValue = { stringValue: String(h) };
    if (notes[c]) cell.note = notes[c];
    return cell;
  });
  return {
    updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: 0 },
      rows: [{ values }],
      fields: "userEnteredValue,note",
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
  if (requests.length > 0) api().Spreadsheets.batchUpdate({ requests }, idOf(ss));
}
