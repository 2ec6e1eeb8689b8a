/**
 * The upper level's intake of many communes' figures ("cấp trên" mode). Pure: the Apps Script side reads
 * and writes the cells, this decides what they mean.
 *
 * How figures travel (design notes, "The upper level"): the upper level keeps, for each commune, one
 * small intake file that it owns and shares with that commune's office alone. On approval and send, the
 * commune's add-in replaces its period's rows there (one row per indicator: plan code, commune, period,
 * indicator, numerator, denominator, status, sent at, approved by). The upper level's add-in reads each
 * file as itself and keeps one row per commune, period and indicator in its own intake tab, which no
 * commune can open. So a commune never sees another's rows, and whatever it writes in its own file
 * counts as its own figures only: the commune's name comes from the upper level's table (which file
 * belongs to whom), never from the file; the status is judged again here from the figures; free text is
 * never copied; a row of another plan, period or indicator is refused, and said so by count.
 *
 * Timeliness: a period is on time when its rows first arrived on or before the due day (the period's last
 * day plus the days the settings allow). The time a commune writes is its claim; it is believed only
 * within what the upper level saw itself: never earlier than its previous read of that file without the
 * period, never later than the read that found it. A backdated resend stays late.
 */
import type { CellValue } from "./cell";
import { isBlankCell } from "./cell";
import { foldText, normalizeText } from "./parse";
import type { PeriodKey, PeriodRule } from "./periods";
import { monthsElapsed, planPeriods } from "./periods";
import type { Indicator, Plan } from "./plan";
import type { IndicatorStatus } from "./rollup";
import { judgeFrequency, judgePercentage } from "./rollup";
import { COMMUNE_FILE_HEADER, periodOfCell } from "./intake-file";
import { isEmail, spreadsheetIdOf } from "./address";

/** The tabs of the upper level's workbook. */
export const UPPER_TABS = {
  communes: "Danh sách xã",
  intake: "Số liệu nhận",
  report: "Tổng hợp các xã",
  trends: "Xu hướng",
  settings: "Cài đặt cấp trên",
} as const;

/** The upper level's intake tab: the commune's columns, then what the upper level saw itself. */
export const INTAKE_HEADER = [...COMMUNE_FILE_HEADER, "Gửi lần đầu", "Số lần gửi"] as const;

/**
 * The intake's column widths in px: a header in bold, a date and time ("15/04/2023 11:00"), a status
 * ("Không phát sinh") and an address fit on one line (test/core/upper.test.ts measures them).
 */
export const INTAKE_WIDTHS = [130, 120, 70, 70, 70, 70, 120, 125, 230, 125, 85] as const;

/**
 * The communes table: the office types the first three columns (name, the commune office's account, the
 * plan code); the add-in writes the rest (the intake file's link, whom it shared it with, when it last
 * read it, the last period it reminded the commune of, and what it found).
 */
export const COMMUNES_HEADER = [
  "Xã",
  "Email văn phòng xã",
  "Mã kế hoạch",
  "Tệp nhận số liệu",
  "Đã chia sẻ cho",
  "Đọc lần cuối",
  "Đã nhắc kỳ",
  "Tình trạng",
] as const;
/** The first column the add-in writes (0-based): everything from here on is its own. */
export const COMMUNES_OWN_FROM = 3;

/** No commune's file is read past this many rows (a plan has at most 12 periods × its indicators). */
const MAX_FILE_ROWS = 2000;
/** Figures above this are not counts a commune reports. */
const MAX_FIGURE = 1e9;
const COMMUNE_NAME_MAX = 100;

// ---- the upper level's table of communes ----

export interface CommuneEntry {
  /** 1-based row in the communes tab. */
  row: number;
  name: string;
  email: string;
  planCode: string;
  fileId: string | null;
  /** The address the add-in shared the file with ("" before it did). */
  sharedWith: string;
  /** When the add-in last read the file (ISO), or null. */
  lastRead: string | null;
  /** The last period the commune was reminded of, or null. */
  remindedFor: PeriodKey | null;
  /** What is wrong with the row, in Vietnamese ("" when nothing). */
  problem: string;
}

/** The communes tab as read (header first). Blank rows are skipped; a name given twice counts once. */
export function readCommunes(values: readonly CellValue[][], defaultPlanCode: string): CommuneEntry[] {
  const out: CommuneEntry[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < values.length; i++) {
    const r = values[i]!;
    const name = normalizeText(r[0] ?? "");
    if (name === "") continue;
    const email = normalizeText(r[1] ?? "").toLowerCase();
    const planCode = normalizeText(r[2] ?? "") || defaultPlanCode;
    const fileId = spreadsheetIdOf(normalizeText(r[3] ?? ""));
    let problem = "";
    const key = foldText(name);
    const first = seen.get(key);
    if (name.length > COMMUNE_NAME_MAX)
      problem = `Tên xã dài quá ${COMMUNE_NAME_MAX} ký tự: hãy gõ tên ngắn hơn.`;
    else if (first !== undefined) problem = `Trùng tên với dòng ${first}: dòng này không được tính.`;
    else if (!isEmail(email)) {
      problem = "Email văn phòng xã không hợp lệ: hãy gõ một địa chỉ, ví dụ vanphong@quangkhai.gov.vn.";
    }
    if (first === undefined) seen.set(key, i + 1);
    const read = r[5];
    out.push({
      row: i + 1,
      name,
      email,
      planCode,
      fileId,
      sharedWith: normalizeText(r[4] ?? "").toLowerCase(),
      lastRead: read instanceof Date && !Number.isNaN(read.getTime()) ? read.toISOString() : null,
      remindedFor: periodOfCell(r[6]),
      problem,
    });
  }
  return out;
}

// ---- what a commune's file says ----

export interface Received {
  period: PeriodKey;
  indicatorId: string;
  numerator: number;
  denominator: number | null;
  /** The commune's claim, ISO; null when the cell holds no date. */
  sentAt: string | null;
  approvedBy: string;
}

function figure(v: CellValue | undefined): number | null | undefined {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX_FIGURE) return undefined;
  return v;
}

/**
 * Reads a commune's intake file (header first). Only its figures are taken; every row that is not one of
 * the expected plan's periods and indicators, with whole figures, is left out, and the problems say how
 * many and why, never quoting what the file holds.
 */
export function readCommuneFile(
  values: readonly CellValue[][],
  plan: Plan,
  rule: PeriodRule,
  planCode: string,
): { received: Received[]; problems: string[] } {
  const header = (values[0] ?? []).map((h) => foldText(h));
  const col = COMMUNE_FILE_HEADER.map((h) => header.indexOf(foldText(h)));
  const missing = COMMUNE_FILE_HEADER.filter((_, i) => col[i]! < 0);
  if (missing.length > 0) {
    return { received: [], problems: [`Tệp của xã thiếu cột ${missing.join(", ")}: không đọc được.`] };
  }
  const [planCol, , periodCol, indCol, numCol, denCol, , sentCol, byCol] = col as number[];
  const periods = new Set(planPeriods(plan, rule));
  const indicators = new Map(plan.indicators.map((ind) => [ind.id, ind]));
  const wanted = foldText(planCode);
  const byKey = new Map<string, Received>();
  const skipped = { plan: 0, period: 0, indicator: 0, figures: 0 };
  const last = Math.min(values.length, MAX_FILE_ROWS + 1);
  for (let i = 1; i < last; i++) {
    const r = values[i]!;
    if (r.every((v) => isBlankCell(v))) continue;
    if (foldText(r[planCol!] ?? "") !== wanted) {
      skipped.plan++;
      continue;
    }
    const period = periodOfCell(r[periodCol!]);
    if (!period || !periods.has(period)) {
      skipped.period++;
      continue;
    }
    const ind = indicators.get(normalizeText(r[indCol!] ?? ""));
    if (!ind) {
      skipped.indicator++;
      continue;
    }
    const numerator = figure(r[numCol!]);
    const denominator = figure(r[denCol!]);
    const frequencyOk =
      ind.kind !== "frequency" || (denominator !== null && denominator !== undefined && denominator <= 12);
    if (numerator === null || numerator === undefined || denominator === undefined || !frequencyOk) {
      skipped.figures++;
      continue;
    }
    const sent = r[sentCol!];
    const by = normalizeText(r[byCol!] ?? "").toLowerCase();
    byKey.set(`${period}|${ind.id}`, {
      period,
      indicatorId: ind.id,
      numerator,
      denominator,
      sentAt: sent instanceof Date && !Number.isNaN(sent.getTime()) ? sent.toISOString() : null,
      approvedBy: isEmail(by) ? by : "",
    });
  }
  const problems: string[] = [];
  if (values.length > MAX_FILE_ROWS + 1)
    problems.push(`Tệp có hơn ${MAX_FILE_ROWS} dòng: chỉ đọc ${MAX_FILE_ROWS} dòng đầu.`);
  if (skipped.plan) problems.push(`${skipped.plan} dòng khác mã kế hoạch ${planCode}: không tính.`);
  if (skipped.period) problems.push(`${skipped.period} dòng có kỳ không thuộc kế hoạch: không tính.`);
  if (skipped.indicator)
    problems.push(`${skipped.indicator} dòng có chỉ tiêu không thuộc kế hoạch: không tính.`);
  if (skipped.figures)
    problems.push(`${skipped.figures} dòng có tử số hoặc mẫu số không phải số nguyên ≥ 0: không tính.`);
  return { received: [...byKey.values()], problems };
}

// ---- the upper level's intake tab ----

export interface IntakeRecord {
  planCode: string;
  commune: string;
  period: PeriodKey;
  indicatorId: string;
  numerator: number;
  denominator: number | null;
  status: IndicatorStatus;
  /** The commune's claim for the version kept, ISO, or null. */
  sentAt: string | null;
  approvedBy: string;
  /** When the period first reached the upper level, as far as it can tell (see the header), ISO. */
  firstSentAt: string;
  /** How many different versions of this row arrived. */
  versions: number;
}

const STATUSES: readonly IndicatorStatus[] = ["Đạt", "Chưa đạt", "Không phát sinh", "Thiếu số liệu"];

function iso(v: CellValue | undefined): string | null {
  return v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : null;
}

/** The intake tab as read (header first): the add-in's own rows; anything unreadable is left out. */
export function readIntake(values: readonly CellValue[][]): IntakeRecord[] {
  const out: IntakeRecord[] = [];
  for (let i = 1; i < values.length; i++) {
    const r = values[i]!;
    const period = periodOfCell(r[2]);
    const numerator = figure(r[4]);
    const denominator = figure(r[5]);
    const status = normalizeText(r[6] ?? "") as IndicatorStatus;
    const first = iso(r[9]);
    if (!period || numerator === null || numerator === undefined || denominator === undefined || !first)
      continue;
    out.push({
      planCode: normalizeText(r[0] ?? ""),
      commune: normalizeText(r[1] ?? ""),
      period,
      indicatorId: normalizeText(r[3] ?? ""),
      numerator,
      denominator,
      status: STATUSES.includes(status) ? status : "Thiếu số liệu",
      sentAt: iso(r[7]),
      approvedBy: normalizeText(r[8] ?? ""),
      firstSentAt: first,
      versions: typeof r[10] === "number" && r[10] >= 1 ? r[10] : 1,
    });
  }
  return out;
}

/** The intake tab's rows (without the header), by period, then the communes' order, then the plan's. */
export function intakeRows(
  records: readonly IntakeRecord[],
  plan: Plan,
  communeOrder: readonly string[],
): CellValue[][] {
  const communeAt = new Map(communeOrder.map((n, i) => [n, i]));
  const indAt = new Map(plan.indicators.map((ind, i) => [ind.id, i]));
  const sorted = [...records].sort(
    (a, b) =>
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
      (communeAt.get(a.commune) ?? 1e9) - (communeAt.get(b.commune) ?? 1e9) ||
      (indAt.get(a.indicatorId) ?? 1e9) - (indAt.get(b.indicatorId) ?? 1e9),
  );
  return sorted.map((x) => [
    x.planCode,
    x.commune,
    x.period,
    x.indicatorId,
    x.numerator,
    x.denominator ?? "",
    x.status,
    x.sentAt ? new Date(x.sentAt) : "",
    x.approvedBy,
    new Date(x.firstSentAt),
    x.versions,
  ]);
}

/** How an indicator stands for one commune or a sum, from its figures (never the commune's own word). */
export function judge(
  plan: Plan,
  ind: Indicator,
  key: PeriodKey,
  rule: PeriodRule,
  num: number,
  den: number | null,
) {
  if (ind.kind === "frequency") return judgeFrequency(num, den ?? 0);
  return judgePercentage(ind, num, den, {
    elapsed: monthsElapsed(plan, key, rule),
    total: planPeriods(plan, rule).length,
  });
}

/** The time a claim is believed to be: within [the previous read, this read]. */
export function believedSentAt(claim: string | null, read: { at: string; previous: string | null }): string {
  let t = claim && !Number.isNaN(Date.parse(claim)) ? claim : read.at;
  if (Date.parse(t) > Date.parse(read.at)) t = read.at;
  if (read.previous && Date.parse(t) < Date.parse(read.previous)) t = read.previous;
  return t;
}

/** The intake in memory: its records and where each commune, period and indicator is among them. */
export interface Intake {
  records: IntakeRecord[];
  index: Map<string, number>;
}

function keyOf(commune: string, period: PeriodKey, indicatorId: string): string {
  return `${commune}\u0000${period}\u0000${indicatorId}`;
}

export function createIntake(records: readonly IntakeRecord[]): Intake {
  const intake: Intake = { records: [], index: new Map() };
  for (const x of records) {
    const key = keyOf(x.commune, x.period, x.indicatorId);
    const at = intake.index.get(key);
    if (at === undefined) {
      intake.index.set(key, intake.records.length);
      intake.records.push(x);
    } else intake.records[at] = x;
  }
  return intake;
}

/** The periods a commune's figures have reached the intake for, in order. */
export function periodsReceived(intake: Intake, commune: string, plan: Plan, rule: PeriodRule): PeriodKey[] {
  return planPeriods(plan, rule).filter((p) =>
    plan.indicators.some((ind) => intake.index.has(keyOf(commune, p, ind.id))),
  );
}

/**
 * One commune's file merged into the intake (which it updates): one record per commune, period and
 * indicator. A row that changed (figures, or a new send time) replaces the one kept and counts a
 * version; the period's first arrival stays. Periods the file no longer has are kept: what was received
 * stays received. Linear in what the file holds, whatever the intake's size.
 */
export function mergeIntake(
  intake: Intake,
  commune: string,
  planCode: string,
  received: readonly Received[],
  plan: Plan,
  rule: PeriodRule,
  read: { at: string; previous: string | null },
): { added: number; replaced: number } {
  const indicators = new Map(plan.indicators.map((ind) => [ind.id, ind]));
  // A period's rows arrive together: the first arrival of any of them is the period's.
  const firstOfPeriod = new Map<PeriodKey, string>();
  const firstOf = (period: PeriodKey): string | undefined => {
    if (!firstOfPeriod.has(period)) {
      let first: string | undefined;
      for (const ind of plan.indicators) {
        const at = intake.index.get(keyOf(commune, period, ind.id));
        const t = at === undefined ? undefined : intake.records[at]!.firstSentAt;
        if (t !== undefined && (first === undefined || t < first)) first = t;
      }
      if (first !== undefined) firstOfPeriod.set(period, first);
    }
    return firstOfPeriod.get(period);
  };
  let added = 0;
  let replaced = 0;
  for (const r of received) {
    const ind = indicators.get(r.indicatorId);
    if (!ind) continue;
    const key = keyOf(commune, r.period, r.indicatorId);
    const i = intake.index.get(key);
    const old = i === undefined ? undefined : intake.records[i]!;
    if (
      old &&
      old.numerator === r.numerator &&
      old.denominator === r.denominator &&
      old.sentAt === r.sentAt
    ) {
      continue;
    }
    let first = firstOf(r.period);
    if (first === undefined) {
      first = believedSentAt(r.sentAt, read);
      firstOfPeriod.set(r.period, first);
    }
    const record: IntakeRecord = {
      planCode,
      commune,
      period: r.period,
      indicatorId: r.indicatorId,
      numerator: r.numerator,
      denominator: r.denominator,
      status: judge(plan, ind, r.period, rule, r.numerator, r.denominator).status,
      sentAt: r.sentAt,
      approvedBy: r.approvedBy,
      firstSentAt: old?.firstSentAt ?? first,
      versions: (old?.versions ?? 0) + 1,
    };
    if (i === undefined) {
      intake.index.set(key, intake.records.length);
      intake.records.push(record);
      added++;
    } else {
      intake.records[i] = record;
      replaced++;
    }
  }
  return { added, replaced };
}
