// Spreadsheet.getAs("application/pdf"): a PDF of every visible sheet's display values as Google's
// export draws them, a grid of cells on landscape A4 pages, bold where the cell is bold, text wrapped
// in its column. Written with PDFKit (a maintained PDF library whose output can be read synchronously,
// as getAs must answer) in DejaVu Sans, a Unicode font that has every Vietnamese letter: names and
// statuses read as they do in the sheet ("Công an xã", "Chưa đạt"), not "?" or "Cong an xa".
// Node only: the emulator is never part of the Apps Script bundle.
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

/** Column widths in points: the sheet's, scaled down together when wider than the page. */
function columnWidths(sheet: SheetData, lastCol: number): number[] {
  const px: number[] = [];
  for (let c = 1; c <= lastCol; c++) px.push(sheet.colWidths[c] ?? DEFAULT_COL_WIDTH);
  const pts = px.map((w) => w * PX_TO_PT);
  const total = pts.reduce((a, b) => a + b, 0);
  const room = PAGE.width - 2 * MARGIN;
  return total > room ? pts.map((w) => (w * room) / total) : pts;
}

/** The PDF of `ss` made at `now` (the emulated clock: the same sheet at the same time, the same bytes). */
export function renderPdf(
  ss: SpreadsheetData,
  display: (sheet: SheetData, c: CellData | undefined) => string,
  now: Date,
): Uint8Array {
  const { regular, bold } = dejaVu();
  pdfkit ??= require("pdfkit") as typeof PDFKit;
  const doc = new pdfkit({
    size: [PAGE.width, PAGE.height],
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: ss.name, CreationDate: now },
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  doc.fontSize(FONT_SIZE).lineGap(1);

  const visible = ss.sheets.filter((s) => !s.hidden);
  for (const sheet of visible) {
    doc.addPage();
    doc
      .font("bold")
      .fontSize(FONT_SIZE + 2)
      .text(sheet.name, MARGIN, MARGIN);
    doc.fontSize(FONT_SIZE);
    let y = doc.y + 6;
    const lastRow = lastRowWithContent(sheet);
    const lastCol = lastColWithContent(sheet);
    const widths = columnWidths(sheet, lastCol);
    // A block merged across columns (a title over the table) is one cell as wide as its columns.
    const merges = (sheet as SheetData & { merges?: Rect[] }).merges ?? [];
    for (let r = 1; r <= lastRow; r++) {
      const cells: {
        x: number;
        width: number;
        text: string;
        font: string;
        height: number;
        right: boolean;
      }[] = [];
      let x = MARGIN;
      for (let c = 1; c <= lastCol; c++) {
        const merge = merges.find(
          (m) => r >= m.row && r < m.row + m.numRows && c >= m.col && c < m.col + m.numCols,
        );
        const span = merge ? Math.min(merge.col + merge.numCols, lastCol + 1) - c : 1;
        const width = widths.slice(c - 1, c - 1 + span).reduce((a, b) => a + b, 0);
        const cell = sheet.rows[r]?.[c];
        const first = !merge || (merge.row === r && merge.col === c);
        const text = first ? display(sheet, cell) : "";
        const font = cell?.fw === "bold" ? "bold" : "regular";
        doc.font(font);
        const height = text === "" ? 0 : doc.heightOfString(text, { width: Math.max(1, width - 2 * PAD) });
        const right = cell?.ha === "right" || (cell?.ha === undefined && typeof cell?.v === "number");
        cells.push({ x, width, text, font, height, right });
        x += width;
        c += span - 1;
      }
      const height = Math.max(FONT_SIZE + 2, ...cells.map((c) => c.height)) + 2 * PAD;
      if (y + height > PAGE.height - MARGIN) {
        doc.addPage();
        y = MARGIN;
      }
      for (const c of cells) {
        doc.lineWidth(0.3).strokeColor("#9aa0a6").rect(c.x, y, c.width, height).stroke();
        if (c.text !== "")
          doc
            .font(c.font)
            .fillColor("#000000")
            .text(c.text, c.x + PAD, y + PAD, {
              width: Math.max(1, c.width - 2 * PAD),
              align: c.right ? "right" : "left",
            });
      }
      y += height;
    }
  }
  if (visible.length === 0) doc.addPage();

  doc.end();
  // PDFKit pushes the whole file into its stream when the document ends: read it back at once.
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null)
    chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
