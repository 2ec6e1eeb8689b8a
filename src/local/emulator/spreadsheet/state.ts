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
}

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

const PLAIN_KEYS = ["f", "note", "bg", "nf", "fw", "fst", "fc", "fsz", "ff", "wrap", "ha", "va"] as const;

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
    if (wanted)
      s.rows.forEach((row, r) => {
        row?.forEach((c, col) => {
          if (!c) return;
          const e: EncodedCell = { r, c: col };
          if (c.v !== undefined) e.v = encValue(c.v);
          for (const k of PLAIN_KEYS)
            if (c[k] !== undefined) (e as unknown as Record<string, unknown>)[k] = c[k];
          if (c.dv) e.dv = ruleId(c.dv);
          if (Object.keys(e).length > 2) cells.push(e);
        });
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
      const rows: ((CellData | undefined)[] | undefined)[] = [];
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
      const colWidths: (number | undefined)[] = [];
      for (const [i, w] of s.colWidths) colWidths[i] = w;
      const rowHeights: (number | undefined)[] = [];
      for (const [i, h] of s.rowHeights) rowHeights[i] = h;
      return {
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
        rows,
        deleted: false,
      };
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
