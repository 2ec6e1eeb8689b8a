/**
 * The least work each benchmarked action needs, written by hand: an Apps Script program the bench
 * builds with esbuild and runs in the same emulator, on the same spreadsheet, counted the same way. It
 * does what the add-in must do (the same validation, marks, status, who and when, log line; the same
 * rollup and tab) and nothing the add-in adds for safety or generality: no roles, no guard, no column
 * marks or kept layouts (the columns are where setup put them, given as constants), no locks for
 * approved periods. So the add-in's figure over this one is its overhead. Setup's least (setupLeast,
 * setupCheckLeast, at the end) does write the column marks and protections: they are what setup is for.
 */
import type { CellValue } from "../src/core/cell";
import { collectEntries } from "../src/core/collect";
import type { Column, ColumnIndex } from "../src/core/columns";
import { COLUMN_MARK, unitColumns } from "../src/core/columns";
import { HEADER_BACKGROUND } from "../src/core/layout";
import { SYSTEM_TABS } from "../src/core/plan";
import { planToTabCells } from "../src/core/plan-tab";
import { defaultSettings } from "../src/core/settings";
import { entryRow, markRows, statusText } from "../src/core/marks";
import { parseDate } from "../src/core/parse";
import { instantOfCivilDate, serialOfInstant, todayIso } from "../src/core/periods";
import { entryRuleChecker, rowsMeetRules, withRuleIssues } from "../src/core/rules";
import type { LogLayout } from "../src/core/tables";
import { CHANGE_LOG_LAYOUT, logRow, SEND_LOG_LAYOUT, settingsTable } from "../src/core/tables";
import { readUnitTab, validateEntry } from "../src/core/validate";
import type { BlockCells } from "../src/gas/edit-cells";
import { appendRequest, markedRequests, readBlockCells, send } from "../src/gas/edit-cells";
import { periodsUpTo, writeRollupTab } from "../src/gas/rollup";
import {
  api,
  columnRequests,
  headerStyle,
  markRequests,
  rgbOf,
  sameRule,
  widthRequests,
} from "../src/gas/sheets-batch";
import { readColumns } from "../src/gas/sheets-read";
import { columnLetter } from "../src/gas/unit-tab";
import { tableRequests } from "../src/gas/table-batch";
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

// ---- "Thiết lập / sửa bảng tính" ----

type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type Rule = GoogleAppsScript.Sheets.Schema.DataValidationRule;

/** The descriptions of the protections setup makes: the add-in finds its own by them. */
const MARK = "ke-hoach-sheet";
const LOCALE = "vi_VN";
const TIME_ZONE = "Asia/Ho_Chi_Minh";
/** The plan tab's title and header rows' colours (gas/plan-tab.ts). */
const PLAN_TITLE_BACKGROUND = "#c9daf8";
const PLAN_HEADER_BACKGROUND = "#d9e2f3";

/** A column's rule as the add-in writes it: never strict (a wrong value is kept and marked). */
function ruleOf(column: Column): Rule | null {
  const rule = (type: string, values: string[] = []) => ({
    condition:
      values.length > 0
        ? { type, values: values.map((userEnteredValue) => ({ userEnteredValue })) }
        : { type },
    inputMessage: column.helpText,
  });
  if ((column.kind === "list" || column.kind === "yesno") && column.options && column.options.length > 0)
    return { ...rule("ONE_OF_LIST", [...column.options]), showCustomUi: true };
  if (column.kind === "whole" || column.kind === "money") return rule("NUMBER_GREATER_THAN_EQ", ["0"]);
  if (column.kind === "date") return rule("DATE_IS_VALID");
  return null;
}

const FORMAT_OF: Partial<Record<Column["kind"], GoogleAppsScript.Sheets.Schema.NumberFormat>> = {
  date: { type: "DATE", pattern: "dd/MM/yyyy" },
  whole: { type: "NUMBER", pattern: "#,##0" },
  money: { type: "NUMBER", pattern: "#,##0" },
  text: { type: "TEXT", pattern: "@" },
};

/** A layout's text as Sheets keeps it: the apostrophe that keeps it text is not part of the value. */
function textValue(v: CellValue): GoogleAppsScript.Sheets.Schema.ExtendedValue | undefined {
  if (v === null || v === "") return undefined;
  if (typeof v === "number") return { numberValue: v };
  if (typeof v === "boolean") return { boolValue: v };
  if (v instanceof Date) return undefined;
  return { stringValue: v.startsWith("'") ? v.slice(1) : v };
}

/** What setup makes, tab by tab, in the order the add-in leaves them: computed by core, as the add-in's. */
interface WantedTab {
  title: string;
  /** Unit tabs: the plan's columns in order. */
  columns?: Column[];
  unit?: (typeof plan.units)[number];
  frozen: number;
  hidden?: boolean;
}

function wantedTabs(): WantedTab[] {
  const units: WantedTab[] = plan.units.map((unit) => ({
    title: unit.tabName,
    columns: unitColumns(plan, unit),
    unit,
    frozen: 1,
  }));
  return [
    units[0]!,
    { title: SYSTEM_TABS.plan, frozen: 0 },
    ...units.slice(1),
    { title: SYSTEM_TABS.settings, frozen: settingsTable(plan, defaultSettings(plan)).frozenRows },
    { title: SYSTEM_TABS.changeLog, frozen: 1, hidden: true },
    { title: SYSTEM_TABS.sendLog, frozen: 1 },
    { title: SYSTEM_TABS.rollup, frozen: 0 },
  ];
}

function logOf(title: string) {
  return title === SYSTEM_TABS.changeLog
    ? CHANGE_LOG_LAYOUT
    : title === SYSTEM_TABS.sendLog
      ? SEND_LOG_LAYOUT
      : null;
}

/** A unit tab's contents: header with its notes and look, widths, each column's rule and format, marks. */
function unitTabRequests(sheetId: number, rows: number, columns: Column[]): Request[] {
  const header: CellData[] = columns.map((c) => ({
    userEnteredValue: { stringValue: c.header },
    note: c.helpText,
  }));
  return [
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: [{ values: header }],
        fields: "userEnteredValue,note",
      },
    },
    headerStyle(sheetId, columns.length, HEADER_BACKGROUND),
    ...widthRequests(
      sheetId,
      columns.map((c) => c.width),
    ),
    ...columns.flatMap((c, i) => columnRequests(sheetId, i, 1, rows, ruleOf(c), FORMAT_OF[c.kind])),
    ...markRequests(
      sheetId,
      columns.map((c, i) => [c.key, i]),
    ),
  ];
}

/** The plan tab: the plan as core lays it out, first row and section rows bold, their colours, widths. */
function planTabRequests(sheetId: number): Request[] {
  const cells = planToTabCells(plan);
  const title = new Set(cells.titleRows);
  const head = new Set(cells.headerRows);
  const rows = cells.values.map((r, i) => ({
    values: r.map((v, c): CellData => {
      const bold = i === 0 || title.has(i) || head.has(i);
      const bg = title.has(i) ? PLAN_TITLE_BACKGROUND : head.has(i) ? PLAN_HEADER_BACKGROUND : null;
      const cell: CellData = {};
      // The add-in writes the tab with SpreadsheetApp's setValues, which reads a date typed as text
      // ("15/03/2023") as Sheets reads a typed one: a date, shown dd/MM/yyyy. The same, said to the API.
      const date = typeof v === "string" && /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v) ? parseDate(v, "") : null;
      const value = date?.ok
        ? { numberValue: serialOfInstant(instantOfCivilDate(date.value).getTime()) }
        : textValue(v);
      if (value) cell.userEnteredValue = value;
      const note = cells.notes[i]?.[c];
      if (note) cell.note = note;
      if (bold || bg || date?.ok)
        cell.userEnteredFormat = {
          ...(bold ? { textFormat: { bold: true } } : {}),
          ...(bg ? { backgroundColorStyle: { rgbColor: rgbOf(bg) } } : {}),
          ...(date?.ok ? { numberFormat: { type: "DATE", pattern: "dd/MM/yyyy" } } : {}),
        };
      return cell;
    }),
  }));
  const width = cells.values[0]?.length ?? 1;
  return [
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows,
        fields: "userEnteredValue,note,userEnteredFormat",
      },
    },
    ...widthRequests(sheetId, [170, ...new Array<number>(Math.max(width - 1, 1)).fill(190)]),
  ];
}

/** A log tab: header, its look, widths, every row below wrapped and top-aligned, its column formats. */
function logTabRequests(sheetId: number, rows: number, layout: LogLayout): Request[] {
  const range = (r0: number, r1: number, c0: number, c1: number) => ({
    sheetId,
    startRowIndex: r0,
    endRowIndex: r1,
    startColumnIndex: c0,
    endColumnIndex: c1,
  });
  const width = layout.header.length;
  return [
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: [{ values: layout.header.map((h) => ({ userEnteredValue: { stringValue: h } })) }],
        fields: "userEnteredValue",
      },
    },
    {
      repeatCell: {
        range: range(0, 1, 0, width),
        cell: {
          userEnteredFormat: {
            textFormat: { bold: true },
            backgroundColorStyle: { rgbColor: rgbOf(HEADER_BACKGROUND) },
            verticalAlignment: "TOP",
          },
        },
        fields: "userEnteredFormat(textFormat.bold,backgroundColorStyle,verticalAlignment)",
      },
    },
    ...widthRequests(sheetId, layout.widths),
    {
      repeatCell: {
        range: range(1, rows, 0, width),
        cell: { userEnteredFormat: { wrapStrategy: "WRAP", verticalAlignment: "TOP" } },
        fields: "userEnteredFormat(wrapStrategy,verticalAlignment)",
      },
    },
    ...layout.formats.flatMap((pattern, c): Request[] =>
      pattern
        ? [
            {
              repeatCell: {
                range: range(1, rows, c, c + 1),
                cell: {
                  userEnteredFormat: {
                    numberFormat: { type: pattern === "@" ? "TEXT" : "DATE_TIME", pattern },
                  },
                },
                fields: "userEnteredFormat.numberFormat",
              },
            },
          ]
        : [],
    ),
  ];
}

/** The protections setup makes on a tab: unit tabs their staff's (none yet) and a header lock, the rest the office's. */
function protectionsOf(t: WantedTab, sheetId: number, office: string): Request[] {
  const editors = { users: [office.toLowerCase()], domainUsersCanEdit: false };
  const add = (description: string, range: GoogleAppsScript.Sheets.Schema.GridRange): Request => ({
    addProtectedRange: { protectedRange: { range, description, editors } },
  });
  if (!t.unit) return [add(`${MARK}: ${t.title}`, { sheetId })];
  return [
    add(`${MARK}: ${t.unit.name}`, { sheetId }),
    add(`${MARK}: tiêu đề`, {
      sheetId,
      startRowIndex: 0,
      endRowIndex: 1,
      startColumnIndex: 0,
      endColumnIndex: t.columns!.length,
    }),
  ];
}

/**
 * Setup on a new spreadsheet (its one empty first sheet, Google's "Trang tính1", taken over as the first
 * unit tab, as the add-in does), by hand: one spreadsheets.get (the sheets there and the spreadsheet's
 * locale and zone) and one batchUpdate that makes every tab as the add-in's setup leaves it: the plan
 * tab, each unit tab's header with its notes and look, frozen row, widths, each column's rule and number
 * format on every row, the column marks the add-in finds its columns by, the settings view (core's
 * table, written as the add-in writes it), the two logs (the change log hidden), the rollup tab, and
 * every protection. With SpreadsheetApp's getActiveSpreadsheet and getId, 4 Sheets calls.
 *
 * Left out, because they are not Sheets calls (the add-in's are not counted either): the plan, the
 * setup account, the kept column layouts and the tabs seen, stored as document properties, and the
 * triggers. Left out as the add-in's generality: roles and the guard, the plan tab read back and
 * checked, last year's carried settings, repair of a partly set-up sheet, the caps on what one request
 * reads. The locale and zone are set in the same batchUpdate only when they differ (in the bench's world
 * they are already Vietnam's, as the add-in finds them).
 */
export function setupLeast(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const id = ss.getId();
  const office = Session.getEffectiveUser().getEmail();
  const got = api().Spreadsheets.get(id, {
    fields: "properties(locale,timeZone),sheets.properties(sheetId,title)",
  });
  const existing = (got.sheets ?? []).map((s) => s.properties ?? {});
  const requests: Request[] = [];
  const p = got.properties ?? {};
  if (p.locale !== LOCALE || p.timeZone !== TIME_ZONE)
    requests.push({
      updateSpreadsheetProperties: {
        properties: { locale: LOCALE, timeZone: TIME_ZONE },
        fields: "locale,timeZone",
      },
    });
  let next = Math.max(0, ...existing.map((s) => s.sheetId ?? 0)) + 1;
  const rows = 1000;
  for (const [i, t] of wantedTabs().entries()) {
    let sheetId: number;
    const hidden = t.hidden ? ",hidden" : "";
    if (i === 0) {
      // Google's first sheet becomes the first unit tab.
      sheetId = existing[0]?.sheetId ?? 0;
      requests.push({
        updateSheetProperties: {
          properties: {
            sheetId,
            title: t.title,
            gridProperties: { frozenRowCount: t.frozen },
            hidden: !!t.hidden,
          },
          fields: `title,gridProperties.frozenRowCount${hidden}`,
        },
      });
    } else {
      sheetId = next++;
      requests.push({ addSheet: { properties: { sheetId, title: t.title } } });
      // The settings view's table freezes its own rows.
      if ((t.frozen > 0 && t.title !== SYSTEM_TABS.settings) || t.hidden)
        requests.push({
          updateSheetProperties: {
            properties: { sheetId, gridProperties: { frozenRowCount: t.frozen }, hidden: !!t.hidden },
            fields: [
              ...(t.frozen > 0 && t.title !== SYSTEM_TABS.settings ? ["gridProperties.frozenRowCount"] : []),
              ...(t.hidden ? ["hidden"] : []),
            ].join(","),
          },
        });
    }
    const log = logOf(t.title);
    if (t.columns) requests.push(...unitTabRequests(sheetId, rows, t.columns));
    else if (t.title === SYSTEM_TABS.plan) requests.push(...planTabRequests(sheetId));
    else if (t.title === SYSTEM_TABS.settings)
      requests.push(...tableRequests(sheetId, rows, settingsTable(plan, defaultSettings(plan))));
    else if (log) requests.push(...logTabRequests(sheetId, rows, log));
    requests.push(...protectionsOf(t, sheetId, office));
  }
  api().Spreadsheets.batchUpdate({ requests }, id);
}

/** The rows of the updateCells requests among `requests` that write from A1: what a tab's cells hold. */
function writtenRows(requests: Request[]): GoogleAppsScript.Sheets.Schema.RowData[] {
  return requests.flatMap((r) =>
    r.updateCells?.rows && r.updateCells.start?.rowIndex === 0 ? r.updateCells.rows : [],
  );
}

/** Whether the cells `got` (as spreadsheets.get gives them) hold the values of `want`, and nothing else. */
function sameValues(
  want: GoogleAppsScript.Sheets.Schema.RowData[],
  got: GoogleAppsScript.Sheets.Schema.RowData[],
): boolean {
  const key = (c: CellData | undefined) => JSON.stringify(c?.userEnteredValue ?? null);
  const rows = Math.max(want.length, got.length);
  for (let r = 0; r < rows; r++) {
    const [w, g] = [want[r]?.values ?? [], got[r]?.values ?? []];
    for (let c = 0; c < Math.max(w.length, g.length); c++) if (key(w[c]) !== key(g[c])) return false;
  }
  return true;
}

/**
 * Setup run again on a set-up spreadsheet, by hand: what must be compared to conclude that nothing is to
 * change, read in one spreadsheets.get (the locale and zone; each tab's frozen rows, hidden state and
 * protections with their editors; every unit tab's cells of the plan's columns, all rows: the header,
 * the rules with their help texts, the number formats, and the column marks; the plan tab's and the
 * settings view's values; each log's header and row 2's formats), compared with what setupLeast writes.
 * Returns the differences found, none on a sheet as setup leaves it; it writes nothing (a run that found
 * some would send setupLeast's requests for them in one batchUpdate: not measured). With getActiveSpreadsheet
 * and getId, 3 Sheets calls.
 *
 * Where it is less general than the add-in: the office is taken to be the owner (whom Google lists on
 * every protection), a missing tab fails the one read (the add-in would make it), and the read has no cap:
 * one request carries every unit tab's cells, entries included (what the add-in splits into requests of
 * 25,000 cells and, past 250,000, writes instead of reading; the bench counts calls, not bytes).
 */
export function setupCheckLeast(): string[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const id = ss.getId();
  const office = Session.getEffectiveUser().getEmail().toLowerCase();
  const tabs = wantedTabs();
  const last = (n: number) => columnLetter(Math.min(Math.max(n, 1), 26));
  const ranges = tabs.map((t) => {
    const log = logOf(t.title);
    const q = `'${t.title.replace(/'/g, "''")}'`;
    if (t.columns) return `${q}!A:${last(t.columns.length)}`;
    if (log) return `${q}!A1:${last(log.header.length)}2`;
    if (t.title === SYSTEM_TABS.rollup) return `${q}!A1`;
    return `${q}!A:Z`;
  });
  const got = api().Spreadsheets.get(id, {
    ranges,
    fields:
      "properties(locale,timeZone),sheets(properties(sheetId,title,hidden,gridProperties(rowCount,frozenRowCount))," +
      "protectedRanges(description,range,editors)," +
      "data(rowData.values(userEnteredValue,dataValidation,userEnteredFormat.numberFormat)," +
      "columnMetadata.developerMetadata(metadataKey,metadataValue)))",
  });
  const out: string[] = [];
  const p = got.properties ?? {};
  if (p.locale !== LOCALE || p.timeZone !== TIME_ZONE) out.push(`locale ${p.locale}, zone ${p.timeZone}`);
  const byTitle = new Map((got.sheets ?? []).map((s) => [s.properties?.title ?? "", s]));
  for (const t of tabs) {
    const s = byTitle.get(t.title);
    if (!s) {
      out.push(`${t.title}: missing`);
      continue;
    }
    const props = s.properties ?? {};
    const sheetId = props.sheetId ?? 0;
    const rows = props.gridProperties?.rowCount ?? 0;
    if ((props.gridProperties?.frozenRowCount ?? 0) !== t.frozen) out.push(`${t.title}: frozen rows`);
    if ((props.hidden ?? false) !== (t.hidden ?? false)) out.push(`${t.title}: hidden`);
    // Protections: each wanted one there, on the same range, with the same editors.
    const here = s.protectedRanges ?? [];
    for (const w of protectionsOf(t, sheetId, office)) {
      const want = w.addProtectedRange!.protectedRange!;
      // The API leaves a 0 index out, as any field at its default.
      const span = (g: GoogleAppsScript.Sheets.Schema.GridRange = {}) =>
        [g.startRowIndex ?? 0, g.endRowIndex, g.startColumnIndex ?? 0, g.endColumnIndex].join();
      const same = here.find((h) => h.description === want.description && span(h.range) === span(want.range));
      const users = new Set((same?.editors?.users ?? []).map((u) => u.toLowerCase()));
      const wanted = new Set(want.editors!.users!);
      if (
        !same ||
        same.editors?.domainUsersCanEdit === true ||
        users.size !== wanted.size ||
        [...users].some((u) => !wanted.has(u))
      )
        out.push(`${t.title}: protection "${want.description}"`);
    }
    const data = s.data?.[0] ?? {};
    const cells = data.rowData ?? [];
    if (t.columns) {
      const columns = t.columns;
      const header = cells[0]?.values ?? [];
      columns.forEach((c, i) => {
        if (header[i]?.userEnteredValue?.stringValue !== c.header) out.push(`${t.title}: header ${i + 1}`);
        const marks = data.columnMetadata?.[i]?.developerMetadata ?? [];
        if (!marks.some((m) => m.metadataKey === COLUMN_MARK && m.metadataValue === c.key))
          out.push(`${t.title}: mark of column ${i + 1}`);
        const rule = ruleOf(c);
        const pattern = FORMAT_OF[c.kind]?.pattern;
        for (let r = 1; r < rows; r++) {
          const cell = cells[r]?.values?.[i];
          const help = cell?.dataValidation?.inputMessage ?? "";
          if (!sameRule(cell?.dataValidation, rule) || help !== (rule?.inputMessage ?? ""))
            out.push(`${t.title}: rule of ${columnLetter(i + 1)}${r + 1}`);
          if (pattern !== undefined && cell?.userEnteredFormat?.numberFormat?.pattern !== pattern)
            out.push(`${t.title}: format of ${columnLetter(i + 1)}${r + 1}`);
        }
      });
      continue;
    }
    const log = logOf(t.title);
    if (log) {
      const written = writtenRows(logTabRequests(sheetId, rows, log));
      if (!sameValues(written, cells.slice(0, 1))) out.push(`${t.title}: header`);
      log.formats.forEach((f, c) => {
        if ((cells[1]?.values?.[c]?.userEnteredFormat?.numberFormat?.pattern ?? null) !== f)
          out.push(`${t.title}: format of ${columnLetter(c + 1)}2`);
      });
    } else if (t.title === SYSTEM_TABS.plan) {
      if (!sameValues(writtenRows(planTabRequests(sheetId)), cells)) out.push(`${t.title}: the plan`);
    } else if (t.title === SYSTEM_TABS.settings) {
      const table = tableRequests(sheetId, rows, settingsTable(plan, defaultSettings(plan)));
      if (!sameValues(writtenRows(table), cells)) out.push(`${t.title}: the settings`);
    }
  }
  return out;
}
