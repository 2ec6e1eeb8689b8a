// Cell values and how Sheets turns entered text into them, for the spreadsheet's locale (./locale):
// what a person types, and what a script writes with setValue/setValues/appendRow, which Google parses
// the same way ("USER_ENTERED": "strings may be converted to numbers, dates, etc. following the same
// rules that are applied when entering text into a cell via the Google Sheets UI",
// https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption).
import { type LocaleRules, localeRules, type Where } from "./locale";
import { daysInMonth, fromWallTime, toWallTime } from "./time";

/** What a cell holds; undefined is an empty cell (getValues shows it as ""). */
export type CellValue = number | string | boolean | Date;

/** Realm-agnostic Date check: values may come from the script's vm context. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

export function isPlainArray(v: unknown): v is unknown[] {
  return Array.isArray(v);
}

/** A host-realm copy of a Date (or of a Date from another realm). */
export function copyDate(d: Date): Date {
  return new Date(d.getTime());
}

export interface Entered {
  value?: CellValue; // undefined: the cell becomes empty
  formula?: string;
  /** Number format Sheets applies automatically when the cell has none (e.g. a typed date). */
  autoFormat?: string;
}

/** The spreadsheet's zone and locale, and the clock (a date typed without a year is this year). */
export interface EntryContext extends Where {
  now: number;
}

const regexText = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A number in the locale's writing: grouped or plain digits, decimals, exponent, percent. */
function numberPattern(l: LocaleRules): RegExp {
  const g = regexText(l.group);
  const d = regexText(l.decimal);
  return new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(%?)$`);
}

function parseNumber(text: string, l: LocaleRules): Entered | undefined {
  let body = text;
  let negative = false;
  let currency = false;
  const sign = (): void => {
    if (body.startsWith("-") || body.startsWith("+")) {
      negative = negative !== body.startsWith("-");
      body = body.slice(1).trimStart();
    }
  };
  sign();
  const sym = l.currency.symbol;
  if (l.currency.before && body.startsWith(sym)) {
    currency = true;
    body = body.slice(sym.length).trimStart();
    sign(); // "$-5" as well as "-$5"
  } else if (!l.currency.before && body.endsWith(sym)) {
    currency = true;
    body = body.slice(0, -sym.length).trimEnd();
  }
  const m = numberPattern(l).exec(body);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const [, whole = "0", frac, exp, percent] = m;
  const grouped = whole.includes(l.group);
  let n = Number(
    `${whole.split(l.group).join("")}${frac !== undefined ? `.${frac}` : ""}${exp !== undefined ? `e${exp}` : ""}`,
  );
  if (!Number.isFinite(n)) return undefined;
  if (negative) n = -n;
  if (currency && percent === "") return { value: n, autoFormat: l.currency.format };
  if (percent === "%") return { value: n / 100, autoFormat: frac !== undefined ? "0.00%" : "0%" };
  if (exp !== undefined) return { value: n, autoFormat: "0.00E+00" };
  if (grouped) return { value: n, autoFormat: frac !== undefined ? "#,##0.00" : "#,##0" };
  return { value: n };
}

const TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp][Mm]))?";
const NUMERIC_DATE = new RegExp(`^(\\d{1,2})[/-](\\d{1,2})(?:[/-](\\d{4}|\\d{2}))?(?:\\s+${TIME})?$`);
const ISO_DATE = new RegExp(`^(\\d{4})[-/](\\d{1,2})(?:[-/](\\d{1,2}))?(?:[ T]${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

function clock(h: string | undefined, mi: string | undefined, s: string | undefined, ampm?: string) {
  if (h === undefined) return { hour: 0, minute: 0, second: 0, ok: true };
  let hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return { hour, minute, second, ok: false };
    hour = (hour % 12) + (/^p/i.test(ampm) ? 12 : 0);
  }
  return { hour, minute, second, ok: hour <= 23 && minute <= 59 && second <= 59 };
}

function parseDate(text: string, l: LocaleRules, e: EntryContext): Entered | undefined {
  let y: number;
  let mo: number;
  let d: number;
  let t: (string | undefined)[];
  const only = TIME_ONLY.exec(text);
  if (only) {
    // A time alone is that time on Sheets' day zero, 30/12/1899, in the spreadsheet's zone.
    const c = clock(only[1], only[2], only[3], only[4]);
    if (!c.ok) return undefined;
    const at = fromWallTime({ year: 1899, month: 12, day: 30, ...c }, e.timeZone);
    return { value: new Date(at), autoFormat: l.timeFormat };
  }
  const iso = ISO_DATE.exec(text);
  const num = iso ? undefined : NUMERIC_DATE.exec(text);
  if (iso) {
    y = Number(iso[1]);
    mo = Number(iso[2]);
    d = iso[3] === undefined ? 1 : Number(iso[3]); // "2023-04" is the first of the month
    t = iso.slice(4, 8);
  } else if (num) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    [d, mo] = l.dayFirst ? [a, b] : [b, a];
    if (num[3] === undefined) y = toWallTime(e.now, e.timeZone).year;
    else {
      y = Number(num[3]);
      // Two-digit years: Sheets reads 00-29 as 20xx and 30-99 as 19xx.
      if (num[3].length === 2) y += y < 30 ? 2000 : 1900;
    }
    t = num.slice(4, 8);
  } else return undefined;
  const c = clock(t[0], t[1], t[2], t[3]);
  if (!c.ok || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  const at = fromWallTime({ year: y, month: mo, day: d, ...c }, e.timeZone);
  return { value: new Date(at), autoFormat: t[0] !== undefined ? l.dateTimeFormat : l.dateFormat };
}

/**
 * Interprets a string the way the Sheets UI (and Range.setValue, which behaves as "user entered")
 * does for the spreadsheet's locale. A cell formatted "@" (plain text) keeps the string as it is.
 */
export function parseEntered(text: string, e: EntryContext, plainText: boolean): Entered {
  if (text === "") return {};
  if (plainText) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { formula: text };
  const l = localeRules(e.locale);
  const trimmed = text.trim();
  if (/^true$/i.test(trimmed)) return { value: true };
  if (/^false$/i.test(trimmed)) return { value: false };
  return parseNumber(trimmed, l) ?? parseDate(trimmed, l, e) ?? { value: text };
}
