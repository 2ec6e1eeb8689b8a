/**
 * A downloaded workbook seen through the plan: which tab is which unit's, where its header row is, and
 * from there the same reading the add-in does (core's readUnitTab / collectEntries), with row numbers
 * that are the workbook's own so a problem can be found in the file.
 *
 * People decorate sheets: a merged title and a blank line above the header are common, so the header is
 * the row among the first few that matches most of the plan's column headers, not necessarily row 1.
 * Only the tabs the plan names are read, and of those only the plan's columns below the header
 * (see xlsx/sheet.ts): a stray value in XFD1 of a 100,000-row tab costs nothing.
 */
import type {
  CellValue,
  CollectedEntries,
  DataProblem,
  PeriodKey,
  PeriodRule,
  Plan,
  Rollup,
  Unit,
} from "../../core";
import {
  collectEntries,
  computeRollup,
  foldText,
  matchHeaders,
  PLAN_TAB,
  planFromTabCells,
  SEND_LOG_HEADER,
  SYSTEM_TABS,
  todayIso,
  unitColumns,
} from "../../core";
import { defaultPlan } from "../../plans";
import type { XlsxWorkbook } from "../xlsx/read";
import { openXlsxFile, XlsxReadError } from "../xlsx/read";
import type { MergeRange, SheetRead } from "../xlsx/sheet";
import { columnLetter, HEAD_ROWS, MAX_COLUMNS } from "../xlsx/sheet";
import { clipText } from "./text";

/** How far down a header row is looked for. */
export const HEADER_SEARCH_ROWS = HEAD_ROWS;

export interface LocatedTab {
  unit: Unit;
  /** The workbook's tab name, or null when the workbook has no tab for this unit. */
  sheetName: string | null;
  /** 1-based row of the header in the workbook (1 when the tab is missing or empty). */
  headerRow: number;
  /**
   * The header row, then every row below it that holds something in the plan's columns: what
   * readUnitTab expects. Null when the tab is missing.
   */
  values: CellValue[][] | null;
  /** The 1-based workbook row of each row of `values`. */
  rowNumbers: number[];
  merges: MergeRange[];
}

/** Something about the file itself worth a warning (not about an entry). */
export interface WorkbookNote {
  unitId: string;
  /** The workbook's tab concerned. */
  sheetName: string;
  cell: string | null;
  message: string;
}

export interface PlanWorkbook {
  label: string;
  tabs: LocatedTab[];
  notes: WorkbookNote[];
  /** The add-in's send log tab as read (header first), or null without one: whether reports went. */
  sendLog: CellValue[][] | null;
}

function nfcLower(s: string): string {
  return s.normalize("NFC").toLowerCase();
}

/**
 * The tabs that could be a unit's, best first: the exact name, then ignoring case (as Sheets compares
 * tab names), then ignoring diacritics and spacing too (a tab renamed "Cong an xa" is still the police's).
 */
export function candidateSheets(names: readonly string[], tabName: string): number[] {
  const out: number[] = [];
  const add = (test: (n: string) => boolean) =>
    names.forEach((n, i) => {
      if (!out.includes(i) && test(n)) out.push(i);
    });
  add((n) => n === tabName);
  add((n) => nfcLower(n) === nfcLower(tabName));
  add((n) => foldText(n) === foldText(tabName));
  return out;
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
    const row = values[r] ?? [];
    // A row with fewer than two texts cannot beat the threshold; skipping it spares the matching.
    if (row.filter((v) => typeof v === "string").length < 2) continue;
    const score = Object.keys(matchHeaders(columns, row).indexByKey).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
    // Every column found: no later row can do better (ties keep the first), the usual row 1.
    if (score === columns.length) break;
  }
  if (best >= 0) return best;
  const firstFilled = values.findIndex((row) => row.some((v) => v !== null && String(v).trim() !== ""));
  return Math.max(firstFilled, 0);
}

interface TabRead {
  headerIndex: number;
  read: SheetRead;
}

/** Reads one sheet keeping only the plan's columns of `unit` below its header row. */
async function readUnitSheet(plan: Plan, unit: Unit, wb: XlsxWorkbook, index: number): Promise<TabRead> {
  let headerIndex = 0;
  const read = await wb.readSheet(index, {
    columnsFor(head) {
      headerIndex = findHeaderRow(plan, unit, head);
      const found = matchHeaders(unitColumns(plan, unit), head[headerIndex] ?? []).indexByKey;
      return Object.values(found) as number[];
    },
  });
  return { headerIndex, read };
}

function locate(unit: Unit, sheetName: string, tab: TabRead): LocatedTab {
  const { read, headerIndex } = tab;
  if (read.rows.length === 0) {
    return { unit, sheetName, headerRow: 1, values: [[]], rowNumbers: [1], merges: read.merges };
  }
  const header = read.rows.find((r) => r.row === headerIndex)?.cells ?? [];
  const values: CellValue[][] = [header];
  const rowNumbers = [headerIndex + 1];
  for (const r of read.rows) {
    if (r.row <= headerIndex) continue;
    values.push(r.cells);
    rowNumbers.push(r.row + 1);
  }
  return { unit, sheetName, headerRow: headerIndex + 1, values, rowNumbers, merges: read.merges };
}

function address(row: number, col: number): string {
  return columnLetter(col + 1) + (row + 1);
}

/** Reads the plan's tabs of a workbook, with warnings about what in the file could mislead. */
export async function readPlanWorkbook(plan: Plan, wb: XlsxWorkbook): Promise<PlanWorkbook> {
  const names = wb.sheets.map((s) => s.name);
  const tabs: LocatedTab[] = [];
  const notes: WorkbookNote[] = [];
  for (const unit of plan.units) {
    const [chosen, ...others] = candidateSheets(names, unit.tabName);
    if (chosen === undefined) {
      tabs.push({ unit, sheetName: null, headerRow: 1, values: null, rowNumbers: [], merges: [] });
      continue;
    }
    const sheetName = names[chosen] as string;
    const tab = await readUnitSheet(plan, unit, wb, chosen);
    const located = locate(unit, sheetName, tab);
    tabs.push(located);
    const note = (cell: string | null, message: string) =>
      notes.push({ unitId: unit.id, sheetName, cell, message });
    const { outside, uncachedFormulas, uncachedCount } = tab.read;
    if (outside.count > 0 && outside.farthest) {
      note(
        null,
        `Trang "${clipText(sheetName)}": ${outside.count} ô có dữ liệu nằm ngoài ${MAX_COLUMNS} cột đầu (xa nhất là ô ${address(outside.farthest.row, outside.farthest.col)}) nên không được đọc. ` +
          `Các cột của kế hoạch phải nằm trong ${MAX_COLUMNS} cột đầu; nếu đó là số liệu, hãy chuyển về đúng cột, nếu không hãy xoá các ô đó.`,
      );
    }
    const formulas = uncachedFormulas.filter((f) => f.row > tab.headerIndex);
    if (formulas.length > 0) {
      const shown = formulas.slice(0, 5).map((f) => address(f.row, f.col));
      const count = uncachedCount - (uncachedFormulas.length - formulas.length);
      note(
        shown[0] ?? null,
        `Trang "${clipText(sheetName)}": ${count} ô có công thức nhưng tệp không lưu kết quả đã tính (ô ${shown.join(", ")}${count > shown.length ? ", …" : ""}), nên được coi là trống. ` +
          "Hãy mở tệp bằng Google Trang tính hoặc Excel rồi tải xuống (hoặc lưu) lại để tệp có kết quả của công thức.",
      );
    }
    const dataRows = (t: LocatedTab) => Math.max(0, (t.values?.length ?? 1) - 1);
    for (const other of others) {
      const otherName = names[other] as string;
      const rows = dataRows(locate(unit, otherName, await readUnitSheet(plan, unit, wb, other)));
      if (rows === 0) continue;
      const empty = dataRows(located) === 0;
      note(
        null,
        `Trang "${clipText(otherName)}" có ${rows} dòng số liệu nhưng không được đọc: số liệu của ${unit.name} được đọc ở trang "${clipText(sheetName)}"${empty ? " (trang này còn trống)" : ""}, ` +
          `vì tên hai trang chỉ khác nhau ở dấu hoặc chữ hoa. Hãy chép số liệu sang trang "${clipText(sheetName)}" rồi xoá hoặc đổi tên trang "${clipText(otherName)}".`,
      );
    }
  }
  return { label: wb.label, tabs, notes, sendLog: await readSendLog(wb) };
}

/** The send log tab, dense (row 1 first), when the workbook has one: a few columns, one row a send. */
async function readSendLog(wb: XlsxWorkbook): Promise<CellValue[][] | null> {
  const at = candidateSheets(
    wb.sheets.map((s) => s.name),
    SYSTEM_TABS.sendLog,
  )[0];
  if (at === undefined) return null;
  const read = await wb.readSheet(at, { maxColumns: SEND_LOG_HEADER.length });
  const values: CellValue[][] = [];
  for (const r of read.rows) {
    while (values.length < r.row) values.push([]);
    values[r.row] = r.cells;
  }
  return values;
}

/**
 * Finds, for a cell, the merged range it lies in without being its top-left cell. Ranges are indexed by
 * column and sorted by their top row, so each look-up is a binary search (merged ranges of a real
 * sheet never overlap).
 */
export function mergeFinder(tab: LocatedTab): (row: number, col: number) => MergeRange | null {
  const byCol = new Map<number, MergeRange[]>();
  const kept = new Set<number>();
  for (const row of tab.values ?? []) {
    row.forEach((_, c) => {
      kept.add(c);
    });
  }
  for (const m of tab.merges) {
    for (const c of kept) {
      if (c < m.left || c > m.right) continue;
      const list = byCol.get(c) ?? [];
      if (list.length === 0) byCol.set(c, list);
      list.push(m);
    }
  }
  for (const list of byCol.values()) list.sort((a, b) => a.top - b.top);
  return (row, col) => {
    const list = byCol.get(col);
    if (!list) return null;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as MergeRange).top <= row) lo = mid + 1;
      else hi = mid;
    }
    const m = list[lo - 1];
    if (!m || row > m.bottom || (row === m.top && col === m.left)) return null;
    return m;
  };
}

/** A sentence for a problem at a cell that is empty only because it lies inside a merged range. */
export function mergeHint(m: MergeRange | null, row: number, col: number): string {
  if (!m) return "";
  const range = `${address(m.top, m.left)}:${address(m.bottom, m.right)}`;
  return ` Ô ${address(row, col)} nằm trong vùng gộp ô ${range}, nơi chỉ ô đầu ${address(m.top, m.left)} giữ giá trị; hãy bỏ gộp ô và ghi vào từng dòng.`;
}

export interface ReadContext {
  /** Today in Vietnam, "YYYY-MM-DD": later dates are refused as the add-in refuses them. */
  today: string;
  rule?: PeriodRule;
}

/**
 * Every unit's valid entries and the problems found, exactly as the add-in collects them, with row
 * numbers counted in the workbook, then the notes about the file itself as warnings.
 */
export function collectWorkbook(plan: Plan, book: PlanWorkbook, ctx: ReadContext): CollectedEntries {
  const byUnit = new Map<string, CellValue[][] | null>(book.tabs.map((t) => [t.unit.id, t.values]));
  const collected = collectEntries(plan, byUnit, ctx);
  const tabOf = new Map(book.tabs.map((t) => [t.unit.id, t]));
  const lookups = new Map<
    string,
    { find: ReturnType<typeof mergeFinder>; at: Partial<Record<string, number>> }
  >();
  for (const p of collected.problems) {
    const tab = p.unitId === null ? undefined : tabOf.get(p.unitId);
    if (!tab || p.rowNumber === null) continue;
    p.rowNumber = tab.rowNumbers[p.rowNumber - 1] ?? p.rowNumber;
    if (p.column === null || tab.merges.length === 0 || !tab.values) continue;
    let lookup = lookups.get(tab.unit.id);
    if (!lookup) {
      const at = matchHeaders(unitColumns(plan, tab.unit), tab.values[0] ?? []).indexByKey;
      lookup = { find: mergeFinder(tab), at };
      lookups.set(tab.unit.id, lookup);
    }
    const col = lookup.at[p.column];
    if (col !== undefined) p.message += mergeHint(lookup.find(p.rowNumber - 1, col), p.rowNumber - 1, col);
  }
  collected.problems.push(...book.notes.map(noteProblem));
  return collected;
}

function noteProblem(n: WorkbookNote): DataProblem {
  return {
    kind: "header",
    severity: "warning",
    unitId: n.unitId,
    rowNumber: null,
    column: null,
    message: n.message,
  };
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
export function rollupBook(book: PlanWorkbook, opts: RollupWorkbookOptions): Rollup {
  const plan = opts.plan ?? defaultPlan;
  const rule = opts.rule ?? plan.periodRule;
  const now = opts.now ?? new Date();
  const collected = collectWorkbook(plan, book, { today: todayIso(now), rule });
  return computeRollup(plan, collected.entries, opts.month, {
    rule,
    generatedAt: now.toISOString(),
    problems: collected.problems,
  });
}

/** Reads an .xlsx file's plan tabs (never writing to it). */
export async function readWorkbookFile(path: string, plan: Plan = defaultPlan): Promise<PlanWorkbook> {
  return readPlanWorkbook(plan, await openXlsxFile(path));
}

/** Reads an .xlsx file (never writing to it) and computes the rollup of a month: core's Rollup object. */
export async function rollupWorkbook(path: string, opts: RollupWorkbookOptions): Promise<Rollup> {
  return rollupBook(await readWorkbookFile(path, opts.plan ?? defaultPlan), opts);
}

/**
 * The workbook's "Kế hoạch" tab as the add-in's getValues would give it (dense, empty cells ""), or
 * null when the workbook has none (a file made before the plan lived in the sheet).
 */
export async function readPlanTabValues(wb: XlsxWorkbook): Promise<CellValue[][] | null> {
  const names = wb.sheets.map((s) => s.name);
  const [index] = candidateSheets(names, PLAN_TAB);
  if (index === undefined) return null;
  const read = await wb.readSheet(index);
  const width = Math.max(1, ...read.rows.map((r) => r.cells.length));
  const last = read.rows[read.rows.length - 1]?.row ?? -1;
  const values: CellValue[][] = Array.from({ length: last + 1 }, () => new Array<CellValue>(width).fill(""));
  for (const r of read.rows) {
    r.cells.forEach((v, c) => {
      if (v !== undefined && v !== null) (values[r.row] as CellValue[])[c] = v;
    });
  }
  return values;
}

/**
 * The plan a downloaded workbook carries in its "Kế hoạch" tab, checked as the add-in checks it; null
 * when it has no such tab. A tab with problems stops the command with every problem and its cell.
 */
export async function planOfWorkbook(wb: XlsxWorkbook): Promise<Plan | null> {
  const values = await readPlanTabValues(wb);
  if (values === null) return null;
  const read = planFromTabCells(values);
  if (read.ok) return read.plan;
  const shown = read.errors.slice(0, 30).map((e) => "  - " + e);
  const more = read.errors.length > 30 ? [`  … và ${read.errors.length - 30} lỗi khác.`] : [];
  throw new XlsxReadError(
    [
      `Trang "${PLAN_TAB}" của tệp "${wb.label}" có lỗi nên chưa dùng được:`,
      ...shown,
      ...more,
      "Hãy sửa trang đó trên Google Trang tính (chạy lại Thiết lập / sửa bảng tính để kiểm tra), tải tệp xuống lại; hoặc chỉ định kế hoạch bằng --plan TỆP.",
    ].join("\n"),
  );
}
