// Cell values and how Sheets turns entered text into them (locale vi_VN: "." groups thousands,
// "," is the decimal mark, dates are day/month/year).
import { daysInMonth, fromWallTime } from "./time";

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

const NUMBER_VI = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:[eE]([+-]?\d+))?(%?)$/;
const DATE_DMY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DATE_YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseNumberVi(text: string): Entered | undefined {
  const m = NUMBER_VI.exec(text);
  if (!m) return undefined;
  const grouped = (m[2] ?? "").includes(".");
  const intPart = (m[2] ?? "").replace(/\./g, "");
  const frac = m[3];
  let n = Number(intPart + (frac !== undefined ? "." + frac : "") + (m[4] !== undefined ? "e" + m[4] : ""));
  if (m[1] === "-") n = -n;
  if (!Number.isFinite(n)) return undefined;
  if (m[5] === "%") {
    return { value: n / 100, autoFormat: frac !== undefined ? "0.00%" : "0%" };
  }
  if (grouped) return { value: n, autoFormat: frac !== undefined ? "#,##0.00" : "#,##0" };
  return { value: n };
}

function makeDate(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  timeZone: string,
): Date | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  return new Date(fromWallTime({ year: y, month: mo, day: d, hour: h, minute: mi, second: s }, timeZone));
}

function parseDateVi(text: string, timeZone: string): Entered | undefined {
  let y: number;
  let mo: number;
  let d: number;
  let time: (string | undefined)[];
  const dmy = DATE_DMY.exec(text);
  if (dmy) {
    d = Number(dmy[1]);
    mo = Number(dmy[2]);
    y = Number(dmy[3]);
    // Two-digit years: Sheets maps 00-29 to 20xx and 30-99 to 19xx.
    if ((dmy[3] ?? "").length === 2) y += y < 30 ? 2000 : 1900;
    time = [dmy[4], dmy[5], dmy[6]];
  } else {
    const ymd = DATE_YMD.exec(text);
    if (!ymd) return undefined;
    y = Number(ymd[1]);
    mo = Number(ymd[2]);
    d = Number(ymd[3]);
    time = [ymd[4], ymd[5], ymd[6]];
  }
  const hasTime = time[0] !== undefined;
  const date = makeDate(y, mo, d, Number(time[0] ?? 0), Number(time[1] ?? 0), Number(time[2] ?? 0), timeZone);
  if (!date) return undefined;
  return { value: date, autoFormat: hasTime ? "dd/MM/yyyy HH:mm:ss" : "dd/MM/yyyy" };
}

/**
 * Interprets a string the way the Sheets UI (and Range.setValue, which behaves as "user entered")
 * does for a vi_VN spreadsheet. A cell formatted "@" (plain text) keeps the string as it is.
 */
export function parseEntered(text: string, timeZone: string, plainText: boolean): Entered {
  if (text === "") return {};
  if (plainText) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { formula: text };
  const trimmed = text.trim();
  if (/^true$/i.test(trimmed)) return { value: true };
  if (/^false$/i.test(trimmed)) return { value: false };
  return parseNumberVi(trimmed) ?? parseDateVi(trimmed, timeZone) ?? { value: text };
}
