// Sheet: one tab of a spreadsheet.
// https://developers.google.com/apps-script/reference/spreadsheet/sheet
import { parseA1, type Rect, resolveRef } from "./a1";
import { displayValue } from "./format";
import { Base, instrument, signatureError } from "./base";
import {
  addMetadata,
  DeveloperMetadataFinderImpl,
  type DeveloperMetadataImpl,
  metadataAt,
} from "./developer-metadata";
import {
  assertCanEdit,
  assertCanEditSheet,
  type Ctx,
  canView,
  clearFormats,
  DEFAULT_COL_WIDTH,
  DEFAULT_ROW_HEIGHT,
  deleteCols,
  deleteRows,
  insertCols,
  insertRows,
  isEditor,
  lastColWithContent,
  lastRowWithContent,
  MSG,
  type SheetData,
  type SpreadsheetData,
  sheetRect,
  shiftMetadata,
  shiftMerges,
  shiftProtections,
} from "./model";
import type { CellValue } from "./values";
import { localeRules } from "./locale";
import { colorArg, entryOf, isInt, valueOfCell, whereOf, writeCell } from "./cells";
import { newProtection, ProtectionImpl } from "./protection";
import { RangeImpl } from "./range";
import { RangeListImpl } from "./range-list";
import { checkRect, cloneSheet, findSheetByName, newSheetId, validateSheetName } from "./sheets";
import { SpreadsheetImpl } from "./spreadsheet";

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
  /** Rows fit their content again: the heights a script set are gone (the grid fits them). */
  autoResizeRows(start: unknown, num: unknown): this {
    if (!isInt(start) || !isInt(num)) throw signatureError("Sheet", "autoResizeRows", [start, num]);
    this._structure();
    for (let i = start; i < start + num; i++) this._sheet.rowHeights[i] = undefined;
    return this;
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
    shiftMerges(this._sheet, "row", at, count);
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
    shiftMerges(this._sheet, "row", at, -count);
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
    shiftMerges(this._sheet, "col", at, count);
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
    shiftMerges(this._sheet, "col", at, -count);
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
  getRangeList(a1Notations: unknown): RangeListImpl {
    this._live();
    if (
      !Array.isArray(a1Notations) ||
      a1Notations.length === 0 ||
      !a1Notations.every((a) => typeof a === "string")
    )
      throw signatureError("Sheet", "getRangeList", [a1Notations]);
    const ranges = a1Notations.map((a1: string) => {
      const ref = parseA1(a1);
      if (!ref || ref.sheetName !== undefined) throw new Error("Range not found");
      const rect = checkRect(this._sheet, resolveRef(ref, this._sheet.maxRows, this._sheet.maxCols));
      return new RangeImpl(this._c, this._ssData, this._sheet, rect, ref);
    });
    return new RangeListImpl(this._c, this._ssData, this._sheet, ranges);
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

instrument(SheetImpl, "Sheet");
