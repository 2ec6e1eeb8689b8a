/**
 * Tables the add-in writes into sheets, laid out (layout.ts): the rollup tab of the main sheet, the tabs
 * of the upper level's read-only copy, the settings tab, the send log and the change log. Text is made safe for Sheets (no formula can come
 * out of it), and the copy holds aggregates only: no free text, no names, no emails, no problem
 * messages (they can echo what was typed).
 */
import type { CellValue } from "./cell";
import type { TableLayout } from "./layout";
import { fitText, TableBuilder } from "./layout";
import { formulaSafe, textForSheet } from "./marks";
import { formatDateVi, formatPercent } from "./parse";
import { formatDateTimeVi } from "./periods";
import type { Plan } from "./plan";
import type { IndicatorResult, IndicatorStatus, Rollup } from "./rollup";
import type { Settings } from "./settings";
import { SETTINGS_LABELS } from "./settings";
import { meaningLines, paceWords, statusWords } from "./wording";

/** The send log tab's header: one row per send, reminder or failure. */
export const SEND_LOG_HEADER = ["Thời gian", "Kỳ", "Loại", "Người nhận", "Kết quả"] as const;
/** How the send log names a monthly report, and how its result starts when the report went. */
export const MONTHLY_REPORT_KIND = "Báo cáo tháng";
export const SENT_RESULT_PREFIX = "Đã gửi";

export const STATUS_BACKGROUND: Record<IndicatorStatus, string> = {
  Đạt: "#d9ead3",
  "Chưa đạt": "#f4cccc",
  "Không phát sinh": "#eeeeee",
  "Thiếu số liệu": "#fce5cd",
};

const WHOLE = "#,##0";
const PERCENT = "0.0%";

/**
 * The indicator table's columns and how wide each may get (px): about 900 px in all, the width of a
 * landscape A4 page at Google's default PDF scale.
 */
const INDICATOR_COLUMNS: [string, number][] = [
  ["Mã", 56],
  ["Chỉ tiêu", 230],
  ["Mục tiêu", 100],
  ["Tử số", 72],
  ["Mẫu số", 72],
  ["Tỉ lệ", 64],
  ["Đánh giá", 130],
  ["Tiến độ", 170],
];

/** One indicator as a row: figures as numbers with their formats, status on its colour. */
function indicatorRow(t: TableBuilder, r: IndicatorResult): void {
  const bg = STATUS_BACKGROUND[r.status];
  t.row(
    [
      r.id,
      r.shortLabel,
      r.targetText,
      r.denominator === null ? "" : (r.numerator ?? 0),
      r.denominator ?? "",
      r.percent === null ? "" : r.percent / 100,
      statusWords(r),
      paceWords(r),
    ],
    {
      formats: [null, null, null, WHOLE, WHOLE, PERCENT],
      backgrounds: [null, null, null, null, null, null, bg, null],
    },
  );
}

function indicatorTable(t: TableBuilder, rollup: Rollup): void {
  t.header(INDICATOR_COLUMNS.map(([h]) => h)).freeze();
  for (const r of rollup.indicators) indicatorRow(t, r);
  for (const line of meaningLines(rollup.indicators)) t.line(line);
}

/** "tháng 4/2023" from a period's full label. */
function monthOf(r: Rollup): string {
  return r.period.label.split(" (")[0]!;
}

/** An indicator's result in one past month: "33,3 % Đạt", or only the status. */
function historyCell(r: IndicatorResult): string {
  return r.percent === null ? r.status : formatPercent(r.percent) + " " + r.status;
}

function periodLine(rollup: Rollup): string {
  return (
    `Kỳ báo cáo: ${rollup.period.label}; luỹ kế từ ${formatDateVi(rollup.yearToDate.start)} đến ` +
    `${formatDateVi(rollup.yearToDate.end)} (${rollup.monthsElapsed}/${rollup.monthsTotal} tháng của kế hoạch).`
  );
}

function missingUnits(t: TableBuilder, rollup: Rollup, withDates: boolean): void {
  const missing = rollup.units.filter((u) => !u.reported);
  t.line(`Đơn vị chưa báo cáo trong kỳ (${missing.length})`, { bold: true });
  if (missing.length === 0) t.item("Tất cả đơn vị đã báo cáo.");
  for (const u of missing) {
    const last = u.lastEntryDate ? `lần nhập cuối ${formatDateVi(u.lastEntryDate)}` : "chưa nhập lần nào";
    t.item(withDates ? `${u.name} – ${last}` : u.name);
  }
}

/** The months of the history shown in the rollup tab: as many as the table has columns after two. */
const HISTORY_MONTHS = INDICATOR_COLUMNS.length - 2;

/**
 * The rollup tab: the indicators table under a title and the period, the units not reported, the data
 * problems, then the last months' results.
 */
export function rollupTable(plan: Plan, rollup: Rollup, history: Rollup[]): TableLayout {
  const t = new TableBuilder(INDICATOR_COLUMNS.map(([, w]) => w));
  t.line(`TỔNG HỢP KẾT QUẢ – ${plan.title.toUpperCase()}`, { bold: true });
  t.line(
    `${periodLine(rollup)} Đạt ${rollup.summary.indicatorsMet}/${rollup.summary.indicatorsTotal} chỉ tiêu; ` +
      `${rollup.summary.unitsReported}/${rollup.summary.unitsTotal} đơn vị đã báo cáo. ` +
      `Tổng hợp lúc ${formatDateTimeVi(rollup.generatedAt)}.`,
  );
  indicatorTable(t, rollup);
  t.blank();
  missingUnits(t, rollup, true);
  t.blank();
  const problems = rollup.problems.filter((p) => p.kind !== "entry" || p.severity === "error");
  t.line(`Vấn đề về số liệu (${problems.length})`, { bold: true });
  if (problems.length === 0) t.item("Không có.");
  for (const p of problems.slice(0, 200)) {
    const unit = p.unitId ? plan.units.find((u) => u.id === p.unitId) : undefined;
    const where = [unit?.tabName, p.rowNumber ? `dòng ${p.rowNumber}` : ""].filter(Boolean).join(", ");
    t.item(where ? `${where}: ${p.message}` : p.message);
  }
  if (problems.length > 200)
    t.item(`… và ${problems.length - 200} vấn đề khác (xem cột Trạng thái ở các trang).`);
  t.blank();
  // The last months fit the table's columns; every month is in the copy's "Theo tháng".
  const shown = history.slice(-HISTORY_MONTHS);
  t.line("Kết quả từng tháng", { bold: true });
  t.header(["Mã", "Chỉ tiêu", ...shown.map(monthOf)]);
  for (const [i, ind] of rollup.indicators.entries()) {
    const results = shown.map((h) => h.indicators[i]!);
    t.row([ind.id, ind.shortLabel, ...results.map(historyCell)], {
      backgrounds: [null, null, ...results.map((r) => STATUS_BACKGROUND[r.status])],
    });
  }
  return t.build();
}

export interface CopyTab {
  name: string;
  layout: TableLayout;
}

export interface CopyMeta {
  /** ISO instant of the refresh. */
  refreshedAt: string;
  sourceName: string;
  sourceUrl: string;
}

/**
 * The upper level's read-only copy: the latest rollup, the month-by-month history, and each unit's
 * data elements by month. Figures and the plan's own wording only.
 */
export function copyTabs(plan: Plan, rollup: Rollup, history: Rollup[], meta: CopyMeta): CopyTab[] {
  // Where the figures come from and when, under each tab's table; short lines, so no tab cuts them.
  const stamp = (t: TableBuilder) =>
    t
      .blank()
      .line(`Bản xem chỉ đọc, cập nhật lúc ${formatDateTimeVi(meta.refreshedAt)}.`)
      .line(`Số liệu lấy từ bảng tính "${meta.sourceName}":`)
      .line(meta.sourceUrl);
  const summary = new TableBuilder(INDICATOR_COLUMNS.map(([, w]) => w));
  summary.line(plan.title.toUpperCase(), { bold: true });
  summary.line(
    `${periodLine(rollup)} Đạt ${rollup.summary.indicatorsMet}/${rollup.summary.indicatorsTotal} chỉ tiêu.`,
  );
  indicatorTable(summary, rollup);
  summary.blank();
  missingUnits(summary, rollup, false);
  stamp(summary);

  const months = history.map(monthOf);
  const byMonth = new TableBuilder([56, 230, ...months.map(() => 100)]);
  byMonth.line(`KẾT QUẢ TỪNG THÁNG – ${plan.title.toUpperCase()}`, { bold: true });
  byMonth.header(["Mã", "Chỉ tiêu", ...months]).freeze();
  for (const [i, ind] of rollup.indicators.entries()) {
    const results = history.map((h) => h.indicators[i]!);
    byMonth.row([ind.id, ind.shortLabel, ...results.map(historyCell)], {
      backgrounds: [null, null, ...results.map((r) => STATUS_BACKGROUND[r.status])],
    });
  }
  stamp(byMonth);

  const tabs: CopyTab[] = [
    { name: "Tổng hợp", layout: summary.build() },
    { name: "Theo tháng", layout: byMonth.build() },
  ];
  for (const unit of rollup.units) {
    const t = new TableBuilder([240, 90, ...months.map(() => 80), 80]);
    t.line(unit.name.toUpperCase(), { bold: true });
    t.header(["Chỉ số", "Đơn vị tính", ...months, "Luỹ kế"]).freeze();
    const formats = [null, null, ...months.map(() => WHOLE), WHOLE];
    unit.totals.forEach((total, i) => {
      t.row(
        [
          total.label,
          total.measure,
          ...history.map((h) => h.units.find((u) => u.unitId === unit.unitId)?.totals[i]?.period ?? ""),
          total.yearToDate ?? "",
        ],
        { formats },
      );
    });
    stamp(t);
    tabs.push({ name: unit.tabName, layout: t.build() });
  }
  return tabs;
}

/**
 * A log tab the add-in appends to (the send log, the change log): its header, column widths and the
 * columns' formats, set once; rows are fitted as they are appended (logRow).
 */
export interface LogLayout {
  header: readonly string[];
  widths: number[];
  formats: (string | null)[];
}

const DATE_TIME = "dd/MM/yyyy HH:mm:ss";

export const SEND_LOG_LAYOUT: LogLayout = {
  header: SEND_LOG_HEADER,
  widths: [140, 70, 170, 240, 420],
  // The period ("2023-06") as plain text: Sheets would take it for a date.
  formats: [DATE_TIME, "@", null, null, null],
};

/** The change log tab's header: who changed what, where, from what to what. */
export const CHANGE_LOG_HEADER = [
  "Thời gian",
  "Người sửa",
  "Trang",
  "Vùng",
  "Giá trị cũ",
  "Giá trị mới",
] as const;

export const CHANGE_LOG_LAYOUT: LogLayout = {
  header: CHANGE_LOG_HEADER,
  widths: [140, 200, 110, 80, 240, 240],
  formats: [DATE_TIME, null, null, null, null, null],
};

/** A row for a log: text no taller than MAX_LINES lines at its column's width, the full text in a note. */
export function logRow(layout: LogLayout, cells: CellValue[]): { values: CellValue[]; notes: string[] } {
  const notes: string[] = [];
  const values = cells.map((v, c) => {
    if (typeof v !== "string" || v === "") {
      notes.push("");
      return v;
    }
    const fitted = fitText(v, layout.widths[c] ?? 100);
    notes.push(fitted === v ? "" : v);
    // A plain-text column keeps what is written; elsewhere the apostrophe keeps text as text.
    return layout.formats[c] === "@" ? formulaSafe(fitted) : textForSheet(fitted);
  });
  return { values, notes };
}

/**
 * The settings at a glance, in the "Cài đặt" tab. Every editor of the file can open any tab, so it
 * names no one: addresses are counted, and the office sees them in the dialog (Cài đặt…).
 */
export function settingsTable(plan: Plan, settings: Settings): TableLayout {
  const L = SETTINGS_LABELS;
  const count = (list: readonly string[], none: string) => (list.length ? `${list.length} địa chỉ` : none);
  const t = new TableBuilder([300, 420])
    .line(`CÀI ĐẶT – ${plan.title.toUpperCase()}`, { bold: true })
    .line("Văn phòng xem và sửa qua menu → Văn phòng UBND xã → Cài đặt…")
    .header(["Mục", "Giá trị"])
    .freeze();
  const rows: CellValue[][] = [
    [L.chairmanEmail, settings.chairmanEmail ? "đã nhập" : "(chưa nhập)"],
    [L.upperLevelName, settings.upperLevelName],
    [L.upperLevelEmails, count(settings.upperLevelEmails, "(chưa nhập)")],
    [L.adminEmails, count(settings.adminEmails, "(không có)")],
    [
      L.approval,
      settings.approval === "chairman" ? "Chủ tịch duyệt rồi mới gửi" : "Gửi thẳng, không cần duyệt",
    ],
    [
      L.periodRule,
      settings.periodRule === "cutoff" ? "15 tháng trước – 14 tháng báo cáo" : "Tháng dương lịch",
    ],
    [L.sendDay, `Ngày ${settings.sendDay}, ${settings.sendHour}:00`],
    [L.reminderDaysBefore, settings.reminderDaysBefore],
    [L.approvalReminderDays, `${settings.approvalReminderDays} ngày`],
  ];
  for (const row of rows) t.row(row);
  t.blank().header(["Đơn vị", L.unitEditors]);
  for (const unit of plan.units) {
    const n = (settings.unitEditors[unit.id] ?? []).length;
    t.row([unit.name, n ? `${n} người` : "(chưa giao)"]);
  }
  return t.build();
}
