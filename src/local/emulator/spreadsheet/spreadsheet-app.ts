// The SpreadsheetApp global: the bound ("active") spreadsheet, create/openById, flush, the data
// validation builder, getUi, and the enums the add-in uses.
import { GOOGLE_METHODS } from "./google-api";
import {
  type Ctx,
  canView,
  DEFAULT_COLS,
  DEFAULT_ROWS,
  MSG,
  newSheetData,
  type SpreadsheetData,
} from "./model";
import { signatureError } from "./base";
import { DataValidationBuilderImpl } from "./data-validation-builder";
import { RangeImpl } from "./range";
import { SheetImpl } from "./sheet";
import { SpreadsheetImpl } from "./spreadsheet";
import { LOCATION_TYPE, VISIBILITY } from "./developer-metadata";
import { localeRules } from "./locale";
import { CRITERIA } from "./validation-rules";

function enumOf<T extends string>(names: readonly T[]): Readonly<Record<T, T>> {
  const out = {} as Record<T, T>;
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/** A Drive-like 44-character id, deterministic so that snapshots and tests are reproducible. */
export function makeSpreadsheetId(seq: number): string {
  let h = (seq * 2654435761) >>> 0;
  let out = "1";
  while (out.length < 44) {
    h = (Math.imul(h ^ (h >>> 15), 2246822519) + 0x9e3779b9 + out.length) >>> 0;
    out += ID_ALPHABET[h % 64];
  }
  return out;
}

export function newSpreadsheetData(
  ctx: Ctx,
  name: string,
  owner: string | null,
  rows = DEFAULT_ROWS,
  cols = DEFAULT_COLS,
): SpreadsheetData {
  let id = makeSpreadsheetId(++ctx.idSeq);
  while (ctx.spreadsheets.has(id)) id = makeSpreadsheetId(++ctx.idSeq);
  const ss: SpreadsheetData = {
    id,
    name,
    owner,
    editors: [],
    viewers: [],
    timeZone: ctx.host.newFiles.timeZone,
    locale: ctx.host.newFiles.locale,
    sheets: [newSheetData(0, `${localeRules(ctx.host.newFiles.locale).sheetPrefix}1`, rows, cols)],
    activeSheetId: 0,
    protections: [],
    metadata: [],
    deleted: false,
    nextSheetSeq: 1,
    nextProtectionId: 1,
    nextMetadataId: 1,
  };
  ctx.spreadsheets.set(id, ss);
  return ss;
}

export class SpreadsheetAppImpl {
  readonly ProtectionType = enumOf(["RANGE", "SHEET"] as const);
  readonly DeveloperMetadataVisibility = VISIBILITY;
  readonly DeveloperMetadataLocationType = LOCATION_TYPE;
  readonly DataValidationCriteria = enumOf(CRITERIA);
  readonly BorderStyle = enumOf([
    "DOTTED",
    "DASHED",
    "SOLID",
    "SOLID_MEDIUM",
    "SOLID_THICK",
    "DOUBLE",
  ] as const);
  readonly WrapStrategy = enumOf(["WRAP", "OVERFLOW", "CLIP"] as const);
  readonly Dimension = enumOf(["COLUMNS", "ROWS"] as const);
  readonly SheetType = enumOf(["GRID", "OBJECT", "DATASOURCE"] as const);
  readonly CopyPasteType = enumOf([
    "PASTE_NORMAL",
    "PASTE_NO_BORDERS",
    "PASTE_FORMAT",
    "PASTE_FORMULA",
    "PASTE_DATA_VALIDATION",
    "PASTE_VALUES",
    "PASTE_CONDITIONAL_FORMATTING",
    "PASTE_COLUMN_WIDTHS",
  ] as const);

  constructor(readonly _c: Ctx) {}

  _bound(): SpreadsheetImpl | null {
    const id = this._c.boundId;
    const ss = id === undefined ? undefined : this._c.spreadsheets.get(id);
    return ss ? new SpreadsheetImpl(this._c, ss) : null;
  }
  _boundOrThrow(): SpreadsheetImpl {
    const b = this._bound();
    if (!b) throw new Error("No active spreadsheet.");
    return b;
  }
  getActiveSpreadsheet(): SpreadsheetImpl | null {
    return this._bound();
  }
  getActive(): SpreadsheetImpl | null {
    return this._bound();
  }
  getActiveSheet(): SheetImpl {
    const b = this._boundOrThrow();
    return new SheetImpl(this._c, b._data, b._active());
  }
  getActiveRange(): RangeImpl {
    // The person's selection on the active sheet (what their last action left selected), clipped to it.
    const b = this._boundOrThrow();
    const sheet = b._active();
    const sel = b._data.selection;
    const row = sel?.sheetId === sheet.sheetId ? Math.min(sel.row, sheet.maxRows) : 1;
    const col = sel?.sheetId === sheet.sheetId ? Math.min(sel.col, sheet.maxCols) : 1;
    const numRows = sel?.sheetId === sheet.sheetId ? Math.min(sel.numRows, sheet.maxRows - row + 1) : 1;
    const numCols = sel?.sheetId === sheet.sheetId ? Math.min(sel.numCols, sheet.maxCols - col + 1) : 1;
    return new RangeImpl(this._c, b._data, sheet, { row, col, numRows, numCols });
  }
  getCurrentCell(): RangeImpl {
    return this.getActiveRange();
  }
  setActiveSheet(sheet: unknown): SheetImpl {
    if (!(sheet instanceof SheetImpl)) throw signatureError("SpreadsheetApp", "setActiveSheet", [sheet]);
    sheet._live();
    sheet._sheet.hidden = false;
    sheet._ssData.activeSheetId = sheet._sheet.sheetId;
    return sheet;
  }
  setActiveRange(range: unknown): RangeImpl {
    if (!(range instanceof RangeImpl)) throw signatureError("SpreadsheetApp", "setActiveRange", [range]);
    range._live();
    range._ssData.activeSheetId = range._sheet.sheetId;
    return range;
  }
  create(name: unknown, rows?: unknown, columns?: unknown): SpreadsheetImpl {
    if (typeof name !== "string") throw signatureError("SpreadsheetApp", "create", [name]);
    // A new file lands in the creator's own Drive (even when the script's file is in a shared drive).
    const owner =
      this._c.host.actingUser() ||
      (this._c.boundId ? (this._c.spreadsheets.get(this._c.boundId)?.owner ?? "") : "");
    const ss = newSpreadsheetData(
      this._c,
      name,
      owner,
      typeof rows === "number" ? rows : DEFAULT_ROWS,
      typeof columns === "number" ? columns : DEFAULT_COLS,
    );
    return new SpreadsheetImpl(this._c, ss);
  }
  openById(id: unknown): SpreadsheetImpl {
    if (typeof id !== "string") throw signatureError("SpreadsheetApp", "openById", [id]);
    const ss = this._c.spreadsheets.get(id);
    if (!ss || ss.deleted) throw new Error(MSG.openByIdMissing);
    const u = this._c.host.actingUser();
    if (u !== "" && !canView(ss, u)) throw new Error(MSG.noAccess);
    return new SpreadsheetImpl(this._c, ss);
  }
  openByUrl(url: unknown): SpreadsheetImpl {
    if (typeof url !== "string") throw signatureError("SpreadsheetApp", "openByUrl", [url]);
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url);
    const ss = m?.[1] ? this._c.spreadsheets.get(m[1]) : undefined;
    if (!ss || ss.deleted)
      throw new Error(
        "Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.",
      );
    const u = this._c.host.actingUser();
    if (u !== "" && !canView(ss, u)) throw new Error(MSG.noAccess);
    return new SpreadsheetImpl(this._c, ss);
  }
  flush(): void {
    // Writes are applied immediately in memory; flush only needs to be counted.
  }
  newDataValidation(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this._c);
  }
  getUi(): unknown {
    return this._c.host.getUi();
  }
  toString(): string {
    return "SpreadsheetApp";
  }
}

{
  const proto = SpreadsheetAppImpl.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === "constructor" || name === "toString" || name.startsWith("_")) continue;
    const fn = proto[name] as (...a: unknown[]) => unknown;
    proto[name] = function (this: SpreadsheetAppImpl, ...args: unknown[]): unknown {
      this._c.host.count(`SpreadsheetApp.${name}`);
      return fn.apply(this, args);
    };
  }
  for (const name of GOOGLE_METHODS.SpreadsheetApp ?? []) {
    if (Object.getOwnPropertyNames(proto).includes(name)) continue;
    proto[name] = function (this: SpreadsheetAppImpl): never {
      this._c.host.count(`SpreadsheetApp.${name}`);
      throw new Error(MSG.notImplemented(`SpreadsheetApp.${name}`));
    };
  }
}
