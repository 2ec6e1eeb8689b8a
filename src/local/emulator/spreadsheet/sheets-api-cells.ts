// The Sheets advanced service's cells: grid data of spreadsheets.get with `ranges` (values as entered,
// number formats, data validation rules, column properties), and batchUpdate's setDataValidation and
// repeatCell numberFormat. The same model SpreadsheetApp reads and writes (RuleData, CellData.nf).
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#griddata
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#celldata
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#conditiontype
import { parseA1, resolveRef, type Rect } from "./a1";
import { notImplemented } from "../errors";
import type { CellData, SheetData, SpreadsheetData } from "./model";
import { toSerial } from "./time";
import type { Criteria, RuleData } from "./validation-rules";
import { isDate } from "./values";

type Obj = Record<string, unknown>;

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

/** CellData fields this emulator gives, by the mask under `values`. */
const CELL_FIELDS = ["userEnteredValue", "userEnteredFormat", "dataValidation"];

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
  if (c.nf !== undefined && wants.has("userEnteredFormat"))
    out.userEnteredFormat = { numberFormat: { type: formatType(c.nf), pattern: c.nf } };
  if (c.dv && wants.has("dataValidation")) out.dataValidation = apiRule(c.dv);
  return out;
}

type Mask = Map<string, Mask | null>;

/** Refuses a mask asking for cell fields this emulator does not give (they would be silently missing). */
function checkCellMask(values: Mask | null): void {
  if (values === null || values.has("*"))
    notImplemented("spreadsheets.get every field of CellData (name the fields in the mask)");
  for (const [k, sub] of values) {
    if (!CELL_FIELDS.includes(k)) notImplemented(`spreadsheets.get CellData field "${k}"`);
    if (k === "userEnteredFormat" && (sub === null || [...sub.keys()].some((f) => f !== "numberFormat")))
      notImplemented("spreadsheets.get userEnteredFormat fields other than numberFormat");
  }
}

/** The sub-mask at `path` ("a.b"), null when the whole field is asked for, undefined when not at all. */
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

/** Each range of `ranges` ("'Sheet'!A1:C10"), resolved; throws Google's message for a bad one. */
export function gridRanges(ss: SpreadsheetData, ranges: unknown): { sheet: SheetData; rect: Rect }[] {
  const list = typeof ranges === "string" ? [ranges] : ranges;
  if (!Array.isArray(list)) throw new Error("ranges must be a string or a list of strings.");
  return list.map((r: unknown) => {
    const ref = typeof r === "string" ? parseA1(r) : undefined;
    const name = ref?.sheetName;
    const sheet = ss.sheets.find((s) => !s.deleted && (name === undefined ? true : s.name === name));
    if (!ref || !sheet) throw new Error(`Unable to parse range: ${String(r)}`);
    const rect = resolveRef(ref, sheet.maxRows, sheet.maxCols);
    // Parts past the grid are not there to return: the range is cut to the sheet.
    return {
      sheet,
      rect: {
        ...rect,
        numRows: Math.min(rect.numRows, sheet.maxRows - rect.row + 1),
        numCols: Math.min(rect.numCols, sheet.maxCols - rect.col + 1),
      },
    };
  });
}

/**
 * One GridData: startRow/startColumn (0-based, left out at 0), rowData (one RowData per row from
 * startRow, each with its cells from startColumn; trailing empty cells and rows left out), and
 * columnMetadata (one DimensionProperties per column: pixelSize, developerMetadata on that column).
 */
export function gridData(
  ss: SpreadsheetData,
  sheet: SheetData,
  rect: Rect,
  mask: Mask | null,
  applyMask: (value: unknown, mask: Mask | null) => unknown,
): Obj {
  const out: Obj = {};
  if (rect.row > 1) out.startRow = rect.row - 1;
  if (rect.col > 1) out.startColumn = rect.col - 1;
  const wants = (k: string) => mask === null || mask.has("*") || mask.has(k);
  const values = mask === null ? null : maskAt(mask, ["rowData", "values"]);
  if (wants("rowData") && values !== undefined) {
    checkCellMask(values);
    const wants = values as Mask;
    const rows: Obj[] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const cells: Obj[] = [];
      for (let c = rect.col; c < rect.col + rect.numCols; c++)
        cells.push(applyMask(cellData(ss, sheet.rows[r]?.[c], wants), wants) as Obj);
      while (cells.length > 0 && Object.keys(cells[cells.length - 1]!).length === 0) cells.pop();
      rows.push(cells.length > 0 ? { values: cells } : {});
    }
    while (rows.length > 0 && Object.keys(rows[rows.length - 1]!).length === 0) rows.pop();
    if (rows.length > 0) out.rowData = rows;
  }
  if (wants("columnMetadata")) {
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
