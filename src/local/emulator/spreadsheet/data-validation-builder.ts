import { Base, instrument, signatureError } from "./base";
import { CRITERIA, type Criteria, isRangeArg, type RangeArg, type RuleArg } from "./validation-rules";
import { type CellValue, copyDate, isDate } from "./values";
import { copyArg, DataValidationImpl, rangeFromArg } from "./data-validation";
import { RangeImpl } from "./range";

export class DataValidationBuilderImpl extends Base {
  _criteria: Criteria | undefined;
  _args: RuleArg[] = [];
  _allowInvalid = true; // Google's default: show a warning, keep the value
  _helpText = "";

  _set(criteria: Criteria, args: RuleArg[]): this {
    this._criteria = criteria;
    this._args = args;
    return this;
  }
  _num(v: unknown, method: string): number {
    if (typeof v !== "number") throw signatureError("DataValidationBuilder", method, [v]);
    return v;
  }
  _date(v: unknown, method: string): Date {
    if (!isDate(v)) throw signatureError("DataValidationBuilder", method, [v]);
    return copyDate(v);
  }
  build(): DataValidationImpl {
    if (this._criteria === undefined)
      throw new Error("You must specify a criteria type for the data validation rule.");
    return new DataValidationImpl(this._c, {
      criteria: this._criteria,
      args: this._args.map(copyArg),
      allowInvalid: this._allowInvalid,
      helpText: this._helpText,
    });
  }
  copy(): DataValidationBuilderImpl {
    const b = new DataValidationBuilderImpl(this._c);
    b._criteria = this._criteria;
    b._args = this._args.map(copyArg);
    b._allowInvalid = this._allowInvalid;
    b._helpText = this._helpText;
    return b;
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  getCriteriaType(): string | null {
    return this._criteria ?? null;
  }
  getCriteriaValues(): unknown[] {
    return this._args.map((a) => (isRangeArg(a) ? rangeFromArg(this._c, a) : copyArg(a)));
  }
  getHelpText(): string | null {
    return this._helpText === "" ? null : this._helpText;
  }
  setAllowInvalid(allow: unknown): this {
    this._allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: unknown): this {
    this._helpText = text === null || text === undefined ? "" : String(text);
    return this;
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    const args: RuleArg[] = [];
    if (checked !== undefined) args.push(checked as CellValue);
    if (unchecked !== undefined) args.push(unchecked as CellValue);
    return this._set("CHECKBOX", args);
  }
  requireDate(): this {
    return this._set("DATE_IS_VALID_DATE", []);
  }
  requireDateAfter(d: unknown): this {
    return this._set("DATE_AFTER", [this._date(d, "requireDateAfter")]);
  }
  requireDateBefore(d: unknown): this {
    return this._set("DATE_BEFORE", [this._date(d, "requireDateBefore")]);
  }
  requireDateBetween(a: unknown, b: unknown): this {
    return this._set("DATE_BETWEEN", [
      this._date(a, "requireDateBetween"),
      this._date(b, "requireDateBetween"),
    ]);
  }
  requireDateNotBetween(a: unknown, b: unknown): this {
    return this._set("DATE_NOT_BETWEEN", [
      this._date(a, "requireDateNotBetween"),
      this._date(b, "requireDateNotBetween"),
    ]);
  }
  requireDateEqualTo(d: unknown): this {
    return this._set("DATE_EQUAL_TO", [this._date(d, "requireDateEqualTo")]);
  }
  requireDateOnOrAfter(d: unknown): this {
    return this._set("DATE_ON_OR_AFTER", [this._date(d, "requireDateOnOrAfter")]);
  }
  requireDateOnOrBefore(d: unknown): this {
    return this._set("DATE_ON_OR_BEFORE", [this._date(d, "requireDateOnOrBefore")]);
  }
  requireFormulaSatisfied(formula: unknown): this {
    return this._set("CUSTOM_FORMULA", [String(formula)]);
  }
  requireNumberBetween(a: unknown, b: unknown): this {
    return this._set("NUMBER_BETWEEN", [
      this._num(a, "requireNumberBetween"),
      this._num(b, "requireNumberBetween"),
    ]);
  }
  requireNumberNotBetween(a: unknown, b: unknown): this {
    return this._set("NUMBER_NOT_BETWEEN", [
      this._num(a, "requireNumberNotBetween"),
      this._num(b, "requireNumberNotBetween"),
    ]);
  }
  requireNumberEqualTo(n: unknown): this {
    return this._set("NUMBER_EQUAL_TO", [this._num(n, "requireNumberEqualTo")]);
  }
  requireNumberNotEqualTo(n: unknown): this {
    return this._set("NUMBER_NOT_EQUAL_TO", [this._num(n, "requireNumberNotEqualTo")]);
  }
  requireNumberGreaterThan(n: unknown): this {
    return this._set("NUMBER_GREATER_THAN", [this._num(n, "requireNumberGreaterThan")]);
  }
  requireNumberGreaterThanOrEqualTo(n: unknown): this {
    return this._set("NUMBER_GREATER_THAN_OR_EQUAL_TO", [this._num(n, "requireNumberGreaterThanOrEqualTo")]);
  }
  requireNumberLessThan(n: unknown): this {
    return this._set("NUMBER_LESS_THAN", [this._num(n, "requireNumberLessThan")]);
  }
  requireNumberLessThanOrEqualTo(n: unknown): this {
    return this._set("NUMBER_LESS_THAN_OR_EQUAL_TO", [this._num(n, "requireNumberLessThanOrEqualTo")]);
  }
  requireTextContains(t: unknown): this {
    return this._set("TEXT_CONTAINS", [String(t)]);
  }
  requireTextDoesNotContain(t: unknown): this {
    return this._set("TEXT_DOES_NOT_CONTAIN", [String(t)]);
  }
  requireTextEqualTo(t: unknown): this {
    return this._set("TEXT_EQUAL_TO", [String(t)]);
  }
  requireTextIsEmail(): this {
    return this._set("TEXT_IS_VALID_EMAIL", []);
  }
  requireTextIsUrl(): this {
    return this._set("TEXT_IS_VALID_URL", []);
  }
  requireValueInList(values: unknown, showDropdown?: unknown): this {
    if (!Array.isArray(values)) throw signatureError("DataValidationBuilder", "requireValueInList", [values]);
    const list = (values as unknown[]).map((v) => String(v));
    return this._set("VALUE_IN_LIST", [list, showDropdown === undefined ? true : Boolean(showDropdown)]);
  }
  requireValueInRange(range: unknown, showDropdown?: unknown): this {
    if (!(range instanceof RangeImpl))
      throw signatureError("DataValidationBuilder", "requireValueInRange", [range]);
    const arg: RangeArg = {
      $range: { spreadsheetId: range._ssId, sheetId: range._sheet.sheetId, ...range._rect },
    };
    return this._set("VALUE_IN_RANGE", [arg, showDropdown === undefined ? true : Boolean(showDropdown)]);
  }
  withCriteria(criteria: unknown, args: unknown): this {
    if (
      typeof criteria !== "string" ||
      !(CRITERIA as readonly string[]).includes(criteria) ||
      !Array.isArray(args)
    ) {
      throw signatureError("DataValidationBuilder", "withCriteria", [criteria, args]);
    }
    const converted = (args as unknown[]).map((a): RuleArg => {
      if (a instanceof RangeImpl)
        return { $range: { spreadsheetId: a._ssId, sheetId: a._sheet.sheetId, ...a._rect } };
      return copyArg(a as RuleArg);
    });
    return this._set(criteria as Criteria, converted);
  }
  override toString(): string {
    return "DataValidationBuilder";
  }
}

instrument(DataValidationBuilderImpl, "DataValidationBuilder");
