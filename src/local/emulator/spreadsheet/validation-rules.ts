// Data validation rules as plain data, and the check Sheets applies to a user's entry.
import type { Rect } from "./a1";
import { displayValue } from "./format";
import { localeRules, type Where } from "./locale";
import { toWallTime } from "./time";
import { type CellValue, isDate } from "./values";

/** SpreadsheetApp.DataValidationCriteria: the criteria names Google uses. */
export const CRITERIA = [
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
] as const;
export type Criteria = (typeof CRITERIA)[number];

/** A range argument of VALUE_IN_RANGE, kept by coordinates so the rule stays plain data. */
export interface RangeArg {
  $range: { spreadsheetId: string; sheetId: number } & Rect;
}

export type RuleArg = CellValue | CellValue[] | RangeArg | null;

export interface RuleData {
  criteria: Criteria;
  args: RuleArg[];
  allowInvalid: boolean;
  helpText: string;
}

export function isRangeArg(v: unknown): v is RangeArg {
  return typeof v === "object" && v !== null && "$range" in v;
}

function dayKey(d: Date, tz: string): number {
  const w = toWallTime(d.getTime(), tz);
  return w.year * 10000 + w.month * 100 + w.day;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i;

export interface CheckContext extends Where {
  /** Display values of a VALUE_IN_RANGE argument. */
  rangeValues(arg: RangeArg): string[];
}

/**
 * Whether a value satisfies a rule. Blank cells always pass (Sheets lets anyone clear a cell).
 * CUSTOM_FORMULA cannot be evaluated here (formulas are not computed) and always passes.
 */
export function satisfies(
  rule: RuleData,
  value: CellValue | undefined,
  format: string | undefined,
  ctx: CheckContext,
): boolean {
  if (value === undefined || value === "") return true;
  const a = rule.args;
  const num = (i: number): number => Number(a[i]);
  const day = (i: number): number => (isDate(a[i]) ? dayKey(a[i] as Date, ctx.timeZone) : Number.NaN);
  const text = displayValue(value, format, ctx);
  switch (rule.criteria) {
    case "NUMBER_BETWEEN":
      return (
        typeof value === "number" && value >= Math.min(num(0), num(1)) && value <= Math.max(num(0), num(1))
      );
    case "NUMBER_NOT_BETWEEN":
      return (
        typeof value === "number" && (value < Math.min(num(0), num(1)) || value > Math.max(num(0), num(1)))
      );
    case "NUMBER_EQUAL_TO":
      return typeof value === "number" && value === num(0);
    case "NUMBER_NOT_EQUAL_TO":
      return typeof value === "number" && value !== num(0);
    case "NUMBER_GREATER_THAN":
      return typeof value === "number" && value > num(0);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return typeof value === "number" && value >= num(0);
    case "NUMBER_LESS_THAN":
      return typeof value === "number" && value < num(0);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return typeof value === "number" && value <= num(0);
    case "DATE_IS_VALID_DATE":
      return isDate(value);
    case "DATE_AFTER":
      return isDate(value) && dayKey(value, ctx.timeZone) > day(0);
    case "DATE_BEFORE":
      return isDate(value) && dayKey(value, ctx.timeZone) < day(0);
    case "DATE_ON_OR_AFTER":
      return isDate(value) && dayKey(value, ctx.timeZone) >= day(0);
    case "DATE_ON_OR_BEFORE":
      return isDate(value) && dayKey(value, ctx.timeZone) <= day(0);
    case "DATE_EQUAL_TO":
      return isDate(value) && dayKey(value, ctx.timeZone) === day(0);
    case "DATE_BETWEEN":
      return isDate(value) && dayKey(value, ctx.timeZone) >= day(0) && dayKey(value, ctx.timeZone) <= day(1);
    case "DATE_NOT_BETWEEN":
      return isDate(value) && (dayKey(value, ctx.timeZone) < day(0) || dayKey(value, ctx.timeZone) > day(1));
    case "TEXT_CONTAINS":
      return text.includes(String(a[0] ?? ""));
    case "TEXT_DOES_NOT_CONTAIN":
      return !text.includes(String(a[0] ?? ""));
    case "TEXT_EQUAL_TO":
      return text === String(a[0] ?? "");
    case "TEXT_IS_VALID_EMAIL":
      return EMAIL.test(text);
    case "TEXT_IS_VALID_URL":
      return URL_RE.test(text);
    case "VALUE_IN_LIST": {
      const list = Array.isArray(a[0]) ? (a[0] as CellValue[]) : [];
      return list.some((item) => String(item) === text || item === value);
    }
    case "VALUE_IN_RANGE": {
      const arg = a[0];
      return isRangeArg(arg) && ctx.rangeValues(arg).includes(text);
    }
    case "CHECKBOX": {
      if (a.length === 0) return value === true || value === false;
      const checked = a[0];
      const unchecked = a.length > 1 ? a[1] : undefined;
      const same = (x: unknown): boolean => x !== undefined && (x === value || String(x) === text);
      return same(checked) || (unchecked === undefined ? value === false : same(unchecked));
    }
    case "CUSTOM_FORMULA":
      return true;
  }
}

/** The explanation Sheets shows for a rejected entry: the rule's help text when it has one. */
export function rejectionMessage(rule: RuleData, ctx: CheckContext): string {
  if (rule.helpText !== "") return `There was a problem\n${rule.helpText}`;
  return `There was a problem\n${defaultHelp(rule, ctx)}`;
}

/** Sheets' default wording for a rule's constraint (used when no help text was set). */
export function defaultHelp(rule: RuleData, ctx: CheckContext): string {
  const a = rule.args;
  const show = (v: unknown): string =>
    isDate(v)
      ? displayValue(v, localeRules(ctx.locale).dateFormat, ctx)
      : typeof v === "number"
        ? displayValue(v, undefined, ctx)
        : String(v);
  switch (rule.criteria) {
    case "VALUE_IN_LIST":
      return `Please enter one of the following values: ${(Array.isArray(a[0]) ? (a[0] as unknown[]) : []).map(show).join(", ")}`;
    case "VALUE_IN_RANGE":
      return `Please enter one of the following values: ${
        isRangeArg(a[0])
          ? ctx
              .rangeValues(a[0])
              .filter((s) => s !== "")
              .join(", ")
          : ""
      }`;
    case "NUMBER_BETWEEN":
      return `Please enter a number between ${show(a[0])} and ${show(a[1])}`;
    case "NUMBER_NOT_BETWEEN":
      return `Please enter a number not between ${show(a[0])} and ${show(a[1])}`;
    case "NUMBER_GREATER_THAN":
      return `Please enter a number greater than ${show(a[0])}`;
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return `Please enter a number greater than or equal to ${show(a[0])}`;
    case "NUMBER_LESS_THAN":
      return `Please enter a number less than ${show(a[0])}`;
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return `Please enter a number less than or equal to ${show(a[0])}`;
    case "NUMBER_EQUAL_TO":
      return `Please enter a number equal to ${show(a[0])}`;
    case "NUMBER_NOT_EQUAL_TO":
      return `Please enter a number not equal to ${show(a[0])}`;
    case "DATE_IS_VALID_DATE":
      return "Please enter a valid date";
    case "CHECKBOX":
      return "Please enter a valid checkbox value";
    case "TEXT_IS_VALID_EMAIL":
      return "Please enter a valid email";
    case "TEXT_IS_VALID_URL":
      return "Please enter a valid URL";
    default:
      return "Please enter a valid value";
  }
}
