/**
 * Reading what people type into a cell, the Vietnamese way, and writing numbers and dates back.
 *
 * Every refusal is a Vietnamese sentence that names the column and says what to type instead; nothing
 * here throws on a cell value.
 */
import type { CellValue } from "./cell";
import { isBlankCell } from "./cell";
import type { IsoDate } from "./periods";
import { civilDateOf, formatDateVi, fromDayNumber, isValidIso, isoOf } from "./periods";

export { formatDateVi };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/**
 * More combining marks in a row than any real text has (Vietnamese puts at most two on a letter); Unicode's
 * stream-safe format (UAX #15) draws the line at 30.
 */
const MARK_RUN_RE = /(\p{M}{31,})/u;

/**
 * `s.normalize(form)`, in linear time. Normalizing sorts each run of combining marks, and engines sort a
 * run in quadratic time: 50,000 alternating marks pasted into a cell take a second. Such runs are left as
 * they are (nobody types them), and the text around them is normalized as usual.
 */
export function normalizeForm(s: string, form: "NFC" | "NFD"): string {
  if (!MARK_RUN_RE.test(s)) return s.normalize(form);
  return s
    .split(MARK_RUN_RE)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize(form)))
    .join("");
}

/** Entries a cache below keeps before it is emptied, so that its memory stays bounded. */
const CACHE_ENTRIES = 2000;

/** `compute(key)`, remembered: a tab repeats the same few texts and dates down its rows. */
function remembered<K, V>(cache: Map<K, V>, key: K, compute: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** normalizeText of short texts: normalizing is most of what reading a list column costs. */
const NORMALIZED = new Map<string, string>();
const NORMALIZED_MAX_LENGTH = 200;

/** NFC, no-break and zero-width spaces made plain, trimmed. Inner line breaks are kept. */
export function normalizeText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return normalizeString(dateText(v));
  if (typeof v !== "string" || v.length > NORMALIZED_MAX_LENGTH) return normalizeString(String(v));
  return remembered(NORMALIZED, v, normalizeString);
}

function normalizeString(s: string): string {
  return normalizeForm(s, "NFC")
    .replace(/[\u200b\ufeff]/g, "")
    .replace(/\u00a0/g, " ")
    .trim();
}

/** A Date cell as people see it; dates outside years 1–9999 fall back to an ISO instant. */
function dateText(v: Date): string {
  if (Number.isNaN(v.getTime())) return "";
  const iso = civilDateOf(v);
  return isValidIso(iso) ? formatDateVi(iso) : v.toISOString();
}

/**
 * A key for loose matching: NFC, lower case, diacritics and đ removed, runs of spaces collapsed.
 * "Không", "KHONG" and "khong" all fold to "khong".
 */
export function foldText(v: CellValue | undefined): string {
  return foldNormalized(normalizeText(v));
}

/**
 * Every run of whitespace made one space. Only what changes is replaced: "0 0 0 …" pasted 25,000 times
 * over is left as it is instead of being rebuilt one space at a time.
 */
export function collapseSpaces(s: string): string {
  return s.replace(/\s{2,}|[^\S ]/g, " ");
}

/** foldText of text normalizeText already gave (each pass over a pasted 50,000 characters costs). */
function foldNormalized(s: string): string {
  const folded = normalizeForm(s.toLowerCase(), "NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d");
  return collapseSpaces(folded);
}

/** How a typed value is quoted back in a message: short, and never a whole paragraph. */
export function quoteCell(v: CellValue | undefined): string {
  return quoteNormalized(normalizeText(v));
}

/** quoteCell of normalized text: runs of spaces made one only as far as the quote reaches. */
function quoteNormalized(s: string): string {
  let out = "";
  for (const m of s.matchAll(/\s+|\S+/g)) {
    out += /\s/.test(m[0].charAt(0)) ? " " : m[0].slice(0, 31);
    if (out.length > 30) break;
  }
  return '"' + (out.length > 30 ? out.slice(0, 29) + "…" : out) + '"';
}

function col(label: string): string {
  return 'Cột "' + label + '"';
}

export function blankMessage(label: string, hint: string): string {
  return col(label) + " chưa nhập. " + hint;
}

const WHOLE_HINT = "Hãy nhập số nguyên không âm, ví dụ 1.234.";
const MONEY_HINT = "Hãy nhập số tiền bằng đồng, số nguyên không âm, ví dụ 1.500.000.";
const DATE_HINT = "Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/04/2023.";
const YESNO_HINT = "Hãy chọn Có hoặc Không.";

/** Digits with optional dot or space thousands separators: "1234", "1.234", "1 234 567". */
const GROUPED_RE = /^\d{1,3}(?:[. ]\d{3})+$/;
const DIGITS_RE = /^\d+$/;

function parseNonNegativeInteger(v: CellValue, label: string, hint: string, what: string): Parsed<number> {
  if (isBlankCell(v)) return fail(blankMessage(label, hint));
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return fail(col(label) + ": giá trị không phải là số. " + hint);
    if (v < 0) return fail(col(label) + ": " + quoteCell(formatNumberLoose(v)) + " là số âm. " + hint);
    if (!Number.isInteger(v)) {
      return fail(col(label) + ": " + quoteCell(formatNumberLoose(v)) + " không phải " + what + ". " + hint);
    }
    if (v > Number.MAX_SAFE_INTEGER) return fail(col(label) + ": số quá lớn. " + hint);
    return ok(v);
  }
  if (typeof v === "boolean" || v instanceof Date || v === null) {
    return fail(col(label) + ": " + quoteCell(v) + " không phải " + what + ". " + hint);
  }
  const typed = normalizeText(v);
  // No number is written in 100 characters: a pasted paragraph is refused without rewriting it whole.
  if (typed.length > 100)
    return fail(col(label) + ": " + quoteNormalized(typed) + " không phải " + what + ". " + hint);
  let s = collapseSpaces(typed);
  if (what === "số tiền") s = s.replace(/\s*(?:đồng|đ|vnđ|vnd)$/i, "");
  if (/^[-−–]/.test(s)) return fail(col(label) + ": " + quoteCell(v) + " là số âm. " + hint);
  let digits: string | null = null;
  if (DIGITS_RE.test(s)) digits = s;
  else if (GROUPED_RE.test(s)) digits = s.replace(/[. ]/g, "");
  if (digits === null) {
    return fail(col(label) + ": " + quoteCell(v) + " không phải " + what + ". " + hint);
  }
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return fail(col(label) + ": số quá lớn. " + hint);
  return ok(n);
}

/** Whole numbers ≥ 0 from numbers or Vietnamese-style text ("1.234", "1 234"); "12,5", "-3", "abc" refused. */
export function parseWholeNumber(v: CellValue, columnLabel: string): Parsed<number> {
  return parseNonNegativeInteger(v, columnLabel, WHOLE_HINT, "số nguyên");
}

/** Money in đồng: a whole number ≥ 0; a trailing "đ"/"đồng" is accepted. */
export function parseMoney(v: CellValue, columnLabel: string): Parsed<number> {
  return parseNonNegativeInteger(v, columnLabel, MONEY_HINT, "số tiền");
}

/** Sheets' serial day 0 is 1899-12-30, which is day -25569 from 1970-01-01. */
const SERIAL_EPOCH_DAY = -25569;
/** Serial numbers accepted as dates: 1900-01-01 … 9999-12-31. */
const SERIAL_MIN = 2;
const SERIAL_MAX = 2958465;

const DMY_RE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const YMD_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** The Vietnam date of each instant a Date cell held, "" when it is no date from 1900 on. */
const CIVIL_DATES = new Map<number, IsoDate>();

/** The date of each day number a serial cell held (the Sheets API's dates: a few hundred days a tab). */
const SERIAL_DATES = new Map<number, IsoDate>();

function civilDateAt(time: number): IsoDate {
  const iso = Number.isNaN(time) ? "" : civilDateOf(new Date(time));
  return isValidIso(iso) && iso >= "1900" ? iso : "";
}

/**
 * Dates from `Date` values (read as Vietnam wall time), "dd/mm/yyyy", "d/m/yyyy" (also with "-" or "."),
 * "yyyy-mm-dd" (what a date input gives), and Sheets serial numbers (days since 30/12/1899).
 */
export function parseDate(v: CellValue, columnLabel: string): Parsed<IsoDate> {
  if (isBlankCell(v)) return fail(blankMessage(columnLabel, DATE_HINT));
  if (v instanceof Date) {
    const iso = remembered(CIVIL_DATES, v.getTime(), civilDateAt);
    if (iso === "") return fail(col(columnLabel) + ": ngày không hợp lệ. " + DATE_HINT);
    return ok(iso);
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < SERIAL_MIN || v > SERIAL_MAX) {
      return fail(
        col(columnLabel) + ": " + quoteCell(formatNumberLoose(v)) + " không phải ngày. " + DATE_HINT,
      );
    }
    return ok(remembered(SERIAL_DATES, SERIAL_EPOCH_DAY + Math.floor(v), fromDayNumber));
  }
  if (typeof v === "boolean")
    return fail(col(columnLabel) + ": " + quoteCell(v) + " không phải ngày. " + DATE_HINT);
  const s = normalizeText(v);
  let y = 0;
  let m = 0;
  let d = 0;
  const dmy = DMY_RE.exec(s);
  const ymd = dmy ? null : YMD_RE.exec(s);
  if (dmy) {
    d = Number(dmy[1]);
    m = Number(dmy[2]);
    y = Number(dmy[3]);
  } else if (ymd) {
    y = Number(ymd[1]);
    m = Number(ymd[2]);
    d = Number(ymd[3]);
  } else {
    return fail(col(columnLabel) + ": " + quoteCell(v) + " không phải ngày. " + DATE_HINT);
  }
  const iso = isoOf(y, m, d);
  if (y < 1900 || !isValidIso(iso)) {
    return fail(col(columnLabel) + ": " + quoteCell(v) + " không có trong lịch. " + DATE_HINT);
  }
  return ok(iso);
}

const YES = new Set(["co", "c", "x", "yes", "y", "true", "1", "dung", "da co"]);
const NO = new Set(["khong", "k", "ko", "kh", "no", "n", "false", "0", "chua", "chua co"]);

/** Có/Không in any case, with or without diacritics; also x, 1/0, TRUE/FALSE (checkboxes). */
export function parseYesNo(v: CellValue, columnLabel: string): Parsed<boolean> {
  if (isBlankCell(v)) return fail(blankMessage(columnLabel, YESNO_HINT));
  if (typeof v === "boolean") return ok(v);
  if (typeof v === "number") {
    if (v === 1) return ok(true);
    if (v === 0) return ok(false);
  }
  const f = foldText(v);
  if (YES.has(f)) return ok(true);
  if (NO.has(f)) return ok(false);
  return fail(col(columnLabel) + ": " + quoteCell(v) + " không phải Có hoặc Không. " + YESNO_HINT);
}

/** The option as written in the plan, whatever the case, spacing, composition or diacritics typed. */
const FOLDED = new WeakMap<readonly string[], { nfc: string[]; folded: [string, string][] }>();

/** Each option in NFC and folded, computed once per list (lists come from the plan). */
function foldedOptions(options: readonly string[]): { nfc: string[]; folded: [string, string][] } {
  let forms = FOLDED.get(options);
  if (!forms) {
    forms = { nfc: options.map((o) => o.normalize("NFC")), folded: options.map((o) => [foldText(o), o]) };
    FOLDED.set(options, forms);
  }
  return forms;
}

export function matchOption(v: CellValue, options: readonly string[], columnLabel: string): Parsed<string> {
  const hint =
    options.length <= 6
      ? "Hãy chọn một trong: " + options.join("; ") + "."
      : "Hãy chọn một mục trong danh sách thả xuống của ô.";
  if (isBlankCell(v)) return fail(blankMessage(columnLabel, hint));
  const exact = normalizeText(v);
  const forms = foldedOptions(options);
  const at = forms.nfc.indexOf(exact);
  if (at >= 0) return ok(options[at] as string);
  const f = foldNormalized(exact);
  const hits = forms.folded.filter(([folded]) => folded === f).map(([, o]) => o);
  if (hits.length === 1 && hits[0] !== undefined) return ok(hits[0]);
  return fail(col(columnLabel) + ": " + quoteNormalized(exact) + " không có trong danh sách. " + hint);
}

/** Groups digits of a non-negative integer string with dots. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** 1234 → "1.234"; -1234 → "-1.234". Non-integers are rounded. */
export function formatWholeNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = Math.round(n);
  const sign = r < 0 ? "-" : "";
  return sign + groupThousands(String(Math.abs(r)));
}

/** Money: "1.500.000 đ". */
export function formatMoney(n: number): string {
  return formatWholeNumber(n) + " đ";
}

/** A number with dot thousands and comma decimals, up to `digits` decimals, trailing zeros dropped. */
export function formatDecimal(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return String(n);
  const f = 10 ** digits;
  const scaled = Math.round(Math.abs(n) * f);
  const intPart = Math.floor(scaled / f);
  let frac = String(scaled - intPart * f);
  while (frac.length < digits) frac = "0" + frac;
  frac = frac.replace(/0+$/, "");
  const sign = n < 0 && scaled !== 0 ? "-" : "";
  return sign + groupThousands(String(intPart)) + (frac ? "," + frac : "");
}

/** 33.333 → "33,3 %"; 100 → "100 %"; 1234.56 → "1.234,6 %". */
export function formatPercent(x: number, digits = 1): string {
  return formatDecimal(x, digits) + " %";
}

/** Reads back what `formatPercent` writes: "33,3 %", "33,3%", "100 %". */
export function parsePercent(v: CellValue, columnLabel: string): Parsed<number> {
  const hint = "Hãy nhập tỉ lệ phần trăm, ví dụ 33,3 %.";
  if (isBlankCell(v)) return fail(blankMessage(columnLabel, hint));
  if (typeof v === "number" && Number.isFinite(v)) return ok(v);
  const s = normalizeText(v);
  const m = /^(-?)(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?\s*%?$/.exec(s);
  if (!m) return fail(col(columnLabel) + ": " + quoteCell(v) + " không phải tỉ lệ phần trăm. " + hint);
  const n = Number((m[2] ?? "").replace(/\./g, "") + (m[3] ? "." + m[3] : ""));
  return ok(m[1] ? -n : n);
}

/** Numbers quoted in messages: Vietnamese decimals, not JavaScript's. */
function formatNumberLoose(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Number.isInteger(n) ? formatWholeNumber(n) : formatDecimal(n, 6);
}
