/**
 * The "Kế hoạch" tab in the sheet: written from a plan (the bundled one at first setup, an imported
 * JSON, a draft from a document, next year's plan) in a handful of calls, and read back for setup.
 * The layout and the reading are core's (plan-tab.ts, plan-tab-read.ts).
 */
import type { CellValue } from "../core/cell";
import { formulaSafe } from "../core/marks";
import type { Plan } from "../core/plan";
import { PLAN_TAB, planToTabCells } from "../core/plan-tab";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE_BACKGROUND = "#c9daf8";
const HEADER_BACKGROUND = "#d9e2f3";
/** Cells a draft leaves for the office to complete. */
export const MARKED_BACKGROUND = "#fff2cc";

/**
 * Writes `plan` into the tab (made if missing), replacing what was there. Strings are written so that
 * none becomes a formula. `marks` (plan path → why) colours the cells to complete and notes why.
 */
export function writePlanTab(
  ss: Spreadsheet,
  plan: Plan,
  marks: ReadonlyMap<string, string> = new Map(),
): Sheet {
  const sheet = ss.getSheetByName(PLAN_TAB) ?? ss.insertSheet(PLAN_TAB);
  const cells = planToTabCells(plan, marks);
  const rows = cells.values.length;
  const width = cells.values[0]?.length ?? 1;
  const values = cells.values.map((r) =>
    r.map((v: CellValue) => (typeof v === "string" ? formulaSafe(v) : v)),
  );
  const backgrounds = cells.values.map((r) => r.map(() => null as string | null));
  const weights = cells.values.map((r) => r.map((): "bold" | "normal" => "normal"));
  for (const r of cells.titleRows) {
    backgrounds[r] = backgrounds[r]!.map(() => TITLE_BACKGROUND);
    weights[r] = weights[r]!.map((): "bold" | "normal" => "bold");
  }
  for (const r of cells.headerRows) {
    backgrounds[r] = backgrounds[r]!.map(() => HEADER_BACKGROUND);
    weights[r] = weights[r]!.map((): "bold" | "normal" => "bold");
  }
  for (const m of cells.marked) backgrounds[m.row]![m.col] = MARKED_BACKGROUND;
  weights[0] = weights[0]!.map((): "bold" | "normal" => "bold");
  sheet.clear();
  const range = sheet.getRange(1, 1, rows, width);
  range.setValues(values);
  range.setNotes(cells.notes);
  range.setBackgrounds(backgrounds as string[][]);
  range.setFontWeights(weights);
  sheet.setColumnWidth(1, 170);
  sheet.setColumnWidths(2, Math.max(width - 1, 1), 190);
  return sheet;
}

/** The tab's values in one read, or null when there is no tab. */
export function readPlanTabValues(ss: Spreadsheet): CellValue[][] | null {
  const sheet = ss.getSheetByName(PLAN_TAB);
  if (!sheet) return null;
  return sheet.getDataRange().getValues() as CellValue[][];
}
