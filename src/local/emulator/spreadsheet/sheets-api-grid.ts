// The Sheets advanced service's grid data: what spreadsheets.get gives with a field mask naming
// sheets.data (each range of `ranges`, or without ranges each sheet whole): the cells' values as entered,
// notes, backgrounds, number formats and data validation rules, and the columns' properties; the rules
// setDataValidation writes; and the A1 ranges every read of the API takes (spreadsheets.get's `ranges`,
// values.batchGet's). The same model SpreadsheetApp reads and writes (CellData, RuleData). Anything else
// throws "Not implemented in the emulator".
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#griddata
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#celldata
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#conditiontype
// https://developers.google.com/sheets/api/guides/concepts#cell (A1 notation without a sheet name: the
// first visible sheet)
import { notImplemented } from "../errors";
import { parseA1, type Rect, resolveRef } from "./a1";
import type { CellData, SheetData, SpreadsheetData } from "./model";
import { toSerial } from "./time";
import type { Criteria, RuleData } from "./validation-rules";
import { isDate } from "./values";

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

/** SpreadsheetApp's criteria and the API's ConditionType, for the conditions both name the same way. */
const CONDITIONS: [Criteria, string][] = [
  ["VALUE_IN_LIST", "ONE_OF_LIST"],
  ["NUMBER_GREATER_THAN", "NUMBER_GREATER"],
  ["NUMBER_GREATER_THAN_OR_EQUAL_TO", "NUMBER_GREATER_THAN_EQ"],
  ["NUMBER_LESS_THAN", "NUMBER_LESS"],
  ["NUMBER_LESS_THAN_OR_EQUAL_TO", "NUMBER_LESS_THAN_EQ"],
  ["NUMBER_EQUAL_TO", "NUMBER_EQ"],
  ["NUMBER_NOT_EQUAL_TO", "NUMBER_NOT_EQ"],
  ["NUMBER_BETWEEN", "NUMBER_BETWEEN"],
  ["NUMBER_NOT_BETWEEN", "NUMBER_NOT_BETWEEN"],
  ["DATE_IS_VALID_DATE", "DATE_IS_VALID"],
  ["TEXT_CONTAINS", "TEXT_CONTAINS"],
  ["TEXT_DOES_NOT_CONTAIN", "TEXT_NOT_CONTAINS"],
  ["TEXT_EQUAL_TO", "TEXT_EQ"],
  ["TEXT_IS_VALID_EMAIL", "TEXT_IS_EMAIL"],
  ["TEXT_IS_VALID_URL", "TEXT_IS_URL"],
  ["CUSTOM_FORMULA", "CUSTOM_FORMULA"],
];

/** A rule as the API writes it (DataValidationRule): fields at their default left out. */
export function apiRule(rule: RuleData): Obj {
  const type = CONDITIONS.find(([c]) => c === rule.criteria)?.[1];
  if (type === undefined) return notImplemented(`spreadsheets.get dataValidation of a ${rule.criteria} rule`);
  const list = rule.criteria === "VALUE_IN_LIST";
  const args = list ? ((rule.args[0] ?? []) as unknown[]) : rule.args;
  const values = args.map((a) => ({ userEnteredValue: String(a) }));
  const out: Obj = { condition: values.length > 0 ? { type, values } : { type } };
  if (rule.helpText !== "") out.inputMessage = rule.helpText;
  if (!rule.allowInvalid) out.strict = true;
  // A list's dropdown is its "custom UI" (requireValueInList's showDropdown).
  if (list && rule.args[1] === true) out.showCustomUi = true;
  return out;
}

/** The model's rule of a DataValidationRule; throws `invalid` for what the API would refuse. */
export function ruleOfApi(rule: Obj, invalid: (m: string) => Error): RuleData {
  const condition = (rule.condition ?? {}) as { type?: unknown; values?: unknown };
  const criteria = CONDITIONS.find(([, t]) => t === condition.type)?.[0];
  if (criteria === undefined) {
    if (typeof condition.type !== "string") throw invalid("rule.condition.type is required.");
    return notImplemented(`SpreadsheetsCollection.batchUpdate setDataValidation ${condition.type}`);
  }
  const values = (Array.isArray(condition.values) ? condition.values : []).map((v) => {
    const u = (v as Obj | null)?.userEnteredValue;
    if (typeof u !== "string") throw invalid("each condition value needs a userEnteredValue.");
    return u;
  });
  const numbers = () =>
    values.map((v) => {
      const n = Number(v);
      if (v.trim() === "" || !Number.isFinite(n)) throw invalid(`"${v}" is not a number.`);
      return n;
    });
  const args =
    criteria === "VALUE_IN_LIST"
      ? [values, rule.showCustomUi === true]
      : criteria.startsWith("NUMBER_")
        ? numbers()
        : values;
  return {
    criteria,
    args,
    allowInvalid: rule.strict !== true,
    helpText: typeof rule.inputMessage === "string" ? rule.inputMessage : "",
  };
}

/** NumberFormat's type for a pattern (TEXT, NUMBER, PERCENT, SCIENTIFIC, DATE, TIME, DATE_TIME). */
function formatType(pattern: string): string {
  if (pattern === "@") return "TEXT";
  const bare = pattern.replace(/"[^"]*"|\\./g, "");
  const date = /[dy]|M(?![^[]*\])/.test(bare.replace(/\[[^\]]*\]/g, ""));
  const time = /[hs]|am\/pm/i.test(bare);
  if (date && time) return "DATE_TIME";
  if (date) return "DATE";
  if (time) return "TIME";
  if (bare.includes("%")) return "PERCENT";
  if (/E[+-]/i.test(bare)) return "SCIENTIFIC";
  return "NUMBER";
}

/** CellData fields this emulator gives, and the CellFormat fields of userEnteredFormat. */
const CELL_FIELDS = ["note", "userEnteredValue", "userEnteredFormat", "dataValidation"];
const FORMAT_FIELDS = ["numberFormat", "backgroundColorStyle", "wrapStrategy"];
const DATA_FIELDS = ["rowData", "startRow", "startColumn", "columnMetadata"];

/** The sub-mask at `path`, null when the whole field is asked for, undefined when not at all. */
export function maskAt(mask: Mask, path: string[]): Mask | null | undefined {
  let node: Mask | null = mask;
  for (const p of path) {
    if (node === null || node.has("*")) return null;
    const next: Mask | null | undefined = node.get(p);
    if (next === undefined) return undefined;
    node = next;
  }
  return node;
}

/**
 * Refuses a mask under sheets.data asking what the emulator does not give (it would look like empty
 * cells): every field of a grid or of a cell must be named.
 */
export function checkGridMask(data: Mask | null): void {
  if (data === null || data.has("*"))
    notImplemented("SpreadsheetsCollection.get field sheets.data without naming its fields");
  for (const key of data.keys())
    if (!DATA_FIELDS.includes(key)) notImplemented(`SpreadsheetsCollection.get field sheets.data.${key}`);
  const values = maskAt(data, ["rowData", "values"]);
  if (values === undefined) return;
  if (values === null || values.has("*"))
    notImplemented("SpreadsheetsCollection.get field sheets.data.rowData without naming the cell's fields");
  for (const [key, sub] of values) {
    if (!CELL_FIELDS.includes(key)) notImplemented(`SpreadsheetsCollection.get field CellData.${key}`);
    if (key === "userEnteredFormat")
      for (const f of sub?.keys() ?? ["*"])
        if (!FORMAT_FIELDS.includes(f)) notImplemented(`SpreadsheetsCollection.get field CellFormat.${f}`);
  }
}

/** The fields of CellData `wants` names (the others are not made: a grid is large). */
function cellData(ss: SpreadsheetData, c: CellData | undefined, wants: Mask): Obj {
  const out: Obj = {};
  if (!c) return out;
  if (wants.has("userEnteredValue")) {
    if (c.f !== undefined) out.userEnteredValue = { formulaValue: c.f };
    else if (typeof c.v === "number") out.userEnteredValue = { numberValue: c.v };
    else if (typeof c.v === "boolean") out.userEnteredValue = { boolValue: c.v };
    else if (isDate(c.v)) out.userEnteredValue = { numberValue: toSerial(c.v.getTime(), ss.timeZone) };
    else if (typeof c.v === "string" && c.v !== "") out.userEnteredValue = { stringValue: c.v };
  }
  if (c.note && wants.has("note")) out.note = c.note;
  const format: Obj = {};
  if (c.nf !== undefined) format.numberFormat = { type: formatType(c.nf), pattern: c.nf };
  if (c.bg !== undefined) format.backgroundColorStyle = { rgbColor: colorOf(c.bg) };
  // CellFormat.wrapStrategy, only when asked for by name (or the whole format): WRAP, or OVERFLOW_CELL for
  // a cell set not to wrap; left out where never set, as any field at its default.
  const formatMask = wants.get("userEnteredFormat");
  if (c.wrap !== undefined && (formatMask === null || formatMask?.has("wrapStrategy")))
    format.wrapStrategy = c.wrap ? "WRAP" : "OVERFLOW_CELL";
  if (wants.has("userEnteredFormat") && Object.keys(format).length > 0) out.userEnteredFormat = format;
  if (c.dv && wants.has("dataValidation")) out.dataValidation = apiRule(c.dv);
  return out;
}

/**
 * One GridData: startRow/startColumn (0-based, left out at 0), rowData (one RowData per row from
 * startRow, each with its cells from startColumn), and columnMetadata (one DimensionProperties per
 * column: pixelSize, developerMetadata on that column). Empty cells at the end of a row and empty rows at
 * the end are left out, as the API does for values ("Empty trailing rows and columns are omitted",
 * ValueRange); for grid data this is not recorded on Google, so it is the stricter case for readers: they
 * must take a missing cell or row as empty. `mask` is the one under sheets.data, checked by checkGridMask.
 */
export function gridData(
  ss: SpreadsheetData,
  sheet: SheetData,
  rect: Rect,
  mask: Mask,
  applyMask: (value: unknown, mask: Mask | null) => unknown,
): Obj {
  const out: Obj = {};
  if (rect.row > 1) out.startRow = rect.row - 1;
  if (rect.col > 1) out.startColumn = rect.col - 1;
  const values = maskAt(mask, ["rowData", "values"]);
  if (values) {
    const rows: Obj[] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const cells: Obj[] = [];
      // Each cell masked as it is made (a grid is most of the answer: not copied twice).
      for (let c = rect.col; c < rect.col + rect.numCols; c++)
        cells.push(applyMask(cellData(ss, sheet.rows[r]?.[c], values), values) as Obj);
      while (cells.length > 0 && Object.keys(cells[cells.length - 1]!).length === 0) cells.pop();
      rows.push(cells.length > 0 ? { values: cells } : {});
    }
    while (rows.length > 0 && Object.keys(rows[rows.length - 1]!).length === 0) rows.pop();
    if (rows.length > 0) out.rowData = rows;
  }
  if (mask.has("columnMetadata")) {
    const columns: Obj[] = [];
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      const developerMetadata = ss.metadata
        .filter(
          (m) =>
            m.location.type === "COLUMN" &&
            m.location.sheetId === sheet.sheetId &&
            m.location.start === c &&
            m.location.end === c,
        )
        .map((m) => ({
          metadataId: m.id,
          metadataKey: m.key,
          ...(m.value === null ? {} : { metadataValue: m.value }),
          location: {
            locationType: "COLUMN",
            dimensionRange: {
              ...(sheet.sheetId === 0 ? {} : { sheetId: sheet.sheetId }),
              dimension: "COLUMNS",
              ...(c === 1 ? {} : { startIndex: c - 1 }),
              endIndex: c,
            },
          },
          visibility: m.visibility,
        }));
      columns.push({
        pixelSize: sheet.colWidths[c] ?? 100,
        ...(developerMetadata.length > 0 ? { developerMetadata } : {}),
      });
    }
    out.columnMetadata = columns;
  }
  // Everything but the cells (masked as they were made) as the mask says.
  const { rowData, ...rest } = out;
  const shown = applyMask(rest, mask) as Obj;
  return rowData === undefined ? shown : { ...shown, rowData };
}
