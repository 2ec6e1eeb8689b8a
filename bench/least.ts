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
import { readUnitTab, validateEntry } from "../src/core/validate";
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

function changed<T>(a: readonly (readonly T[])[], b: readonly (readonly T[])[]): boolean {
  return a.some((row, r) => row.some((v, c) => v !== b[r]![c]));
}

/** Marks `rows` (the values of `block`, a unit tab's whole rows) and writes status, who and when. */
function mark(
  block: GoogleAppsScript.Spreadsheet.Range,
  tab: (typeof LEAST_TABS)[string],
  rows: CellValue[][],
  user: string,
  at = new Date(),
): void {
  const unit = plan.units.find((u) => u.id === tab.unit)!;
  const notes = block.getNotes();
  const backgrounds = block.getBackgrounds();
  const read = readUnitTab(plan, unit, [[], ...rows], { today: todayIso(new Date()), rule }, tab.at);
  const marked = markRows(read, rows, notes, backgrounds, { user, at });
  if (changed(marked.notes, notes)) block.setNotes(marked.notes);
  if (changed(marked.backgrounds, backgrounds)) block.setBackgrounds(marked.backgrounds as string[][]);
  const status = tab.at.status!;
  const script = rows.map((_, r) => [0, 1, 2].map((k) => marked.scriptColumns.get(status + k)?.[r] ?? ""));
  const same = script.every((line, r) => line.every((v, k) => v === rows[r]![status + k]));
  if (!same) block.offset(0, status, rows.length, 3).setValues(script);
}

export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const a1 = e.range.getA1Notation();
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1)!;
  const row = Number(m[2]);
  const rows = m[4] ? Number(m[4]) - row + 1 : 1;
  const columns = m[3] ? letters(m[3]) - letters(m[1]!) + 1 : 1;
  const tab = LEAST_TABS[String(e.range.getGridId())];
  const user = e.user ? e.user.getEmail() : "";
  if (tab && row + rows > 2) {
    const first = Math.max(row, 2);
    const block = e.range.offset(first - row, 1 - letters(m[1]!), row + rows - first, tab.width);
    mark(block, tab, block.getValues() as CellValue[][], user);
  }
  const cells = rows * columns;
  e.source
    .getSheetByName(LOG)!
    .appendRow([
      new Date(),
      user,
      tab?.tab ?? "",
      a1,
      cells === 1 ? (e.oldValue ?? "") : "",
      cells === 1 ? (e.value ?? "") : `${cells} ô được sửa`,
    ]);
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
    if (checked.issues.length > 0) mark(sheet.getRange(n, 1, 1, tab.width), tab, [row], user, at);
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
