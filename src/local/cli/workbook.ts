/**
 * A downloaded workbook seen through the plan: which tab is which unit's, where its header row is, and
 * from there the same reading the add-in does (core's readUnitTab / collectEntries), with row numbers
 * that are the workbook's own so a problem can be found in the file.
 *
 * People decorate sheets: a merged title and a blank line above the header are common, so the header is
 * the row among the first few that matches most of the plan's column headers, not necessarily row 1.
 */
import type { CellValue, CollectedEntries, PeriodKey, PeriodRule, Plan, Rollup, Unit } from "../../core";
import { collectEntries, computeRollup, foldText, matchHeaders, todayIso, unitColumns } from "../../core";
import { defaultPlan } from "../../plans";
import type { XlsxBook, XlsxSheet } from "../xlsx/read";
import { readXlsxFile } from "../xlsx/read";

/** How far down a header row is looked for. */
export const HEADER_SEARCH_ROWS = 30;

export interface LocatedTab {
  unit: Unit;
  /** The workbook's tab, or null when the workbook has no tab for this unit. */
  sheet: XlsxSheet | null;
  /** 1-based row of the header in the workbook (1 when the tab is missing or empty). */
  headerRow: number;
  /** The tab's values from the header row down: what readUnitTab expects. */
  values: CellValue[][] | null;
}

function nfcLower(s: string): string {
  return s.normalize("NFC").toLowerCase();
}

/**
 * A unit's tab: by exact name, then ignoring case (as Sheets compares tab names), then ignoring
 * diacritics and spacing too (a tab renamed "Cong an xa" is still the police's).
 */
export function findSheet(book: XlsxBook, tabName: string): XlsxSheet | null {
  return (
    book.sheets.find((s) => s.name === tabName) ??
    book.sheets.find((s) => nfcLower(s.name) === nfcLower(tabName)) ??
    book.sheets.find((s) => foldText(s.name) === foldText(tabName)) ??
    null
  );
}

/**
 * The 0-based index of the header row: the row among the first HEADER_SEARCH_ROWS that matches the
 * most plan columns (at least two, so a title that happens to say "Ngày" is not taken for it);
 * otherwise the first row that is not empty.
 */
export function findHeaderRow(plan: Plan, unit: Unit, values: CellValue[][]): number {
  const columns = unitColumns(plan, unit);
  let best = -1;
  let bestScore = 1;
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const score = Object.keys(matchHeaders(columns, values[r] ?? []).indexByKey).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  const firstFilled = values.findIndex((row) => row.some((v) => v !== null && String(v).trim() !== ""));
  return Math.max(firstFilled, 0);
}

export function locateTabs(plan: Plan, book: XlsxBook): LocatedTab[] {
  return plan.units.map((unit) => {
    const sheet = findSheet(book, unit.tabName);
    if (!sheet) return { unit, sheet: null, headerRow: 1, values: null };
    if (sheet.values.length === 0) return { unit, sheet, headerRow: 1, values: [[]] };
    const at = findHeaderRow(plan, unit, sheet.values);
    return { unit, sheet, headerRow: at + 1, values: sheet.values.slice(at) };
  });
}

export interface ReadContext {
  /** Today in Vietnam, "YYYY-MM-DD": later dates are refused as the add-in refuses them. */
  today: string;
  rule?: PeriodRule;
}

/**
 * Every unit's valid entries and the problems found, exactly as the add-in collects them, with row
 * numbers counted in the workbook (they differ from core's only when the header is not in row 1).
 */
export function collectWorkbook(plan: Plan, tabs: readonly LocatedTab[], ctx: ReadContext): CollectedEntries {
  const byUnit = new Map<string, CellValue[][] | null>(tabs.map((t) => [t.unit.id, t.values]));
  const collected = collectEntries(plan, byUnit, ctx);
  const offset = new Map(tabs.map((t) => [t.unit.id, t.headerRow - 1]));
  for (const p of collected.problems) {
    if (p.rowNumber !== null && p.unitId !== null) p.rowNumber += offset.get(p.unitId) ?? 0;
  }
  return collected;
}

export interface RollupWorkbookOptions {
  /** The reporting month, "YYYY-MM". */
  month: PeriodKey;
  /** Defaults to the plan's rule. */
  rule?: PeriodRule;
  /** The clock: today's date for validation and the rollup's generatedAt. Defaults to now. */
  now?: Date;
  /** Defaults to the plan the add-in ships with. */
  plan?: Plan;
}

/** The rollup of a workbook already read, as the add-in computes it from the same values. */
export function rollupBook(book: XlsxBook, opts: RollupWorkbookOptions): Rollup {
  const plan = opts.plan ?? defaultPlan;
  const rule = opts.rule ?? plan.periodRule;
  const now = opts.now ?? new Date();
  const collected = collectWorkbook(plan, locateTabs(plan, book), { today: todayIso(now), rule });
  return computeRollup(plan, collected.entries, opts.month, {
    rule,
    generatedAt: now.toISOString(),
    problems: collected.problems,
  });
}

/** Reads an .xlsx file (never writing to it) and computes the rollup of a month: core's Rollup object. */
export async function rollupWorkbook(path: string, opts: RollupWorkbookOptions): Promise<Rollup> {
  return rollupBook(await readXlsxFile(path), opts);
}
