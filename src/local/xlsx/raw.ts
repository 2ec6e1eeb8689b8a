/**
 * Workbooks written part by part, with any XML: what a spreadsheet program never writes but a file
 * can hold (prefixed tags, inline strings, formulas without results, DOCTYPEs, cells past XFD, lying
 * zip headers). Used by the tests and the hostile-input suite to make the files people and attackers
 * could hand the command line; the reader must answer each of them sensibly.
 */
import { deflateRawSync } from "node:zlib";
import { columnLetter } from "./sheet";

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export interface ZipPart {
  name: string;
  data: string | Uint8Array;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Declared uncompressed size, when it should lie. */
  declaredSize?: number;
  /** General-purpose flags (1 = encrypted). */
  flags?: number;
}

/** A zip of the given parts (central directory included). */
export function zipBytes(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === "string" ? Buffer.from(part.data, "utf8") : Buffer.from(part.data);
    const body = part.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(part.name, "utf8");
    const size = part.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const method = part.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(part.flags ?? 0, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dirBytes, end]));
}

/** Text for XML: the five special characters escaped. */
export function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface RawSheet {
  name: string;
  /** The whole worksheet XML, or the inside of `<sheetData>` (rows) to wrap in a plain worksheet. */
  xml?: string;
  rows?: string;
  /** After `</sheetData>`, e.g. `<mergeCells …>`. */
  after?: string;
  state?: "visible" | "hidden" | "veryHidden";
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** Shared strings (escaped here), or the whole part's XML. */
  sharedStrings?: string[] | { xml: string };
  /** The whole styles part; the default has style 1 = a dd/mm/yyyy date. */
  styles?: string;
  workbookPr?: string;
  /** Replaces or adds parts after the standard ones are laid out. */
  parts?: ZipPart[];
  /** Parts left out (by name). */
  omit?: string[];
}

export const DEFAULT_STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** The parts of a workbook as a spreadsheet program lays them out, then `parts` over them. */
export function rawWorkbookParts(wb: RawWorkbook): ZipPart[] {
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
  ];
  const rels = [
    `<Relationship Id="rStyles" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rStrings" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
  ];
  const sheetTags: string[] = [];
  wb.sheets.forEach((s, i) => {
    rels.push(`<Relationship Id="rS${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    sheetTags.push(
      `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rS${i}"${s.state ? ` state="${s.state}"` : ""}/>`,
    );
    parts.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data:
        s.xml ??
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.rows ?? ""}</sheetData>${s.after ?? ""}</worksheet>`,
    });
  });
  parts.push(
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${wb.workbookPr ?? ""}<sheets>${sheetTags.join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
    },
    { name: "xl/styles.xml", data: wb.styles ?? DEFAULT_STYLES },
  );
  const ss = wb.sharedStrings ?? [];
  parts.push({
    name: "xl/sharedStrings.xml",
    data: Array.isArray(ss)
      ? `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${ss.length}">${ss.map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`).join("")}</sst>`
      : ss.xml,
  });
  const byName = new Map(parts.map((p) => [p.name, p]));
  for (const p of wb.parts ?? []) byName.set(p.name, p);
  for (const name of wb.omit ?? []) byName.delete(name);
  return [...byName.values()];
}

export function rawWorkbookBytes(wb: RawWorkbook): Uint8Array {
  return zipBytes(rawWorkbookParts(wb));
}

/** A cell in sheet XML: numbers as they are, strings inline, Dates not accepted (give serial numbers). */
export function cellXml(ref: string, v: string | number | boolean | null, style?: number): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (v === null) return "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"${s}><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

/** A row of cells from column A. */
export function rowXml(
  row: number,
  values: readonly (string | number | boolean | null)[],
  styles: Record<number, number> = {},
): string {
  return `<row r="${row}">${values.map((v, i) => cellXml(columnLetter(i + 1) + row, v, styles[i])).join("")}</row>`;
}
