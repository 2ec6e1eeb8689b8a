// Snapshot and restore of every spreadsheet as JSON-serialisable data (Dates as {"$date": ISO}).
import type { Rect } from "./a1";
import type { CellData, Ctx, MetadataData, ProtectionData, SheetData, SpreadsheetData } from "./model";
import type { Criteria, RuleArg, RuleData } from "./validation-rules";
import { isRangeArg } from "./validation-rules";
import { type CellValue, isDate } from "./values";

export type EncodedValue = number | string | boolean | { $date: string };

export interface EncodedRule {
  criteria: Criteria;
  args: (
    | EncodedValue
    | EncodedValue[]
    | { $range: { spreadsheetId: string; sheetId: number } & Rect }
    | null
  )[];
  allowInvalid: boolean;
  helpText: string;
}

export interface EncodedCell {
  r: number;
  c: number;
  v?: EncodedValue;
  f?: string;
  note?: string;
  bg?: string;
  nf?: string;
  fw?: string;
  fst?: string;
  fc?: string;
  fsz?: number;
  ff?: string;
  wrap?: boolean;
  ha?: string;
  va?: string;
  dv?: number; // index into SheetsState.rules
}

export interface EncodedSheet {
  sheetId: number;
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenCols: number;
  maxRows: number;
  maxCols: number;
  tabColor: string | null;
  colWidths: [number, number][];
  rowHeights: [number, number][];
  /** Merged blocks (absent in states saved before merges were kept). */
  merges?: Rect[];
  hiddenRows: number[];
  hiddenCols: number[];
  cells: EncodedCell[];
  /**
   * Cells with formats and no value or formula, down each column: [column, first
   * row, count, style] for each run of rows alike, the style an index into `styles`. A tab's thousand
   * formatted empty rows are a few runs, not a thousand objects (absent in states saved before).
   */
  runs?: number[];
  styles?: EncodedStyle[];
}

/** What a formatted cell holds besides its value and formula. */
export type EncodedStyle = Omit<EncodedCell, "r" | "c" | "v" | "f">;

export interface EncodedSpreadsheet {
  id: string;
  name: string;
  owner: string | null;
  editors: string[];
  viewers: string[];
  timeZone: string;
  locale: string;
  activeSheetId: number;
  deleted: boolean;
  nextSheetSeq: number;
  nextProtectionId: number;
  protections: ProtectionData[];
  /** Absent in states saved before developer metadata existed. */
  metadata?: MetadataData[];
  nextMetadataId?: number;
  sheets: EncodedSheet[];
}

export interface SheetsState {
  version: 1;
  idSeq: number;
  boundId: string | null;
  rules: EncodedRule[];
  spreadsheets: EncodedSpreadsheet[];
  toasts: { spreadsheetId: string; message: string; title: string; timeoutSeconds: number; at: string }[];
}

function encValue(v: CellValue): EncodedValue {
  return isDate(v) ? { $date: v.toISOString() } : v;
}

function decValue(v: EncodedValue): CellValue {
  return typeof v === "object" && v !== null ? new Date(v.$date) : v;
}

function encArg(a: RuleArg): EncodedRule["args"][number] {
  if (a === null) return null;
  if (Array.isArray(a)) return a.map(encValue);
  if (isRangeArg(a)) return { $range: { ...a.$range } };
  return encValue(a as CellValue);
}

function decArg(a: EncodedRule["args"][number]): RuleArg {
  if (a === null) return null;
  if (Array.isArray(a)) return a.map(decValue);
  if (typeof a === "object" && "$range" in a) return { $range: { ...a.$range } };
  return decValue(a as EncodedValue);
}

const STYLE_KEYS = ["note", "bg", "nf", "fw", "fst", "fc", "fsz", "ff", "wrap", "ha", "va"] as const;
const PLAIN_KEYS = ["f", ...STYLE_KEYS] as const;

/** Whether two cells look alike: every one of STYLE_KEYS (named one by one: a loop over them was slower) and the rule. */
function sameStyle(a: CellData, b: CellData): boolean {
  return (
    a.nf === b.nf &&
    a.dv === b.dv &&
    a.va === b.va &&
    a.wrap === b.wrap &&
    a.bg === b.bg &&
    a.note === b.note &&
    a.fw === b.fw &&
    a.fst === b.fst &&
    a.fc === b.fc &&
    a.fsz === b.fsz &&
    a.ff === b.ff &&
    a.ha === b.ha
  );
}

function sparse(arr: (number | undefined)[]): [number, number][] {
  const out: [number, number][] = [];
  arr.forEach((v, i) => {
    if (v !== undefined) out.push([i, v]);
  });
  return out;
}

/**
 * Whose cells a snapshot carries: every sheet's (a state to save), none (who may open what, the
 * tabs), or one sheet's (what a tool shows of it), so a look at one tab costs that tab, not the
 * workbook.
 */
export type SnapshotCells = "all" | "none" | { spreadsheetId: string; sheetName: string };

export function snapshot(ctx: Ctx, which: SnapshotCells = "all"): SheetsState {
  const rules: EncodedRule[] = [];
  const ruleIndex = new Map<RuleData, number>();
  const ruleId = (r: RuleData): number => {
    let i = ruleIndex.get(r);
    if (i === undefined) {
      i = rules.length;
      rules.push({
        criteria: r.criteria,
        args: r.args.map(encArg),
        allowInvalid: r.allowInvalid,
        helpText: r.helpText,
      });
      ruleIndex.set(r, i);
    }
    return i;
  };
  const encSheet = (ss: SpreadsheetData, s: SheetData): EncodedSheet => {
    const cells: EncodedCell[] = [];
    const wanted =
      which === "all" || (which !== "none" && which.spreadsheetId === ss.id && which.sheetName === s.name);
    const runs: number[] = [];
    const styles: EncodedStyle[] = [];
    const styleIds = new Map<string, number>();
    const open: ({ cell: CellData; first: number; last: number } | undefined)[] = [];
    const flush = (col: number, run: { cell: CellData; first: number; last: number }) => {
      const style: EncodedStyle = {};
      for (const k of STYLE_KEYS)
        if (run.cell[k] !== undefined) (style as Record<string, unknown>)[k] = run.cell[k];
      if (run.cell.dv) style.dv = ruleId(run.cell.dv);
      const key = JSON.stringify(style);
      let id = styleIds.get(key);
      if (id === undefined) {
        id = styles.length;
        styles.push(style);
        styleIds.set(key, id);
      }
      runs.push(col, run.first, run.last - run.first + 1, id);
    };
    // A tab shown but never read since the restore (the page's landing tab, at a start): its encoded
    // form as it was restored, the rule indices renumbered into this snapshot's rules. A state to save
    // is always encoded afresh, so that what is written does not depend on what was read.
    const unread = which !== "all" && wanted && s instanceof RestoredSheet ? s.unread : undefined;
    if (unread) {
      const renumber = <T extends { dv?: number }>(e: T): T => {
        const copy = { ...e };
        const rule = e.dv === undefined ? undefined : unread.rules[e.dv];
        if (rule) copy.dv = ruleId(rule);
        else delete copy.dv;
        return copy;
      };
      // Loops, not push(...): a tab of 200,000 cells would overflow the call's arguments.
      for (const e of unread.sheet.cells) cells.push(renumber(e));
      for (const n of unread.sheet.runs ?? []) runs.push(n);
      for (const e of unread.sheet.styles ?? []) styles.push(renumber(e));
    } else if (wanted)
      s.rows.forEach((row, r) => {
        row?.forEach((c, col) => {
          if (!c) return;
          if (c.v === undefined && c.f === undefined) {
            const run = open[col];
            if (run && run.last === r - 1 && sameStyle(run.cell, c)) {
              run.last = r;
              return;
            }
            if (!STYLE_KEYS.some((k) => c[k] !== undefined) && !c.dv) return;
            if (run) flush(col, run);
            open[col] = { cell: c, first: r, last: r };
            return;
          }
          const e: EncodedCell = { r, c: col };
          if (c.v !== undefined) e.v = encValue(c.v);
          for (const k of PLAIN_KEYS)
            if (c[k] !== undefined) (e as unknown as Record<string, unknown>)[k] = c[k];
          if (c.dv) e.dv = ruleId(c.dv);
          if (Object.keys(e).length > 2) cells.push(e);
        });
      });
    open.forEach((run, col) => {
      if (run) flush(col, run);
    });
    return {
      sheetId: s.sheetId,
      name: s.name,
      hidden: s.hidden,
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      tabColor: s.tabColor,
      colWidths: sparse(s.colWidths),
      rowHeights: sparse(s.rowHeights),
      merges: s.merges.map((m) => ({ ...m })),
      hiddenRows: [...s.hiddenRows],
      hiddenCols: [...s.hiddenCols],
      cells,
      ...(wanted ? { runs, styles } : {}),
    };
  };
  const spreadsheets: EncodedSpreadsheet[] = [...ctx.spreadsheets.values()].map((ss) => ({
    id: ss.id,
    name: ss.name,
    owner: ss.owner,
    editors: [...ss.editors],
    viewers: [...ss.viewers],
    timeZone: ss.timeZone,
    locale: ss.locale,
    activeSheetId: ss.activeSheetId,
    deleted: ss.deleted,
    nextSheetSeq: ss.nextSheetSeq,
    nextProtectionId: ss.nextProtectionId,
    protections: ss.protections.map((p) => ({
      ...p,
      rect: { ...p.rect },
      editors: p.editors === null ? null : [...p.editors],
      unprotected: p.unprotected.map((u) => ({ ...u })),
    })),
    metadata: structuredClone(ss.metadata),
    nextMetadataId: ss.nextMetadataId,
    sheets: ss.sheets.map((s) => encSheet(ss, s)),
  }));
  return {
    version: 1,
    idSeq: ctx.idSeq,
    boundId: ctx.boundId ?? null,
    rules,
    spreadsheets,
    toasts: ctx.toasts.map((t) => ({ ...t, at: t.at.toISOString() })),
  };
}

type Rows = SheetData["rows"];

/** A tab's cells as the model holds them, from its encoded form. */
function restoreRows(s: EncodedSheet, rules: RuleData[]): Rows {
  const rows: Rows = [];
  for (const cell of s.cells) {
    let line = rows[cell.r];
    if (!line) {
      line = [];
      rows[cell.r] = line;
    }
    const c: CellData = {};
    if (cell.v !== undefined) c.v = decValue(cell.v);
    for (const k of PLAIN_KEYS) if (cell[k] !== undefined) (c as Record<string, unknown>)[k] = cell[k];
    if (cell.dv !== undefined) {
      const rule = rules[cell.dv];
      if (rule) c.dv = rule;
    }
    line[cell.c] = c;
  }
  const styles: CellData[] = (s.styles ?? []).map((e) => {
    const c: CellData = {};
    for (const k of STYLE_KEYS) if (e[k] !== undefined) (c as Record<string, unknown>)[k] = e[k];
    const rule = e.dv === undefined ? undefined : rules[e.dv];
    if (rule) c.dv = rule;
    return c;
  });
  const runs = s.runs ?? [];
  for (let i = 0; i + 3 < runs.length; i += 4) {
    const col = runs[i]!;
    const style = styles[runs[i + 3]!];
    if (!style) continue;
    for (let r = runs[i + 1]!, end = r + runs[i + 2]!; r < end; r++) {
      let line = rows[r];
      if (!line) {
        line = [];
        rows[r] = line;
      }
      line[col] = { ...style };
    }
  }
  return rows;
}

/**
 * A restored tab whose cells are built from their encoded form when first read (or replaced when
 * first written): a start restores the workbook's 20-odd tabs and the page shows one. The accessor is
 * the class's own (every restored tab has the same shape), not one defined on each object, which
 * would leave the objects in V8's slow dictionary mode for every later cell lookup.
 */
class RestoredSheet implements SheetData {
  sheetId: number;
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenCols: number;
  maxRows: number;
  maxCols: number;
  tabColor: string | null;
  colWidths: (number | undefined)[];
  rowHeights: (number | undefined)[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  merges: Rect[];
  deleted: boolean;
  private built: Rows | undefined = undefined;
  /** What the cells are built from, until they are. */
  private source: EncodedSource | undefined;

  constructor(fields: Omit<SheetData, "rows">, source: EncodedSource) {
    this.sheetId = fields.sheetId;
    this.name = fields.name;
    this.hidden = fields.hidden;
    this.frozenRows = fields.frozenRows;
    this.frozenCols = fields.frozenCols;
    this.maxRows = fields.maxRows;
    this.maxCols = fields.maxCols;
    this.tabColor = fields.tabColor;
    this.colWidths = fields.colWidths;
    this.rowHeights = fields.rowHeights;
    this.hiddenRows = fields.hiddenRows;
    this.hiddenCols = fields.hiddenCols;
    this.merges = fields.merges;
    this.deleted = fields.deleted;
    this.source = source;
  }

  get rows(): Rows {
    if (this.built === undefined) {
      this.built = restoreRows(this.source!.sheet, this.source!.rules);
      // The encoded tab is no longer needed.
      this.source = undefined;
    }
    return this.built;
  }

  set rows(rows: Rows) {
    this.built = rows;
    this.source = undefined;
  }

  /** The encoded form, while the cells were neither read nor written since the restore. */
  get unread(): EncodedSource | undefined {
    return this.source;
  }
}

interface EncodedSource {
  sheet: EncodedSheet;
  /** The restored state's rules, which the sheet's `dv` indices point into. */
  rules: RuleData[];
}

/** Whether a tab's cells are still only in the encoded form they were restored from (for tests). */
export function cellsUnread(sheet: SheetData): boolean {
  return sheet instanceof RestoredSheet && sheet.unread !== undefined;
}

export function restore(ctx: Ctx, state: SheetsState): void {
  const rules: RuleData[] = state.rules.map((r) => ({
    criteria: r.criteria,
    args: r.args.map(decArg),
    allowInvalid: r.allowInvalid,
    helpText: r.helpText,
  }));
  ctx.idSeq = state.idSeq;
  ctx.boundId = state.boundId ?? undefined;
  ctx.spreadsheets.clear();
  for (const e of state.spreadsheets) {
    const sheets: SheetData[] = e.sheets.map((s) => {
      const colWidths: (number | undefined)[] = [];
      for (const [i, w] of s.colWidths) colWidths[i] = w;
      const rowHeights: (number | undefined)[] = [];
      for (const [i, h] of s.rowHeights) rowHeights[i] = h;
      return new RestoredSheet(
        {
          sheetId: s.sheetId,
          name: s.name,
          hidden: s.hidden,
          frozenRows: s.frozenRows,
          frozenCols: s.frozenCols,
          maxRows: s.maxRows,
          maxCols: s.maxCols,
          tabColor: s.tabColor,
          colWidths,
          rowHeights,
          merges: (s.merges ?? []).map((m) => ({ ...m })),
          hiddenRows: new Set(s.hiddenRows),
          hiddenCols: new Set(s.hiddenCols),
          deleted: false,
        },
        { sheet: s, rules },
      );
    });
    const ss: SpreadsheetData = {
      id: e.id,
      name: e.name,
      owner: e.owner,
      editors: [...e.editors],
      viewers: [...e.viewers],
      timeZone: e.timeZone,
      locale: e.locale,
      activeSheetId: e.activeSheetId,
      deleted: e.deleted,
      nextSheetSeq: e.nextSheetSeq,
      nextProtectionId: e.nextProtectionId,
      protections: e.protections.map((p) => ({
        ...p,
        rect: { ...p.rect },
        editors: p.editors === null ? null : [...p.editors],
        unprotected: p.unprotected.map((u) => ({ ...u })),
      })),
      metadata: structuredClone(e.metadata ?? []),
      nextMetadataId: e.nextMetadataId ?? 1,
      sheets,
    };
    ctx.spreadsheets.set(ss.id, ss);
  }
  ctx.toasts = state.toasts.map((t) => ({ ...t, at: new Date(t.at) }));
}
