/**
 * The installable on-change trigger: logs what the on-edit trigger never sees, rows and columns
 * inserted or removed and tabs added, removed or renamed, on every tab, with who, where and how many.
 * Google's event says only the kind of change (changeType) and who, not where, so:
 * - the tab is the one the person is looking at (the source's active sheet), for rows and columns;
 *   for tabs, the one whose id or name differs from what was seen last;
 * - how many: the change in the tab's size since the last change seen there, else what is selected;
 * - which rows or columns: what the person has selected, where Sheets leaves the rows it inserted and
 *   the place of those it removed. Approximate (a trigger that runs late sees the selection of then),
 *   so the log says "(ước lượng)" unless the selection and the change in size agree.
 * Inserting, removing or moving columns, or renaming a tab, also makes the add-in read its column marks
 * again (tab-columns.ts). Edits are the on-edit trigger's to log.
 */
import { appendChanges, type LoggedChange } from "./change-log";
import { currentPeople, getPlan, loadSettings } from "./context";
import { forgetColumns } from "./tab-columns";
import { readTabs } from "./sheets-batch";
import { columnLetter } from "./unit-tab";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SEEN = "ks.tabs";
/** A tab as last seen: name, then (once a row or column change was seen there) rows and columns. */
type Seen = [string, number?, number?];

function loadSeen(): Record<string, Seen> {
  try {
    return JSON.parse(PropertiesService.getDocumentProperties().getProperty(SEEN) ?? "{}") as Record<
      string,
      Seen
    >;
  } catch (_) {
    return {};
  }
}

function saveSeen(seen: Record<string, Seen>): void {
  PropertiesService.getDocumentProperties().setProperty(SEEN, JSON.stringify(seen));
}

/** Every tab's id and name, as the next change will compare them (kept sizes stay). */
function tabsNow(ss: Spreadsheet, seen: Record<string, Seen>): Record<string, Seen> {
  const now: Record<string, Seen> = {};
  for (const sheet of ss.getSheets()) {
    const id = String(sheet.getSheetId());
    const name = sheet.getName();
    const was = seen[id];
    now[id] = was && was[0] === name ? was : [name];
  }
  return now;
}

/**
 * Setup's: the tabs as they are, unless already known (a change since would then be lost); every tab's
 * id and name in one spreadsheets.get rather than two calls per tab, or none when setup, which has just
 * read and made them, gives them (`tabs`).
 */
export function rememberTabs(ss: Spreadsheet, tabs?: ReadonlyMap<string, { sheetId: number }>): void {
  if (PropertiesService.getDocumentProperties().getProperty(SEEN) !== null) return;
  const now: Record<string, Seen> = {};
  for (const [name, tab] of tabs ?? readTabs(ss)) now[String(tab.sheetId)] = [name];
  saveSeen(now);
}

function span(word: string, first: number, n: number, label: (i: number) => string | number): string {
  return `${word} ${label(first)}${n > 1 ? `–${label(first + n - 1)}` : ""}`;
}

/** Rows or columns inserted or removed on the tab the person is looking at. */
function linesOf(
  type: string,
  sheet: Sheet,
  seen: Record<string, Seen>,
): Omit<LoggedChange, "at" | "user">[] {
  const rows = type.endsWith("_ROW");
  const id = String(sheet.getSheetId());
  const now: Seen = [sheet.getName(), sheet.getMaxRows(), sheet.getMaxColumns()];
  const was = seen[id];
  seen[id] = now;
  const selected = SpreadsheetApp.getActiveRange();
  const first = rows ? selected.getRow() : selected.getColumn();
  const count = rows ? selected.getNumRows() : selected.getNumColumns();
  const i = rows ? 1 : 2;
  const delta = was?.[i] !== undefined && was[0] === now[0] ? Math.abs(now[i]! - was[i]!) : 0;
  const n = delta || count;
  const where = rows ? span("dòng", first, n, (r) => r) : span("cột", first, n, columnLetter);
  const what = `${type.startsWith("INSERT") ? "Chèn" : "Xoá"} ${n} ${rows ? "dòng" : "cột"}`;
  return [
    {
      tab: now[0],
      a1: delta === count ? where : `${where} (ước lượng)`,
      oldValue: "",
      newValue: `${what} (trang có ${now[i]} ${rows ? "dòng" : "cột"})`,
      cells: 1,
    },
  ];
}

/** Tabs added, removed or renamed since last seen; an OTHER change with none of these is said as such. */
function tabLines(
  type: string,
  ss: Spreadsheet,
  seen: Record<string, Seen>,
): [Omit<LoggedChange, "at" | "user">[], Record<string, Seen>] {
  const now = tabsNow(ss, seen);
  const lines: Omit<LoggedChange, "at" | "user">[] = [];
  const line = (tab: string, oldValue: string, newValue: string) =>
    lines.push({ tab, a1: "", oldValue, newValue, cells: 1 });
  for (const [id, [name]] of Object.entries(now)) {
    const was = seen[id];
    if (!was && type === "INSERT_GRID") line(name, "", "Thêm trang");
    else if (was && was[0] !== name) line(name, was[0], `Đổi tên trang (trước là "${was[0]}")`);
  }
  for (const [id, [name]] of Object.entries(seen)) if (!now[id]) line(name, "", "Xoá trang");
  if (lines.length === 0) {
    const what = type === "OTHER" ? "Thay đổi khác (di chuyển, sắp xếp, nhóm dòng/cột…)" : `Thay đổi ${type}`;
    line(ss.getActiveSheet().getName(), "", what);
  }
  return [lines, now];
}

export function handleChange(e: GoogleAppsScript.Events.SheetsOnChange): void {
  const type = String(e.changeType);
  if (type === "EDIT" || type === "FORMAT") return;
  if (!type.endsWith("_ROW")) forgetColumns();
  const ss = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
  let seen = loadSeen();
  let lines: Omit<LoggedChange, "at" | "user">[];
  if (type.endsWith("_ROW") || type.endsWith("_COLUMN")) lines = linesOf(type, ss.getActiveSheet(), seen);
  else [lines, seen] = tabLines(type, ss, seen);
  saveSeen(seen);
  const user = e.user ? e.user.getEmail().toLowerCase() : "";
  const at = new Date();
  const people = currentPeople(ss, loadSettings(getPlan()));
  appendChanges(
    ss,
    lines.map((l) => ({ ...l, at, user })),
    people.office,
  );
}
