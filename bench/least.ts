/**
 * The least work each benchmarked action needs, written by hand: an Apps Script program the bench
 * builds with esbuild and runs in the same emulator, on the same spreadsheet, counted the same way. It
 * does what the add-in must do (the same validation, marks, status, who and when, log line; the same
 * rollup and tab) and nothing the add-in adds for safety or generality: no roles, no guard, no column
 * marks or kept layouts (the columns are where setup put them, given as constants), no locks for
 * approved periods. So the add-in's figure over this one is its overhead.
 */
import type { CellValue } from "../src/core/cell";
import { collectEntries } from "../src/core/collect";
import type { ColumnIndex } from "../src/core/columns";
import { entryRow, markRows, statusText } from "../src/core/marks";
import { todayIso } from "../src/core/periods";
import { entryRuleChecker, rowsMeetRules, withRuleIssues } from "../src/core/rules";
import { CHANGE_LOG_LAYOUT, logRow } from "../src/core/tables";
import { readUnitTab, validateEntry } from "../src/core/validate";
import type { BlockCells } from "../src/gas/edit-cells";
import { appendRequest, markedRequests, readBlockCells, send } from "../src/gas/edit-cells";
import { periodsUpTo, writeRollupTab } from "../src/gas/rollup";
import { readColumns } from "../src/gas/sheets-read";
import { computeRollup } from "../src/core/rollup";
import { loadDefaultPlan } from "../src/plans";

/** Where setup put each unit tab's columns, by sheet id: injected by the bench (esbuild define). */
declare const LEAST_TABS: Record<string, { tab: string; unit: string; at: ColumnIndex; width: number }>;

const plan = loadDefaultPlan();
const rule = "cutoff" as const;
const LOG = "Nhật ký sửa";

function letters(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * The marks of `rows` (a unit tab's whole rows from `first`, as read) as Sheets API requests: the block's
 * notes and colours from the read the caller made (`cells`), the cross-field rules over the period with
 * the tab's other rows (`others`, read whole only when the rows have a figure a rule compares).
 */
function marks(
  tab: (typeof LEAST_TABS)[string],
  sheetId: number,
  first: number,
  rows: CellValue[][],
  cells: BlockCells,
  user: string,
  others: () => CellValue[][],
  at = new Date(),
): GoogleAppsScript.Sheets.Schema.Request[] {
  const unit = plan.units.find((u) => u.id === tab.unit)!;
  const today = todayIso(new Date());
  let read = readUnitTab(plan, unit, [[], ...rows], { today, rule }, tab.at);
  if (rowsMeetRules(plan, unit, rows, tab.at)) {
    const all = others();
    const outside = [all[0] ?? [], ...all.slice(1, first - 1), ...all.slice(first - 1 + rows.length)];
    const counted = readUnitTab(plan, unit, outside, { today, rule }, tab.at).rows.flatMap((r) =>
      r.entry ? [r.entry] : [],
    );
    const own = read.rows.flatMap((r) => (r.entry ? [r.entry] : []));
    read = withRuleIssues(read, entryRuleChecker(plan, unit, [...counted, ...own], rule));
  }
  const marked = markRows(read, rows, cells.notes, cells.backgrounds, { user, at });
  return markedRequests(sheetId, first, cells, rows, marked);
}

export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const a1 = e.range.getA1Notation();
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1)!;
  const row = Number(m[2]);
  const rows = m[4] ? Number(m[4]) - row + 1 : 1;
  const columns = m[3] ? letters(m[3]) - letters(m[1]!) + 1 : 1;
  const id = e.range.getGridId();
  const tab = LEAST_TABS[String(id)];
  const user = e.user ? e.user.getEmail() : "";
  const cells = rows * columns;
  const line = [
    new Date(),
    user,
    tab?.tab ?? "",
    a1,
    cells === 1 ? (e.oldValue ?? "") : "",
    cells === 1 ? (e.value ?? "") : `${cells} ô được sửa`,
  ];
  if (!tab || row + rows <= 2) {
    e.source.getSheetByName(LOG)!.appendRow(line);
    return;
  }
  // The block's values (SpreadsheetApp gives dates as Dates), then its notes and colours, the zone and
  // the log's id in one spreadsheets.get; marks, status, who, when and the log line in one batchUpdate.
  const first = Math.max(row, 2);
  const column = letters(m[1]!);
  const block = e.range.offset(first - row, 1 - column, row + rows - first, tab.width);
  const values = block.getValues() as CellValue[][];
  const ssId = e.source.getId();
  const read = readBlockCells(ssId, tab.tab, first, values.length, tab.width, LOG);
  const whole = () =>
    e.range.offset(1 - row, 1 - column, read.rowCount, tab.width).getValues() as CellValue[][];
  const requests = marks(tab, id, first, values, read, user, whole);
  requests.push(appendRequest(read.logSheetId!, [logRow(CHANGE_LOG_LAYOUT, line)], read.timeZone));
  send(ssId, requests);
}

/** On-change: edits are the on-edit handler's; the bench makes no structural change. */
export function onChangeInstalled(): void {}

/** The sidebar's submission: validate, append the row with its status, who and when, log. */
export function submitLeast(unitId: string, fields: Record<string, string>, office: boolean): number {
  const tab = Object.values(LEAST_TABS).find((t) => t.unit === unitId)!;
  const unit = plan.units.find((u) => u.id === unitId)!;
  const checked = validateEntry(plan, unit, fields, { today: todayIso(new Date()), rule });
  if (!checked.entry) return 0;
  const user = Session.getEffectiveUser().getEmail();
  const row = entryRow(checked.entry, unit, tab.at, tab.width);
  row[tab.at.status!] = statusText(checked.issues);
  row[tab.at.enteredBy!] = user;
  const at = new Date();
  row[tab.at.updatedAt!] = at;
  const lock = LockService.getDocumentLock();
  lock.waitLock(15000);
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName(tab.tab)!;
    sheet.appendRow(row);
    const n = sheet.getLastRow();
    if (checked.issues.length > 0) {
      // The Sheets API reads what SpreadsheetApp wrote once it is flushed.
      SpreadsheetApp.flush();
      const ssId = ss.getId();
      const cells = readBlockCells(ssId, tab.tab, n, 1, tab.width);
      send(
        ssId,
        marks(tab, cells.sheetId, n, [row], cells, user, () => [], at),
      );
    }
    const line = [new Date(), user, tab.tab, `A${n}`, "", "(nhập qua biểu mẫu)"];
    // Staff cannot write the office's log: their line waits (no Sheets call), as in the add-in.
    if (office) ss.getSheetByName(LOG)!.appendRow(line);
    else PropertiesService.getDocumentProperties().setProperty(`least.${n}`, JSON.stringify(line));
    SpreadsheetApp.flush();
    return n;
  } finally {
    lock.releaseLock();
  }
}

/**
 * "Ghi vào tab Tổng hợp": every tab's figure columns (each a prefix of its columns) in one batchGet, the
 * rollup and its history, the tab.
 */
export function rollupLeast(periodKey: string): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs = new Map<string, CellValue[][] | null>();
  const columns = new Map<string, ColumnIndex>();
  const reads: { unit: string; tab: string; width: number }[] = [];
  for (const t of Object.values(LEAST_TABS)) {
    const unit = plan.units.find((u) => u.id === t.unit)!;
    const figures = Object.entries(t.at).filter(
      ([k]) => k !== "content" && k !== "notes" && !/^(status|enteredBy|updatedAt)$/.test(k),
    );
    const width = Math.max(...figures.map(([, i]) => i! + 1));
    const at: ColumnIndex = Object.fromEntries(
      Object.entries(t.at).map(([k, i]) => [k, Math.min(i!, width)]),
    );
    reads.push({ unit: unit.id, tab: t.tab, width });
    columns.set(unit.id, at);
  }
  const values = readColumns(
    ss,
    reads.map((r) => ({ tab: r.tab, runs: [[0, r.width]] })),
  );
  for (const [i, r] of reads.entries()) tabs.set(r.unit, values[i]!);
  const today = todayIso(new Date());
  const { entries, problems } = collectEntries(plan, tabs, { today, rule, columns });
  const settings = { periodRule: rule } as Parameters<typeof periodsUpTo>[1];
  const history = periodsUpTo(plan, settings, periodKey).map((k) =>
    computeRollup(plan, entries, k, { rule, generatedAt: new Date().toISOString(), problems }),
  );
  writeRollupTab(ss, plan, history[history.length - 1]!, history);
}
