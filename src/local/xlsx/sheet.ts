/**
 * One worksheet's XML, fed in slices that end on a row boundary, read into the values `getValues()`
 * would give: strings, numbers, booleans, Dates (midnight in Vietnam for a date) and nothing for an
 * empty cell.
 *
 * Memory follows the columns the caller keeps, not the sheet's used range: the first HEAD_ROWS rows are
 * kept whole (up to `maxColumns`, where a header row is looked for), then the caller names the columns
 * it needs and only those are kept below. A value beyond `maxColumns` (a stray "x" in XFD1) is counted,
 * never stored; one message reports them.
 */
import type { CellValue } from "../../core";
import { fromWallClock, VN_OFFSET_MS } from "./dates";
import { decodeEntities, decodeXString, itemText } from "./xml";

export const HEAD_ROWS = 30;
/** Columns kept in the head rows: a plan tab has about 15; the rest is a generous margin. */
export const MAX_COLUMNS = 200;
/** Excel's own limits: a reference past them is not a cell. */
export const SHEET_MAX_ROWS = 1_048_576;
export const SHEET_MAX_COLUMNS = 16_384;

export interface CellAt {
  /** 0-based. */
  row: number;
  col: number;
}

export interface MergeRange {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetReadOptions {
  /** Called once with the first HEAD_ROWS rows; returns the 0-based columns to keep below them (null: all). */
  columnsFor?(head: CellValue[][]): readonly number[] | null;
  maxColumns?: number;
}

export interface SheetRead {
  /** Rows holding at least one kept value, in sheet order; `cells` is indexed by 0-based column. */
  rows: { row: number; cells: CellValue[] }[];
  merges: MergeRange[];
  /** Kept cells holding a formula whose result the file does not carry (shown empty). */
  uncachedFormulas: CellAt[];
  uncachedCount: number;
  /** Cells with a value at or past `maxColumns`, never read. */
  outside: { count: number; farthest: CellAt | null };
}

export interface StyleContext {
  strings: readonly string[];
  /** By cell style index (`s`): whether its number format is a date or time. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const DAY_MS = 86_400_000;
const MAX_LISTED_FORMULAS = 1000;
/** Merged ranges applied at most this many cell visits (overlapping merges are not a real sheet). */
const MERGE_BUDGET = 20_000_000;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** After a tag's name: a space, ">" or "/" (so "<c" is not "<cols"). */
function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** The ">" closing a tag whose attributes start at `from`. */
function tagEnd(text: string, from: number): number {
  const gt = text.indexOf(">", from);
  return gt < 0 ? text.length : gt;
}

/**
 * Where the value of attribute `name` starts (after its quote) within text[from, to), or -1. Looks
 * only inside the tag: a search running past it (indexOf) would make a sheet without that letter
 * quadratic, as the hostile-input suite found.
 */
function attrAt(text: string, from: number, to: number, name: string): number {
  const first = name.charCodeAt(0);
  for (let k = from; k < to; k++) {
    if (text.charCodeAt(k) !== first || !text.startsWith(name, k)) continue;
    const before = text.charCodeAt(k - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = k + name.length;
    while (text.charCodeAt(j) === 32) j++;
    if (text.charCodeAt(j) !== 61) continue;
    j++;
    while (text.charCodeAt(j) === 32) j++;
    const q = text.charCodeAt(j);
    if (q === 34 || q === 39) return j + 1;
  }
  return -1;
}

/** The closing quote of a value starting at `at` (the same quote that opened it), before `to`. */
function quoteEnd(text: string, at: number, to: number): number {
  const q = text.charCodeAt(at - 1);
  for (let i = at; i < to; i++) if (text.charCodeAt(i) === q) return i;
  return to;
}

/** A whole number written in plain digits at `at` (up to 15 digits), or -1. */
function digitsAt(text: string, at: number): number {
  let n = 0;
  let i = at;
  for (; i < at + 15; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  return i === at ? -1 : n;
}

function digitsEnd(text: string, at: number): number {
  let i = at;
  while (i < at + 15) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

/** A cell reference ("AB12") read in place, without slicing it out. */
function refAt(text: string, at: number): CellAt | null {
  let col = 0;
  let i = at;
  for (; ; i++) {
    const c = text.charCodeAt(i);
    const up = c >= 97 && c <= 122 ? c - 32 : c;
    if (up < 65 || up > 90) break;
    col = col * 26 + (up - 64);
    if (col > SHEET_MAX_COLUMNS) return null;
  }
  if (i === at) return null;
  const row = digitsAt(text, i);
  const q = text.charCodeAt(digitsEnd(text, i));
  if (row < 1 || row > SHEET_MAX_ROWS || (q !== 34 && q !== 39)) return null;
  return { row: row - 1, col: col - 1 };
}

/** Text taken from a "binary" string (one character per byte) back to what its UTF-8 bytes say. */
export function utf8(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) return Buffer.from(s, "latin1").toString("utf8");
  }
  return s;
}

/** 1 → "A", 28 → "AB": a 1-based column's letters. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** "AB12" → 0-based column and row; null when it is not a cell reference within the sheet's limits. */
export function parseRef(ref: string): CellAt | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    const up = c >= 97 && c <= 122 ? c - 32 : c;
    if (up < 65 || up > 90) break;
    col = col * 26 + (up - 64);
    if (col > SHEET_MAX_COLUMNS) return null;
  }
  if (i === 0 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1 || row > SHEET_MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}

function parseRange(ref: string): MergeRange | null {
  const [a, b] = ref.split(":");
  const from = a ? parseRef(a) : null;
  const to = b ? parseRef(b) : from;
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

/** A spreadsheet serial day number as the instant of that wall-clock time in Vietnam. */
function serialDate(serial: number, date1904: boolean): Date | null {
  // One Date, straight at the instant: the wall clock's milliseconds less Vietnam's offset.
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS) - VN_OFFSET_MS;
  return Math.abs(ms) <= 8.64e15 ? new Date(ms) : null;
}

export class SheetScanner {
  private prefix = "";
  private closeC = "</c>";
  private vOpen = "<v>";
  private vClose = "</v>";
  private vRe: RegExp;
  private isRe: RegExp;
  private fOpen = "<f";
  private vOpenBare = "<v";
  private isOpenBare = "<is";
  private started = false;
  private row = -1;
  private nextCol = 0;
  private keep: Uint8Array | null = null;
  private decided = false;
  private readonly maxColumns: number;
  private readonly byRow = new Map<number, CellValue[]>();
  private inOrder = true;
  private lastRow = -1;
  private readonly out: SheetRead = {
    rows: [],
    merges: [],
    uncachedFormulas: [],
    uncachedCount: 0,
    outside: { count: 0, farthest: null },
  };

  constructor(
    private readonly ctx: StyleContext,
    private readonly opts: SheetReadOptions = {},
  ) {
    this.maxColumns = Math.min(opts.maxColumns ?? MAX_COLUMNS, SHEET_MAX_COLUMNS);
    this.vRe = /./;
    this.isRe = /./;
    this.setPrefix("");
  }

  private setPrefix(p: string): void {
    const e = escapeRe(p);
    this.prefix = p;
    this.closeC = `</${p}c>`;
    this.vOpen = `<${p}v>`;
    this.vClose = `</${p}v>`;
    this.fOpen = `<${p}f`;
    this.vOpenBare = `<${p}v`;
    this.isOpenBare = `<${p}is`;
    this.vRe = new RegExp(`<${e}v(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${e}v>)`);
    this.isRe = new RegExp(`<${e}is(?:\\s[^>]*)?>([\\s\\S]*?)</${e}is>`);
  }

  /**
   * A slice of the sheet's XML that ends between two rows (or at the end of the part), as a "binary"
   * string (one character per byte, see read.ts): text values are turned back into UTF-8 one by one,
   * which is much cheaper than decoding the whole part when most cells hold numbers.
   *
   * A hand-written scan rather than regular expressions: it allocates nothing for a cell it skips and
   * only the value's text for one it keeps, which halves the time of a 20,000-row tab.
   */
  feed(text: string): void {
    if (!this.started) {
      const m = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/.exec(text);
      if (m) {
        this.started = true;
        if (m[1]) this.setPrefix(m[1]);
      }
    }
    const p = this.prefix;
    let pos = 0;
    for (;;) {
      const lt = text.indexOf("<", pos);
      if (lt < 0) return;
      let i = lt + 1;
      if (p !== "") {
        if (!text.startsWith(p, i)) {
          pos = i;
          continue;
        }
        i += p.length;
      }
      const ch = text.charCodeAt(i);
      if (ch === 99 && isNameEnd(text.charCodeAt(i + 1))) pos = this.cell(text, i + 1);
      else if (ch === 114 && text.startsWith("row", i) && isNameEnd(text.charCodeAt(i + 3)))
        pos = this.rowTag(text, i + 3);
      else if (ch === 109 && text.startsWith("mergeCell", i) && isNameEnd(text.charCodeAt(i + 9))) {
        pos = this.mergeTag(text, i + 9);
      } else pos = i;
    }
  }

  private rowTag(text: string, from: number): number {
    const gt = tagEnd(text, from);
    const at = attrAt(text, from, gt, "r");
    const n = at < 0 ? -1 : digitsAt(text, at);
    this.row = n >= 1 && n <= SHEET_MAX_ROWS ? n - 1 : this.row + 1;
    this.nextCol = 0;
    return gt + 1;
  }

  private mergeTag(text: string, from: number): number {
    const gt = tagEnd(text, from);
    const at = attrAt(text, from, gt, "ref");
    if (at >= 0) {
      const range = parseRange(text.slice(at, quoteEnd(text, at, gt)));
      if (range) this.out.merges.push(range);
    }
    return gt + 1;
  }

  /** One `<c …>…</c>` from just after its name; returns where scanning goes on. */
  private cell(text: string, from: number): number {
    const gt = tagEnd(text, from);
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    const close = selfClosing ? gt + 1 : text.indexOf(this.closeC, gt + 1);
    const next = selfClosing ? gt + 1 : close < 0 ? text.length : close + this.closeC.length;
    const end = close < 0 ? text.length : close;
    let row = Math.max(this.row, 0);
    let col = this.nextCol;
    const r = attrAt(text, from, gt, "r");
    if (r >= 0) {
      const at = refAt(text, r);
      if (at) {
        row = at.row;
        col = at.col;
      }
    }
    this.nextCol = col + 1;
    if (selfClosing || end <= gt + 1) return next;
    if (col >= this.maxColumns) {
      const content = text.slice(gt, end);
      if (content.includes(this.vOpenBare) || content.includes(this.isOpenBare)) this.noteOutside(row, col);
      return next;
    }
    if (row >= HEAD_ROWS) {
      if (!this.decided) this.decide();
      if (this.keep && this.keep[col] !== 1) return next;
    }
    const v = this.cellValue(text, from, gt, end, row, col);
    if (v === null) return next;
    let cells = this.byRow.get(row);
    if (!cells) {
      cells = [];
      this.byRow.set(row, cells);
      if (row < this.lastRow) this.inOrder = false;
      this.lastRow = row;
    }
    cells[col] = v;
    return next;
  }

  private noteOutside(row: number, col: number): void {
    const o = this.out.outside;
    o.count++;
    if (!o.farthest || col > o.farthest.col || (col === o.farthest.col && row > o.farthest.row)) {
      o.farthest = { row, col };
    }
  }

  private decide(): void {
    this.decided = true;
    const head: CellValue[][] = [];
    for (let r = 0; r < HEAD_ROWS; r++) head.push(this.byRow.get(r) ?? []);
    const cols = this.opts.columnsFor?.(head) ?? null;
    if (cols === null) return;
    this.keep = new Uint8Array(this.maxColumns);
    for (const c of cols) if (c >= 0 && c < this.maxColumns) this.keep[c] = 1;
  }

  /** The value of a cell whose attributes are text[from, gt) and content text(gt, end). */
  private cellValue(
    text: string,
    from: number,
    gt: number,
    end: number,
    row: number,
    col: number,
  ): CellValue {
    const tAt = attrAt(text, from, gt, "t");
    const t = tAt < 0 ? "n" : text.slice(tAt, quoteEnd(text, tAt, gt));
    // The common shape, <c …><v>…</v></c>, read in place; anything else from its own content only.
    const vs = gt + 1 + this.vOpen.length;
    const ve = end - this.vClose.length;
    if (
      !text.startsWith(this.vOpen, gt + 1) ||
      ve < vs ||
      !text.startsWith(this.vClose, ve) ||
      text.lastIndexOf("<", ve - 1) >= vs
    ) {
      return this.slowValue(t, text.slice(from, gt), text.slice(gt + 1, end), row, col);
    }
    switch (t) {
      case "s": {
        const i = digitsAt(text, vs);
        return i >= 0 && digitsEnd(text, vs) === ve ? (this.ctx.strings[i] ?? null) : null;
      }
      case "n": {
        let n = digitsAt(text, vs);
        if (n < 0 || digitsEnd(text, vs) !== ve) n = Number.parseFloat(text.slice(vs, ve));
        if (!Number.isFinite(n)) return null;
        const sAt = attrAt(text, from, gt, "s");
        const style = sAt < 0 ? -1 : digitsAt(text, sAt);
        if (style >= 0 && this.ctx.dateStyles[style] === true) return serialDate(n, this.ctx.date1904);
        return n;
      }
      default:
        return this.typedValue(t, utf8(text.slice(vs, ve)), text.slice(from, gt));
    }
  }

  /** Anything but a plain `<v>` first: formulas, inline strings, other layouts. */
  private slowValue(t: string, attrs: string, rawContent: string, row: number, col: number): CellValue {
    const content = utf8(rawContent);
    if (t === "inlineStr") {
      const is = this.isRe.exec(content);
      if (is) return itemText(is[1] ?? "", this.prefix);
    }
    const v = this.vRe.exec(content);
    if (!v) {
      if (content.includes(this.fOpen)) {
        this.out.uncachedCount++;
        if (this.out.uncachedFormulas.length < MAX_LISTED_FORMULAS)
          this.out.uncachedFormulas.push({ row, col });
      }
      return null;
    }
    return this.typedValue(t, v[1] ?? "", attrs);
  }

  /** A value's text (already UTF-8 decoded, entities not yet) read as its type says. */
  private typedValue(t: string, raw: string, attrs: string): CellValue {
    switch (t) {
      case "s": {
        const i = Number(raw);
        return Number.isInteger(i) ? (this.ctx.strings[i] ?? null) : null;
      }
      case "str":
      case "inlineStr":
        return decodeXString(decodeEntities(raw));
      case "b":
        return Number.parseInt(raw, 10) !== 0;
      case "e":
        return decodeEntities(raw);
      case "d": {
        const iso = decodeEntities(raw).trim();
        const wall = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || iso.length <= 10 ? iso : iso + "Z");
        return Number.isNaN(wall.getTime()) ? null : fromWallClock(wall);
      }
      default: {
        const n = Number.parseFloat(raw);
        if (!Number.isFinite(n)) return null;
        const s = /(?:^|\s)s\s*=\s*["'](\d+)["']/.exec(attrs)?.[1];
        if (s !== undefined && this.ctx.dateStyles[Number(s)] === true)
          return serialDate(n, this.ctx.date1904);
        return n;
      }
    }
  }

  finish(): SheetRead {
    if (!this.decided) this.decide();
    const keys = [...this.byRow.keys()];
    if (!this.inOrder) keys.sort((a, b) => a - b);
    const rows = keys.map((row) => ({ row, cells: this.byRow.get(row) as CellValue[] }));
    this.applyMerges(rows);
    this.out.rows = rows.filter((r) => r.cells.some((v) => v !== null && v !== undefined));
    return this.out;
  }

  /** Like Sheets' getValues: a merged block's value is in its top-left cell only. */
  private applyMerges(rows: { row: number; cells: CellValue[] }[]): void {
    let budget = MERGE_BUDGET;
    for (const m of this.out.merges) {
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((rows[mid] as { row: number }).row < m.top) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < rows.length; i++) {
        const r = rows[i] as { row: number; cells: CellValue[] };
        if (r.row > m.bottom) break;
        const right = Math.min(m.right, r.cells.length - 1);
        for (let c = m.left; c <= right; c++) {
          if (--budget < 0) return;
          if ((r.row !== m.top || c !== m.left) && r.cells[c] !== undefined) delete r.cells[c];
        }
      }
    }
  }
}
