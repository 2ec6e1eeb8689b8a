// Range, part two: values, formulas, clearing, position, protection, data validation, checkboxes,
// developer metadata, merged cells, copying. Part one (how cells look, and the base) is ./range-formats.ts.
// https://developers.google.com/apps-script/reference/spreadsheet/range
import { columnToLetters, contains, intersects, type Rect, rectA1 } from "./a1";
import { displayValue } from "./format";
import { instrument, signatureError } from "./base";
import {
  ARBITRARY_RANGE,
  addMetadata,
  DeveloperMetadataFinderImpl,
  type DeveloperMetadataImpl,
  dimensionOf,
  metadataAt,
} from "./developer-metadata";
import { assertCanEdit, cellAt, cellFor, clearFormats, isEditor, MSG } from "./model";
import type { RuleArg, RuleData } from "./validation-rules";
import { type CellValue, copyDate, isDate } from "./values";
import { checkGrid, isInt, valueOfCell, writeCell } from "./cells";
import { DataValidationImpl } from "./data-validation";
import { newProtection, ProtectionImpl } from "./protection";
import { RangeFormats } from "./range-formats";
import { checkRect } from "./sheets";
import { SheetImpl } from "./sheet";

export class RangeImpl extends RangeFormats {
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
    // A sheet protection's range: the whole grid, which Google writes as "".
    if (ref && [ref.startRow, ref.startCol, ref.endRow, ref.endCol].every((x) => x === undefined)) return "";
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

  // merged cells: a block shows its top-left cell (values under it are kept, as the model does not
  // need more); merging or unmerging over part of a merged block, which Google refuses, is not modelled
  _touchingMerges(): Rect[] {
    return this._sheet.merges.filter((m) => intersects(m, this._rect));
  }
  _merge(blocks: Rect[], method: string): this {
    this._edit();
    if (this._touchingMerges().some((m) => !contains(this._rect, m)))
      throw new Error(MSG.notImplemented(`Range.${method} over part of a merged block`));
    const kept = this._sheet.merges.filter((m) => !contains(this._rect, m));
    this._sheet.merges = [...kept, ...blocks.filter((b) => b.numRows * b.numCols > 1)];
    return this;
  }
  merge(): this {
    return this._merge([{ ...this._rect }], "merge");
  }
  /** Each row of the range becomes one block across its columns. */
  mergeAcross(): this {
    const { row, col, numRows, numCols } = this._rect;
    return this._merge(
      Array.from({ length: numRows }, (_, i) => ({ row: row + i, col, numRows: 1, numCols })),
      "mergeAcross",
    );
  }
  /** Each column of the range becomes one block down its rows. */
  mergeVertically(): this {
    const { row, col, numRows, numCols } = this._rect;
    return this._merge(
      Array.from({ length: numCols }, (_, i) => ({ row, col: col + i, numRows, numCols: 1 })),
      "mergeVertically",
    );
  }
  breakApart(): this {
    return this._merge([], "breakApart");
  }
  /** The merged blocks inside the range or sharing a cell with it, top to bottom, left to right. */
  getMergedRanges(): RangeImpl[] {
    this._live();
    return this._touchingMerges()
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((m) => new RangeImpl(this._c, this._ssData, this._sheet, { ...m }));
  }
  isPartOfMerge(): boolean {
    this._live();
    return this._touchingMerges().length > 0;
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

instrument(RangeImpl, "Range");
