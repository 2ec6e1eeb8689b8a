// Developer metadata: keys (and values) a script attaches to the spreadsheet, a sheet, or one whole row
// or column, invisible to people, found again with a finder.
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location
// Row and column metadata moves with its rows and columns when rows or columns are inserted or deleted
// before it, and is deleted with them (model.ts shiftMetadata; "Developer metadata ... is moved along
// with the rows or columns it's associated with", https://developers.google.com/sheets/api/guides/metadata).
import type { A1Ref, Rect } from "./a1";
import { Base, instrument, signatureError } from "./base";
import { type Ctx, isEditor, type MetadataData, MSG, type SheetData, type SpreadsheetData } from "./model";
import { RangeImpl } from "./range";
import { SheetImpl } from "./sheet";
import { SpreadsheetImpl } from "./spreadsheet";

/** A Google enum value: an object of its own (so it is told apart from a string) that prints its name. */
export interface EnumValue<T extends string> {
  readonly name: T;
  toString(): T;
  toJSON(): T;
}

function enumValues<T extends string>(names: readonly T[]): Readonly<Record<T, EnumValue<T>>> {
  const out = {} as Record<T, EnumValue<T>>;
  for (const name of names) out[name] = Object.freeze({ name, toString: () => name, toJSON: () => name });
  return Object.freeze(out);
}

export const VISIBILITY = enumValues(["DOCUMENT", "PROJECT"] as const);
export const LOCATION_TYPE = enumValues(["SPREADSHEET", "SHEET", "ROW", "COLUMN"] as const);
type Visibility = MetadataData["visibility"];
type LocationType = MetadataData["location"]["type"];

export const ARBITRARY_RANGE =
  "Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.";

function visibilityOf(v: unknown): Visibility | undefined {
  return Object.values(VISIBILITY).find((x) => x === v)?.name;
}

/**
 * The one whole row ("8:8") or whole column ("G:G") a range is, or undefined for any other range:
 * "The specified DimensionRange must represent a single row or column"
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata).
 */
export function dimensionOf(
  sheet: SheetData,
  r: Rect,
): { type: "ROW" | "COLUMN"; start: number; end: number } | undefined {
  if (r.numRows === 1 && r.col === 1 && r.numCols === sheet.maxCols)
    return { type: "ROW", start: r.row, end: r.row };
  if (r.numCols === 1 && r.row === 1 && r.numRows === sheet.maxRows)
    return { type: "COLUMN", start: r.col, end: r.col };
  return undefined;
}

/**
 * addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility) on `location`.
 * Returns nothing: the caller returns its own object, as Google's methods do.
 */
export function addMetadata(
  c: Ctx,
  ss: SpreadsheetData,
  location: MetadataData["location"],
  args: unknown[],
  cls: string,
): void {
  const [key, second, third] = args;
  const secondIsVisibility = visibilityOf(second) !== undefined;
  if (
    typeof key !== "string" ||
    args.length > 3 ||
    (second !== undefined && typeof second !== "string" && !secondIsVisibility) ||
    (third !== undefined && (secondIsVisibility || visibilityOf(third) === undefined))
  )
    throw signatureError(cls, "addDeveloperMetadata", args);
  const u = c.host.actingUser();
  if (u !== "" && !isEditor(ss, u)) throw new Error(MSG.viewOnly);
  ss.metadata.push({
    id: ss.nextMetadataId++,
    key,
    value: typeof second === "string" ? second : null,
    visibility: visibilityOf(secondIsVisibility ? second : third) ?? "DOCUMENT",
    location: structuredClone(location),
  });
}

function sheetOf(ss: SpreadsheetData, sheetId: number): SheetData | undefined {
  return ss.sheets.find((s) => s.sheetId === sheetId);
}

/** The Range of a row or column location: whole rows "3:5" or whole columns "C:D". */
function dimensionRange(c: Ctx, ss: SpreadsheetData, loc: MetadataData["location"]): RangeImpl | null {
  if (loc.type !== "ROW" && loc.type !== "COLUMN") return null;
  const sheet = sheetOf(ss, loc.sheetId);
  if (!sheet) return null;
  const n = loc.end - loc.start + 1;
  if (loc.type === "ROW") {
    const ref: A1Ref = { startRow: loc.start, endRow: loc.end };
    return new RangeImpl(c, ss, sheet, { row: loc.start, col: 1, numRows: n, numCols: sheet.maxCols }, ref);
  }
  const ref: A1Ref = { startCol: loc.start, endCol: loc.end };
  return new RangeImpl(c, ss, sheet, { row: 1, col: loc.start, numRows: sheet.maxRows, numCols: n }, ref);
}

export class DeveloperMetadataLocationImpl extends Base {
  constructor(
    c: Ctx,
    readonly _ss: SpreadsheetData,
    readonly _loc: MetadataData["location"],
  ) {
    super(c);
  }
  getLocationType(): EnumValue<LocationType> {
    return LOCATION_TYPE[this._loc.type];
  }
  getSpreadsheet(): SpreadsheetImpl | null {
    return this._loc.type === "SPREADSHEET" ? new SpreadsheetImpl(this._c, this._ss) : null;
  }
  getSheet(): SheetImpl | null {
    const sheet = this._loc.type === "SHEET" ? sheetOf(this._ss, this._loc.sheetId) : undefined;
    return sheet ? new SheetImpl(this._c, this._ss, sheet) : null;
  }
  getRow(): RangeImpl | null {
    return this._loc.type === "ROW" ? dimensionRange(this._c, this._ss, this._loc) : null;
  }
  getColumn(): RangeImpl | null {
    return this._loc.type === "COLUMN" ? dimensionRange(this._c, this._ss, this._loc) : null;
  }
  override toString(): string {
    return "DeveloperMetadataLocation";
  }
}

export class DeveloperMetadataImpl extends Base {
  constructor(
    c: Ctx,
    readonly _ss: SpreadsheetData,
    readonly _id: number,
  ) {
    super(c);
  }
  _m(): MetadataData {
    const m = this._ss.metadata.find((x) => x.id === this._id);
    if (!m) throw new Error("The developer metadata does not exist (it was removed).");
    return m;
  }
  _edit(): MetadataData {
    const m = this._m();
    const u = this._user();
    if (u !== "" && !isEditor(this._ss, u)) throw new Error(MSG.viewOnly);
    return m;
  }
  getId(): number {
    return this._m().id;
  }
  getKey(): string {
    return this._m().key;
  }
  getValue(): string | null {
    return this._m().value;
  }
  getVisibility(): EnumValue<Visibility> {
    return VISIBILITY[this._m().visibility];
  }
  getLocation(): DeveloperMetadataLocationImpl {
    return new DeveloperMetadataLocationImpl(this._c, this._ss, structuredClone(this._m().location));
  }
  setKey(key: unknown): this {
    if (typeof key !== "string") throw signatureError("DeveloperMetadata", "setKey", [key]);
    this._edit().key = key;
    return this;
  }
  setValue(value: unknown): this {
    if (typeof value !== "string") throw signatureError("DeveloperMetadata", "setValue", [value]);
    this._edit().value = value;
    return this;
  }
  setVisibility(visibility: unknown): this {
    const v = visibilityOf(visibility);
    if (!v) throw signatureError("DeveloperMetadata", "setVisibility", [visibility]);
    this._edit().visibility = v;
    return this;
  }
  remove(): void {
    this._edit();
    this._ss.metadata = this._ss.metadata.filter((x) => x.id !== this._id);
  }
  _moveTo(range: unknown, type: "ROW" | "COLUMN", method: string): this {
    if (!(range instanceof RangeImpl) || range._ssData !== this._ss)
      throw signatureError("DeveloperMetadata", method, [range]);
    const dim = dimensionOf(range._sheet, range._rect);
    if (dim?.type !== type) throw new Error(ARBITRARY_RANGE);
    this._edit().location = { ...dim, sheetId: range._sheet.sheetId };
    return this;
  }
  moveToRow(range: unknown): this {
    return this._moveTo(range, "ROW", "moveToRow");
  }
  moveToColumn(range: unknown): this {
    return this._moveTo(range, "COLUMN", "moveToColumn");
  }
  moveToSheet(sheet: unknown): this {
    if (!(sheet instanceof SheetImpl) || sheet._ssData !== this._ss)
      throw signatureError("DeveloperMetadata", "moveToSheet", [sheet]);
    this._edit().location = { type: "SHEET", sheetId: sheet._sheet.sheetId };
    return this;
  }
  moveToSpreadsheet(): this {
    this._edit().location = { type: "SPREADSHEET" };
    return this;
  }
  override toString(): string {
    return "DeveloperMetadata";
  }
}

/** Where a finder looks: the whole spreadsheet, one sheet, or one range (contained or intersecting). */
export type FinderScope =
  | { kind: "spreadsheet" }
  | { kind: "sheet"; sheetId: number }
  | { kind: "range"; sheet: SheetData; rect: Rect };

function inScope(m: MetadataData, scope: FinderScope, intersecting: boolean): boolean {
  const loc = m.location;
  if (scope.kind === "spreadsheet") return true;
  if (loc.type === "SPREADSHEET") return false;
  if (scope.kind === "sheet") return loc.sheetId === scope.sheetId;
  if (loc.sheetId !== scope.sheet.sheetId || loc.type === "SHEET") return false;
  const r = scope.rect;
  const [first, last, whole] =
    loc.type === "ROW"
      ? [r.row, r.row + r.numRows - 1, r.col === 1 && r.numCols === scope.sheet.maxCols]
      : [r.col, r.col + r.numCols - 1, r.row === 1 && r.numRows === scope.sheet.maxRows];
  // "wholly contained": row '3:3' is in the scope of '1:5' but not of 'A1:D5'.
  if (intersecting) return loc.start <= last && loc.end >= first;
  return whole && loc.start >= first && loc.end <= last;
}

export class DeveloperMetadataFinderImpl extends Base {
  _key: string | undefined;
  _value: string | undefined;
  _id: number | undefined;
  _type: LocationType | undefined;
  _visibility: Visibility | undefined;
  _intersecting = false;
  constructor(
    c: Ctx,
    readonly _ss: SpreadsheetData,
    readonly _scope: FinderScope,
  ) {
    super(c);
  }
  withKey(key: unknown): this {
    if (typeof key !== "string") throw signatureError("DeveloperMetadataFinder", "withKey", [key]);
    this._key = key;
    return this;
  }
  withValue(value: unknown): this {
    if (typeof value !== "string") throw signatureError("DeveloperMetadataFinder", "withValue", [value]);
    this._value = value;
    return this;
  }
  withId(id: unknown): this {
    if (typeof id !== "number") throw signatureError("DeveloperMetadataFinder", "withId", [id]);
    this._id = id;
    return this;
  }
  withLocationType(type: unknown): this {
    const t = Object.values(LOCATION_TYPE).find((x) => x === type);
    if (!t) throw signatureError("DeveloperMetadataFinder", "withLocationType", [type]);
    this._type = t.name;
    return this;
  }
  withVisibility(visibility: unknown): this {
    const v = visibilityOf(visibility);
    if (!v) throw signatureError("DeveloperMetadataFinder", "withVisibility", [visibility]);
    this._visibility = v;
    return this;
  }
  onIntersectingLocations(): this {
    this._intersecting = true;
    return this;
  }
  find(): DeveloperMetadataImpl[] {
    return this._ss.metadata
      .filter(
        (m) =>
          inScope(m, this._scope, this._intersecting) &&
          (this._key === undefined || m.key === this._key) &&
          (this._value === undefined || m.value === this._value) &&
          (this._id === undefined || m.id === this._id) &&
          (this._type === undefined || m.location.type === this._type) &&
          (this._visibility === undefined || m.visibility === this._visibility),
      )
      .map((m) => new DeveloperMetadataImpl(this._c, this._ss, m.id));
  }
  override toString(): string {
    return "DeveloperMetadataFinder";
  }
}

/** The metadata located exactly at `location` (what getDeveloperMetadata() of that object gives). */
export function metadataAt(
  c: Ctx,
  ss: SpreadsheetData,
  location: MetadataData["location"],
): DeveloperMetadataImpl[] {
  const same = (a: MetadataData["location"]): boolean => {
    if (a.type !== location.type) return false;
    if (a.type === "SPREADSHEET" || location.type === "SPREADSHEET") return true;
    if (a.sheetId !== location.sheetId) return false;
    if (a.type === "SHEET" || location.type === "SHEET") return true;
    return a.start === location.start && a.end === location.end;
  };
  return ss.metadata.filter((m) => same(m.location)).map((m) => new DeveloperMetadataImpl(c, ss, m.id));
}

instrument(DeveloperMetadataImpl, "DeveloperMetadata");
instrument(DeveloperMetadataLocationImpl, "DeveloperMetadataLocation");
instrument(DeveloperMetadataFinderImpl, "DeveloperMetadataFinder");
