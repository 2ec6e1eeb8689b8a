/**
 * Tables the add-in writes into sheets, as plain cells: the rollup tab of the main sheet and the tabs of
 * the upper level's read-only copy. Text is made safe for Sheets (no formula can come out of it), and
 * the copy holds aggregates only: no free text, no names, no emails, no problem messages (they can
 * echo what was typed).
 */
import type { CellValue } from "./cell";
import { textForSheet } from "./marks";
import { formatDateVi, formatPercent } from "./parse";
import { formatDateTimeVi } from "./periods";
import type { Plan } from "./plan";
import type { Settings } from "./settings";
import { SETTINGS_LABELS } from "./settings";
import type { IndicatorStatus, Rollup } from "./rollup";
import { expectedText, indicatorFigure } from "./rollup";

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

const INDICATOR_HEADER = ["Mã", "Chỉ tiêu", "Mục tiêu", "Kết quả luỹ kế", "Tỉ lệ", "Đánh giá", "Tiến độ"];

/** One indicator as a row of the rollup tab and of the copy. */
function indicatorCells(r: Rollup["indicators"][number]): CellValue[] {
  return [
    r.id,
    r.label,
    r.targetText,
    indicatorFigure(r),
    r.percent === null ? "" : formatPercent(r.percent),
    r.status,
    r.pace ? `${r.pace}${expectedText(r) ? ` (cần ${expectedText(r)})` : ""}` : "",
  ];
}

/** "tháng 4/2023" from a period's full label. */
function monthOf(r: Rollup): string {
  return r.period.label.split(" (")[0]!;
}

/** An indicator's result in one past month: "33,3 % – Đạt", or only the status. */
function historyCell(r: Rollup["indicators"][number]): string {
  return r.percent === null ? r.status : `${formatPercent(r.percent)} – ${r.status}`;
}

export const ROLLUP_TAB_WIDTH = 7;
const WIDTH = ROLLUP_TAB_WIDTH;

/** The rollup tab's cells: the indicators table, units not reported, then the month-by-month history. */
export function rollupTabCells(
  plan: Plan,
  rollup: Rollup,
  history: Rollup[],
): { values: CellValue[][]; backgrounds: (string | null)[][]; boldRows: number[] } {
  const values: CellValue[][] = [];
  const backgrounds: (string | null)[][] = [];
  const boldRows: number[] = [];
  const add = (row: CellValue[], bg: (string | null)[] = [], bold = false) => {
    const padded = [...row.map((v) => (typeof v === "string" ? textForSheet(v) : v))];
    while (padded.length < WIDTH) padded.push("");
    values.push(padded.slice(0, WIDTH));
    const colours = [...bg];
    while (colours.length < WIDTH) colours.push(null);
    backgrounds.push(colours.slice(0, WIDTH));
    if (bold) boldRows.push(values.length);
  };
  add([`TỔNG HỢP KẾT QUẢ – ${plan.title.toUpperCase()}`], [], true);
  add([
    `Kỳ báo cáo: ${rollup.period.label}. Luỹ kế từ ${formatDateVi(rollup.yearToDate.start)} đến ${formatDateVi(rollup.yearToDate.end)}.`,
  ]);
  add([
    `Tổng hợp lúc ${formatDateTimeVi(rollup.generatedAt)}. Đạt ${rollup.summary.indicatorsMet}/${rollup.summary.indicatorsTotal} chỉ tiêu; ${rollup.summary.unitsReported}/${rollup.summary.unitsTotal} đơn vị đã báo cáo.`,
  ]);
  add([]);
  add(INDICATOR_HEADER, new Array(WIDTH).fill("#d9e2f3"), true);
  for (const r of rollup.indicators) {
    add(indicatorCells(r), [null, null, null, null, null, STATUS_BACKGROUND[r.status]]);
  }
  add([]);
  const missing = rollup.units.filter((u) => !u.reported);
  add([`Đơn vị chưa báo cáo trong kỳ (${missing.length})`], [], true);
  if (missing.length === 0) add(["", "Tất cả đơn vị đã báo cáo."]);
  for (const u of missing) {
    add(["", u.name, u.lastEntryDate ? `Lần cuối: ${formatDateVi(u.lastEntryDate)}` : "Chưa nhập lần nào"]);
  }
  add([]);
  const problems = rollup.problems.filter((p) => p.kind !== "entry" || p.severity === "error");
  add([`Vấn đề về số liệu (${problems.length})`], [], true);
  for (const p of problems.slice(0, 200)) {
    const unit = p.unitId ? plan.units.find((u) => u.id === p.unitId) : undefined;
    add(["", unit ? unit.tabName : "", p.rowNumber ? `Dòng ${p.rowNumber}` : "", p.message]);
  }
  if (problems.length > 200)
    add(["", `… và ${problems.length - 200} vấn đề khác (xem cột Trạng thái ở các trang).`]);
  add([]);
  add(["Theo tháng", "Chỉ tiêu", ...history.slice(-5).map(monthOf)], new Array(WIDTH).fill("#d9e2f3"), true);
  // The last five periods fit an A4 page in portrait; older months are in earlier rollups.
  const shown = history.slice(-5);
  for (const [i, ind] of rollup.indicators.entries()) {
    const cells: CellValue[] = [ind.id, ind.shortLabel];
    const colours: (string | null)[] = [null, null];
    for (const h of shown) {
      const r = h.indicators[i]!;
      cells.push(historyCell(r));
      colours.push(STATUS_BACKGROUND[r.status]);
    }
    add(cells, colours);
  }
  return { values, backgrounds, boldRows };
}

export interface CopyTab {
  name: string;
  values: CellValue[][];
}

export interface CopyMeta {
  /** ISO instant of the refresh. */
  refreshedAt: string;
  sourceName: string;
  sourceUrl: string;
}

function rectangular(rows: CellValue[][]): CellValue[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => {
    const out = r.map((v) => (typeof v === "string" ? textForSheet(v) : v));
    while (out.length < width) out.push("");
    return out;
  });
}

/**
 * The upper level's read-only copy: the latest rollup, the month-by-month history, and each unit's
 * data elements by month. Figures and the plan's own wording only.
 */
export function copyTabs(plan: Plan, rollup: Rollup, history: Rollup[], meta: CopyMeta): CopyTab[] {
  const stamp = `Bản xem chỉ đọc, cập nhật lúc ${formatDateTimeVi(meta.refreshedAt)} từ bảng tính "${meta.sourceName}" (${meta.sourceUrl}).`;
  const summary: CellValue[][] = [
    [stamp],
    [plan.title],
    [
      `Kỳ báo cáo: ${rollup.period.label}; luỹ kế từ ${formatDateVi(rollup.yearToDate.start)} đến ${formatDateVi(rollup.yearToDate.end)}.`,
    ],
    [],
    INDICATOR_HEADER,
    ...rollup.indicators.map(indicatorCells),
    [],
    ["Đơn vị chưa báo cáo trong kỳ"],
    ...rollup.units.filter((u) => !u.reported).map((u) => ["", u.name]),
  ];
  const byMonth: CellValue[][] = [
    [stamp],
    ["Mã", "Chỉ tiêu", ...history.map(monthOf)],
    ...rollup.indicators.map((ind, i) => [
      ind.id,
      ind.shortLabel,
      ...history.map((h) => historyCell(h.indicators[i]!)),
    ]),
  ];
  const tabs: CopyTab[] = [
    { name: "Tổng hợp", values: rectangular(summary) },
    { name: "Theo tháng", values: rectangular(byMonth) },
  ];
  for (const unit of rollup.units) {
    const rows: CellValue[][] = [
      [stamp],
      [unit.name],
      ["Chỉ số", "Đơn vị tính", ...history.map(monthOf), "Luỹ kế"],
    ];
    unit.totals.forEach((t, i) => {
      rows.push([
        t.label,
        t.measure,
        ...history.map((h) => h.units.find((u) => u.unitId === unit.unitId)?.totals[i]?.period ?? ""),
        t.yearToDate ?? "",
      ]);
    });
    tabs.push({ name: unit.tabName, values: rectangular(rows) });
  }
  return tabs;
}

/**
 * The settings at a glance, in the "Cài đặt" tab. Every editor of the file can open any tab, so it
 * names no one: addresses are counted, and the office sees them in the dialog (Cài đặt…).
 */
export function settingsRows(plan: Plan, settings: Settings): CellValue[][] {
  const L = SETTINGS_LABELS;
  const count = (list: readonly string[], none: string) => (list.length ? `${list.length} địa chỉ` : none);
  const rows: CellValue[][] = [
    ["Cài đặt (văn phòng xem và sửa qua menu → Văn phòng UBND xã → Cài đặt…)", plan.title],
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
    [],
    ["Đơn vị", L.unitEditors],
  ];
  for (const unit of plan.units) {
    const n = (settings.unitEditors[unit.id] ?? []).length;
    rows.push([unit.name, n ? `${n} người` : "(chưa giao)"]);
  }
  return rows.map((row) =>
    [0, 1].map((i) => (typeof row[i] === "string" ? textForSheet(row[i] as string) : (row[i] ?? ""))),
  );
}
