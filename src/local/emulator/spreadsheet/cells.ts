// One cell's value as the Apps Script methods read and write it (a written string is read as if typed,
// in the spreadsheet's locale), and the argument checks Spreadsheet-service methods share.
import type { Rect } from "./a1";
import { normalizeColor } from "./colors";
import { formulaValue } from "./formula";
import { signatureError } from "./base";
import { type CellData, type Ctx, cellAt, cellFor, MSG, type SheetData, type SpreadsheetData } from "./model";
import { type CellValue, copyDate, type EntryContext, isDate, parseEntered } from "./values";
import { localeRules, type Where } from "./locale";

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailOf(userOrEmail: unknown, cls: string, method: string): string {
  if (typeof userOrEmail === "string") {
    if (!EMAIL_RE.test(userOrEmail.trim())) throw new Error(`Invalid email: ${userOrEmail}`);
    return userOrEmail.trim();
  }
  if (userOrEmail && typeof (userOrEmail as { getEmail?: unknown }).getEmail === "function") {
    return String((userOrEmail as { getEmail(): string }).getEmail());
  }
  throw signatureError(cls, method, [userOrEmail]);
}

export function colorArg(color: unknown, cls: string, method: string): string | undefined {
  if (color === null || color === undefined) return undefined;
  if (typeof color !== "string") throw signatureError(cls, method, [color]);
  const c = normalizeColor(color);
  if (c === undefined) throw new Error(`Invalid color: ${color}`);
  return c;
}

export function checkGrid(values: unknown, rect: Rect, cls: string, method: string): unknown[][] {
  if (!Array.isArray(values) || values.some((row) => !Array.isArray(row)))
    throw signatureError(cls, method, [values]);
  const grid = values as unknown[][];
  if (grid.length !== rect.numRows) throw new Error(MSG.rowsMismatch(grid.length, rect.numRows));
  for (const row of grid) {
    if (row.length !== rect.numCols) throw new Error(MSG.colsMismatch(row.length, rect.numCols));
  }
  return grid;
}

export function isInt(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n);
}

export function valueOfCell(
  ctx: Ctx,
  ss: SpreadsheetData,
  sheet: SheetData,
  c: CellData | undefined,
): CellValue | "" {
  if (!c) return "";
  if (c.f !== undefined) return formulaValue(ctx, ss, sheet, c.f);
  const v = c.v;
  if (v === undefined) return "";
  return isDate(v) ? copyDate(v) : v;
}

/** Writes one value as Range.setValue does: strings are interpreted as if typed (in the locale). */
export function writeCell(
  sheet: SheetData,
  row: number,
  col: number,
  raw: unknown,
  entry: EntryContext,
  cls: string,
  method: string,
): void {
  const existing = cellAt(sheet, row, col);
  if (raw === null || raw === undefined || raw === "") {
    if (existing) {
      delete existing.v;
      delete existing.f;
    }
    return;
  }
  const c = existing ?? cellFor(sheet, row, col);
  delete c.f;
  delete c.v;
  if (typeof raw === "string") {
    const e = parseEntered(raw, entry, c.nf === "@");
    if (e.formula !== undefined) c.f = e.formula;
    if (e.value !== undefined) c.v = e.value;
    if (e.autoFormat && c.nf === undefined) c.nf = e.autoFormat;
  } else if (typeof raw === "number" || typeof raw === "boolean") {
    c.v = raw;
  } else if (isDate(raw)) {
    c.v = copyDate(raw);
    if (c.nf === undefined) c.nf = localeRules(entry.locale).dateTimeFormat;
  } else {
    throw signatureError(cls, method, [raw]);
  }
}

/** Stores a value exactly as given (no interpretation) - a paste of values. */
export function writeRaw(sheet: SheetData, row: number, col: number, raw: unknown): void {
  const existing = cellAt(sheet, row, col);
  if (raw === null || raw === undefined || raw === "") {
    if (existing) {
      delete existing.v;
      delete existing.f;
    }
    return;
  }
  const c = existing ?? cellFor(sheet, row, col);
  delete c.f;
  c.v = isDate(raw) ? copyDate(raw) : (raw as CellValue);
}

/** The zone and locale cells of `ss` are shown in. */
export function whereOf(ss: SpreadsheetData): Where {
  return { timeZone: ss.timeZone, locale: ss.locale };
}

/** What reading entered text in `ss` needs: its zone, its locale and the clock. */
export function entryOf(c: Ctx, ss: SpreadsheetData): EntryContext {
  return { timeZone: ss.timeZone, locale: ss.locale, now: c.host.now().getTime() };
}
