/**
 * "Thiết lập / sửa bảng tính": idempotent set-up and repair. Puts the spreadsheet in Vietnamese and
 * Vietnam's time zone, creates missing tabs (taking over Google's empty first sheet), writes missing
 * headers, freezes them, sets formats, dropdowns and number rules, column widths and protections.
 * It never changes, moves or deletes an entered value: where the layout is damaged in a way it cannot
 * mend without touching data, it says so instead. Triggers are main.ts's (who installs them matters).
 */
import type { CellValue } from "../core/cell";
import type { Column } from "../core/columns";
import { adoptByHeader, byMarks, headerKey, matchHeaders, unitColumns } from "../core/columns";
import type { PlanChanges, PlanVersion } from "../core/plan-versions";
import { archivedUnits, formerHeaders } from "../core/plan-versions";
import { HEADER_BACKGROUND } from "../core/layout";
import { quoteCell } from "../core/parse";
import type { Plan, Unit } from "../core/plan";
import { SYSTEM_TABS } from "../core/plan";
import type { Settings } from "../core/settings";
import type { LogLayout } from "../core/tables";
import { CHANGE_LOG_LAYOUT, SEND_LOG_LAYOUT } from "../core/tables";
import { applyProtections, protectArchived } from "./protect";
import { settingsViewRequests, writeSettingsView } from "./settings-view";
import type { ColumnCheck, TabHead, TabState } from "./sheets-batch";
import {
  checkColumns,
  freezeHeader,
  headerCells,
  headerStyle,
  markRequests,
  readHeads,
  readTabs,
  widthRequests,
} from "./sheets-batch";
import { forgetColumns, setupMarks } from "./tab-columns";
import { layoutLog } from "./table";
import { logRequests } from "./table-batch";
import { columnLetter } from "./unit-tab";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const NUMBER_FORMAT: Partial<Record<Column["kind"], GoogleAppsScript.Sheets.Schema.NumberFormat>> = {
  date: { type: "DATE", pattern: "dd/MM/yyyy" },
  whole: { type: "NUMBER", pattern: "#,##0" },
  money: { type: "NUMBER", pattern: "#,##0" },
  // Plain text: "=…" typed in a content cell stays text and never becomes a formula.
  text: { type: "TEXT", pattern: "@" },
};

/** What setup knows of the plan's history: earlier versions and this run's changes. */
export interface PlanHistory {
  earlier: readonly PlanVersion[];
  changes: PlanChanges | null;
}

const ARCHIVED_TAB_COLOR = "#999999";

export interface SetupReport {
  created: string[];
  repaired: string[];
  problems: string[];
  /** Every tab's name and id as setup left them (the commune's setup), for whoever needs them next. */
  tabs?: ReadonlyMap<string, { sheetId: number }>;
}

/** A column's rule, as the Sheets API writes it (SpreadsheetApp's requireValueInList, …). */
function validationFor(column: Column): GoogleAppsScript.Sheets.Schema.DataValidationRule | null {
  // Not strict: a wrong value is kept (and marked by the edit trigger), never refused: nothing typed is lost.
  const rule = (type: string, values: string[] = []) => ({
    condition:
      values.length > 0
        ? { type, values: values.map((userEnteredValue) => ({ userEnteredValue })) }
        : { type },
    inputMessage: column.helpText,
  });
  if ((column.kind === "list" || column.kind === "yesno") && column.options && column.options.length > 0) {
    // The dropdown: a list's "custom UI".
    return { ...rule("ONE_OF_LIST", [...column.options]), showCustomUi: true };
  }
  if (column.kind === "whole" || column.kind === "money") return rule("NUMBER_GREATER_THAN_EQ", ["0"]);
  if (column.kind === "date") return rule("DATE_IS_VALID");
  return null;
}

/**
 * Lays out one unit tab. Returns the number of columns the tab uses. Missing headers are written only
 * into cells of empty columns; a header someone typed over is reported, not overwritten.
 */
function layoutUnitTab(
  sheet: () => Sheet,
  title: string,
  tab: TabState,
  head: TabHead | undefined,
  created: boolean,
  plan: Plan,
  unit: Unit,
  report: SetupReport,
  history: PlanHistory,
  batch: GoogleAppsScript.Sheets.Schema.Request[],
  checks: ColumnCheck[],
): number {
  const columns = unitColumns(plan, unit);
  // A tab made in this run is known empty: nothing of it is read. Any other's header was read with every
  // other unit tab's in one request (sheets-batch.ts readHeads); its last column is asked for only when
  // the header is empty or a column must be placed (entries may lie beyond the header).
  let lastColumn = created ? 0 : (head?.header.length ?? sheet().getLastColumn());
  if (!created && head && lastColumn === 0) lastColumn = sheet().getLastColumn();
  // A tab with anything in it has a last column: its last row is read only when a column is placed.
  const hasContent = lastColumn > 0;
  let width = Math.max(lastColumn, columns.length);
  const header: CellValue[] = hasContent
    ? head
      ? Array.from({ length: width }, (_, c) => head.header[c] ?? "")
      : (sheet().getSheetValues(1, 1, 1, width)[0] as CellValue[])
    : new Array(width).fill("");
  // The header read through the API ends at its last value: before the tab's entries are read to place
  // or tell apart columns, the tab's true last column.
  let widened = !head || created || !hasContent;
  const widen = () => {
    if (widened) return;
    widened = true;
    const last = sheet().getLastColumn();
    if (last > width) {
      header.push(...new Array<CellValue>(last - width).fill(""));
      width = last;
    }
  };
  // The whole tab's values (as getValues gives them: dates as dates) are read only when a column has
  // to be placed or told apart, to be sure of what is there.
  let values: CellValue[][] | null = null;
  const all = () =>
    (values ??= hasContent
      ? (sheet().getRange(1, 1, sheet().getLastRow(), width).getValues() as CellValue[][])
      : []);
  const columnIsEmpty = (c: number) => all().every((row) => row[c] === "" || row[c] === undefined);
  // The add-in's columns are those it marked (tab-columns.ts); a sheet of an earlier version's are
  // adopted by header text, then marked.
  const marking = setupMarks(sheet, unit, created, tab.sheetId, head?.marks);
  if (!marking.marks) widen();
  // A marked column beyond the header's last value (its header emptied) is still within the header row.
  for (const at of Object.values(marking.marks ?? {}))
    if (at !== undefined && at >= width) {
      header.push(...new Array<CellValue>(at + 1 - width).fill(""));
      width = at + 1;
    }
  const matched = marking.marks
    ? byMarks(columns, header, marking.marks)
    : adoptByHeader(columns, header, () => all().slice(1));
  const { indexByKey } = matched;
  let { missing, unknown } = matched;
  let changedHeader = false;
  // A column relabelled in the plan keeps its place and data: its old header is rewritten.
  const renamed = (history.changes?.renamedColumns ?? []).filter((r) => r.tabName === unit.tabName);
  for (const r of renamed) {
    const at = unknown.find((u) => headerKey(u.text) === headerKey(r.from));
    const column = missing.find((c) => c.elementId === r.elementId);
    if (!at || !column) continue;
    header[at.index] = column.header;
    indexByKey[column.key] = at.index;
    missing = missing.filter((c) => c !== column);
    unknown = unknown.filter((u) => u !== at);
    changedHeader = true;
  }
  // A marked column's header: written again when emptied or relabelled in the plan, reported when typed over.
  const formerLabels = new Set(renamed.map((r) => headerKey(r.from)));
  for (const column of columns) {
    const at = indexByKey[column.key];
    if (at === undefined || matchHeaders([column], [header[at] ?? ""]).missing.length === 0) continue;
    if (header[at] === "" || header[at] === undefined || formerLabels.has(headerKey(header[at]))) {
      header[at] = column.header;
      changedHeader = true;
    } else {
      report.problems.push(
        `Trang "${unit.tabName}": cột ${columnLetter(at + 1)} là cột "${column.header}" của tiện ích nhưng tiêu đề đã bị sửa thành ${quoteCell(String(header[at]))}; ` +
          "tiện ích vẫn dùng cột này. Nên gõ lại đúng tiêu đề để mọi người khỏi nhầm.",
      );
    }
  }
  // Columns of an earlier version of the plan keep their data and are not the office's mistake.
  const former = new Set([...formerHeaders(unit.id, history.earlier)].map(headerKey));
  unknown = unknown.filter((u) => !former.has(headerKey(u.text)));

  if (missing.length > 0) widen();
  let nextFree = header.length;
  for (const column of missing) {
    // Preferred place: the column's position in the plan's order, if nothing at all is there.
    const preferred = columns.indexOf(column);
    const taken = new Set(Object.values(indexByKey));
    const free =
      preferred < header.length &&
      !taken.has(preferred) &&
      columnIsEmpty(preferred) &&
      header[preferred] === ""
        ? preferred
        : (() => {
            while (nextFree < width && (taken.has(nextFree) || !columnIsEmpty(nextFree))) nextFree++;
            return nextFree++;
          })();
    while (header.length <= free) header.push("");
    header[free] = column.header;
    indexByKey[column.key] = free;
    changedHeader = true;
    if (hasContent) report.repaired.push(`Trang "${unit.tabName}": thêm cột "${column.header}".`);
  }
  for (const extra of unknown) {
    report.problems.push(
      `Trang "${unit.tabName}": cột ${columnLetter(extra.index + 1)} có tiêu đề ${quoteCell(extra.text)} không thuộc kế hoạch; ` +
        "số liệu trong cột này được giữ nguyên nhưng không được tính." +
        (marking.marks
          ? ""
          : " Nếu đó là một cột của kế hoạch bị sửa tiêu đề, hãy gõ lại đúng tiêu đề (xem ghi chú ở các ô tiêu đề)."),
    );
  }
  // A tab made in this run's batch is written by it (below); any other's header now.
  if (changedHeader && !created) sheet().getRange(1, 1, 1, header.length).setValues([header]);
  marking.mark(indexByKey, (add) => batch.push(...markRequests(tab.sheetId, add)));

  const used = header.length;
  const maxRows = Math.max(tab.rows ?? sheet().getMaxRows(), 2);
  const headerNotes: string[] = new Array(used).fill("");
  // Each of the plan's columns, below the header: its rule and format, checked cell by cell after every
  // tab is laid out (sheets-batch.ts checkColumns) and written only where they differ; the whole column
  // when the tab is new or row 2's help text is not the plan's. Columns that are not the plan's (added by
  // hand) keep theirs.
  const widths: number[] = [];
  for (const column of columns) {
    const at = indexByKey[column.key];
    if (at === undefined) continue;
    headerNotes[at] = column.helpText;
    widths[at] = column.width;
    const rule = validationFor(column);
    const help = rule !== null && head?.help[at] !== column.helpText;
    checks.push({
      title,
      sheetId: tab.sheetId,
      rows: maxRows,
      column: at,
      rule,
      format: NUMBER_FORMAT[column.kind],
      whole: created || !head || help,
    });
  }
  // Widths, header notes and header style are set when the header is written (a new tab, a column
  // added or renamed) or the plan changed; a run that finds the header as it was leaves the widths
  // people may have adjusted, and saves a call per column (issue 17).
  const relaid = changedHeader || !hasContent || history.changes !== null;
  if (relaid) {
    batch.push(...widthRequests(tab.sheetId, widths), headerStyle(tab.sheetId, used, HEADER_BACKGROUND));
    if (created) batch.push(headerCells(tab.sheetId, header, headerNotes));
    else sheet().getRange(1, 1, 1, used).setNotes([headerNotes]);
  }
  if (tab.frozen !== 1) batch.push(freezeHeader(tab.sheetId));
  return used;
}

/** Google's name for a new spreadsheet's first sheet, in the languages a commune may have. */
const FIRST_SHEET = /^(Trang tính|Sheet|Hoja|Feuille|Tabelle|Foglio|Página|Planilha|Blad|Arkusz|Лист)\s?1$/;

/** Google's empty first sheet ("Trang tính1", "Sheet1"), if it is still there and still empty. */
function spareFirstSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet | null {
  const sheet = ss.getSheets().find((s) => FIRST_SHEET.test(s.getName()));
  if (!sheet || sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) return null;
  return sheet;
}

/** Spreadsheets whose spare first sheet was looked for in this execution: there is one at most. */
const spareSought = new WeakSet<object>();

/** The tab called `name`, made if missing (the upper level's setup: no batch). */
export function ensureSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  report: SetupReport,
): Sheet {
  return ensureTab(ss, name, report).sheet();
}

/** The tab `tabs` knows as `name`, whatever its case (Google finds a tab by name so): its title and state. */
function findTab(tabs: Map<string, TabState>, name: string): [string, TabState] | undefined {
  const exact = tabs.get(name);
  if (exact) return [name, exact];
  const lower = name.toLowerCase();
  return [...tabs].find(([n]) => n.toLowerCase() === lower);
}

/**
 * A new tab's grid as Google's insertSheet makes it, asked for in addSheet so that its rows are known
 * without a call.
 */
const NEW_GRID = { rowCount: 1000, columnCount: 26 };

/**
 * An id for a tab added in a batch, known before the batch is sent so that its later requests can name
 * it: large as Google's, from the title (the same each run, unlike a counter, reusing no other tab's
 * id: a tab deleted keeps its id out of a new tab of another name).
 */
function newSheetId(title: string, tabs: Map<string, TabState>): number {
  const taken = new Set([...tabs.values()].map((t) => t.sheetId));
  for (let attempt = 0; ; attempt++) {
    let h = 0;
    for (const ch of `${title}:${attempt}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
    const id = (h % 2_000_000_000) + 1;
    if (!taken.has(id)) return id;
  }
}

/**
 * The tab called `name`, and whether this run made it. With `tabs` (read at the start, which learns a
 * tab made now) its state too, and a tab known to exist is looked up only when something of it is
 * written (a check that finds nothing to change costs no call here). With `adds` too, a missing tab is
 * made by requests put there (addSheet, or Google's empty first sheet renamed), sent at the head of
 * setup's one batchUpdate: such a tab does not exist until then, and whatever is written into it must
 * be a request of the same batch (its `sheet` throws).
 */
function ensureTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  report: SetupReport,
  tabs?: Map<string, TabState>,
  adds?: GoogleAppsScript.Sheets.Schema.Request[],
): { sheet: () => Sheet; tab: TabState; created: boolean } {
  const known = tabs ? findTab(tabs, name)?.[1] : undefined;
  const existing = tabs ? null : ss.getSheetByName(name);
  if (existing)
    return { sheet: () => existing, tab: { sheetId: -1, frozen: 0, protections: [] }, created: false };
  if (known) {
    let found: Sheet | null = null;
    const sheet = () => {
      found ??= ss.getSheetByName(name);
      if (!found) throw new Error(`Không tìm thấy trang "${name}": hãy chạy lại Thiết lập.`);
      return found;
    };
    return { sheet, tab: known, created: false };
  }
  report.created.push(`Tạo trang "${name}".`);
  if (tabs && adds) {
    const tab = addTab(ss, name, tabs, adds);
    const sheet = () => {
      throw new Error(`Trang "${name}" chưa được tạo: hãy chạy lại Thiết lập.`);
    };
    return { sheet, tab, created: true };
  }
  // The new spreadsheet's empty first sheet becomes the first tab rather than lingering; looked for
  // once (each look reads every sheet's name).
  const spare = spareSought.has(ss) ? null : spareFirstSheet(ss);
  spareSought.add(ss);
  const sheet = spare ? spare.setName(name) : ss.insertSheet(name);
  const tab: TabState = { sheetId: tabs ? sheet.getSheetId() : -1, frozen: 0, protections: [] };
  tabs?.set(name, tab);
  return { sheet: () => sheet, tab, created: true };
}

/**
 * Makes tab `name` by a request into `adds`: Google's empty first sheet renamed when it is still there
 * (looked for once, by the name `tabs` gives it: two calls to see it empty), else a new sheet at the
 * end of the list. `tabs` learns it.
 */
function addTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  tabs: Map<string, TabState>,
  adds: GoogleAppsScript.Sheets.Schema.Request[],
): TabState {
  const first = spareSought.has(ss) ? undefined : [...tabs.keys()].find((t) => FIRST_SHEET.test(t));
  spareSought.add(ss);
  const spare = first === undefined ? null : ss.getSheetByName(first);
  if (first !== undefined && spare && spare.getLastRow() === 0 && spare.getLastColumn() === 0) {
    const tab = tabs.get(first)!;
    tabs.delete(first);
    tabs.set(name, tab);
    adds.push({
      updateSheetProperties: { properties: { sheetId: tab.sheetId, title: name }, fields: "title" },
    });
    return tab;
  }
  const tab: TabState = {
    sheetId: newSheetId(name, tabs),
    frozen: 0,
    rows: NEW_GRID.rowCount,
    columns: NEW_GRID.columnCount,
    protections: [],
  };
  tabs.set(name, tab);
  adds.push({ addSheet: { properties: { sheetId: tab.sheetId, title: name, gridProperties: NEW_GRID } } });
  return tab;
}

const LOCALE = "vi_VN";
const TIME_ZONE = "Asia/Ho_Chi_Minh";

/**
 * Typed dates and numbers are read by the spreadsheet's locale ("05/04/2023" is 4 May in en_US,
 * "1.234" is 1.234) and dates fall on the day of its time zone: the add-in reads them the Vietnamese
 * way, so the spreadsheet must be in vi_VN and Asia/Ho_Chi_Minh.
 */
export function localise(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report: SetupReport): void {
  const locale = ss.getSpreadsheetLocale();
  if (locale !== LOCALE) {
    ss.setSpreadsheetLocale(LOCALE);
    report.repaired.push(
      `Đặt ngôn ngữ bảng tính là Tiếng Việt (trước là ${locale}) để ngày gõ dạng 05/04/2023 là 5 tháng 4 và 1.234 là một nghìn hai trăm ba mươi tư.`,
    );
  }
  const zone = ss.getSpreadsheetTimeZone();
  if (zone !== TIME_ZONE) {
    ss.setSpreadsheetTimeZone(TIME_ZONE);
    report.repaired.push(
      `Đặt múi giờ bảng tính là giờ Việt Nam (trước là ${zone}) để ngày nhập không lệch một ngày.`,
    );
  }
}

/** The logs, and how much of each one's head setup reads to see it laid out (its header's width). */
const LOGS = [
  [SYSTEM_TABS.changeLog, CHANGE_LOG_LAYOUT],
  [SYSTEM_TABS.sendLog, SEND_LOG_LAYOUT],
] as const;

/**
 * A log that exists, laid out (table.ts layoutLog) unless its head, read with the unit tabs' (`head`),
 * shows a header and a wrapped row 2: then no call.
 */
function layoutExistingLog(sheet: () => Sheet, layout: LogLayout, head: TabHead | undefined): void {
  if (head && head.header.length > 0 && head.wrapped) return;
  layoutLog(sheet(), layout);
}

/** Tabs of units the plan no longer has: kept, greyed, noted and made the office's only. */
function archiveTabs(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: Plan,
  history: PlanHistory,
  office: readonly string[],
): void {
  const removed = [...(history.changes?.removedUnits ?? []), ...archivedUnits(plan, history.earlier)];
  const seen = new Set<string>();
  for (const unit of removed) {
    if (seen.has(unit.id)) continue;
    seen.add(unit.id);
    const sheet = ss.getSheetByName(unit.tabName);
    if (!sheet) continue;
    if (sheet.getTabColor() !== ARCHIVED_TAB_COLOR) {
      sheet.setTabColor(ARCHIVED_TAB_COLOR);
      sheet
        .getRange(1, 1)
        .setNote(
          `LƯU TRỮ: đơn vị "${unit.name}" không còn trong kế hoạch. Trang được giữ nguyên số liệu cho các kỳ đã qua; chỉ văn phòng sửa được.`,
        );
    }
    protectArchived(sheet, office);
  }
}

export function setupSpreadsheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: Plan,
  settings: Settings,
  office: readonly string[],
  history: PlanHistory = { earlier: [], changes: null },
): SetupReport {
  const report: SetupReport = { created: [], repaired: [], problems: [] };
  localise(ss, report);
  // What SpreadsheetApp wrote before (the plan tab, renamed tabs, the locale) reaches the sheet before the
  // API reads it.
  SpreadsheetApp.flush();
  // One read of every tab's id, frozen rows and protections, one of every unit tab's first rows, a few of
  // the plan's columns' rules and formats; the writes the API does in one go (missing tabs made, a new
  // tab's cells, rules, formats, widths, column marks, frozen rows, protections) gathered into one
  // batchUpdate at the end, the tabs it makes at its head.
  const tabs = readTabs(ss);
  // The logs' first two rows come in the same get as the unit tabs': a log laid out is then left with
  // no call.
  const logTitles = new Map(
    LOGS.flatMap(([name, layout]) => {
      const title = findTab(tabs, name)?.[0];
      return title === undefined ? [] : [[title, layout.header.length] as const];
    }),
  );
  const heads = readHeads(
    ss,
    tabs,
    [...plan.units.flatMap((u) => findTab(tabs, u.tabName)?.[0] ?? []), ...logTitles.keys()],
    logTitles,
  );
  const headOf = (name: string) => heads.get(findTab(tabs, name)?.[0] ?? name);
  const adds: GoogleAppsScript.Sheets.Schema.Request[] = [];
  const batch: GoogleAppsScript.Sheets.Schema.Request[] = [];
  const checks: ColumnCheck[] = [];
  const widths = new Map<string, number>();
  for (const unit of plan.units) {
    const title = findTab(tabs, unit.tabName)?.[0] ?? unit.tabName;
    const { sheet, tab, created } = ensureTab(ss, unit.tabName, report, tabs, adds);
    widths.set(
      unit.tabName,
      layoutUnitTab(sheet, title, tab, heads.get(title), created, plan, unit, report, history, batch, checks),
    );
  }
  // The plan's rules and formats of every unit tab, read as few cells at a time as the size allows.
  batch.push(...checkColumns(ss, checks));
  archiveTabs(ss, plan, history, office);
  // A system tab made now is laid out by requests of the batch that makes it; one that exists, as before.
  const system = (name: string) => {
    const made = ensureTab(ss, name, report, tabs, adds);
    return { ...made, rows: made.tab.rows ?? NEW_GRID.rowCount };
  };
  const view = system(SYSTEM_TABS.settings);
  if (view.created) batch.push(...settingsViewRequests(view.tab.sheetId, view.rows, plan, settings));
  else writeSettingsView(view.sheet(), plan, settings);
  const changeLog = system(SYSTEM_TABS.changeLog);
  if (changeLog.created)
    batch.push(...logRequests(changeLog.tab.sheetId, changeLog.rows, CHANGE_LOG_LAYOUT), {
      updateSheetProperties: {
        properties: { sheetId: changeLog.tab.sheetId, hidden: true },
        fields: "hidden",
      },
    });
  else {
    layoutExistingLog(changeLog.sheet, CHANGE_LOG_LAYOUT, headOf(SYSTEM_TABS.changeLog));
    if (!changeLog.tab.hidden) changeLog.sheet().hideSheet();
  }
  const sendLog = system(SYSTEM_TABS.sendLog);
  if (sendLog.created) batch.push(...logRequests(sendLog.tab.sheetId, sendLog.rows, SEND_LOG_LAYOUT));
  else layoutExistingLog(sendLog.sheet, SEND_LOG_LAYOUT, headOf(SYSTEM_TABS.sendLog));
  // The rollup tab exists (and is protected) before the first rollup is written into it.
  system(SYSTEM_TABS.rollup);
  try {
    applyProtections(ss, plan, settings, office, widths, tabs, [...adds, ...batch]);
  } catch (e) {
    // The column marks kept as written (tab-columns.ts) were not: read them again from the sheets.
    forgetColumns();
    throw e;
  }
  report.tabs = tabs;
  return report;
}
