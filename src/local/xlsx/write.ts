/**
 * Writing cell values (as the add-in's getValues gives them) into an .xlsx workbook: used by the
 * benchmark and tests to build workbooks, and by anyone who wants a sheet's values as a file.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../core";
import { toWallClock } from "./dates";

export interface TabValues {
  name: string;
  /** Row 1 first. Dates are instants (midnight in Vietnam for a plain date); null or "" is empty. */
  values: CellValue[][];
  /** Ranges to merge, e.g. "A1:F1" for a title above the header. */
  merges?: string[];
}

const DATE_FORMAT = "dd/mm/yyyy";
const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm:ss";
const DAY_MS = 86400 * 1000;

function isMidnight(wall: Date): boolean {
  return wall.getTime() % DAY_MS === 0;
}

/** Adds one tab; Date cells get a day/month/year format so spreadsheets show them as dates. */
export function addTab(wb: ExcelJS.Workbook, tab: TabValues): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(tab.name);
  tab.values.forEach((row, r) => {
    const xrow = ws.getRow(r + 1);
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const cell = xrow.getCell(c + 1);
      if (v instanceof Date) {
        const wall = toWallClock(v);
        cell.value = wall;
        cell.numFmt = isMidnight(wall) ? DATE_FORMAT : DATE_TIME_FORMAT;
      } else cell.value = v;
    });
  });
  for (const range of tab.merges ?? []) ws.mergeCells(range);
  return ws;
}

export function workbookFromTabs(tabs: readonly TabValues[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const tab of tabs) addTab(wb, tab);
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
