// RangeList: several ranges of one sheet, from Sheet.getRangeList.
// https://developers.google.com/apps-script/reference/spreadsheet/range-list
import { Base, instrument } from "./base";
import type { Ctx, SheetData, SpreadsheetData } from "./model";
import type { RangeImpl } from "./range";

export class RangeListImpl extends Base {
  constructor(
    c: Ctx,
    readonly _ssData: SpreadsheetData,
    readonly _sheet: SheetData,
    readonly _ranges: RangeImpl[],
  ) {
    super(c);
  }
  getRanges(): RangeImpl[] {
    return [...this._ranges];
  }
  override toString(): string {
    return "RangeList";
  }
}

instrument(RangeListImpl, "RangeList");
