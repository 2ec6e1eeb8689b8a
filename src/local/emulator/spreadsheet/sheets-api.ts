// The Sheets advanced service (Sheets API v4 through Apps Script: `Sheets.Spreadsheets.get` and
// `Sheets.Spreadsheets.batchUpdate`), for exactly what the add-in uses (setup and its check, the edit
// path, the rollup tab and the read-only copy), on the same model as SpreadsheetApp: what one writes, the
// other reads. Grid data is read in sheets-api-grid.ts, cells and sheets written in sheets-api-cells.ts,
// values.batchGet served by sheets-values.ts. Each call is one request, counted as one call
// ("SpreadsheetsCollection.get", the class of Sheets.Spreadsheets in Google's types), as Google bills it.
// Anything else throws "Not implemented in the emulator".
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request
// JSON as the API writes it (proto3): a field at its default (0, false, "") is left out, so the first
// sheet's id 0 is absent from a GridRange.
import type { Rect } from "./a1";
import { notImplemented } from "../errors";
import { CELL_REQUESTS, formatSetter, titleFor } from "./sheets-api-cells";
import { checkGridMask, gridData, type Mask, maskAt, rangeOf, ruleOfApi } from "./sheets-api-grid";
import {
  assertCanEdit,
  canEditProtection,
  cellFor,
  type Ctx,
  canView,
  fileEditors,
  isEditor,
  isOwner,
  MSG,
  type ProtectionData,
  type SheetData,
  type SpreadsheetData,
  sameEmail,
} from "./model";

type Obj = Record<string, unknown>;

export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

/** Google's error for a bad request (the advanced service throws the API's message). */
export function invalid(message: string): Error {
  return new Error(
    `API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests: ${message}`,
  );
}

/** The proto3 JSON of an object: fields at their default value are left out. */
function compact(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o))
    if (v !== undefined && v !== 0 && v !== false && v !== "") out[k] = v;
  return out;
}

// ---- field masks (https://developers.google.com/sheets/api/guides/field-masks) ----

/** "sheets(properties(sheetId,title),protectedRanges)" → a tree; null: the whole field. */
export function parseMask(text: string): Mask {
  let i = 0;
  const list = (): Mask => {
    const m: Mask = new Map();
    for (;;) {
      let name = "";
      while (i < text.length && /[\w.*]/.test(text[i]!)) name += text[i++];
      if (name === "") throw new Error(`Invalid field selection ${text}`);
      let sub: Mask | null = null;
      if (text[i] === "(") {
        i++;
        sub = list();
        if (text[i++] !== ")") throw new Error(`Invalid field selection ${text}`);
      }
      // "a.b.c" is "a(b(c))".
      const parts = name.split(".");
      let node = m;
      for (const [k, part] of parts.entries()) {
        if (k === parts.length - 1) node.set(part, sub);
        else {
          const next = node.get(part) ?? new Map();
          node.set(part, next);
          node = next;
        }
      }
      while (text[i] === " ") i++;
      if (text[i] !== ",") return m;
      i++;
      while (text[i] === " ") i++;
    }
  };
  const mask = list();
  if (i !== text.length) throw new Error(`Invalid field selection ${text}`);
  return mask;
}

function applyMask(value: unknown, mask: Mask | null): unknown {
  if (mask === null || mask.has("*") || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(v, mask));
  const out: Obj = {};
  for (const [k, sub] of mask) if (k in (value as Obj)) out[k] = applyMask((value as Obj)[k], sub);
  return out;
}

// ---- reading: the Spreadsheet resource ----

function liveSheets(ss: SpreadsheetData): SheetData[] {
  return ss.sheets.filter((s) => !s.deleted);
}

function gridRangeOf(sheet: SheetData, p: ProtectionData): GridRange {
  if (p.kind === "SHEET") return compact({ sheetId: sheet.sheetId });
  const r = p.rect;
  return compact({
    sheetId: sheet.sheetId,
    startRowIndex: r.row - 1,
    endRowIndex: r.row - 1 + r.numRows,
    startColumnIndex: r.col - 1,
    endColumnIndex: r.col - 1 + r.numCols,
  });
}

/** Who may edit under `p`, as the API lists them: the owner first, then the protection's own list. */
function editorsOf(ss: SpreadsheetData, p: ProtectionData): string[] {
  const out: string[] = [];
  const list = p.editors === null ? fileEditors(ss) : p.editors;
  for (const e of [...(ss.owner === null ? [] : [ss.owner]), ...list])
    if (!out.some((x) => sameEmail(x, e))) out.push(e);
  return out;
}

function protectedRange(ss: SpreadsheetData, sheet: SheetData, p: ProtectionData, user: string): Obj {
  const mayEdit = user === "" || canEditProtection(ss, { ...p, warningOnly: false }, user);
  return compact({
    protectedRangeId: p.id,
    range: gridRangeOf(sheet, p),
    description: p.description,
    warningOnly: p.warningOnly,
    requestingUserCanEdit: mayEdit,
    // "This field is only visible to users with edit access to the protected range and the document";
    // a warning-only protection has no editors.
    editors:
      mayEdit && !p.warningOnly
        ? compact({ users: editorsOf(ss, p), domainUsersCanEdit: p.domainEdit })
        : undefined,
  });
}

function sheetResource(ss: SpreadsheetData, sheet: SheetData, index: number, user: string): Obj {
  const grid = compact({
    rowCount: sheet.maxRows,
    columnCount: sheet.maxCols,
    frozenRowCount: sheet.frozenRows,
    frozenColumnCount: sheet.frozenCols,
  });
  const protectedRanges = ss.protections
    .filter((p) => p.sheetId === sheet.sheetId)
    .map((p) => protectedRange(ss, sheet, p, user));
  return compact({
    properties: compact({
      sheetId: sheet.sheetId,
      title: sheet.name,
      index,
      sheetType: "GRID",
      gridProperties: grid,
      hidden: sheet.hidden,
    }),
    protectedRanges: protectedRanges.length > 0 ? protectedRanges : undefined,
  });
}

// ---- writing: batchUpdate's requests ----

/** A request checked against the spreadsheet as it is; `apply` makes it (after every request is checked). */
export type Prepared = { apply(): Obj | null };

export interface Batch {
  ss: SpreadsheetData;
  user: string;
  /** Sheets an earlier request of the batch adds (by id), and those it deletes: later ones see both. */
  added: Map<number, SheetData>;
  removed: Set<SheetData>;
  count: Ctx["host"]["count"];
}

export function sheetById(b: Batch, id: number | undefined): SheetData {
  const sheet = b.added.get(id ?? 0) ?? liveSheets(b.ss).find((s) => s.sheetId === (id ?? 0));
  if (!sheet || b.removed.has(sheet)) throw invalid(`No grid with id: ${id ?? 0}`);
  return sheet;
}

/** A GridRange → the model's rectangle (unbounded sides run to the sheet's edges); null: the whole sheet. */
export function rectOf(sheet: SheetData, g: GridRange): Rect | null {
  const bounded = [g.startRowIndex, g.endRowIndex, g.startColumnIndex, g.endColumnIndex];
  if (bounded.every((x) => x === undefined)) return null;
  const r0 = g.startRowIndex ?? 0;
  const r1 = g.endRowIndex ?? sheet.maxRows;
  const c0 = g.startColumnIndex ?? 0;
  const c1 = g.endColumnIndex ?? sheet.maxCols;
  if (r0 < 0 || c0 < 0 || r1 <= r0 || c1 <= c0 || r1 > sheet.maxRows || c1 > sheet.maxCols)
    throw invalid(`Range (${JSON.stringify(g)}) is out of the grid or empty.`);
  return { row: r0 + 1, col: c0 + 1, numRows: r1 - r0, numCols: c1 - c0 };
}

function usersOf(editors: unknown): string[] {
  const users = (editors as { users?: unknown } | undefined)?.users;
  if (users === undefined) return [];
  if (!Array.isArray(users) || users.some((u) => typeof u !== "string"))
    throw invalid("editors.users must be a list of email addresses.");
  return users as string[];
}

/**
 * The editors of a protection after a request sets them: the list given; the spreadsheet's owner and
 * the requesting user stay (as with Protection.removeEditors, neither can be taken off).
 */
function withKept(ss: SpreadsheetData, users: string[], user: string): string[] {
  const out: string[] = [];
  for (const e of [...users, ...(user === "" ? [] : [user])])
    if (!isOwner(ss, e) && !out.some((x) => sameEmail(x, e))) out.push(e);
  return out;
}

function protectionById(b: Batch, id: unknown): ProtectionData {
  const p = b.ss.protections.find((x) => x.id === id);
  if (!p) throw invalid(`No protected range with id: ${String(id)}`);
  if (b.user !== "" && !canEditProtection(b.ss, { ...p, warningOnly: false }, b.user))
    throw new Error(MSG.protectedCell);
  return p;
}

export function fieldsOf(r: Obj): string[] {
  if (typeof r.fields !== "string" || r.fields === "")
    throw invalid("'fields' is required (use '*' for all).");
  return r.fields.split(",").map((f) => f.trim());
}

const REQUESTS: Record<string, (b: Batch, r: Obj) => Prepared> = {
  addProtectedRange(b, r) {
    const pr = (r.protectedRange ?? {}) as Obj;
    const g = (pr.range ?? {}) as GridRange;
    const sheet = sheetById(b, g.sheetId);
    const rect = rectOf(sheet, g);
    const editors = pr.editors as Obj | undefined;
    const users = usersOf(editors);
    return {
      apply() {
        const p: ProtectionData = {
          id: b.ss.nextProtectionId++,
          kind: rect === null ? "SHEET" : "RANGE",
          sheetId: sheet.sheetId,
          rect: rect ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols },
          description: typeof pr.description === "string" ? pr.description : "",
          warningOnly: pr.warningOnly === true,
          // Without editors, only the owner and the requesting user may edit it.
          editors: withKept(b.ss, users, b.user),
          domainEdit: editors?.domainUsersCanEdit === true,
          unprotected: [],
          rangeName: "",
        };
        b.ss.protections.push(p);
        return { addProtectedRange: { protectedRange: protectedRange(b.ss, sheet, p, b.user) } };
      },
    };
  },
  updateProtectedRange(b, r) {
    const pr = (r.protectedRange ?? {}) as Obj;
    const p = protectionById(b, pr.protectedRangeId);
    const fields = fieldsOf(r);
    for (const f of fields)
      if (!["description", "editors", "warningOnly", "*"].includes(f))
        notImplemented(`SpreadsheetsCollection.batchUpdate updateProtectedRange field "${f}"`);
    const all = fields.includes("*");
    const users = usersOf(pr.editors);
    return {
      apply() {
        if (all || fields.includes("description"))
          p.description = typeof pr.description === "string" ? pr.description : "";
        if (all || fields.includes("warningOnly")) p.warningOnly = pr.warningOnly === true;
        if (all || fields.includes("editors")) {
          p.editors = withKept(b.ss, users, b.user);
          p.domainEdit = (pr.editors as Obj | undefined)?.domainUsersCanEdit === true;
        }
        return null;
      },
    };
  },
  deleteProtectedRange(b, r) {
    const p = protectionById(b, r.protectedRangeId);
    return {
      apply() {
        b.ss.protections = b.ss.protections.filter((x) => x !== p);
        return null;
      },
    };
  },
  updateDimensionProperties(b, r) {
    const range = (r.range ?? {}) as {
      sheetId?: number;
      dimension?: string;
      startIndex?: number;
      endIndex?: number;
    };
    const sheet = sheetById(b, range.sheetId);
    const fields = fieldsOf(r);
    if (fields.some((f) => f !== "pixelSize"))
      notImplemented(`SpreadsheetsCollection.batchUpdate updateDimensionProperties fields "${r.fields}"`);
    const columns = range.dimension === "COLUMNS";
    if (!columns && range.dimension !== "ROWS") throw invalid("range.dimension must be ROWS or COLUMNS.");
    const max = columns ? sheet.maxCols : sheet.maxRows;
    const start = range.startIndex ?? 0;
    const end = range.endIndex ?? max;
    if (start < 0 || end <= start || end > max) throw invalid(`Invalid dimension range ${start}..${end}.`);
    const size = (r.properties as Obj | undefined)?.pixelSize;
    if (typeof size !== "number" || size < 0) throw invalid("properties.pixelSize must be a number ≥ 0.");
    return {
      apply() {
        const sizes = columns ? sheet.colWidths : sheet.rowHeights;
        for (let i = start; i < end; i++) sizes[i + 1] = size;
        return null;
      },
    };
  },
  createDeveloperMetadata(b, r) {
    const m = (r.developerMetadata ?? {}) as Obj;
    const loc = (m.location ?? {}) as Obj;
    const dim = loc.dimensionRange as
      | { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number }
      | undefined;
    if (!dim)
      notImplemented(
        "Sheets.Spreadsheets.batchUpdate createDeveloperMetadata at other than a dimensionRange",
      );
    const sheet = sheetById(b, dim.sheetId);
    const columns = dim.dimension === "COLUMNS";
    if (!columns && dim.dimension !== "ROWS")
      throw invalid("dimensionRange.dimension must be ROWS or COLUMNS.");
    const start = dim.startIndex ?? 0;
    const end = dim.endIndex ?? (columns ? sheet.maxCols : sheet.maxRows);
    if (typeof m.metadataKey !== "string" || m.metadataKey === "") throw invalid("metadataKey is required.");
    const visibility = m.visibility;
    if (visibility !== "DOCUMENT" && visibility !== "PROJECT")
      throw invalid("visibility must be DOCUMENT or PROJECT.");
    return {
      apply() {
        const id = b.ss.nextMetadataId++;
        b.ss.metadata.push({
          id,
          key: m.metadataKey as string,
          value: typeof m.metadataValue === "string" ? m.metadataValue : null,
          visibility,
          location: { type: columns ? "COLUMN" : "ROW", sheetId: sheet.sheetId, start: start + 1, end },
        });
        return { createDeveloperMetadata: { developerMetadata: { ...m, metadataId: id } } };
      },
    };
  },
  repeatCell(b, r) {
    // The format fields the mask names, the same as updateCells writes them.
    const g = (r.range ?? {}) as GridRange;
    const sheet = sheetById(b, g.sheetId);
    const rect = rectOf(sheet, g) ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    const f = ((r.cell ?? {}) as Obj).userEnteredFormat as Obj | undefined;
    const paths: string[] = [];
    const walk = (m: Mask, at: string) => {
      for (const [k, sub] of m) sub === null ? paths.push(at + k) : walk(sub, `${at + k}.`);
    };
    walk(parseMask(typeof r.fields === "string" ? r.fields : ""), "");
    const set = paths.map((path) =>
      path === "userEnteredFormat" || path.startsWith("userEnteredFormat.")
        ? formatSetter(path.slice("userEnteredFormat.".length), f, "repeatCell")
        : notImplemented(`SpreadsheetsCollection.batchUpdate repeatCell field "${path}"`),
    );
    if (b.user !== "") assertCanEdit(b.ss, sheet, rect, b.user);
    return {
      apply() {
        for (let row = rect.row; row < rect.row + rect.numRows; row++)
          for (let col = rect.col; col < rect.col + rect.numCols; col++) {
            const c = cellFor(sheet, row, col);
            for (const f of set) f(c);
          }
        return null;
      },
    };
  },
  setDataValidation(b, r) {
    // "Sets a data validation rule to every cell in the range. To clear validation in a range, call
    // this with no rule specified."
    const g = (r.range ?? {}) as GridRange;
    const sheet = sheetById(b, g.sheetId);
    const rect = rectOf(sheet, g) ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    const rule = r.rule === undefined ? undefined : ruleOfApi(r.rule as Obj, invalid);
    if (b.user !== "") assertCanEdit(b.ss, sheet, rect, b.user);
    return {
      apply() {
        for (let row = rect.row; row < rect.row + rect.numRows; row++)
          for (let col = rect.col; col < rect.col + rect.numCols; col++) {
            if (rule) cellFor(sheet, row, col).dv = rule;
            else {
              const c = sheet.rows[row]?.[col];
              if (c) delete c.dv;
            }
          }
        return null;
      },
    };
  },
  updateSheetProperties(b, r) {
    const props = (r.properties ?? {}) as {
      sheetId?: number;
      title?: string;
      gridProperties?: { frozenRowCount?: number };
      hidden?: boolean;
    };
    const sheet = sheetById(b, props.sheetId);
    const fields = fieldsOf(r);
    if (fields.some((f) => f !== "gridProperties.frozenRowCount" && f !== "title" && f !== "hidden"))
      notImplemented(`SpreadsheetsCollection.batchUpdate updateSheetProperties fields "${r.fields}"`);
    const frozen = props.gridProperties?.frozenRowCount ?? 0;
    const freezes = fields.includes("gridProperties.frozenRowCount");
    if (freezes && (frozen < 0 || frozen >= sheet.maxRows))
      throw invalid(`frozenRowCount ${frozen} is out of the grid.`);
    const title = fields.includes("title") ? titleFor(b, props.title, sheet) : null;
    // SheetProperties.hidden: "True if the sheet is hidden in the UI"; as with Sheet.hideSheet, the last
    // visible sheet cannot be hidden (sheets added earlier in the same batch count).
    const hides = fields.includes("hidden") ? props.hidden === true : null;
    const visible = [...b.ss.sheets, ...b.added.values()].filter(
      (s) => s !== sheet && !s.deleted && !s.hidden && !b.removed.has(s),
    );
    if (hides === true && visible.length === 0) throw invalid("You can't hide all the sheets in a document.");
    return {
      apply() {
        if (freezes) sheet.frozenRows = frozen;
        if (title !== null) sheet.name = title;
        if (hides !== null) sheet.hidden = hides;
        return null;
      },
    };
  },
};

export interface SheetsApi {
  get(spreadsheetId: unknown, optionalArgs?: unknown): Obj;
  batchUpdate(resource: unknown, spreadsheetId: unknown): Obj;
}

/** The spreadsheet a request names, if the acting user may read it (or, with `edit`, change it). */
export function openForApi(ctx: Ctx, id: unknown, edit: boolean): { ss: SpreadsheetData; user: string } {
  const ss = typeof id === "string" ? ctx.spreadsheets.get(id) : undefined;
  if (!ss || ss.deleted) throw new Error(`Requested entity was not found.`);
  const user = ctx.host.actingUser();
  if (user !== "" && !(edit ? isEditor(ss, user) : canView(ss, user)))
    throw new Error("The caller does not have permission");
  return { ss, user };
}

export function createSheetsApi(ctx: Ctx): SheetsApi {
  const open = (id: unknown, edit: boolean) => openForApi(ctx, id, edit);
  return {
    get(spreadsheetId, optionalArgs) {
      const { ss, user } = open(spreadsheetId, false);
      const args = (optionalArgs ?? {}) as Obj;
      for (const k of Object.keys(args))
        if (k !== "fields" && k !== "ranges" && k !== "includeGridData")
          notImplemented(`SpreadsheetsCollection.get option "${k}"`);
      const mask = typeof args.fields === "string" ? parseMask(args.fields) : null;
      const live = liveSheets(ss);
      // "Limiting the range returns only the portions of the spreadsheet that intersect the requested
      // ranges": the sheets they name, each with one GridData per range, in the order asked; without
      // ranges, every sheet whole.
      const ranges = args.ranges === undefined ? null : [args.ranges].flat();
      const asked = (ranges ?? []).map((a1) =>
        rangeOf(live, String(a1), (x) => new Error(`Unable to parse range: ${x}`)),
      );
      const shown = live.flatMap((sheet, index) => {
        const rects = ranges
          ? asked.filter((a) => a.sheet === sheet).map((a) => a.rect)
          : [{ row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols }];
        return rects.length === 0 ? [] : [{ sheet, index, rects }];
      });
      // includeGridData "is ignored if a field mask was set": grid data comes with a mask naming it.
      if (mask === null && args.includeGridData === true)
        notImplemented("SpreadsheetsCollection.get includeGridData without a field mask");
      const dataMask = mask === null ? undefined : maskAt(mask, ["sheets", "data"]);
      if (dataMask !== undefined) checkGridMask(dataMask);
      const resource: Obj = {
        spreadsheetId: ss.id,
        properties: { title: ss.name, locale: ss.locale, timeZone: ss.timeZone },
        sheets: shown.map((x) => sheetResource(ss, x.sheet, x.index, user)),
      };
      if (mask === null) return resource;
      const masked = applyMask(resource, mask) as { sheets?: Obj[] };
      // The grids, masked cell by cell as they are made (a grid is most of the answer: not copied twice).
      if (dataMask)
        shown.forEach((x, k) => {
          const sheet = masked.sheets?.[k];
          if (sheet) sheet.data = x.rects.map((rect) => gridData(ss, x.sheet, rect, dataMask, applyMask));
        });
      return masked as Obj;
    },
    batchUpdate(resource, spreadsheetId) {
      const { ss, user } = open(spreadsheetId, true);
      const requests = (resource as { requests?: unknown } | null)?.requests;
      if (!Array.isArray(requests)) throw invalid("requests must be a list.");
      const batch: Batch = { ss, user, added: new Map(), removed: new Set(), count: ctx.host.count };
      // Every request is checked before any is made: "if any request is not valid, … nothing is applied".
      const prepared = requests.map((request: unknown) => {
        const kinds = Object.keys((request ?? {}) as Obj);
        if (kinds.length !== 1) throw invalid("each request must set exactly one kind.");
        const kind = kinds[0]!;
        // Looked up here, not spread into REQUESTS: the two modules import each other.
        const make = REQUESTS[kind] ?? CELL_REQUESTS[kind];
        if (!make) return notImplemented(`SpreadsheetsCollection.batchUpdate request "${kind}"`);
        return make(batch, (request as Obj)[kind] as Obj);
      });
      const replies = prepared.map((p) => p.apply() ?? {});
      return { spreadsheetId: ss.id, replies };
    },
  };
}
