// The Apps Script objects: SpreadsheetApp, Spreadsheet, Sheet, Range, Protection, DataValidation,
// DataValidationBuilder, User. Each is a thin view on the data in model.ts. Every public method call
// is counted as "Class.method" through host.count (see instrument() at the end); Google methods the
// emulator lacks throw "Not implemented in the emulator: Class.method".
import { type A1Ref, columnToLetters, parseA1, type Rect, rectA1, resolveRef } from "./a1";
import { normalizeColor, rgbToHex } from "./colors";
import { AUTOMATIC_FORMAT, displayValue } from "./format";
import { formulaValue } from "./formula";
import { Base, instrument, signatureError } from "./base";
import {
  ARBITRARY_RANGE,
  addMetadata,
  DeveloperMetadataFinderImpl,
  type DeveloperMetadataImpl,
  dimensionOf,
  metadataAt,
} from "./developer-metadata";
import {
  assertCanEdit,
  assertCanEditSheet,
  type CellData,
  type Ctx,
  canEditProtection,
  canView,
  cellAt,
  cellFor,
  clearFormats,
  DEFAULT_COL_WIDTH,
  DEFAULT_ROW_HEIGHT,
  deleteCols,
  fileEditors,
  deleteRows,
  insertCols,
  insertRows,
  isEditor,
  isOwner,
  lastColWithContent,
  lastRowWithContent,
  MSG,
  newSheetData,
  type ProtectionData,
  protectionRect,
  type SheetData,
  type SpreadsheetData,
  sameEmail,
  sheetRect,
  shiftMetadata,
  shiftProtections,
} from "./model";
import { renderPdf } from "./pdf";
import {
  CRITERIA,
  type Criteria,
  isRangeArg,
  type RangeArg,
  type RuleArg,
  type RuleData,
} from "./validation-rules";
import { type CellValue, copyDate, type EntryContext, isDate, parseEntered } from "./values";
import { localeRules, type Where } from "./locale";
import { zoneOffsetMinutes } from "./time";

// ---------- helpers ----------

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function emailOf(userOrEmail: unknown, cls: string, method: string): string {
  if (typeof userOrEmail === "string") {
    if (!EMAIL_RE.test(userOrEmail.trim())) throw new Error(`Invalid email: ${userOrEmail}`);
    return userOrEmail.trim();
  }
  if (userOrEmail && typeof (userOrEmail as { getEmail?: unknown }).getEmail === "function") {
    return String((userOrEmail as { getEmail(): string }).getEmail());
  }
  throw signatureError(cls, method, [userOrEmail]);
}

function colorArg(color: unknown, cls: string, method: string): string | undefined {
  if (color === null || color === undefined) return undefined;
  if (typeof color !== "string") throw signatureError(cls, method, [color]);
  const c = normalizeColor(color);
  if (c === undefined) throw new Error(`Invalid color: ${color}`);
  return c;
}

function checkGrid(values: unknown, rect: Rect, cls: string, method: string): unknown[][] {
  if (!Array.isArray(values) || values.some((row) => !Array.isArray(row)))
    throw signatureError(cls, method, [values]);
  const grid = values as unknown[][];
  if (grid.length !== rect.numRows) throw new Error(MSG.rowsMismatch(grid.length, rect.numRows));
  for (const row of grid) {
    if (row.length !== rect.numCols) throw new Error(MSG.colsMismatch(row.length, rect.numCols));
  }
  return grid;
}

function isInt(n: unknown): n is number {
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

// ---------- base ----------

export class UserImpl extends Base {
  constructor(
    c: Ctx,
    readonly _email: string,
  ) {
    super(c);
  }
  getEmail(): string {
    return this._email;
  }
  getUserLoginId(): string {
    return this._email;
  }
  override toString(): string {
    return this._email;
  }
}

// ---------- data validation ----------

function copyArg(a: RuleArg): RuleArg {
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

function rangeFromArg(c: Ctx, a: RangeArg): RangeImpl | null {
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

// ---------- protection ----------

export class ProtectionImpl extends Base {
  constructor(
    c: Ctx,
    readonly _ss: SpreadsheetData,
    readonly _id: number,
  ) {
    super(c);
  }
  _p(): ProtectionData {
    const p = this._ss.protections.find((x) => x.id === this._id);
    if (!p) throw new Error("The protection has been removed.");
    return p;
  }
  _sheet(): SheetData {
    const p = this._p();
    const s = this._ss.sheets.find((x) => x.sheetId === p.sheetId);
    if (!s) throw new Error(MSG.sheetDeleted);
    return s;
  }
  /** Changing a protection needs the right to edit it (owner or one of its editors). */
  _assertMayChange(): ProtectionData {
    const p = this._p();
    const u = this._user();
    if (u !== "" && !canEditProtection(this._ss, { ...p, warningOnly: false }, u))
      throw new Error(MSG.protectedCell);
    return p;
  }
  /** The first change to the editor list turns "mirror the spreadsheet" into an explicit list. */
  _materialize(p: ProtectionData): string[] {
    if (p.editors === null) p.editors = fileEditors(this._ss);
    return p.editors;
  }
  addEditor(user: unknown): this {
    const p = this._assertMayChange();
    const email = emailOf(user, "Protection", "addEditor");
    const list = this._materialize(p);
    if (!list.some((e) => sameEmail(e, email))) list.push(email);
    return this;
  }
  addEditors(emails: unknown): this {
    if (!Array.isArray(emails)) throw signatureError("Protection", "addEditors", [emails]);
    const p = this._assertMayChange();
    const list = this._materialize(p);
    for (const e of emails as unknown[]) {
      const email = emailOf(e, "Protection", "addEditors");
      if (!list.some((x) => sameEmail(x, email))) list.push(email);
    }
    return this;
  }
  _remove(emails: string[]): void {
    const p = this._assertMayChange();
    const list = this._materialize(p);
    const me = this._user();
    // Google: neither the spreadsheet's owner nor the current user can be removed.
    p.editors = list.filter(
      (e) => !emails.some((x) => sameEmail(x, e)) || isOwner(this._ss, e) || (me !== "" && sameEmail(e, me)),
    );
  }
  removeEditor(user: unknown): this {
    this._remove([emailOf(user, "Protection", "removeEditor")]);
    return this;
  }
  removeEditors(users: unknown): this {
    if (!Array.isArray(users)) throw signatureError("Protection", "removeEditors", [users]);
    this._remove((users as unknown[]).map((u) => emailOf(u, "Protection", "removeEditors")));
    return this;
  }
  getEditors(): UserImpl[] {
    const p = this._p();
    const list = p.editors === null ? fileEditors(this._ss) : p.editors;
    const out: string[] = [];
    const owner = this._ss.owner === null ? [] : [this._ss.owner];
    for (const e of [...owner, ...list]) if (!out.some((x) => sameEmail(x, e))) out.push(e);
    return out.map((e) => new UserImpl(this._c, e));
  }
  canEdit(): boolean {
    const u = this._user();
    return canEditProtection(this._ss, { ...this._p(), warningOnly: false }, u);
  }
  canDomainEdit(): boolean {
    return this._p().domainEdit;
  }
  setDomainEdit(editable: unknown): this {
    const p = this._assertMayChange();
    this._materialize(p);
    p.domainEdit = Boolean(editable);
    return this;
  }
  getDescription(): string {
    return this._p().description;
  }
  setDescription(d: unknown): this {
    this._assertMayChange().description = d === null || d === undefined ? "" : String(d);
    return this;
  }
  isWarningOnly(): boolean {
    return this._p().warningOnly;
  }
  setWarningOnly(w: unknown): this {
    this._assertMayChange().warningOnly = Boolean(w);
    return this;
  }
  getProtectionType(): string {
    return this._p().kind;
  }
  getRange(): RangeImpl {
    const p = this._p();
    return new RangeImpl(this._c, this._ss, this._sheet(), protectionRect(this._ss, p));
  }
  setRange(range: unknown): this {
    if (!(range instanceof RangeImpl)) throw signatureError("Protection", "setRange", [range]);
    const p = this._assertMayChange();
    if (p.kind === "SHEET") throw new Error("A sheet protection cannot be given a range.");
    p.sheetId = range._sheet.sheetId;
    p.rect = { ...range._rect };
    return this;
  }
  getRangeName(): string | null {
    const n = this._p().rangeName;
    return n === "" ? null : n;
  }
  getUnprotectedRanges(): RangeImpl[] {
    const sheet = this._sheet();
    return this._p().unprotected.map((r) => new RangeImpl(this._c, this._ss, sheet, r));
  }
  setUnprotectedRanges(ranges: unknown): this {
    if (!Array.isArray(ranges)) throw signatureError("Protection", "setUnprotectedRanges", [ranges]);
    const p = this._assertMayChange();
    if (p.kind !== "SHEET") throw new Error("Unprotected ranges can only be set on a protected sheet.");
    p.unprotected = (ranges as unknown[]).map((r) => {
      if (!(r instanceof RangeImpl)) throw signatureError("Protection", "setUnprotectedRanges", [ranges]);
      return { ...r._rect };
    });
    return this;
  }
  remove(): void {
    this._assertMayChange();
    this._ss.protections = this._ss.protections.filter((x) => x.id !== this._id);
  }
  override toString(): string {
    return "Protection";
  }
}

function newProtection(
  ss: SpreadsheetData,
  sheet: SheetData,
  kind: "SHEET" | "RANGE",
  rect: Rect,
): ProtectionData {
  const p: ProtectionData = {
    id: ss.nextProtectionId++,
    kind,
    sheetId: sheet.sheetId,
    rect: { ...rect },
    description: "",
    warningOnly: false,
    editors: null,
    domainEdit: false,
    unprotected: [],
    rangeName: "",
  };
  ss.protections.push(p);
  return p;
}

// ---------- range ----------

type CellKey = "bg" | "nf" | "fw" | "fst" | "fc" | "ff" | "ha" | "va" | "note";

export class RangeImpl extends Base {
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

  // values
  getValues(): (CellValue | "")[][] {
    return this._cells((c) => valueOfCell(this._c, this._ssData, this._sheet, c));
  }
  getValue(): CellValue | "" {
    return this._first((c) => valueOfCell(this._c, this._ssData, this._sheet, c));
  }
  setValues(values: unknown): this {
    const grid = checkGrid(values, this._rect, "Range", "setValues");
    this._edit();
    const entry = this._entry();
    grid.forEach((line, r) => {
      line.forEach((v, k) => {
        writeCell(this._sheet, this._rect.row + r, this._rect.col + k, v, entry, "Range", "setValues");
      });
    });
    return this;
  }
  setValue(value: unknown): this {
    if (Array.isArray(value)) throw signatureError("Range", "setValue", [value]);
    this._edit();
    const entry = this._entry();
    const { row, col, numRows, numCols } = this._rect;
    for (let r = row; r < row + numRows; r++) {
      for (let k = col; k < col + numCols; k++)
        writeCell(this._sheet, r, k, value, entry, "Range", "setValue");
    }
    return this;
  }
  getDisplayValues(): string[][] {
    const where = this._where();
    return this._cells((c) => displayValue(valueOfCell(this._c, this._ssData, this._sheet, c), c?.nf, where));
  }
  getDisplayValue(): string {
    return this._first((c) =>
      displayValue(valueOfCell(this._c, this._ssData, this._sheet, c), c?.nf, this._where()),
    );
  }
  getFormulas(): string[][] {
    return this._cells((c) => c?.f ?? "");
  }
  getFormula(): string {
    return this._first((c) => c?.f ?? "");
  }
  setFormula(formula: unknown): this {
    if (typeof formula !== "string") throw signatureError("Range", "setFormula", [formula]);
    this._edit();
    this._forEach((c) => {
      delete c.v;
      if (formula === "") delete c.f;
      else c.f = formula.startsWith("=") ? formula : `=${formula}`;
    });
    return this;
  }
  setFormulas(formulas: unknown): this {
    const g = checkGrid(formulas, this._rect, "Range", "setFormulas");
    this._edit();
    this._forEach((c, r, k) => {
      const f = g[r - this._rect.row]?.[k - this._rect.col];
      delete c.v;
      if (typeof f !== "string" || f === "") delete c.f;
      else c.f = f.startsWith("=") ? f : `=${f}`;
    });
    return this;
  }
  isBlank(): boolean {
    this._live();
    let blank = true;
    this._forExisting((c) => {
      if (c.v !== undefined || c.f !== undefined) blank = false;
    });
    return blank;
  }

  // notes
  getNote(): string {
    return this._first((c) => c?.note ?? "");
  }
  getNotes(): string[][] {
    return this._cells((c) => c?.note ?? "");
  }
  setNote(note: unknown): this {
    return this._setAll(
      "note",
      note === null || note === undefined || note === "" ? undefined : String(note),
    );
  }
  setNotes(notes: unknown): this {
    return this._setGrid("note", notes, "setNotes", (v) =>
      v === null || v === undefined || v === "" ? undefined : String(v),
    );
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

  // clearing
  clear(options?: unknown): this {
    const o = (options ?? {}) as {
      contentsOnly?: boolean;
      formatOnly?: boolean;
      commentsOnly?: boolean;
      validationsOnly?: boolean;
    };
    const any = Boolean(o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly);
    this._edit();
    this._forExisting((c) => {
      if (!any || o.contentsOnly) {
        delete c.v;
        delete c.f;
      }
      if (!any || o.formatOnly) clearFormats(c, true);
      if (!any || o.commentsOnly) delete c.note;
      if (!any || o.validationsOnly) delete c.dv;
    });
    return this;
  }
  clearContent(): this {
    this._edit();
    this._forExisting((c) => {
      delete c.v;
      delete c.f;
    });
    return this;
  }
  clearFormat(): this {
    this._edit();
    // Google: clears text formatting but keeps the number formatting rules.
    this._forExisting((c) => clearFormats(c, false));
    return this;
  }
  clearDataValidations(): this {
    this._edit();
    this._forExisting((c) => delete c.dv);
    return this;
  }

  // geometry
  getRow(): number {
    return this._rect.row;
  }
  getRowIndex(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getHeight(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getWidth(): number {
    return this._rect.numCols;
  }
  getA1Notation(): string {
    const ref = this._ref;
    if (
      !ref ||
      (this.isStartRowBounded() &&
        this.isEndRowBounded() &&
        this.isStartColumnBounded() &&
        this.isEndColumnBounded())
    ) {
      return rectA1(this._rect);
    }
    // Google keeps open ends: whole columns read "A:C", whole rows "2:5", open bottoms "A2:C".
    const last = this._rect.row + this._rect.numRows - 1;
    const lastCol = this._rect.col + this._rect.numCols - 1;
    const start =
      (ref.startCol !== undefined ? columnToLetters(this._rect.col) : "") +
      (ref.startRow !== undefined ? String(this._rect.row) : "");
    const end =
      (ref.endCol !== undefined ? columnToLetters(lastCol) : "") +
      (ref.endRow !== undefined ? String(last) : "");
    return `${start}:${end}`;
  }
  isStartRowBounded(): boolean {
    return this._ref === undefined || this._ref.startRow !== undefined;
  }
  isEndRowBounded(): boolean {
    return this._ref === undefined || this._ref.endRow !== undefined;
  }
  isStartColumnBounded(): boolean {
    return this._ref === undefined || this._ref.startCol !== undefined;
  }
  isEndColumnBounded(): boolean {
    return this._ref === undefined || this._ref.endCol !== undefined;
  }
  getGridId(): number {
    return this._sheet.sheetId;
  }
  getSheet(): SheetImpl {
    this._live();
    return new SheetImpl(this._c, this._ssData, this._sheet);
  }
  getCell(row: unknown, column: unknown): RangeImpl {
    if (!isInt(row) || !isInt(column)) throw signatureError("Range", "getCell", [row, column]);
    if (row < 1 || column < 1 || row > this._rect.numRows || column > this._rect.numCols) {
      throw new Error("Cell reference out of range");
    }
    return new RangeImpl(this._c, this._ssData, this._sheet, {
      row: this._rect.row + row - 1,
      col: this._rect.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }
  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): RangeImpl {
    if (!isInt(rowOffset) || !isInt(columnOffset))
      throw signatureError("Range", "offset", [rowOffset, columnOffset]);
    const rect: Rect = {
      row: this._rect.row + rowOffset,
      col: this._rect.col + columnOffset,
      numRows: numRows === undefined ? this._rect.numRows : Number(numRows),
      numCols: numColumns === undefined ? this._rect.numCols : Number(numColumns),
    };
    return new RangeImpl(this._c, this._ssData, this._sheet, checkRect(this._sheet, rect));
  }
  activate(): this {
    this._live();
    this._ssData.activeSheetId = this._sheet.sheetId;
    return this;
  }
  canEdit(): boolean {
    this._live();
    try {
      assertCanEdit(this._ssData, this._sheet, this._rect, this._user());
      return true;
    } catch {
      return false;
    }
  }

  // protection
  protect(): ProtectionImpl {
    this._live();
    const u = this._user();
    if (u !== "" && !isEditor(this._ssData, u)) throw new Error(MSG.viewOnly);
    const p = newProtection(this._ssData, this._sheet, "RANGE", this._rect);
    return new ProtectionImpl(this._c, this._ssData, p.id);
  }

  // data validation
  getDataValidation(): DataValidationImpl | null {
    return this._first((c) => (c?.dv ? new DataValidationImpl(this._c, c.dv) : null));
  }
  getDataValidations(): (DataValidationImpl | null)[][] {
    return this._cells((c) => (c?.dv ? new DataValidationImpl(this._c, c.dv) : null));
  }
  setDataValidation(rule: unknown): this {
    if (rule !== null && !(rule instanceof DataValidationImpl))
      throw signatureError("Range", "setDataValidation", [rule]);
    this._edit();
    if (rule === null) this._forExisting((c) => delete c.dv);
    else this._forEach((c) => (c.dv = (rule as DataValidationImpl)._rule));
    return this;
  }
  setDataValidations(rules: unknown): this {
    const g = checkGrid(rules, this._rect, "Range", "setDataValidations");
    for (const line of g) {
      for (const r of line) {
        if (r !== null && !(r instanceof DataValidationImpl))
          throw signatureError("Range", "setDataValidations", [rules]);
      }
    }
    this._edit();
    this._forEach((c, r, k) => {
      const rule = g[r - this._rect.row]?.[k - this._rect.col];
      if (rule instanceof DataValidationImpl) c.dv = rule._rule;
      else delete c.dv;
    });
    return this;
  }
  insertCheckboxes(checked?: unknown, unchecked?: unknown): this {
    this._edit();
    const args: RuleArg[] = [];
    if (checked !== undefined) args.push(checked as CellValue);
    if (unchecked !== undefined) args.push(unchecked as CellValue);
    const rule: RuleData = { criteria: "CHECKBOX", args, allowInvalid: true, helpText: "" };
    // Google: "Sets the value of all cells in the range to false" (or to the unchecked value).
    const off =
      unchecked !== undefined ? (unchecked as CellValue) : checked !== undefined ? undefined : false;
    this._forEach((c) => {
      c.dv = rule;
      delete c.f;
      if (off === undefined) delete c.v;
      else c.v = off;
    });
    return this;
  }
  removeCheckboxes(): this {
    this._edit();
    this._forExisting((c) => {
      if (c.dv?.criteria === "CHECKBOX") {
        delete c.dv;
        delete c.v;
      }
    });
    return this;
  }
  isChecked(): boolean | null {
    this._live();
    const states = new Set<boolean>();
    const { row, col, numRows, numCols } = this._rect;
    for (let r = row; r < row + numRows; r++) {
      for (let k = col; k < col + numCols; k++) {
        const c = cellAt(this._sheet, r, k);
        if (c?.dv?.criteria !== "CHECKBOX") return null;
        const checkedValue = c.dv.args.length > 0 ? c.dv.args[0] : true;
        states.add(c.v === checkedValue);
      }
    }
    return states.size === 1 ? [...states][0] === true : null;
  }
  check(): this {
    this._edit();
    this._forExisting((c) => {
      if (c.dv?.criteria === "CHECKBOX") c.v = (c.dv.args.length > 0 ? c.dv.args[0] : true) as CellValue;
    });
    return this;
  }
  uncheck(): this {
    this._edit();
    this._forExisting((c) => {
      if (c.dv?.criteria === "CHECKBOX") c.v = (c.dv.args.length > 1 ? c.dv.args[1] : false) as CellValue;
    });
    return this;
  }

  // developer metadata: only whole rows or whole columns carry it
  addDeveloperMetadata(...args: unknown[]): this {
    this._live();
    const dim = dimensionOf(this._sheet, this._rect);
    if (!dim) throw new Error(ARBITRARY_RANGE);
    addMetadata(this._c, this._ssData, { ...dim, sheetId: this._sheet.sheetId }, args, "Range");
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    this._live();
    const dim = dimensionOf(this._sheet, this._rect);
    return dim ? metadataAt(this._c, this._ssData, { ...dim, sheetId: this._sheet.sheetId }) : [];
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    this._live();
    const scope = { kind: "range" as const, sheet: this._sheet, rect: { ...this._rect } };
    return new DeveloperMetadataFinderImpl(this._c, this._ssData, scope);
  }

  copyTo(destination: unknown, options?: unknown): void {
    if (!(destination instanceof RangeImpl)) throw signatureError("Range", "copyTo", [destination]);
    this._live();
    const o = (options ?? {}) as { contentsOnly?: boolean; formatOnly?: boolean };
    const src = this._cells((c) => (c ? { ...c } : undefined));
    const target: Rect = {
      row: destination._rect.row,
      col: destination._rect.col,
      numRows: this._rect.numRows,
      numCols: this._rect.numCols,
    };
    checkRect(destination._sheet, target);
    assertCanEdit(destination._ssData, destination._sheet, target, this._user());
    src.forEach((line, r) => {
      line.forEach((c, k) => {
        const d = cellFor(destination._sheet, target.row + r, target.col + k);
        if (!o.formatOnly) {
          delete d.v;
          delete d.f;
          if (c?.v !== undefined) d.v = isDate(c.v) ? copyDate(c.v) : c.v;
          if (c?.f !== undefined) d.f = c.f;
        }
        if (!o.contentsOnly) {
          clearFormats(d, true);
          delete d.dv;
          if (c) {
            for (const key of [
              "bg",
              "nf",
              "fw",
              "fst",
              "fc",
              "fsz",
              "ff",
              "wrap",
              "ha",
              "va",
              "dv",
            ] as const) {
              if (c[key] !== undefined) (d as Record<string, unknown>)[key] = c[key];
            }
          }
        }
      });
    });
  }
  override toString(): string {
    return "Range";
  }
}

function checkRect(sheet: SheetData, r: Rect): Rect {
  if (r.row < 1) throw new Error("The starting row of the range is too small.");
  if (r.col < 1) throw new Error("The starting column of the range is too small.");
  if (r.numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
  if (r.numCols < 1) throw new Error("The number of columns in the range must be at least 1.");
  if (r.row + r.numRows - 1 > sheet.maxRows || r.col + r.numCols - 1 > sheet.maxCols)
    throw new Error(MSG.outside);
  return r;
}

// ---------- sheet ----------

function findSheetByName(ss: SpreadsheetData, name: string): SheetData | undefined {
  // Sheet names are unique regardless of case in Sheets, and lookups ignore case too.
  const lower = name.toLowerCase();
  return ss.sheets.find((s) => s.name.toLowerCase() === lower);
}

function validateSheetName(
  ss: SpreadsheetData,
  name: unknown,
  self: SheetData | undefined,
  method: string,
): string {
  if (typeof name !== "string") throw signatureError(self ? "Sheet" : "Spreadsheet", method, [name]);
  const trimmed = name;
  if (trimmed.trim() === "") throw new Error("Sheet names cannot be empty.");
  if (trimmed.length > 100) throw new Error("Sheet names cannot be longer than 100 characters.");
  const clash = findSheetByName(ss, trimmed);
  if (clash && clash !== self) throw new Error(MSG.sheetExists(trimmed));
  return trimmed;
}

function nextDefaultName(ss: SpreadsheetData): string {
  let i = ss.sheets.length + 1;
  const prefix = localeRules(ss.locale).sheetPrefix;
  while (findSheetByName(ss, `${prefix}${i}`)) i++;
  return `${prefix}${i}`;
}

function newSheetId(ss: SpreadsheetData): number {
  // Google gives the first sheet gid 0 and later ones large pseudo-random ids; keep them deterministic.
  const seq = ss.nextSheetSeq++;
  if (seq === 0) return 0;
  let h = 0;
  for (const ch of `${ss.id}:${seq}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return (h % 2_000_000_000) + 1;
}

export class SheetImpl extends Base {
  constructor(
    c: Ctx,
    readonly _ssData: SpreadsheetData,
    readonly _sheet: SheetData,
  ) {
    super(c);
  }
  _live(): SheetData {
    if (this._sheet.deleted || this._ssData.deleted) throw new Error(MSG.sheetDeleted);
    return this._sheet;
  }
  _range(rect: Rect): RangeImpl {
    return new RangeImpl(this._c, this._ssData, this._sheet, checkRect(this._sheet, rect));
  }
  _structure(): void {
    this._live();
    assertCanEditSheet(this._ssData, this._sheet, this._user(), false);
  }

  getName(): string {
    return this._live().name;
  }
  getSheetName(): string {
    return this._live().name;
  }
  setName(name: unknown): this {
    this._live();
    const n = validateSheetName(this._ssData, name, this._sheet, "setName");
    assertCanEditSheet(this._ssData, this._sheet, this._user(), true);
    this._sheet.name = n;
    return this;
  }
  getIndex(): number {
    return this._ssData.sheets.indexOf(this._live()) + 1;
  }
  getSheetId(): number {
    return this._live().sheetId;
  }
  getParent(): SpreadsheetImpl {
    return new SpreadsheetImpl(this._c, this._ssData);
  }
  getType(): string {
    return "GRID";
  }
  activate(): this {
    this._live();
    this._sheet.hidden = false;
    this._ssData.activeSheetId = this._sheet.sheetId;
    return this;
  }
  hideSheet(): this {
    this._structure();
    if (this._ssData.sheets.filter((s) => !s.hidden && s !== this._sheet).length === 0)
      throw new Error(MSG.hideAll);
    this._sheet.hidden = true;
    return this;
  }
  showSheet(): this {
    this._structure();
    this._sheet.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._live().hidden;
  }
  getTabColor(): string | null {
    return this._live().tabColor;
  }
  setTabColor(color: unknown): this {
    this._structure();
    this._sheet.tabColor = colorArg(color, "Sheet", "setTabColor") ?? null;
    return this;
  }
  getFrozenRows(): number {
    return this._live().frozenRows;
  }
  setFrozenRows(rows: unknown): void {
    if (!isInt(rows) || rows < 0) throw signatureError("Sheet", "setFrozenRows", [rows]);
    this._structure();
    if (rows >= this._sheet.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this._sheet.frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this._live().frozenCols;
  }
  setFrozenColumns(cols: unknown): void {
    if (!isInt(cols) || cols < 0) throw signatureError("Sheet", "setFrozenColumns", [cols]);
    this._structure();
    if (cols >= this._sheet.maxCols) throw new Error("You can't freeze all visible columns on the sheet.");
    this._sheet.frozenCols = cols;
  }
  getMaxRows(): number {
    return this._live().maxRows;
  }
  getMaxColumns(): number {
    return this._live().maxCols;
  }
  getColumnWidth(col: unknown): number {
    if (!isInt(col)) throw signatureError("Sheet", "getColumnWidth", [col]);
    return this._live().colWidths[col] ?? DEFAULT_COL_WIDTH;
  }
  setColumnWidth(col: unknown, width: unknown): this {
    if (!isInt(col) || !isInt(width)) throw signatureError("Sheet", "setColumnWidth", [col, width]);
    this._structure();
    this._sheet.colWidths[col] = width;
    return this;
  }
  setColumnWidths(start: unknown, num: unknown, width: unknown): this {
    if (!isInt(start) || !isInt(num) || !isInt(width))
      throw signatureError("Sheet", "setColumnWidths", [start, num, width]);
    this._structure();
    for (let i = start; i < start + num; i++) this._sheet.colWidths[i] = width;
    return this;
  }
  autoResizeColumns(start: unknown, num: unknown): this {
    if (!isInt(start) || !isInt(num)) throw signatureError("Sheet", "autoResizeColumns", [start, num]);
    this._structure();
    // Approximate Google's fit-to-content: about 7 px per character plus padding.
    for (let col = start; col < start + num; col++) {
      let longest = 0;
      for (const row of this._sheet.rows) {
        const c = row?.[col];
        if (!c || (c.v === undefined && c.f === undefined)) continue;
        longest = Math.max(longest, displayValue(c.v ?? "", c.nf, whereOf(this._ssData)).length);
      }
      this._sheet.colWidths[col] = Math.max(30, longest * 7 + 10);
    }
    return this;
  }
  autoResizeColumn(col: unknown): this {
    return this.autoResizeColumns(col, 1);
  }
  getRowHeight(row: unknown): number {
    if (!isInt(row)) throw signatureError("Sheet", "getRowHeight", [row]);
    return this._live().rowHeights[row] ?? DEFAULT_ROW_HEIGHT;
  }
  setRowHeight(row: unknown, height: unknown): this {
    if (!isInt(row) || !isInt(height)) throw signatureError("Sheet", "setRowHeight", [row, height]);
    this._structure();
    this._sheet.rowHeights[row] = height;
    return this;
  }
  setRowHeights(start: unknown, num: unknown, height: unknown): this {
    if (!isInt(start) || !isInt(num) || !isInt(height))
      throw signatureError("Sheet", "setRowHeights", [start, num, height]);
    this._structure();
    for (let i = start; i < start + num; i++) this._sheet.rowHeights[i] = height;
    return this;
  }
  hideColumns(col: unknown, num?: unknown): void {
    if (!isInt(col)) throw signatureError("Sheet", "hideColumns", [col, num]);
    this._structure();
    for (let i = col; i < col + (num === undefined ? 1 : Number(num)); i++) this._sheet.hiddenCols.add(i);
  }
  showColumns(col: unknown, num?: unknown): void {
    if (!isInt(col)) throw signatureError("Sheet", "showColumns", [col, num]);
    this._structure();
    for (let i = col; i < col + (num === undefined ? 1 : Number(num)); i++) this._sheet.hiddenCols.delete(i);
  }
  isColumnHiddenByUser(col: unknown): boolean {
    return this._live().hiddenCols.has(Number(col));
  }
  hideRows(row: unknown, num?: unknown): void {
    if (!isInt(row)) throw signatureError("Sheet", "hideRows", [row, num]);
    this._structure();
    for (let i = row; i < row + (num === undefined ? 1 : Number(num)); i++) this._sheet.hiddenRows.add(i);
  }
  showRows(row: unknown, num?: unknown): void {
    if (!isInt(row)) throw signatureError("Sheet", "showRows", [row, num]);
    this._structure();
    for (let i = row; i < row + (num === undefined ? 1 : Number(num)); i++) this._sheet.hiddenRows.delete(i);
  }
  isRowHiddenByUser(row: unknown): boolean {
    return this._live().hiddenRows.has(Number(row));
  }

  // rows and columns
  _insertRows(at: number, count: number, inherit: number | undefined, method: string): this {
    if (!isInt(at) || !isInt(count) || count < 1) throw signatureError("Sheet", method, [at, count]);
    this._structure();
    if (at < 1 || at > this._sheet.maxRows + 1) throw new Error("Those rows are out of bounds.");
    insertRows(this._sheet, at, count, inherit);
    shiftProtections(this._ssData, this._sheet, "row", at, count);
    shiftMetadata(this._ssData, this._sheet, "row", at, count);
    return this;
  }
  insertRowsAfter(after: unknown, howMany: unknown): this {
    return this._insertRows(Number(after) + 1, howMany as number, after as number, "insertRowsAfter");
  }
  insertRowAfter(after: unknown): this {
    return this._insertRows(Number(after) + 1, 1, after as number, "insertRowAfter");
  }
  insertRowsBefore(before: unknown, howMany: unknown): this {
    return this._insertRows(before as number, howMany as number, before as number, "insertRowsBefore");
  }
  insertRowBefore(before: unknown): this {
    return this._insertRows(before as number, 1, before as number, "insertRowBefore");
  }
  insertRows(index: unknown, num?: unknown): void {
    this._insertRows(index as number, num === undefined ? 1 : (num as number), index as number, "insertRows");
  }
  _deleteRows(at: unknown, count: unknown, method: string): void {
    if (!isInt(at) || !isInt(count) || count < 1) throw signatureError("Sheet", method, [at, count]);
    this._live();
    if (at < 1 || at + count - 1 > this._sheet.maxRows) throw new Error("Those rows are out of bounds.");
    if (count >= this._sheet.maxRows - this._sheet.frozenRows && at <= this._sheet.frozenRows + 1) {
      throw new Error("Sorry, it is not possible to delete all non-frozen rows.");
    }
    assertCanEditSheet(this._ssData, this._sheet, this._user(), false);
    assertCanEdit(
      this._ssData,
      this._sheet,
      { row: at, col: 1, numRows: count, numCols: this._sheet.maxCols },
      this._user(),
    );
    deleteRows(this._sheet, at, count);
    shiftProtections(this._ssData, this._sheet, "row", at, -count);
    shiftMetadata(this._ssData, this._sheet, "row", at, -count);
  }
  deleteRows(at: unknown, howMany: unknown): void {
    this._deleteRows(at, howMany, "deleteRows");
  }
  deleteRow(at: unknown): this {
    this._deleteRows(at, 1, "deleteRow");
    return this;
  }
  _insertCols(at: number, count: number, inherit: number | undefined, method: string): this {
    if (!isInt(at) || !isInt(count) || count < 1) throw signatureError("Sheet", method, [at, count]);
    this._structure();
    if (at < 1 || at > this._sheet.maxCols + 1) throw new Error("Those columns are out of bounds.");
    insertCols(this._sheet, at, count, inherit);
    shiftProtections(this._ssData, this._sheet, "col", at, count);
    shiftMetadata(this._ssData, this._sheet, "col", at, count);
    return this;
  }
  insertColumnsAfter(after: unknown, howMany: unknown): this {
    return this._insertCols(Number(after) + 1, howMany as number, after as number, "insertColumnsAfter");
  }
  insertColumnAfter(after: unknown): this {
    return this._insertCols(Number(after) + 1, 1, after as number, "insertColumnAfter");
  }
  insertColumnsBefore(before: unknown, howMany: unknown): this {
    return this._insertCols(before as number, howMany as number, before as number, "insertColumnsBefore");
  }
  insertColumnBefore(before: unknown): this {
    return this._insertCols(before as number, 1, before as number, "insertColumnBefore");
  }
  insertColumns(index: unknown, num?: unknown): void {
    this._insertCols(
      index as number,
      num === undefined ? 1 : (num as number),
      index as number,
      "insertColumns",
    );
  }
  _deleteCols(at: unknown, count: unknown, method: string): void {
    if (!isInt(at) || !isInt(count) || count < 1) throw signatureError("Sheet", method, [at, count]);
    this._live();
    if (at < 1 || at + count - 1 > this._sheet.maxCols) throw new Error("Those columns are out of bounds.");
    if (count >= this._sheet.maxCols - this._sheet.frozenCols && at <= this._sheet.frozenCols + 1) {
      throw new Error("Sorry, it is not possible to delete all non-frozen columns.");
    }
    assertCanEditSheet(this._ssData, this._sheet, this._user(), false);
    assertCanEdit(
      this._ssData,
      this._sheet,
      { row: 1, col: at, numRows: this._sheet.maxRows, numCols: count },
      this._user(),
    );
    deleteCols(this._sheet, at, count);
    shiftProtections(this._ssData, this._sheet, "col", at, -count);
    shiftMetadata(this._ssData, this._sheet, "col", at, -count);
  }
  deleteColumns(at: unknown, howMany: unknown): void {
    this._deleteCols(at, howMany, "deleteColumns");
  }
  deleteColumn(at: unknown): this {
    this._deleteCols(at, 1, "deleteColumn");
    return this;
  }

  // content
  getLastRow(): number {
    return lastRowWithContent(this._live());
  }
  getLastColumn(): number {
    return lastColWithContent(this._live());
  }
  getDataRange(): RangeImpl {
    this._live();
    return this._range({
      row: 1,
      col: 1,
      numRows: Math.max(1, lastRowWithContent(this._sheet)),
      numCols: Math.max(1, lastColWithContent(this._sheet)),
    });
  }
  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown): RangeImpl {
    this._live();
    if (typeof a === "string" && b === undefined) {
      const ref = parseA1(a);
      if (!ref) throw new Error("Range not found");
      const rect = checkRect(this._sheet, resolveRef(ref, this._sheet.maxRows, this._sheet.maxCols));
      return new RangeImpl(this._c, this._ssData, this._sheet, rect, ref);
    }
    const args = [a, b, c, d].filter((x) => x !== undefined);
    if (!args.every((x) => typeof x === "number"))
      throw signatureError("Sheet", "getRange", [a, b, c, d].slice(0, Math.max(1, args.length)));
    if (args.length < 2) throw signatureError("Sheet", "getRange", args);
    return this._range({
      row: a as number,
      col: b as number,
      numRows: c === undefined ? 1 : (c as number),
      numCols: d === undefined ? 1 : (d as number),
    });
  }
  getSheetValues(row: unknown, col: unknown, numRows: unknown, numCols: unknown): (CellValue | "")[][] {
    this._live();
    const nr = numRows === -1 ? lastRowWithContent(this._sheet) - Number(row) + 1 : Number(numRows);
    const nc = numCols === -1 ? lastColWithContent(this._sheet) - Number(col) + 1 : Number(numCols);
    const r = this._range({ row: Number(row), col: Number(col), numRows: nr, numCols: nc });
    return r._cells((cell) => valueOfCell(this._c, this._ssData, this._sheet, cell));
  }
  appendRow(rowContents: unknown): this {
    if (!Array.isArray(rowContents)) throw signatureError("Sheet", "appendRow", [rowContents]);
    this._live();
    const values = rowContents as unknown[];
    const row = lastRowWithContent(this._sheet) + 1;
    const rect: Rect = { row, col: 1, numRows: 1, numCols: Math.max(1, values.length) };
    assertCanEdit(this._ssData, this._sheet, rect, this._user());
    // Appending past the grid grows it, as the Sheets UI does.
    if (row > this._sheet.maxRows) this._sheet.maxRows = row;
    if (values.length > this._sheet.maxCols) this._sheet.maxCols = values.length;
    values.forEach((v, i) => {
      writeCell(this._sheet, row, i + 1, v, entryOf(this._c, this._ssData), "Sheet", "appendRow");
    });
    return this;
  }
  clear(options?: unknown): this {
    const o = (options ?? {}) as { contentsOnly?: boolean; formatOnly?: boolean };
    this._live();
    assertCanEdit(this._ssData, this._sheet, sheetRect(this._sheet), this._user());
    const any = Boolean(o.contentsOnly || o.formatOnly);
    for (const row of this._sheet.rows) {
      for (const c of row ?? []) {
        if (!c) continue;
        if (!any || o.contentsOnly) {
          delete c.v;
          delete c.f;
        }
        if (!any || o.formatOnly) clearFormats(c, true);
      }
    }
    return this;
  }
  clearContents(): this {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): this {
    return this.clear({ formatOnly: true });
  }
  clearNotes(): this {
    this._live();
    assertCanEdit(this._ssData, this._sheet, sheetRect(this._sheet), this._user());
    for (const row of this._sheet.rows) for (const c of row ?? []) if (c) delete c.note;
    return this;
  }

  // developer metadata
  addDeveloperMetadata(...args: unknown[]): this {
    this._live();
    addMetadata(this._c, this._ssData, { type: "SHEET", sheetId: this._sheet.sheetId }, args, "Sheet");
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    this._live();
    return metadataAt(this._c, this._ssData, { type: "SHEET", sheetId: this._sheet.sheetId });
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    this._live();
    const scope = { kind: "sheet" as const, sheetId: this._sheet.sheetId };
    return new DeveloperMetadataFinderImpl(this._c, this._ssData, scope);
  }

  // protection
  protect(): ProtectionImpl {
    this._live();
    const u = this._user();
    if (u !== "" && !isEditor(this._ssData, u)) throw new Error(MSG.viewOnly);
    // A sheet has at most one sheet protection; protecting again returns it.
    const existing = this._ssData.protections.find(
      (p) => p.kind === "SHEET" && p.sheetId === this._sheet.sheetId,
    );
    const p = existing ?? newProtection(this._ssData, this._sheet, "SHEET", sheetRect(this._sheet));
    return new ProtectionImpl(this._c, this._ssData, p.id);
  }
  getProtections(type: unknown): ProtectionImpl[] {
    this._live();
    if (type !== "RANGE" && type !== "SHEET") throw signatureError("Sheet", "getProtections", [type]);
    return this._ssData.protections
      .filter((p) => p.kind === type && p.sheetId === this._sheet.sheetId)
      .map((p) => new ProtectionImpl(this._c, this._ssData, p.id));
  }
  copyTo(spreadsheet: unknown): SheetImpl {
    if (!(spreadsheet instanceof SpreadsheetImpl)) throw signatureError("Sheet", "copyTo", [spreadsheet]);
    this._live();
    const dest = spreadsheet._live();
    const u = this._user();
    if (u !== "" && !isEditor(dest, u)) throw new Error(canView(dest, u) ? MSG.viewOnly : MSG.noAccess);
    const copyOf = `${localeRules(dest.locale).copyPrefix}${this._sheet.name}`;
    let name = copyOf;
    for (let i = 2; findSheetByName(dest, name); i++) name = `${copyOf} ${i}`;
    const copy = cloneSheet(this._sheet, newSheetId(dest), name);
    dest.sheets.push(copy);
    return new SheetImpl(this._c, dest, copy);
  }
  override toString(): string {
    return "Sheet";
  }
}

export function cloneSheet(src: SheetData, sheetId: number, name: string): SheetData {
  const copy = newSheetData(sheetId, name, src.maxRows, src.maxCols);
  copy.frozenRows = src.frozenRows;
  copy.frozenCols = src.frozenCols;
  copy.tabColor = src.tabColor;
  copy.colWidths = [...src.colWidths];
  copy.rowHeights = [...src.rowHeights];
  copy.hiddenRows = new Set(src.hiddenRows);
  copy.hiddenCols = new Set(src.hiddenCols);
  copy.rows = src.rows.map((row) =>
    row?.map((c) =>
      c ? { ...c, ...(c.v !== undefined && isDate(c.v) ? { v: copyDate(c.v) } : {}) } : undefined,
    ),
  );
  return copy;
}

// ---------- spreadsheet ----------

export class SpreadsheetImpl extends Base {
  constructor(
    c: Ctx,
    readonly _data: SpreadsheetData,
  ) {
    super(c);
  }
  _live(): SpreadsheetData {
    if (this._data.deleted) throw new Error(MSG.noAccess);
    return this._data;
  }
  _active(): SheetData {
    const ss = this._live();
    const s = ss.sheets.find((x) => x.sheetId === ss.activeSheetId) ?? ss.sheets[0];
    if (!s) throw new Error(MSG.sheetDeleted);
    return s;
  }
  _sheet(s: SheetData): SheetImpl {
    return new SheetImpl(this._c, this._data, s);
  }
  _assertEditor(): void {
    const u = this._user();
    if (u !== "" && !isEditor(this._live(), u))
      throw new Error(canView(this._data, u) ? MSG.viewOnly : MSG.noAccess);
  }

  getId(): string {
    return this._live().id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._live().id}/edit`;
  }
  getName(): string {
    return this._live().name;
  }
  rename(name: unknown): void {
    if (typeof name !== "string") throw signatureError("Spreadsheet", "rename", [name]);
    this._assertEditor();
    this._data.name = name;
  }
  getSheets(): SheetImpl[] {
    return this._live().sheets.map((s) => this._sheet(s));
  }
  getNumSheets(): number {
    return this._live().sheets.length;
  }
  getSheetByName(name: unknown): SheetImpl | null {
    if (typeof name !== "string") throw signatureError("Spreadsheet", "getSheetByName", [name]);
    const s = findSheetByName(this._live(), name);
    return s ? this._sheet(s) : null;
  }
  getSheetById(id: unknown): SheetImpl | null {
    const s = this._live().sheets.find((x) => x.sheetId === id);
    return s ? this._sheet(s) : null;
  }
  insertSheet(a?: unknown, b?: unknown, c?: unknown): SheetImpl {
    const ss = this._live();
    let name: string | undefined;
    let index: number | undefined;
    let options: { template?: unknown } | undefined;
    for (const arg of [a, b, c]) {
      if (arg === undefined) continue;
      if (typeof arg === "string" && name === undefined && index === undefined) name = arg;
      else if (typeof arg === "number" && index === undefined) index = arg;
      else if (typeof arg === "object" && arg !== null && !Array.isArray(arg))
        options = arg as { template?: unknown };
      else
        throw signatureError(
          "Spreadsheet",
          "insertSheet",
          [a, b, c].filter((x) => x !== undefined),
        );
    }
    this._assertEditor();
    const finalName =
      name === undefined ? nextDefaultName(ss) : validateSheetName(ss, name, undefined, "insertSheet");
    if (index !== undefined && (index < 0 || index > ss.sheets.length))
      throw new Error("Sheet index is out of range.");
    const template = options?.template;
    if (template !== undefined && !(template instanceof SheetImpl))
      throw signatureError("Spreadsheet", "insertSheet", [a, b, c]);
    const id = newSheetId(ss);
    const sheet =
      template instanceof SheetImpl
        ? cloneSheet(template._live(), id, finalName)
        : newSheetData(id, finalName);
    // Without an index Google puts the new sheet right after the active one; it becomes active.
    const activeIdx = ss.sheets.findIndex((s) => s.sheetId === ss.activeSheetId);
    const at = index ?? (activeIdx >= 0 ? activeIdx + 1 : ss.sheets.length);
    ss.sheets.splice(at, 0, sheet);
    ss.activeSheetId = sheet.sheetId;
    return this._sheet(sheet);
  }
  deleteSheet(sheet: unknown): void {
    if (!(sheet instanceof SheetImpl)) throw signatureError("Spreadsheet", "deleteSheet", [sheet]);
    const ss = this._live();
    const s = sheet._live();
    if (s !== ss.sheets.find((x) => x === s)) throw new Error(MSG.sheetDeleted);
    assertCanEditSheet(ss, s, this._user(), true);
    if (ss.sheets.length <= 1 || ss.sheets.filter((x) => x !== s && !x.hidden).length === 0)
      throw new Error(MSG.lastSheet);
    removeSheet(ss, s);
  }
  getActiveSheet(): SheetImpl {
    return this._sheet(this._active());
  }
  setActiveSheet(sheet: unknown): SheetImpl {
    if (!(sheet instanceof SheetImpl)) throw signatureError("Spreadsheet", "setActiveSheet", [sheet]);
    const s = sheet._live();
    s.hidden = false;
    this._live().activeSheetId = s.sheetId;
    return this._sheet(s);
  }
  getRange(a1: unknown): RangeImpl {
    if (typeof a1 !== "string") throw signatureError("Spreadsheet", "getRange", [a1]);
    const ref = parseA1(a1);
    if (!ref) throw new Error("Range not found");
    const sheet = ref.sheetName !== undefined ? findSheetByName(this._live(), ref.sheetName) : this._active();
    if (!sheet) throw new Error("Range not found");
    return new RangeImpl(
      this._c,
      this._data,
      sheet,
      checkRect(sheet, resolveRef(ref, sheet.maxRows, sheet.maxCols)),
    );
  }
  getDataRange(): RangeImpl {
    return new SheetImpl(this._c, this._data, this._active()).getDataRange();
  }
  getLastRow(): number {
    return lastRowWithContent(this._active());
  }
  getLastColumn(): number {
    return lastColWithContent(this._active());
  }
  appendRow(rowContents: unknown): SheetImpl {
    const sheet = new SheetImpl(this._c, this._data, this._active());
    sheet.appendRow(rowContents);
    return sheet;
  }
  getSheetName(): string {
    return this._active().name;
  }
  getSheetId(): number {
    return this._active().sheetId;
  }
  getFrozenRows(): number {
    return this._active().frozenRows;
  }
  getFrozenColumns(): number {
    return this._active().frozenCols;
  }
  getOwner(): UserImpl | null {
    // "the owner of the spreadsheet, or null for a file in a shared drive" (File.getOwner).
    const owner = this._live().owner;
    return owner === null ? null : new UserImpl(this._c, owner);
  }
  getEditors(): UserImpl[] {
    return fileEditors(this._live()).map((e) => new UserImpl(this._c, e));
  }
  getViewers(): UserImpl[] {
    return this._live().viewers.map((e) => new UserImpl(this._c, e));
  }
  addEditor(user: unknown): this {
    this._share("editor", [emailOf(user, "Spreadsheet", "addEditor")]);
    return this;
  }
  addEditors(emails: unknown): this {
    if (!Array.isArray(emails)) throw signatureError("Spreadsheet", "addEditors", [emails]);
    this._share(
      "editor",
      (emails as unknown[]).map((e) => emailOf(e, "Spreadsheet", "addEditors")),
    );
    return this;
  }
  addViewer(user: unknown): this {
    this._share("viewer", [emailOf(user, "Spreadsheet", "addViewer")]);
    return this;
  }
  addViewers(emails: unknown): this {
    if (!Array.isArray(emails)) throw signatureError("Spreadsheet", "addViewers", [emails]);
    this._share(
      "viewer",
      (emails as unknown[]).map((e) => emailOf(e, "Spreadsheet", "addViewers")),
    );
    return this;
  }
  _share(role: "editor" | "viewer", emails: string[]): void {
    this._assertEditor();
    const ss = this._data;
    for (const email of emails) {
      if (isOwner(ss, email)) continue;
      if (role === "editor") {
        ss.viewers = ss.viewers.filter((v) => !sameEmail(v, email));
        if (!ss.editors.some((e) => sameEmail(e, email))) ss.editors.push(email);
      } else if (!isEditor(ss, email) && !ss.viewers.some((v) => sameEmail(v, email))) {
        // Google: adding a viewer who is already an editor has no effect.
        ss.viewers.push(email);
      }
    }
  }
  removeEditor(user: unknown): this {
    const email = emailOf(user, "Spreadsheet", "removeEditor");
    this._assertEditor();
    this._data.editors = this._data.editors.filter((e) => !sameEmail(e, email));
    return this;
  }
  removeViewer(user: unknown): this {
    const email = emailOf(user, "Spreadsheet", "removeViewer");
    this._assertEditor();
    // Google: no effect if the user is an editor rather than a viewer.
    this._data.viewers = this._data.viewers.filter((e) => !sameEmail(e, email));
    return this;
  }
  getSpreadsheetTimeZone(): string {
    return this._live().timeZone;
  }
  setSpreadsheetTimeZone(tz: unknown): void {
    if (typeof tz !== "string") throw signatureError("Spreadsheet", "setSpreadsheetTimeZone", [tz]);
    zoneOffsetMinutes(tz); // an unknown zone throws
    this._assertEditor();
    this._data.timeZone = tz;
  }
  getSpreadsheetLocale(): string {
    return this._live().locale;
  }
  setSpreadsheetLocale(locale: unknown): void {
    if (typeof locale !== "string") throw signatureError("Spreadsheet", "setSpreadsheetLocale", [locale]);
    localeRules(locale); // one the emulator does not know says so
    this._assertEditor();
    this._data.locale = locale;
  }
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this._live();
    this._c.toasts.push({
      spreadsheetId: this._data.id,
      message: String(msg),
      title: title === undefined || title === null ? "" : String(title),
      timeoutSeconds: typeof timeoutSeconds === "number" ? timeoutSeconds : 5,
      at: this._c.host.now(),
    });
  }
  getProtections(type: unknown): ProtectionImpl[] {
    if (type !== "RANGE" && type !== "SHEET") throw signatureError("Spreadsheet", "getProtections", [type]);
    return this._live()
      .protections.filter((p) => p.kind === type)
      .map((p) => new ProtectionImpl(this._c, this._data, p.id));
  }
  addDeveloperMetadata(...args: unknown[]): this {
    addMetadata(this._c, this._live(), { type: "SPREADSHEET" }, args, "Spreadsheet");
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    return metadataAt(this._c, this._live(), { type: "SPREADSHEET" });
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return new DeveloperMetadataFinderImpl(this._c, this._live(), { kind: "spreadsheet" });
  }
  getAs(contentType: unknown): unknown {
    if (contentType !== "application/pdf") {
      throw new Error(MSG.notImplemented(`Spreadsheet.getAs(${String(contentType)})`));
    }
    const ss = this._live();
    const bytes = renderPdf(ss, (sheet, c) =>
      displayValue(valueOfCell(this._c, ss, sheet, c), c?.nf, whereOf(ss)),
    );
    return this._c.host.newBlob(bytes, "application/pdf", `${ss.name}.pdf`);
  }
  getBlob(): unknown {
    return this.getAs("application/pdf");
  }
  override toString(): string {
    return "Spreadsheet";
  }
}

export function removeSheet(ss: SpreadsheetData, s: SheetData): void {
  const idx = ss.sheets.indexOf(s);
  ss.sheets.splice(idx, 1);
  s.deleted = true;
  ss.protections = ss.protections.filter((p) => p.sheetId !== s.sheetId);
  ss.metadata = ss.metadata.filter(
    (m) => m.location.type === "SPREADSHEET" || m.location.sheetId !== s.sheetId,
  );
  if (ss.activeSheetId === s.sheetId) {
    const next = ss.sheets[Math.max(0, idx - 1)] ?? ss.sheets[0];
    if (next) ss.activeSheetId = next.sheetId;
  }
}

instrument(UserImpl, "User");
instrument(DataValidationImpl, "DataValidation");
instrument(DataValidationBuilderImpl, "DataValidationBuilder");
instrument(ProtectionImpl, "Protection");
instrument(RangeImpl, "Range");
instrument(SheetImpl, "Sheet");
instrument(SpreadsheetImpl, "Spreadsheet");
