/**
 * Reading an .xlsx file (what Google Sheets downloads) into the values one `getValues()` per tab would
 * give the add-in: strings, numbers, booleans, Dates at midnight in Vietnam, and null for empty cells.
 * Node-only (exceljs); the domain core never sees this module, only the values it produces.
 */
import { readFile, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { CellValue } from "../../core";
import { fromWallClock } from "./dates";

/** A file that cannot be read as a workbook; the message is Vietnamese and says what to do. */
export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

export interface XlsxSheet {
  name: string;
  /** Row 1 first; every row as wide as the widest row of the sheet; empty cells are null. */
  values: CellValue[][];
}

export interface XlsxBook {
  sheets: XlsxSheet[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Old binary .xls files, and .xlsx files encrypted with a password, are OLE compound files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function notXlsx(label: string, why: string): XlsxReadError {
  return new XlsxReadError(
    `Tệp "${label}" ${why} Hãy mở bảng tính trên Google Trang tính, chọn Tệp → Tải xuống → Microsoft Excel (.xlsx), rồi dùng tệp vừa tải.`,
  );
}

/** Reads a file's bytes with a clear message for a missing file, a folder or no permission. */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new XlsxReadError(`Không tìm thấy tệp "${path}". Hãy kiểm tra lại tên và đường dẫn tệp.`);
  }
  if (info.isDirectory()) throw new XlsxReadError(`"${path}" là một thư mục, không phải tệp .xlsx.`);
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw new XlsxReadError(`Không đọc được tệp "${path}" (${(err as Error).message}).`);
  }
}

/** Text of a rich-text or hyperlink value. */
function plainText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "richText" in v && Array.isArray(v.richText)) {
    return v.richText.map((part: { text?: unknown }) => String(part.text ?? "")).join("");
  }
  return String(v ?? "");
}

/** One exceljs cell value as the add-in would see it. */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : fromWallClock(v);
  if (typeof v === "object") {
    if ("error" in v) return String(v.error);
    if ("richText" in v) return plainText(v);
    if ("hyperlink" in v) return plainText(v.text);
    // Formulas: the value last computed by the spreadsheet (a downloaded Google Sheet always has one).
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? null : toCellValue(result);
    }
  }
  return null;
}

function sheetValues(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // Like Sheets' getValues: a merged block's value is in its top-left cell only.
      out[col - 1] = cell.type === ExcelJS.ValueType.Merge ? null : toCellValue(cell.value);
    });
    rows[rowNumber - 1] = out;
    if (out.length > width) width = out.length;
  });
  const dense: CellValue[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r] ?? [];
    const row: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = src[c] ?? null;
    dense.push(row);
  }
  return dense;
}

/** Loads a workbook from its bytes; `label` (a file name) goes into messages. */
export async function loadXlsx(bytes: Uint8Array, label: string): Promise<XlsxBook> {
  if (bytes.length === 0) throw notXlsx(label, "rỗng, không phải tệp .xlsx.");
  if (startsWith(bytes, OLE_MAGIC)) {
    throw notXlsx(
      label,
      "là tệp Excel cũ (.xls) hoặc tệp .xlsx có đặt mật khẩu, chương trình không đọc được.",
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw notXlsx(label, "không phải tệp .xlsx.");
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for a Node Buffer; a Buffer view over the same bytes avoids a copy.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw notXlsx(label, "bị hỏng hoặc không phải tệp .xlsx (có thể là tệp nén hoặc tài liệu khác).");
  }
  if (wb.worksheets.length === 0)
    throw notXlsx(label, "không có trang tính nào, không phải tệp .xlsx hợp lệ.");
  return { sheets: wb.worksheets.map((ws) => ({ name: ws.name, values: sheetValues(ws) })) };
}

/** Reads an .xlsx file from disk (never writes to it). */
export async function readXlsxFile(path: string): Promise<XlsxBook> {
  return loadXlsx(await readFileBytes(path), path);
}
