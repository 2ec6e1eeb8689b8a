/**
 * What the page shows, computed from the emulator's snapshot (plain data, so reading a tab for the
 * page costs the script nothing and counts no Apps Script calls) plus the model's own permission check.
 */
import {
  displayValue,
  fromLocal,
  type EncodedCell,
  type EncodedSheet,
  type EncodedSpreadsheet,
  type EncodedValue,
  localFields,
  type MenuEntry,
  type SheetsState,
  type TriggerRecord,
} from "../emulator/index";
import type { CellView, MenuItemView, SheetView, TriggerView } from "./protocol";

/** Rows shown below the last row with content, so there is room to type. */
export const EXTRA_ROWS = 15;
const EXTRA_COLS = 2;
const MIN_COLS = 8;
const DEFAULT_WIDTH = 100;

export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function a1Of(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

function decode(v: EncodedValue | undefined): unknown {
  if (v !== null && typeof v === "object") return new Date(v.$date);
  return v;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Wall-clock fields of an instant in a time zone. */
function wallTime(
  date: Date,
  timeZone: string,
): { y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const f = localFields(date, timeZone);
  return { y: f.year, m: f.month, d: f.day, hh: f.hour, mm: f.minute, ss: f.second };
}

/** "20/06/2023 09:00" in the given zone. */
export function formatDateTimeVi(d: Date, timeZone: string): string {
  const w = wallTime(d, timeZone);
  return `${pad(w.d)}/${pad(w.m)}/${w.y} ${pad(w.hh)}:${pad(w.mm)}`;
}

/**
 * When the next monthly report is due after `now` (local day and "HH:MM"): the next firing of a
 * day-of-month trigger (the one due this very minute has run already); `now` itself when there is none.
 */
export function nextMonthlyRun(
  triggers: readonly TriggerRecord[],
  now: Date,
  timeZone: string,
): { date: string; time: string } {
  const w = wallTime(now, timeZone);
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  let best: Date | undefined;
  for (const t of triggers) {
    const c = t.clock;
    if (t.eventType !== "CLOCK" || c?.kind !== "monthDay" || c.monthDay === undefined) continue;
    for (let k = 0; k < 3; k++) {
      const y = w.y + Math.floor((w.m - 1 + k) / 12);
      const m = ((w.m - 1 + k) % 12) + 1;
      const at = fromLocal(c.timeZone || timeZone, y, m, c.monthDay, c.hour ?? 0, c.minute ?? 0);
      // A day the month does not have (31 in June) rolls over in Date: not that month's run.
      if (wallTime(at, timeZone).m !== m) continue;
      if (at.getTime() > minute && (!best || at < best)) best = at;
      if (at.getTime() > minute) break;
    }
  }
  const when = wallTime(best ?? now, timeZone);
  return { date: `${when.y}-${pad(when.m)}-${pad(when.d)}`, time: `${pad(when.hh)}:${pad(when.mm)}` };
}

/** "2023-06-20" in the given zone. */
export function isoDayOf(d: Date, timeZone: string): string {
  const w = wallTime(d, timeZone);
  return `${w.y}-${pad(w.m)}-${pad(w.d)}`;
}

/** What the cell editor starts with: the value as a person would type it again (vi_VN). */
export function editText(value: unknown, timeZone: string): string {
  if (value === undefined || value === null || value === "") return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    const w = wallTime(value, timeZone);
    const day = `${pad(w.d)}/${pad(w.m)}/${w.y}`;
    return w.hh + w.mm + w.ss === 0 ? day : `${day} ${pad(w.hh)}:${pad(w.mm)}:${pad(w.ss)}`;
  }
  return String(value);
}

interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

const inside = (r: Rect, row: number, col: number): boolean =>
  row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Why `user` cannot edit a cell, in Vietnamese: the protections covering it that do not list them.
 * Only called for cells the model already refused.
 */
function lockReason(
  ss: EncodedSpreadsheet,
  sheet: EncodedSheet,
  row: number,
  col: number,
  user: string,
): string {
  const fileEditor = [ss.owner ?? "", ...ss.editors].some((e) => same(e, user));
  if (!fileEditor) return "Bạn chỉ có quyền xem bảng tính này.";
  const blocking = ss.protections.filter((p) => {
    if (p.sheetId !== sheet.sheetId || p.warningOnly) return false;
    if (p.kind === "RANGE" && !inside(p.rect, row, col)) return false;
    if (p.kind === "SHEET" && p.unprotected.some((u) => inside(u, row, col))) return false;
    return p.editors !== null && !p.editors.some((e) => same(e, user));
  });
  if (blocking.length === 0) return "Ô này được bảo vệ.";
  return blocking
    .map((p) => {
      const who = [...(ss.owner === null ? [] : [ss.owner]), ...(p.editors ?? [])].filter(
        (e, i, all) => all.findIndex((x) => same(x, e)) === i,
      );
      const what = p.kind === "SHEET" ? "Trang được bảo vệ" : "Vùng được bảo vệ";
      return `${what} (${p.description || "không có mô tả"}): chỉ ${who.join(", ")} được sửa.`;
    })
    .join(" ");
}

export interface SheetViewInput {
  state: SheetsState;
  spreadsheetId: string;
  sheetName: string;
  user: string;
  role: "owner" | "editor" | "viewer";
  /** The model's verdict for one cell (sharing and protections). */
  canEdit: (row: number, col: number) => boolean;
}

/** A tab as the acting user sees it, or undefined when the spreadsheet or tab does not exist. */
export function sheetView(input: SheetViewInput): SheetView | undefined {
  const { state, user } = input;
  const ss = state.spreadsheets.find((s) => s.id === input.spreadsheetId && !s.deleted);
  if (!ss) return undefined;
  const sheet =
    ss.sheets.find((s) => s.name === input.sheetName) ??
    ss.sheets.find((s) => s.name.toLowerCase() === input.sheetName.toLowerCase());
  if (!sheet) return undefined;
  const bound = state.boundId === ss.id;

  let lastRow = sheet.frozenRows;
  let lastCol = 0;
  for (const c of sheet.cells) {
    if (c.v !== undefined || c.f !== undefined || c.note !== undefined) {
      lastRow = Math.max(lastRow, c.r);
      lastCol = Math.max(lastCol, c.c);
    }
  }
  // Formatted cells without a value come packed in runs down a column (the snapshot's EncodedSheet.runs).
  const runs = sheet.runs ?? [];
  const styles = sheet.styles ?? [];
  for (let i = 0; i + 3 < runs.length; i += 4) {
    if (styles[runs[i + 3]!]?.note === undefined) continue;
    lastRow = Math.max(lastRow, runs[i + 1]! + runs[i + 2]! - 1);
    lastCol = Math.max(lastCol, runs[i]!);
  }
  const shownRows = Math.min(sheet.maxRows, lastRow + EXTRA_ROWS);
  const shownCols = Math.min(sheet.maxCols, Math.max(lastCol + EXTRA_COLS, MIN_COLS));

  const byPosition = new Map<number, EncodedCell>();
  for (const c of sheet.cells) {
    if (c.r <= shownRows && c.c <= shownCols) byPosition.set(c.r * 100_000 + c.c, c);
  }
  for (let i = 0; i + 3 < runs.length; i += 4) {
    const c = runs[i]!;
    const style = styles[runs[i + 3]!];
    if (c > shownCols || !style) continue;
    const end = Math.min(shownRows, runs[i + 1]! + runs[i + 2]! - 1);
    for (let r = runs[i + 1]!; r <= end; r++) byPosition.set(r * 100_000 + c, { r, c, ...style });
  }

  const lists: string[][] = [];
  const listIndex = new Map<string, number>();
  const helps: string[] = [];
  const locks: string[] = [];
  const intern = (arr: string[], text: string): number => {
    const at = arr.indexOf(text);
    if (at >= 0) return at;
    arr.push(text);
    return arr.length - 1;
  };

  const workbenchOnly = "Bàn thử chỉ cho sửa trực tiếp bảng tính chính; bản này chỉ để xem.";
  const rows: CellView[][] = [];
  for (let r = 1; r <= shownRows; r++) {
    const line: CellView[] = [];
    for (let c = 1; c <= shownCols; c++) {
      const cell = byPosition.get(r * 100_000 + c);
      const view: CellView = {};
      if (cell) {
        const value = decode(cell.v);
        if (cell.f !== undefined) {
          view.d = cell.f;
          view.e = cell.f;
        } else if (value !== undefined) {
          view.d = displayValue(value, cell.nf, ss);
          view.e = editText(value, ss.timeZone);
        }
        if (cell.note) view.note = cell.note;
        if (cell.bg && cell.bg.toLowerCase() !== "#ffffff") view.bg = cell.bg;
        if (cell.fc && cell.fc.toLowerCase() !== "#000000") view.fc = cell.fc;
        if (cell.fw === "bold") view.bold = true;
        if (cell.fst === "italic") view.italic = true;
        if (cell.ha) view.align = cell.ha;
        if (cell.va) view.valign = cell.va;
        if (cell.wrap) view.wrap = true;
        if (cell.nf) view.nf = cell.nf;
        if (cell.dv !== undefined) {
          const rule = state.rules[cell.dv];
          if (rule) {
            if (rule.criteria === "VALUE_IN_LIST" && Array.isArray(rule.args[0])) {
              const options = (rule.args[0] as EncodedValue[]).map((o) => String(decode(o)));
              const key = JSON.stringify(options);
              let at = listIndex.get(key);
              if (at === undefined) {
                at = lists.push(options) - 1;
                listIndex.set(key, at);
              }
              view.list = at;
            }
            if (rule.helpText) view.help = intern(helps, rule.helpText);
          }
        }
      }
      let reason: string | undefined;
      if (!bound) reason = input.role === "viewer" ? "Bạn chỉ có quyền xem bảng tính này." : workbenchOnly;
      else if (!input.canEdit(r, c)) reason = lockReason(ss, sheet, r, c, user);
      if (reason !== undefined) view.lock = intern(locks, reason);
      line.push(view);
    }
    rows.push(line);
  }

  const widths: number[] = [];
  const widthAt = new Map(sheet.colWidths);
  for (let c = 1; c <= shownCols; c++) widths.push(widthAt.get(c) ?? DEFAULT_WIDTH);
  const heights: Record<number, number> = {};
  for (const [r, h] of sheet.rowHeights) if (r <= shownRows) heights[r] = h;
  const merges = (sheet.merges ?? [])
    .filter((m) => m.row <= shownRows && m.col <= shownCols)
    .map((m) => ({
      row: m.row,
      col: m.col,
      numRows: Math.min(m.numRows, shownRows - m.row + 1),
      numCols: Math.min(m.numCols, shownCols - m.col + 1),
    }));

  return {
    spreadsheetId: ss.id,
    spreadsheetName: ss.name,
    bound,
    name: sheet.name,
    tabs: ss.sheets.map((s) => ({ name: s.name, hidden: s.hidden, color: s.tabColor })),
    frozenRows: sheet.frozenRows,
    frozenCols: sheet.frozenCols,
    widths,
    heights,
    merges,
    rows,
    maxRows: sheet.maxRows,
    maxCols: sheet.maxCols,
    lists,
    helps,
    locks,
  };
}

export function menuItemsView(items: readonly MenuEntry[]): MenuItemView[] {
  return items.map((it) => {
    if (it.type === "separator") return { type: "separator" };
    if (it.type === "submenu")
      return { type: "submenu", caption: it.caption, items: menuItemsView(it.items) };
    return { type: "item", caption: it.caption };
  });
}

const WEEKDAY_VI = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];

/** When a trigger runs, in Vietnamese. */
export function describeTrigger(t: TriggerRecord, timeZone: string): TriggerView {
  const hm = (h?: number, m?: number) => `${pad(h ?? 0)}:${pad(m ?? 0)}`;
  let when: string;
  const c = t.clock;
  switch (t.eventType) {
    case "ON_EDIT":
      when = "khi có người sửa bảng tính";
      break;
    case "ON_OPEN":
      when = "khi mở bảng tính";
      break;
    case "ON_CHANGE":
      when = "khi bảng tính thay đổi cấu trúc";
      break;
    case "ON_FORM_SUBMIT":
      when = "khi có người gửi biểu mẫu";
      break;
    default:
      if (!c) when = "theo giờ";
      else if (c.kind === "at")
        when = `một lần, lúc ${formatDateTimeVi(new Date(c.at ?? 0), timeZone)}${t.done ? " (đã chạy)" : ""}`;
      else if (c.kind === "monthDay") when = `ngày ${c.monthDay} hằng tháng, ${hm(c.hour, c.minute)}`;
      else if (c.kind === "days")
        when =
          (c.every ?? 1) === 1
            ? `hằng ngày, ${hm(c.hour, c.minute)}`
            : `${c.every} ngày một lần, ${hm(c.hour, c.minute)}`;
      else if (c.kind === "weeks") when = `${WEEKDAY_VI[c.weekDay ?? 1]} hằng tuần, ${hm(c.hour, c.minute)}`;
      else if (c.kind === "hours") when = `${c.every ?? 1} giờ một lần`;
      else when = `${c.every ?? 1} phút một lần`;
  }
  const what = TRIGGER_WORK[t.handler];
  return {
    handler: t.handler,
    label: what?.label ?? t.handler,
    does: what?.does ?? "",
    when,
    owner: t.owner,
    clock: t.eventType === "CLOCK",
  };
}

/**
 * What each of the add-in's triggers does, in the words of the people who use it: the time bar and
 * the run log name a trigger by this, its function name only beside it.
 */
export const TRIGGER_WORK: Readonly<Record<string, { label: string; does: string }>> = {
  onOpen: { label: "Mở bảng tính", does: "dựng menu của tiện ích cho người vừa mở" },
  onEditInstalled: {
    label: "Kiểm tra khi sửa",
    does: "kiểm tra các dòng vừa sửa, tô màu và ghi chú ô sai, ghi nhật ký sửa",
  },
  onChangeInstalled: {
    label: "Ghi khi thêm, xoá dòng",
    does: "ghi vào nhật ký sửa ai đã thêm, xoá dòng hay cột, ở trang nào, bao nhiêu dòng",
  },
  onMonthlyTrigger: {
    label: "Báo cáo tháng",
    does: "gửi dự thảo báo cáo của kỳ vừa chốt cho Chủ tịch và văn phòng (gửi thẳng cấp trên nếu Cài đặt chọn không cần duyệt)",
  },
  onDailyTrigger: {
    label: "Việc hằng ngày",
    does: "nhắc đơn vị chưa báo cáo trước ngày chốt, nhắc Chủ tịch duyệt dự thảo đang chờ, gửi những gì đang chờ",
  },
  onHourlyTrigger: {
    label: "Việc hằng giờ",
    does: "gửi cấp trên báo cáo vừa được duyệt, khoá số liệu tháng đã duyệt, gửi lại lần gửi lỗi",
  },
  retryMonthlyReport: { label: "Gửi lại báo cáo tháng", does: "thử gửi lại báo cáo tháng đã gửi lỗi" },
};
