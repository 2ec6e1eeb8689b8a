// Spreadsheet.getAs("application/pdf"): a small but valid PDF of every visible sheet's display
// values, one text line per row, cells separated by " | ". The built-in Helvetica font has no
// Vietnamese letters, so text is transliterated to ASCII ("Công an xã" -> "Cong an xa").
import type { CellData, SheetData, SpreadsheetData } from "./model";
import { lastColWithContent, lastRowWithContent } from "./model";

const LINES_PER_PAGE = 60;
const MAX_LINE = 130;

export function toAscii(text: string): string {
  return text
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "?");
}

function pdfString(text: string): string {
  return `(${toAscii(text).replace(/[\\()]/g, (m) => `\\${m}`)})`;
}

export function renderPdf(
  ss: SpreadsheetData,
  display: (sheet: SheetData, c: CellData | undefined) => string,
): Uint8Array {
  const lines: string[] = [ss.name, ""];
  for (const sheet of ss.sheets) {
    if (sheet.hidden) continue;
    lines.push(`== ${sheet.name} ==`);
    const lastRow = lastRowWithContent(sheet);
    const lastCol = lastColWithContent(sheet);
    for (let r = 1; r <= lastRow; r++) {
      const cells: string[] = [];
      for (let c = 1; c <= lastCol; c++) cells.push(display(sheet, sheet.rows[r]?.[c]));
      const line = cells.join(" | ");
      lines.push(line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 3)}...` : line);
    }
    lines.push("");
  }
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));

  // Object numbers: 1 catalog, 2 page tree, 3 font, then (page, content) pairs.
  const objects: string[] = [];
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(" ");
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  pages.forEach((pageLines, i) => {
    const body = ["BT", "/F1 9 Tf", "11 TL", "36 806 Td"];
    for (const l of pageLines) body.push(`${pdfString(l)} Tj T*`);
    body.push("ET");
    const stream = body.join("\n");
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    );
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });

  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Everything above is ASCII, so one char is one byte.
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
  return bytes;
}
