// Protection: a protected sheet or range, who may edit it, its unprotected ranges, warning-only.
// https://developers.google.com/apps-script/reference/spreadsheet/protection
import type { Rect } from "./a1";
import { Base, instrument, signatureError } from "./base";
import {
  type Ctx,
  canEditProtection,
  fileEditors,
  isOwner,
  MSG,
  type ProtectionData,
  protectionRect,
  type SheetData,
  type SpreadsheetData,
  sameEmail,
} from "./model";
import { emailOf } from "./cells";
import { UserImpl } from "./user";
import { RangeImpl } from "./range";

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
    // A warning-only protection has no list of editors (gas-fakes test/testsheets.js, "Protection").
    if (p.warningOnly) return [];
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
    // A sheet protection covers the sheet's grid, and its A1 notation is "" (gas-fakes
    // test/testsheetspermissions.js, run on Apps Script).
    const whole = p.kind === "SHEET" ? {} : undefined;
    return new RangeImpl(this._c, this._ss, this._sheet(), protectionRect(this._ss, p), whole);
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

export function newProtection(
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

instrument(ProtectionImpl, "Protection");
