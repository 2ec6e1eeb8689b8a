/**
 * Reading an .xlsx file (what Google Sheets downloads) into the values one `getValues()` per tab would
 * give the add-in. Node-only; the domain core never sees this module, only the values it produces.
 *
 * A workbook is opened once (its zip directory, sheet list, styles and shared strings), then each
 * sheet the caller needs is streamed (sheet.ts): tabs the plan does not name are never inflated, and
 * only the plan's columns are kept. Every way a file can fail ends in an XlsxReadError whose message is
 * Vietnamese and says what to do.
 */
import { readFile, stat } from "node:fs/promises";
import type { CellValue } from "../../core";
import type { SheetRead, SheetReadOptions, StyleContext } from "./sheet";
import { SheetScanner, utf8 } from "./sheet";
import { describeFsError } from "./fs-errors";
import { attr, decodeEntities, hasDoctype, itemText, tidyMarkup } from "./xml";
import type { ZipEntry } from "./zip";
import { entryChunks, entryText, ZipError, zipEntries } from "./zip";

/** A file that cannot be read as a workbook; the message is Vietnamese and says what to do. */
export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

export interface SheetInfo {
  name: string;
  /** Hidden or very hidden in the file (still read: Sheets reads hidden tabs too). */
  hidden: boolean;
}

export interface XlsxWorkbook {
  label: string;
  sheets: SheetInfo[];
  /** Streams one sheet (by its position in `sheets`). */
  readSheet(index: number, opts?: SheetReadOptions): Promise<SheetRead>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Old binary .xls files, and .xlsx files encrypted with a password, are OLE compound files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** Larger inputs are refused before reading: a commune's workbook is a few megabytes. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** A row (or shared string) longer than this without its end tag is not a spreadsheet's. */
const MAX_PENDING = 64 * 1024 * 1024;

const DOWNLOAD_HINT =
  "Hãy mở bảng tính trên Google Trang tính, chọn Tệp → Tải xuống → Microsoft Excel (.xlsx), rồi dùng tệp vừa tải.";

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function notXlsx(label: string, why: string): XlsxReadError {
  return new XlsxReadError(`Tệp "${label}" ${why} ${DOWNLOAD_HINT}`);
}

function zipProblem(label: string, err: unknown): XlsxReadError {
  if (err instanceof XlsxReadError) return err;
  if (err instanceof ZipError) {
    switch (err.fault) {
      case "encrypted":
        return notXlsx(label, "có đặt mật khẩu, chương trình không đọc được.");
      case "tooBig":
        return notXlsx(
          label,
          "khi giải nén lớn bất thường (có thể là tệp độc hại được nén để làm treo máy), chương trình không đọc.",
        );
      case "unsupported":
        return notXlsx(label, "được nén theo cách chương trình không đọc được.");
      default:
        break;
    }
  }
  return notXlsx(label, "bị hỏng hoặc không phải tệp .xlsx (có thể là tệp nén hoặc tài liệu khác).");
}

/** Reads a file's bytes with a clear message for a missing file, a folder, no permission, a huge file. */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    throw new XlsxReadError(describeFsError(err, path, "read"));
  }
  if (info.isDirectory()) throw new XlsxReadError(`"${path}" là một thư mục, không phải tệp .xlsx.`);
  if (info.size > MAX_FILE_BYTES) {
    throw new XlsxReadError(
      `Tệp "${path}" lớn ${Math.round(info.size / 1024 / 1024)} MB, quá lớn với một bảng tính kế hoạch; chương trình không đọc.`,
    );
  }
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw new XlsxReadError(describeFsError(err, path, "read"));
  }
}

/** Where `target` of a relationship in `fromDir` ("xl/") points inside the zip. */
function resolveTarget(fromDir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : fromDir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: string, fromDir: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = m[1] ?? "";
    const id = attr(a, "Id");
    const target = attr(a, "Target");
    if (id === undefined || target === undefined || attr(a, "TargetMode") === "External") continue;
    out.set(id, { type: attr(a, "Type") ?? "", target: resolveTarget(fromDir, target) });
  }
  return out;
}

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A format code shows a date when it has date or time letters outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  return /[ymdhsYMDHS]/.test(bare.replace(/General/gi, ""));
}

function dateStyles(xml: string): boolean[] {
  const text = tidyMarkup(xml);
  const custom = new Map<number, string>();
  for (const m of text.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attr(m[1] ?? "", "numFmtId"));
    const code = attr(m[1] ?? "", "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(text)?.[1] ?? "";
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:[\w.-]+:)?xf\b([^>]*)>/g)) {
    const id = Number(attr(m[1] ?? "", "numFmtId") ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

/**
 * Streams a part in slices that end right after an element `child` of the root `root` (a row of a
 * worksheet, a string of the shared strings), so that no slice cuts one in two. Calls `onSlice` with
 * the text and the namespace prefix the part uses ("" or "x:"). The first slice is checked for a DOCTYPE.
 *
 * Slices are "binary" strings (one character per byte, Node's latin1): decoding that is a plain copy,
 * several times cheaper than UTF-8 for a part that is mostly markup and numbers; the few text values
 * are decoded from UTF-8 where they are read (sheet.ts `utf8`).
 */
async function forEachSlice(
  bytes: Uint8Array,
  entry: ZipEntry,
  root: string,
  child: string,
  onSlice: (text: string, prefix: string) => void,
): Promise<void> {
  let pending = "";
  let close: string | null = null;
  let prefix = "";
  let first = true;
  const emit = (text: string) => {
    if (first) {
      first = false;
      if (hasDoctype(text)) throw new XlsxReadError("DOCTYPE");
    }
    onSlice(tidyMarkup(text), prefix);
  };
  for await (const chunk of entryChunks(bytes, entry)) {
    pending += chunk.toString("latin1");
    if (close === null) {
      const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>/]`).exec(pending.slice(0, 1 << 16));
      if (!m && pending.length < 1 << 16) continue;
      prefix = m?.[1] ?? "";
      close = `</${prefix}${child}>`;
    }
    // Everything up to the last end tag is whole; searching backwards finds it at once.
    const at = pending.lastIndexOf(close);
    if (at < 0) {
      if (pending.length > MAX_PENDING) throw new ZipError("tooBig", `${entry.name}: element too long`);
      continue;
    }
    const cut = at + close.length;
    emit(pending.slice(0, cut));
    pending = pending.slice(cut);
  }
  if (pending.length || first) emit(pending);
}

async function sharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined): Promise<string[]> {
  if (!entry) return [];
  const out: string[] = [];
  let si: RegExp | null = null;
  await forEachSlice(bytes, entry, "sst", "si", (text, prefix) => {
    const e = prefix.replace(/[.]/g, "\\.");
    si ??= new RegExp(`<${e}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${e}si>)`, "g");
    si.lastIndex = 0;
    for (let m = si.exec(text); m; m = si.exec(text)) out.push(itemText(utf8(m[1] ?? ""), prefix));
  });
  return out;
}

/** Opens a workbook from its bytes; `label` (a file name) goes into messages. */
export async function openXlsx(bytes: Uint8Array, label: string): Promise<XlsxWorkbook> {
  if (bytes.length === 0) throw notXlsx(label, "rỗng, không phải tệp .xlsx.");
  if (startsWith(bytes, OLE_MAGIC)) {
    throw notXlsx(
      label,
      "là tệp Excel cũ (.xls) hoặc tệp .xlsx có đặt mật khẩu, chương trình không đọc được.",
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw notXlsx(label, "không phải tệp .xlsx.");
  try {
    const entries = zipEntries(bytes);
    const text = async (name: string): Promise<string | null> => {
      const e = entries.get(name);
      if (!e) return null;
      const t = await entryText(bytes, e);
      if (hasDoctype(t)) throw new XlsxReadError("DOCTYPE");
      return tidyMarkup(t);
    };
    const rootRels = relationships((await text("_rels/.rels")) ?? "", "");
    const officeDoc = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"));
    const wbPath = officeDoc?.target ?? "xl/workbook.xml";
    const wbXml = await text(wbPath);
    if (wbXml === null)
      throw notXlsx(label, "không có phần bảng tính bên trong (có thể là tệp nén hoặc tài liệu khác).");
    const dir = wbPath.includes("/") ? wbPath.slice(0, wbPath.lastIndexOf("/") + 1) : "";
    const wbRels = relationships((await text(`${dir}_rels/${wbPath.slice(dir.length)}.rels`)) ?? "", dir);
    const relOfType = (type: string) => [...wbRels.values()].find((r) => r.type.endsWith(type))?.target;
    const stylesXml = await text(relOfType("/styles") ?? `${dir}styles.xml`);
    const prWb = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(wbXml)?.[1] ?? "";
    const date1904 = /^(1|true)$/i.test(attr(prWb, "date1904") ?? "");
    const sheets: (SheetInfo & { part: string | null })[] = [];
    for (const m of wbXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
      const a = m[1] ?? "";
      const rid = /(?:^|\s)[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(a);
      const rel = rid ? wbRels.get(decodeEntities(rid[1] ?? rid[2] ?? "")) : undefined;
      const state = attr(a, "state");
      sheets.push({
        name: (attr(a, "name") ?? "").normalize("NFC"),
        hidden: state === "hidden" || state === "veryHidden",
        part: rel?.type.endsWith("/worksheet") ? rel.target : null,
      });
    }
    if (sheets.length === 0) throw notXlsx(label, "không có trang tính nào, không phải tệp .xlsx hợp lệ.");
    for (const s of sheets) {
      if (s.part !== null && !entries.has(s.part)) throw notXlsx(label, `bị hỏng: thiếu trang "${s.name}".`);
    }
    let ctx: StyleContext | null = null;
    const context = async (): Promise<StyleContext> => {
      ctx ??= {
        strings: await sharedStrings(
          bytes,
          entries.get(relOfType("/sharedStrings") ?? `${dir}sharedStrings.xml`),
        ),
        dateStyles: stylesXml === null ? [] : dateStyles(stylesXml),
        date1904,
      };
      return ctx;
    };
    return {
      label,
      sheets: sheets.map(({ name, hidden }) => ({ name, hidden })),
      async readSheet(index, opts) {
        const info = sheets[index];
        if (!info) throw new RangeError(`no sheet ${index}`);
        const scanner = new SheetScanner(
          await context().catch((err) => Promise.reject(zipProblem(label, doctype(err, label)))),
          opts,
        );
        if (info.part === null) return scanner.finish();
        try {
          await forEachSlice(bytes, entries.get(info.part) as ZipEntry, "worksheet", "row", (t) =>
            scanner.feed(t),
          );
        } catch (err) {
          throw zipProblem(label, doctype(err, label));
        }
        return scanner.finish();
      },
    };
  } catch (err) {
    throw zipProblem(label, doctype(err, label));
  }
}

function doctype(err: unknown, label: string): unknown {
  if (err instanceof XlsxReadError && err.message === "DOCTYPE") {
    return notXlsx(
      label,
      "có khai báo DOCTYPE, điều một bảng tính không bao giờ có (dấu hiệu tệp độc hại), chương trình không đọc.",
    );
  }
  return err;
}

/** Opens an .xlsx file from disk (never writes to it). */
export async function openXlsxFile(path: string): Promise<XlsxWorkbook> {
  return openXlsx(await readFileBytes(path), path);
}

/** Every sheet's values, dense (row 1 first, empty cells null): for tests and small workbooks. */
export async function readAllSheets(wb: XlsxWorkbook): Promise<{ name: string; values: CellValue[][] }[]> {
  const out: { name: string; values: CellValue[][] }[] = [];
  for (let i = 0; i < wb.sheets.length; i++) {
    const read = await wb.readSheet(i);
    const last = read.rows[read.rows.length - 1];
    const width = Math.max(0, ...read.rows.map((r) => r.cells.length));
    const values: CellValue[][] = [];
    for (let r = 0; r <= (last?.row ?? -1); r++) values.push(new Array<CellValue>(width).fill(null));
    for (const r of read.rows) {
      r.cells.forEach((v, c) => {
        (values[r.row] as CellValue[])[c] = v ?? null;
      });
    }
    out.push({ name: (wb.sheets[i] as SheetInfo).name, values });
  }
  return out;
}
