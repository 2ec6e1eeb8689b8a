// The spreadsheet data behind the Apps Script objects: plain records, grid operations and the
// permission rules (who may edit what). The Apps Script classes in objects.ts are thin views on it.
import { contains, intersects, type Rect } from "./a1";
import type { RuleData } from "./validation-rules";
import type { CellValue } from "./values";

export interface SheetsHostLike {
  count(name: string): void;
  actingUser(): string;
  now(): Date;
  /**
   * Locale and time zone of each new spreadsheet. Google gives a new file those of the account that
   * creates it (its language and region settings); here whoever creates the world states them.
   */
  newFiles: { locale: string; timeZone: string };
  getUi(): unknown;
  /** A Blob; `bytes` may be a function that makes them when they are first read (a conversion). */
  newBlob(bytes: Uint8Array | (() => Uint8Array), contentType: string, name: string): unknown;
}

export interface CellData {
  v?: CellValue;
  f?: string; // formula text, "=..."
  note?: string;
  bg?: string;
  nf?: string;
  fw?: string; // font weight
  fst?: string; // font style
  fc?: string; // font colour
  fsz?: number;
  ff?: string; // font family
  wrap?: boolean;
  ha?: string;
  va?: string;
  dv?: RuleData;
}

export interface SheetData {
  sheetId: number;
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenCols: number;
  maxRows: number;
  maxCols: number;
  tabColor: string | null;
  colWidths: (number | undefined)[]; // index = column (1-based)
  rowHeights: (number | undefined)[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  rows: ((CellData | undefined)[] | undefined)[]; // rows[r][c], 1-based (index 0 unused)
  /** Merged blocks, each at least two cells, none overlapping another. */
  merges: Rect[];
  deleted: boolean;
}

export interface ProtectionData {
  id: number;
  kind: "SHEET" | "RANGE";
  sheetId: number;
  rect: Rect; // for SHEET protections, ignored: the whole sheet
  description: string;
  warningOnly: boolean;
  /** null while the editors mirror the spreadsheet's (Google: "until the script changes the list"). */
  editors: string[] | null;
  domainEdit: boolean;
  unprotected: Rect[];
  rangeName: string;
}

/**
 * Developer metadata: a key (and optional value) a script attaches to the spreadsheet, a sheet, or whole
 * rows or columns (start…end, 1-based, inclusive). Row and column metadata move with its rows and
 * columns and goes with them when they are deleted.
 */
export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
  visibility: "DOCUMENT" | "PROJECT";
  location:
    | { type: "SPREADSHEET" }
    | { type: "SHEET"; sheetId: number }
    | { type: "ROW" | "COLUMN"; sheetId: number; start: number; end: number };
}

export interface SpreadsheetData {
  id: string;
  name: string;
  /** null for a file in a shared drive: the drive owns it, Spreadsheet.getOwner() is null. */
  owner: string | null;
  editors: string[];
  viewers: string[];
  timeZone: string;
  locale: string;
  sheets: SheetData[];
  activeSheetId: number;
  /**
   * What the person has selected on the active sheet (a person's last action leaves it: the cells typed,
   * the rows inserted); A1 when absent or on another sheet. Not kept in snapshots.
   */
  selection?: { sheetId: number; row: number; col: number; numRows: number; numCols: number };
  protections: ProtectionData[];
  metadata: MetadataData[];
  deleted: boolean;
  nextSheetSeq: number;
  nextProtectionId: number;
  nextMetadataId: number;
}

export interface Toast {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number;
  at: Date;
}

export interface Ctx {
  host: SheetsHostLike;
  spreadsheets: Map<string, SpreadsheetData>;
  boundId: string | undefined;
  idSeq: number;
  toasts: Toast[];
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COL_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export const MSG = {
  protectedCell:
    "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
  noAccess: "You do not have permission to access the requested document.",
  viewOnly: "You do not have permission to edit this spreadsheet.",
  openByIdMissing: "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
  outside: "The coordinates of the range are outside the dimensions of the sheet.",
  sheetDeleted: "The sheet you are trying to access has been deleted.",
  lastSheet: "You can't remove all the sheets in a document.",
  hideAll: "You can't hide all the sheets in a document.",
  sheetExists: (name: string): string =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  rowsMismatch: (data: number, range: number): string =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number): string =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  notImplemented: (what: string): string => `Not implemented in the emulator: ${what}`,
};

export function newSheetData(
  sheetId: number,
  name: string,
  rows = DEFAULT_ROWS,
  cols = DEFAULT_COLS,
): SheetData {
  return {
    sheetId,
    name,
    hidden: false,
    frozenRows: 0,
    frozenCols: 0,
    maxRows: rows,
    maxCols: cols,
    tabColor: null,
    colWidths: [],
    rowHeights: [],
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    rows: [],
    merges: [],
    deleted: false,
  };
}

// ---- grid access ----

export function cellAt(sheet: SheetData, row: number, col: number): CellData | undefined {
  return sheet.rows[row]?.[col];
}

export function cellFor(sheet: SheetData, row: number, col: number): CellData {
  let r = sheet.rows[row];
  if (!r) {
    r = [];
    sheet.rows[row] = r;
  }
  let c = r[col];
  if (!c) {
    c = {};
    r[col] = c;
  }
  return c;
}

export function hasContent(c: CellData | undefined): boolean {
  return c !== undefined && (c.v !== undefined || c.f !== undefined);
}

export function lastRowWithContent(sheet: SheetData): number {
  for (let r = Math.min(sheet.rows.length - 1, sheet.maxRows); r >= 1; r--) {
    const row = sheet.rows[r];
    if (row?.some(hasContent)) return r;
  }
  return 0;
}

export function lastColWithContent(sheet: SheetData): number {
  let last = 0;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = row.length - 1; c > last; c--) {
      if (hasContent(row[c])) {
        last = c;
        break;
      }
    }
  }
  return Math.min(last, sheet.maxCols);
}

const FORMAT_KEYS = ["bg", "nf", "fw", "fst", "fc", "fsz", "ff", "wrap", "ha", "va"] as const;

/** Copies formats and validation (not values, not notes) - what an inserted row/column inherits. */
export function formatOnly(c: CellData | undefined): CellData | undefined {
  if (!c) return undefined;
  const out: CellData = {};
  for (const k of FORMAT_KEYS) {
    if (c[k] !== undefined) (out as Record<string, unknown>)[k] = c[k];
  }
  if (c.dv) out.dv = c.dv;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function clearFormats(c: CellData, numberFormats: boolean): void {
  for (const k of FORMAT_KEYS) {
    if (k === "nf" && !numberFormats) continue;
    delete c[k];
  }
}

// ---- structure changes (rows/columns), which also move protections ----

function shiftSpan(start: number, size: number, at: number, delta: number): [number, number] | undefined {
  // Insertion (delta > 0) of rows at index `at`; deletion (delta < 0) of |delta| rows starting at `at`.
  const end = start + size - 1;
  if (delta > 0) {
    if (at <= start) return [start + delta, size];
    if (at <= end) return [start, size + delta];
    return [start, size];
  }
  const n = -delta;
  const delEnd = at + n - 1;
  if (delEnd < start) return [start - n, size];
  if (at > end) return [start, size];
  const keptBefore = Math.max(0, at - start);
  const keptAfter = Math.max(0, end - delEnd);
  if (keptBefore + keptAfter === 0) return undefined;
  return [Math.min(start, at), keptBefore + keptAfter];
}

function shiftRects(rects: Rect[], axis: "row" | "col", at: number, delta: number): Rect[] {
  const out: Rect[] = [];
  for (const r of rects) {
    const moved =
      axis === "row" ? shiftSpan(r.row, r.numRows, at, delta) : shiftSpan(r.col, r.numCols, at, delta);
    if (!moved) continue;
    out.push(
      axis === "row"
        ? { ...r, row: moved[0], numRows: moved[1] }
        : { ...r, col: moved[0], numCols: moved[1] },
    );
  }
  return out;
}

export function shiftProtections(
  ss: SpreadsheetData,
  sheet: SheetData,
  axis: "row" | "col",
  at: number,
  delta: number,
): void {
  ss.protections = ss.protections.filter((p) => {
    if (p.sheetId !== sheet.sheetId) return true;
    p.unprotected = shiftRects(p.unprotected, axis, at, delta);
    if (p.kind === "SHEET") return true;
    const moved = shiftRects([p.rect], axis, at, delta)[0];
    if (!moved) return false; // every protected cell was deleted: Google drops the protection
    p.rect = moved;
    return true;
  });
}

/** Merged blocks move, grow and shrink with the rows or columns inserted or deleted in them. */
export function shiftMerges(sheet: SheetData, axis: "row" | "col", at: number, delta: number): void {
  sheet.merges = shiftRects(sheet.merges, axis, at, delta).filter((m) => m.numRows * m.numCols > 1);
}

/** Row or column metadata follows its rows or columns; when all of them are deleted, it goes too. */
export function shiftMetadata(
  ss: SpreadsheetData,
  sheet: SheetData,
  axis: "row" | "col",
  at: number,
  delta: number,
): void {
  const type = axis === "row" ? "ROW" : "COLUMN";
  ss.metadata = ss.metadata.filter((m) => {
    const loc = m.location;
    if (loc.type !== type || loc.sheetId !== sheet.sheetId) return true;
    const moved = shiftSpan(loc.start, loc.end - loc.start + 1, at, delta);
    if (!moved) return false;
    loc.start = moved[0];
    loc.end = moved[0] + moved[1] - 1;
    return true;
  });
}

export function insertRows(
  sheet: SheetData,
  at: number,
  count: number,
  inheritFrom: number | undefined,
): void {
  const template = inheritFrom !== undefined ? sheet.rows[inheritFrom] : undefined;
  const fresh: ((CellData | undefined)[] | undefined)[] = [];
  for (let i = 0; i < count; i++) fresh.push(template ? template.map(formatOnly) : undefined);
  while (sheet.rows.length < at) sheet.rows.push(undefined);
  sheet.rows.splice(at, 0, ...fresh);
  while (sheet.rowHeights.length < at) sheet.rowHeights.push(undefined);
  sheet.rowHeights.splice(at, 0, ...new Array<number | undefined>(count).fill(undefined));
  sheet.hiddenRows = shiftSet(sheet.hiddenRows, at, count);
  sheet.maxRows += count;
}

export function deleteRows(sheet: SheetData, at: number, count: number): void {
  sheet.rows.splice(at, count);
  sheet.rowHeights.splice(at, count);
  sheet.hiddenRows = shiftSet(sheet.hiddenRows, at, -count);
  sheet.maxRows -= count;
}

export function insertCols(
  sheet: SheetData,
  at: number,
  count: number,
  inheritFrom: number | undefined,
): void {
  for (const row of sheet.rows) {
    if (!row) continue;
    const template = inheritFrom !== undefined ? row[inheritFrom] : undefined;
    while (row.length < at) row.push(undefined);
    row.splice(at, 0, ...new Array(count).fill(undefined).map(() => formatOnly(template)));
  }
  while (sheet.colWidths.length < at) sheet.colWidths.push(undefined);
  const w = inheritFrom !== undefined ? sheet.colWidths[inheritFrom] : undefined;
  sheet.colWidths.splice(at, 0, ...new Array<number | undefined>(count).fill(w));
  sheet.hiddenCols = shiftSet(sheet.hiddenCols, at, count);
  sheet.maxCols += count;
}

export function deleteCols(sheet: SheetData, at: number, count: number): void {
  for (const row of sheet.rows) row?.splice(at, count);
  sheet.colWidths.splice(at, count);
  sheet.hiddenCols = shiftSet(sheet.hiddenCols, at, -count);
  sheet.maxCols -= count;
}

function shiftSet(set: Set<number>, at: number, delta: number): Set<number> {
  const out = new Set<number>();
  for (const i of set) {
    if (i < at) out.add(i);
    else if (delta > 0) out.add(i + delta);
    else if (i >= at - delta) out.add(i + delta);
  }
  return out;
}

// ---- permissions ----

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function isOwner(ss: SpreadsheetData, user: string): boolean {
  return ss.owner !== null && sameEmail(ss.owner, user);
}

/** The owner (when the file has one) followed by the editors: who may edit the file. */
export function fileEditors(ss: SpreadsheetData): string[] {
  return ss.owner === null ? [...ss.editors] : [ss.owner, ...ss.editors];
}

export function isEditor(ss: SpreadsheetData, user: string): boolean {
  return isOwner(ss, user) || ss.editors.some((e) => sameEmail(e, user));
}

export function canView(ss: SpreadsheetData, user: string): boolean {
  return isEditor(ss, user) || ss.viewers.some((e) => sameEmail(e, user));
}

export function sheetRect(sheet: SheetData): Rect {
  return { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
}

export function protectionRect(ss: SpreadsheetData, p: ProtectionData): Rect {
  if (p.kind === "RANGE") return p.rect;
  const sheet = ss.sheets.find((s) => s.sheetId === p.sheetId);
  return sheet ? sheetRect(sheet) : p.rect;
}

/** Whether a user may edit under one protection (ignoring warning-only, which never blocks). */
export function canEditProtection(ss: SpreadsheetData, p: ProtectionData, user: string): boolean {
  if (isOwner(ss, user)) return true; // "The spreadsheet owner is always able to edit"
  if (!isEditor(ss, user)) return false;
  if (p.editors === null) return true; // mirrors the spreadsheet's own permissions
  return p.editors.some((e) => sameEmail(e, user));
}

/** The protections that forbid `user` to edit some cell of `rect` on `sheet`. */
export function blockingProtections(
  ss: SpreadsheetData,
  sheet: SheetData,
  rect: Rect,
  user: string,
): ProtectionData[] {
  const out: ProtectionData[] = [];
  for (const p of ss.protections) {
    if (p.sheetId !== sheet.sheetId || p.warningOnly) continue;
    const pr = protectionRect(ss, p);
    if (!intersects(pr, rect)) continue;
    if (canEditProtection(ss, p, user)) continue;
    if (p.kind === "SHEET" && p.unprotected.length > 0 && coveredBy(rect, p.unprotected)) continue;
    out.push(p);
  }
  return out;
}

/**
 * Whether a protection forbids `user` to edit a cell of `sheet`, as blockingProtections says for a
 * single cell, with the protections that cannot concern them set aside once: a tab's view asks it
 * of each of its hundreds of cells.
 */
export function cellBlocker(
  ss: SpreadsheetData,
  sheet: SheetData,
  user: string,
): (row: number, col: number) => boolean {
  const blocking = ss.protections
    .filter((p) => p.sheetId === sheet.sheetId && !p.warningOnly && !canEditProtection(ss, p, user))
    .map((p) => ({ p, rect: protectionRect(ss, p) }));
  return (row, col) => {
    const cell = { row, col, numRows: 1, numCols: 1 };
    return blocking.some(
      ({ p, rect }) =>
        intersects(rect, cell) &&
        !(p.kind === "SHEET" && p.unprotected.length > 0 && coveredBy(cell, p.unprotected)),
    );
  };
}

/** Whether every cell of rect lies inside at least one of the rects. */
function coveredBy(rect: Rect, rects: Rect[]): boolean {
  if (rects.some((u) => contains(u, rect))) return true;
  if (rect.numRows * rect.numCols > 200_000) return false;
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      if (!rects.some((u) => r >= u.row && r < u.row + u.numRows && c >= u.col && c < u.col + u.numCols))
        return false;
    }
  }
  return true;
}

/**
 * Throws Google's message when `user` may not edit rect. An empty user (Google gives a blank
 * active user in some contexts) is not checked: the model cannot tell who it is.
 */
export function assertCanEdit(ss: SpreadsheetData, sheet: SheetData, rect: Rect, user: string): void {
  if (user === "") return;
  if (!isEditor(ss, user)) throw new Error(canView(ss, user) ? MSG.viewOnly : MSG.noAccess);
  if (blockingProtections(ss, sheet, rect, user).length > 0) throw new Error(MSG.protectedCell);
}

/** A sheet-level change (rename, delete, insert rows) needs the sheet's own protection. */
export function assertCanEditSheet(
  ss: SpreadsheetData,
  sheet: SheetData,
  user: string,
  wholeSheet: boolean,
): void {
  if (user === "") return;
  if (!isEditor(ss, user)) throw new Error(canView(ss, user) ? MSG.viewOnly : MSG.noAccess);
  for (const p of ss.protections) {
    if (p.sheetId !== sheet.sheetId || p.warningOnly) continue;
    if (!wholeSheet && p.kind === "RANGE") continue;
    if (!canEditProtection(ss, p, user)) throw new Error(MSG.protectedCell);
  }
}
