// Spreadsheet.getAs("application/pdf"): a PDF of every visible sheet's display values as Google's
// export draws them, a grid of cells on landscape A4 pages, bold where the cell is bold, text wrapped
// in its column, a block merged across columns as one cell. Written with PDFKit (a maintained PDF
// library whose output can be read synchronously, as a blob's bytes must be) in DejaVu Sans, a Unicode
// font that has every Vietnamese letter: names and statuses read as they do in the sheet ("Công an xã",
// "Chưa đạt"), not "?" or "Cong an xa". What the sheet shows is taken at getAs (pdfContent); the file
// is made when first read (renderPdf). Node only: the emulator is never part of the Apps Script bundle.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type PDFKit from "pdfkit";
import type { Rect } from "./a1";
import type { CellData, SheetData, SpreadsheetData } from "./model";
import { DEFAULT_COL_WIDTH, lastColWithContent, lastRowWithContent } from "./model";

const require = createRequire(import.meta.url);

/** PDFKit, loaded when the first PDF is made (it takes a second or so to load; most runs make none). */
let pdfkit: typeof PDFKit | undefined;

/** The fonts, read once per process (DejaVu Sans is 740 KB; each PDF embeds only the letters it uses). */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function dejaVu(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return fonts;
}

// Landscape A4 in points, Google's default margins (0.75 in) and a 9 pt font, a sheet pixel ≈ 0.75 pt.
const PAGE = { width: 842, height: 595 };
const MARGIN = 54;
const FONT_SIZE = 9;
const PAD = 3;
const PX_TO_PT = 0.75;

interface PdfCell {
  text: string;
  bold: boolean;
  right: boolean;
  /** Columns it spans (a merged block's first cell), 1 otherwise. */
  span: number;
}

/** What a PDF of the spreadsheet shows: per visible sheet, its name, column widths and rows of cells. */
export interface PdfContent {
  title: string;
  sheets: { name: string; widths: number[]; rows: PdfCell[][] }[];
}

/** Column widths in points: the sheet's, scaled down together when wider than the page. */
function columnWidths(sheet: SheetData, lastCol: number): number[] {
  const pts: number[] = [];
  for (let c = 1; c <= lastCol; c++) pts.push((sheet.colWidths[c] ?? DEFAULT_COL_WIDTH) * PX_TO_PT);
  const total = pts.reduce((a, b) => a + b, 0);
  const room = PAGE.width - 2 * MARGIN;
  return total > room ? pts.map((w) => (w * room) / total) : pts;
}

/** The display values and looks of every visible sheet, as they are now. */
export function pdfContent(
  ss: SpreadsheetData,
  display: (sheet: SheetData, c: CellData | undefined) => string,
): PdfContent {
  const sheets = ss.sheets
    .filter((s) => !s.hidden)
    .map((sheet) => {
      const lastRow = lastRowWithContent(sheet);
      const lastCol = lastColWithContent(sheet);
      const merges = (sheet as SheetData & { merges?: Rect[] }).merges ?? [];
      const rows: PdfCell[][] = [];
      for (let r = 1; r <= lastRow; r++) {
        const row: PdfCell[] = [];
        for (let c = 1; c <= lastCol; c++) {
          const merge = merges.find(
            (m) => r >= m.row && r < m.row + m.numRows && c >= m.col && c < m.col + m.numCols,
          );
          const span = merge ? Math.min(merge.col + merge.numCols, lastCol + 1) - c : 1;
          const cell = sheet.rows[r]?.[c];
          const first = !merge || (merge.row === r && merge.col === c);
          row.push({
            text: first ? display(sheet, cell) : "",
            bold: cell?.fw === "bold",
            right: cell?.ha === "right" || (cell?.ha === undefined && typeof cell?.v === "number"),
            span,
          });
          c += span - 1;
        }
        rows.push(row);
      }
      return { name: sheet.name, widths: columnWidths(sheet, lastCol), rows };
    });
  return { title: ss.name, sheets };
}

/** The PDF of `content` made at `now` (the emulated clock: the same content at the same time, the same bytes). */
export function renderPdf(content: PdfContent, now: Date): Uint8Array {
  const { regular, bold } = dejaVu();
  pdfkit ??= require("pdfkit") as typeof PDFKit;
  const doc = new pdfkit({
    size: [PAGE.width, PAGE.height],
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: content.title, CreationDate: now },
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  doc.fontSize(FONT_SIZE).lineGap(1);

  for (const sheet of content.sheets) {
    doc.addPage();
    doc
      .font("bold")
      .fontSize(FONT_SIZE + 2)
      .text(sheet.name, MARGIN, MARGIN);
    doc.fontSize(FONT_SIZE);
    let y = doc.y + 6;
    for (const row of sheet.rows) {
      let x = MARGIN;
      let col = 0;
      const cells = row.map((cell) => {
        const width = sheet.widths.slice(col, col + cell.span).reduce((a, b) => a + b, 0);
        col += cell.span;
        const inner = Math.max(1, width - 2 * PAD);
        doc.font(cell.bold ? "bold" : "regular");
        const height = cell.text === "" ? 0 : doc.heightOfString(cell.text, { width: inner });
        const at = { ...cell, x, width, inner, height };
        x += width;
        return at;
      });
      const height = Math.max(FONT_SIZE + 2, ...cells.map((c) => c.height)) + 2 * PAD;
      if (y + height > PAGE.height - MARGIN) {
        doc.addPage();
        y = MARGIN;
      }
      for (const c of cells) {
        doc.lineWidth(0.3).strokeColor("#9aa0a6").rect(c.x, y, c.width, height).stroke();
        if (c.text !== "")
          doc
            .font(c.bold ? "bold" : "regular")
            .fillColor("#000000")
            .text(c.text, c.x + PAD, y + PAD, { width: c.inner, align: c.right ? "right" : "left" });
      }
      y += height;
    }
  }
  if (content.sheets.length === 0) doc.addPage();

  doc.end();
  // PDFKit pushes the whole file into its stream when the document ends: read it back at once.
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null)
    chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
