// Range, part one: what every Range method stands on (the cells it covers, the right to edit them), and
// how its cells look: notes, backgrounds, fonts, alignment, wrapping, borders, number formats. Part two,
// the values and everything else, is ./range.ts.
// https://developers.google.com/apps-script/reference/spreadsheet/range
import type { A1Ref, Rect } from "./a1";
import { rgbToHex } from "./colors";
import { AUTOMATIC_FORMAT } from "./format";
import { Base, signatureError } from "./base";
import {
  assertCanEdit,
  type CellData,
  type Ctx,
  cellAt,
  cellFor,
  MSG,
  type SheetData,
  type SpreadsheetData,
} from "./model";
import { type EntryContext, isDate } from "./values";
import type { Where } from "./locale";
import { checkGrid, colorArg, entryOf, isInt, whereOf } from "./cells";

/**
 * A note as Google stores it: text, or a number written as Java writes a double ("5.0", "1.0E7"), as
 * gas-fakes found (https://issuetracker.google.com/issues/429373214); nothing for null or "".
 */
function noteText(v: unknown): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs === 0 || (abs >= 1e-3 && abs < 1e7)) return Number.isInteger(v) ? v.toFixed(1) : String(v);
  const [mantissa = "0", exponent = "0"] = v.toExponential().split("e");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

export type CellKey = "bg" | "nf" | "fw" | "fst" | "fc" | "ff" | "ha" | "va" | "note";

export class RangeFormats extends Base {
  readonly _ssId: string;
  constructor(
    c: Ctx,
    readonly _ssData: SpreadsheetData,
    readonly _sheet: SheetData,
    readonly _rect: Rect,
    /** How the range was written in A1, when it had open ends ("A:C", "2:5", "A2:C"). */
    readonly _ref?: A1Ref,
  ) {
    super(c);
    this._ssId = _ssData.id;
  }
  _live(): void {
    if (this._sheet.deleted || this._ssData.deleted) throw new Error(MSG.sheetDeleted);
  }
  /** The spreadsheet's zone and locale, for showing values. */
  _where(): Where {
    return whereOf(this._ssData);
  }
  /** …and the clock, for reading entered text. */
  _entry(): EntryContext {
    return entryOf(this._c, this._ssData);
  }
  _edit(): void {
    this._live();
    assertCanEdit(this._ssData, this._sheet, this._rect, this._user());
  }
  _cells<T>(fn: (c: CellData | undefined, row: number, col: number) => T): T[][] {
    this._live();
    const out: T[][] = [];
    const { row, col, numRows, numCols } = this._rect;
    for (let r = 0; r < numRows; r++) {
      const src = this._sheet.rows[row + r];
      const line: T[] = new Array(numCols);
      for (let k = 0; k < numCols; k++) line[k] = fn(src?.[col + k], row + r, col + k);
      out.push(line);
    }
    return out;
  }
  _first<T>(fn: (c: CellData | undefined) => T): T {
    this._live();
    return fn(cellAt(this._sheet, this._rect.row, this._rect.col));
  }
  _forEach(fn: (c: CellData, row: number, col: number) => void): void {
    const { row, col, numRows, numCols } = this._rect;
    for (let r = row; r < row + numRows; r++)
      for (let k = col; k < col + numCols; k++) fn(cellFor(this._sheet, r, k), r, k);
  }
  _forExisting(fn: (c: CellData) => void): void {
    const { row, col, numRows, numCols } = this._rect;
    for (let r = row; r < row + numRows; r++) {
      const line = this._sheet.rows[r];
      if (!line) continue;
      for (let k = col; k < col + numCols; k++) {
        const c = line[k];
        if (c) fn(c);
      }
    }
  }
  _setAll(key: CellKey, value: string | undefined): this {
    this._edit();
    if (value === undefined) this._forExisting((c) => delete c[key]);
    else this._forEach((c) => (c[key] = value));
    return this;
  }
  _setGrid(key: CellKey, grid: unknown, method: string, conv: (v: unknown) => string | undefined): this {
    const g = checkGrid(grid, this._rect, "Range", method);
    const converted = g.map((row) => row.map(conv));
    this._edit();
    this._forEach((c, r, k) => {
      const v = converted[r - this._rect.row]?.[k - this._rect.col];
      if (v === undefined) delete c[key];
      else c[key] = v;
    });
    return this;
  }

  // notes
  getNote(): string {
    return this._first((c) => c?.note ?? "");
  }
  getNotes(): string[][] {
    return this._cells((c) => c?.note ?? "");
  }
  setNote(note: unknown): this {
    return this._setAll("note", noteText(note));
  }
  setNotes(notes: unknown): this {
    return this._setGrid("note", notes, "setNotes", noteText);
  }
  clearNote(): this {
    return this._setAll("note", undefined);
  }

  // backgrounds and fonts
  getBackground(): string {
    return this._first((c) => c?.bg ?? "#ffffff");
  }
  getBackgrounds(): string[][] {
    return this._cells((c) => c?.bg ?? "#ffffff");
  }
  setBackground(color: unknown): this {
    const c = colorArg(color, "Range", "setBackground");
    return this._setAll("bg", c === "#ffffff" ? undefined : c);
  }
  setBackgroundRGB(r: unknown, g: unknown, b: unknown): this {
    if (!isInt(r) || !isInt(g) || !isInt(b)) throw signatureError("Range", "setBackgroundRGB", [r, g, b]);
    return this._setAll("bg", rgbToHex(r, g, b));
  }
  setBackgrounds(colors: unknown): this {
    return this._setGrid("bg", colors, "setBackgrounds", (v) => {
      const c = colorArg(v, "Range", "setBackgrounds");
      return c === "#ffffff" ? undefined : c;
    });
  }
  getFontWeight(): string {
    return this._first((c) => c?.fw ?? "normal");
  }
  getFontWeights(): string[][] {
    return this._cells((c) => c?.fw ?? "normal");
  }
  setFontWeight(w: unknown): this {
    if (w !== null && w !== "bold" && w !== "normal") throw signatureError("Range", "setFontWeight", [w]);
    return this._setAll("fw", w === "bold" ? "bold" : undefined);
  }
  setFontWeights(grid: unknown): this {
    return this._setGrid("fw", grid, "setFontWeights", (v) => (v === "bold" ? "bold" : undefined));
  }
  getFontStyle(): string {
    return this._first((c) => c?.fst ?? "normal");
  }
  getFontStyles(): string[][] {
    return this._cells((c) => c?.fst ?? "normal");
  }
  setFontStyle(s: unknown): this {
    if (s !== null && s !== "italic" && s !== "normal") throw signatureError("Range", "setFontStyle", [s]);
    return this._setAll("fst", s === "italic" ? "italic" : undefined);
  }
  getFontColor(): string {
    return this._first((c) => c?.fc ?? "#000000");
  }
  setFontColor(color: unknown): this {
    const c = colorArg(color, "Range", "setFontColor");
    return this._setAll("fc", c === "#000000" ? undefined : c);
  }
  setFontColors(colors: unknown): this {
    return this._setGrid("fc", colors, "setFontColors", (v) => {
      const c = colorArg(v, "Range", "setFontColors");
      return c === "#000000" ? undefined : c;
    });
  }
  getFontSize(): number {
    return this._first((c) => c?.fsz ?? 10);
  }
  getFontSizes(): number[][] {
    return this._cells((c) => c?.fsz ?? 10);
  }
  setFontSize(size: unknown): this {
    if (!isInt(size)) throw signatureError("Range", "setFontSize", [size]);
    this._edit();
    this._forEach((c) => (c.fsz = size));
    return this;
  }
  getFontFamily(): string {
    return this._first((c) => c?.ff ?? "Arial");
  }
  getFontFamilies(): string[][] {
    return this._cells((c) => c?.ff ?? "Arial");
  }
  setFontFamily(f: unknown): this {
    return this._setAll("ff", f === null || f === undefined ? undefined : String(f));
  }
  getWrap(): boolean {
    return this._first((c) => c?.wrap ?? false);
  }
  getWraps(): boolean[][] {
    return this._cells((c) => c?.wrap ?? false);
  }
  setWrap(wrap: unknown): this {
    if (typeof wrap !== "boolean") throw signatureError("Range", "setWrap", [wrap]);
    this._edit();
    this._forEach((c) => (c.wrap = wrap));
    return this;
  }
  setWraps(grid: unknown): this {
    const g = checkGrid(grid, this._rect, "Range", "setWraps");
    this._edit();
    this._forEach((c, r, k) => (c.wrap = Boolean(g[r - this._rect.row]?.[k - this._rect.col])));
    return this;
  }
  _defaultAlign(c: CellData | undefined): string {
    const v = c?.v;
    if (typeof v === "number" || isDate(v)) return "general-right";
    if (typeof v === "boolean") return "general-center";
    return "general-left";
  }
  getHorizontalAlignment(): string {
    return this._first((c) => c?.ha ?? this._defaultAlign(c));
  }
  getHorizontalAlignments(): string[][] {
    return this._cells((c) => c?.ha ?? this._defaultAlign(c));
  }
  setHorizontalAlignment(a: unknown): this {
    if (a !== null && a !== "left" && a !== "center" && a !== "right" && a !== "normal") {
      throw signatureError("Range", "setHorizontalAlignment", [a]);
    }
    return this._setAll("ha", a === null || a === "normal" ? undefined : a);
  }
  setHorizontalAlignments(grid: unknown): this {
    return this._setGrid("ha", grid, "setHorizontalAlignments", (v) =>
      v === "left" || v === "center" || v === "right" ? v : undefined,
    );
  }
  getVerticalAlignment(): string {
    return this._first((c) => c?.va ?? "bottom");
  }
  getVerticalAlignments(): string[][] {
    return this._cells((c) => c?.va ?? "bottom");
  }
  setVerticalAlignment(a: unknown): this {
    if (a !== null && a !== "top" && a !== "middle" && a !== "bottom")
      throw signatureError("Range", "setVerticalAlignment", [a]);
    return this._setAll("va", a === null || a === "bottom" ? undefined : a);
  }
  setVerticalAlignments(grid: unknown): this {
    return this._setGrid("va", grid, "setVerticalAlignments", (v) =>
      v === "top" || v === "middle" ? v : undefined,
    );
  }
  setBorder(...args: unknown[]): this {
    // Borders only change how the sheet looks; nothing reads them back through Apps Script.
    if (args.length !== 6 && args.length !== 8) throw signatureError("Range", "setBorder", args);
    this._edit();
    return this;
  }

  // number formats
  getNumberFormat(): string {
    return this._first((c) => c?.nf ?? AUTOMATIC_FORMAT);
  }
  getNumberFormats(): string[][] {
    return this._cells((c) => c?.nf ?? AUTOMATIC_FORMAT);
  }
  setNumberFormat(f: unknown): this {
    if (typeof f !== "string") throw signatureError("Range", "setNumberFormat", [f]);
    return this._setAll("nf", f === "" || f === AUTOMATIC_FORMAT ? undefined : f);
  }
  setNumberFormats(grid: unknown): this {
    return this._setGrid("nf", grid, "setNumberFormats", (v) =>
      typeof v === "string" && v !== "" && v !== AUTOMATIC_FORMAT ? v : undefined,
    );
  }
}
