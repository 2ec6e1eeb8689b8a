// Spreadsheet: the file, its tabs, sharing, locale and time zone, protections, PDF export.
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
import { parseA1, resolveRef } from "./a1";
import { displayValue } from "./format";
import { Base, instrument, signatureError } from "./base";
import {
  addMetadata,
  DeveloperMetadataFinderImpl,
  type DeveloperMetadataImpl,
  metadataAt,
} from "./developer-metadata";
import {
  assertCanEditSheet,
  type Ctx,
  canView,
  fileEditors,
  isEditor,
  isOwner,
  lastColWithContent,
  lastRowWithContent,
  MSG,
  newSheetData,
  type SheetData,
  type SpreadsheetData,
  sameEmail,
} from "./model";
import { pdfContent, renderPdf } from "./pdf";
import { localeRules } from "./locale";
import { zoneOffsetMinutes } from "./time";
import { emailOf, valueOfCell, whereOf } from "./cells";
import { UserImpl } from "./user";
import { ProtectionImpl } from "./protection";
import { RangeImpl } from "./range";
import {
  checkRect,
  cloneSheet,
  findSheetByName,
  newSheetId,
  nextDefaultName,
  removeSheet,
  validateSheetName,
} from "./sheets";
import { SheetImpl } from "./sheet";

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
    // What the sheet shows now is taken now; the file itself is made when someone reads it (Google
    // converts on its side; here most PDFs made are never read, as when the mail quota is out).
    const content = pdfContent(ss, (sheet, c) =>
      displayValue(valueOfCell(this._c, ss, sheet, c), c?.nf, whereOf(ss)),
    );
    const now = this._c.host.now();
    return this._c.host.newBlob(() => renderPdf(content, now), "application/pdf", `${ss.name}.pdf`);
  }
  getBlob(): unknown {
    return this.getAs("application/pdf");
  }
  override toString(): string {
    return "Spreadsheet";
  }
}

instrument(SpreadsheetImpl, "Spreadsheet");
