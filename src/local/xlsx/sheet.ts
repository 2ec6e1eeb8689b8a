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
import { fromWallClock } from "./dates";
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

/** Attribute value of a cell or row tag, fast: these tags have a handful of short attributes. */
function fastAttr(attrs: string, name: string): string | undefined {
  let at = attrs.indexOf(` ${name}=`);
  if (at < 0) {
    at = attrs.indexOf(`\t${name}=`);
    if (at < 0) at = attrs.indexOf(`\n${name}=`);
    if (at < 0) return undefined;
  }
  const q = attrs[at + name.length + 2];
  if (q !== '"' && q !== "'") return undefined;
  const end = attrs.indexOf(q, at + name.length + 3);
  return end < 0 ? undefined : attrs.slice(at + name.length + 3, end);
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
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : fromWallClock(d);
}

export class SheetScanner {
  private prefix = "";
  private tag: RegExp;
  private closeC = "</c>";
  private vOpen = "<v>";
  private vClose = "</v>";
  private vRe: RegExp;
  private isRe: RegExp;
  private fOpen = "<f";
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
    this.tag = /./g;
    this.vRe = /./;
    this.isRe = /./;
    this.setPrefix("");
  }

  private setPrefix(p: string): void {
    const e = escapeRe(p);
    this.prefix = p;
    this.tag = new RegExp(`<${e}(c|row|mergeCell)(\\s[^>]*?)?(/?)>`, "g");
    this.closeC = `</${p}c>`;
    this.vOpen = `<${p}v>`;
    this.vClose = `</${p}v>`;
    this.fOpen = `<${p}f`;
    this.vRe = new RegExp(`<${e}v(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${e}v>)`);
    this.isRe = new RegExp(`<${e}is(?:\\s[^>]*)?>([\\s\\S]*?)</${e}is>`);
  }

  /** A slice of the sheet's XML that ends between two rows (or at the end of the part). */
  feed(text: string): void {
    if (!this.started) {
      const m = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/.exec(text);
      if (m) {
        this.started = true;
        if (m[1]) this.setPrefix(m[1]);
      }
    }
    const re = this.tag;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1];
      const attrs = m[2] ?? "";
      if (name === "row") {
        const r = fastAttr(attrs, "r");
        const n = r === undefined ? Number.NaN : Number(r);
        this.row = Number.isInteger(n) && n >= 1 && n <= SHEET_MAX_ROWS ? n - 1 : this.row + 1;
        this.nextCol = 0;
        continue;
      }
      if (name === "mergeCell") {
        const ref = fastAttr(attrs, "ref");
        const range = ref ? parseRange(ref) : null;
        if (range) this.out.merges.push(range);
        continue;
      }
      let content = "";
      if (m[3] !== "/") {
        const end = text.indexOf(this.closeC, re.lastIndex);
        const stop = end < 0 ? text.length : end;
        content = text.slice(re.lastIndex, stop);
        re.lastIndex = end < 0 ? text.length : end + this.closeC.length;
      }
      const ref = fastAttr(attrs, "r");
      const at = ref === undefined ? null : parseRef(ref);
      const row = at ? at.row : Math.max(this.row, 0);
      const col = at ? at.col : this.nextCol;
      this.nextCol = col + 1;
      if (content === "") continue;
      if (col >= this.maxColumns) {
        if (content.includes(this.vOpen) || content.includes("<" + this.prefix + "is")) this.noteOutside(row, col);
        continue;
      }
      if (row >= HEAD_ROWS) {
        if (!this.decided) this.decide();
        if (this.keep && this.keep[col] !== 1) continue;
      }
      const v = this.cellValue(attrs, content, row, col);
      if (v === null) continue;
      let cells = this.byRow.get(row);
      if (!cells) {
        cells = [];
        this.byRow.set(row, cells);
        if (row < this.lastRow) this.inOrder = false;
        this.lastRow = row;
      }
      cells[col] = v;
    }
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

  private cellValue(attrs: string, content: string, row: number, col: number): CellValue {
    const t = fastAttr(attrs, "t");
    let raw: string | undefined;
    if (content.startsWith(this.vOpen) && content.endsWith(this.vClose)) {
      raw = content.slice(this.vOpen.length, content.length - this.vClose.length);
    } else if (t === "inlineStr") {
      const is = this.isRe.exec(content);
      if (is) return itemText(is[1] ?? "", this.prefix);
    } else {
      const v = this.vRe.exec(content);
      if (v) raw = v[1] ?? "";
    }
    if (raw === undefined) {
      if (content.includes(this.fOpen)) {
        this.out.uncachedCount++;
        if (this.out.uncachedFormulas.length < MAX_LISTED_FORMULAS) this.out.uncachedFormulas.push({ row, col });
      }
      return null;
    }
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
        const s = fastAttr(attrs, "s");
        if (s !== undefined && this.ctx.dateStyles[Number(s)] === true) return serialDate(n, this.ctx.date1904);
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
