/**
 * Setup's reads and writes through the Sheets advanced service (issue 17): what SpreadsheetApp does one
 * call per column width, column mark or protection setting, the API does in one batchUpdate; what
 * SpreadsheetApp reads one call per protection, one spreadsheets.get lists. Only translation to the
 * API's requests lives here; what must be so is decided by the callers.
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request
 */
import type { ColumnKey } from "../core/columns";
import { COLUMN_MARK } from "../core/columns";

type Request = GoogleAppsScript.Sheets.Schema.Request;
type ProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;

/** The advanced service, enabled in appsscript.json (undefined only in a project without it). */
export function api(): GoogleAppsScript.Sheets {
  if (!Sheets)
    throw new Error("Dự án Apps Script chưa bật dịch vụ nâng cao Google Sheets API (appsscript.json).");
  return Sheets;
}

/** A tab as one spreadsheets.get gives it: its id, frozen rows and protections. */
export interface TabState {
  sheetId: number;
  frozen: number;
  /** Its rows (grid size); unknown for a tab made in this run. */
  rows?: number;
  protections: ProtectedRange[];
}

/** Every tab of `ss` by name, in one request. */
export function readTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, TabState> {
  const got = api().Spreadsheets.get(ss.getId(), {
    fields:
      "sheets(properties(sheetId,title,gridProperties(rowCount,frozenRowCount)),protectedRanges(protectedRangeId,range,description,editors))",
  });
  const tabs = new Map<string, TabState>();
  for (const s of got.sheets ?? []) {
    // Fields at their default are left out of the API's JSON: the first sheet's id 0, no frozen rows.
    const p = s.properties ?? {};
    tabs.set(p.title ?? "", {
      sheetId: p.sheetId ?? 0,
      frozen: p.gridProperties?.frozenRowCount ?? 0,
      rows: p.gridProperties?.rowCount ?? 0,
      protections: s.protectedRanges ?? [],
    });
  }
  return tabs;
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
