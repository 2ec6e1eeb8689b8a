/**
 * How a table the add-in writes into a sheet looks: one description (TableLayout) for the rollup tab,
 * the upper level's read-only copy (and so the PDF Google makes of it), the send log and the change log.
 * src/gas applies it in batched calls; the workbench's grid renders the result, so what one sees there
 * is what Google shows.
 *
 * Widths are fitted to the content with a ceiling per column, and text wraps beyond it; a title is
 * merged across the table's width; the header is bold, coloured and frozen; numbers and percentages
 * carry formats; no row is taller than MAX_LINES lines: longer text is cut with "…" and kept whole in
 * the cell's note.
 *
 * Text is measured with a character-width model of Google Sheets' default font, Arial 10 pt (13⅓ px):
 * the advance widths of Arial (the same as Helvetica's published metrics, and Liberation Sans's, which
 * stands in for Arial on Linux). A Vietnamese letter with a mark is as wide as its base letter in
 * Arial, but Liberation Sans lacks most of them and a browser draws them from a fallback font (DejaVu
 * Sans), a little wider: the model takes the wider of the two, so what fits in its estimate fits in
 * Google and in the workbench alike. A test checks the model against Chromium's rendering.
 */
import type { CellValue } from "./cell";
import { textForSheet } from "./marks";

/** Google Sheets' default: Arial 10 pt. */
export const FONT_PX = 40 / 3;
/** A row of one line of 10 pt text (Google's default row height), and each further wrapped line. */
export const ROW_PX = 21;
export const LINE_PX = 16;
/** Horizontal padding inside a cell, both sides together. */
export const PAD_PX = 6;
export const MAX_LINES = 3;
export const HEADER_BACKGROUND = "#d9e2f3";

// Advance widths of ASCII 32–126 in thousandths of an em, regular and bold: each letter is an index
// ("a" = 0) into WIDTHS, the few distinct widths Arial has there (a third of the bytes of the numbers).
const WIDTHS = [
  191, 222, 238, 260, 278, 280, 333, 334, 355, 389, 469, 474, 500, 556, 584, 611, 667, 722, 778, 833, 889,
  944, 975, 1015,
];
const REGULAR =
  "eeinnuqaggjoegeennnnnnnnnneeooonxqqrrqpsremqntrsqsrqprqvqqpeeekngnnmnnennbbmbtnnnngmenmrmmmhdho";
const BOLD =
  "eglnnurcggjoegeennnnnnnnnnggooopwrrrrqpsrenrptrsqsrqprqvqqpgegongnpnpngppeeneuppppjngpnsnnmjfjo";
/** Letters and signs beyond ASCII the tables use: [regular, bold]. */
const OTHER: Record<string, [number, number]> = {
  đ: [556, 611],
  Đ: [722, 722],
  ư: [634, 634],
  ơ: [612, 612],
  Ư: [858, 858],
  Ơ: [913, 913],
  "–": [556, 556],
  "—": [1000, 1000],
  "…": [1000, 1000],
  "≥": [549, 549],
  "≤": [549, 549],
  "“": [333, 500],
  "”": [333, 500],
  "·": [278, 278],
  "\u00a0": [278, 278],
};
/** A base letter carrying a mark (ạ, ế, ộ, ự, ỷ…), where the fallback font is wider than Arial. */
const MARKED: Record<string, [number, number]> = {
  a: [613, 613],
  e: [615, 615],
  i: [278, 278],
  o: [612, 612],
  y: [592, 592],
  A: [684, 722],
  O: [787, 787],
};
/** Anything else (symbols from a fallback font): a generous average. */
const UNKNOWN = 800;

let tables: [number[], number[]] | undefined;
function advance(ch: string, bold: boolean): number {
  tables ??= [REGULAR, BOLD].map((t) => [...t].map((c) => WIDTHS[c.charCodeAt(0) - 97]!)) as [
    number[],
    number[],
  ];
  const code = ch.charCodeAt(0);
  if (code >= 32 && code <= 126) return tables[bold ? 1 : 0][code - 32]!;
  if (code >= 0x300 && code <= 0x36f) return 0;
  const other = OTHER[ch];
  return other ? other[bold ? 1 : 0] : UNKNOWN;
}

/** The width in px of a line of text in Arial 10 pt. */
export function textWidth(text: string, bold = false): number {
  let units = 0;
  for (const ch of text.normalize("NFC")) {
    const parts = ch.normalize("NFD");
    // ư and ơ decompose to u and o with a horn (U+031B): they keep their own width.
    const base = parts.includes("\u031b") ? (parts[0] + "\u031b").normalize("NFC") : parts[0]!;
    const marked = parts.length > 1 ? MARKED[base] : undefined;
    units += marked ? marked[bold ? 1 : 0] : advance(parts.length > 1 ? base : ch, bold);
  }
  return (units / 1000) * FONT_PX;
}

/**
 * Where the lines of `text` end in a cell of `width` px, wrapped at spaces like Sheets (and a browser)
 * does, a word wider than the line broken where it must be: [start, end) of each line in the NFC text.
 * Stops after `limit` lines, so a huge text costs only the lines asked for; linear in what it reads.
 */
function lineSpans(text: string, width: number, bold: boolean, limit: number): [number, number][] {
  const room = Math.max(1, width - PAD_PX);
  const space = textWidth(" ", bold);
  const out: [number, number][] = [];
  let at = 0;
  for (const paragraph of text.split("\n")) {
    let start = at;
    let used = -1;
    let pos = at;
    for (const word of paragraph.split(" ")) {
      const w = textWidth(word, bold);
      if (used >= 0 && used + space + w <= room) used += space + w;
      else {
        if (used >= 0) {
          out.push([start, pos - 1]);
          if (out.length >= limit) return out;
          start = pos;
        }
        used = w;
        // A word wider than the whole line: cut it where it must be, a character at a time.
        if (w > room) {
          used = 0;
          let i = pos;
          for (const ch of word) {
            const cw = textWidth(ch, bold);
            if (used > 0 && used + cw > room) {
              out.push([start, i]);
              if (out.length >= limit) return out;
              start = i;
              used = 0;
            }
            used += cw;
            i += ch.length;
          }
        }
      }
      pos += word.length + 1;
    }
    out.push([start, at + paragraph.length]);
    if (out.length >= limit) return out;
    at += paragraph.length + 1;
  }
  return out;
}

/** The lines a cell of `width` px shows `text` on (see lineSpans). */
export function wrapLines(text: string, width: number, bold = false): string[] {
  const nfc = text.normalize("NFC");
  return lineSpans(nfc, width, bold, Number.POSITIVE_INFINITY).map(([a, b]) => nfc.slice(a, b));
}

/**
 * The narrowest width from `min` up, in steps of 10 px, at which `text` takes at most `lines` lines,
 * with the model's few percent of margin (a header row Sheets wraps).
 */
export function widthForLines(text: string, min: number, bold = false, lines = MAX_LINES): number {
  let width = min;
  while (wrapLines(text, Math.floor(width / 1.04), bold).length > lines) width += 10;
  return width;
}

/** `text` cut to at most `lines` lines of `width` px, ending in "…" when it had to be cut. */
export function fitText(text: string, width: number, bold = false, lines = MAX_LINES): string {
  const nfc = text.normalize("NFC");
  const spans = lineSpans(nfc, width, bold, lines + 1);
  if (spans.length <= lines) return text;
  // What the lines hold, then shorter until "…" fits after it.
  let kept = nfc.slice(0, spans[lines - 1]![1]).trimEnd();
  while (kept.length > 0 && lineSpans(kept + "…", width, bold, lines + 1).length > lines)
    kept = kept.slice(0, -1).trimEnd();
  return kept + "…";
}

/** A rectangle of cells, 1-based. */
export interface Block {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** Everything about how a written table looks; every grid is as large as `values`. */
export interface TableLayout {
  values: CellValue[][];
  /** Column widths in px. */
  widths: number[];
  frozenRows: number;
  bold: boolean[][];
  backgrounds: (string | null)[][];
  wraps: boolean[][];
  /** The full text of cells cut to MAX_LINES lines, else "". */
  notes: string[][];
  /** Blocks whose every row is merged across the block's columns (one mergeAcross each). */
  merges: Block[];
  /** Number formats ("#,##0", "0.0%"); null keeps Sheets' automatic format. */
  formats: (string | null)[][];
  /** Rows whose height must be set: merged cells whose text wraps (Sheets fits other rows itself). */
  heights: { row: number; numRows: number; height: number }[];
}

export interface RowOptions {
  bold?: boolean;
  background?: string | null;
  /** Per-cell backgrounds, overriding `background`. */
  backgrounds?: (string | null)[];
  /** Per-cell number formats ("#,##0", "0.0%"). */
  formats?: (string | null)[];
  /** Merge the row from this column (1-based) to the last. */
  mergeFrom?: number;
}

interface Row {
  cells: CellValue[];
  opts: RowOptions;
}

/** What Sheets shows for a value, as far as widths go. */
function shown(v: CellValue, format: string | null | undefined): string {
  if (typeof v === "number") {
    if (format?.endsWith("%")) return (v * 100).toFixed(1).replace(".", ",") + "%";
    return Math.round(v)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }
  if (v instanceof Date) return "00/00/0000 00:00";
  return v === null || v === undefined ? "" : String(v);
}

/**
 * Builds a TableLayout row by row. `ceilings` are the widest each column may get (px); a column is as
 * wide as its longest content up to that, its text wrapping beyond.
 */
export class TableBuilder {
  private readonly rows: Row[] = [];
  private frozen = 0;
  constructor(private readonly ceilings: readonly number[]) {}

  get width(): number {
    return this.ceilings.length;
  }

  row(cells: CellValue[], opts: RowOptions = {}): this {
    this.rows.push({ cells, opts });
    return this;
  }

  /** Text across the whole table's width. */
  line(text: string, opts: RowOptions = {}): this {
    return this.row([text], { ...opts, mergeFrom: 1 });
  }

  /** An item of a list, indented by one column. */
  item(text: string, opts: RowOptions = {}): this {
    return this.row(["", text], { ...opts, mergeFrom: 2 });
  }

  blank(): this {
    return this.row([]);
  }

  header(cells: string[]): this {
    return this.row(cells, { bold: true, background: HEADER_BACKGROUND });
  }

  /** Rows so far stay in view when scrolling. */
  freeze(): this {
    this.frozen = this.rows.length;
    return this;
  }

  build(): TableLayout {
    const n = this.width;
    const widths = this.ceilings.map((ceiling, c) => {
      let natural = 36;
      for (const { cells, opts } of this.rows) {
        if (opts.mergeFrom !== undefined && c + 1 >= opts.mergeFrom) continue;
        const text = shown(cells[c] ?? "", opts.formats?.[c]);
        if (text === "") continue;
        const w = Math.max(...text.split("\n").map((l) => textWidth(l, opts.bold === true)));
        // A little over the model's measure: it is checked to err by at most a few percent.
        natural = Math.max(natural, Math.ceil(w * 1.04) + PAD_PX + 2);
      }
      // Rounded up to 10 px: columns of like content get the same width, set in one call.
      return Math.min(Math.ceil(natural / 10) * 10, ceiling);
    });
    const values: CellValue[][] = [];
    const bold: boolean[][] = [];
    const backgrounds: (string | null)[][] = [];
    const wraps: boolean[][] = [];
    const notes: string[][] = [];
    const merges: Block[] = [];
    const formats: (string | null)[][] = [];
    const heights: TableLayout["heights"] = [];
    this.rows.forEach(({ cells, opts }, i) => {
      const r = i + 1;
      const rowValues: CellValue[] = [];
      const rowWraps: boolean[] = [];
      const rowNotes: string[] = [];
      const from = opts.mergeFrom;
      let lines = 1;
      for (let c = 0; c < n; c++) {
        const v = cells[c] ?? "";
        const span = from !== undefined && c + 1 === from ? n - c : 1;
        const hidden = from !== undefined && c + 1 > from;
        const cellWidth = widths.slice(c, c + span).reduce((a, b) => a + b, 0);
        let value = v;
        let wrap = false;
        let note = "";
        if (typeof v === "string" && v !== "" && !hidden) {
          const fitted = fitText(v, cellWidth, opts.bold);
          if (fitted !== v) note = v;
          const count = wrapLines(fitted, cellWidth, opts.bold).length;
          wrap = count > 1;
          if (span > 1) lines = Math.max(lines, count);
          value = textForSheet(fitted);
        }
        rowValues.push(hidden ? "" : value);
        rowWraps.push(wrap);
        rowNotes.push(note);
      }
      values.push(rowValues);
      wraps.push(rowWraps);
      notes.push(rowNotes);
      formats.push(Array.from({ length: n }, (_, c) => opts.formats?.[c] ?? null));
      bold.push(new Array(n).fill(opts.bold === true));
      backgrounds.push(Array.from({ length: n }, (_, c) => opts.backgrounds?.[c] ?? opts.background ?? null));
      if (from !== undefined && from < n) {
        const last = merges[merges.length - 1];
        if (last && last.column === from && last.row + last.numRows === r) last.numRows++;
        else merges.push({ row: r, column: from, numRows: 1, numColumns: n - from + 1 });
      }
      if (lines > 1) {
        const height = ROW_PX + (lines - 1) * LINE_PX;
        const last = heights[heights.length - 1];
        if (last && last.height === height && last.row + last.numRows === r) last.numRows++;
        else heights.push({ row: r, numRows: 1, height });
      }
    });
    return {
      values,
      widths,
      frozenRows: this.frozen,
      bold,
      backgrounds,
      wraps,
      notes,
      merges,
      formats,
      heights,
    };
  }
}
