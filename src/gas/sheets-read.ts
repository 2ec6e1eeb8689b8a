/**
 * The monthly rollup's read (issue 17): every unit tab's needed columns in one request of the Sheets
 * advanced service, spreadsheets.values.batchGet, instead of a getLastRow and a getValues per tab and
 * per run of columns. Values come unformatted and dates as serial numbers (days since 30/12/1899 in the
 * spreadsheet's time zone, which setup makes Asia/Ho_Chi_Minh): core reads a serial as the date it
 * shows (parse.ts parseDate), with no Date object made per cell. The API leaves out a row's trailing
 * empty cells and a range's trailing empty rows: what is not there reads as empty.
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
 */
import type { CellValue } from "../core/cell";
import { api, quotedTab } from "./sheets-batch";
import { columnLetter } from "./unit-tab";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A tab's columns to read: runs of adjacent columns, each [0-based first column, width]. */
export interface TabRead {
  tab: string;
  runs: [number, number][];
}

/** Sorted 0-based columns → runs of adjacent ones. */
export function runsOf(columns: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of columns) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else runs.push([c, 1]);
  }
  return runs;
}

/**
 * Reads every tab's runs from row 1 in one batchGet: each value at its own column's index in the row,
 * a column not read absent (read as empty).
 */
export function readColumns(ss: Spreadsheet, reads: readonly TabRead[]): CellValue[][][] {
  const ranges = reads.flatMap((r) =>
    r.runs.map(
      ([from, width]) => `${quotedTab(r.tab)}!${columnLetter(from + 1)}:${columnLetter(from + width)}`,
    ),
  );
  if (ranges.length === 0) return reads.map(() => []);
  const got = api().Spreadsheets.Values.batchGet(ss.getId(), {
    ranges,
    valueRenderOption: "UNFORMATTED_VALUE",
    dateTimeRenderOption: "SERIAL_NUMBER",
  });
  const parts = (got.valueRanges ?? []).map((v) => (v.values ?? []) as CellValue[][]);
  let k = 0;
  return reads.map((r) => {
    const out: CellValue[][] = [];
    for (const [from] of r.runs) {
      const part = parts[k++]!;
      // The first columns as one run: the API's rows as they are.
      if (from === 0 && r.runs.length === 1) return part;
      part.forEach((cells, i) => {
        const row = out[i] ?? [];
        out[i] = row;
        cells.forEach((v, c) => {
          row[from + c] = v;
        });
      });
    }
    return out;
  });
}
