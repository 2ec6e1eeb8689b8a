/**
 * Where the add-in's columns are in each unit tab: found by the developer metadata setup puts on each
 * of them (core/columns.ts COLUMN_MARK), never by a header text someone can type. Reading the marks
 * costs a few calls per column, so what they say is kept in one document property by sheet id, with
 * each tab's name, and forgotten whenever a person inserts, removes or moves columns or renames a tab
 * (the on-change trigger, changes.ts). A sheet set up by an earlier version has no marks: its columns
 * are found by header text until setup marks them, and the add-in then writes only into cells holding
 * what it could itself have written (core/columns.ts mayOverwrite).
 */
import type { CellValue } from "../core/cell";
import type { ColumnIndex, ColumnKey } from "../core/columns";
import { COLUMN_MARK, matchHeaders, unitColumns } from "../core/columns";
import type { Plan, Unit } from "../core/plan";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const KEPT = "ks.columns";

/** One tab as kept: its name; for a unit tab its columns' places, or h when it has no marks yet. */
interface Kept {
  n: string;
  c?: ColumnIndex;
  h?: 1;
}
interface Store {
  /** Bumped each time the kept layouts are forgotten, so a late writer cannot bring one back. */
  e: number;
  t: Record<string, Kept>;
}

export interface TabColumns {
  indexByKey: ColumnIndex;
  /** Found by the add-in's marks; false: by header text, on a sheet set up by an earlier version. */
  marked: boolean;
  /** Read from the sheet's marks in this execution, not from the kept copy. */
  fresh: boolean;
  /** Columns 1..width hold every column found (at least the plan's count). */
  width: number;
}

function load(): Store {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(KEPT);
    const s = raw ? (JSON.parse(raw) as Store) : null;
    if (s && typeof s.e === "number" && s.t && typeof s.t === "object") return s;
  } catch (_) {
    // Unreadable: start again from the sheets.
  }
  return { e: 0, t: {} };
}

/** Adds what was learnt of one tab, unless the layouts were forgotten since `epoch`. */
function keep(id: string, kept: Kept, epoch: number): void {
  const now = load();
  if (now.e !== epoch) return;
  now.t[id] = kept;
  PropertiesService.getDocumentProperties().setProperty(KEPT, JSON.stringify(now));
}

/** Forgets every kept layout (columns or tabs changed); they are read again from the marks when needed. */
export function forgetColumns(): void {
  const epoch = load().e + 1;
  PropertiesService.getDocumentProperties().setProperty(KEPT, JSON.stringify({ e: epoch, t: {} }));
}

/** The add-in's marks in a sheet: column key → 0-based index; null when it has none. */
export function readMarks(sheet: Sheet): ColumnIndex | null {
  const found = sheet.createDeveloperMetadataFinder().withKey(COLUMN_MARK).find();
  if (found.length === 0) return null;
  const at: ColumnIndex = {};
  for (const m of found) {
    const key = m.getValue() as ColumnKey | null;
    const column = m.getLocation().getColumn();
    if (key && column && at[key] === undefined) at[key] = column.getColumn() - 1;
  }
  return at;
}

/**
 * Setup's: the marks of a unit tab as kept or read (null when it has none), then `mark` the columns it
 * placed or adopted that lack one, which also keeps the layout.
 */
export function setupMarks(
  sheet: () => Sheet,
  unit: Unit,
  created = false,
  sheetId?: number,
  read?: ColumnIndex | null,
): { marks: ColumnIndex | null; mark(at: ColumnIndex, write: (add: [ColumnKey, number][]) => void): void } {
  const store = load();
  const kept = Object.entries(store.t).find(([, k]) => k.n === unit.tabName && k.c);
  // `read`: the marks as the sheet has them (sheets-batch.ts readHeads), truer than the kept copy. A tab
  // made in this run has no marks yet.
  const marks = read !== undefined ? read : (kept?.[1].c ?? (created ? null : readMarks(sheet())));
  return {
    marks,
    mark(at, write) {
      const add = (Object.entries(at) as [ColumnKey, number][]).filter(([key, i]) => marks?.[key] !== i);
      // Into the caller's batch (sheets-batch.ts): SpreadsheetApp marks one column per call.
      if (add.length > 0) write(add);
      if (add.length > 0 || !kept || !sameIndex(kept[1].c ?? {}, at))
        keep(kept?.[0] ?? String(sheetId ?? sheet().getSheetId()), { n: unit.tabName, c: at }, store.e);
    },
  };
}

function sameIndex(a: ColumnIndex, b: ColumnIndex): boolean {
  const keys = Object.keys(a) as ColumnKey[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Columns 1..width hold every marked column (a marked column exists: the sheet is that wide). */
function widthOf(at: ColumnIndex): number {
  return Math.max(1, ...Object.values(at).map((i) => (i ?? 0) + 1));
}

/** What is kept of a sheet by its id (a tab's name and, for a marked unit tab, its columns). */
export function keptTab(id: string): Kept | undefined {
  return load().t[id];
}

/**
 * The columns of a unit tab, from the kept copy when there is one (`kept`, else looked up), else from
 * the sheet's marks (then kept), else by header text. `refresh` skips the kept copy.
 */
export function tabColumns(
  sheetOf: () => Sheet,
  plan: Plan,
  unit: Unit,
  opts: { id?: string; kept?: Kept; refresh?: boolean } = {},
): TabColumns {
  const store = load();
  const byName = () => Object.entries(store.t).find(([, k]) => k.n === unit.tabName);
  const found: [string, Kept] | undefined = opts.id
    ? store.t[opts.id] && [opts.id, store.t[opts.id]!]
    : byName();
  const kept = opts.kept ?? found?.[1];
  if (!opts.refresh && kept?.c && kept.n === unit.tabName) {
    return { indexByKey: kept.c, marked: true, fresh: false, width: widthOf(kept.c) };
  }
  const sheet = sheetOf();
  const id = opts.id ?? found?.[0] ?? String(sheet.getSheetId());
  const epoch = store.e;
  const marks = kept?.h && kept.n === unit.tabName && !opts.refresh ? null : readMarks(sheet);
  if (marks) {
    keep(id, { n: unit.tabName, c: marks }, epoch);
    return { indexByKey: marks, marked: true, fresh: true, width: widthOf(marks) };
  }
  if (!kept?.h) keep(id, { n: unit.tabName, h: 1 }, epoch);
  // Set up by an earlier version: by header text, read each time (someone may retype it).
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] as CellValue[];
  const { indexByKey } = matchHeaders(unitColumns(plan, unit), header);
  return { indexByKey, marked: false, fresh: false, width };
}

/** A sheet's name, kept by id so that an edit need not ask for it; learnt once per tab. */
export function learnTab(sheet: Sheet, id: string): Kept {
  const epoch = load().e;
  const kept: Kept = { n: sheet.getName() };
  keep(id, kept, epoch);
  return kept;
}
