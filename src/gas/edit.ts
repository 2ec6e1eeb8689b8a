/**
 * The installable on-edit trigger: logs every edit a person makes, on any tab, then validates the rows
 * they edited on a unit tab (one cell, a row or a pasted block of hundreds) and marks them. Its calls
 * do not grow with the block (7 for any edit, 9 when the tab is read whole; docs/design-notes.md): where
 * the edit is, the tab (by id, its name and columns kept by tab-columns.ts), the block's values; its
 * notes and colours in one Sheets API read (edit-cells.ts); the marks that changed and the log line in
 * one batchUpdate, all or nothing, which never holds a typed value. When the block has figures a
 * cross-field rule compares, the whole tab's values too. When the API's per-minute quota is spent, the
 * same reads and writes go through SpreadsheetApp for the rest of the edit (more calls, no such limit).
 * A row staff type into a period the chairman approved stays as typed, marked, and is not counted.
 */
import type { CellValue } from "../core/cell";
import { SYSTEM_TABS } from "../core/plan";
import { rowsMeetRules } from "../core/rules";
import { lockContext } from "./approvals";
import type { LoggedChange } from "./change-log";
import { appendChange, waitChanges } from "./change-log";
import { currentPeople, getPlan, loadSettings, today, unitOfTab } from "./context";
import type { Block, EditCells } from "./edit-cells";
import { apiCells, isQuotaError, spreadsheetCells } from "./edit-cells";
import { keptTab, learnTab, tabColumns } from "./tab-columns";
import type { RuleContext } from "./unit-tab";
import { countedEntries, planMarks } from "./unit-tab";

type Range = GoogleAppsScript.Spreadsheet.Range;

function letters(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Where a range is, from its A1 notation (one call); a whole-row or whole-column one asks Google. */
function placeOf(range: Range): { a1: string; row: number; column: number; rows: number; columns: number } {
  const a1 = range.getA1Notation();
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!m) {
    const [row, column] = [range.getRow(), range.getColumn()];
    return { a1, row, column, rows: range.getNumRows(), columns: range.getNumColumns() };
  }
  const row = Number(m[2]);
  const column = letters(m[1]!);
  const rows = m[4] ? Number(m[4]) - row + 1 : 1;
  const columns = m[3] ? letters(m[3]) - column + 1 : 1;
  return { a1, row, column, rows, columns };
}

export function handleEdit(
  e: GoogleAppsScript.Events.SheetsOnEdit,
  learnt = false,
  io: EditCells = apiCells,
): void {
  const range = e.range;
  const place = placeOf(range);
  const id = String(range.getGridId());
  const sheetOf = () => range.getSheet();
  const kept = (!learnt && keptTab(id)) || learnTab(sheetOf(), id);
  const plan = getPlan();
  const unit = unitOfTab(plan, kept.n);
  const settings = loadSettings(plan);
  const ss = e.source;
  const people = currentPeople(ss, settings);
  const user = e.user ? e.user.getEmail().toLowerCase() : "";
  const change: LoggedChange = {
    at: new Date(),
    user,
    tab: kept.n,
    a1: place.a1,
    oldValue: e.oldValue,
    newValue: e.value,
    cells: place.rows * place.columns,
  };
  // Rows below the header that the edit touched.
  const first = Math.max(place.row, 2);
  const count = place.row + place.rows - first;
  if (!unit || count < 1) {
    appendChange(ss, change, people.office);
    return;
  }
  const locks = lockContext(people, settings);
  const stamp = { user, at: new Date() };
  const rule = settings.periodRule;
  const ssId = ss.getId();
  let way = io;
  // The API's per-minute quota spent (a burst of edits by all staff): this edit goes on through
  // SpreadsheetApp, so its marks and log line land now and the trigger does not fail.
  const step = <T>(run: (via: EditCells) => T): T => {
    try {
      return run(way);
    } catch (err) {
      if (way !== apiCells || !isQuotaError(err)) throw err;
      console.warn(`Hết hạn mức Sheets API mỗi phút; lần sửa này ghi bằng SpreadsheetApp. ${String(err)}`);
      way = spreadsheetCells;
      return run(way);
    }
  };
  let columns = tabColumns(sheetOf, plan, unit, { id, kept });
  let late = false;
  try {
    let write: (() => void) | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      const block: Block = {
        ss,
        ssId,
        tab: kept.n,
        sheetId: Number(id),
        row: first,
        rows: count,
        width: columns.width,
        range: range.offset(first - place.row, 1 - place.column, count, columns.width),
      };
      const rows = block.range.getValues() as CellValue[][];
      const cells = step((via) => via.read(block, SYSTEM_TABS.changeLog));
      // The tab's kept name is late (renamed a moment ago): learn it and start again, once.
      late = cells.sheetId !== Number(id) && !learnt;
      if (late) break;
      let rules: RuleContext | undefined;
      if (rowsMeetRules(plan, unit, rows, columns.indexByKey)) {
        // The rules judge a row with figures they compare together with the unit's other rows of its
        // period: the tab is read whole (row 1 to the grid's last), for those edits only.
        const values = range
          .offset(1 - place.row, 1 - place.column, cells.rowCount, columns.width)
          .getValues() as CellValue[][];
        const outside = [values[0] ?? [], ...values.slice(1, first - 1), ...values.slice(first - 1 + count)];
        rules = {
          rule,
          others: countedEntries(plan, unit, outside, columns.indexByKey, today(), rule, locks),
        };
      }
      // Typed dates the spreadsheet's locale may have read month first are marked (same read: no call).
      const { result, marked } = planMarks(
        plan,
        unit,
        columns,
        rows,
        cells,
        today(),
        stamp,
        locks,
        rules,
        cells.locale,
      );
      // Google applies the API's batch all or none, and it never holds a typed value: when it fails
      // for the quota, the same marks go through SpreadsheetApp.
      write = () => step((via) => via.write(block, cells, rows, marked, { change, office: people.office }));
      if (!result.recheck) break;
      columns = tabColumns(sheetOf, plan, unit, { id, refresh: true });
    }
    if (!late) write?.();
  } catch (err) {
    // Any other failure: nothing of the batch was applied (all or nothing), nothing typed is in it, and
    // the edit's log line waits for the next office execution.
    waitChanges([change]);
    throw err;
  }
  if (late) handleEdit(e, true, way);
}
