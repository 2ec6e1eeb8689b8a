import { Base, instrument } from "./base";
import type { Ctx } from "./model";
import { isRangeArg, type RangeArg, type RuleArg, type RuleData } from "./validation-rules";
import { copyDate, isDate } from "./values";
import { DataValidationBuilderImpl } from "./data-validation-builder";
import { RangeImpl } from "./range";

export function copyArg(a: RuleArg): RuleArg {
  if (Array.isArray(a)) return a.map((x) => (isDate(x) ? copyDate(x) : x));
  if (isDate(a)) return copyDate(a);
  if (isRangeArg(a)) return { $range: { ...a.$range } };
  return a;
}

export class DataValidationImpl extends Base {
  constructor(
    c: Ctx,
    readonly _rule: RuleData,
  ) {
    super(c);
  }
  getCriteriaType(): string {
    return this._rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._rule.args.map((a) => (isRangeArg(a) ? rangeFromArg(this._c, a) : copyArg(a)));
  }
  getHelpText(): string {
    return this._rule.helpText;
  }
  getAllowInvalid(): boolean {
    return this._rule.allowInvalid;
  }
  copy(): DataValidationBuilderImpl {
    const b = new DataValidationBuilderImpl(this._c);
    b._criteria = this._rule.criteria;
    b._args = this._rule.args.map(copyArg);
    b._allowInvalid = this._rule.allowInvalid;
    b._helpText = this._rule.helpText;
    return b;
  }
  override toString(): string {
    return "DataValidation";
  }
}

export function rangeFromArg(c: Ctx, a: RangeArg): RangeImpl | null {
  const ss = c.spreadsheets.get(a.$range.spreadsheetId);
  const sheet = ss?.sheets.find((s) => s.sheetId === a.$range.sheetId);
  if (!ss || !sheet) return null;
  return new RangeImpl(c, ss, sheet, {
    row: a.$range.row,
    col: a.$range.col,
    numRows: a.$range.numRows,
    numCols: a.$range.numCols,
  });
}

instrument(DataValidationImpl, "DataValidation");
