/**
 * What every hostile case is made of: the police tab of valid rows, the plan's other tabs, and ways to
 * spoil one cell, one tab or one part. Every string a "user" types carries a canary (QQX and a number)
 * that must never reach the HTML report or the export.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue } from "../../../core";
import { instantOfCivilDate, unitColumns } from "../../../core";
import { defaultPlan } from "../../../plans";
import type { RawSheet } from "../../xlsx/raw";
import { rawWorkbookBytes, rowXml } from "../../xlsx/raw";
import { columnLetter } from "../../xlsx/sheet";

export type Family =
  | "kiểu ô"
  | "chuỗi dị thường"
  | "dạng Unicode"
  | "trang tính"
  | "dòng tiêu đề"
  | "gộp ô"
  | "ô ở xa"
  | "tệp hỏng/độc hại"
  | "liên kết";

export interface HostileCase {
  id: string;
  family: Family;
  /** "readable": check 0/1, rollup 0; "unreadable": every command exit code 2. */
  expect: "readable" | "unreadable";
  /** Writes the input (and anything around it) into `dir`; returns the input's file name. */
  make(dir: string): string;
  /** Extra argument lists to run, with the exit code each must give (`{in}` is the input's name). */
  extra?: { argv: string[]; code: number; inputUnchanged?: boolean }[];
  /** Too slow for the test suite's share (the command runs it). */
  slow?: boolean;
}

export const plan = defaultPlan;
export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
let canaries = 0;

/** Starts the canaries again, so the same corpus has the same strings. */
export function resetCanaries(): void {
  canaries = 0;
}

/** A fresh canary for text written as raw XML. */
export function canary(): string {
  return `QQX${++canaries}`;
}
/** A typed string with a canary the HTML must never hold. */
export function typed(s: string): string {
  return `${s} QQX${++canaries}`;
}

export function headerOf(unitId: string): string[] {
  const unit = plan.units.find((u) => u.id === unitId);
  return unit ? unitColumns(plan, unit).map((c) => c.header) : [];
}

export const POLICE_HEADER = headerOf("congAnXa");
const col = (header: string) => POLICE_HEADER.indexOf(header);
export const DATE = 0;
export const TASK = 1;
export const YESNO = 3;
export const WORKERS = col("Tổng số người lao động tại cơ sở kinh doanh dịch vụ (người)");
export const REACHED = col("Người lao động tại cơ sở được tuyên truyền (người)");
export const CONTENT = col("Nội dung");
export const NOTES = col("Ghi chú");
export const TASKS = plan.units[0]?.tasks ?? [];

export function serial(iso: string): number {
  return Math.round((instantOfCivilDate(iso).getTime() + 7 * 3600_000) / 86_400_000) + 25569;
}

/** Three valid police rows; `row(i)` gives a fresh copy to spoil. */
export function policeRow(i: number): CellValue[] {
  const row: CellValue[] = new Array(POLICE_HEADER.length).fill(null);
  row[DATE] = ["2023-03-20", "2023-04-28", "2023-05-20"][i] ?? "2023-05-21";
  row[TASK] = TASKS[i % TASKS.length] ?? null;
  row[WORKERS] = i === 0 ? 1500 : null;
  row[REACHED] = [12, 10, 8][i] ?? 1;
  row[CONTENT] = typed("Tuyên truyền tại thôn");
  return row;
}

/** A cell's XML: dates ("YYYY-MM-DD" strings in the date column) as styled serial numbers. */
export function cell(ref: string, v: CellValue, c: number): string {
  if (v === null) return "";
  if (c === DATE && typeof v === "string" && /^\d{4}-\d\d-\d\d$/.test(v)) {
    return `<c r="${ref}" s="1"><v>${serial(v)}</v></c>`;
  }
  return rowXml(1, [v instanceof Date ? String(v) : v])
    .replace(/<row r="1">|<\/row>/g, "")
    .replace('r="A1"', `r="${ref}"`);
}

/** Rows from row 1; a string starting with "<c" is taken as the raw XML of that cell. */
export function rowsXml(rows: CellValue[][], first = 1): string {
  return rows
    .map((row, r) => {
      const n = first + r;
      const cells = row.map((v, c) => {
        const ref = columnLetter(c + 1) + n;
        if (typeof v === "string" && v.startsWith("<c ")) return v.replace("{ref}", ref);
        return cell(ref, v, c);
      });
      return `<row r="${n}">${cells.join("")}</row>`;
    })
    .join("");
}

export function otherTabs(): RawSheet[] {
  return plan.units.slice(1).map((u) => ({ name: u.tabName, rows: rowsXml([headerOf(u.id)]) }));
}

export function policeTab(rows: CellValue[][], extra: Partial<RawSheet> = {}): RawSheet {
  return { name: "Công an xã", rows: rowsXml(rows), ...extra };
}

export function tidyRows(): CellValue[][] {
  return [POLICE_HEADER, policeRow(0), policeRow(1), policeRow(2)];
}

/** A case's file name: its id without folders ("kieu-o/ngay-so-am" → "kieu-o_ngay-so-am"). */
export function fileName(id: string): string {
  return id.replace(/\//g, "_");
}

export function writer(name: string, bytes: () => Uint8Array) {
  return (dir: string) => {
    writeFileSync(join(dir, name), bytes());
    return name;
  };
}

export function readable(
  id: string,
  family: Family,
  sheets: () => RawSheet[],
  more: Partial<HostileCase> = {},
): HostileCase {
  return {
    id,
    family,
    expect: "readable",
    make: writer(`${fileName(id)}.xlsx`, () => rawWorkbookBytes({ sheets: sheets() })),
    ...more,
  };
}

export function unreadable(
  id: string,
  family: Family,
  bytes: () => Uint8Array,
  more: Partial<HostileCase> = {},
): HostileCase {
  return { id, family, expect: "unreadable", make: writer(`${fileName(id)}.xlsx`, bytes), ...more };
}

/** The tidy workbook with one police cell replaced (row 2..4 are data rows; `c` a column index). */
export function withCell(id: string, family: Family, r: number, c: number, v: CellValue): HostileCase {
  return readable(id, family, () => {
    const rows = tidyRows();
    (rows[r] as CellValue[])[c] = v;
    return [policeTab(rows), ...otherTabs()];
  });
}
