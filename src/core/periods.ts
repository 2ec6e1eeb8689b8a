/**
 * Monthly reporting periods, in Asia/Ho_Chi_Minh wall time.
 *
 * Two rules:
 * - "cutoff" (default): the state reporting regime of Nghị định 09/2019/NĐ-CP – the month "4/2023" runs
 *   from the 15th of the previous month to the 14th (15/03/2023 – 14/04/2023); the reporting year runs
 *   from 15/12 of the previous year to 14/12.
 * - "calendar": the plain calendar month; the year is 01/01 – 31/12.
 *
 * Dates are ISO strings "YYYY-MM-DD" and all arithmetic is done on them through `Date.UTC`, so the
 * machine's time zone never matters and nothing relies on Intl (not dependable in Apps Script).
 */

/** A wall-clock date "YYYY-MM-DD". */
export type IsoDate = string;
/** A reporting month "YYYY-MM", named after the month the period ends in. */
export type PeriodKey = string;
export type PeriodRule = "cutoff" | "calendar";

/** The subset of a plan the period functions need (keeps this module free of the plan schema). */
export interface PlanSpan {
  year: number;
  startDate: IsoDate;
}

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VN_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86400 * 1000;
/** First day of a cut-off period; the previous period ends on the day before. */
export const CUTOFF_START_DAY = 15;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KEY_RE = /^(\d{4})-(\d{2})$/;

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

function pad4(n: number): string {
  const s = String(n);
  return s.length >= 4 ? s : "0000".slice(s.length) + s;
}

export function isoOf(y: number, m: number, d: number): IsoDate {
  return pad4(y) + "-" + pad2(m) + "-" + pad2(d);
}

/** Splits an ISO date; throws on malformed input because callers only pass dates this module made. */
export function splitIso(iso: IsoDate): { y: number; m: number; d: number } {
  const m = ISO_RE.exec(iso);
  if (!m) throw new Error("Ngày không hợp lệ: " + iso);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** True when `iso` is a real calendar date written as YYYY-MM-DD. */
export function isValidIso(iso: string): boolean {
  const m = ISO_RE.exec(iso);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a wall date (no zone involved). */
export function dayNumber(iso: IsoDate): number {
  const { y, m, d } = splitIso(iso);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * DAY_MS);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

/** The wall date in Vietnam of an instant, whatever the zone of the machine running this. */
export function civilDateOf(instant: Date): IsoDate {
  const t = new Date(instant.getTime() + VN_OFFSET_MS);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Today's date in Vietnam. */
export function todayIso(now: Date): IsoDate {
  return civilDateOf(now);
}

/** The instant a Sheets serial number (days since 30/12/1899, the time as the fraction) shows in Vietnam. */
export function instantOfSerial(serial: number): number {
  return Math.round((serial - 25569) * DAY_MS) - VN_OFFSET_MS;
}

/** The Sheets serial number of an instant, as Vietnam wall time (the inverse of instantOfSerial). */
export function serialOfInstant(ms: number): number {
  return (ms + VN_OFFSET_MS) / DAY_MS + 25569;
}

/** The instant of midnight in Vietnam at the start of a wall date (for adapters that need a Date). */
export function instantOfCivilDate(iso: IsoDate): Date {
  const { y, m, d } = splitIso(iso);
  return new Date(Date.UTC(y, m - 1, d) - VN_OFFSET_MS);
}

export function periodKeyOf(y: number, m: number): PeriodKey {
  return pad4(y) + "-" + pad2(m);
}

export function splitPeriodKey(key: PeriodKey): { y: number; m: number } {
  const m = KEY_RE.exec(key);
  if (!m) throw new Error("Kỳ báo cáo không hợp lệ: " + key);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) throw new Error("Kỳ báo cáo không hợp lệ: " + key);
  return { y: Number(m[1]), m: mo };
}

export function isValidPeriodKey(key: string): boolean {
  const m = KEY_RE.exec(key);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** Moves a period key by whole months (negative goes back). */
export function shiftPeriod(key: PeriodKey, months: number): PeriodKey {
  const { y, m } = splitPeriodKey(key);
  const idx = y * 12 + (m - 1) + months;
  return periodKeyOf(Math.floor(idx / 12), (idx % 12) + 1);
}

/** The earlier of two ISO dates (they order as strings). */
export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return b < a ? b : a;
}

/** The later of two ISO dates. */
export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return b > a ? b : a;
}

/** Orders period keys (they sort as strings, but this states the intent). */
export function comparePeriods(a: PeriodKey, b: PeriodKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The period a date belongs to: under the cut-off rule the 15th onwards belongs to the next month. */
export function periodOf(date: IsoDate, rule: PeriodRule): PeriodKey {
  const { y, m, d } = splitIso(date);
  const key = periodKeyOf(y, m);
  return rule === "cutoff" && d >= CUTOFF_START_DAY ? shiftPeriod(key, 1) : key;
}

/** First and last day (inclusive) of a period. */
export function periodBounds(key: PeriodKey, rule: PeriodRule): { start: IsoDate; end: IsoDate } {
  const { y, m } = splitPeriodKey(key);
  if (rule === "calendar") return { start: isoOf(y, m, 1), end: isoOf(y, m, daysInMonth(y, m)) };
  const prev = splitPeriodKey(shiftPeriod(key, -1));
  return { start: isoOf(prev.y, prev.m, CUTOFF_START_DAY), end: isoOf(y, m, CUTOFF_START_DAY - 1) };
}

/** "15/04/2023" from "2023-04-15". */
export function formatDateVi(iso: IsoDate): string {
  const { y, m, d } = splitIso(iso);
  return pad2(d) + "/" + pad2(m) + "/" + pad4(y);
}

/**
 * A date as an administrative document writes it (Nghị định 30/2020/NĐ-CP, Phụ lục I): "ngày 05 tháng 02
 * năm 2023", "ngày 15 tháng 6 năm 2023" – a 0 before days below 10 and before the months 1 and 2 only.
 */
export function administrativeDate(iso: IsoDate): string {
  const { y, m, d } = splitIso(iso);
  return "ngày " + pad2(d) + " tháng " + (m < 3 ? pad2(m) : String(m)) + " năm " + y;
}

/** "tháng 4/2023" */
export function periodShortLabel(key: PeriodKey): string {
  const { y, m } = splitPeriodKey(key);
  return "tháng " + m + "/" + y;
}

/** "tháng 4/2023 (15/03/2023 – 14/04/2023)" */
export function periodLabel(key: PeriodKey, rule: PeriodRule): string {
  const b = periodBounds(key, rule);
  return periodShortLabel(key) + " (" + formatDateVi(b.start) + " – " + formatDateVi(b.end) + ")";
}

/** The period still open on `today` (the one `today` belongs to). */
export function openPeriod(today: IsoDate, rule: PeriodRule): PeriodKey {
  return periodOf(today, rule);
}

/** The latest period whose last day is before `today` – the one a monthly report covers. */
export function lastClosedPeriod(today: IsoDate, rule: PeriodRule): PeriodKey {
  return shiftPeriod(periodOf(today, rule), -1);
}

/**
 * The day after a period's last day: when its monthly report is due, and the default day it is sent
 * (15/04/2023 for tháng 4/2023 under the cut-off rule).
 */
export function reportDueDate(key: PeriodKey, rule: PeriodRule): IsoDate {
  return addDays(periodBounds(key, rule).end, 1);
}

/**
 * The span of the plan under a rule: from the plan's start date to the last day of its reporting year
 * (14/12 under the cut-off rule, 31/12 for calendar months). Entries outside it are refused.
 */
export function planSpan(plan: PlanSpan, rule: PeriodRule): { start: IsoDate; end: IsoDate } {
  return { start: plan.startDate, end: periodBounds(periodKeyOf(plan.year, 12), rule).end };
}

/** Every period of the plan, in order: from the one holding its start date to its year's last month. */
export function planPeriods(plan: PlanSpan, rule: PeriodRule): PeriodKey[] {
  const span = planSpan(plan, rule);
  const out: PeriodKey[] = [];
  if (span.start > span.end) return out;
  const last = periodOf(span.end, rule);
  for (let k = periodOf(span.start, rule); k <= last; k = shiftPeriod(k, 1)) out.push(k);
  return out;
}

/** From the plan's start to the end of the period (clipped to the plan's span). */
export function yearToDate(
  plan: PlanSpan,
  key: PeriodKey,
  rule: PeriodRule,
): { start: IsoDate; end: IsoDate } {
  const span = planSpan(plan, rule);
  const end = periodBounds(key, rule).end;
  return { start: span.start, end: minIso(end, span.end) };
}

/**
 * How many of the plan's periods have run up to and including `key` (0 before the plan starts, the
 * number of plan periods after it ends). A partial first month counts as one month.
 */
export function monthsElapsed(plan: PlanSpan, key: PeriodKey, rule: PeriodRule): number {
  const periods = planPeriods(plan, rule);
  let n = 0;
  for (const p of periods) if (p <= key) n++;
  return n;
}

/** "28/11/2026 07:05" in Vietnam time, from an ISO instant. */
export function formatDateTimeVi(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const t = new Date(ms + VN_OFFSET_MS);
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}
