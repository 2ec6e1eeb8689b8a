// The in-memory Google Sheets model for the Apps Script emulator: SpreadsheetApp and the
// Spreadsheet/Sheet/Range/Protection/DataValidation objects, plus the user actions the Sheets UI
// performs (typing, inserting rows, renaming tabs) so tests can act as a person at the keyboard.
//
// The environment (src/local/emulator/index.ts) owns the clock, the acting user, call counting and
// Blobs, and passes them in as a SheetsHost. This module is the only entry point to the model.
//
// Fidelity notes (Google documents these; see the contract tests for the citations):
// - getValues gives numbers, strings, booleans, Dates and "" for empty cells.
// - setValue(s) and appendRow interpret strings like typed text in a vi_VN spreadsheet: "1.234" is
//   1234, "12,5" is 12.5, "15/04/2023" a Date (midnight in the spreadsheet's zone), "=…" a formula,
//   a leading apostrophe forces text; a cell formatted "@" keeps any string as it is.
// - Formulas are stored but not computed (arithmetic on constants aside): getValues gives "#ERROR!".
// - Protections and sharing are enforced against host.actingUser(); the owner can always edit.
//   A blank acting user ("" — Google's blank active user) is not checked: the model cannot tell
//   who it is, so the environment should pass the real user for enforcement.
// - Spreadsheet.getAs("application/pdf") is a real PDF of the display values, a grid per visible
//   sheet in a Unicode font (Vietnamese as it is).
import { parseA1, resolveRef } from "./a1";
import { newSpreadsheetData, SpreadsheetAppImpl } from "./spreadsheet-app";
import { displayValue } from "./format";
import {
  assertCanEdit,
  assertCanEditSheet,
  cellBlocker,
  canView,
  type Ctx,
  cellAt,
  isEditor,
  isOwner,
  MSG,
  type SheetData,
  type SheetsHostLike,
  type SpreadsheetData,
  type Toast,
} from "./model";
import { entryOf, valueOfCell, whereOf, writeCell, writeRaw } from "./cells";
import { RangeImpl } from "./range";
import { SheetImpl } from "./sheet";
import { removeSheet } from "./sheets";
import { SpreadsheetImpl } from "./spreadsheet";
import { createSheetsApi, type SheetsApi } from "./sheets-api";
import { createValuesApi, type ValuesApi } from "./sheets-values";
import { restore, type SheetsState, type SnapshotCells, snapshot } from "./state";
import { toSerial } from "./time";
import { type CheckContext, rejectionMessage, satisfies } from "./validation-rules";
import { type CellValue, isDate, parseEntered } from "./values";

export type { SheetsState, SnapshotCells } from "./state";
export type { SpreadsheetData, Toast } from "./model";
export { DataValidationImpl } from "./data-validation";
export { DataValidationBuilderImpl } from "./data-validation-builder";
export { ProtectionImpl } from "./protection";
export { RangeImpl } from "./range";
export { SheetImpl } from "./sheet";
export { SpreadsheetImpl } from "./spreadsheet";
export { UserImpl } from "./user";
export { SpreadsheetAppImpl } from "./spreadsheet-app";
export { displayValue } from "./format";
export { parseEntered } from "./values";
export { zoneOffsetMinutes, toWallTime, fromWallTime } from "./time";

/** What the model needs from the environment that hosts it. */
export interface SheetsHost extends SheetsHostLike {
  /** "Range.getValues" etc. – called for every public method call. */
  count(name: string): void;
  /** Email of whoever the current execution runs as ("" allowed, see the header). */
  actingUser(): string;
  /** The emulated clock. */
  now(): Date;
  /** SpreadsheetApp.getUi() delegates here. */
  getUi(): unknown;
  /** A Blob from the services side (used by getAs PDF). */
  /** A Blob; `bytes` may be a function that makes them when they are first read (a conversion). */
  newBlob(bytes: Uint8Array | (() => Uint8Array), contentType: string, name: string): unknown;
}

/** Where the bound file lives and who it is shared with. */
export interface BoundPlace {
  /**
   * In a shared drive the drive owns the file: getOwner() is null, nobody edits protected ranges by
   * virtue of owning it, and `owner` (whoever created it) is one of its editors.
   */
  sharedDrive?: boolean;
  editors?: string[];
  viewers?: string[];
}

export interface UserFormat {
  background?: string | null;
  numberFormat?: string;
  fontWeight?: "bold" | "normal";
}

export interface UserEditResult {
  /** The edited Range (for the event object's `range`). */
  range: RangeImpl;
  /** The spreadsheet edited (the event's `source`). */
  spreadsheet: SpreadsheetImpl;
  singleCell: boolean;
  /**
   * Event-object values, only for a single cell, as Google passes them: strings ("1234", "TRUE",
   * a date as its serial day number), undefined when the cell was / became empty.
   */
  oldValue?: string;
  value?: string;
  /** The same, as cell values (Date, number, …), for tests and logs. */
  oldRaw?: CellValue;
  newRaw?: CellValue;
}

export interface SheetsModel {
  /** The SpreadsheetApp global. */
  spreadsheetApp: SpreadsheetAppImpl;
  /** The Sheets advanced service's `Sheets.Spreadsheets` (sheets-api.ts). */
  sheetsApi: SheetsApi;
  valuesApi: ValuesApi;
  /** The bound spreadsheet. Throws if createBound was never called. */
  active(): SpreadsheetImpl;
  /** Creates the bound spreadsheet (the environment does it once). */
  createBound(name: string, owner: string, place?: BoundPlace): SpreadsheetImpl;
  byId(id: string): SpreadsheetImpl | undefined;
  all(): SpreadsheetImpl[];
  /** "The user deleted the file in Drive": openById throws afterwards. */
  deleteSpreadsheet(id: string): void;
  /** The tab the user is looking at in the bound spreadsheet. */
  setActiveSheet(name: string): void;
  /**
   * An edit made in the Sheets UI of the bound spreadsheet by `user`. `values` must match the
   * range's shape. With typed=true strings are interpreted as typed text (vi_VN); otherwise values
   * are stored as given (a paste of values). Throws Google's message, changing nothing, when a
   * protection or a rejecting data validation forbids it. Counts no calls (it is not script code).
   */
  userEdit(sheetName: string, a1: string, values: unknown[][], user: string, typed: boolean): UserEditResult;
  userInsertRows(sheetName: string, afterRow: number, count: number, user: string): void;
  userDeleteRows(sheetName: string, row: number, count: number, user: string): void;
  userInsertColumns(sheetName: string, afterColumn: number, count: number, user: string): void;
  userDeleteColumns(sheetName: string, column: number, count: number, user: string): void;
  userRenameSheet(oldName: string, newName: string, user: string): void;
  userDeleteSheet(sheetName: string, user: string): void;
  userInsertSheet(sheetName: string, user: string): void;
  /** The user changes how cells look (Format menu): background, number format, bold. */
  userFormat(sheetName: string, a1: string, format: UserFormat, user: string): void;
  /** Whether `user` may edit one cell (sharing and protections; warning-only never blocks). */
  canEdit(spreadsheetId: string, sheetName: string, row: number, col: number, user: string): boolean;
  /** canEdit for many cells of one tab: the protections that cannot concern `user` set aside once. */
  editable(spreadsheetId: string, sheetName: string, user: string): (row: number, col: number) => boolean;
  /** The user's access to a spreadsheet (Google runs no onOpen for a viewer). */
  role(spreadsheetId: string, user: string): "owner" | "editor" | "viewer" | "none";
  /** Toasts shown with Spreadsheet.toast, oldest first. */
  toasts(): Toast[];
  /** Every spreadsheet as data; `cells` says whose cells come with it (default: all). */
  snapshot(cells?: SnapshotCells): SheetsState;
}

function eventString(v: CellValue | "" | undefined, tz: string): string | undefined {
  if (v === undefined || v === "") return undefined;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isDate(v)) return String(toSerial(v.getTime(), tz));
  return String(v);
}

/**
 * `files`: the Drive this model's spreadsheets live in. Worlds that share one see each other's files
 * (each still binds its own), as scripts bound to different spreadsheets do on Google.
 */
export function createSheetsModel(
  host: SheetsHost,
  state?: SheetsState,
  files: Map<string, SpreadsheetData> = new Map(),
): SheetsModel {
  const ctx: Ctx = { host, spreadsheets: files, boundId: undefined, idSeq: 0, toasts: [] };
  if (state) restore(ctx, state);
  const app = new SpreadsheetAppImpl(ctx);

  // User actions run with the user as the actor and are not counted as script calls.
  const asUser = (user: string): Ctx => ({
    ...ctx,
    host: {
      count: () => {},
      actingUser: () => user,
      now: () => host.now(),
      newFiles: host.newFiles,
      getUi: () => host.getUi(),
      newBlob: (b, t, n) => host.newBlob(b, t, n),
    },
  });

  const bound = (): SpreadsheetData => {
    const ss = ctx.boundId === undefined ? undefined : ctx.spreadsheets.get(ctx.boundId);
    if (!ss) throw new Error("No bound spreadsheet: call createBound first.");
    return ss;
  };
  const sheetNamed = (ss: SpreadsheetData, name: string): SheetData => {
    const lower = name.toLowerCase();
    const s = ss.sheets.find((x) => x.name.toLowerCase() === lower);
    if (!s) throw new Error(`No sheet named "${name}".`);
    return s;
  };
  const userSheet = (sheetName: string, user: string): SheetImpl => {
    const ss = bound();
    return new SheetImpl(asUser(user), ss, sheetNamed(ss, sheetName));
  };
  /** A person acts on the sheet they are looking at, and their action leaves these cells selected. */
  const select = (sheet: SheetImpl, row: number, col: number, numRows: number, numCols: number): void => {
    const ss = sheet._ssData;
    ss.activeSheetId = sheet._sheet.sheetId;
    ss.selection = { sheetId: sheet._sheet.sheetId, row, col, numRows, numCols };
  };

  const editable = (spreadsheetId: string, sheetName: string, user: string) => {
    const ss = ctx.spreadsheets.get(spreadsheetId);
    if (!ss || ss.deleted) return () => false;
    const sheet = sheetNamed(ss, sheetName);
    if (!isEditor(ss, user)) return () => false;
    const blocked = cellBlocker(ss, sheet, user);
    return (row: number, col: number) => !blocked(row, col);
  };

  return {
    spreadsheetApp: app,
    sheetsApi: createSheetsApi(ctx),
    valuesApi: createValuesApi(ctx),
    active: () => new SpreadsheetImpl(ctx, bound()),
    createBound(name, owner, place = {}) {
      const ss = newSpreadsheetData(ctx, name, place.sharedDrive ? null : owner);
      for (const e of [...(place.sharedDrive ? [owner] : []), ...(place.editors ?? [])])
        if (!isEditor(ss, e)) ss.editors.push(e);
      for (const v of place.viewers ?? []) if (!canView(ss, v)) ss.viewers.push(v);
      ctx.boundId = ss.id;
      return new SpreadsheetImpl(ctx, ss);
    },
    byId(id) {
      const ss = ctx.spreadsheets.get(id);
      return ss && !ss.deleted ? new SpreadsheetImpl(ctx, ss) : undefined;
    },
    all: () =>
      [...ctx.spreadsheets.values()].filter((s) => !s.deleted).map((s) => new SpreadsheetImpl(ctx, s)),
    deleteSpreadsheet(id) {
      const ss = ctx.spreadsheets.get(id);
      if (ss) ss.deleted = true;
    },
    setActiveSheet(name) {
      const ss = bound();
      const s = sheetNamed(ss, name);
      s.hidden = false;
      ss.activeSheetId = s.sheetId;
      ss.selection = undefined;
    },
    userEdit(sheetName, a1, values, user, typed) {
      const ss = bound();
      const sheet = sheetNamed(ss, sheetName);
      const ref = parseA1(a1);
      if (!ref) throw new Error("Range not found");
      const rect = resolveRef(ref, sheet.maxRows, sheet.maxCols);
      if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols) {
        throw new Error(MSG.outside);
      }
      if (!Array.isArray(values) || values.length !== rect.numRows) {
        throw new Error(MSG.rowsMismatch(Array.isArray(values) ? values.length : 0, rect.numRows));
      }
      for (const line of values) {
        if (!Array.isArray(line) || line.length !== rect.numCols) {
          throw new Error(MSG.colsMismatch(Array.isArray(line) ? line.length : 0, rect.numCols));
        }
      }
      if (user !== "" && !isEditor(ss, user)) throw new Error(MSG.viewOnly);
      assertCanEdit(ss, sheet, rect, user);
      // Reject the whole edit if any cell breaks a rule that rejects invalid input.
      const entry = entryOf(ctx, ss);
      const check: CheckContext = {
        ...whereOf(ss),
        rangeValues: (arg) => {
          const src = ctx.spreadsheets.get(arg.$range.spreadsheetId);
          const s = src?.sheets.find((x) => x.sheetId === arg.$range.sheetId);
          if (!src || !s) return [];
          const out: string[] = [];
          const r = arg.$range;
          for (let i = r.row; i < r.row + r.numRows; i++) {
            for (let k = r.col; k < r.col + r.numCols; k++) {
              const c = cellAt(s, i, k);
              out.push(displayValue(valueOfCell(ctx, src, s, c), c?.nf, whereOf(src)));
            }
          }
          return out;
        },
      };
      values.forEach((line, r) => {
        line.forEach((raw, k) => {
          const cell = cellAt(sheet, rect.row + r, rect.col + k);
          const rule = cell?.dv;
          if (!rule || rule.allowInvalid) return;
          let v: CellValue | undefined;
          let fmt = cell?.nf;
          if (typeof raw === "string" && typed) {
            const e = parseEntered(raw, entry, cell?.nf === "@");
            if (e.formula !== undefined) return; // a formula's result is not computed here
            v = e.value;
            if (fmt === undefined && e.autoFormat) fmt = e.autoFormat;
          } else v = raw === null || raw === undefined || raw === "" ? undefined : (raw as CellValue);
          if (!satisfies(rule, v, fmt, check)) throw new Error(rejectionMessage(rule, check));
        });
      });
      const single = rect.numRows === 1 && rect.numCols === 1;
      const oldCell = cellAt(sheet, rect.row, rect.col);
      const oldRaw = single ? valueOfCell(ctx, ss, sheet, oldCell) : "";
      values.forEach((line, r) => {
        line.forEach((raw, k) => {
          if (typed) writeCell(sheet, rect.row + r, rect.col + k, raw, entry, "Range", "setValues");
          else writeRaw(sheet, rect.row + r, rect.col + k, raw);
        });
      });
      ss.activeSheetId = sheet.sheetId;
      ss.selection = { sheetId: sheet.sheetId, ...rect };
      const newRaw = single ? valueOfCell(ctx, ss, sheet, cellAt(sheet, rect.row, rect.col)) : "";
      const result: UserEditResult = {
        range: new RangeImpl(ctx, ss, sheet, rect),
        spreadsheet: new SpreadsheetImpl(ctx, ss),
        singleCell: single,
      };
      if (single) {
        const ov = eventString(oldRaw, ss.timeZone);
        const nv = eventString(newRaw, ss.timeZone);
        if (ov !== undefined) result.oldValue = ov;
        if (nv !== undefined) result.value = nv;
        if (oldRaw !== "") result.oldRaw = oldRaw;
        if (newRaw !== "") result.newRaw = newRaw;
      }
      return result;
    },
    userInsertRows(sheetName, afterRow, count, user) {
      const sheet = userSheet(sheetName, user).insertRowsAfter(afterRow, count);
      // The inserted rows are what the person has selected afterwards.
      select(sheet, afterRow + 1, 1, count, sheet._sheet.maxCols);
    },
    userDeleteRows(sheetName, row, count, user) {
      const sheet = userSheet(sheetName, user);
      sheet.deleteRows(row, count);
      select(sheet, row, 1, count, sheet._sheet.maxCols);
    },
    userInsertColumns(sheetName, afterColumn, count, user) {
      const sheet = userSheet(sheetName, user).insertColumnsAfter(afterColumn, count);
      select(sheet, 1, afterColumn + 1, sheet._sheet.maxRows, count);
    },
    userDeleteColumns(sheetName, column, count, user) {
      const sheet = userSheet(sheetName, user);
      sheet.deleteColumns(column, count);
      select(sheet, 1, column, sheet._sheet.maxRows, count);
    },
    userRenameSheet(oldName, newName, user) {
      select(userSheet(oldName, user).setName(newName), 1, 1, 1, 1);
    },
    userDeleteSheet(sheetName, user) {
      const ss = bound();
      const sheet = sheetNamed(ss, sheetName);
      assertCanEditSheet(ss, sheet, user, true);
      if (ss.sheets.length <= 1) throw new Error(MSG.lastSheet);
      removeSheet(ss, sheet);
      ss.selection = undefined;
    },
    userInsertSheet(sheetName, user) {
      const ss = bound();
      new SpreadsheetImpl(asUser(user), ss).insertSheet(sheetName);
      ss.selection = undefined;
    },
    userFormat(sheetName, a1, format, user) {
      const range = userSheet(sheetName, user).getRange(a1);
      if (format.background !== undefined) range.setBackground(format.background);
      if (format.numberFormat !== undefined) range.setNumberFormat(format.numberFormat);
      if (format.fontWeight !== undefined) range.setFontWeight(format.fontWeight);
      select(range.getSheet(), range._rect.row, range._rect.col, range._rect.numRows, range._rect.numCols);
    },
    canEdit: (spreadsheetId, sheetName, row, col, user) => editable(spreadsheetId, sheetName, user)(row, col),
    editable,
    role(spreadsheetId, user) {
      const ss = ctx.spreadsheets.get(spreadsheetId);
      if (!ss || ss.deleted) return "none";
      if (isOwner(ss, user)) return "owner";
      if (isEditor(ss, user)) return "editor";
      return canView(ss, user) ? "viewer" : "none";
    },
    toasts: () => ctx.toasts.map((t) => ({ ...t, at: new Date(t.at.getTime()) })),
    snapshot: (cells) => snapshot(ctx, cells),
  };
}
