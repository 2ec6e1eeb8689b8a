// Sheet records: finding one by name, naming and numbering new ones, copying and removing them, and the
// bounds every range must keep.
import type { Rect } from "./a1";
import { signatureError } from "./base";
import { MSG, newSheetData, type SheetData, type SpreadsheetData } from "./model";
import { copyDate, isDate } from "./values";
import { localeRules } from "./locale";

export function checkRect(sheet: SheetData, r: Rect): Rect {
  if (r.row < 1) throw new Error("The starting row of the range is too small.");
  if (r.col < 1) throw new Error("The starting column of the range is too small.");
  if (r.numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
  if (r.numCols < 1) throw new Error("The number of columns in the range must be at least 1.");
  if (r.row + r.numRows - 1 > sheet.maxRows || r.col + r.numCols - 1 > sheet.maxCols)
    throw new Error(MSG.outside);
  return r;
}

export function findSheetByName(ss: SpreadsheetData, name: string): SheetData | undefined {
  // Sheet names are unique regardless of case in Sheets, and lookups ignore case too.
  const lower = name.toLowerCase();
  return ss.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function validateSheetName(
  ss: SpreadsheetData,
  name: unknown,
  self: SheetData | undefined,
  method: string,
): string {
  if (typeof name !== "string") throw signatureError(self ? "Sheet" : "Spreadsheet", method, [name]);
  const trimmed = name;
  if (trimmed.trim() === "") throw new Error("Sheet names cannot be empty.");
  if (trimmed.length > 100) throw new Error("Sheet names cannot be longer than 100 characters.");
  const clash = findSheetByName(ss, trimmed);
  if (clash && clash !== self) throw new Error(MSG.sheetExists(trimmed));
  return trimmed;
}

export function nextDefaultName(ss: SpreadsheetData): string {
  let i = ss.sheets.length + 1;
  const prefix = localeRules(ss.locale).sheetPrefix;
  while (findSheetByName(ss, `${prefix}${i}`)) i++;
  return `${prefix}${i}`;
}

export function newSheetId(ss: SpreadsheetData): number {
  // Google gives the first sheet gid 0 and later ones large pseudo-random ids; keep them deterministic.
  const seq = ss.nextSheetSeq++;
  if (seq === 0) return 0;
  let h = 0;
  for (const ch of `${ss.id}:${seq}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return (h % 2_000_000_000) + 1;
}

export function cloneSheet(src: SheetData, sheetId: number, name: string): SheetData {
  const copy = newSheetData(sheetId, name, src.maxRows, src.maxCols);
  copy.frozenRows = src.frozenRows;
  copy.frozenCols = src.frozenCols;
  copy.tabColor = src.tabColor;
  copy.colWidths = [...src.colWidths];
  copy.rowHeights = [...src.rowHeights];
  copy.merges = src.merges.map((m) => ({ ...m }));
  copy.hiddenRows = new Set(src.hiddenRows);
  copy.hiddenCols = new Set(src.hiddenCols);
  copy.rows = src.rows.map((row) =>
    row?.map((c) =>
      c ? { ...c, ...(c.v !== undefined && isDate(c.v) ? { v: copyDate(c.v) } : {}) } : undefined,
    ),
  );
  return copy;
}

export function removeSheet(ss: SpreadsheetData, s: SheetData): void {
  const idx = ss.sheets.indexOf(s);
  ss.sheets.splice(idx, 1);
  s.deleted = true;
  ss.protections = ss.protections.filter((p) => p.sheetId !== s.sheetId);
  ss.metadata = ss.metadata.filter(
    (m) => m.location.type === "SPREADSHEET" || m.location.sheetId !== s.sheetId,
  );
  if (ss.activeSheetId === s.sheetId) {
    const next = ss.sheets[Math.max(0, idx - 1)] ?? ss.sheets[0];
    if (next) ss.activeSheetId = next.sheetId;
  }
}
