/**
 * The empty workbook `ke-hoach-sheet template` writes: one tab per unit, laid out as the add-in's
 * "Thiết lập / sửa bảng tính" lays out the Google Sheet (gas/setup.ts): the same tab names, headers
 * and column order (core's unitColumns), bold shaded header row with the help text as a note, frozen
 * header row, column widths, day/month/year and whole-number formats, text format for free text, and
 * the dropdowns and number rules as data validation that warns but never refuses (Sheets' allowInvalid).
 *
 * One difference the file format forces: an .xlsx dropdown written inline is limited to 255 characters
 * and cannot hold an item with a comma, and the plan's tasks have both. Such lists are kept in a hidden
 * tab ("Danh mục") and the dropdown points at its cells, which Google Sheets and Excel both follow.
 * The plan itself goes in the "Kế hoạch" tab, as the add-in writes it (core's planToTabCells), so that
 * the add-in's setup and the command line read the plan from the file. The add-in's other tabs
 * (Cài đặt, Nhật ký …) are created by its setup on first run.
 */
import ExcelJS from "exceljs";
import type { Column, Plan } from "../../core";
import { foldText, PLAN_TAB, planToTabCells, SYSTEM_TABS, unitColumns } from "../../core";
import { columnLetter } from "./sheet";

/** Rows a new Google Sheet has, and so the rows setup formats and validates. */
export const TEMPLATE_ROWS = 1000;
export const LISTS_TAB = "Danh mục";

const HEADER_FILL = "FFD9E2F3";
/** The formats setup sets (Sheets writes "dd/MM/yyyy"; in .xlsx "mm" next to "dd" is the month). */
export const TEMPLATE_FORMATS: Partial<Record<Column["kind"], string>> = {
  date: "dd/mm/yyyy",
  whole: "#,##0",
  money: "#,##0",
  text: "@",
};

/** Excel limits: an input message is at most 255 characters, its title 32. */
const PROMPT_MAX = 255;
const PROMPT_TITLE_MAX = 32;
const INLINE_LIST_MAX = 255;

/** Pixels (as setup gives Sheets) to Excel's width in characters of a 7-pixel digit plus padding. */
export function pixelsToWidth(px: number): number {
  return Math.round(((px - 5) / 7) * 100) / 100;
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return (space > max / 2 ? cut.slice(0, space) : cut) + "…";
}

/** An inline list formula, or null when Excel cannot hold the options inline. */
function inlineList(options: readonly string[]): string | null {
  if (options.some((o) => o.includes(",") || o.includes('"'))) return null;
  const formula = '"' + options.join(",") + '"';
  return formula.length <= INLINE_LIST_MAX ? formula : null;
}

function quoteSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

/** Keeps the hidden lists in one tab, one column per distinct list. */
class ListsTab {
  private readonly columns = new Map<string, { col: number; options: string[]; title: string }>();
  constructor(readonly name: string) {}
  ref(title: string, options: readonly string[]): string {
    const key = options.join("\u0000");
    let entry = this.columns.get(key);
    if (!entry) {
      entry = { col: this.columns.size + 1, options: [...options], title };
      this.columns.set(key, entry);
    }
    const letter = columnLetter(entry.col);
    return `${quoteSheet(this.name)}!$${letter}$2:$${letter}$${entry.options.length + 1}`;
  }
  get empty(): boolean {
    return this.columns.size === 0;
  }
  write(wb: ExcelJS.Workbook): void {
    const ws = wb.addWorksheet(this.name, { state: "hidden" });
    for (const { col, options, title } of this.columns.values()) {
      const head = ws.getCell(1, col);
      head.value = title;
      head.font = { bold: true };
      options.forEach((o, i) => {
        const cell = ws.getCell(i + 2, col);
        cell.numFmt = "@";
        cell.value = o;
      });
      ws.getColumn(col).width = 40;
    }
  }
}

function validationFor(column: Column, lists: ListsTab, listTitle: string): ExcelJS.DataValidation | null {
  const base = {
    allowBlank: true,
    // Sheets' allowInvalid: a wrong value is kept (the add-in marks it), never refused.
    showErrorMessage: false,
    showInputMessage: true,
    promptTitle: clip(column.header, PROMPT_TITLE_MAX),
    prompt: clip(column.helpText, PROMPT_MAX),
  };
  switch (column.kind) {
    case "list":
    case "yesno": {
      const options = column.options ?? [];
      if (options.length === 0) return null;
      const formula = inlineList(options) ?? lists.ref(listTitle, options);
      return { ...base, type: "list", formulae: [formula] };
    }
    case "whole":
    case "money":
      return { ...base, type: "decimal", operator: "greaterThanOrEqual", formulae: [0] };
    case "date":
      return {
        ...base,
        type: "date",
        operator: "greaterThanOrEqual",
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      };
    default:
      return null;
  }
}

/** exceljs keeps range validations on the sheet; its typings leave that property out. */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function listsTabName(plan: Plan): string {
  const taken = new Set([
    ...plan.units.map((u) => foldText(u.tabName)),
    ...Object.values(SYSTEM_TABS).map(foldText),
  ]);
  let name = LISTS_TAB;
  for (let i = 2; taken.has(foldText(name)); i++) name = `${LISTS_TAB} ${i}`;
  return name;
}

/** The template workbook for a plan (nothing written to disk). */
export function buildTemplate(plan: Plan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ke-hoach-sheet";
  wb.title = plan.title;
  const lists = new ListsTab(listsTabName(plan));
  for (const unit of plan.units) {
    const columns = unitColumns(plan, unit);
    const ws = wb.addWorksheet(unit.tabName, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    const validations = (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
    columns.forEach((column, i) => {
      const col = i + 1;
      const letter = columnLetter(col);
      const format = TEMPLATE_FORMATS[column.kind];
      const xcol = ws.getColumn(col);
      xcol.width = pixelsToWidth(column.width);
      if (format) {
        // The column's own style covers rows past the template's; each cell carries it too, as setup does.
        xcol.numFmt = format;
        for (let r = 2; r <= TEMPLATE_ROWS; r++) ws.getCell(r, col).numFmt = format;
      }
      const head = ws.getCell(1, col);
      head.value = column.header;
      head.style = {
        font: { bold: true },
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } },
        alignment: { wrapText: true, vertical: "middle" },
      };
      head.note = column.helpText;
      const rule = validationFor(column, lists, `${column.header} – ${unit.tabName}`);
      if (rule) validations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, rule);
    });
  }
  if (!lists.empty) lists.write(wb);
  addPlanTab(wb, plan);
  return wb;
}

/** The "Kế hoạch" tab: plain text cells (as setup formats it), titles and headers bold, header notes. */
function addPlanTab(wb: ExcelJS.Workbook, plan: Plan): void {
  const cells = planToTabCells(plan);
  const ws = wb.addWorksheet(PLAN_TAB);
  const bold = new Set([...cells.titleRows, ...cells.headerRows]);
  cells.values.forEach((row, r) => {
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.numFmt = "@";
      if (v !== "" && v !== null) cell.value = v instanceof Date ? v : typeof v === "number" ? String(v) : v;
      const note = cells.notes[r]?.[c];
      if (note) cell.note = note;
      if (bold.has(r) && v !== "") {
        cell.font = { bold: true };
        if (cells.headerRows.includes(r))
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
      }
    });
  });
  ws.getColumn(1).width = 28;
  for (let c = 2; c <= (cells.values[0]?.length ?? 1); c++) ws.getColumn(c).width = 24;
}
