// The Sheets advanced service's values collection (`Sheets.Spreadsheets.Values`), for what the monthly
// rollup reads with it: one batchGet of many ranges, values unformatted, dates as serial numbers. One
// call is one request, counted as "ValuesCollection.batchGet" (its class in Google's types); the cells
// moved are the values the response holds. Anything else throws "Not implemented in the emulator".
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange
// "For output, empty trailing rows and columns will not be included"; the range given back is "the
// entire requested range, even though the values will exclude trailing rows and columns".
// https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption: SERIAL_NUMBER counts
// days since 30/12/1899, the time of day as the fraction, in the spreadsheet's time zone.
import { notImplemented } from "../errors";
import { quoteSheetName, rectA1 } from "./a1";
import { valueOfCell } from "./cells";
import { cellAt, type Ctx } from "./model";
import { openForApi } from "./sheets-api";
import { rangeOf } from "./sheets-api-grid";
import { toSerial } from "./time";
import { isDate } from "./values";

type Obj = Record<string, unknown>;
type Out = string | number | boolean;

export interface ValuesApi {
  batchGet(spreadsheetId: unknown, optionalArgs?: unknown): Obj;
}

function badRange(a1: string): Error {
  return new Error(
    `API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: ${a1}`,
  );
}

export function createValuesApi(ctx: Ctx): ValuesApi {
  return {
    batchGet(spreadsheetId, optionalArgs) {
      const { ss } = openForApi(ctx, spreadsheetId, false);
      const args = (optionalArgs ?? {}) as Obj;
      for (const k of Object.keys(args))
        if (!["ranges", "valueRenderOption", "dateTimeRenderOption", "majorDimension"].includes(k))
          notImplemented(`ValuesCollection.batchGet option "${k}"`);
      if (args.valueRenderOption !== "UNFORMATTED_VALUE")
        notImplemented(`ValuesCollection.batchGet valueRenderOption "${String(args.valueRenderOption)}"`);
      if ((args.dateTimeRenderOption ?? "SERIAL_NUMBER") !== "SERIAL_NUMBER")
        notImplemented(
          `ValuesCollection.batchGet dateTimeRenderOption "${String(args.dateTimeRenderOption)}"`,
        );
      if ((args.majorDimension ?? "ROWS") !== "ROWS")
        notImplemented(`ValuesCollection.batchGet majorDimension "${String(args.majorDimension)}"`);
      const ranges = typeof args.ranges === "string" ? [args.ranges] : args.ranges;
      if (!Array.isArray(ranges) || ranges.some((r) => typeof r !== "string"))
        throw new Error("ranges must be a list of ranges in A1 notation.");
      const live = ss.sheets.filter((s) => !s.deleted);
      const count = ctx.host.count as Ctx["host"]["count"] & { cells?(n: number): void };
      // Every range is resolved before any is read: one bad range fails the whole request.
      const wanted = (ranges as string[]).map((a1) => rangeOf(live, a1, badRange));
      const valueRanges = wanted.map(({ sheet, rect }) => {
        const values: Out[][] = [];
        let moved = 0;
        for (let r = 0; r < rect.numRows; r++) {
          const row: Out[] = [];
          for (let c = 0; c < rect.numCols; c++) {
            const v = valueOfCell(ctx, ss, sheet, cellAt(sheet, rect.row + r, rect.col + c));
            row.push(isDate(v) ? toSerial(v.getTime(), ss.timeZone) : v);
          }
          while (row.length > 0 && row[row.length - 1] === "") row.pop();
          values.push(row);
          moved += row.length;
        }
        while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
        count.cells?.(moved);
        const out: Obj = { range: `${quoteSheetName(sheet.name)}!${rectA1(rect)}`, majorDimension: "ROWS" };
        if (values.length > 0) out.values = values;
        return out;
      });
      return { spreadsheetId: ss.id, valueRanges };
    },
  };
}
