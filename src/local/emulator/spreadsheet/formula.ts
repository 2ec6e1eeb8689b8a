// Formulas are stored, not computed: getFormulas shows them, getValues gives "#ERROR!" for them.
import type { Ctx, SheetData, SpreadsheetData } from "./model";
import type { CellValue } from "./values";

export function formulaValue(
  _ctx: Ctx,
  _ss: SpreadsheetData,
  _sheet: SheetData,
  _formula: string,
): CellValue {
  return "#ERROR!";
}
