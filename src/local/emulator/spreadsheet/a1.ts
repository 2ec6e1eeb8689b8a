// A1 notation: column letters, cell and range references, optional sheet prefix.
// Google accepts "A1", "A2:F10", "A:C" (whole columns), "2:5" (whole rows), "A2:C" (open end),
// "Sheet1!A1" and "'Tên có dấu cách'!A1:B2"; open ends are bounded by the sheet's size.

export interface A1Ref {
  sheetName?: string;
  // 1-based, inclusive. undefined = open (whole column/row, or to the sheet's end).
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnToLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parsePart(part: string): { col?: number; row?: number } | undefined {
  const m = PART.exec(part);
  if (!m) return undefined;
  const letters = m[1] ?? "";
  const digits = m[2] ?? "";
  if (letters === "" && digits === "") return undefined;
  const out: { col?: number; row?: number } = {};
  if (letters !== "") out.col = lettersToColumn(letters);
  if (digits !== "") {
    const row = Number(digits);
    if (row < 1) return undefined;
    out.row = row;
  }
  return out;
}

/** Splits "Sheet!A1:B2" into the sheet name (unquoted) and the reference part. */
export function splitSheet(a1: string): { sheetName?: string; ref: string } {
  const bang = a1.lastIndexOf("!");
  if (bang < 0) return { ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) {
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

/** Parses A1 notation; returns undefined when it is not a valid reference. */
export function parseA1(a1: string): A1Ref | undefined {
  const { sheetName, ref } = splitSheet(a1.trim());
  const pieces = ref.split(":");
  if (pieces.length > 2 || ref === "") return undefined;
  const first = parsePart(pieces[0] ?? "");
  if (!first) return undefined;
  const out: A1Ref = {};
  if (sheetName !== undefined) out.sheetName = sheetName;
  if (pieces.length === 1) {
    // A single reference must be a full cell: "A" or "5" alone is not a range.
    if (first.col === undefined || first.row === undefined) return undefined;
    out.startRow = first.row;
    out.endRow = first.row;
    out.startCol = first.col;
    out.endCol = first.col;
    return out;
  }
  const second = parsePart(pieces[1] ?? "");
  if (!second) return undefined;
  // Whole columns ("A:C") have no rows; whole rows ("2:5") have no columns.
  if (first.col === undefined && second.col !== undefined) return undefined;
  if (first.row === undefined && first.col === undefined) return undefined;
  if (first.col !== undefined) out.startCol = first.col;
  if (first.row !== undefined) out.startRow = first.row;
  if (second.col !== undefined) out.endCol = second.col;
  if (second.row !== undefined) out.endRow = second.row;
  if (
    first.col === undefined &&
    second.col === undefined &&
    (first.row === undefined || second.row === undefined)
  )
    return undefined;
  // Google normalises reversed corners ("B2:A1" is A1:B2).
  if (out.startRow !== undefined && out.endRow !== undefined && out.startRow > out.endRow) {
    [out.startRow, out.endRow] = [out.endRow, out.startRow];
  }
  if (out.startCol !== undefined && out.endCol !== undefined && out.startCol > out.endCol) {
    [out.startCol, out.endCol] = [out.endCol, out.startCol];
  }
  return out;
}

/** Resolves open ends against the sheet's size. */
export function resolveRef(ref: A1Ref, maxRows: number, maxCols: number): Rect {
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? maxRows;
  const endCol = ref.endCol ?? maxCols;
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 };
}

export function cellA1(row: number, col: number): string {
  return columnToLetters(col) + String(row);
}

export function rectA1(r: Rect): string {
  const start = cellA1(r.row, r.col);
  if (r.numRows === 1 && r.numCols === 1) return start;
  return start + ":" + cellA1(r.row + r.numRows - 1, r.col + r.numCols - 1);
}

/** Quotes a sheet name the way Google writes it in a reference when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.col <= b.col + b.numCols - 1 &&
    b.col <= a.col + a.numCols - 1
  );
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}
