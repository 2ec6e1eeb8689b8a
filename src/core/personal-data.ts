/**
 * Personal data in free text: phone numbers, identity numbers (CMND/CCCD) and email addresses, found so
 * that a warning can ask for them to be removed (the sheet holds aggregate counts only).
 *
 * Every detector is linear in the text's length: a cell can hold 50,000 characters of pasted base64 or a
 * long URL, and an edit trigger checks many cells. Phone and ID patterns are regular expressions whose
 * matches are bounded in length (each start position costs a constant); email addresses, whose parts are
 * unbounded, are found around each "@" by a hand-written scan instead of a backtracking expression.
 * On top of that a cell is screened only up to SCREEN_LIMIT characters, and the warning says so.
 */
import { formatWholeNumber, normalizeForm } from "./parse";

export interface PersonalDataFinding {
  kind: "phone" | "idNumber" | "email";
  /** The match with most of it hidden, safe to show in a status cell. */
  masked: string;
  /** Where the match is in the (NFC) text: [start, end). */
  start: number;
  end: number;
}

/** Characters of one cell screened for personal data; a real summary of an activity is far shorter. */
export const SCREEN_LIMIT = 10_000;

/** Findings listed by name in a warning; the rest are counted. */
const LISTED = 3;

/**
 * Phone numbers: +84/(+84)/0084/84/0 followed by 9–10 digits, with single spaces, dots or dashes between
 * ("0912 345 678", "0912.345.678", "091-234-5678", "+84 912 345 678", "0220 3745 123").
 */
const PHONE_RE = /(?<![\d+])(?:\(\+84\)|\+84|0084|84|0)(?:[ .-]?\d){9,10}(?!\d)/g;
/** "120.000.000" is an amount, not a phone number. */
const AMOUNT_RE = /^\d{1,3}(?:\.\d{3})+$/;
/** Identity numbers in one run: 9 (old CMND) or 12 (CCCD) digits. */
const ID_RUN_RE = /(?<![\d.,])(?:\d{12}|\d{9})(?!\d|[.,]\d)/g;
/**
 * Identity numbers in groups, the same separator between each: CCCD "030 198 001 234", "030.198.001.234",
 * "0301 9800 1234", CMND "012 345 678". Only with a leading 0: a CCCD's first three digits are its
 * province code (001–096), and no amount is written with a leading 0, so "120.000.000" and
 * "1 234 567 890" stay amounts.
 */
const ID_GROUPED_RE =
  /(?<![\d.,]|\d[ .,-])0(?:\d{2}([ .-])\d{3}\1\d{3}(?:\1\d{3})?|\d{3}([ .-])\d{4}\2\d{4})(?![ .,-]?\d)/g;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}
/** [A-Za-z0-9.-]: a character of an address's domain. */
function isDomainChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 46 || c === 45;
}
/** [A-Za-z0-9._%+-]: a character of an address's local part. */
function isLocalChar(c: number): boolean {
  return isDomainChar(c) || c === 95 || c === 37 || c === 43;
}

/**
 * Email addresses: what /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g matches, found in one pass.
 * Neither part can contain "@", so the scans to the left and right of each "@" cover disjoint stretches.
 */
function emails(s: string, found: (start: number, end: number) => void): void {
  let lastEnd = 0;
  for (let at = s.indexOf("@"); at >= 0; at = s.indexOf("@", at + 1)) {
    let start = at;
    while (start > lastEnd && isLocalChar(s.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    let runEnd = at + 1;
    while (runEnd < s.length && isDomainChar(s.charCodeAt(runEnd))) runEnd++;
    // The expression's greedy domain backs off to the last dot that has two letters after it and at
    // least one character before it; the top-level domain then takes every letter that follows.
    for (let dot = runEnd - 3; dot > at + 1; dot--) {
      if (s.charCodeAt(dot) !== 46) continue;
      if (!isAsciiLetter(s.charCodeAt(dot + 1)) || !isAsciiLetter(s.charCodeAt(dot + 2))) continue;
      let end = dot + 3;
      while (end < runEnd && isAsciiLetter(s.charCodeAt(end))) end++;
      found(start, end);
      lastEnd = end;
      break;
    }
  }
}

/**
 * Whether `text` could hold anything screenPersonalData finds: every phone and ID number has at least 9
 * digits, every email an "@" (normalizing adds or removes neither). Most activity texts have neither, and
 * this one pass spares them the normalizing and the expressions.
 */
function mayHoldPersonalData(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 64) return true;
    if (c >= 48 && c <= 57 && ++digits >= 9) return true;
  }
  return false;
}

function mask(s: string): string {
  const t = s.trim();
  return t.length <= 4 ? "…" : t.slice(0, 3) + "…";
}

/**
 * Finds what looks like personal data in the whole of `text` (NFC), in order of kind (emails, phones, ID
 * numbers) and position; a stretch found as one kind is not reported again as another. Linear time.
 */
export function screenPersonalData(text: string): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  if (!mayHoldPersonalData(text)) return out;
  const s = normalizeForm(text, "NFC");
  // Which characters a finding already covers; only allocated once something is found.
  let taken: Uint8Array | null = null;
  const add = (kind: PersonalDataFinding["kind"], start: number, end: number) => {
    taken ??= new Uint8Array(s.length);
    taken.fill(1, start, end);
    out.push({ kind, masked: mask(s.slice(start, end)), start, end });
  };
  const free = (start: number, end: number) => {
    if (!taken) return true;
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  };
  emails(s, (start, end) => add("email", start, end));
  for (const m of s.matchAll(PHONE_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!AMOUNT_RE.test(m[0]) && free(start, end)) add("phone", start, end);
  }
  const ids: [number, number][] = [];
  for (const re of [ID_RUN_RE, ID_GROUPED_RE]) {
    for (const m of s.matchAll(re)) ids.push([m.index, m.index + m[0].length]);
  }
  ids.sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ids) if (free(start, end)) add("idNumber", start, end);
  return out;
}

const KIND_TEXT: Record<PersonalDataFinding["kind"], string> = {
  phone: "số điện thoại",
  idNumber: "số CMND/CCCD",
  email: "địa chỉ email",
};

/**
 * The warnings for one free-text cell, in Vietnamese: one per kind of personal data found (the first few
 * shown masked, the rest counted), and one when the cell is longer than what is screened.
 */
export function personalDataWarnings(header: string, text: string): string[] {
  const over = text.length > SCREEN_LIMIT;
  const findings = screenPersonalData(over ? text.slice(0, SCREEN_LIMIT) : text);
  const out: string[] = [];
  if (findings.length === 0 && !over) return out;
  for (const kind of ["email", "phone", "idNumber"] as const) {
    const own = findings.filter((f) => f.kind === kind);
    if (own.length === 0) continue;
    const shown = own
      .slice(0, LISTED)
      .map((f) => f.masked)
      .join(", ");
    const rest = own.length > LISTED ? " và " + formatWholeNumber(own.length - LISTED) + " chỗ khác" : "";
    out.push(
      'Cột "' +
        header +
        '" có vẻ chứa ' +
        (own.length > 1 ? formatWholeNumber(own.length) + " " : "") +
        KIND_TEXT[kind] +
        " (" +
        shown +
        rest +
        "). Bảng chỉ ghi số liệu tổng hợp: hãy xoá thông tin cá nhân khỏi ô này.",
    );
  }
  if (over) {
    out.push(
      'Cột "' +
        header +
        '" dài ' +
        formatWholeNumber(text.length) +
        " ký tự: chỉ " +
        formatWholeNumber(SCREEN_LIMIT) +
        " ký tự đầu được kiểm tra thông tin cá nhân, phần sau không được kiểm tra. " +
        "Hãy rút gọn nội dung thành một đoạn tóm tắt ngắn.",
    );
  }
  return out;
}
